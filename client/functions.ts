/**
 * `F`: the SQL function library as typed functions (issue 5), PySpark style.
 * Each renders as the engine's SQL function of the same meaning; arguments that
 * are strings name columns (`F.sum('x')`), except where a function takes a
 * literal string (patterns, date parts, formats), which the signature says.
 */
import { Column, col, lit, toColumn, toExpr, type ColumnExpr, type ColumnOrLiteral, type SqlSource } from './column.ts';

/** A column or a column name. */
export type ColumnLike = Column | string;

function fn(name: string, args: readonly ColumnExpr[], distinct = false): Column {
  return new Column({ kind: 'function', name, args, distinct });
}
const c = (v: ColumnLike): ColumnExpr => toColumn(v).expr;
const v = (x: ColumnOrLiteral): ColumnExpr => toExpr(x);
/** Numeric/literal argument that may also be a column. */
type Arg = Column | number | string | boolean | bigint | null;

/** Date parts accepted by dateTrunc and extract. */
export type DatePart = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'microsecond' | 'dow' | 'doy' | 'epoch';

export const F = {
  // ---- aggregates ---------------------------------------------------------
  /** `count(*)` with `'*'`, else the number of non-null values. */
  count: (x: ColumnLike | '*' = '*'): Column => (x === '*' ? fn('count', [{ kind: 'star', qualifier: null }]) : fn('count', [c(x)])),
  countDistinct: (...xs: readonly ColumnLike[]): Column => fn('count', xs.map(c), true),
  approxCountDistinct: (x: ColumnLike): Column => fn('approx_count_distinct', [c(x)]),
  sum: (x: ColumnLike): Column => fn('sum', [c(x)]),
  sumDistinct: (x: ColumnLike): Column => fn('sum', [c(x)], true),
  avg: (x: ColumnLike): Column => fn('avg', [c(x)]),
  mean: (x: ColumnLike): Column => fn('avg', [c(x)]),
  min: (x: ColumnLike): Column => fn('min', [c(x)]),
  max: (x: ColumnLike): Column => fn('max', [c(x)]),
  stddev: (x: ColumnLike): Column => fn('stddev', [c(x)]),
  stddevPop: (x: ColumnLike): Column => fn('stddev_pop', [c(x)]),
  variance: (x: ColumnLike): Column => fn('variance', [c(x)]),
  varPop: (x: ColumnLike): Column => fn('var_pop', [c(x)]),
  median: (x: ColumnLike): Column => fn('median', [c(x)]),
  corr: (x: ColumnLike, y: ColumnLike): Column => fn('corr', [c(x), c(y)]),
  boolAnd: (x: ColumnLike): Column => fn('bool_and', [c(x)]),
  boolOr: (x: ColumnLike): Column => fn('bool_or', [c(x)]),
  collectList: (x: ColumnLike): Column => fn('array_agg', [c(x)]),
  stringAgg: (x: ColumnLike, separator: string): Column => fn('string_agg', [c(x), lit(separator).expr]),

  // ---- window functions -----------------------------------------------------
  rowNumber: (): Column => fn('row_number', []),
  rank: (): Column => fn('rank', []),
  denseRank: (): Column => fn('dense_rank', []),
  percentRank: (): Column => fn('percent_rank', []),
  cumeDist: (): Column => fn('cume_dist', []),
  ntile: (n: number): Column => fn('ntile', [lit(n).expr]),
  lag: (x: ColumnLike, offset = 1, defaultValue: ColumnOrLiteral = null): Column =>
    fn('lag', defaultValue === null ? [c(x), lit(offset).expr] : [c(x), lit(offset).expr, v(defaultValue)]),
  lead: (x: ColumnLike, offset = 1, defaultValue: ColumnOrLiteral = null): Column =>
    fn('lead', defaultValue === null ? [c(x), lit(offset).expr] : [c(x), lit(offset).expr, v(defaultValue)]),
  firstValue: (x: ColumnLike): Column => fn('first_value', [c(x)]),
  lastValue: (x: ColumnLike): Column => fn('last_value', [c(x)]),

  // ---- conditionals ---------------------------------------------------------
  /** Starts `CASE WHEN condition THEN value`; continue with `.when(…)` / `.otherwise(…)`. */
  when: (condition: Column, value: ColumnOrLiteral): Column =>
    new Column({ kind: 'case', branches: [{ when: condition.expr, then: v(value) }], otherwise: null }),
  coalesce: (...xs: readonly Column[]): Column => fn('coalesce', xs.map((x) => x.expr)),
  nullif: (a: Column, b: ColumnOrLiteral): Column => fn('nullif', [a.expr, v(b)]),
  greatest: (...xs: readonly Column[]): Column => fn('greatest', xs.map((x) => x.expr)),
  least: (...xs: readonly Column[]): Column => fn('least', xs.map((x) => x.expr)),

  // ---- math -------------------------------------------------------------------
  abs: (x: ColumnLike): Column => fn('abs', [c(x)]),
  round: (x: ColumnLike, scale = 0): Column => fn('round', [c(x), lit(scale).expr]),
  floor: (x: ColumnLike): Column => fn('floor', [c(x)]),
  ceil: (x: ColumnLike): Column => fn('ceil', [c(x)]),
  sqrt: (x: ColumnLike): Column => fn('sqrt', [c(x)]),
  exp: (x: ColumnLike): Column => fn('exp', [c(x)]),
  ln: (x: ColumnLike): Column => fn('ln', [c(x)]),
  log10: (x: ColumnLike): Column => fn('log10', [c(x)]),
  pow: (x: ColumnLike, y: Arg): Column => fn('power', [c(x), v(y)]),
  sign: (x: ColumnLike): Column => fn('sign', [c(x)]),
  /** A uniformly distributed double in [0, 1), per row. */
  rand: (): Column => fn('random', []),

  // ---- strings ------------------------------------------------------------------
  upper: (x: ColumnLike): Column => fn('upper', [c(x)]),
  lower: (x: ColumnLike): Column => fn('lower', [c(x)]),
  length: (x: ColumnLike): Column => fn('length', [c(x)]),
  trim: (x: ColumnLike): Column => fn('btrim', [c(x)]),
  ltrim: (x: ColumnLike): Column => fn('ltrim', [c(x)]),
  rtrim: (x: ColumnLike): Column => fn('rtrim', [c(x)]),
  /** 1-based `substring(x, start, length)`, as SQL and PySpark. */
  substring: (x: ColumnLike, start: number, length?: number): Column =>
    fn('substring', length === undefined ? [c(x), lit(start).expr] : [c(x), lit(start).expr, lit(length).expr]),
  concat: (...xs: readonly ColumnLike[]): Column => fn('concat', xs.map(c)),
  concatWs: (separator: string, ...xs: readonly ColumnLike[]): Column => fn('concat_ws', [lit(separator).expr, ...xs.map(c)]),
  replace: (x: ColumnLike, search: string, replacement: string): Column => fn('replace', [c(x), lit(search).expr, lit(replacement).expr]),
  regexpReplace: (x: ColumnLike, pattern: string, replacement: string): Column => fn('regexp_replace', [c(x), lit(pattern).expr, lit(replacement).expr]),
  regexpLike: (x: ColumnLike, pattern: string): Column => fn('regexp_like', [c(x), lit(pattern).expr]),
  splitPart: (x: ColumnLike, delimiter: string, index: number): Column => fn('split_part', [c(x), lit(delimiter).expr, lit(index).expr]),
  startsWith: (x: ColumnLike, prefix: string): Column => fn('starts_with', [c(x), lit(prefix).expr]),
  lpad: (x: ColumnLike, length: number, pad = ' '): Column => fn('lpad', [c(x), lit(length).expr, lit(pad).expr]),
  rpad: (x: ColumnLike, length: number, pad = ' '): Column => fn('rpad', [c(x), lit(length).expr, lit(pad).expr]),
  md5: (x: ColumnLike): Column => fn('md5', [c(x)]),

  // ---- dates and times ------------------------------------------------------------
  /** A DATE literal from `'YYYY-MM-DD'`. */
  date: (isoDate: string): Column => new Column({ kind: 'cast', arg: lit(isoDate).expr, type: 'date' }),
  /** A TIMESTAMP literal from ISO text. */
  timestamp: (isoTimestamp: string): Column => new Column({ kind: 'cast', arg: lit(isoTimestamp).expr, type: 'timestamp' }),
  /** An INTERVAL literal, e.g. `F.interval('3 months')`. */
  interval: (text: string): Column => new Column({ kind: 'interval', text }),
  dateTrunc: (part: DatePart, x: ColumnLike): Column => fn('date_trunc', [lit(part).expr, c(x)]),
  /** `extract(part FROM x)`, rendered as `date_part('part', x)`. */
  extract: (part: DatePart, x: ColumnLike): Column => fn('date_part', [lit(part).expr, c(x)]),
  year: (x: ColumnLike): Column => fn('date_part', [lit('year').expr, c(x)]),
  month: (x: ColumnLike): Column => fn('date_part', [lit('month').expr, c(x)]),
  dayofmonth: (x: ColumnLike): Column => fn('date_part', [lit('day').expr, c(x)]),
  /** `x + INTERVAL 'n days'` as a date. */
  dateAdd: (x: ColumnLike, days: number): Column => toColumn(x).plus(new Column({ kind: 'interval', text: `${days} days` })).cast('date'),
  addMonths: (x: ColumnLike, months: number): Column => toColumn(x).plus(new Column({ kind: 'interval', text: `${months} months` })).cast('date'),
  toDate: (x: ColumnLike, format?: string): Column => fn('to_date', format === undefined ? [c(x)] : [c(x), lit(format).expr]),
  toTimestamp: (x: ColumnLike, format?: string): Column => fn('to_timestamp', format === undefined ? [c(x)] : [c(x), lit(format).expr]),
  makeDate: (y: Arg, m: Arg, d: Arg): Column => fn('make_date', [v(y), v(m), v(d)]),

  // ---- nested types -----------------------------------------------------------------
  /** One output row per element of an array column (`unnest`). */
  explode: (x: ColumnLike): Column => fn('unnest', [c(x)]),
  array: (...xs: readonly ColumnOrLiteral[]): Column => new Column({ kind: 'array', items: xs.map(v) }),
  size: (x: ColumnLike): Column => fn('cardinality', [c(x)]),

  // ---- subqueries and misc ------------------------------------------------------------
  /** The single value of a one-row, one-column DataFrame (a scalar subquery). */
  scalar: (query: SqlSource): Column => new Column({ kind: 'scalarSubquery', query }),
  /** `EXISTS (query)`; reference outer columns by qualified name for a correlated subquery. */
  exists: (query: SqlSource): Column => new Column({ kind: 'exists', query, negated: false }),
  notExists: (query: SqlSource): Column => new Column({ kind: 'exists', query, negated: true }),
  /** Any SQL function by name, for functions this object does not list. */
  call: (name: string, ...args: readonly ColumnOrLiteral[]): Column => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`F.call: "${name}" is not a function name`);
    return fn(name.toLowerCase(), args.map(v));
  },
  /**
   * An exact numeric literal from its decimal text (`F.decimal('0.05')`): JS numbers are
   * doubles, so `lit(0.05)` is a double precision value; this one is a SQL numeric.
   */
  decimal: (text: string): Column => {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new TypeError(`F.decimal: "${text}" is not a decimal number`);
    return new Column({ kind: 'sql', text });
  },
  col,
  lit,
  /** A SQL expression as text, parsed by the server. */
  expr: (sql: string): Column => new Column({ kind: 'sql', text: sql }),
} as const;
