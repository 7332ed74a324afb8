/**
 * `?` parameter markers in PREPARE (DuckDB, JDBC, Databricks' unnamed parameter markers):
 * PostgreSQL numbers its parameters, so inside `PREPARE name AS …` each `?` that stands
 * where a value goes becomes `$1`, `$2`, … in order. A `?` right after a value (an
 * identifier, literal or closing bracket: `data ? 'key'`) is PostgreSQL's jsonb operator
 * and stays, as do `?|`, `?&` and any `?` in string literals, quoted identifiers and comments.
 */
import { quotedRanges } from './try-cast.ts';

/** Words after which a `?` is a value, not an operator. */
const VALUE_AFTER = new Set(['as', 'select', 'where', 'and', 'or', 'not', 'limit', 'offset', 'then', 'else', 'when', 'in', 'like', 'ilike', 'is', 'between', 'by', 'values', 'set', 'return', 'case', 'distinct', 'on']);

/** `sql` with the `?` markers of a PREPARE statement numbered `$1`, `$2`, …; other statements unchanged. */
export function numberQuestionPlaceholders(sql: string): string {
  if (!/^\s*prepare\b/i.test(sql) || !sql.includes('?')) return sql;
  const quoted = new Uint8Array(sql.length);
  for (const [a, b] of quotedRanges(sql)) quoted.fill(1, a, b);
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c !== '?' || quoted[i] === 1 || sql[i + 1] === '|' || sql[i + 1] === '&') { out += c; continue; }
    let j = i - 1;
    while (j >= 0 && /\s/.test(sql[j]!)) j--;
    const prev = j >= 0 ? sql[j]! : '';
    let isValue = !/[\w'")\]]/.test(prev);
    if (!isValue && /\w/.test(prev)) {
      let k = j;
      while (k >= 0 && /\w/.test(sql[k]!)) k--;
      isValue = VALUE_AFTER.has(sql.slice(k + 1, j + 1).toLowerCase());
    }
    out += isValue ? `$${++n}` : c;
  }
  return out;
}
