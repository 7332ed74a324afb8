/**
 * DataFusion/DuckDB array literals `[1, 2, 3]` (and `[[1, 2], [3]]`) become
 * PostgreSQL's `ARRAY[…]` before libpg-query sees the text (issue 6). A `[`
 * starts a literal where an expression starts: at the beginning, after `(`, `,`,
 * an operator, or a keyword such as SELECT/VALUES/THEN; after a name, `)` or `]`
 * it is a subscript and stays. Brackets nested in a literal stay as they are
 * (`ARRAY[[1, 2], [3]]` is PostgreSQL's own nested form).
 */
import { skipQuotedOrComment } from './skip-quoted.ts';

const EXPRESSION_KEYWORDS = new Set([
  'select', 'values', 'then', 'else', 'when', 'and', 'or', 'not', 'in', 'return', 'distinct', 'all', 'any', 'some', 'is', 'like', 'between',
]);

/** `sql` with bracket array literals spelled `ARRAY[…]`. */
export function bracketArraysToArray(sql: string): string {
  if (!sql.includes('[')) return sql;
  let out = '';
  // the text so far without comments: what decides whether a `[` starts an expression
  let code = '';
  // one entry per open bracket: true when it opened (or sits inside) an array literal
  const stack: boolean[] = [];
  let i = 0;
  while (i < sql.length) {
    const skip = skipQuotedOrComment(sql, i);
    if (skip > i) {
      const token = sql.slice(i, skip);
      out += token;
      code += token.startsWith('--') ? ' ' : token;
      i = skip;
      continue;
    }
    const c = sql[i]!;
    if (c === '[') {
      const inLiteral = stack.length > 0 && stack[stack.length - 1]!;
      const literal = !inLiteral && startsExpression(code);
      stack.push(inLiteral || literal);
      out += literal ? 'ARRAY[' : '[';
      code += '[';
      i++;
      continue;
    }
    if (c === ']') stack.pop();
    out += c;
    code += c;
    i++;
  }
  return out;
}

/** True when the text so far ends where an expression may start. */
function startsExpression(before: string): boolean {
  const t = before.trimEnd();
  if (t.length === 0) return true;
  const last = t[t.length - 1]!;
  if (/[A-Za-z0-9_$]/.test(last)) {
    const word = /[A-Za-z_][A-Za-z0-9_$]*$/.exec(t)?.[0]?.toLowerCase();
    return word !== undefined && EXPRESSION_KEYWORDS.has(word);
  }
  return !(last === ')' || last === ']' || last === '"' || last === "'");
}

