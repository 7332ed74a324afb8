/**
 * `STRUCT(a AS x, b AS 'y')` (Spark, Databricks, DataFusion): a struct whose fields are named by
 * aliases, which PostgreSQL's grammar cannot take inside a call. Such a call becomes
 * `named_struct('x', a, 'y', b)` before parsing (issue 6); fields without an alias are named
 * `col1`, `col2`, … by position (Spark). Calls without any alias are left to `struct(…)`.
 * Positions after a rewritten call shift by a few characters.
 */
import { quotedRanges } from './try-cast.ts';

const ALIAS = /^\s*([\s\S]*?)\s+as\s+('(?:[^']|'')*'|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)\s*$/i;

/** `sql` with every `struct(… AS name …)` spelled `named_struct('name', …)`. */
export function structAliasesToNamedStruct(sql: string): string {
  if (!/\bstruct\s*\(/i.test(sql) || !/\bas\b/i.test(sql)) return sql;
  const quoted = new Uint8Array(sql.length);
  for (const [a, b] of quotedRanges(sql)) quoted.fill(1, a, b);
  let out = '';
  let last = 0;
  for (const m of sql.matchAll(/\bstruct\s*\(/gi)) {
    if (m.index < last || quoted[m.index] === 1 || /[\w.]$/.test(sql.slice(0, m.index))) continue;
    const open = m.index + m[0].length - 1;
    const args = splitArguments(sql, quoted, open);
    if (!args) continue;
    const named = args.parts.map((p) => ALIAS.exec(sql.slice(p[0], p[1])));
    if (!named.some((n) => n !== null)) continue;
    // the arguments' own text is rewritten too (a nested struct(… AS …))
    const fields = args.parts.map((p, i) => {
      const n = named[i];
      const name = n ? fieldName(n[2]!) : `col${i + 1}`;
      const value = n ? n[1]! : sql.slice(p[0], p[1]).trim();
      return `'${name.replace(/'/g, "''")}', ${structAliasesToNamedStruct(value)}`;
    });
    out += `${sql.slice(last, m.index)}named_struct(${fields.join(', ')})`;
    last = args.close + 1;
  }
  return last === 0 ? sql : out + sql.slice(last);
}

function fieldName(alias: string): string {
  if (alias.startsWith("'")) return alias.slice(1, -1).replace(/''/g, "'");
  if (alias.startsWith('"')) return alias.slice(1, -1).replace(/""/g, '"');
  return alias.toLowerCase();
}

/** The top-level argument ranges of the call whose `(` is at `open`, and its closing `)`. */
function splitArguments(sql: string, quoted: Uint8Array, open: number): { parts: [number, number][]; close: number } | null {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < sql.length; i++) {
    if (quoted[i] === 1) continue;
    const c = sql[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (--depth === 0) {
        if (sql.slice(start, i).trim() !== '') parts.push([start, i]);
        return { parts, close: i };
      }
    } else if (c === ',' && depth === 1) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  return null;
}
