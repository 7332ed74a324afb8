/**
 * to_date / to_timestamp with a format template, and PostgreSQL's interval
 * helpers age() and justify_*(). Value-at-a-time (row-wise path).
 */
import { type Interval, LochError, MICROS_PER_DAY, SqlState, civilFromDays, daysFromCivil, daysInMonth } from '../../core/index.ts';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const FIELDS = ['YYYY', 'HH24', 'HH12', 'MONTH', 'Month', 'month', 'MON', 'Mon', 'mon', 'YY', 'MM', 'DD', 'HH', 'MI', 'SS', 'MS', 'US', 'AM', 'PM', 'am', 'pm'];

function badValue(text: string, field: string): LochError {
  return new LochError(SqlState.invalidDatetimeFormat, `invalid value "${text}" for "${field}"`);
}

/** Parses text with a to_timestamp template (YYYY MM DD HH24 HH12 MI SS MS US Mon Month AM/PM) to µs since the epoch. */
export function parseWithFormat(input: string, format: string): bigint {
  let year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0, pm: boolean | null = null;
  let si = 0, fi = 0;
  const fmt = format.replace(/FM/g, '');
  const digits = (max: number, field: string): number => {
    while (si < input.length && input[si] === ' ') si++;
    const start = si;
    let sign = 1;
    if (input[si] === '-' && field === 'YYYY') { sign = -1; si++; }
    while (si < input.length && si - start < max && input[si]! >= '0' && input[si]! <= '9') si++;
    const text = input.slice(start, si);
    if (text === '' || text === '-') throw badValue(input.slice(start, start + max) || input, field);
    return sign * Number(text.replace('-', ''));
  };
  while (fi < fmt.length) {
    if (fmt[fi] === '"') {
      const end = fmt.indexOf('"', fi + 1);
      const literal = fmt.slice(fi + 1, end < 0 ? undefined : end);
      si += literal.length;
      fi = end < 0 ? fmt.length : end + 1;
      continue;
    }
    const field = FIELDS.find((f) => fmt.startsWith(f, fi));
    if (field === undefined) {
      // a separator in the template skips one separator (or run of spaces) in the input
      if (fmt[fi] === ' ') while (si < input.length && input[si] === ' ') si++;
      else if (si < input.length && !/[A-Za-z0-9]/.test(input[si]!)) si++;
      fi++;
      continue;
    }
    fi += field.length;
    switch (field) {
      // without a separator after it (YYYYMMDD) the year is exactly 4 digits
      case 'YYYY': year = digits(fi < fmt.length && /[A-Za-z0-9]/.test(fmt[fi]!) ? 4 : 6, field); break;
      case 'YY': { const y = digits(2, field); year = y < 70 ? 2000 + y : 1900 + y; break; }
      case 'MM': month = digits(2, field); break;
      case 'DD': day = digits(2, field); break;
      case 'HH24': hour = digits(2, field); break;
      case 'HH12': case 'HH': hour = digits(2, field); break;
      case 'MI': minute = digits(2, field); break;
      case 'SS': second = digits(2, field); break;
      case 'MS': { const start = si; const v = digits(3, field); micros += v * 10 ** (3 - (si - start)) * 1000; break; }
      case 'US': { const start = si; const v = digits(6, field); micros += v * 10 ** (6 - (si - start)); break; }
      case 'AM': case 'PM': case 'am': case 'pm': {
        const word = input.slice(si, si + 2).toUpperCase();
        if (word !== 'AM' && word !== 'PM') throw badValue(input.slice(si, si + 2), field);
        pm = word === 'PM';
        si += 2;
        break;
      }
      default: {
        const long = field.length === 5;
        const rest = input.slice(si).toLowerCase();
        const k = MONTH_NAMES.findIndex((m) => rest.startsWith(long ? m : m.slice(0, 3)));
        if (k < 0) throw badValue(input.slice(si), field);
        month = k + 1;
        si += long ? MONTH_NAMES[k]!.length : 3;
      }
    }
  }
  if (pm !== null) {
    if (hour < 1 || hour > 12) throw new LochError(SqlState.datetimeFieldOverflow, `hour "${hour}" is invalid for the 12-hour clock`);
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const astro = year < 0 ? year + 1 : year;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(astro, month) || hour > 23 || minute > 59 || second > 59 || year === 0) {
    throw new LochError(SqlState.datetimeFieldOverflow, `date/time field value out of range: "${input}"`);
  }
  return BigInt(daysFromCivil(astro, month, day)) * BigInt(MICROS_PER_DAY) + BigInt(((hour * 60 + minute) * 60 + second) * 1_000_000 + micros);
}

/** to_date(text, format) */
export function toDate(input: string, format: string): number {
  return Number(parseWithFormat(input, format) / BigInt(MICROS_PER_DAY));
}

interface Fields { year: number; mon: number; mday: number; hour: number; min: number; sec: number; usec: number }

function fieldsOf(ts: bigint): Fields {
  const D = BigInt(MICROS_PER_DAY);
  const day = ts / D - (ts % D < 0n ? 1n : 0n);
  const tod = Number(ts - day * D);
  const c = civilFromDays(Number(day));
  return {
    year: c.year, mon: c.month, mday: c.day, hour: Math.floor(tod / 3_600_000_000), min: Math.floor(tod / 60_000_000) % 60,
    sec: Math.floor(tod / 1_000_000) % 60, usec: tod % 1_000_000,
  };
}

/** age(a, b): the symbolic difference in years, months, days and time, as PostgreSQL. */
export function age(a: bigint, b: bigint): Interval {
  const t1 = fieldsOf(a), t2 = fieldsOf(b);
  const before = a < b;
  const s = before ? -1 : 1;
  let usec = s * (t1.usec - t2.usec), sec = s * (t1.sec - t2.sec), min = s * (t1.min - t2.min), hour = s * (t1.hour - t2.hour);
  let mday = s * (t1.mday - t2.mday), mon = s * (t1.mon - t2.mon), year = s * (t1.year - t2.year);
  while (usec < 0) { usec += 1_000_000; sec--; }
  while (sec < 0) { sec += 60; min--; }
  while (min < 0) { min += 60; hour--; }
  while (hour < 0) { hour += 24; mday--; }
  while (mday < 0) {
    const ref = before ? t1 : t2;
    mday += daysInMonth(ref.year, ref.mon);
    mon--;
  }
  while (mon < 0) { mon += 12; year--; }
  const months = s * (year * 12 + mon), days = s * mday;
  const micros = s * (((hour * 60 + min) * 60 + sec) * 1_000_000 + usec);
  return { months: months + 0, days: days + 0, micros: micros + 0 };
}

/** justify_days: 30-day periods become months. */
export function justifyDays(iv: Interval): Interval {
  let months = iv.months + Math.trunc(iv.days / 30), days = iv.days % 30;
  if (months > 0 && days < 0) { days += 30; months--; } else if (months < 0 && days > 0) { days -= 30; months++; }
  return { months: months + 0, days: days + 0, micros: iv.micros };
}

/** justify_hours: 24-hour periods become days. */
export function justifyHours(iv: Interval): Interval {
  let days = iv.days + Math.trunc(iv.micros / MICROS_PER_DAY), micros = iv.micros % MICROS_PER_DAY;
  if (days > 0 && micros < 0) { micros += MICROS_PER_DAY; days--; } else if (days < 0 && micros > 0) { micros -= MICROS_PER_DAY; days++; }
  return { months: iv.months, days: days + 0, micros: micros + 0 };
}

/** justify_interval: both, with signs made consistent. */
export function justifyInterval(iv: Interval): Interval {
  let days = iv.days + Math.trunc(iv.micros / MICROS_PER_DAY), micros = iv.micros % MICROS_PER_DAY;
  let months = iv.months + Math.trunc(days / 30);
  days %= 30;
  if (months > 0 && (days < 0 || (days === 0 && micros < 0))) { days += 30; months--; } else if (months < 0 && (days > 0 || (days === 0 && micros > 0))) { days -= 30; months++; }
  if (days > 0 && micros < 0) { micros += MICROS_PER_DAY; days--; } else if (days < 0 && micros > 0) { micros -= MICROS_PER_DAY; days++; }
  return { months: months + 0, days: days + 0, micros: micros + 0 };
}
