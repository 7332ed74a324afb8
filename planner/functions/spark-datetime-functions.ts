/**
 * Spark / Databricks SQL date functions, bound onto PostgreSQL-style calls Loch already runs:
 *
 *   year month day dayofmonth hour minute second quarter dayofweek dayofyear weekofyear (x) → integer
 *   date_add(d, n)  date_sub(d, n)  datediff(end, start)  add_months(d, n)  last_day(d)
 *   unix_timestamp([ts])  timestamp_seconds/millis/micros(n)  unix_date(d)  date_from_unix_date(n)
 *   date_format(ts, 'yyyy-MM-dd HH:mm:ss')  (Java pattern letters → to_char templates; a chrono format
 *       with % or a format column is DataFusion's to_char alias)
 *   sha1(x) sha(x) sha2(x, bits)  → hex text (Spark);  sha224/256/384/512(bytea) → bytea (PostgreSQL)
 *   from_unixtime(n [, fmt]) → text (from_unixtime(n, zone) → timestamptz, DataFusion), to_unix_timestamp, unix_seconds/millis/micros(ts), current_timezone(), dayname(d)
 *
 * Strings where Spark expects a date or timestamp are cast (Spark's implicit string → date).
 */
import { type DataType, LochError, SqlState, T, isInteger } from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import { castExpr, isUnknownLiteral } from './casts.ts';

/** A date/timestamp argument: strings cast to `fallback`; undefined for other types. */
function temporalArg(e: Expr, fallback: DataType): Expr | undefined {
  if (isUnknownLiteral(e) || e.type.kind === 'text') return castExpr(e, fallback, true);
  const k = e.type.kind;
  return k === 'date' || k === 'timestamp' || k === 'timestamptz' ? e : undefined;
}

/** True for 'UTC', a fixed offset or an IANA zone name (Region/City), which no Java date pattern is. */
function isTimeZoneName(text: string): boolean {
  if (/^(utc|gmt|z|[+-]\d{2}(:?\d{2})?)$/i.test(text)) return true;
  if (!/^[A-Za-z]+\/[A-Za-z_\/+-]+$/.test(text)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

function intArg(e: Expr): Expr | undefined {
  if (isUnknownLiteral(e)) return castExpr(e, T.int32, false);
  return isInteger(e.type) ? castExpr(e, T.int32, false) : undefined;
}

const FIELD_FUNCTIONS: Record<string, string> = {
  year: 'year', month: 'month', day: 'day', dayofmonth: 'day', hour: 'hour', minute: 'minute', second: 'second',
  quarter: 'quarter', dayofweek: 'dow', dayofyear: 'doy', weekofyear: 'week',
};

/** year(x) …: extract as float8, truncated to an integer (Spark's second() drops the fraction). */
function fieldFunction(name: string, args: readonly Expr[]): Expr | undefined {
  const field = FIELD_FUNCTIONS[name]!;
  if (args.length !== 1) return undefined;
  const timeOfDay = field === 'hour' || field === 'minute' || field === 'second';
  let src = temporalArg(args[0]!, timeOfDay ? T.timestamp : T.date);
  if (!src && args[0]!.type.kind === 'time' && timeOfDay) src = castExpr(args[0]!, T.interval, false);
  if (!src) return undefined;
  let v: Expr = call('trunc', [call('extract', [lit(field, T.text), src], T.float64)], T.float64);
  if (field === 'dow') v = call('add', [v, lit(1, T.float64)], T.float64); // Spark: 1 = Sunday … 7 = Saturday
  return castExpr(v, T.int32, true);
}

function dateArg(e: Expr): Expr | undefined {
  const d = temporalArg(e, T.date);
  return d && (d.type.kind === 'date' ? d : castExpr(d, T.date, true));
}

/** `interval '1 month'` times an integer expression. */
function monthsInterval(n: Expr): Expr {
  return call('multiply', [lit({ months: 1, days: 0, micros: 0 }, T.interval), castExpr(n, T.float64, false)], T.interval);
}

// Java DateTimeFormatter letters (longest first) → PostgreSQL to_char templates
const JAVA_PATTERNS: readonly [string, string][] = [
  ['yyyy', 'YYYY'], ['yy', 'YY'], ['MMMM', 'FMMonth'], ['MMM', 'Mon'], ['MM', 'MM'], ['M', 'FMMM'],
  ['dd', 'DD'], ['d', 'FMDD'], ['HH', 'HH24'], ['H', 'FMHH24'], ['hh', 'HH12'], ['h', 'FMHH12'],
  ['mm', 'MI'], ['m', 'FMMI'], ['ss', 'SS'], ['s', 'FMSS'], ['SSSSSS', 'US'], ['SSS', 'MS'], ['a', 'AM'],
  ['EEEE', 'FMDay'], ['EEE', 'Dy'], ['E', 'Dy'], ['DDD', 'DDD'], ['D', 'FMDDD'],
];

/** A Java date pattern ('yyyy-MM-dd HH:mm:ss', 'quoted' text) as a to_char template. */
export function javaPatternToTemplate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const text = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += text === '' ? "'" : `"${text}"`;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    const hit = JAVA_PATTERNS.find(([java]) => pattern.startsWith(java, i));
    if (hit) { out += hit[1]; i += hit[0].length; continue; }
    if (/[A-Za-z]/.test(c)) throw new LochError(SqlState.invalidParameterValue, `date_format: pattern letter "${c}" is not supported`);
    out += c;
    i++;
  }
  return out;
}

function shaHex(data: Expr, algorithm: string): Expr {
  return call('encode', [call('digest', [data, lit(algorithm, T.text)], T.binary), lit('hex', T.text)], T.text);
}

function binaryArg(e: Expr): Expr | undefined {
  if (isUnknownLiteral(e) || e.type.kind === 'text') return castExpr(e, T.binary, true);
  return e.type.kind === 'binary' ? e : undefined;
}

/** Resolves the Spark functions above, or undefined. */
export function resolveSparkDateTimeFunction(name: string, args: readonly Expr[]): Expr | undefined {
  if (name in FIELD_FUNCTIONS) return fieldFunction(name, args);
  switch (name) {
    case 'date_add': case 'date_sub': {
      if (args.length !== 2) return undefined;
      const second = isUnknownLiteral(args[1]!) && !/^\s*[+-]?\d+\s*$/.test(String((args[1] as { value?: unknown }).value)) ? castExpr(args[1]!, T.interval, false) : args[1]!;
      if (second.type.kind === 'interval') { // DuckDB's date_add(date | timestamp, interval) → timestamp
        const ts = temporalArg(args[0]!, T.timestamp);
        return ts && call(name === 'date_add' ? 'add' : 'subtract', [ts.type.kind === 'date' ? castExpr(ts, T.timestamp, false) : ts, second], ts.type.kind === 'timestamptz' ? T.timestamptz : T.timestamp);
      }
      const d = dateArg(args[0]!), n = intArg(second);
      return d && n ? call(name === 'date_add' ? 'add' : 'subtract', [d, n], T.date) : undefined;
    }
    case 'datediff': {
      if (args.length !== 2) return undefined;
      const end = dateArg(args[0]!), start = dateArg(args[1]!);
      return end && start ? call('subtract', [end, start], T.int32) : undefined;
    }
    case 'add_months': {
      if (args.length !== 2) return undefined;
      const d = dateArg(args[0]!), n = intArg(args[1]!);
      return d && n ? castExpr(call('add', [castExpr(d, T.timestamp, false), monthsInterval(n)], T.timestamp), T.date, true) : undefined;
    }
    case 'last_day': {
      if (args.length !== 1) return undefined;
      const d = dateArg(args[0]!);
      if (!d) return undefined;
      const first = call('date_trunc', [lit('month', T.text), castExpr(d, T.timestamp, false)], T.timestamp);
      return castExpr(call('add', [first, lit({ months: 1, days: -1, micros: 0 }, T.interval)], T.timestamp), T.date, true);
    }
    case 'unix_timestamp': {
      if (args.length === 0) return lit(BigInt(Math.floor(Date.now() / 1000)), T.int64);
      if (args.length !== 1) return undefined;
      const ts = temporalArg(args[0]!, T.timestamp);
      return ts && castExpr(call('floor', [call('extract', [lit('epoch', T.text), ts], T.float64)], T.float64), T.int64, true);
    }
    case 'to_unix_timestamp': return resolveSparkDateTimeFunction('unix_timestamp', args);
    case 'unix_seconds': case 'unix_millis': case 'unix_micros': {
      const ts = args.length === 1 ? temporalArg(args[0]!, T.timestamptz) : undefined;
      if (!ts) return undefined;
      // µs since the epoch, floored to the unit (Spark)
      const micros = call('epoch_micros', [ts.type.kind === 'date' ? castExpr(ts, T.timestamptz, false) : ts], T.int64);
      const per = name === 'unix_seconds' ? 1_000_000 : name === 'unix_millis' ? 1000 : 1;
      return per === 1 ? micros : call('floor_div_int64', [micros, lit(BigInt(per), T.int64)], T.int64);
    }
    case 'from_unixtime': {
      if (args.length !== 1 && args.length !== 2) return undefined;
      const a = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.int64, false) : args[0]!;
      if (!isInteger(a.type)) return undefined;
      const f = args[1] ?? lit('yyyy-MM-dd HH:mm:ss', T.text);
      // DataFusion's from_unixtime(n, zone) is the instant, shown in that zone: a timestamptz
      if (f.kind === 'literal' && typeof f.value === 'string' && isTimeZoneName(f.value)) return castExpr(a, T.timestamptz, true);
      return resolveSparkDateTimeFunction('date_format', [castExpr(a, T.timestamp, true), f]);
    }
    case 'current_timezone': return args.length === 0 ? lit('UTC', T.text) : undefined;
    case 'dayname': case 'monthname': {
      const ts = args.length === 1 ? temporalArg(args[0]!, T.timestamp) : undefined;
      if (!ts) return undefined;
      const src = ts.type.kind === 'date' ? castExpr(ts, T.timestamp, false) : ts;
      // Spark's dayname is the three-letter abbreviation; DuckDB's monthname the full name
      return call('to_char', [src, lit(name === 'dayname' ? 'Dy' : 'FMMonth', T.text)], T.text);
    }
    case 'timestamp_seconds': case 'timestamp_millis': case 'timestamp_micros': {
      if (args.length !== 1) return undefined;
      const a = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.int64, false) : args[0]!;
      if (!isInteger(a.type) && !(name === 'timestamp_seconds' && (a.type.kind === 'decimal' || a.type.kind === 'float64' || a.type.kind === 'float32'))) return undefined;
      if (name === 'timestamp_seconds') return castExpr(a, T.timestamp, true);
      return call('epoch_to_timestamp', [castExpr(a, T.int64, false), lit(name === 'timestamp_millis' ? 1000 : 1, T.int32)], T.timestamp) // µs per unit;
    }
    case 'unix_date': {
      const d = args.length === 1 ? dateArg(args[0]!) : undefined;
      return d && call('subtract', [d, lit(0, T.date)], T.int32);
    }
    case 'date_from_unix_date': {
      const n = args.length === 1 ? intArg(args[0]!) : undefined;
      return n && call('add', [lit(0, T.date), n], T.date);
    }
    case 'date_format': {
      if (args.length !== 2) return undefined;
      const ts = temporalArg(args[0]!, T.timestamp);
      const f = args[1]!;
      if (!ts) return undefined;
      const src = ts.type.kind === 'date' ? castExpr(ts, T.timestamp, false) : ts;
      // DataFusion's date_format is to_char: chrono formats (%Y-%m-%d), also from a column
      const chrono = f.kind === 'literal' && typeof f.value === 'string' ? f.value.includes('%') : f.type.kind === 'text';
      if (chrono) return call('to_char', [src, f], T.text);
      if (f.kind !== 'literal' || typeof f.value !== 'string') return undefined;
      return call('to_char', [src, lit(javaPatternToTemplate(f.value), T.text)], T.text);
    }
    case 'sha1': case 'sha': {
      const b = args.length === 1 ? binaryArg(args[0]!) : undefined;
      return b && shaHex(b, 'sha1');
    }
    case 'sha2': {
      if (args.length !== 2) return undefined;
      const b = binaryArg(args[0]!), bits = args[1]!;
      if (!b || bits.kind !== 'literal' || typeof bits.value !== 'number') return undefined;
      const algo = bits.value === 0 ? 'sha256' : [224, 256, 384, 512].includes(bits.value) ? `sha${bits.value}` : null;
      return algo ? shaHex(b, algo) : lit(null, T.text); // Spark: NULL for an unsupported bit length
    }
    case 'sha224': case 'sha256': case 'sha384': case 'sha512': {
      const b = args.length === 1 ? binaryArg(args[0]!) : undefined;
      return b && call('digest', [b, lit(name, T.text)], T.binary);
    }
    default: return undefined;
  }
}
