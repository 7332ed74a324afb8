/**
 * DataFusion spellings of date/time syntax that PostgreSQL's grammar rejects,
 * rewritten before parsing to text of the same length (error positions stay exact):
 *
 *   current_date() / current_time() / current_timestamp() / localtime() / localtimestamp()
 *       → the keyword without parentheses (PostgreSQL's SQL-standard value functions)
 *   SET TIME ZONE = '+08'  → SET TIME ZONE '+08'
 *
 * Strings, quoted identifiers and comments are never rewritten.
 */

const CALL = /\b(current_date|current_time|current_timestamp|localtime|localtimestamp)(\s*)\(\s*\)/gi;
const SET_TIME_ZONE = /^(\s*set\s+(?:(?:session|local)\s+)?time\s+zone\s*)=/i;

/** Blanks strings, quoted identifiers and comments (same length) so the patterns only see code. */
function mask(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
}

/** Rewrites the DataFusion forms above; other text is returned unchanged. */
export function rewriteDataFusionTimeSyntax(sql: string): string {
  if (!/current_|localtime|time\s+zone/i.test(sql)) return sql;
  const masked = mask(sql);
  let out = sql;
  const zone = SET_TIME_ZONE.exec(masked);
  if (zone) out = `${out.slice(0, zone[1]!.length)} ${out.slice(zone[0].length)}`;
  for (const m of masked.matchAll(CALL)) {
    out = out.slice(0, m.index) + m[1]!.padEnd(m[0].length, ' ') + out.slice(m.index + m[0].length);
  }
  return out;
}
