/**
 * Date/time functions beyond scalar-functions.ts, and a few Spark/DataFusion
 * conveniences of the same suites:
 *
 *   extract / date_part from time          make_time(h, m, s)        current_time, localtime
 *   to_time(text | timestamp [, fmt, …])   date_bin(stride, source [, origin])
 *   timezone(zone, ts)  (= ts AT TIME ZONE zone)
 *   to_date(text | date | timestamp | number of days), to_date(text, fmt, …) and to_timestamp(text, fmt, …) with chrono formats
 *   arrow_cast(e, 'Timestamp(unit)' | Time32/64 | Duration | Interval) (DataFusion; arrow-cast-temporal.ts)
 *   nvl(a, b), nvl2(a, b, c)  (Spark)       regexp_extract(s, pattern [, group])  (Spark)
 *   encode(bytea, 'hex'|'base64'|'escape'), decode(text, fmt)  (PostgreSQL), digest(data, algorithm)  (pgcrypto)
 *
 * Kernels: worker/expr/compile-datetime-extra.ts.
 */
import { type DataType, LochError, SqlState, T, decimal, isInteger, isNumeric } from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import { statementClock } from '../plan-context.ts';
import { castExpr, commonSupertypeOfExprs, isUnknownLiteral } from './casts.ts';
import { resolveSparkDateTimeFunction } from './spark-datetime-functions.ts';
import { resolveArrowCastTemporal } from './arrow-cast-temporal.ts';

/** Unknown literals cast to `t`; integers widen; undefined when an argument does not fit. */
function expectArgs(args: readonly Expr[], types: readonly DataType[]): Expr[] | undefined {
  if (args.length !== types.length) return undefined;
  const out: Expr[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!, t = types[i]!;
    if (isUnknownLiteral(a) || a.type.kind === t.kind) out.push(castExpr(a, t, false));
    else if (isNumeric(t) && isNumeric(a.type) && (isInteger(a.type) || t.kind === 'float64')) out.push(castExpr(a, t, false));
    else if (t.kind === 'timestamp' && a.type.kind === 'date') out.push(castExpr(a, t, false));
    else return undefined;
  }
  return out;
}

/**
 * make_date / make_time parts given as text or numeric (DataFusion casts strings and unsigned
 * integers to the part types): every argument cast explicitly; undefined unless one of them is
 * text or numeric and all are text, numbers or NULL.
 */
function partsFromTextOrDecimal(args: readonly Expr[], types: readonly DataType[]): Expr[] | undefined {
  if (args.length !== types.length) return undefined;
  if (!args.some((a) => a.type.kind === 'text' || a.type.kind === 'decimal')) return undefined;
  if (!args.every((a) => isUnknownLiteral(a) || a.type.kind === 'text' || isNumeric(a.type))) return undefined;
  return args.map((a, i) => castExpr(isUnknownLiteral(a) && a.type.kind !== 'null' ? castExpr(a, T.text, false) : a, types[i]!, true));
}

/** A constant text argument (a format or a zone name), or null. */
function constantText(e: Expr): string | null {
  return e.kind === 'literal' && typeof e.value === 'string' ? e.value : null;
}

const TIME_FIELDS = new Set(['hour', 'minute', 'second', 'milliseconds', 'microseconds', 'epoch']);

function extractFromTime(fn: string, args: readonly Expr[], canonicalField: (e: Expr) => string | undefined): Expr | undefined {
  if (args.length !== 2 || args[1]!.type.kind !== 'time') return undefined;
  const field = canonicalField(args[0]!);
  if (field === undefined || !TIME_FIELDS.has(field)) {
    const raw = constantText(args[0]!) ?? '?';
    throw new LochError(SqlState.invalidParameterValue, `unit "${raw}" not supported for type time without time zone`);
  }
  // a time of day extracts like the interval of the same length (hours < 24)
  const asInterval = castExpr(args[1]!, T.interval, false);
  const scale = field === 'second' || field === 'epoch' ? 6 : field === 'milliseconds' ? 3 : 0;
  return call('extract', [lit(field, T.text), asInterval], fn === 'extract' ? decimal(18, scale) : T.float64);
}

const TIME_TRUNC_FIELDS = new Set(['hour', 'minute', 'second', 'milliseconds', 'microseconds']);

/** date_trunc(field, time) → time (DuckDB/DataFusion; fields below a day). */
function truncTime(args: readonly Expr[], canonicalField: (e: Expr) => string | undefined): Expr | undefined {
  if (args.length !== 2 || args[1]!.type.kind !== 'time') return undefined;
  const field = canonicalField(args[0]!);
  if (field === undefined || !TIME_TRUNC_FIELDS.has(field)) {
    throw new LochError(SqlState.invalidParameterValue, `unit "${constantText(args[0]!) ?? '?'}" not supported for type time without time zone`);
  }
  return call('date_trunc', [lit(field, T.text), args[1]!], T.time);
}

function toTime(args: readonly Expr[]): Expr | undefined {
  if (args.length === 0) return undefined;
  const a = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.text, false) : args[0]!;
  if (args.length === 1) {
    const k = a.type.kind;
    if (k === 'text' || k === 'timestamp' || k === 'timestamptz' || k === 'time') return castExpr(a, T.time, true);
    return undefined;
  }
  const rest = expectArgs([a, ...args.slice(1)], [a, ...args.slice(1)].map(() => T.text));
  return rest && call('to_time_format', rest, T.time);
}

function dateBin(args: readonly Expr[]): Expr | undefined {
  if (args.length !== 2 && args.length !== 3) return undefined;
  const stride = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.interval, false) : args[0]!;
  if (stride.type.kind !== 'interval') return undefined;
  let src = args[1]!;
  if (isUnknownLiteral(src)) {
    const o = args[2];
    src = castExpr(src, o && !isUnknownLiteral(o) && (o.type.kind === 'timestamptz' || o.type.kind === 'time') ? o.type : T.timestamp, false);
  }
  if (src.type.kind === 'date') src = castExpr(src, T.timestamp, false);
  const k = src.type.kind;
  if (k !== 'timestamp' && k !== 'timestamptz' && k !== 'time') return undefined;
  const origin = args[2] === undefined ? lit(0n, src.type) : castExpr(args[2], src.type, false);
  return call('date_bin', [stride, src, origin], src.type);
}

function timezone(args: readonly Expr[]): Expr | undefined {
  if (args.length !== 2) return undefined;
  const zone = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.text, false) : args[0]!;
  if (zone.type.kind !== 'text') return undefined;
  let ts = args[1]!;
  if (isUnknownLiteral(ts)) ts = castExpr(ts, T.timestamptz, false);
  if (ts.type.kind === 'date') ts = castExpr(ts, T.timestamptz, false);
  if (ts.type.kind === 'timestamp') return call('timezone', [zone, ts], T.timestamptz);
  if (ts.type.kind === 'timestamptz') return call('timezone', [zone, ts], T.timestamp);
  return undefined;
}

/** to_date(n) of a number (DataFusion): n days after 1970-01-01, the fraction truncated toward zero. */
function daysSinceEpoch(a: Expr): Expr {
  const days = isInteger(a.type) ? a : call('trunc', [castExpr(a, T.float64, false)], T.float64);
  return call('add', [lit(0, T.date), castExpr(days, T.int32, true)], T.date);
}

function toDateExtended(args: readonly Expr[]): Expr | undefined {
  const a = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.text, false) : args[0]!;
  // a number is a day count; DataFusion ignores any formats given with it
  if (isNumeric(a.type) && args.slice(1).every((f) => isUnknownLiteral(f) || f.type.kind === 'text')) return daysSinceEpoch(a);
  if (args.length === 1) {
    const k = a.type.kind;
    if (k === 'text' || k === 'date' || k === 'timestamp' || k === 'timestamptz') return castExpr(a, T.date, true);
    return undefined;
  }
  const format = constantText(args[1]!);
  // a constant PostgreSQL template stays with to_date(text, text); chrono formats (%Y…), several formats or a
  // format column come here (each format is read as chrono when it has a %, else as a template)
  if (args.length === 2 && format !== null && !format.includes('%')) return undefined;
  const rest = expectArgs([a, ...args.slice(1)], args.map(() => T.text));
  return rest && call('to_date_format', rest, T.date);
}

function toTimestampExtended(args: readonly Expr[]): Expr | undefined {
  if (args.length === 1) {
    const a = args[0]!;
    const k = a.type.kind;
    if (k === 'timestamp' || k === 'timestamptz' || k === 'date') return castExpr(a, T.timestamptz, false);
    // to_timestamp(text) reads timestamp text (Spark, DataFusion); a number-like constant stays PostgreSQL's epoch form
    const numberLike = isUnknownLiteral(a) && /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(constantText(a) ?? '');
    if (k === 'text' && !numberLike) return castExpr(isUnknownLiteral(a) ? castExpr(a, T.text, false) : a, T.timestamptz, true);
    return undefined;
  }
  if (args.length < 2) return undefined;
  // a number is seconds since the epoch: DataFusion ignores the formats given with it
  const a = args[0]!;
  if (isNumeric(a.type) && args.slice(1).every((f) => isUnknownLiteral(f) || f.type.kind === 'text')) {
    return call('to_timestamp', [castExpr(a, T.float64, false)], T.timestamptz);
  }
  const format = constantText(args[1]!);
  if (args.length === 2 && format !== null && !format.includes('%')) return undefined;
  const rest = expectArgs(args, args.map(() => T.text));
  return rest && call('to_timestamp_format', rest, T.timestamptz);
}

function nvl2(args: readonly Expr[]): Expr | undefined {
  if (args.length !== 3) return undefined;
  let type = commonSupertypeOfExprs(args.slice(1), 'NVL2');
  if (type.kind === 'null') type = T.text;
  const test = isUnknownLiteral(args[0]!) && args[0]!.type.kind !== 'null' ? castExpr(args[0]!, T.text, false) : args[0]!;
  return {
    kind: 'case',
    whens: [{ when: call('is_not_null', [test], T.boolean), then: castExpr(args[1]!, type, false) }],
    otherwise: castExpr(args[2]!, type, false),
    type,
  };
}

function binaryArg(e: Expr): Expr | undefined {
  if (isUnknownLiteral(e) || e.type.kind === 'text') return castExpr(e, T.binary, true);
  return e.type.kind === 'binary' ? e : undefined;
}

/**
 * Resolves the functions above, or returns undefined to let scalar-functions.ts answer
 * (`canonicalField` maps an extract field literal to its canonical name).
 */
export function resolveDateTimeFunction(name: string, args: readonly Expr[], canonicalField: (e: Expr) => string | undefined): Expr | undefined {
  switch (name) {
    case 'extract': case 'date_part': return extractFromTime(name, args, canonicalField);
    case 'make_time': {
      const a = expectArgs(args, [T.int32, T.int32, T.float64]) ?? partsFromTextOrDecimal(args, [T.int32, T.int32, T.float64]);
      return a && call('make_time', a, T.time);
    }
    case 'make_date': { // integers stay with scalar-functions.ts's make_date(int, int, int)
      const a = partsFromTextOrDecimal(args, [T.int32, T.int32, T.int32]);
      return a && call('make_date', a, T.date);
    }
    case 'to_time': return toTime(args);
    case 'date_bin': return dateBin(args);
    case 'timezone': return timezone(args);
    case 'to_char': // to_char(time, fmt): PostgreSQL reaches it through time's implicit cast to interval
      return args.length === 2 && args[0]!.type.kind === 'time'
        ? call('to_char', [castExpr(args[0]!, T.interval, false), castExpr(args[1]!, T.text, false)], T.text) : undefined;
    case 'today': return args.length === 0 ? lit(Math.floor(statementClock() / 86_400_000), T.date) : undefined; // DataFusion's current_date
    case 'date_trunc': return truncTime(args, canonicalField);
    case 'current_time': case 'localtime':
      return args.length === 0 ? lit(BigInt(statementClock() % 86_400_000) * 1000n, T.time) : undefined;
    case 'to_date': return args.length >= 1 ? toDateExtended(args) : undefined;
    case 'to_timestamp': return toTimestampExtended(args);
    case 'arrow_cast': return resolveArrowCastTemporal(args); // DataFusion's cast to Timestamp/Time/Duration types
    case 'nvl': {
      if (args.length !== 2) return undefined;
      let type = commonSupertypeOfExprs(args, 'NVL');
      if (type.kind === 'null') type = T.text;
      return call('coalesce', args.map((a) => castExpr(a, type, false)), type);
    }
    case 'nvl2': return nvl2(args);
    case 'regexp_extract': {
      // a fourth argument: DuckDB's regex options ('i', 'c', 's', 'k' = the input when nothing matches)
      const a = expectArgs(args, [T.text, T.text, T.int32, T.text].slice(0, args.length));
      return a && args.length >= 2 ? call('regexp_extract', a, T.text) : undefined;
    }
    case 'encode': {
      if (args.length !== 2) return undefined;
      const data = binaryArg(args[0]!), fmt = expectArgs([args[1]!], [T.text]);
      return data && fmt ? call('encode', [data, fmt[0]!], T.text) : undefined;
    }
    case 'decode': {
      const a = expectArgs(args, [T.text, T.text]);
      return a && call('decode', a, T.binary);
    }
    case 'digest': {
      if (args.length !== 2) return undefined;
      const data = binaryArg(args[0]!), algo = expectArgs([args[1]!], [T.text]);
      return data && algo ? call('digest', [data, algo[0]!], T.binary) : undefined;
    }
    default: return resolveSparkDateTimeFunction(name, args); // year(), date_add(), … (spark-datetime-functions.ts)
  }
}

/**
 * `x::timestamp(p)`, `x::time(p)`: rounds to p fractional-second digits (0..5; 6 is the
 * type's own precision), half away from zero as PostgreSQL's AdjustTimestampForTypmod.
 */
/**
 * CAST(number AS timestamp(p)) for p = 3, 6, 9 (DataFusion): the number counts units of 10^-p seconds
 * (its fraction truncated; nanoseconds floored to microseconds), where a plain or timestamp(0) cast
 * reads seconds (Spark). PostgreSQL has no number → timestamp cast; Spark no timestamp(p). Undefined
 * for any other cast.
 */
export function numberAsTimestampUnits(e: Expr, to: DataType, typmods: readonly number[]): Expr | undefined {
  const p = typmods[0];
  if ((to.kind !== 'timestamp' && to.kind !== 'timestamptz') || (p !== 3 && p !== 6 && p !== 9) || !isNumeric(e.type)) return undefined;
  const whole = isInteger(e.type) ? castExpr(e, T.int64, false) : castExpr(call('trunc', [castExpr(e, T.float64, false)], T.float64), T.int64, true);
  if (p === 9) return call('epoch_to_timestamp', [call('floor_div_int64', [whole, lit(1000n, T.int64)], T.int64), lit(1, T.int32)], to);
  return call('epoch_to_timestamp', [whole, lit(p === 3 ? 1000 : 1, T.int32)], to);
}

export function withTemporalPrecision(e: Expr, typmods: readonly number[]): Expr {
  const k = e.type.kind;
  const p = typmods[0];
  if ((k !== 'timestamp' && k !== 'timestamptz' && k !== 'time') || p === undefined || p >= 6) return e;
  if (p < 0) throw new LochError(SqlState.invalidParameterValue, `TIMESTAMP(${p}) precision must not be negative`);
  return call('round_temporal', [e, lit(p, T.int32)], e.type);
}

