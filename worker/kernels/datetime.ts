/**
 * Date, timestamp and interval functions: extract fields, truncation, interval
 * arithmetic (PostgreSQL semantics, session time zone UTC). Field extraction
 * from day numbers is allocation-free so it can run in typed-array loops.
 */
import {
  type Interval, LochError, MICROS_PER_DAY, SqlState, addIntervalToMicros, addMonthsToDays, civilFromDays, daysFromCivil,
  daysInMonth,
} from '../../core/index.ts';

/*
 * Lookup tables for the common range 1900-01-01 .. 2099-12-31 (day numbers -25567 .. 47481):
 * extract(year|month|day) on date columns then costs one array read per row.
 */
const TABLE_FIRST_DAY = -25567;
const TABLE_DAYS = 73049;
let yearTable: Int16Array | null = null;
let monthTable: Uint8Array | null = null;
let dayTable: Uint8Array | null = null;

function buildTables(): void {
  yearTable = new Int16Array(TABLE_DAYS);
  monthTable = new Uint8Array(TABLE_DAYS);
  dayTable = new Uint8Array(TABLE_DAYS);
  let i = 0;
  for (let y = 1900; y <= 2099; y++) {
    for (let m = 1; m <= 12; m++) {
      const dim = daysInMonth(y, m);
      for (let d = 1; d <= dim; d++) { yearTable[i] = y; monthTable[i] = m; dayTable[i] = d; i++; }
    }
  }
}

/** Year of a day number (table lookup in 1900..2099). */
export function yearOfDays(days: number): number {
  const t = days - TABLE_FIRST_DAY;
  if (t >= 0 && t < TABLE_DAYS) {
    if (yearTable === null) buildTables();
    return yearTable![t]!;
  }
  return computeYear(days);
}

/** Month of a day number (table lookup in 1900..2099). */
export function monthOfDays(days: number): number {
  const t = days - TABLE_FIRST_DAY;
  if (t >= 0 && t < TABLE_DAYS) {
    if (monthTable === null) buildTables();
    return monthTable![t]!;
  }
  return computeMonth(days);
}

/** Day of month of a day number (table lookup in 1900..2099). */
export function dayOfDays(days: number): number {
  const t = days - TABLE_FIRST_DAY;
  if (t >= 0 && t < TABLE_DAYS) {
    if (dayTable === null) buildTables();
    return dayTable![t]!;
  }
  return computeDay(days);
}

/** Year of a day number (proleptic Gregorian, astronomical: 0 = 1 BC). */
function computeYear(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

function computeMonth(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return mp < 10 ? mp + 3 : mp - 9;
}

function computeDay(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** ISO week number and ISO year of a day number. */
function isoWeek(days: number): { week: number; year: number } {
  const isodow = ((days + 3) % 7 + 7) % 7 + 1; // 1970-01-01 was a Thursday (4)
  const thursday = days + (4 - isodow);
  const year = yearOfDays(thursday);
  const jan1 = daysFromCivil(year, 1, 1);
  return { week: Math.floor((thursday - jan1) / 7) + 1, year };
}

/** A field value as an exact scaled integer: value / 10^scale. */
export interface ScaledField {
  readonly value: number;
  readonly scale: number;
}

function whole(v: number): ScaledField {
  return { value: v, scale: 0 };
}

function unsupportedUnit(field: string, type: string): LochError {
  return new LochError(SqlState.invalidParameterValue, `unit "${field}" not supported for type ${type}`);
}

/** extract(field from date) */
export function extractFromDays(field: string, days: number): ScaledField {
  const y = yearOfDays(days);
  switch (field) {
    case 'year': return whole(y > 0 ? y : y - 1);
    case 'month': return whole(monthOfDays(days));
    case 'day': return whole(dayOfDays(days));
    case 'quarter': return whole(Math.floor((monthOfDays(days) - 1) / 3) + 1);
    case 'dow': return whole(((days + 4) % 7 + 7) % 7);
    case 'isodow': return whole(((days + 3) % 7 + 7) % 7 + 1);
    case 'doy': return whole(days - daysFromCivil(y, 1, 1) + 1);
    case 'week': return whole(isoWeek(days).week);
    case 'isoyear': return whole(isoWeek(days).year);
    case 'decade': return whole(Math.floor(y / 10));
    case 'century': return whole(y > 0 ? Math.floor((y + 99) / 100) : -Math.floor((99 - (y - 1)) / 100));
    case 'millennium': return whole(y > 0 ? Math.floor((y + 999) / 1000) : -Math.floor((999 - (y - 1)) / 1000));
    case 'epoch': return whole(days * 86400);
    case 'julian': return whole(days + 2440588);
    default: throw unsupportedUnit(field, 'date');
  }
}

/** extract(field from timestamp) */
export function extractFromMicros(field: string, micros: bigint): ScaledField {
  const day = Number(micros / BigInt(MICROS_PER_DAY)) - (micros % BigInt(MICROS_PER_DAY) < 0n ? 1 : 0);
  const tod = Number(micros - BigInt(day) * BigInt(MICROS_PER_DAY));
  switch (field) {
    case 'hour': return whole(Math.floor(tod / 3_600_000_000));
    case 'minute': return whole(Math.floor(tod / 60_000_000) % 60);
    case 'second': return { value: tod % 60_000_000, scale: 6 };
    case 'milliseconds': return { value: tod % 60_000_000, scale: 3 }; // seconds field in ms: 1.5 s → 1500.000
    case 'microseconds': return whole(tod % 60_000_000);
    case 'epoch': return { value: Number(micros), scale: 6 };
    case 'julian': return { value: (day + 2440588) * 1e6 + Math.round(tod / 86400), scale: 6 };
    // the session time zone is UTC
    case 'timezone': case 'timezone_hour': case 'timezone_minute': return whole(0);
    default: return extractFromDays(field, day);
  }
}

/** extract(field from interval) */
export function extractFromInterval(field: string, iv: Interval): ScaledField {
  switch (field) {
    case 'millennium': return whole(Math.trunc(iv.months / 12000));
    case 'century': return whole(Math.trunc(iv.months / 1200));
    case 'decade': return whole(Math.trunc(iv.months / 120));
    case 'year': return whole(Math.trunc(iv.months / 12));
    case 'quarter': return whole(Math.trunc((iv.months % 12) / 3) + 1);
    case 'month': return whole(iv.months % 12);
    case 'day': return whole(iv.days);
    case 'hour': return whole(Math.trunc(iv.micros / 3_600_000_000));
    case 'minute': return whole(Math.trunc(iv.micros / 60_000_000) % 60);
    case 'second': return { value: iv.micros % 60_000_000, scale: 6 };
    case 'milliseconds': return { value: iv.micros % 60_000_000, scale: 3 };
    case 'microseconds': return whole(iv.micros % 60_000_000);
    case 'epoch': {
      const years = Math.trunc(iv.months / 12);
      const seconds = years * 365.25 * 86400 + (iv.months % 12) * 30 * 86400 + iv.days * 86400;
      return { value: seconds * 1e6 + iv.micros, scale: 6 };
    }
    default: throw unsupportedUnit(field, 'interval');
  }
}

/** date_trunc(field, timestamp) */
export function truncMicros(field: string, micros: bigint): bigint {
  const dayMicros = BigInt(MICROS_PER_DAY);
  const day = micros / dayMicros - (micros % dayMicros < 0n ? 1n : 0n);
  const tod = micros - day * dayMicros;
  const d = Number(day);
  const floorTo = (unit: bigint): bigint => day * dayMicros + (tod / unit) * unit;
  const at = (days: number): bigint => BigInt(days) * dayMicros;
  const c = civilFromDays(d);
  switch (field) {
    case 'microseconds': return micros;
    case 'milliseconds': return floorTo(1000n);
    case 'second': return floorTo(1_000_000n);
    case 'minute': return floorTo(60_000_000n);
    case 'hour': return floorTo(3_600_000_000n);
    case 'day': return at(d);
    case 'week': return at(d - (((d + 3) % 7 + 7) % 7));
    case 'month': return at(daysFromCivil(c.year, c.month, 1));
    case 'quarter': return at(daysFromCivil(c.year, Math.floor((c.month - 1) / 3) * 3 + 1, 1));
    case 'year': return at(daysFromCivil(c.year, 1, 1));
    case 'decade': return at(daysFromCivil(Math.floor(c.year / 10) * 10, 1, 1));
    case 'century': return at(daysFromCivil(Math.floor((c.year - 1) / 100) * 100 + 1, 1, 1));
    case 'millennium': return at(daysFromCivil(Math.floor((c.year - 1) / 1000) * 1000 + 1, 1, 1));
    default: throw unsupportedUnit(field, 'timestamp');
  }
}

/** date_trunc(field, interval) */
export function truncInterval(field: string, iv: Interval): Interval {
  const t = (unit: number): number => Math.trunc(iv.micros / unit) * unit;
  switch (field) {
    case 'microseconds': return iv;
    case 'milliseconds': return { ...iv, micros: t(1000) };
    case 'second': return { ...iv, micros: t(1_000_000) };
    case 'minute': return { ...iv, micros: t(60_000_000) };
    case 'hour': return { ...iv, micros: t(3_600_000_000) };
    case 'day': return { ...iv, micros: 0 };
    case 'month': return { months: iv.months, days: 0, micros: 0 };
    case 'quarter': return { months: Math.trunc(iv.months / 3) * 3, days: 0, micros: 0 };
    case 'year': return { months: Math.trunc(iv.months / 12) * 12, days: 0, micros: 0 };
    case 'decade': return { months: Math.trunc(iv.months / 120) * 120, days: 0, micros: 0 };
    case 'century': return { months: Math.trunc(iv.months / 1200) * 1200, days: 0, micros: 0 };
    case 'millennium': return { months: Math.trunc(iv.months / 12000) * 12000, days: 0, micros: 0 };
    default: throw unsupportedUnit(field, 'interval');
  }
}

/** -interval (each field negated). */
export function negateInterval(iv: Interval): Interval {
  return { months: -iv.months + 0, days: -iv.days + 0, micros: -iv.micros + 0 };
}

/** timestamp ± interval */
export function addInterval(micros: bigint, iv: Interval, sign: 1 | -1): bigint {
  return addIntervalToMicros(micros, sign === 1 ? iv : negateInterval(iv));
}

/** date + interval as PostgreSQL: the date becomes a timestamp at midnight. */
export function addIntervalToDays(days: number, iv: Interval): bigint {
  return addIntervalToMicros(BigInt(days) * BigInt(MICROS_PER_DAY), iv);
}

/** timestamp - timestamp = interval of days and time (justify_hours, as PostgreSQL). */
export function subtractTimestamps(a: bigint, b: bigint): Interval {
  const diff = a - b;
  const dayMicros = BigInt(MICROS_PER_DAY);
  const days = diff / dayMicros;
  return { months: 0, days: Number(days) + 0, micros: Number(diff - days * dayMicros) + 0 };
}

/** interval * factor (fractions cascade: months → 30-day days → time). */
export function multiplyInterval(iv: Interval, f: number): Interval {
  const monthsF = iv.months * f;
  const months = Math.trunc(monthsF);
  const daysF = iv.days * f + (monthsF - months) * 30;
  const days = Math.trunc(daysF);
  const micros = Math.round(iv.micros * f + (daysF - days) * MICROS_PER_DAY);
  return { months: months + 0, days: days + 0, micros: micros + 0 };
}

/** make_date(y, m, d); negative years are BC. */
export function makeDate(y: number, m: number, d: number): number {
  const year = y < 0 ? y + 1 : y;
  if (y === 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(year, m)) {
    throw new LochError(SqlState.datetimeFieldOverflow, `date field value out of range: ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  return daysFromCivil(year, m, d);
}

export { addMonthsToDays };
