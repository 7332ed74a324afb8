/**
 * Spark/Databricks nested type names — `ARRAY<INT>`, `STRUCT<a: INT, b: STRING>`,
 * `MAP<STRING, ARRAY<INT>>` — which PostgreSQL's grammar cannot parse, become one
 * double-quoted type name (`"ARRAY<INT>"`) before libpg-query sees the text;
 * planner/functions/nested-type-names.ts parses it back (issue 6).
 *
 * `ARRAY[…]` constructors are untouched (no `<`); `MAP` needs the `<` right after
 * it so that `map < 3` (a column called map) stays a comparison.
 */
import { skipQuotedOrComment } from './skip-quoted.ts';

/** `sql` with Spark nested type names quoted. */
export function quoteSparkTypeNames(sql: string): string {
  if (!/(array|struct)\s*<|map</i.test(sql)) return sql;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const skip = skipQuotedOrComment(sql, i);
    if (skip > i) { out += sql.slice(i, skip); i = skip; continue; }
    const m = /^(array|struct)\s*<|^map</i.exec(sql.slice(i, i + 12));
    const wordStart = i === 0 || !/[A-Za-z_0-9$."]/.test(sql[i - 1]!);
    if (m && wordStart) {
      const end = closingAngle(sql, i + m[0].length);
      if (end > 0) {
        out += `"${sql.slice(i, end + 1).replace(/"/g, '""')}"`;
        i = end + 1;
        continue;
      }
    }
    out += sql[i];
    i++;
  }
  return out;
}

/** Index of the `>` closing the `<` just before `from`, or -1. */
function closingAngle(sql: string, from: number): number {
  let depth = 1;
  for (let j = from; j < sql.length; j++) {
    const skip = skipQuotedOrComment(sql, j);
    if (skip > j) { j = skip - 1; continue; }
    const c = sql[j];
    if (c === '<') depth++;
    else if (c === '>') { if (--depth === 0) return j; }
    else if (c === ';' || c === "'") return -1;
  }
  return -1;
}

