/**
 * Spark and Databricks quote identifiers with backticks (`delta.\`/data/t\``,
 * `` `my col` ``); PostgreSQL uses double quotes. Before parsing, every
 * backtick-quoted identifier outside strings, comments and double-quoted
 * identifiers becomes a double-quoted one (a `` `` `` inside is a literal
 * backtick, a `"` inside is doubled), so both dialects reach the same AST.
 */
import { skipQuotedOrComment } from './skip-quoted.ts';

/** `sql` with backtick-quoted identifiers turned into double-quoted ones. */
export function backticksToDoubleQuotes(sql: string): string {
  if (!sql.includes('`')) return sql;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const skip = skipQuotedOrComment(sql, i);
    if (skip > i) { out += sql.slice(i, skip); i = skip; continue; }
    if (c !== '`') { out += c; i++; continue; }
    let name = '';
    let j = i + 1;
    for (; j < sql.length; j++) {
      if (sql[j] === '`') {
        if (sql[j + 1] === '`') { name += '`'; j++; continue; }
        break;
      }
      name += sql[j];
    }
    if (j >= sql.length) { out += sql.slice(i); break; } // unterminated: leave it for the parser to report
    out += `"${name.replace(/"/g, '""')}"`;
    i = j + 1;
  }
  return out;
}

