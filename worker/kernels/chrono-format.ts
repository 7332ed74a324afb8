/**
 * chrono-style (`%Y-%m-%d %H:%M:%S%.f`) format parsing, as DataFusion's to_date /
 * to_timestamp / to_time take it, with several formats tried in order; a format
 * without `%` is read as a PostgreSQL template by the caller's parser.
 */
import { LochError, MICROS_PER_DAY, SqlState, TIME_MICROS_PER_DAY, civilFromDays, daysFromCivil, daysInMonth, floorDivBigInt } from '../../core/index.ts';

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
