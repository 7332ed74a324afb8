/**
 * `INTERVAL 5 DAY`, `INTERVAL 3 DAYS` (Spark, Databricks, MySQL, DuckDB): an
 * unquoted number and unit. PostgreSQL wants the quantity quoted, so the pair
 * becomes `INTERVAL'5 DAY'` before parsing (positions after it shift by at
 * most one character).
 */
import { quotedRanges } from './try-cast.ts';

const PATTERN = /\binterval(\s+)([-+]?\d+(?:\.\d+)?)(\s+)(years?|months?|weeks?|days?|hours?|minutes?|seconds?|milliseconds?|microseconds?)\b/gi;

/** `sql` with `INTERVAL <number> <unit>` quoted. */
export function quoteIntervalNumbers(sql: string): string {
  if (!/interval\s+[-+]?\d/i.test(sql)) return sql;
  const skipped = quotedRanges(sql);
  return sql.replace(PATTERN, (whole: string, _s1: string, n: string, _s2: string, unit: string, at: number) =>
    (skipped.some(([a, b]) => at >= a && at < b) ? whole : `${whole.slice(0, 8)}'${n} ${unit}'`));
}
