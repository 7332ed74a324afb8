/**
 * Compares query results printed as text, the way TPC-H answers are judged:
 * same rows in the same order; decimals equal to the digit when both sides
 * print the same scale (money to the cent); values one engine computes as
 * doubles (averages, ratios) equal within 1e-9 relative.
 */

export type TextRows = readonly (readonly (string | null)[])[];

/** Lists the differences (at most `limit`); an empty list means the results match. */
export function compareTextRows(actual: TextRows, expected: TextRows, columnNames: readonly string[], limit = 10): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`row count ${actual.length} ≠ ${expected.length}`);
  const n = Math.min(actual.length, expected.length);
  for (let r = 0; r < n && problems.length < limit; r++) {
    const a = actual[r]!;
    const e = expected[r]!;
    if (a.length !== e.length) { problems.push(`row ${r + 1}: ${a.length} columns ≠ ${e.length}`); continue; }
    for (let c = 0; c < e.length; c++) {
      if (!valuesMatch(a[c] ?? null, e[c] ?? null)) problems.push(`row ${r + 1} column ${columnNames[c] ?? c + 1}: got ${a[c]} expected ${e[c]}`);
    }
  }
  return problems;
}

function scaleOf(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function valuesMatch(a: string | null, e: string | null): boolean {
  if (a === e) return true;
  if (a === null || e === null) return false;
  if (a.trim() === '' || e.trim() === '') return false;
  const x = Number(a);
  const y = Number(e);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  const exactDecimal = /^-?\d+(\.\d+)?$/;
  if (exactDecimal.test(a) && exactDecimal.test(e) && scaleOf(a) === scaleOf(e) && scaleOf(e) <= 6) {
    return BigInt(a.replace('.', '')) === BigInt(e.replace('.', ''));
  }
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
}
