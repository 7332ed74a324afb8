/**
 * Casts of single values between Loch types with PostgreSQL semantics and error
 * codes. Used for constant folding (planner) and by the slow, row-at-a-time cast
 * paths in worker kernels; the common numeric casts have vectorized kernels.
 */
import { type DataType, isInteger, isNarrowDecimal, isNumeric, typeName } from './data-type.ts';
import { LochError, SqlState } from './errors.ts';
import { type LiteralValue, MapValue, StructValue } from './literal.ts';
import { MICROS_PER_DAY } from './calendar.ts';
import { castTimeValue, canCastTime } from './time-cast.ts';
import { checkDecimalFits, formatDate, formatValue, parseDecimalText, parseValue } from './value-text.ts';

/** True when PostgreSQL has a cast from `from` to `to` (explicit casts allow more). */
export function canCastType(from: DataType, to: DataType, explicit: boolean): boolean {
  if (from.kind === 'null') return true;
  // nested types cast element by element (struct fields by position)
  if (from.kind === 'array' && to.kind === 'array') return canCastType(from.element, to.element, explicit);
  if (from.kind === 'map' && to.kind === 'map') return canCastType(from.key, to.key, explicit) && canCastType(from.value, to.value, explicit);
  if (from.kind === 'struct' && to.kind === 'struct') {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canCastType(f.type, to.fields[i]!.type, explicit));
  }
  if (from.kind === to.kind) return true;
  if ((from.kind === 'binary' && to.kind !== 'text') || (to.kind === 'binary' && from.kind !== 'text')) return false;
  if (from.kind === 'text' || to.kind === 'text') return explicit || to.kind === 'text' || from.kind === 'text';
  if (isNumeric(from) && isNumeric(to)) return true;
  if (from.kind === 'boolean' && to.kind === 'int32') return explicit;
  if (from.kind === 'int32' && to.kind === 'boolean') return explicit;
  const temporal = (k: string): boolean => k === 'date' || k === 'timestamp' || k === 'timestamptz';
  if (temporal(from.kind) && temporal(to.kind)) return true;
  return canCastTime(from, to, explicit);
}

const BOUNDS: Partial<Record<DataType['kind'], readonly [number, number]>> = {
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
};

function intOutOfRange(to: DataType): LochError {
  return new LochError(SqlState.numericValueOutOfRange, `${typeName(to) === 'integer' ? 'integer' : typeName(to)} out of range`);
}

/** Rounds a scaled value half away from zero (PostgreSQL numeric rounding). */
function roundHalfAway(v: bigint, divisor: bigint): bigint {
  const q = v / divisor;
  const r = v - q * divisor;
  const twice = (r < 0n ? -r : r) * 2n;
  return twice >= divisor ? q + (v < 0n ? -1n : 1n) : q;
}

function toInteger(v: bigint, to: DataType): LiteralValue {
  if (to.kind === 'int64') {
    if (v < -(2n ** 63n) || v >= 2n ** 63n) throw intOutOfRange(to);
    return v;
  }
  const [lo, hi] = BOUNDS[to.kind]!;
  if (v < BigInt(lo) || v > BigInt(hi)) throw intOutOfRange(to);
  return Number(v);
}

function toDecimal(scaled: bigint, to: { precision: number; scale: number } & DataType): LiteralValue {
  checkDecimalFits(scaled, to.precision, to.scale);
  return isNarrowDecimal(to) ? Number(scaled) : scaled;
}

/** Casts one non-NULL value (NULL passes through). Raises 42846 when no such cast exists. */
/** Days beyond which a date's microseconds since the epoch leave int64 (294247-01-10 / 290308-12-22 BC). */
export const MAX_TIMESTAMP_DAY = 106751991;

/** A date as µs since the epoch; 22008 when the timestamp range (int64 µs) cannot hold it. */
function dateToTimestamp(day: number): bigint {
  if (day > MAX_TIMESTAMP_DAY || day < -MAX_TIMESTAMP_DAY) {
    throw new LochError(SqlState.datetimeFieldOverflow, `date out of range for timestamp: "${formatDate(day)}"`);
  }
  return BigInt(day) * BigInt(MICROS_PER_DAY);
}

/** Casts one non-NULL value (NULL passes through). Raises 42846 when no such cast exists. */
export function castValue(value: LiteralValue, from: DataType, to: DataType): LiteralValue {
  if (value === null) return null;
  if (to.kind === 'text') {
    // boolean's cast to text spells the word (PostgreSQL's booltext), unlike its output 't'/'f'
    if (from.kind === 'boolean') return value ? 'true' : 'false';
    return from.kind === 'text' ? value : formatValue(value, from);
  }
  if (from.kind === 'text') return parseValue(value as string, to);
  if (from.kind === 'array' && to.kind === 'array') return (value as readonly LiteralValue[]).map((v) => castValue(v, from.element, to.element));
  if (from.kind === 'struct' && to.kind === 'struct') {
    return new StructValue((value as StructValue).values.map((v, i) => castValue(v, from.fields[i]!.type, to.fields[i]!.type)));
  }
  if (from.kind === 'map' && to.kind === 'map') {
    const m = value as MapValue;
    return new MapValue(m.keys.map((k) => castValue(k, from.key, to.key)), m.values.map((v) => castValue(v, from.value, to.value)));
  }
  if (from.kind === to.kind && to.kind !== 'decimal') return value;
  if (isNumeric(from) && isNumeric(to)) return castNumber(value, from, to);
  if (from.kind === 'boolean' && to.kind === 'int32') return value ? 1 : 0;
  if (from.kind === 'int32' && to.kind === 'boolean') return value !== 0;
  if (from.kind === 'date' && (to.kind === 'timestamp' || to.kind === 'timestamptz')) return dateToTimestamp(value as number);
  if ((from.kind === 'timestamp' || from.kind === 'timestamptz') && to.kind === 'date') {
    const us = value as bigint;
    const d = us / BigInt(MICROS_PER_DAY);
    return Number(us % BigInt(MICROS_PER_DAY) < 0n ? d - 1n : d);
  }
  if ((from.kind === 'timestamp' || from.kind === 'timestamptz') && (to.kind === 'timestamp' || to.kind === 'timestamptz')) return value;
  const time = castTimeValue(value, from, to);
  if (time !== undefined) return time;
  throw new LochError('42846', `cannot cast type ${typeName(from)} to ${typeName(to)}`);
}

function castNumber(value: LiteralValue, from: DataType, to: DataType): LiteralValue {
  if (from.kind === 'float32' || from.kind === 'float64') {
    const x = value as number;
    if (to.kind === 'float32') return Math.fround(x);
    if (to.kind === 'float64') return x;
    if (!Number.isFinite(x)) {
      if (to.kind === 'decimal') throw new LochError(SqlState.numericValueOutOfRange, `cannot convert ${Number.isNaN(x) ? 'NaN' : 'infinity'} to numeric`);
      throw intOutOfRange(to);
    }
    if (isInteger(to)) {
      // rint(): round half to even, as PostgreSQL's float-to-integer casts
      const r = Math.round(x);
      const even = Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
      return toInteger(BigInt(even), to);
    }
    const d = to as DataType & { kind: 'decimal'; precision: number; scale: number };
    return toDecimal(parseDecimalText(x.toPrecision(from.kind === 'float32' ? 6 : 15), 1000, d.scale), d);
  }
  // from is an integer or a decimal: work on the scaled BigInt
  const scale = from.kind === 'decimal' ? from.scale : 0;
  const scaled = BigInt(value as number | bigint);
  if (to.kind === 'float32' || to.kind === 'float64') {
    const x = scale === 0 ? Number(scaled) : Number(scaled) / 10 ** scale;
    return to.kind === 'float32' ? Math.fround(x) : x;
  }
  if (isInteger(to)) return toInteger(scale === 0 ? scaled : roundHalfAway(scaled, 10n ** BigInt(scale)), to);
  const d = to as DataType & { kind: 'decimal'; precision: number; scale: number };
  const rescaled = d.scale >= scale ? scaled * 10n ** BigInt(d.scale - scale) : roundHalfAway(scaled, 10n ** BigInt(scale - d.scale));
  return toDecimal(rescaled, d);
}
