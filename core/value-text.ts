/**
 * PostgreSQL text input/output of single values (not a hot path: results,
 * literals, constant folding, tests). Values use the core/literal.ts
 * representation.
 *
 * Output follows PostgreSQL with DateStyle ISO, IntervalStyle postgres, session
 * time zone UTC and extra_float_digits 1 (shortest round-trip floats, PG 12+).
 * Calendar helpers live in calendar.ts.
 */
import { type DataType, isNarrowDecimal, typeName } from './data-type.ts';
import { LochError, SqlState } from './errors.ts';
import type { Interval, LiteralValue } from './literal.ts';
import { formatNestedValue, parseNestedValue } from './nested-text.ts';
import { formatTimeOfDay, parseTimeOfDay } from './time-value.ts';
export { formatBracketed } from './nested-text.ts';
import { MICROS_PER_DAY, MICROS_PER_SECOND, civilFromDays, daysFromCivil, daysInMonth, floorDivBigInt } from './calendar.ts';

// ---------------------------------------------------------------------------------------------
// Output

/** PostgreSQL text output of a non-NULL value of `type`. */
export function formatValue(value: LiteralValue, type: DataType): string {
  if (value === null) return 'NULL';
  switch (type.kind) {
    case 'boolean': return value ? 't' : 'f';
    case 'int16': case 'int32': case 'int64': return String(value);
    case 'float32': return formatFloat(value as number, true);
    case 'float64': return formatFloat(value as number, false);
    case 'decimal': return formatScaled(value as number | bigint, type.scale);
    case 'text': return String(value);
    case 'date': return formatDate(value as number);
    case 'timestamp': return formatTimestamp(BigInt(value as bigint | number));
    case 'timestamptz': return `${formatTimestamp(BigInt(value as bigint | number))}+00`;
    case 'interval': return formatInterval(value as Interval);
    case 'time': return formatTimeOfDay(value as bigint);
    case 'null': return 'NULL';
    case 'binary': case 'array': case 'struct': case 'map': return formatNestedValue(value, type, formatValue);
  }
}

/** A scaled integer (number or bigint) as a decimal string with exactly `scale` fraction digits. */
export function formatScaled(value: number | bigint, scale: number): string {
  const big = typeof value === 'bigint' ? value : BigInt(Math.round(value));
  const negative = big < 0n;
  let digits = (negative ? -big : big).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/** Shortest round-trip float text, with PostgreSQL's choice between fixed and exponent notation. */
export function formatFloat(x: number, single: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let exp: string;
  if (single) {
    let p = 1;
    while (p < 9 && Math.fround(Number(x.toPrecision(p))) !== x) p++;
    exp = Number(x.toPrecision(p)).toExponential();
  } else {
    exp = x.toExponential();
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp)!;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const e = Number(m[4]);
  const maxFixed = single ? 6 : 15;
  if (e < -4 || e >= maxFixed) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(e);
    return `${sign}${mant}e${e < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length <= e + 1) return sign + digits + '0'.repeat(e + 1 - digits.length);
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO date; years before 1 AD print as PostgreSQL does ("0044-03-15 BC"). */
export function formatDate(days: number): string {
  const c = civilFromDays(days);
  if (c.year <= 0) return `${pad(1 - c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)} BC`;
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** "YYYY-MM-DD HH:MM:SS[.ffffff]" (fraction only when non-zero, trailing zeros trimmed). */
export function formatTimestamp(micros: bigint): string {
  const day = floorDivBigInt(micros, BigInt(MICROS_PER_DAY));
  const tod = Number(micros - day * BigInt(MICROS_PER_DAY));
  const date = formatDate(Number(day));
  const bc = date.endsWith(' BC');
  const time = formatTime(tod);
  return bc ? `${date.slice(0, -3)} ${time} BC` : `${date} ${time}`;
}

function formatTime(micros: number): string {
  const h = Math.floor(micros / 3_600_000_000);
  const mi = Math.floor((micros % 3_600_000_000) / 60_000_000);
  return `${pad(h, 2)}:${pad(mi, 2)}:${formatSeconds(micros % 60_000_000)}`;
}

function formatSeconds(micros: number): string {
  const s = Math.floor(micros / MICROS_PER_SECOND);
  const frac = micros % MICROS_PER_SECOND;
  if (frac === 0) return pad(s, 2);
  return `${pad(s, 2)}.${pad(frac, 6).replace(/0+$/, '')}`;
}

/** PostgreSQL IntervalStyle "postgres": "1 year 2 mons 3 days 04:05:06". */
export function formatInterval(iv: Interval): string {
  const years = Math.trunc(iv.months / 12);
  const mons = iv.months - years * 12;
  let out = '';
  let isZero = true;
  let isBefore = false;
  const part = (v: number, unit: string): void => {
    if (v === 0) return;
    out += `${isZero ? '' : ' '}${isBefore && v > 0 ? '+' : ''}${v} ${unit}${v !== 1 ? 's' : ''}`;
    isBefore = v < 0;
    isZero = false;
  };
  part(years, 'year');
  part(mons, 'mon');
  part(iv.days, 'day');
  if (isZero || iv.micros !== 0) {
    const minus = iv.micros < 0;
    const abs = Math.abs(iv.micros);
    const h = Math.floor(abs / 3_600_000_000);
    const mi = Math.floor((abs % 3_600_000_000) / 60_000_000);
    out += `${isZero ? '' : ' '}${minus ? '-' : isBefore ? '+' : ''}${pad(h, 2)}:${pad(mi, 2)}:${formatSeconds(abs % 60_000_000)}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Input

function invalid(type: DataType | string, text: string): LochError {
  const name = typeof type === 'string' ? type : typeNameForInput(type);
  return new LochError(SqlState.invalidTextRepresentation, `invalid input syntax for type ${name}: "${text}"`);
}

function typeNameForInput(t: DataType): string {
  return t.kind === 'decimal' ? 'numeric' : typeName(t);
}

function outOfRange(text: string, t: DataType): LochError {
  return new LochError(SqlState.numericValueOutOfRange, `value "${text}" is out of range for type ${typeNameForInput(t)}`);
}

const INT_RANGES = { int16: [-32768, 32767], int32: [-2147483648, 2147483647] } as const;

/** Parses PostgreSQL input syntax for `type` (22P02 bad syntax, 22003 out of range, 22007/22008 datetimes). */
export function parseValue(text: string, type: DataType): LiteralValue {
  switch (type.kind) {
    case 'null': return null;
    case 'text': return text;
    case 'boolean': return parseBoolean(text);
    case 'int16': case 'int32': {
      const s = text.trim();
      if (!/^[+-]?\d+$/.test(s)) throw invalid(type, text);
      const v = Number(s);
      const [lo, hi] = INT_RANGES[type.kind];
      if (v < lo || v > hi) throw outOfRange(text, type);
      return v;
    }
    case 'int64': {
      const s = text.trim();
      if (!/^[+-]?\d+$/.test(s)) throw invalid(type, text);
      const v = BigInt(s);
      if (v < -(2n ** 63n) || v >= 2n ** 63n) throw outOfRange(text, type);
      return v;
    }
    case 'float32': case 'float64': return parseFloatText(text, type);
    case 'decimal': {
      const scaled = parseDecimalText(text, type.precision, type.scale);
      return isNarrowDecimal(type) ? Number(scaled) : scaled;
    }
    case 'date': return parseDate(text);
    case 'timestamp': return parseTimestamp(text, false);
    case 'timestamptz': return parseTimestamp(text, true);
    case 'interval': return parseInterval(text);
    case 'time': return parseTimeOfDay(text);
    case 'binary': case 'array': case 'struct': case 'map': return parseNestedValue(text, type, parseValue);
  }
}

const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0'];

function parseBoolean(text: string): boolean {
  const s = text.trim().toLowerCase();
  if (s.length > 0) {
    if (TRUE_WORDS.some((w) => w.startsWith(s)) && s !== 'o') return true;
    if (FALSE_WORDS.some((w) => w.startsWith(s)) && s !== 'o') return false;
  }
  throw invalid('boolean', text);
}

function parseFloatText(text: string, type: DataType): number {
  const s = text.trim();
  const lower = s.toLowerCase();
  if (lower === 'nan') return NaN;
  if (/^[+]?inf(inity)?$/.test(lower)) return Infinity;
  if (/^-inf(inity)?$/.test(lower)) return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) throw invalid(type, text);
  const v = Number(s);
  const f = type.kind === 'float32' ? Math.fround(v) : v;
  if (!Number.isFinite(f)) throw new LochError(SqlState.numericValueOutOfRange, `"${text}" is out of range for type ${typeName(type)}`);
  return f;
}

/**
 * Parses decimal text to a scaled BigInt at `scale`, rounding half away from zero, and checks
 * that it fits numeric(precision, scale) (22003 "numeric field overflow" as PostgreSQL).
 */
export function parseDecimalText(text: string, precision: number, scale: number): bigint {
  const s = text.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) throw invalid('numeric', text);
  const negative = m[1] === '-';
  const intDigits = m[2]!;
  const fracDigits = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  // value = digits * 10^(exp - fracDigits.length); scaled = value * 10^scale
  const digits = BigInt((intDigits + fracDigits) || '0');
  const shift = exp - fracDigits.length + scale;
  let scaled: bigint;
  if (shift >= 0) scaled = digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    scaled = digits / div;
    if ((digits % div) * 2n >= div) scaled += 1n;
  }
  checkDecimalFits(scaled, precision, scale);
  return negative ? -scaled : scaled;
}

const BIG_POW10: readonly bigint[] = Array.from({ length: 40 }, (_, k) => 10n ** BigInt(k));

/** Raises 22003 unless |scaled| < 10^precision (as PostgreSQL's numeric typmod check). */
export function checkDecimalFits(scaled: bigint, precision: number, scale: number): void {
  const abs = scaled < 0n ? -scaled : scaled;
  if (abs >= (BIG_POW10[precision] ?? 10n ** BigInt(precision))) {
    throw new LochError(SqlState.numericValueOutOfRange, 'numeric field overflow', {
      detail: `A field with precision ${precision}, scale ${scale} must round to an absolute value less than ${precision - scale === 0 ? '1' : `10^${precision - scale}`}.`,
    });
  }
}

/** 'today', 'tomorrow', 'yesterday' (evaluated when the literal is parsed, as PostgreSQL). */
const RELATIVE_DAYS: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const DATE_RE = /^(\d{1,7})-(\d{1,2})-(\d{1,2})/;

function parseDateParts(s: string, text: string, typeLabel: string): { days: number; rest: string } {
  const m = DATE_RE.exec(s);
  let year: number, month: number, day: number, rest: string;
  if (m) {
    year = Number(m[1]); month = Number(m[2]); day = Number(m[3]); rest = s.slice(m[0].length);
  } else {
    const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{1,7})/.exec(s); // DateStyle MDY: 01/02/2020 is January 2
    const ymdSlash = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
    const named = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{1,7})/.exec(s); // January 8, 1999
    const dayNamed = /^(\d{1,2})[\s-]([A-Za-z]{3,9})[\s-](\d{1,7})/.exec(s); // 8-Jan-1999
    const c = /^(\d{4})(\d{2})(\d{2})/.exec(s);
    const monthOf = (name: string): number => MONTH_PREFIXES.findIndex((p) => name.toLowerCase().startsWith(p)) + 1;
    if (ymdSlash) { year = Number(ymdSlash[1]); month = Number(ymdSlash[2]); day = Number(ymdSlash[3]); rest = s.slice(ymdSlash[0].length); }
    else if (slash) { month = Number(slash[1]); day = Number(slash[2]); year = Number(slash[3]); rest = s.slice(slash[0].length); }
    else if (named && monthOf(named[1]!) > 0) { month = monthOf(named[1]!); day = Number(named[2]); year = Number(named[3]); rest = s.slice(named[0].length); }
    else if (dayNamed && monthOf(dayNamed[2]!) > 0) { day = Number(dayNamed[1]); month = monthOf(dayNamed[2]!); year = Number(dayNamed[3]); rest = s.slice(dayNamed[0].length); }
    else if (c) { year = Number(c[1]); month = Number(c[2]); day = Number(c[3]); rest = s.slice(8); }
    else throw new LochError(SqlState.invalidDatetimeFormat, `invalid input syntax for type ${typeLabel}: "${text}"`);
  }
  let bc = false;
  const bcMatch = /\s*\bBC$/i.exec(rest);
  if (bcMatch) { bc = true; rest = rest.slice(0, bcMatch.index); }
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(bc ? 1 - year : year, month)) {
    throw new LochError(SqlState.datetimeFieldOverflow, `date/time field value out of range: "${text}"`);
  }
  return { days: daysFromCivil(bc ? 1 - year : year, month, day), rest };
}

function parseDate(text: string): number {
  const s = text.trim();
  const lower = s.toLowerCase();
  if (lower === 'epoch') return 0;
  const relative = RELATIVE_DAYS[lower];
  if (relative !== undefined) return Math.floor(Date.now() / 86_400_000) + relative;
  const { days, rest } = parseDateParts(s, text, 'date');
  if (rest.trim() !== '' && !/^[ T]\d{1,2}:\d{2}/.test(rest)) {
    throw new LochError(SqlState.invalidDatetimeFormat, `invalid input syntax for type date: "${text}"`);
  }
  // PostgreSQL's date range: 4713-01-01 BC .. 5874897-12-31
  if (days > MAX_DATE_DAYS || days < MIN_DATE_DAYS) throw new LochError(SqlState.datetimeFieldOverflow, `date out of range: "${text}"`);
  return days;
}

const MAX_DATE_DAYS = daysFromCivil(5874897, 12, 31);
const MIN_DATE_DAYS = daysFromCivil(-4712, 1, 1);

const TIME_RE = /^(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(.*)$/;

function parseTimestamp(text: string, withZone: boolean): bigint {
  const label = withZone ? 'timestamp with time zone' : 'timestamp without time zone';
  const s = text.trim();
  const lower = s.toLowerCase();
  if (lower === 'epoch') return 0n;
  if (lower === 'now') return BigInt(Date.now()) * 1000n;
  const relative = RELATIVE_DAYS[lower];
  if (relative !== undefined) return BigInt(Math.floor(Date.now() / 86_400_000) + relative) * BigInt(MICROS_PER_DAY);
  const { days, rest } = parseDateParts(s, text, label);
  const m = TIME_RE.exec(rest);
  if (!m) throw new LochError(SqlState.invalidDatetimeFormat, `invalid input syntax for type ${label}: "${text}"`);
  const h = Number(m[1] ?? 0), mi = Number(m[2] ?? 0), sec = Number(m[3] ?? 0);
  const frac = m[4] ? Math.round(Number(`0.${m[4]}`) * MICROS_PER_SECOND) : 0;
  if (h > 24 || mi > 59 || sec > 60 || (h === 24 && (mi > 0 || sec > 0 || frac > 0))) {
    throw new LochError(SqlState.datetimeFieldOverflow, `date/time field value out of range: "${text}"`);
  }
  let micros = BigInt(days) * BigInt(MICROS_PER_DAY) + BigInt(((h * 60 + mi) * 60 + sec) * MICROS_PER_SECOND + frac);
  const zone = m[5]!.trim();
  if (zone !== '') {
    const offset = parseZoneOffset(zone);
    if (offset === undefined) throw new LochError(SqlState.invalidDatetimeFormat, `invalid input syntax for type ${label}: "${text}"`);
    if (withZone) micros -= BigInt(offset) * 60_000_000n;
  }
  return micros;
}

/** Offset in minutes east of UTC for "Z", "UTC", "+02", "-05:30", "+0530". */
function parseZoneOffset(zone: string): number | undefined {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  // PostgreSQL's displacement range: up to 15:59 either way
  if (!m || Number(m[2]) > 15 || Number(m[3] ?? 0) > 59) return undefined;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -v : v;
}

const UNIT_MICROS: Record<string, [months: number, days: number, micros: number]> = {
  millennium: [12000, 0, 0], century: [1200, 0, 0], decade: [120, 0, 0], year: [12, 0, 0], quarter: [3, 0, 0], month: [1, 0, 0],
  week: [0, 7, 0], day: [0, 1, 0], hour: [0, 0, 3_600_000_000], minute: [0, 0, 60_000_000],
  second: [0, 0, 1_000_000], millisecond: [0, 0, 1000], microsecond: [0, 0, 1],
  // DataFusion's unit; intervals hold microseconds, so only whole microseconds are accepted (parseInterval)
  nanosecond: [0, 0, 0.001],
};

const UNIT_ALIASES: Record<string, string> = {
  millennia: 'millennium', millenniums: 'millennium', mil: 'millennium', mils: 'millennium',
  centuries: 'century', c: 'century', cent: 'century', decades: 'decade', dec: 'decade', decs: 'decade',
  years: 'year', y: 'year', yr: 'year', yrs: 'year', months: 'month', mon: 'month', mons: 'month',
  weeks: 'week', w: 'week', days: 'day', d: 'day', hours: 'hour', h: 'hour', hr: 'hour', hrs: 'hour',
  minutes: 'minute', m: 'minute', min: 'minute', mins: 'minute', seconds: 'second', s: 'second',
  sec: 'second', secs: 'second', milliseconds: 'millisecond', ms: 'millisecond', msec: 'millisecond',
  msecs: 'millisecond', microseconds: 'microsecond', us: 'microsecond', usec: 'microsecond', usecs: 'microsecond',
  // DuckDB's spellings (not in PostgreSQL's table, harmless to accept)
  msecond: 'millisecond', mseconds: 'millisecond', usecond: 'microsecond', useconds: 'microsecond',
  quarter: 'quarter', quarters: 'quarter', qtr: 'quarter',
  nanoseconds: 'nanosecond', ns: 'nanosecond', nsec: 'nanosecond', nsecs: 'nanosecond',
};

/** Canonical interval unit name ("mons" → "month"), or undefined. */
export function intervalUnit(word: string): string | undefined {
  const w = word.toLowerCase();
  return w in UNIT_MICROS ? w : UNIT_ALIASES[w];
}

/**
 * Parses interval text: '1 year 2 months 3 days 04:05:06', '-1 day', '@ 3 days ago', '10:00',
 * ISO 'P1Y2M3DT4H5M6S'. `defaultUnit` is the SQL qualifier of `interval '3' month`: a bare
 * number counts in that unit (seconds otherwise, as PostgreSQL).
 */
export function parseInterval(text: string, defaultUnit?: string): Interval {
  const bad = (): LochError =>
    new LochError(SqlState.invalidDatetimeFormat, `invalid input syntax for type interval: "${text}"`);
  let s = text.trim().toLowerCase();
  if (s.startsWith('p')) return parseIsoInterval(s, bad);
  if (s.startsWith('@')) s = s.slice(1).trim();
  let ago = false;
  if (/\bago$/.test(s)) { ago = true; s = s.slice(0, -3).trim(); }
  let months = 0, days = 0, micros = 0;
  const add = (value: number, unitName: string): void => {
    const u = UNIT_MICROS[unitName]!;
    const mo = value * u[0];
    const wholeMonths = Math.trunc(mo);
    months += wholeMonths;
    let d = value * u[1] + (mo - wholeMonths) * 30;
    const wholeDays = Math.trunc(Math.round(d * 1e6) / 1e6);
    days += wholeDays;
    d -= wholeDays;
    micros += Math.round(value * u[2] + d * MICROS_PER_DAY);
  };
  const tokens = s.split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) throw bad();
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const time = /^([+-]?)(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d*)?))?$/.exec(tok);
    if (time) {
      const v = (Number(time[2]) * 3600 + Number(time[3]) * 60) * MICROS_PER_SECOND
        + Math.round(Number(time[4] ?? 0) * MICROS_PER_SECOND);
      micros += time[1] === '-' ? -v : v;
      continue;
    }
    const num = /^([+-]?(?:\d+\.?\d*|\.\d+))([a-z]*)$/.exec(tok);
    if (!num) throw bad();
    let unitWord = num[2]!;
    if (unitWord === '' && i + 1 < tokens.length && /^[a-z]+$/.test(tokens[i + 1]!)) unitWord = tokens[++i]!;
    const unitName = unitWord === '' ? intervalUnit(defaultUnit ?? 'second') : intervalUnit(unitWord);
    if (!unitName) throw bad();
    if (unitName === 'nanosecond' && Number(num[1]) % 1000 !== 0) {
      throw new LochError(SqlState.invalidDatetimeFormat, `interval "${text}": ${num[1]} nanoseconds is not a whole number of microseconds (intervals hold microseconds)`);
    }
    add(Number(num[1]), unitName);
  }
  if (ago) { months = -months; days = -days; micros = -micros; }
  // months and days are int32 (PostgreSQL's fields); the time part must stay exact as a JS number and fit
  // Arrow's int64 nanoseconds: ±2^53 µs (about 285 years; PostgreSQL allows int64 µs)
  if (Math.abs(months) > 2147483647 || Math.abs(days) > 2147483647 || !(Math.abs(micros) <= Number.MAX_SAFE_INTEGER)) {
    throw new LochError('22015', `interval field value out of range: "${text}"`);
  }
  return { months: months + 0, days: days + 0, micros: micros + 0 };
}

function parseIsoInterval(s: string, bad: () => LochError): Interval {
  const m = /^p(?:(-?[\d.]+)y)?(?:(-?[\d.]+)m)?(?:(-?[\d.]+)w)?(?:(-?[\d.]+)d)?(?:t(?:(-?[\d.]+)h)?(?:(-?[\d.]+)m)?(?:(-?[\d.]+)s)?)?$/.exec(s);
  if (!m || s === 'p' || s.endsWith('t')) throw bad();
  const parts: string[] = [];
  const names = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
  for (let i = 0; i < names.length; i++) if (m[i + 1] !== undefined) parts.push(`${m[i + 1]} ${names[i]}`);
  return parseInterval(parts.join(' '));
}
