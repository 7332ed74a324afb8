/**
 * The shell's input buffer: lines accumulate until a `;` ends a statement at
 * top level (not inside a quoted string or identifier, a comment, or a
 * dollar-quoted body), the way psql decides when to send a query.
 */

/** Splits `text` into complete statements (each ending at a top-level `;`) and the unfinished rest. */
export function takeCompleteStatements(text: string): { statements: string[]; rest: string } {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      // E'…' strings allow backslash escapes
      const backslash = c === "'" && i > 0 && (text[i - 1] === 'E' || text[i - 1] === 'e') && !/[A-Za-z0-9_]/.test(text[i - 2] ?? '');
      const end = closeQuote(text, i, c, backslash);
      if (end < 0) break;
      i = end;
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = closeBlockComment(text, i);
      if (end < 0) break;
      i = end;
    } else if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(text.slice(i, i + 64));
      if (m && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
        const close = text.indexOf(m[0], i + m[0].length);
        if (close < 0) break;
        i = close + m[0].length;
      } else {
        i++;
      }
    } else if (c === ';') {
      const statement = text.slice(start, i + 1).trim();
      if (statement !== ';') statements.push(statement);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  return { statements, rest: text.slice(start) };
}

/** Index after the closing quote, or -1 if the quote is still open. */
function closeQuote(text: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (backslash && c === '\\') { j += 2; continue; }
    if (c === quote) {
      if (text[j + 1] === quote) { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return -1;
}

/** Index after a (possibly nested) block comment, or -1 if it is still open. */
function closeBlockComment(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    if (text[j] === '/' && text[j + 1] === '*') { depth++; j += 2; continue; }
    if (text[j] === '*' && text[j + 1] === '/') { depth--; j += 2; if (depth === 0) return j; continue; }
    j++;
  }
  return -1;
}

/** True when `text` holds nothing but blanks and comments. */
export function isBlank(text: string): boolean {
  return text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}
