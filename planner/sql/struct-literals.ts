/**
 * DuckDB/DataFusion struct literals `{'a': 1, 'b': 'x'}` (keys may also be bare or
 * double-quoted names) become Spark's `named_struct('a', 1, 'b', 'x')` before
 * libpg-query sees the text (issue 6). PostgreSQL has no `{` token outside strings,
 * so every brace outside quotes and comments opens a literal. Only the `:` at the top
 * level of a literal separates a key from its value (`::` casts and colons nested in
 * parentheses or brackets stay as they are).
 */
import { skipQuotedOrComment } from './skip-quoted.ts';

/** `sql` with struct literals spelled `named_struct(…)`. */
export function structLiteralsToNamedStruct(sql: string): string {
  if (!sql.includes('{')) return sql;
  let out = '';
  // one entry per open bracket of any kind: '{' (a struct literal), '(' or '['
  const stack: string[] = [];
  // per open struct literal: true while its next token is a key
  const expectKey: boolean[] = [];
  let i = 0;
  while (i < sql.length) {
    const skip = skipQuotedOrComment(sql, i);
    if (skip > i) {
      const token = sql.slice(i, skip);
      out += stack[stack.length - 1] === '{' && expectKey[expectKey.length - 1] && token.startsWith('"')
        ? `'${token.slice(1, -1).replace(/""/g, '"').replace(/'/g, "''")}'` : token;
      i = skip;
      continue;
    }
    const c = sql[i]!;
    const top = stack[stack.length - 1];
    if (c === '{') {
      stack.push('{'); expectKey.push(true);
      out += 'named_struct(';
    } else if (c === '}' && top === '{') {
      stack.pop(); expectKey.pop();
      out += ')';
    } else if (c === '(' || c === '[') {
      stack.push(c);
      out += c;
    } else if ((c === ')' || c === ']') && top !== '{') {
      stack.pop();
      out += c;
    } else if (top === '{' && c === ':' && sql[i + 1] !== ':' && sql[i - 1] !== ':') {
      expectKey[expectKey.length - 1] = false;
      out += ',';
    } else if (top === '{' && c === ',') {
      expectKey[expectKey.length - 1] = true;
      out += c;
    } else if (top === '{' && expectKey[expectKey.length - 1] && /[A-Za-z_]/.test(c)) {
      // a bare key: `{a: 1}` names the field a
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      out += `'${sql.slice(i, j)}'`;
      i = j;
      continue;
    } else {
      out += c;
    }
    i++;
  }
  return out;
}

