/**
 * Value-level date/time functions added for the DataFusion/Spark suites: the time
 * type's arithmetic, make_time, date_bin (PostgreSQL 14), timezone(zone, ts)
 * (AT TIME ZONE) over IANA zones and ISO offsets, and chrono-style (`%Y-%m-%d`)
 * format parsing used by to_date / to_timestamp / to_time with several formats.
 */
import {
  type Interval, LochError, MICROS_PER_DAY, SqlState, TIME_MICROS_PER_DAY, addIntervalToMicros, civilFromDays, daysFromCivil,
  daysInMonth, floorDivBigInt, wrapTimeOfDay,
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
  const ms = Number((utc - (((utc % 1000n) + 1000n) % 1000n)) / 1000n);
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

// ---------------------------------------------------------------------------------------------
// chrono-style formats (%Y-%m-%d %H:%M:%S%.f), as DataFusion's to_date/to_timestamp/to_time take them

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Fields read by a chrono format (undefined: not in the input). */
interface ChronoFields { year?: number; month?: number; day?: number; hour: number; minute: number; second: number; micros: number; pm?: boolean; offset?: number }

/** Parses `input` with a chrono format, or returns null when it does not match. */
export function parseChrono(input: string, chronoFormat: string): ChronoFields | null {
  const format = chronoFormat.replace(/%T/g, '%H:%M:%S').replace(/%F/g, '%Y-%m-%d').replace(/%D/g, '%m/%d/%y')
    .replace(/%R/g, '%H:%M').replace(/%\+/g, '%Y-%m-%dT%H:%M:%S%.f%:z');
  const f: ChronoFields = { hour: 0, minute: 0, second: 0, micros: 0 };
  let i = 0;
  const num = (maxDigits: number, signed = false): number | null => {
    const m = (signed ? /^[+-]?\d+/ : /^\d+/).exec(input.slice(i, i + maxDigits + (signed ? 1 : 0)));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  };
  for (let k = 0; k < format.length; k++) {
    const c = format[k]!;
    if (c !== '%') {
      if (c === ' ') { while (input[i] === ' ') i++; continue; }
      if (input[i] !== c) return null;
      i++;
      continue;
    }
    let spec = format[++k];
    if (spec === '.' || spec === ':' || spec === '#') spec = spec + format[++k]!;
    let v: number | null;
    switch (spec) {
      case 'Y': v = num(6, true); if (v === null) return null; f.year = v; break;
      case 'y': v = num(2); if (v === null) return null; f.year = v < 70 ? 2000 + v : 1900 + v; break;
      case 'm': v = num(2); if (v === null) return null; f.month = v; break;
      case 'd': case 'e': while (input[i] === ' ') i++; v = num(2); if (v === null) return null; f.day = v; break;
      case 'H': case 'k': v = num(2); if (v === null) return null; f.hour = v; break;
      case 'I': case 'l': v = num(2); if (v === null) return null; f.hour = v; f.pm = f.pm ?? false; break;
      case 'M': v = num(2); if (v === null) return null; f.minute = v; break;
      case 'S': v = num(2); if (v === null) return null; f.second = v; break;
      case 'f': case '.f': case '3f': case '6f': case '9f': {
        if (spec === '.f') { if (input[i] !== '.') break; i++; }
        const m = /^\d+/.exec(input.slice(i));
        if (!m) return null;
        i += m[0].length;
        f.micros = Math.round(Number(`0.${m[0]}`) * 1e6);
        break;
      }
      case 'p': case 'P': {
        const ap = input.slice(i, i + 2).toLowerCase();
        if (ap !== 'am' && ap !== 'pm') return null;
        f.pm = ap === 'pm';
        i += 2;
        break;
      }
      case 'b': case 'h': case 'B': {
        const idx = MONTHS.indexOf(input.slice(i, i + 3).toLowerCase());
        if (idx < 0) return null;
        f.month = idx + 1;
        i += 3;
        while (spec === 'B' && /[a-z]/i.test(input[i] ?? '')) i++;
        break;
      }
      case 'a': case 'A': while (/[a-z]/i.test(input[i] ?? '')) i++; break;
      case 'j': v = num(3); if (v === null) return null; f.month = 1; f.day = v; break;
      case 's': {
        // seconds since the epoch: the whole timestamp
        v = num(19, true);
        if (v === null) return null;
        const day = Math.floor(v / 86_400);
        const civil = civilFromDays(day);
        const tod = v - day * 86_400;
        f.year = civil.year; f.month = civil.month; f.day = civil.day;
        f.hour = Math.floor(tod / 3600); f.minute = Math.floor(tod / 60) % 60; f.second = tod % 60;
        f.offset = 0;
        break;
      }
      case 'z': case ':z': case '#z': {
        const m = /^(?:Z|([+-])(\d{2}):?(\d{2})?)/i.exec(input.slice(i));
        if (!m) return null;
        i += m[0].length;
        f.offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
        break;
      }
      case '%': if (input[i] !== '%') return null; i++; break;
      default: return null;
    }
  }
  if (i !== input.length) return null;
  if (f.pm !== undefined) {
    if (f.hour < 1 || f.hour > 12) return null;
    f.hour = (f.hour % 12) + (f.pm ? 12 : 0);
  }
  return f;
}

function checkedDay(f: ChronoFields, input: string): number {
  const y = f.year ?? 1970, m = f.month ?? 1, d = f.day ?? 1;
  if (m < 1 || m > 12 || d < 1 || (f.month === 1 && f.day !== undefined && d > 366) || (d > daysInMonth(y, m) && !(m === 1 && d <= (y % 4 === 0 ? 366 : 365)))) {
    throw new LochError(SqlState.datetimeFieldOverflow, `date/time field value out of range: "${input}"`);
  }
  return daysFromCivil(y, m, 1) + d - 1;
}

function checkedTime(f: ChronoFields, input: string): number {
  if (f.hour > 23 || f.minute > 59 || f.second > 60) {
    throw new LochError(SqlState.datetimeFieldOverflow, `date/time field value out of range: "${input}"`);
  }
  return ((f.hour * 60 + f.minute) * 60 + f.second) * 1_000_000 + f.micros;
}

function noFormatMatched(input: string, kind: string): LochError {
  return new LochError(SqlState.invalidDatetimeFormat, `invalid input syntax for type ${kind}: "${input}" matches none of the formats`);
}

/** A PostgreSQL template (no `%`) parser, tried for formats that are not chrono ones. */
export type TemplateParser = (input: string, format: string) => bigint;

/** µs since the epoch (UTC) of `input` read with the first format that matches (chrono `%…` or a PostgreSQL template). */
function parseFormats(input: string, formats: readonly string[], template: TemplateParser, kind: string): bigint {
  let lastError: unknown = null;
  for (const fmt of formats) {
    if (!fmt.includes('%')) {
      try { return template(input, fmt); } catch (e) { lastError = e; continue; }
    }
    const f = parseChrono(input, fmt);
    if (f) {
      const us = BigInt(checkedDay(f, input)) * BigInt(MICROS_PER_DAY) + BigInt(checkedTime(f, input));
      return f.offset === undefined ? us : us - BigInt(f.offset) * 60_000_000n;
    }
  }
  if (formats.length === 1 && lastError instanceof LochError) throw lastError;
  throw noFormatMatched(input, kind);
}

/** to_date(text, fmt, …): the first format that matches. */
export function chronoDate(input: string, formats: readonly string[], template: TemplateParser): number {
  return Number(floorDivBigInt(parseFormats(input, formats, template, 'date'), BigInt(MICROS_PER_DAY)));
}

/** to_timestamp(text, fmt, …): the first format that matches (µs since the epoch, UTC). */
export function chronoTimestamp(input: string, formats: readonly string[], template: TemplateParser): bigint {
  return parseFormats(input, formats, template, 'timestamp');
}

/** to_time(text, fmt, …): the first chrono format that matches. */
export function chronoTime(input: string, formats: readonly string[]): bigint {
  for (const fmt of formats) {
    const f = parseChrono(input, fmt);
    if (f) return BigInt(checkedTime(f, input)) % TIME_MICROS_PER_DAY;
  }
  throw noFormatMatched(input, 'time');
}
