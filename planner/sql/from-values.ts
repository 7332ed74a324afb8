/**
 * `FROM VALUES (1, 'a'), (2, 'b') AS t(x, y)` (Spark, Databricks, DuckDB, DataFusion): an inline
 * table without parentheses. PostgreSQL wants `FROM (VALUES …) t(x, y)`, so the whitespace before
 * VALUES becomes `(` and the whitespace after the last row `)` (inserted when there is none), so
 * positions stay exact but for at most one character at the end.
 */
import { quotedRanges } from './try-cast.ts';

const PATTERN = /\b(from|join)(\s+)values\s*\(/gi;

/** `sql` with every parenthesis-less `FROM VALUES …` / `JOIN VALUES …` wrapped in parentheses. */
export function parenthesizeFromValues(sql: string): string {
  if (!/\bvalues\s*\(/i.test(sql) || !/\b(from|join)\s+values\b/i.test(sql)) return sql;
  const skipped = quotedRanges(sql);
  const quoted = new Uint8Array(sql.length);
  for (const [a, b] of skipped) quoted.fill(1, a, b);
  let out = sql;
  // right to left, so earlier offsets stay valid while inserting
  const matches = [...sql.matchAll(PATTERN)].filter((m) => quoted[m.index] === 0).reverse();
  for (const m of matches) {
    const space = m.index + m[1]!.length + m[2]!.length - 1; // the last whitespace before VALUES
    let i = m.index + m[0].length - 1; // the first row's '('
    let end = -1;
    for (;;) {
      const close = closingParen(out, quoted, i);
      if (close < 0) break;
      end = close;
      let j = close + 1;
      while (j < out.length && /\s/.test(out[j]!)) j++;
      if (out[j] !== ',') break;
      j++;
      while (j < out.length && /\s/.test(out[j]!)) j++;
      if (out[j] !== '(') break;
      i = j;
    }
    if (end < 0) continue;
    const after = end + 1 < out.length && /\s/.test(out[end + 1]!) ? `${out.slice(0, end + 1)})${out.slice(end + 2)}` : `${out.slice(0, end + 1)})${out.slice(end + 1)}`;
    out = `${after.slice(0, space)}(${after.slice(space + 1)}`;
  }
  return out;
}

/** The `)` closing the `(` at `open` (outside quotes), or -1. */
function closingParen(sql: string, quoted: Uint8Array, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    if (quoted[i] === 1) continue;
    if (sql[i] === '(') depth++;
    else if (sql[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
