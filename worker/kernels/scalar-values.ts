/**
 * Value-at-a-time implementations of the everyday scalar functions (strings,
 * regular expressions, math), with PostgreSQL's semantics and error codes (to_char
 * is in to-char.ts).
 * They back the row-wise evaluation path and constant folding; the hot ones also
 * have typed-array kernels in worker/expr.
 */
import { createHash } from 'node:crypto';
import {
  type DataType, type LiteralValue, LochError, SqlState,
} from '../../core/index.ts';
import { POW10, divRound, rescale } from './bigint-arith.ts';

const encoder = new TextEncoder();

function chars(s: string): string[] {
  return Array.from(s);
}

/** substring(s from start [for count]) in characters, 1-based, PostgreSQL clamping. */
export function substringValue(s: string, start: number, count?: number): string {
  if (count !== undefined && count < 0) throw new LochError('22011', 'negative substring length not allowed');
  const cs = chars(s);
  const from = Math.max(start, 1);
  const to = count === undefined ? cs.length + 1 : Math.min(start + count, cs.length + 1);
  return to > from ? cs.slice(from - 1, to - 1).join('') : '';
}

/** strpos(s, sub): 1-based character position, 0 when absent. */
export function strposValue(s: string, sub: string): number {
  const at = s.indexOf(sub);
  return at < 0 ? 0 : chars(s.slice(0, at)).length + 1;
}

function trimChars(s: string, set: string, left: boolean, right: boolean): string {
  const cs = chars(s);
  const drop = new Set(chars(set));
  let a = 0, b = cs.length;
  if (left) while (a < b && drop.has(cs[a]!)) a++;
  if (right) while (b > a && drop.has(cs[b - 1]!)) b--;
  return cs.slice(a, b).join('');
}

function pad(s: string, len: number, fill: string, left: boolean): string {
  if (len <= 0) return '';
  const cs = chars(s);
  if (cs.length >= len) return cs.slice(0, len).join('');
  const fc = chars(fill);
  if (fc.length === 0) return s;
  const padding: string[] = [];
  for (let i = 0; padding.length < len - cs.length; i++) padding.push(fc[i % fc.length]!);
  return left ? padding.join('') + s : s + padding.join('');
}

function initcap(s: string): string {
  let out = '';
  let inWord = false;
  for (const c of s) {
    const alnum = /[\p{L}\p{N}]/u.test(c);
    out += alnum ? (inWord ? c.toLowerCase() : c.toUpperCase()) : c;
    inWord = alnum;
  }
  return out;
}

function splitPart(s: string, delim: string, n: number): string {
  if (n === 0) throw new LochError(SqlState.invalidParameterValue, 'field position must not be zero');
  const parts = delim === '' ? [s] : s.split(delim);
  const idx = n > 0 ? n - 1 : parts.length + n;
  return parts[idx] ?? '';
}

/** Rewrites a LIKE pattern written with ESCAPE 'c' into the backslash-escaped form the matcher reads. */
export function likeEscape(pattern: string, escape: string): string {
  const cs = chars(escape);
  if (cs.length > 1) throw new LochError('22025', 'invalid escape string', { hint: 'Escape string must be empty or one character.' });
  let out = '';
  const p = chars(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (cs.length === 1 && c === cs[0]) {
      if (i + 1 >= p.length) throw new LochError('22025', 'LIKE pattern must not end with escape character');
      out += `\\${p[++i]!}`;
    } else if (c === '\\') out += '\\\\';
    else out += c;
  }
  return out;
}

const regexCache = new Map<string, RegExp>();

/** A cached JS RegExp for a PostgreSQL (ARE) pattern; invalid patterns raise 2201B. */
export function regex(pattern: string, flags: string, fresh = false): RegExp {
  const key = `${flags}/${pattern}`;
  let re = regexCache.get(key);
  if (re === undefined || fresh) {
    // PostgreSQL's embedded options (?i) (?n) … at the start of the pattern, and its flag letters
    const embedded = /^\(\?([bceimnpqstwx]+)\)/.exec(pattern);
    let all = flags;
    if (embedded) { all += embedded[1]; pattern = pattern.slice(embedded[0].length); }
    let js = '';
    for (const f of all) {
      if (f === 'i' && !js.includes('i')) js += 'i';
      else if (f === 'c') js = js.replace('i', '');
      else if ((f === 'n' || f === 'm') && !js.includes('m')) js += 'm';
      else if (f === 's' || f === 'g' || f === 'p' || f === 'w' || f === 'x' || f === 'e' || f === 'b' || f === 'q' || f === 't') { if (f === 'g' && !js.includes('g')) js += 'g'; }
      else if (f !== 'i' && f !== 'n' && f !== 'm') throw new LochError(SqlState.invalidParameterValue, `invalid regular expression option: "${f}"`);
    }
    // Unicode property classes (\p{L}, \p{Letter}, \P{…}) need JavaScript's u mode; other
    // patterns stay without it (u mode rejects identity escapes such as \- outside a class)
    if (/\\[pP]\{/.test(pattern)) { js += 'u'; pattern = unicodeScriptClasses(pattern); }
    try { re = new RegExp(pattern, js); } catch (e) {
      throw new LochError('2201B', `invalid regular expression: ${(e as Error).message}`);
    }
    if (!fresh) { if (regexCache.size > 256) regexCache.clear(); regexCache.set(key, re); }
  }
  return re;
}

/** `\p{Arabic}` (a script name alone, as Rust's and Perl's regexes allow) → JavaScript's `\p{Script=Arabic}`. */
function unicodeScriptClasses(pattern: string): string {
  return pattern.replace(/\\([pP])\{([A-Za-z_]+)\}/g, (whole, p: string, name: string) => {
    try { new RegExp(whole, 'u'); return whole; } catch { return `\\${p}{Script=${name}}`; }
  });
}

/** Flags of a function that has no "global" mode (PostgreSQL raises 22023 for 'g'). */
export function noGlobal(fn: string, flags: string): string {
  if (flags.includes('g')) throw new LochError(SqlState.invalidParameterValue, `${fn}() does not support the "global" option`);
  return flags;
}

function flagsOf(v: LiteralValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** PostgreSQL replacement text (\1, \&, \\ for one backslash) → JS replacement ($1, $&). */
function pgReplacement(r: string): string {
  return r.replace(/\$/g, '$$$$').replace(/\\(\d|&|\\)/g, (_m, g: string) => (g === '&' ? '$&' : g === '\\' ? '\\' : `$${g}`));
}

type Fn = (v: LiteralValue[], argTypes: readonly DataType[], type: DataType) => LiteralValue;

const s0 = (v: LiteralValue[]): string => v[0] as string;
const n1 = (v: LiteralValue[]): number => v[1] as number;

/** Strict string functions (NULL in → NULL out). */
export const STRING_FUNCTIONS: Record<string, Fn> = {
  substring: (v) => substringValue(s0(v), n1(v), v.length > 2 ? (v[2] as number) : undefined),
  strpos: (v) => strposValue(s0(v), v[1] as string),
  length: (v) => chars(s0(v)).length,
  octet_length: (v) => encoder.encode(s0(v)).length,
  upper: (v) => s0(v).toUpperCase(),
  lower: (v) => s0(v).toLowerCase(),
  initcap: (v) => initcap(s0(v)),
  reverse: (v) => chars(s0(v)).reverse().join(''),
  btrim: (v) => trimChars(s0(v), v.length > 1 ? (v[1] as string) : ' ', true, true),
  ltrim: (v) => trimChars(s0(v), v.length > 1 ? (v[1] as string) : ' ', true, false),
  rtrim: (v) => trimChars(s0(v), v.length > 1 ? (v[1] as string) : ' ', false, true),
  replace: (v) => ((v[1] as string) === '' ? s0(v) : s0(v).split(v[1] as string).join(v[2] as string)),
  split_part: (v) => splitPart(s0(v), v[1] as string, v[2] as number),
  repeat: (v) => (n1(v) <= 0 ? '' : s0(v).repeat(n1(v))),
  starts_with: (v) => s0(v).startsWith(v[1] as string),
  left: (v) => { const cs = chars(s0(v)); const n = n1(v); return (n >= 0 ? cs.slice(0, n) : cs.slice(0, Math.max(0, cs.length + n))).join(''); },
  right: (v) => { const cs = chars(s0(v)); const n = n1(v); return (n >= 0 ? cs.slice(Math.max(0, cs.length - n)) : cs.slice(Math.min(cs.length, -n))).join(''); },
  lpad: (v) => pad(s0(v), n1(v), v.length > 2 ? (v[2] as string) : ' ', true),
  rpad: (v) => pad(s0(v), n1(v), v.length > 2 ? (v[2] as string) : ' ', false),
  ascii: (v) => s0(v).codePointAt(0) ?? 0,
  chr: (v) => {
    const c = v[0] as number;
    // chr(0) is the NUL character (Spark, DuckDB): Arrow strings hold it; PostgreSQL's C strings cannot (54000)
    if (c < 0) throw new LochError(SqlState.invalidParameterValue, 'character number must be positive');
    if (c > 0x10ffff) throw new LochError('54000', `requested character too large for encoding: ${c}`);
    if (c >= 0xd800 && c <= 0xdfff) throw new LochError('54000', `requested character not valid for encoding: ${c}`);
    return String.fromCodePoint(c);
  },
  md5: (v) => createHash('md5').update(s0(v)).digest('hex'),
  text_concat: (v) => s0(v) + (v[1] as string),
  like_escape: (v) => likeEscape(s0(v), v[1] as string),
  regex_match: (v) => regex(v[1] as string, '').test(s0(v)),
  not_regex_match: (v) => !regex(v[1] as string, '').test(s0(v)),
  regex_imatch: (v) => regex(v[1] as string, 'i').test(s0(v)),
  not_regex_imatch: (v) => !regex(v[1] as string, 'i').test(s0(v)),
  regexp_like: (v) => regex(v[1] as string, noGlobal('regexp_like', flagsOf(v[2]))).test(s0(v)),
  regexp_replace: (v) => {
    const flags = flagsOf(v[3]);
    const re = regex(v[1] as string, flags.includes('g') ? flags : `${flags}`, true);
    return s0(v).replace(re, pgReplacement(v[2] as string));
  },
  substring_regex: (v) => {
    const m = regex(v[1] as string, '').exec(s0(v));
    if (m === null) return null;
    return m.length > 1 ? (m[1] ?? null) : m[0];
  },
  translate: (v) => {
    const from = chars(v[1] as string), to = chars(v[2] as string);
    return chars(s0(v)).map((c) => { const k = from.indexOf(c); return k < 0 ? c : (to[k] ?? ''); }).join('');
  },
};

/** Non-strict string functions (they see NULLs). */
export const LENIENT_FUNCTIONS: Record<string, Fn> = {
  concat: (v) => v.filter((x) => x !== null).join(''),
  concat_ws: (v) => (v[0] === null ? null : v.slice(1).filter((x) => x !== null).join(v[0] as string)),
  random: () => Math.random(),
};

function scaleOf(t: DataType): number {
  return t.kind === 'decimal' ? t.scale : 0;
}

function mathError(message: string): LochError {
  return new LochError('2201F', message);
}

/** Rounds/truncates a scaled decimal from scale s to `digits`, re-expressed at result scale rs. */
function roundDecimal(v: bigint, s: number, digits: number, rs: number, truncate: boolean): bigint {
  let r: bigint;
  if (digits >= s) r = v;
  else if (s - digits > 76) r = 0n; // rounding far left of every digit (round(1.0, -2147483648)) is 0
  else {
    const d = 10n ** BigInt(s - digits);
    r = truncate ? v / d : divRound(v, d);
    r = r * d;
  }
  return rescale(r, s, rs);
}

function toBig(v: LiteralValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

function fromBig(v: bigint, t: DataType): LiteralValue {
  return t.kind === 'decimal' && t.precision > 18 ? v : t.kind === 'int64' ? v : Number(v);
}

/** rint(): half to even, as PostgreSQL's round(float8). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Strict math functions. Decimals arrive as scaled integers (argTypes give the scale). */
export const MATH_FUNCTIONS: Record<string, Fn> = {
  abs: (v, at, t) => {
    const x = v[0]!;
    if (typeof x === 'bigint') {
      if (x === -9223372036854775808n) throw new LochError(SqlState.numericValueOutOfRange, 'bigint out of range');
      return x < 0n ? -x : x;
    }
    const r = Math.abs(x as number);
    if ((t.kind === 'int32' && r > 2147483647) || (t.kind === 'int16' && r > 32767)) {
      throw new LochError(SqlState.numericValueOutOfRange, `${t.kind === 'int16' ? 'smallint' : 'integer'} out of range`);
    }
    void at;
    return r;
  },
  round: (v, at, t) => {
    if (at[0]!.kind !== 'decimal') return rint(v[0] as number);
    const digits = v.length > 1 ? (v[1] as number) : 0;
    return fromBig(roundDecimal(toBig(v[0]!), scaleOf(at[0]!), digits, scaleOf(t), false), t);
  },
  trunc: (v, at, t) => {
    if (at[0]!.kind !== 'decimal') return Math.trunc(v[0] as number);
    const digits = v.length > 1 ? (v[1] as number) : 0;
    return fromBig(roundDecimal(toBig(v[0]!), scaleOf(at[0]!), digits, scaleOf(t), true), t);
  },
  floor: (v, at, t) => {
    if (at[0]!.kind !== 'decimal') return Math.floor(v[0] as number);
    const x = toBig(v[0]!), d = POW10[scaleOf(at[0]!)]!;
    const q = x / d;
    return fromBig(x < 0n && q * d !== x ? q - 1n : q, t);
  },
  ceil: (v, at, t) => {
    if (at[0]!.kind !== 'decimal') return Math.ceil(v[0] as number) + 0;
    const x = toBig(v[0]!), d = POW10[scaleOf(at[0]!)]!;
    const q = x / d;
    return fromBig(x > 0n && q * d !== x ? q + 1n : q, t);
  },
  sign: (v, at) => {
    const x = v[0]!;
    if (at[0]!.kind !== 'decimal') return Math.sign(x as number) + 0;
    const b = toBig(x);
    return b > 0n ? 1 : b < 0n ? -1 : 0;
  },
  sqrt: (v) => {
    const x = v[0] as number;
    if (x < 0) throw mathError('cannot take square root of a negative number');
    return Math.sqrt(x);
  },
  cbrt: (v) => Math.cbrt(v[0] as number),
  exp: (v) => {
    const r = Math.exp(v[0] as number);
    if (!Number.isFinite(r)) throw new LochError(SqlState.numericValueOutOfRange, 'value out of range: overflow');
    return r;
  },
  ln: (v) => {
    const x = v[0] as number;
    if (x === 0) throw new LochError('2201E', 'cannot take logarithm of zero');
    if (x < 0) throw new LochError('2201E', 'cannot take logarithm of a negative number');
    return Math.log(x);
  },
  log10: (v) => {
    const x = v[0] as number;
    if (x === 0) throw new LochError('2201E', 'cannot take logarithm of zero');
    if (x < 0) throw new LochError('2201E', 'cannot take logarithm of a negative number');
    return Math.log10(x);
  },
  degrees: (v) => (v[0] as number) * 180 / Math.PI,
  radians: (v) => (v[0] as number) * Math.PI / 180,
  sin: (v) => Math.sin(v[0] as number),
  cos: (v) => Math.cos(v[0] as number),
  tan: (v) => Math.tan(v[0] as number),
  asin: (v) => checkedTrig(Math.asin(v[0] as number)),
  acos: (v) => checkedTrig(Math.acos(v[0] as number)),
  atan: (v) => Math.atan(v[0] as number),
  atan2: (v) => Math.atan2(v[0] as number, v[1] as number),
  log: (v) => {
    const b = v[0] as number, x = v[1] as number;
    if (b <= 0 || x <= 0) throw new LochError('2201E', `cannot take logarithm of ${b === 0 || x === 0 ? 'zero' : 'a negative number'}`);
    return Math.log(x) / Math.log(b);
  },
  to_timestamp: (v) => {
    const x = v[0] as number;
    if (!Number.isFinite(x)) throw new LochError('22008', 'timestamp out of range');
    return BigInt(Math.round(x * 1e6));
  },
  power: (v) => {
    const x = v[0] as number, y = v[1] as number;
    if (x === 0 && y < 0) throw mathError('zero raised to a negative power is undefined');
    if (x < 0 && !Number.isInteger(y)) throw mathError('a negative number raised to a non-integer power yields a complex result');
    return x ** y;
  },
};

function checkedTrig(r: number): number {
  if (Number.isNaN(r)) throw new LochError(SqlState.numericValueOutOfRange, 'input is out of range');
  return r;
}
