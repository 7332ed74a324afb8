/**
 * A trailing comma after the last select-list item, `SELECT a, b, FROM t` (DuckDB, DataFusion,
 * BigQuery): PostgreSQL's grammar rejects it, and `, FROM` can mean nothing else (FROM is a
 * reserved word), so the comma is blanked before parsing (same length: positions stay exact).
 */
import { quotedRanges } from './try-cast.ts';

/** `sql` with every comma directly before the FROM keyword replaced by a space. */
export function dropTrailingSelectComma(sql: string): string {
  if (!/,\s*from\b/i.test(sql)) return sql;
  const quoted = new Uint8Array(sql.length);
  for (const [a, b] of quotedRanges(sql)) quoted.fill(1, a, b);
  let out = sql;
  for (const m of sql.matchAll(/,(\s*)from\b/gi)) {
    const from = m.index + 1 + m[1]!.length;
    if (quoted[m.index] === 1 || quoted[from] === 1) continue;
    out = `${out.slice(0, m.index)} ${out.slice(m.index + 1)}`;
  }
  return out;
}
