/**
 * `f(…) IGNORE NULLS OVER (…)` / `RESPECT NULLS` (SQL:2011 null treatment of
 * lag, lead, first_value, last_value, nth_value; DataFusion, DuckDB, Spark):
 * PostgreSQL's grammar lacks it, so the words are blanked out before parsing
 * (same length: positions stay exact) and the offsets of IGNORE NULLS are
 * remembered; the adapter gives the window call whose text spans one of them
 * `ignoreNulls`.
 */

const PATTERN = /\b(ignore|respect)(\s+)nulls(?=\s+over\b)/gi;

/** The text with null treatments blanked, and the offsets of IGNORE NULLS. */
export function rewriteNullTreatment(sql: string): { text: string; ignoreNulls: number[] } {
  if (!/nulls/i.test(sql)) return { text: sql, ignoreNulls: [] };
  const ignoreNulls: number[] = [];
  let out = '';
  let last = 0;
  let i = 0;
  // Only outside string literals and quoted identifiers.
  const ranges: [number, number][] = [];
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      ranges.push([i, end < 0 ? sql.length : end + 1]);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    i++;
  }
  const quoted = (at: number): boolean => ranges.some(([a, b]) => at >= a && at < b);
  for (const m of sql.matchAll(PATTERN)) {
    if (quoted(m.index)) continue;
    if (m[1]!.toLowerCase() === 'ignore') ignoreNulls.push(m.index);
    out += sql.slice(last, m.index) + ' '.repeat(m[0].length);
    last = m.index + m[0].length;
  }
  return { text: out + sql.slice(last), ignoreNulls };
}
