/**
 * Spark and Databricks quote identifiers with backticks (`delta.\`/data/t\``,
 * `` `my col` ``); PostgreSQL uses double quotes. Before parsing, every
 * backtick-quoted identifier outside strings, comments and double-quoted
 * identifiers becomes a double-quoted one (a `` `` `` inside is a literal
 * backtick, a `"` inside is doubled), so both dialects reach the same AST.
 */

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

/** The index after a string, dollar-free quoted identifier or comment starting at `i` (or `i`). */
function skipQuotedOrComment(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === c) { if (sql[j + 1] === c) { j += 2; continue; } return j + 1; }
      j++;
    }
    return sql.length;
  }
  if (c === '-' && sql[i + 1] === '-') { const nl = sql.indexOf('\n', i); return nl < 0 ? sql.length : nl; }
  if (c === '/' && sql[i + 1] === '*') { const end = sql.indexOf('*/', i + 2); return end < 0 ? sql.length : end + 2; }
  return i;
}
