/**
 * `INTERVAL 5 DAY`, `INTERVAL 3 DAYS` (Spark, Databricks, MySQL, DuckDB): an
 * unquoted number and unit. PostgreSQL wants the quantity quoted, so the pair
 * becomes `INTERVAL'5 DAY'` before parsing (positions after it shift by at
 * most one character).
 *
 * `INTERVAL '8' MILLISECONDS` (DataFusion, Spark, DuckDB): a quoted number and a unit
 * PostgreSQL has no qualifier for (plurals, weeks, sub-second units), which PostgreSQL
 * would read as a column alias; it becomes `INTERVAL '8 MILLISECONDS'` (same length).
 *
 * `INTERVAL (5) DAY` (DuckDB): a parenthesized number and unit, quoted the same way
 * (`INTERVAL'5 DAY'`, positions after it shift back).
 */
import { quotedRanges } from './try-cast.ts';

const PATTERN = /\binterval(\s+|\s*\(\s*(?=[-+]?\d+(?:\.\d+)?\s*\)))([-+]?\d+(?:\.\d+)?)(\s+|\s*\)\s*)(years?|months?|weeks?|days?|hours?|minutes?|seconds?|milliseconds?|microseconds?)\b/gi;

const QUOTED = /\binterval(\s*)'\s*([-+]?\d+(?:\.\d+)?)\s*'(\s+)(years|months|weeks?|days|hours|minutes|seconds|milliseconds?|microseconds?|nanoseconds?)\b/gi;

/** `sql` with `INTERVAL <number> <unit>` quoted, and `INTERVAL '<number>' <unit>` for units PostgreSQL lacks. */
export function quoteIntervalNumbers(sql: string): string {
  const bare = /interval\s*(\s|\(\s*)[-+]?\d/i.test(sql);
  const quoted = /interval\s*'[^']*'\s+(years|months|weeks?|days|hours|minutes|seconds|milli|micro|nano)/i.test(sql);
  if (!bare && !quoted) return sql;
  const skipped = quotedRanges(sql);
  const inQuotes = (at: number): boolean => skipped.some(([a, b]) => at >= a && at < b);
  let out = bare ? sql.replace(PATTERN, (whole: string, _s1: string, n: string, _s2: string, unit: string, at: number) =>
    (inQuotes(at) ? whole : `${whole.slice(0, 8)}'${n} ${unit}'`)) : sql;
  if (quoted) {
    const skippedOut = bare ? quotedRanges(out) : skipped;
    out = out.replace(QUOTED, (whole: string, s1: string, n: string, s2: string, unit: string, at: number) => {
      if (skippedOut.some(([a, b]) => at >= a && at < b)) return whole;
      const text = `interval${s1}'${n} ${unit}'`;
      return text.padEnd(whole.length, ' ');
    });
  }
  return out;
}
