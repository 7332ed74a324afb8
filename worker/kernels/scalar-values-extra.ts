/**
 * More PostgreSQL scalar functions, value at a time (the row-wise path):
 * format() and quoting, overlay, width_bucket, cot, make_timestamp /
 * make_interval, and the text functions returning text[] (string_to_array,
 * regexp_match, regexp_split_to_array) plus regexp_count, gcd/lcm, to_hex,
 * hyperbolic functions and Spark's isnan/nanvl.
 */
import { type Interval, type LiteralValue, LochError, SqlState } from '../../core/index.ts';
import { makeDate } from './datetime.ts';
import { randomUUID } from 'node:crypto';
import { noGlobal, regex } from './scalar-values.ts';

type Fn = (v: LiteralValue[]) => LiteralValue;

function chars(s: string): string[] {
  return Array.from(s);
}

/** quote_ident: double-quotes unless the name is a plain lower-case identifier. */
export function quoteIdent(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) && !RESERVED.has(s) ? s : `"${s.replace(/"/g, '""')}"`;
}

const RESERVED = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both', 'case', 'cast', 'check', 'collate', 'column',
  'constraint', 'create', 'current_date', 'current_role', 'current_time', 'current_timestamp', 'current_user', 'default', 'deferrable',
  'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'from', 'grant', 'group', 'having', 'in',
  'initially', 'intersect', 'into', 'lateral', 'leading', 'limit', 'localtime', 'localtimestamp', 'not', 'null', 'offset', 'on', 'only',
  'or', 'order', 'placing', 'primary', 'references', 'returning', 'select', 'session_user', 'some', 'symmetric', 'table', 'then', 'to',
  'trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic', 'when', 'where', 'window', 'with',
]);

/** quote_literal: single-quoted, E'' form when the text holds a backslash. */
export function quoteLiteral(s: string): string {
  const q = s.replace(/'/g, "''");
  return s.includes('\\') ? `E'${q.replace(/\\/g, '\\\\')}'` : `'${q}'`;
}

/** format(fmt, args…): %s, %I, %L and %%, with `n$` positions and `-`/width flags (width may be `*`). */
export function formatValues(fmt: string, args: readonly LiteralValue[]): string {
  let out = '';
  let next = 0;
  const arg = (i: number): LiteralValue => {
    if (i >= args.length) throw new LochError(SqlState.invalidParameterValue, 'too few arguments for format()');
    return args[i]!;
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%') { out += c; continue; }
    if (++i >= fmt.length) throw new LochError(SqlState.invalidParameterValue, 'unterminated format() type specifier', { hint: 'For a single "%" use "%%".' });
    if (fmt[i] === '%') { out += '%'; continue; }
    let m = /^(\d+)\$/.exec(fmt.slice(i));
    if (m) {
      if (Number(m[1]) === 0) throw new LochError(SqlState.invalidParameterValue, 'format specifies argument 0, but arguments are numbered from 1');
      next = Number(m[1]) - 1; i += m[0].length;
    }
    let left = false;
    if (fmt[i] === '-') { left = true; i++; }
    let width = 0;
    if (fmt[i] === '*') {
      i++;
      const w = Number(arg(next++) ?? 0);
      if (w < 0) { left = true; width = -w; } else width = w;
    } else if ((m = /^\d+/.exec(fmt.slice(i)))) { width = Number(m[0]); i += m[0].length; }
    const type = fmt[i];
    if (type === undefined) throw new LochError(SqlState.invalidParameterValue, 'unterminated format() type specifier', { hint: 'For a single "%" use "%%".' });
    const v = arg(next++);
    let text: string;
    switch (type) {
      case 's': text = v === null ? '' : String(v); break;
      case 'I':
        if (v === null) throw new LochError('22004', 'null values cannot be formatted as an SQL identifier');
        text = quoteIdent(String(v)); break;
      case 'L': text = v === null ? 'NULL' : quoteLiteral(String(v)); break;
      default: throw new LochError(SqlState.invalidParameterValue, `unrecognized format() type specifier "${type}"`, { hint: 'For a single "%" use "%%".' });
    }
    const len = chars(text).length;
    if (width > len) text = left ? text + ' '.repeat(width - len) : ' '.repeat(width - len) + text;
    out += text;
  }
  return out;
}

/** overlay(s placing r from start [for count]). */
export function overlay(s: string, r: string, start: number, count?: number): string {
  const cs = chars(s);
  const n = count ?? chars(r).length;
  if (start < 1) throw new LochError('22011', 'negative substring length not allowed');
  if (n < 0) throw new LochError('22011', 'negative substring length not allowed');
  return cs.slice(0, start - 1).join('') + r + cs.slice(start - 1 + n).join('');
}

/** width_bucket(operand, low, high, count) for float8 (PostgreSQL's error codes). */
export function widthBucket(x: number, low: number, high: number, count: number): number {
  if (count <= 0) throw new LochError('2201G', 'count must be greater than zero');
  if (Number.isNaN(x) || Number.isNaN(low) || Number.isNaN(high)) throw new LochError('2201G', 'operand, lower bound, and upper bound cannot be NaN');
  if (!Number.isFinite(low) || !Number.isFinite(high)) throw new LochError('2201G', 'lower and upper bounds must be finite');
  if (low === high) throw new LochError('2201G', 'lower bound cannot equal upper bound');
  let b: number;
  if (low < high) b = x < low ? 0 : x >= high ? count + 1 : Math.floor((count * (x - low)) / (high - low)) + 1;
  else b = x > low ? 0 : x <= high ? count + 1 : Math.floor((count * (low - x)) / (low - high)) + 1;
  if (b > 2147483647) throw new LochError(SqlState.numericValueOutOfRange, 'integer out of range');
  return Math.min(b, count + 1);
}

/** make_timestamp(year, month, day, hour, min, sec) as microseconds since the epoch. */
export function makeTimestamp(y: number, mo: number, d: number, h: number, mi: number, sec: number): bigint {
  const day = makeDate(y, mo, d);
  if (h < 0 || h > 24 || mi < 0 || mi > 59 || !(sec >= 0 && sec <= 60) || (h === 24 && (mi > 0 || sec > 0))) {
    throw new LochError(SqlState.datetimeFieldOverflow, `time field value out of range: ${h}:${String(mi).padStart(2, '0')}:${String(sec).padStart(2, '0')}`);
  }
  const micros = Math.round(((h * 60 + mi) * 60 + sec) * 1e6);
  return BigInt(day) * 86_400_000_000n + BigInt(micros);
}

/** make_interval(years, months, weeks, days, hours, mins, secs), missing trailing arguments 0. */
export function makeInterval(v: readonly LiteralValue[]): Interval {
  const n = (i: number): number => (v[i] === undefined ? 0 : Number(v[i]));
  const micros = Math.round(((n(4) * 60 + n(5)) * 60 + n(6)) * 1e6);
  return { months: n(0) * 12 + n(1), days: n(2) * 7 + n(3), micros };
}

/** string_to_array(s, delimiter [, null string]): NULL delimiter splits into characters; '' delimiter keeps s whole. */
export function stringToArray(s: string, delim: string | null, nullString: string | null): LiteralValue[] {
  if (s === '') return [];
  const parts = delim === null ? chars(s) : delim === '' ? [s] : s.split(delim);
  return parts.map((p) => (nullString !== null && p === nullString ? null : p));
}

/** Strict functions (NULL in → NULL out). */
export const EXTRA_STRICT_FUNCTIONS: Record<string, Fn> = {
  quote_ident: (v) => quoteIdent(v[0] as string),
  quote_literal: (v) => quoteLiteral(v[0] as string),
  overlay: (v) => overlay(v[0] as string, v[1] as string, v[2] as number, v.length > 3 ? (v[3] as number) : undefined),
  cot: (v) => {
    const t = Math.tan(v[0] as number);
    return 1 / t;
  },
  round_float: (v) => {
    const x = v[0] as number, d = v[1] as number;
    if (!Number.isFinite(x) || d > 300) return x;
    if (d < -308) return 0;
    const m = 10 ** d;
    return (Math.sign(x) * Math.round(Math.abs(x) * m)) / m + 0;
  },
  factorial: (v) => factorial(v[0] as bigint | number),
  contains: (v) => (v[0] as string).includes(v[1] as string),
  gcd: (v) => gcd(v[0] as number | bigint, v[1] as number | bigint),
  lcm: (v) => lcm(v[0] as number | bigint, v[1] as number | bigint),
  to_hex: (v) => (typeof v[0] === 'bigint' ? BigInt.asUintN(64, v[0]).toString(16) : ((v[0] as number) >>> 0).toString(16)),
  bit_length: (v) => new TextEncoder().encode(v[0] as string).length * 8,
  sinh: (v) => Math.sinh(v[0] as number),
  cosh: (v) => Math.cosh(v[0] as number),
  tanh: (v) => Math.tanh(v[0] as number),
  asinh: (v) => Math.asinh(v[0] as number),
  acosh: (v) => {
    if ((v[0] as number) < 1) throw new LochError('22003', 'input is out of range');
    return Math.acosh(v[0] as number);
  },
  atanh: (v) => {
    const x = v[0] as number;
    if (x < -1 || x > 1) throw new LochError('22003', 'input is out of range');
    return Math.atanh(x);
  },
  isnan: (v) => Number.isNaN(v[0] as number),
  width_bucket: (v) => widthBucket(v[0] as number, v[1] as number, v[2] as number, v[3] as number),
  make_timestamp: (v) => makeTimestamp(v[0] as number, v[1] as number, v[2] as number, v[3] as number, v[4] as number, v[5] as number),
  make_interval: (v) => makeInterval(v),
  regexp_match: (v) => {
    const m = regex(v[1] as string, noGlobal('regexp_match', typeof v[2] === 'string' ? v[2] : '')).exec(v[0] as string);
    if (m === null) return null;
    return m.length > 1 ? m.slice(1).map((x) => x ?? null) : [m[0]];
  },
  regexp_substr: (v) => {
    const start = v.length > 2 ? (v[2] as number) : 1;
    const nth = v.length > 3 ? (v[3] as number) : 1;
    const flags = noGlobal('regexp_substr', v.length > 4 ? (v[4] as string) : '');
    const sub = v.length > 5 ? (v[5] as number) : 0;
    if (start <= 0) throw new LochError(SqlState.invalidParameterValue, `invalid value for parameter "start": ${start}`);
    if (nth <= 0) throw new LochError(SqlState.invalidParameterValue, `invalid value for parameter "n": ${nth}`);
    if (sub < 0) throw new LochError(SqlState.invalidParameterValue, `invalid value for parameter "subexpr": ${sub}`);
    const re = regex(v[1] as string, `${flags}g`, true);
    let k = 0;
    for (const m of chars(v[0] as string).slice(start - 1).join('').matchAll(re)) {
      if (++k === nth) return sub < m.length ? (m[sub] ?? null) : null;
      if (m[0] === '') re.lastIndex++;
    }
    return null;
  },
  regexp_split_to_array: (v) => (v[0] as string).split(regex(v[1] as string, typeof v[2] === 'string' ? v[2] : '')),
  regexp_count: (v) => {
    const flags = noGlobal('regexp_count', typeof v[3] === 'string' ? v[3] : '');
    const start = v.length > 2 ? (v[2] as number) : 1;
    if (start <= 0) throw new LochError(SqlState.invalidParameterValue, `invalid value for parameter "start": ${start}`);
    const cs = chars(v[0] as string);
    if (start > cs.length + 1) return 0;
    const s = cs.slice(start - 1).join('');
    const re = regex(v[1] as string, `${flags}g`, true);
    let n = 0;
    for (const m of s.matchAll(re)) { n++; if (m[0] === '') re.lastIndex++; }
    return n;
  },
};

function intRange(t: 'int32' | 'int64'): LochError {
  return new LochError(SqlState.numericValueOutOfRange, `${t === 'int32' ? 'integer' : 'bigint'} out of range`);
}

/** gcd of int4 (numbers) or int8 (bigints), PostgreSQL's overflow rules. */
export function gcd(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    let x = BigInt(a), y = BigInt(b);
    while (y !== 0n) [x, y] = [y, x % y];
    if (x === -9223372036854775808n) throw intRange('int64');
    return x < 0n ? -x : x;
  }
  let x = a, y = b;
  while (y !== 0) [x, y] = [y, x % y];
  if (x === -2147483648) throw intRange('int32');
  return Math.abs(x);
}

/** lcm of int4 or int8; 22003 when the result does not fit. */
export function lcm(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = BigInt(a), y = BigInt(b);
    if (x === 0n || y === 0n) return 0n;
    let r = (x / (gcd(x, y) as bigint)) * y;
    if (r < 0n) r = -r;
    if (r > 9223372036854775807n) throw intRange('int64');
    return r;
  }
  if (a === 0 || b === 0) return 0;
  const r = Math.abs((a / (gcd(a, b) as number)) * b);
  if (r > 2147483647) throw intRange('int32');
  return r;
}

/** factorial(n) as numeric (a bigint of decimal(38, 0)); 22003 past 38 digits, 2201F for negatives. */
export function factorial(n: bigint | number): bigint {
  const k = Number(n);
  if (k < 0) throw new LochError('2201F', 'factorial of a negative number is undefined');
  let r = 1n;
  for (let i = 2n; i <= BigInt(k); i++) {
    r *= i;
    if (r >= 10n ** 38n) throw new LochError(SqlState.numericValueOutOfRange, 'value overflows numeric format');
  }
  return r;
}

/**
 * to_number(text, template): the digits of `text` read against the template's
 * digit positions (9, 0), decimal point (. or D), group separators (, or G, skipped)
 * and sign (S, MI, PR, a leading or trailing '-'); the result is scaled to `scale`.
 */
export function toNumber(text: string, format: string, scale: number): bigint {
  const fmt = format.replace(/FM/g, '');
  const dot = fmt.search(/[.D]/);
  const negative = /-/.test(text) || (/PR/.test(fmt) && /^\s*<.*>\s*$/.test(text));
  let intDigits = '', fracDigits = '';
  let seenDot = false;
  for (const c of text) {
    if (c >= '0' && c <= '9') { if (seenDot) fracDigits += c; else intDigits += c; }
    else if (c === '.' && dot >= 0) seenDot = true;
  }
  if (intDigits === '' && fracDigits === '') throw new LochError(SqlState.invalidTextRepresentation, `invalid input syntax for type numeric: " "`);
  const frac = (fracDigits + '0'.repeat(scale)).slice(0, scale);
  let v = BigInt((intDigits || '0') + frac);
  if (fracDigits.length > scale && Number(fracDigits[scale]) >= 5) v += 1n;
  return negative ? -v : v;
}

/** Functions that see NULL arguments. */
export const EXTRA_LENIENT_FUNCTIONS: Record<string, Fn> = {
  format: (v) => (v[0] === null ? null : formatValues(v[0] as string, v.slice(1))),
  gen_random_uuid: () => randomUUID(),
  // Spark's nanvl only reads its second argument when the first is NaN: nanvl(2, NULL) is 2
  nanvl: (v) => (v[0] === null ? null : Number.isNaN(v[0] as number) ? v[1]! : v[0]!),
  quote_nullable: (v) => (v[0] === null ? 'NULL' : quoteLiteral(v[0] as string)),
  string_to_array: (v) => (v[0] === null ? null : stringToArray(v[0] as string, v[1] as string | null, (v[2] ?? null) as string | null)),
};
