/**
 * A query that is only a FROM clause — `FROM t`, `CREATE TABLE x AS FROM t`,
 * `(FROM a, b)` — means `SELECT * FROM …` (Spark 4 / Databricks SQL pipe
 * syntax, DuckDB). PostgreSQL's grammar lacks it, so `SELECT * ` is inserted
 * before such a FROM (positions after it shift by 9). A FROM followed by its
 * own SELECT (`FROM t SELECT a`) is left alone.
 */

const QUERY_START_BEFORE_PAREN = new Set(['', 'from', 'join', ',', '(', 'as', 'in', 'exists', 'lateral', '=']);

interface Token { readonly text: string; readonly start: number; readonly depth: number }

/** Keyword/identifier/punctuation tokens outside strings, quoted identifiers and comments, with paren depth. */
function tokens(sql: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out.push({ text: c, start: i, depth });
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      out.push({ text: sql.slice(i, j).toLowerCase(), start: i, depth });
      i = j;
    } else {
      if (c === ')') depth--;
      out.push({ text: c, start: i, depth });
      if (c === '(') depth++;
      i++;
    }
  }
  return out;
}

/** True when the `)` at `close` ends a WITH entry `name AS [NOT] [MATERIALIZED] (…)`: the main query follows. */
function closesCte(toks: readonly Token[], close: number): boolean {
  const depth = toks[close]!.depth;
  let open = close - 1;
  while (open >= 0 && !(toks[open]!.text === '(' && toks[open]!.depth === depth)) open--;
  const before = open > 0 ? toks[open - 1]!.text : '';
  return before === 'as' || before === 'materialized';
}

/** `sql` with `SELECT * ` before every FROM that starts a query. */
export function rewriteFromFirst(sql: string): string {
  if (!/\bfrom\b/i.test(sql)) return sql;
  const toks = tokens(sql);
  const inserts: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.text !== 'from') continue;
    const prev = k > 0 ? toks[k - 1]!.text : '';
    const starts = prev === '' || prev === 'as' || prev === ';'
      || (prev === '(' && QUERY_START_BEFORE_PAREN.has(k > 1 ? toks[k - 2]!.text : ''))
      || (prev === ')' && closesCte(toks, k - 1));
    if (!starts) continue;
    // its own SELECT later at the same depth (FROM t SELECT a): not this form
    let ownSelect = false;
    for (let m = k + 1; m < toks.length && toks[m]!.depth >= t.depth; m++) {
      if (toks[m]!.depth === t.depth && toks[m]!.text === 'select') { ownSelect = true; break; }
    }
    if (!ownSelect) inserts.push(t.start);
  }
  if (inserts.length === 0) return sql;
  let out = '';
  let last = 0;
  for (const at of inserts) { out += `${sql.slice(last, at)}SELECT * `; last = at; }
  return out + sql.slice(last);
}
