/**
 * The `time [without time zone]` type's values: microseconds since midnight as a
 * bigint (Time64 µs, BigInt64Array; see data-type.ts). PostgreSQL allows 24:00:00
 * as the largest value; arithmetic wraps around midnight (time + interval).
 */
import { LochError, SqlState } from './errors.ts';

/** Microseconds in a day (the exclusive bound of wrapped times; 24:00:00 itself is a valid input). */
export const TIME_MICROS_PER_DAY = 86_400_000_000n;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "HH:MM:SS[.ffffff]" with the fraction's trailing zeros trimmed (PostgreSQL's time output). */
export function formatTimeOfDay(micros: bigint | number): string {
  const v = Number(micros);
  const h = Math.floor(v / 3_600_000_000);
  const mi = Math.floor((v % 3_600_000_000) / 60_000_000);
  const s = Math.floor((v % 60_000_000) / 1_000_000);
  const frac = v % 1_000_000;
  const base = `${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
  return frac === 0 ? base : `${base}.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
}

// [date ]HH:MM[:SS[.frac]] [AM|PM] [zone]; the date and zone are ignored for time without time zone
const TIME_INPUT = /^(?:\d{1,7}-\d{1,2}-\d{1,2}(?:[ T]+|$))?(?:(\d{1,2}):(\d{1,2})?(?::(\d{1,2})?(?:\.(\d*))?)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:z|utc|gmt|[+-]\d{1,2}(?::?\d{2})?|[a-z]+\/[a-z_]+)?$/i;

function outOfRange(text: string): LochError {
  return new LochError(SqlState.datetimeFieldOverflow, `date/time field value out of range: "${text}"`);
}

/**
 * Parses PostgreSQL time input ('12:34:56.789', '1:02', '04:05 PM', 'allballs',
 * '2020-01-01 12:00:00'): 22007 for bad syntax, 22008 for fields out of range.
 * Fractions round to the microsecond.
 */
export function parseTimeOfDay(text: string): bigint {
  const s = text.trim();
  const lower = s.toLowerCase();
  if (lower === 'allballs') return 0n;
  if (lower === 'now') return BigInt(Date.now() % 86_400_000) * 1000n;
  const m = TIME_INPUT.exec(s);
  if (!m || m[1] === undefined) {
    throw new LochError(SqlState.invalidDatetimeFormat, `invalid input syntax for type time: "${text}"`);
  }
  let h = Number(m[1]);
  const mi = Number(m[2] ?? 0), sec = Number(m[3] ?? 0);
  const frac = m[4] ? Math.round(Number(`0.${m[4]}`) * 1_000_000) : 0;
  const ampm = m[5]?.toLowerCase();
  if (ampm !== undefined) {
    if (h < 1 || h > 12) throw outOfRange(text);
    if (ampm.startsWith('p') && h < 12) h += 12;
    else if (ampm.startsWith('a') && h === 12) h = 0;
  }
  if (h > 24 || mi > 59 || sec > 60 || (h === 24 && (mi > 0 || sec > 0 || frac > 0))) throw outOfRange(text);
  const micros = ((h * 60 + mi) * 60 + sec) * 1_000_000 + frac;
  if (micros > 86_400_000_000) throw outOfRange(text);
  return BigInt(micros);
}

/** A µs count wrapped into [0, 24h) (time ± interval, timestamp → time). */
export function wrapTimeOfDay(micros: bigint): bigint {
  const r = micros % TIME_MICROS_PER_DAY;
  return r < 0n ? r + TIME_MICROS_PER_DAY : r;
}
