/**
 * Calendar arithmetic for dates (Int32 days since 1970-01-01) and timestamps
 * (µs since the epoch): proleptic Gregorian with astronomical years (0 = 1 BC),
 * PostgreSQL's month-end clamping for month arithmetic.
 */
import type { Interval } from './literal.ts';
import { LochError, SqlState } from './errors.ts';

/** Microseconds per second. */
export const MICROS_PER_SECOND = 1_000_000;
/** Microseconds per day (timestamps are µs since 1970-01-01 UTC). */
export const MICROS_PER_DAY = 86_400_000_000;

/** Days since 1970-01-01 of a civil date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (inverse of daysFromCivil). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Gregorian leap year (astronomical year numbers). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Adds months to a date, clamping the day to the month's end as PostgreSQL does (Jan 31 + 1 mon = Feb 29). */
export function addMonthsToDays(days: number, months: number): number {
  if (months === 0) return days;
  const c = civilFromDays(days);
  const total = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
}

/** Adds an interval to a timestamp in µs (months first, then days, then time, as PostgreSQL). */
export function addIntervalToMicros(ts: bigint, iv: Interval): bigint {
  let t = ts;
  if (iv.months !== 0) {
    const day = floorDivBigInt(t, BigInt(MICROS_PER_DAY));
    const rest = t - day * BigInt(MICROS_PER_DAY);
    t = BigInt(addMonthsToDays(Number(day), iv.months)) * BigInt(MICROS_PER_DAY) + rest;
  }
  const out = t + BigInt(iv.days) * BigInt(MICROS_PER_DAY) + BigInt(iv.micros);
  // beyond int64 µs the value would wrap around when stored (294247 AD / 290308 BC)
  if (out > INT64_MAX || out < -INT64_MAX - 1n) throw new LochError(SqlState.datetimeFieldOverflow, 'timestamp out of range');
  return out;
}

const INT64_MAX = 9223372036854775807n;

/** Floor division of BigInts. */
export function floorDivBigInt(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
