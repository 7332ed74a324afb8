/**
 * Aggregate resolution: name + argument types → registry name and result type,
 * with PostgreSQL's result types (sum(int4) is bigint, sum(int8) numeric, avg of
 * integers/decimals numeric). Wide decimals (precision 38, Decimal128) hold sums.
 */
import { type DataType, LochError, SqlState, T, arrayOf, decimal, isNumeric } from '../../core/index.ts';
import { type AggregateCall, type Expr, lit } from '../expr.ts';
import { castExpr, errorTypeName, isUnknownLiteral } from './casts.ts';
import { resolveJsonAggregate } from './json-functions.ts';

/** Statistics of (y, x) pairs: both arguments float64; regr_count is bigint, the rest float64. */
const TWO_ARG_STATISTICS = [
  'corr', 'covar_pop', 'covar_samp', 'regr_slope', 'regr_intercept', 'regr_count', 'regr_r2',
  'regr_avgx', 'regr_avgy', 'regr_sxx', 'regr_syy', 'regr_sxy',
];

/** Other engines' names for the same aggregates (DuckDB, DataFusion, Spark). */
const ALIASES: Record<string, string> = {
  quantile_cont: 'percentile_cont', quantile_disc: 'percentile_disc', quantile: 'percentile_disc', approx_percentile_cont: 'percentile_cont',
  approx_distinct: 'approx_count_distinct', var: 'var_samp', approx_median: 'median', std: 'stddev_samp',
  mean: 'avg', covar: 'covar_samp', var_sample: 'var_samp', var_population: 'var_pop',
  first: 'first_value', last: 'last_value', any_value: 'first_value',
};

const AGGREGATES = new Set([
  'count', 'count_star', 'sum', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'every',
  'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'string_agg',
  ...TWO_ARG_STATISTICS, 'percentile_cont', 'percentile_disc', 'mode', 'approx_count_distinct',
  'approx_percentile', 'approx_quantile', 'median', 'array_agg', 'bit_and', 'bit_or', 'bit_xor',
  'json_agg', 'jsonb_agg', 'json_object_agg', 'jsonb_object_agg', 'first_value', 'last_value', 'nth_value',
]);

/** True when `name` is an aggregate function. */
export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(ALIASES[name.toLowerCase()] ?? name.toLowerCase());
}

/** Scale of avg over decimals/integers: at least 16 digits, as PostgreSQL prints them. */
export const AVG_MIN_SCALE = 16;

function noSuch(name: string, args: readonly Expr[]): LochError {
  return new LochError(SqlState.undefinedFunction, `function ${name}(${args.map((a) => errorTypeName(a)).join(', ')}) does not exist`, {
    hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
  });
}

/** An aggregate resolved to its registry name, cast arguments and result type. */
export interface ResolvedAggregate {
  fn: string;
  args: Expr[];
  type: DataType;
}

/** Resolves an aggregate call, or returns undefined when `name` is not an aggregate. */
export function resolveAggregate(name: string, argList: readonly Expr[], distinct: boolean): ResolvedAggregate | undefined {
  let args = argList;
  const lower = name.toLowerCase();
  const fn = ALIASES[lower] ?? lower;
  if (!AGGREGATES.has(fn)) return undefined;
  if ((fn === 'percentile_cont' || fn === 'percentile_disc') && (args.length === 2 || args.length === 3)) {
    // percentile_cont(x, p) (Spark, DataFusion, DuckDB's quantile_cont) = percentile_cont(p) WITHIN GROUP (ORDER BY x)
    return withOrderSpec(resolveOrderedSet(fn, [args[1]!], args[0]!), ASCENDING);
  }
  if (fn === 'mode' && args.length === 1) return withOrderSpec(resolveOrderedSet('mode', [], args[0]!), ASCENDING);
  void distinct;
  if (fn === 'count_star') return { fn, args: [], type: T.int64 };
  if (ORDERED_SET.has(fn)) throw new LochError('42809', `WITHIN GROUP is required for ordered-set aggregate ${fn}`);
  if (TWO_ARG_STATISTICS.includes(fn)) {
    if (args.length !== 2) throw noSuch(fn, args);
    const xy = args.map((x) => (isUnknownLiteral(x) ? castExpr(x, T.float64, false) : x));
    if (!xy.every((x) => isNumeric(x.type) || x.type.kind === 'null')) throw noSuch(fn, args);
    return { fn, args: xy.map((x) => castExpr(x, T.float64, false)), type: fn === 'regr_count' ? T.int64 : T.float64 };
  }
  if (fn === 'approx_percentile' || fn === 'approx_quantile') {
    // Spark's approx_percentile(x, p): a value of x at percentile p, computed exactly here (percentile_disc).
    if (args.length !== 2 && args.length !== 3) throw noSuch(fn, args);
    return withOrderSpec(resolveOrderedSet('percentile_disc', [args[1]!], args[0]!), ASCENDING);
  }
  if (fn === 'median') {
    if (args.length !== 1) throw noSuch(fn, args);
    return withOrderSpec(resolveOrderedSet('percentile_cont', [lit(0.5, T.float64)], args[0]!), ASCENDING);
  }
  if (fn === 'nth_value') return resolveNthValue(args);
  const json = resolveJsonAggregate(fn, args); // json_agg, json_object_agg, jsonb_… (json-functions.ts)
  if (json) return json;
  // string_agg(x) with the default ',' separator (DuckDB, DataFusion); PostgreSQL needs the separator
  if (fn === 'string_agg' && args.length === 1) args = [args[0]!, lit(',', T.text)];
  const expected = fn === 'string_agg' ? 2 : 1;
  if (args.length !== expected) throw noSuch(fn, args);
  let a = args[0]!;
  if (isUnknownLiteral(a)) {
    const bits = fn === 'bit_and' || fn === 'bit_or' || fn === 'bit_xor';
    a = castExpr(a, fn === 'bool_and' || fn === 'bool_or' || fn === 'every' ? T.boolean : bits ? T.int32 : T.text, false);
  }
  const t = a.type;
  switch (fn) {
    case 'count': return { fn, args: [a], type: T.int64 };
    case 'min': case 'max':
      if (t.kind === 'null') return { fn, args: [a], type: T.text };
      return { fn, args: [a], type: t };
    case 'sum':
      switch (t.kind) {
        case 'int16': case 'int32': return { fn, args: [a], type: T.int64 };
        case 'int64': return { fn, args: [a], type: decimal(38, 0) };
        case 'decimal': return { fn, args: [a], type: decimal(38, t.scale) };
        case 'float32': case 'float64': case 'interval': return { fn, args: [a], type: t };
        default: throw noSuch(fn, args);
      }
    case 'avg':
      switch (t.kind) {
        case 'int16': case 'int32': case 'int64': return { fn, args: [a], type: decimal(38, AVG_MIN_SCALE) };
        case 'decimal': return { fn, args: [a], type: decimal(38, Math.max(AVG_MIN_SCALE, t.scale)) };
        case 'float32': case 'float64': return { fn, args: [a], type: T.float64 };
        case 'interval': return { fn, args: [a], type: T.interval };
        default: throw noSuch(fn, args);
      }
    case 'bool_and': case 'bool_or': case 'every':
      if (t.kind !== 'boolean') throw noSuch(fn, args);
      return { fn: fn === 'every' ? 'bool_and' : fn, args: [a], type: T.boolean };
    case 'string_agg': {
      const sep = isUnknownLiteral(args[1]!) ? castExpr(args[1]!, T.text, false) : args[1]!;
      if (t.kind !== 'text' || sep.type.kind !== 'text') throw noSuch(fn, args);
      return { fn, args: [a, sep], type: T.text };
    }
    case 'approx_count_distinct':
      return { fn, args: [a], type: T.int64 };
    case 'bit_and': case 'bit_or': case 'bit_xor':
      if (t.kind !== 'int16' && t.kind !== 'int32' && t.kind !== 'int64') throw noSuch(fn, args);
      return { fn, args: [a], type: t };
    case 'array_agg':
      if (t.kind === 'null') throw noSuch(fn, args);
      return { fn, args: [a], type: arrayOf(t) };
    case 'first_value': case 'last_value':
      // as aggregates (DataFusion, Spark's first/last): the first/last value in the call's ORDER BY, NULLs included
      return { fn, args: [a], type: t.kind === 'null' ? T.text : t };
    default: {
      if (!isNumeric(t)) throw noSuch(fn, args);
      const canonical = fn === 'stddev' ? 'stddev_samp' : fn === 'variance' ? 'var_samp' : fn;
      return { fn: canonical, args: [castExpr(a, T.float64, false)], type: T.float64 };
    }
  }
}

/** nth_value(x, n) as an aggregate: the n-th value (1-based; negative counts from the last) in the call's ORDER BY. */
function resolveNthValue(args: readonly Expr[]): ResolvedAggregate {
  if (args.length !== 2) throw noSuch('nth_value', args);
  const v = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.text, false) : args[0]!;
  const n = args[1]!;
  if (n.kind !== 'literal' || !(isUnknownLiteral(n) || n.type.kind === 'int16' || n.type.kind === 'int32' || n.type.kind === 'int64')) {
    throw new LochError(SqlState.invalidParameterValue, 'the second argument of nth_value must be an integer constant');
  }
  return { fn: 'nth_value', args: [v, castExpr(n, T.int64, false)], type: v.type.kind === 'null' ? T.text : v.type };
}

/** Ordered-set aggregates: `fn(direct args) WITHIN GROUP (ORDER BY x)`. */
const ORDERED_SET = new Set(['percentile_cont', 'percentile_disc', 'mode']);

/** True for percentile_cont / percentile_disc and their other names (quantile_cont, approx_percentile_cont, …). */
export function isPercentileName(name: string): boolean {
  const fn = ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  return fn === 'percentile_cont' || fn === 'percentile_disc';
}

/** Aggregates whose result depends on the order of their input (ORDER BY inside the call is honoured). */
const ORDER_SENSITIVE = new Set([
  'string_agg', 'array_agg', 'json_agg', 'jsonb_agg', 'json_object_agg', 'jsonb_object_agg', 'first_value', 'last_value', 'nth_value',
]);

/** Number of leading (non-order) arguments of aggregates that can carry an ORDER BY. */
const BASE_ARGS: Record<string, number> = {
  string_agg: 2, array_agg: 1, percentile_cont: 1, percentile_disc: 1, mode: 0,
  json_agg: 1, jsonb_agg: 1, json_object_agg: 2, jsonb_object_agg: 2, first_value: 1, last_value: 1, nth_value: 2,
};

/** One ORDER BY key of an ordered aggregate. */
export interface AggregateOrderKey {
  readonly expr: Expr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/**
 * Resolves an aggregate with ORDER BY inside the call (`string_agg(x, ',' ORDER
 * BY y)`) or WITHIN GROUP (`percentile_cont(0.5) WITHIN GROUP (ORDER BY x)`).
 * The order is encoded in the call's arguments so every plan pass and the
 * plan serde carry it unchanged: `[...base args, spec literal, ...keys]`
 * (see `aggregateOrder`). ORDER BY inside an order-insensitive aggregate is ignored.
 */
export function resolveOrderedAggregate(
  name: string, args: readonly Expr[], distinct: boolean, order: readonly AggregateOrderKey[], withinGroup: boolean,
): ResolvedAggregate | undefined {
  const fn = ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  if (!AGGREGATES.has(fn)) return undefined;
  if (withinGroup) {
    if (!ORDERED_SET.has(fn)) throw new LochError('42809', `${fn} is not an ordered-set aggregate, so it cannot have WITHIN GROUP`);
    if (order.length !== 1) throw noSuch(fn, [...args, ...order.map((o) => o.expr)]);
    const r = resolveOrderedSet(fn, args, order[0]!.expr);
    return withOrderSpec(r, [order[0]!]);
  }
  const r = resolveAggregate(fn, args, distinct);
  if (!r || order.length === 0 || !ORDER_SENSITIVE.has(r.fn)) return r;
  if (distinct && !order.every((o) => JSON.stringify(o.expr, bigintSafe) === JSON.stringify(args[0], bigintSafe))) {
    throw new LochError('42P10', 'in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list');
  }
  return withOrderSpec(r, order);
}

const ASCENDING: readonly AggregateOrderKey[] = [{ expr: lit(null, T.null), descending: false, nullsFirst: false }];

function bigintSafe(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? `${v}n` : v;
}

function withOrderSpec(r: ResolvedAggregate, order: readonly AggregateOrderKey[]): ResolvedAggregate {
  const spec = order.map((o) => (o.descending ? 'd' : 'a') + (o.nullsFirst ? 'f' : 'l')).join('');
  if (r.fn === 'percentile_cont' || r.fn === 'percentile_disc' || r.fn === 'mode') {
    // the sorted value is already the last argument
    return { ...r, args: [...r.args.slice(0, -1), lit(spec, T.text), r.args[r.args.length - 1]!] };
  }
  return { ...r, args: [...r.args, lit(spec, T.text), ...order.map((o) => o.expr)] };
}

/** percentile_cont / percentile_disc / mode with their sorted value `value` (last argument, before the spec). */
function resolveOrderedSet(fn: string, direct: readonly Expr[], value: Expr): ResolvedAggregate {
  let v = isUnknownLiteral(value) ? castExpr(value, T.text, false) : value;
  if (fn === 'mode') {
    if (direct.length !== 0) throw noSuch(fn, [...direct, value]);
    return { fn, args: [v], type: v.type };
  }
  if (direct.length !== 1) throw noSuch(fn, [...direct, value]);
  let f = direct[0]!;
  if (isUnknownLiteral(f) || isNumeric(f.type)) f = castExpr(f, T.float64, false);
  if (f.type.kind !== 'float64') throw noSuch(fn, [...direct, value]);
  if (fn === 'percentile_cont') {
    if (isUnknownLiteral(value)) v = castExpr(value, T.float64, false);
    if (!isNumeric(v.type)) throw noSuch(fn, [f, value]);
    return { fn, args: [f, castExpr(v, T.float64, false)], type: T.float64 };
  }
  return { fn, args: [f, v], type: v.type };
}

/** The ORDER BY of an ordered aggregate call: how many leading arguments are values, then the sort keys. */
export interface AggregateOrder {
  readonly base: number;
  readonly keys: readonly { readonly arg: number; readonly descending: boolean; readonly nullsFirst: boolean }[];
}

/** Decodes the ORDER BY that `resolveOrderedAggregate` encoded, or null for an unordered call. */
export function aggregateOrder(call: AggregateCall): AggregateOrder | null {
  const base = BASE_ARGS[call.fn];
  if (base === undefined || call.args.length <= base) return null;
  const marker = call.args[base]!;
  if (marker.kind !== 'literal' || typeof marker.value !== 'string') return null;
  const spec = marker.value;
  const keys: { arg: number; descending: boolean; nullsFirst: boolean }[] = [];
  for (let i = 0; i < spec.length / 2; i++) keys.push({ arg: base + 1 + i, descending: spec[2 * i] === 'd', nullsFirst: spec[2 * i + 1] === 'f' });
  return { base, keys };
}

/** True for aggregates that must see all their input in one place (no partial/final split). */
export function isOrderedAggregate(call: AggregateCall): boolean {
  return call.fn in BASE_ARGS;
}

/** Index of the argument DISTINCT applies to: the sorted value of an ordered-set aggregate, else the first. */
export function distinctArgument(call: AggregateCall): number {
  return (call.fn === 'percentile_cont' || call.fn === 'percentile_disc' || call.fn === 'mode') && call.args.length > 0 ? call.args.length - 1 : 0;
}
