/**
 * A trailing comma before a closing parenthesis or at the end of the statement:
 * `CREATE TABLE t (a int, b int,)`, `INSERT INTO t VALUES (1, 2), (3, 4),` (DuckDB, BigQuery,
 * Python-style lists). PostgreSQL's grammar has no construct where `,` is directly followed by `)`
 * or ends a statement, so such a comma (outside string literals, quoted identifiers and comments)
 * is blanked before parsing; the text keeps its length so error positions stay exact.
 */
import { quotedRanges } from './try-cast.ts';

/** `sql` (one statement) with every comma followed (after white space) by `)` or the end replaced by a space. */
export function dropCommaBeforeParen(sql: string): string {
  if (!/,\s*(\)|;?\s*$)/.test(sql)) return sql;
  const quoted = new Uint8Array(sql.length);
  for (const [a, b] of quotedRanges(sql)) quoted.fill(1, a, b);
  let out = sql;
  for (const m of sql.matchAll(/,(\s*)(?:\)|;?\s*$)/g)) {
    const close = m.index + 1 + m[1]!.length;
    if (quoted[m.index] === 1 || quoted[close] === 1) continue;
    out = `${out.slice(0, m.index)} ${out.slice(m.index + 1)}`;
  }
  return out;
}
