/**
 * Casts of single values involving the `time` type, and Spark's number → timestamp
 * casts (seconds since the epoch; PostgreSQL has none, so they are explicit only).
 * value-cast.ts asks these after its own rules.
 */
import { type DataType, isNarrowDecimal, isNumeric } from './data-type.ts';
import { LochError, SqlState } from './errors.ts';
import type { Interval, LiteralValue } from './literal.ts';
import { wrapTimeOfDay } from './time-value.ts';

const isTimestamp = (t: DataType): boolean => t.kind === 'timestamp' || t.kind === 'timestamptz';

/** True when a cast between `from` and `to` exists through the time rules (text casts are value-cast's). */
export function canCastTime(from: DataType, to: DataType, explicit: boolean): boolean {
  if (from.kind === 'time' && to.kind === 'interval') return true; // implicit in PostgreSQL
  if (from.kind === 'interval' && to.kind === 'time') return explicit;
  if (isTimestamp(from) && to.kind === 'time') return explicit;
  if (isNumeric(from) && isTimestamp(to)) return explicit; // Spark: seconds since the epoch
  return false;
}

/** Seconds (a number type's value) as µs since the epoch, rounded to the microsecond. */
function secondsToMicros(value: LiteralValue, from: DataType): bigint {
  if (from.kind === 'decimal') {
    const scaled = BigInt(isNarrowDecimal(from) ? Math.round(value as number) : (value as bigint));
    const micros = from.scale <= 6 ? scaled * 10n ** BigInt(6 - from.scale) : scaled / 10n ** BigInt(from.scale - 6);
    return micros;
  }
  if (typeof value === 'bigint') return value * 1_000_000n;
  const x = value as number;
  if (!Number.isFinite(x) || Math.abs(x) > 9.2e12) {
    throw new LochError(SqlState.datetimeFieldOverflow, 'timestamp out of range');
  }
  return BigInt(Math.round(x * 1_000_000));
}

/** Casts one non-NULL value by the time rules, or undefined when they do not apply. */
export function castTimeValue(value: LiteralValue, from: DataType, to: DataType): LiteralValue | undefined {
  if (from.kind === 'time' && to.kind === 'interval') return { months: 0, days: 0, micros: Number(value as bigint) };
  if (from.kind === 'interval' && to.kind === 'time') return wrapTimeOfDay(BigInt((value as Interval).micros));
  if (isTimestamp(from) && to.kind === 'time') return wrapTimeOfDay(value as bigint);
  if (isNumeric(from) && isTimestamp(to)) return secondsToMicros(value, from);
  return undefined;
}
