/**
 * Named scalar functions: argument types → a Call the kernels implement
 * (worker/expr/compile-functions.ts uses the same names), with unknown literals
 * adapted and arguments cast. Aliases map to one canonical name
 * (substr → substring, position → strpos, char_length → length, ceiling → ceil).
 */
import {
  type DataType, LochError, SqlState, T, arrayOf, closestName, decimal, isInteger, isNumeric, typeName,
} from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import { statementClock } from '../plan-context.ts';
import { castExpr, commonSupertypeOfExprs, errorTypeName, integerAsDecimal, isUnknownLiteral } from './casts.ts';
import { resolveOperator } from './operators.ts';
import { parseTypeName } from './type-names.ts';
import { resolveNestedFunction } from './array-functions.ts';
import { resolveJsonFunction } from './json-functions.ts';
import { resolveDateTimeFunction } from './datetime-functions.ts';
import { zonedDateTrunc, zonedExtractSource } from './session-zone.ts';
import { resolveSparkScalarFunction } from './spark-scalar-functions.ts';

type Resolver = (args: Expr[]) => Expr | undefined;

interface FunctionDef {
  /** Signatures shown in hints, PostgreSQL style. */
  readonly signatures: readonly string[];
  readonly resolve: Resolver;
}

/** Casts unknown literals to `t`; returns undefined when a known argument is not of kind `t`. */
function expect(args: readonly Expr[], types: readonly DataType[]): Expr[] | undefined {
  if (args.length !== types.length) return undefined;
  const out: Expr[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!, t = types[i]!;
    if (isUnknownLiteral(a)) { out.push(castExpr(a, t, false)); continue; }
    if (a.type.kind === t.kind) { out.push(a); continue; }
    if (isInteger(t) && isInteger(a.type)) { out.push(castExpr(a, t, false)); continue; }
    if (t.kind === 'float64' && isNumeric(a.type)) { out.push(castExpr(a, t, false)); continue; }
    if (t.kind === 'timestamp' && (a.type.kind === 'date' || a.type.kind === 'timestamptz')) { out.push(castExpr(a, t, false)); continue; }
    return undefined;
  }
  return out;
}

function fixed(name: string, params: readonly DataType[], result: DataType): Resolver {
  return (args) => {
    const a = expect(args, params);
    return a && call(name, a, result);
  };
}

/** First resolver that matches wins. */
function oneOf(...resolvers: Resolver[]): Resolver {
  return (args) => {
    for (const r of resolvers) {
      const e = r(args);
      if (e) return e;
    }
    return undefined;
  };
}

function numericUnary(name: string, decimalResult: (t: DataType & { precision: number; scale: number }) => DataType): Resolver {
  return (args) => {
    if (args.length !== 1) return undefined;
    let a = args[0]!;
    if (isUnknownLiteral(a)) a = castExpr(a, T.float64, false);
    const t = a.type;
    if (t.kind === 'decimal') return call(name, [a], decimalResult(t));
    if (t.kind === 'float32' || t.kind === 'float64') return call(name, [a], t);
    if (isInteger(t)) return call(name, [castExpr(a, T.float64, false)], T.float64);
    return undefined;
  };
}

const T3 = [T.text, T.text, T.text];

const FUNCTIONS: Record<string, FunctionDef> = {
  substring: { signatures: ['substring(text, integer)', 'substring(text, integer, integer)', 'substring(text, text)'],
    resolve: oneOf(regexSubstring, fixed('substring', [T.text, T.int32], T.text), fixed('substring', [T.text, T.int32, T.int32], T.text)) },
  strpos: { signatures: ['strpos(text, text)'], resolve: fixed('strpos', [T.text, T.text], T.int32) },
  length: { signatures: ['length(text)'], resolve: fixed('length', [T.text], T.int32) },
  octet_length: { signatures: ['octet_length(text)'], resolve: fixed('octet_length', [T.text], T.int32) },
  upper: { signatures: ['upper(text)'], resolve: fixed('upper', [T.text], T.text) },
  lower: { signatures: ['lower(text)'], resolve: fixed('lower', [T.text], T.text) },
  initcap: { signatures: ['initcap(text)'], resolve: fixed('initcap', [T.text], T.text) },
  reverse: { signatures: ['reverse(text)'], resolve: fixed('reverse', [T.text], T.text) },
  btrim: { signatures: ['btrim(text)', 'btrim(text, text)'], resolve: oneOf(fixed('btrim', [T.text], T.text), fixed('btrim', [T.text, T.text], T.text)) },
  ltrim: { signatures: ['ltrim(text)', 'ltrim(text, text)'], resolve: oneOf(fixed('ltrim', [T.text], T.text), fixed('ltrim', [T.text, T.text], T.text)) },
  rtrim: { signatures: ['rtrim(text)', 'rtrim(text, text)'], resolve: oneOf(fixed('rtrim', [T.text], T.text), fixed('rtrim', [T.text, T.text], T.text)) },
  replace: { signatures: ['replace(text, text, text)'], resolve: fixed('replace', T3, T.text) },
  split_part: { signatures: ['split_part(text, text, integer)'], resolve: fixed('split_part', [T.text, T.text, T.int32], T.text) },
  repeat: { signatures: ['repeat(text, integer)'], resolve: fixed('repeat', [T.text, T.int32], T.text) },
  starts_with: { signatures: ['starts_with(text, text)'], resolve: fixed('starts_with', [T.text, T.text], T.boolean) },
  left: { signatures: ['left(text, integer)'], resolve: fixed('left', [T.text, T.int32], T.text) },
  right: { signatures: ['right(text, integer)'], resolve: fixed('right', [T.text, T.int32], T.text) },
  lpad: { signatures: ['lpad(text, integer)', 'lpad(text, integer, text)'],
    resolve: oneOf(fixed('lpad', [T.text, T.int32], T.text), fixed('lpad', [T.text, T.int32, T.text], T.text)) },
  rpad: { signatures: ['rpad(text, integer)', 'rpad(text, integer, text)'],
    resolve: oneOf(fixed('rpad', [T.text, T.int32], T.text), fixed('rpad', [T.text, T.int32, T.text], T.text)) },
  ascii: { signatures: ['ascii(text)'], resolve: fixed('ascii', [T.text], T.int32) },
  chr: { signatures: ['chr(integer)'], resolve: fixed('chr', [T.int32], T.text) },
  md5: { signatures: ['md5(text)'], resolve: fixed('md5', [T.text], T.text) },
  regexp_replace: { signatures: ['regexp_replace(text, text, text)', 'regexp_replace(text, text, text, text)'],
    resolve: oneOf(fixed('regexp_replace', T3, T.text), fixed('regexp_replace', [T.text, T.text, T.text, T.text], T.text)) },
  regexp_like: { signatures: ['regexp_like(text, text)', 'regexp_like(text, text, text)'],
    resolve: oneOf(fixed('regexp_like', [T.text, T.text], T.boolean), fixed('regexp_like', T3, T.boolean)) },
  translate: { signatures: ['translate(text, text, text)'], resolve: fixed('translate', T3, T.text) },
  like_escape: { signatures: ['like_escape(text, text)'], resolve: fixed('like_escape', [T.text, T.text], T.text) },
  concat: { signatures: ['concat("any", ...)'],
    resolve: (args) => (args.length === 0 ? undefined // PostgreSQL: concat() does not exist
      : call('concat', args.map((a) => castExpr(isUnknownLiteral(a) && a.type.kind === 'null' ? lit(null, T.text) : a, T.text, true)), T.text)) },
  concat_ws: { signatures: ['concat_ws(text, "any", ...)'],
    resolve: (args) => (args.length < 1 ? undefined : call('concat_ws', args.map((a) => castExpr(a, T.text, true)), T.text)) },
  abs: { signatures: ['abs(numeric)', 'abs(double precision)', 'abs(integer)'],
    resolve: (args) => {
      if (args.length !== 1) return undefined;
      const a = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.float64, false) : args[0]!;
      return isNumeric(a.type) ? call('abs', [a], a.type) : undefined;
    } },
  round: { signatures: ['round(numeric)', 'round(numeric, integer)', 'round(double precision)'],
    resolve: oneOf(numericUnary('round', (t) => decimal(Math.max(1, t.precision - t.scale + 1), 0)), roundWithScale('round'), floatRoundWithScale) },
  trunc: { signatures: ['trunc(numeric)', 'trunc(numeric, integer)', 'trunc(double precision)'],
    resolve: oneOf(numericUnary('trunc', (t) => decimal(Math.max(1, t.precision - t.scale), 0)), roundWithScale('trunc')) },
  floor: { signatures: ['floor(numeric)', 'floor(double precision)'], resolve: numericUnary('floor', (t) => decimal(Math.max(1, t.precision - t.scale + 1), 0)) },
  ceil: { signatures: ['ceil(numeric)', 'ceil(double precision)'], resolve: numericUnary('ceil', (t) => decimal(Math.max(1, t.precision - t.scale + 1), 0)) },
  sign: { signatures: ['sign(numeric)', 'sign(double precision)'], resolve: numericUnary('sign', () => decimal(1, 0)) },
  sqrt: { signatures: ['sqrt(double precision)'], resolve: fixed('sqrt', [T.float64], T.float64) },
  cbrt: { signatures: ['cbrt(double precision)'], resolve: fixed('cbrt', [T.float64], T.float64) },
  exp: { signatures: ['exp(double precision)'], resolve: fixed('exp', [T.float64], T.float64) },
  ln: { signatures: ['ln(double precision)'], resolve: fixed('ln', [T.float64], T.float64) },
  log10: { signatures: ['log10(double precision)'], resolve: fixed('log10', [T.float64], T.float64) },
  power: { signatures: ['power(double precision, double precision)'], resolve: fixed('power', [T.float64, T.float64], T.float64) },
  random: { signatures: ['random()'], resolve: fixed('random', [], T.float64) },
  pi: { signatures: ['pi()'], resolve: (args) => (args.length === 0 ? lit(Math.PI, T.float64) : undefined) },
  log: { signatures: ['log(double precision)', 'log(double precision, double precision)'],
    resolve: oneOf(fixed('log10', [T.float64], T.float64), fixed('log', [T.float64, T.float64], T.float64)) },
  degrees: { signatures: ['degrees(double precision)'], resolve: fixed('degrees', [T.float64], T.float64) },
  radians: { signatures: ['radians(double precision)'], resolve: fixed('radians', [T.float64], T.float64) },
  sin: { signatures: ['sin(double precision)'], resolve: fixed('sin', [T.float64], T.float64) },
  cos: { signatures: ['cos(double precision)'], resolve: fixed('cos', [T.float64], T.float64) },
  tan: { signatures: ['tan(double precision)'], resolve: fixed('tan', [T.float64], T.float64) },
  asin: { signatures: ['asin(double precision)'], resolve: fixed('asin', [T.float64], T.float64) },
  acos: { signatures: ['acos(double precision)'], resolve: fixed('acos', [T.float64], T.float64) },
  atan: { signatures: ['atan(double precision)'], resolve: fixed('atan', [T.float64], T.float64) },
  atan2: { signatures: ['atan2(double precision, double precision)'], resolve: fixed('atan2', [T.float64, T.float64], T.float64) },
  to_timestamp: { signatures: ['to_timestamp(double precision)', 'to_timestamp(text, text)'],
    resolve: oneOf(fixed('to_timestamp_text', [T.text, T.text], T.timestamptz), fixed('to_timestamp', [T.float64], T.timestamptz)) },
  to_date: { signatures: ['to_date(text, text)'], resolve: fixed('to_date', [T.text, T.text], T.date) },
  age: { signatures: ['age(timestamp, timestamp)', 'age(timestamp)'],
    resolve: oneOf(fixed('age', [T.timestamp, T.timestamp], T.interval), (args) => {
      const a = expect(args, [T.timestamp]);
      if (!a) return undefined;
      const midnight = lit(BigInt(Math.floor(Date.now() / 86_400_000)) * 86_400_000_000n, T.timestamp);
      return call('age', [midnight, a[0]!], T.interval);
    }) },
  justify_days: { signatures: ['justify_days(interval)'], resolve: fixed('justify_days', [T.interval], T.interval) },
  justify_hours: { signatures: ['justify_hours(interval)'], resolve: fixed('justify_hours', [T.interval], T.interval) },
  justify_interval: { signatures: ['justify_interval(interval)'], resolve: fixed('justify_interval', [T.interval], T.interval) },
  mod: { signatures: ['mod(integer, integer)', 'mod(numeric, numeric)'], resolve: () => undefined },
  coalesce: { signatures: ['coalesce(anyelement, ...)'], resolve: (args) => sameType('coalesce', args, 'COALESCE') },
  greatest: { signatures: ['greatest(anyelement, ...)'], resolve: (args) => sameType('greatest', args, 'GREATEST') },
  least: { signatures: ['least(anyelement, ...)'], resolve: (args) => sameType('least', args, 'LEAST') },
  nullif: { signatures: ['nullif(anyelement, anyelement)'],
    resolve: (args) => (args.length === 2 ? sameType('nullif', args, 'NULLIF') : undefined) },
  make_date: { signatures: ['make_date(integer, integer, integer)'], resolve: fixed('make_date', [T.int32, T.int32, T.int32], T.date) },
  make_timestamp: { signatures: ['make_timestamp(integer, integer, integer, integer, integer, double precision)'],
    resolve: fixed('make_timestamp', [T.int32, T.int32, T.int32, T.int32, T.int32, T.float64], T.timestamp) },
  make_timestamptz: { signatures: ['make_timestamptz(integer, integer, integer, integer, integer, double precision)'],
    resolve: (args) => {
      const a = expect(args, [T.int32, T.int32, T.int32, T.int32, T.int32, T.float64]);
      return a && castExpr(call('make_timestamp', a, T.timestamp), T.timestamptz, false);
    } },
  make_interval: { signatures: ['make_interval(years integer, months integer, weeks integer, days integer, hours integer, mins integer, secs double precision)'],
    resolve: (args) => {
      const all = [T.int32, T.int32, T.int32, T.int32, T.int32, T.int32, T.float64];
      if (args.length > all.length) return undefined;
      const a = expect(args, all.slice(0, args.length));
      return a && call('make_interval', a, T.interval);
    } },
  format: { signatures: ['format(text)', 'format(text, "any", ...)'],
    resolve: (args) => {
      if (args.length < 1) return undefined;
      const f = expect([args[0]!], [T.text]);
      return f && call('format', [f[0]!, ...args.slice(1).map((a) => castExpr(isUnknownLiteral(a) && a.type.kind === 'null' ? lit(null, T.text) : a, T.text, true))], T.text);
    } },
  quote_ident: { signatures: ['quote_ident(text)'], resolve: fixed('quote_ident', [T.text], T.text) },
  quote_literal: { signatures: ['quote_literal(anyelement)'], resolve: (args) => (args.length === 1 ? call('quote_literal', [castExpr(args[0]!, T.text, true)], T.text) : undefined) },
  quote_nullable: { signatures: ['quote_nullable(anyelement)'], resolve: (args) => (args.length === 1 ? call('quote_nullable', [castExpr(isUnknownLiteral(args[0]!) && args[0]!.type.kind === 'null' ? lit(null, T.text) : args[0]!, T.text, true)], T.text) : undefined) },
  overlay: { signatures: ['overlay(text placing text from integer)', 'overlay(text placing text from integer for integer)'],
    resolve: oneOf(fixed('overlay', [T.text, T.text, T.int32], T.text), fixed('overlay', [T.text, T.text, T.int32, T.int32], T.text)) },
  cot: { signatures: ['cot(double precision)'], resolve: fixed('cot', [T.float64], T.float64) },
  to_number: { signatures: ['to_number(text, text)'],
    resolve: (args) => {
      const a = expect(args, [T.text, T.text]);
      if (!a) return undefined;
      const f = a[1]!;
      // the scale is the number of digit positions after the decimal point of a constant template
      const fmt = f.kind === 'literal' && typeof f.value === 'string' ? f.value : null;
      const dot = fmt === null ? -1 : fmt.search(/[.D]/);
      const scale = fmt === null ? 6 : dot < 0 ? 0 : fmt.slice(dot + 1).replace(/[^09]/g, '').length;
      return call('to_number', a, decimal(38, scale));
    } },
  factorial: { signatures: ['factorial(bigint)'], resolve: fixed('factorial', [T.int64], decimal(38, 0)) },
  instr: { signatures: ['instr(text, text)'], resolve: fixed('strpos', [T.text, T.text], T.int32) },
  contains: { signatures: ['contains(text, text)'], resolve: fixed('contains', [T.text, T.text], T.boolean) },
  if: { signatures: ['if(boolean, anyelement, anyelement)'],
    resolve: (args) => {
      if (args.length !== 3) return undefined;
      const c = expect([args[0]!], [T.boolean]);
      const v = sameType('if', args.slice(1), 'IF');
      if (!c || !v || v.kind !== 'call') return undefined;
      return { kind: 'case', whens: [{ when: c[0]!, then: v.args[0]! }], otherwise: v.args[1]!, type: v.type };
    } },
  sinh: { signatures: ['sinh(double precision)'], resolve: fixed('sinh', [T.float64], T.float64) },
  cosh: { signatures: ['cosh(double precision)'], resolve: fixed('cosh', [T.float64], T.float64) },
  tanh: { signatures: ['tanh(double precision)'], resolve: fixed('tanh', [T.float64], T.float64) },
  asinh: { signatures: ['asinh(double precision)'], resolve: fixed('asinh', [T.float64], T.float64) },
  acosh: { signatures: ['acosh(double precision)'], resolve: fixed('acosh', [T.float64], T.float64) },
  atanh: { signatures: ['atanh(double precision)'], resolve: fixed('atanh', [T.float64], T.float64) },
  gcd: { signatures: ['gcd(integer, integer)', 'gcd(bigint, bigint)'], resolve: integerFamily('gcd', 2, null) },
  lcm: { signatures: ['lcm(integer, integer)', 'lcm(bigint, bigint)'], resolve: integerFamily('lcm', 2, null) },
  to_hex: { signatures: ['to_hex(integer)', 'to_hex(bigint)'], resolve: integerFamily('to_hex', 1, T.text) },
  bit_length: { signatures: ['bit_length(text)'], resolve: fixed('bit_length', [T.text], T.int32) },
  isnan: { signatures: ['isnan(double precision)'], resolve: fixed('isnan', [T.float64], T.boolean) },
  nanvl: { signatures: ['nanvl(double precision, double precision)'], resolve: fixed('nanvl', [T.float64, T.float64], T.float64) },
  gen_random_uuid: { signatures: ['gen_random_uuid()'], resolve: fixed('gen_random_uuid', [], T.text) },
  width_bucket: { signatures: ['width_bucket(double precision, double precision, double precision, integer)'],
    resolve: fixed('width_bucket', [T.float64, T.float64, T.float64, T.int32], T.int32) },
  string_to_array: { signatures: ['string_to_array(text, text)', 'string_to_array(text, text, text)'],
    resolve: (args) => {
      if (args.length < 2 || args.length > 3) return undefined;
      const a = expect(args.map((x) => (isUnknownLiteral(x) && x.type.kind === 'null' ? lit(null, T.text) : x)), args.map(() => T.text));
      return a && call('string_to_array', a, arrayOf(T.text));
    } },
  regexp_match: { signatures: ['regexp_match(text, text)', 'regexp_match(text, text, text)'],
    resolve: oneOf(fixed('regexp_match', [T.text, T.text], arrayOf(T.text)), fixed('regexp_match', T3, arrayOf(T.text))) },
  regexp_split_to_array: { signatures: ['regexp_split_to_array(text, text)', 'regexp_split_to_array(text, text, text)'],
    resolve: oneOf(fixed('regexp_split_to_array', [T.text, T.text], arrayOf(T.text)), fixed('regexp_split_to_array', T3, arrayOf(T.text))) },
  regexp_substr: { signatures: ['regexp_substr(text, text [, start integer [, N integer [, flags text [, subexpr integer]]]])'],
    resolve: (args) => {
      if (args.length < 2 || args.length > 6) return undefined;
      const a = expect(args, [T.text, T.text, T.int32, T.int32, T.text, T.int32].slice(0, args.length));
      return a && call('regexp_substr', a, T.text);
    } },
  regexp_count: { signatures: ['regexp_count(text, text)', 'regexp_count(text, text, integer)', 'regexp_count(text, text, integer, text)'],
    resolve: oneOf(fixed('regexp_count', [T.text, T.text], T.int32), fixed('regexp_count', [T.text, T.text, T.int32], T.int32), fixed('regexp_count', [T.text, T.text, T.int32, T.text], T.int32)) },
  to_char: { signatures: ['to_char(timestamp, text)', 'to_char(numeric, text)'],
    resolve: (args) => {
      if (args.length !== 2) return undefined;
      const v = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.timestamp, false) : args[0]!;
      const f = isUnknownLiteral(args[1]!) ? castExpr(args[1]!, T.text, false) : args[1]!;
      if (f.type.kind !== 'text') return undefined;
      if (v.type.kind === 'date') return call('to_char', [castExpr(v, T.timestamp, false), f], T.text);
      if (isNumeric(v.type) || v.type.kind === 'timestamp' || v.type.kind === 'timestamptz' || v.type.kind === 'interval') return call('to_char', [v, f], T.text);
      return undefined;
    } },
};

const ALIASES: Record<string, string> = {
  substr: 'substring', position: 'strpos', char_length: 'length', character_length: 'length',
  ceiling: 'ceil', pow: 'power', trim: 'btrim', date_part: 'date_part', dlog10: 'log10', uuid: 'gen_random_uuid',
  ucase: 'upper', lcase: 'lower', // Spark
  signum: 'sign', ifnull: 'nvl',
};

/** substring(s from 'regex'): a text pattern selects PostgreSQL's regular-expression form. */
function regexSubstring(args: Expr[]): Expr | undefined {
  if (args.length !== 2) return undefined;
  const p = args[1]!;
  const textPattern = p.type.kind === 'text' && !(p.kind === 'literal' && typeof p.value === 'string' && /^\s*[+-]?\d+\s*$/.test(p.value));
  if (!textPattern) return undefined;
  const a = expect(args, [T.text, T.text]);
  return a && call('substring_regex', a, T.text);
}

/** round(double precision, integer): Spark's and DuckDB's form (PostgreSQL has only numeric); half away from zero. */
function floatRoundWithScale(args: Expr[]): Expr | undefined {
  if (args.length !== 2 || (args[0]!.type.kind !== 'float64' && args[0]!.type.kind !== 'float32')) return undefined;
  const a = expect(args, [T.float64, T.int32]);
  return a && call('round_float', a, T.float64);
}

function roundWithScale(name: string): Resolver {
  return (args) => {
    if (args.length !== 2) return undefined;
    let a = args[0]!;
    if (isUnknownLiteral(a)) a = castExpr(a, integerAsDecimal(T.int64), false);
    if (isInteger(a.type)) a = castExpr(a, integerAsDecimal(a.type), false);
    if (a.type.kind !== 'decimal') return undefined;
    const s = expect([args[1]!], [T.int32]);
    if (!s) return undefined;
    const digits = s[0]!.kind === 'literal' && typeof s[0]!.value === 'number' ? Math.max(0, Math.min(s[0]!.value, 38)) : a.type.scale;
    const intDigits = a.type.precision - a.type.scale + 1;
    const precision = Math.min(Math.max(intDigits + digits, 1), a.type.precision > 18 ? 38 : Math.max(18, a.type.precision));
    return call(name, [a, s[0]!], decimal(precision, Math.min(digits, precision)));
  };
}

/** int4 or int8 versions of a function: int8 when any argument is bigint; the result is the argument type unless given. */
function integerFamily(name: string, arity: number, result: DataType | null): Resolver {
  return (args) => {
    if (args.length !== arity) return undefined;
    const t = args.some((a) => a.type.kind === 'int64') ? T.int64 : T.int32;
    const a = expect(args, args.map(() => t));
    return a && call(name, a, result ?? t);
  };
}

function sameType(name: string, args: readonly Expr[], context: string): Expr | undefined {
  if (args.length === 0) return undefined;
  let type = commonSupertypeOfExprs(args, context);
  if (type.kind === 'null') type = T.text;
  return call(name, args.map((a) => castExpr(a, type, false)), type);
}

/** Fields accepted by extract/date_part/date_trunc, canonicalised. */
const DATE_FIELDS: Record<string, string> = {
  millennium: 'millennium', millennia: 'millennium', century: 'century', centuries: 'century', decade: 'decade', decades: 'decade',
  year: 'year', years: 'year', y: 'year', yr: 'year', yrs: 'year', isoyear: 'isoyear', quarter: 'quarter', qtr: 'quarter',
  month: 'month', months: 'month', mon: 'month', mons: 'month', week: 'week', weeks: 'week', w: 'week',
  day: 'day', days: 'day', d: 'day', dow: 'dow', isodow: 'isodow', doy: 'doy',
  hour: 'hour', hours: 'hour', h: 'hour', hr: 'hour', hrs: 'hour', minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute', m: 'minute',
  second: 'second', seconds: 'second', sec: 'second', secs: 'second', s: 'second',
  millisecond: 'milliseconds', milliseconds: 'milliseconds', ms: 'milliseconds', microsecond: 'microseconds', microseconds: 'microseconds', us: 'microseconds',
  epoch: 'epoch', julian: 'julian', timezone: 'timezone', timezone_hour: 'timezone_hour', timezone_minute: 'timezone_minute',
};

function fieldArg(e: Expr, fn: string, source: DataType): string {
  if (e.kind !== 'literal' || typeof e.value !== 'string') {
    throw new LochError(SqlState.featureNotSupported, `${fn}() needs a constant field name`);
  }
  const f = DATE_FIELDS[e.value.toLowerCase()];
  if (!f) throw new LochError('22023', `unit "${e.value}" not recognized for type ${typeName(source)}`);
  return f;
}

/** Result scale of extract(field) (numeric in PostgreSQL 14+). */
function extractScale(field: string, source: DataType): number {
  if (field === 'second' || field === 'epoch') return source.kind === 'date' ? 0 : 6;
  if (field === 'milliseconds') return 3;
  return 0;
}

function resolveDateFunction(fn: string, args: readonly Expr[]): Expr | undefined {
  if (args.length !== 2) return undefined;
  let src = args[1]!;
  if (isUnknownLiteral(src)) src = castExpr(src, fn === 'date_trunc' ? T.timestamp : T.timestamp, false);
  const k = src.type.kind;
  if (k !== 'date' && k !== 'timestamp' && k !== 'timestamptz' && k !== 'interval') return undefined;
  const field = fieldArg(args[0]!, fn, src.type);
  const f = lit(field, T.text);
  // on a timestamptz: the wall-clock time in the session time zone (session-zone.ts)
  if (fn === 'extract') return call('extract', [f, zonedExtractSource(field, src)], decimal(18, extractScale(field, src.type)));
  if (fn === 'date_part') return call('extract', [f, zonedExtractSource(field, src)], T.float64);
  // date_trunc(field, date) is date_trunc(field, timestamptz) in PostgreSQL
  if (k === 'date') src = castExpr(src, T.timestamptz, false);
  return zonedDateTrunc(f, src) ?? call('date_trunc', [f, src], src.type);
}

/** Statement-time constants: now(), current_date, … */
function resolveCurrent(name: string): Expr | undefined {
  const now = statementClock();
  const nowMicros = BigInt(now) * 1000n;
  switch (name) {
    case 'now': case 'current_timestamp': case 'transaction_timestamp': case 'statement_timestamp':
      return lit(nowMicros, T.timestamptz);
    case 'localtimestamp': return lit(nowMicros, T.timestamp);
    case 'current_date': return lit(Math.floor(now / 86_400_000), T.date);
    case 'current_user': case 'session_user': case 'user': return lit('loch', T.text);
    default: return undefined;
  }
}

/** Resolves a named scalar function call (42883 with candidate hints when nothing matches). */
export function resolveFunction(name: string, args: readonly Expr[]): Expr {
  const lower = name.toLowerCase();
  const canonical = ALIASES[lower] ?? lower;
  if (args.length === 0) {
    const current = resolveCurrent(canonical);
    if (current) return current;
  }
  const datetime = resolveDateTimeFunction(canonical, args, (e) => (e.kind === 'literal' && typeof e.value === 'string' ? DATE_FIELDS[e.value.toLowerCase()] : undefined));
  if (datetime) return datetime; // time type, date_bin, timezone, nvl, … (datetime-functions.ts)
  if (canonical === 'extract' || canonical === 'date_part' || canonical === 'date_trunc') {
    const e = resolveDateFunction(canonical, args);
    if (e) return e;
    throw noFunction(name, args, [`${canonical}(text, timestamp)`, `${canonical}(text, interval)`]);
  }
  if (canonical === 'mod') {
    if (args.length !== 2) throw noFunction(name, args, FUNCTIONS.mod!.signatures);
    return modCall(args);
  }
  const spark = resolveSparkScalarFunction(canonical, args); // log2, numeric gcd/lcm, substring_index, … (spark-scalar-functions.ts)
  if (spark) return spark;
  const def = FUNCTIONS[canonical];
  if (!def) {
    const nested = resolveNestedFunction(canonical, args); // arrays, structs, maps (array-functions.ts)
    if (nested) return nested;
    const json = resolveJsonFunction(canonical, args); // json / jsonb (json-functions.ts)
    if (json) return json;
  }
  if (!def && args.length === 1) {
    // function-style casts: int4(x), text(x), numeric(x), date(x), …
    let type: DataType | undefined;
    try { type = parseTypeName([canonical], []); } catch { type = undefined; }
    if (type) return castExpr(args[0]!, type, true);
  }
  if (!def) {
    const known = [...Object.keys(FUNCTIONS), ...Object.keys(ALIASES), 'extract', 'date_part', 'date_trunc', 'now', 'current_date'];
    const suggestion = closestName(lower, known);
    throw new LochError(SqlState.undefinedFunction, `function ${name}(${args.map((a) => errorTypeName(a)).join(', ')}) does not exist`, {
      hint: suggestion ? `Perhaps you meant ${suggestion}().` : 'No function matches the given name and argument types. You might need to add explicit type casts.',
    });
  }
  const e = def.resolve([...args]);
  if (!e) throw noFunction(name, args, def.signatures);
  return e;
}

function modCall(args: readonly Expr[]): Expr {
  return resolveOperator('%', args);
}

function noFunction(name: string, args: readonly Expr[], candidates: readonly string[]): LochError {
  return new LochError(SqlState.undefinedFunction, `function ${name}(${args.map((a) => errorTypeName(a)).join(', ')}) does not exist`, {
    hint: `No function matches the given name and argument types. Candidates: ${candidates.join(', ')}.`,
  });
}

/** Functions whose value changes per call (never folded or moved). */
export function isVolatile(fn: string): boolean {
  return fn === 'random' || fn === 'gen_random_uuid';
}
