/**
 * The `timezone` setting (SET TIME ZONE, SET timezone, DataFusion's datafusion.execution.time_zone):
 * checked when it is set, as PostgreSQL does, so a misspelt zone fails the SET and not a later query.
 * Accepts UTC, fixed offsets (+08, -05:30, ISO sign: east of UTC), IANA names (Europe/Paris) and a
 * bare number of hours (SET TIME ZONE 8 → +08); NULL (RESET, LOCAL, DEFAULT) is UTC.
 */
import { LochError, SqlState } from '../core/index.ts';

/** The value stored for a `timezone` setting, or a 22023 error for a zone no one knows. */
export function normalizeTimeZone(value: string | null): string {
  if (value === null || value.trim() === '' || /^(local|default)$/i.test(value.trim())) return 'UTC';
  const v = value.trim();
  const hours = /^([+-]?)(\d{1,2}(?:\.\d+)?)$/.exec(v);
  if (hours) {
    const total = Math.round(Number(hours[2]) * 60);
    return `${hours[1] === '-' ? '-' : '+'}${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  }
  const fixed = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(v);
  if (fixed && Number(fixed[2]) <= 15 && Number(fixed[3] ?? 0) <= 59) return v;
  if (/^(utc|gmt|z|zulu)$/i.test(v)) return v;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return v;
  } catch {
    throw new LochError(SqlState.invalidParameterValue, `invalid value for parameter "TimeZone": "${v}"`);
  }
}
