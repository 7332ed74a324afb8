/**
 * Databricks' `QUALIFY cond` (filter on window function results, after
 * HAVING) is not in PostgreSQL's grammar: before libpg-query parses, each
 * `QUALIFY cond` becomes an entry `__loch_qualify AS (PARTITION BY (cond))` of
 * its SELECT's WINDOW clause, which the adapter turns back into
 * `SelectQuery.qualify`. Positions after a QUALIFY shift by a few characters.
 */

/** Name of the WINDOW entry carrying a QUALIFY condition. */
export const QUALIFY_WINDOW = '__loch_qualify';

const ENDERS = new Set(['order', 'limit', 'offset', 'fetch', 'window', 'union', 'intersect', 'except', 'for']);

interface Token { readonly word: string; readonly start: number; readonly end: number; readonly depth: number }

/** Words and parentheses outside strings, quoted identifiers and comments, with their nesting depth. */
function tokens(sql: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (let i = 0; i < sql.length;) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') { const e = sql.indexOf(ch, i + 1); i = e < 0 ? sql.length : e + 1; continue; }
    if (ch === '-' && sql[i + 1] === '-') { const e = sql.indexOf('\n', i); i = e < 0 ? sql.length : e + 1; continue; }
    if (ch === '(') { out.push({ word: '(', start: i, end: i + 1, depth }); depth++; i++; continue; }
    if (ch === ')') { depth--; out.push({ word: ')', start: i, end: i + 1, depth }); i++; continue; }
    if (ch === ';') { out.push({ word: ';', start: i, end: i + 1, depth }); i++; continue; }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      out.push({ word: sql.slice(i, j).toLowerCase(), start: i, end: j, depth });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

/** The text with every QUALIFY clause moved into its SELECT's WINDOW clause. */
export function rewriteQualify(sql: string): string {
  if (!/qualify/i.test(sql)) return sql;
  const toks = tokens(sql);
  const q = toks.findIndex((t) => t.word === 'qualify');
  if (q < 0) return sql;
  const depth = toks[q]!.depth;
  // The condition runs to the next clause keyword (or closing parenthesis) at the same depth.
  let k = q + 1;
  while (k < toks.length) {
    const t = toks[k]!;
    if (t.depth < depth || (t.depth === depth && (ENDERS.has(t.word) || t.word === ';'))) break;
    k++;
  }
  const condEnd = k < toks.length ? toks[k]!.start : sql.length;
  const cond = sql.slice(toks[q]!.end, condEnd).trim();
  const entry = `${QUALIFY_WINDOW} AS (PARTITION BY (${cond}))`;
  // A WINDOW clause of the same SELECT before QUALIFY (no SELECT / FROM in between at this depth)?
  let windowBefore = false;
  for (let j = q - 1; j >= 0; j--) {
    const t = toks[j]!;
    if (t.depth < depth) break;
    if (t.depth > depth) continue;
    if (t.word === 'window') { windowBefore = true; break; }
    if (t.word === 'select' || t.word === 'union' || t.word === 'intersect' || t.word === 'except') break;
  }
  const windowAfter = k < toks.length && toks[k]!.word === 'window' && toks[k]!.depth === depth;
  let out: string;
  if (windowAfter) out = `${sql.slice(0, toks[q]!.start)}WINDOW ${entry},${sql.slice(toks[k]!.end)}`;
  else if (windowBefore) out = `${sql.slice(0, toks[q]!.start).trimEnd()}, ${entry} ${sql.slice(condEnd)}`;
  else out = `${sql.slice(0, toks[q]!.start)}WINDOW ${entry} ${sql.slice(condEnd)}`;
  return rewriteQualify(out);
}
