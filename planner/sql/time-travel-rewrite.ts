/**
 * Delta time travel in FROM (`t VERSION AS OF 3`, `t TIMESTAMP AS OF '2024-01-01'`)
 * is not PostgreSQL syntax, so before libpg-query sees a statement each such
 * table reference becomes a call of the internal table function
 * `__loch_time_travel('t', 'version', '3') AS t`, which the catalog resolves.
 * Quoted strings, quoted identifiers and comments are masked first so that
 * text inside them is never rewritten.
 */

export const TIME_TRAVEL_FUNCTION = '__loch_time_travel';

const PATTERN = /((?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)(?:\.(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*))*)\s+(version|timestamp)\s+as\s+of\s+(\d+|'(?:[^']|'')*')(\s+(?:as\s+)?(?!where\b|group\b|order\b|limit\b|join\b|left\b|right\b|full\b|inner\b|cross\b|on\b|union\b|having\b)[A-Za-z_][\w$]*)?/gi;

/** Blanks out string contents and comments (same length, quotes kept), so patterns only match code. */
function mask(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith("'") ? `'${' '.repeat(m.length - 2)}'` : ' '.repeat(m.length)));
}

/** The parts of a possibly quoted, dotted name (quoted parts may contain dots). */
function nameParts(name: string): string[] {
  return [...name.matchAll(/"((?:[^"]|"")+)"|([^."]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!.toLowerCase()));
}

/** An identifier as SQL text: bare when it can be, double-quoted otherwise. */
function identifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function rewriteTimeTravel(sql: string): string {
  const masked = mask(sql);
  if (!/\bas\s+of\b/i.test(masked)) return sql;
  let out = '';
  let last = 0;
  for (const m of masked.matchAll(PATTERN)) {
    const start = m.index;
    const end = start + m[0].length;
    const original = sql.slice(start, end);
    const parts = PATTERN.exec(original);
    PATTERN.lastIndex = 0;
    if (!parts) continue;
    const names = nameParts(parts[1]!);
    // The table's name parts as a JSON array: a quoted part (a path table's location) may hold dots.
    const name = JSON.stringify(names);
    const kind = parts[2]!.toLowerCase();
    const value = parts[3]!.startsWith("'") ? parts[3]!.slice(1, -1).replace(/''/g, "'") : parts[3]!;
    const alias = parts[4] ? parts[4].trim().replace(/^as\s+/i, '') : identifier(names[names.length - 1]!);
    out += sql.slice(last, start) + `${TIME_TRAVEL_FUNCTION}('${name.replace(/'/g, "''")}', '${kind}', '${value.replace(/'/g, "''")}') AS ${alias}`;
    last = end;
  }
  return out + sql.slice(last);
}
