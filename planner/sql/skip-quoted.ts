/**
 * The one scanning step the text rewrites before libpg-query share (backtick identifiers, bracket
 * arrays, struct literals, Spark type names): never rewrite inside a string, a quoted identifier or a
 * comment, so `'[1]'`, `"a{b}"` and `-- x[1]` stay as written.
 */

/**
 * The index after the string ('…'), quoted identifier ("…") or comment (-- to the end of the line,
 * /* … *\/) that starts at `i`, or `i` itself when none starts there. Doubled quotes are escapes;
 * an unterminated one runs to the end (the parser reports it).
 */
export function skipQuotedOrComment(sql: string, i: number): number {
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
