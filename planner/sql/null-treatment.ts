/**
 * Null treatment, which PostgreSQL's grammar lacks (SQL:2011; DataFusion, DuckDB, Spark):
 * - `f(…) IGNORE NULLS OVER (…)` / `RESPECT NULLS` of lag, lead, first_value, last_value, nth_value;
 * - after an aggregate call: `array_agg(x) IGNORE NULLS`, `first_value(x ORDER BY y) RESPECT NULLS`;
 * - inside the call's parentheses: `array_agg(DISTINCT x IGNORE NULLS)`, `lag(x IGNORE NULLS) OVER (…)`.
 * The words are blanked out before parsing (same length: positions stay exact). The offsets of
 * IGNORE NULLS before OVER are remembered, and for the other two forms the offset of the call
 * (the start of its function name); the adapter marks those calls `ignoreNulls`.
 */

const PATTERN = /\b(ignore|respect)(\s+)nulls\b/gi;

/** What `rewriteNullTreatment` found. */
export interface NullTreatment {
  /** The text with every null treatment blanked. */
  readonly text: string;
  /** Offsets of IGNORE NULLS followed by OVER. */
  readonly ignoreNulls: number[];
  /** Start offsets of the function calls (their names) that IGNORE NULLS applies to, after or inside their parentheses. */
  readonly ignoreNullsCalls: number[];
  /** The same for RESPECT NULLS (the default, but only some functions accept the clause). */
  readonly respectNullsCalls: number[];
}

/** The text with null treatments blanked, and where IGNORE NULLS applies. */
export function rewriteNullTreatment(sql: string): NullTreatment {
  if (!/nulls/i.test(sql)) return { text: sql, ignoreNulls: [], ignoreNullsCalls: [], respectNullsCalls: [] };
  const ignoreNulls: number[] = [];
  const ignoreNullsCalls: number[] = [];
  const respectNullsCalls: number[] = [];
  // Only outside string literals and quoted identifiers.
  const quotedAt = new Uint8Array(sql.length);
  for (let i = 0; i < sql.length;) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      quotedAt.fill(1, i, stop);
      i = stop;
      continue;
    }
    i++;
  }
  let out = '';
  let last = 0;
  for (const m of sql.matchAll(PATTERN)) {
    if (quotedAt[m.index] === 1) continue;
    const end = m.index + m[0].length;
    const ignore = m[1]!.toLowerCase() === 'ignore';
    let call = -1;
    if (/^\s+over\b/i.test(sql.slice(end, end + 16))) {
      if (ignore) ignoreNulls.push(m.index);
    } else {
      const before = previousNonSpace(sql, m.index - 1);
      if (before >= 0 && sql[before] === ')' && quotedAt[before] === 0) call = callStart(sql, quotedAt, matchingOpen(sql, quotedAt, before));
      else if (sql[nextNonSpace(sql, end)] === ')') call = callStart(sql, quotedAt, matchingOpen(sql, quotedAt, m.index));
      if (call < 0) continue; // not a null treatment: leave the text to the parser
      (ignore ? ignoreNullsCalls : respectNullsCalls).push(call);
    }
    out += sql.slice(last, m.index) + ' '.repeat(m[0].length);
    last = end;
  }
  return { text: out + sql.slice(last), ignoreNulls, ignoreNullsCalls, respectNullsCalls };
}

function previousNonSpace(sql: string, i: number): number {
  while (i >= 0 && /\s/.test(sql[i]!)) i--;
  return i;
}

function nextNonSpace(sql: string, i: number): number {
  while (i < sql.length && /\s/.test(sql[i]!)) i++;
  return i;
}

/** The `(` that opens the parenthesis level at `from` (the `)` itself, or a position inside): -1 if none. */
function matchingOpen(sql: string, quotedAt: Uint8Array, from: number): number {
  let depth = sql[from] === ')' ? 0 : 1;
  for (let i = sql[from] === ')' ? from : from - 1; i >= 0; i--) {
    if (quotedAt[i] === 1) continue;
    if (sql[i] === ')') depth++;
    else if (sql[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The start of the function name before the `(` at `open`: -1 when no name precedes it. The
 * parentheses of `WITHIN GROUP (…)` and `FILTER (…)` lead back to the call before them.
 */
function callStart(sql: string, quotedAt: Uint8Array, open: number): number {
  if (open < 0) return -1;
  let i = previousNonSpace(sql, open - 1);
  const end = i;
  while (i >= 0 && quotedAt[i] === 0 && /[\w.$]/.test(sql[i]!)) i--;
  if (i === end) return -1;
  const word = sql.slice(i + 1, end + 1).toLowerCase();
  let before = previousNonSpace(sql, i);
  if (word === 'group' && /within$/i.test(sql.slice(Math.max(0, before - 5), before + 1))) before = previousNonSpace(sql, before - 6);
  else if (word !== 'filter') return i + 1;
  return before >= 0 && sql[before] === ')' ? callStart(sql, quotedAt, matchingOpen(sql, quotedAt, before)) : -1;
}
