/**
 * Value-level date/time functions added for the DataFusion/Spark suites: the time
 * type's arithmetic, make_time, date_bin (PostgreSQL 14), timezone(zone, ts)
 * (AT TIME ZONE) over IANA zones and ISO offsets. Chrono-style format parsing is in
 * chrono-format.ts.
 */
import {
  type Interval, LochError, MICROS_PER_DAY, SqlState, addIntervalToMicros, civilFromDays, daysFromCivil, floorDivBigInt, wrapTimeOfDay,
} from '../../core/index.ts';

/** time ± interval (sign ±1): months and days do not move a time of day; the result wraps at midnight. */
export function timeAddInterval(time: bigint, iv: Interval, sign: number): bigint {
  return wrapTimeOfDay(time + BigInt(sign * iv.micros));
}

/** time - time as an interval of µs. */
export function timeSubtract(a: bigint, b: bigint): Interval {
  return { months: 0, days: 0, micros: Number(a - b) };
}

/** date ± time → timestamp. */
export function dateAddTime(days: number, time: bigint, sign: number): bigint {
  return BigInt(days) * BigInt(MICROS_PER_DAY) + (sign > 0 ? time : -time);
}

/** make_time(hour, min, sec): 22008 for fields out of range, as PostgreSQL. */
export function makeTime(h: number, m: number, s: number): bigint {
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || h > 24 || m < 0 || m > 59 || !(s >= 0) || s > 60 ||
    (h === 24 && (m > 0 || s > 0))) {
    throw new LochError(SqlState.datetimeFieldOverflow, `time field value out of range: ${h}:${String(m).padStart(2, '0')}:${s}`);
  }
  return BigInt((h * 60 + m) * 60 * 1_000_000 + Math.round(s * 1_000_000));
}

/** The µs length of a date_bin stride without months. */
function strideMicros(stride: Interval): bigint {
  const us = BigInt(stride.days) * BigInt(MICROS_PER_DAY) + BigInt(stride.micros);
  if (us <= 0n) throw new LochError(SqlState.datetimeFieldOverflow, 'stride must be greater than zero');
  return us;
}

/**
 * date_bin(stride, source, origin): the start of the stride-wide bin (aligned on origin) holding
 * source. Month strides (DataFusion's extension; PostgreSQL refuses them) step by calendar months
 * from origin with month-end clamping; months mixed with days or time are refused (0A000).
 */
export function dateBin(stride: Interval, source: bigint, origin: bigint): bigint {
  if (stride.months !== 0) {
    if (stride.days !== 0 || stride.micros !== 0 || stride.months < 0) {
      throw new LochError(SqlState.featureNotSupported, 'date_bin: a stride with months cannot also have days or a time part, and must be positive');
    }
    return dateBinMonths(stride.months, source, origin);
  }
  const us = strideMicros(stride);
  const diff = source - origin;
  let delta = diff - (diff % us);
  if (diff < 0n && diff % us !== 0n) delta -= us;
  return origin + delta;
}

function monthIndex(micros: bigint): number {
  const c = civilFromDays(Number(floorDivBigInt(micros, BigInt(MICROS_PER_DAY))));
  return c.year * 12 + c.month - 1;
}

function dateBinMonths(months: number, source: bigint, origin: bigint): bigint {
  const diff = monthIndex(source) - monthIndex(origin);
  let k = Math.floor(diff / months) * months;
  let bin = addIntervalToMicros(origin, { months: k, days: 0, micros: 0 });
  while (bin > source) {
    k -= months;
    bin = addIntervalToMicros(origin, { months: k, days: 0, micros: 0 });
  }
  return bin;
}

/** date_bin over times of day (DataFusion's; bins wrap like time arithmetic). */
export function dateBinTime(stride: Interval, source: bigint, origin: bigint): bigint {
  if (stride.months !== 0 || stride.days !== 0 || stride.micros >= MICROS_PER_DAY) {
    throw new LochError(SqlState.invalidParameterValue, 'date_bin: the stride for a time must be shorter than a day');
  }
  return wrapTimeOfDay(dateBin(stride, source, origin));
}

// ---------------------------------------------------------------------------------------------
// Time zones

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset east of UTC in µs of a fixed zone ('+05:30', '-08', 'UTC', 'Z'), or undefined for a named zone. */
function fixedOffset(zone: string): bigint | undefined {
  const z = zone.trim().toUpperCase();
  if (z === 'UTC' || z === 'Z' || z === 'GMT' || z === 'ZULU' || z === 'ETC/UTC') return 0n;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return BigInt((m[1] === '-' ? -secs : secs) * 1_000_000);
}

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
      });
    } catch {
      throw new LochError(SqlState.invalidParameterValue, `time zone "${zone}" not recognized`);
    }
    zoneFormats.set(zone, f);
  }
  return f;
}

/** Offset east of UTC (µs) of `zone` at the UTC instant `utc` (µs since the epoch). */
export function zoneOffsetAt(zone: string, utc: bigint): bigint {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return fixed;
  // whole seconds: the zone's wall-clock parts below have no fraction, so the offset must not either
  const ms = Number((utc - (((utc % 1_000_000n) + 1_000_000n) % 1_000_000n)) / 1000n);
  const parts = zoneFormat(zone).formatToParts(new Date(ms));
  let y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value); break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
      default: break;
    }
  }
  const localMs = (daysFromCivil(bc ? 1 - y : y, mo, d) * 86_400 + h * 3600 + mi * 60 + s) * 1000;
  return BigInt(localMs - ms) * 1000n;
}

/** timestamptz → the wall-clock timestamp in `zone`. */
export function utcToLocal(zone: string, utc: bigint): bigint {
  return utc + zoneOffsetAt(zone, utc);
}

/**
 * A wall-clock timestamp in `zone` → timestamptz, resolving daylight-saving transitions as
 * PostgreSQL does: a time skipped by a jump forward takes the offset from before the jump, a
 * time repeated by a jump back takes the offset from after it.
 */
export function localToUtc(zone: string, local: bigint): bigint {
  const day = BigInt(MICROS_PER_DAY);
  const early = zoneOffsetAt(zone, local - day), late = zoneOffsetAt(zone, local + day);
  if (early === late) return local - early;
  const uEarly = local - early, uLate = local - late;
  if (zoneOffsetAt(zone, uLate) === late) return uLate;
  return uEarly;
}
