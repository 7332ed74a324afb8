/**
 * Aggregate resolution: name + argument types → registry name and result type,
 * with PostgreSQL's result types (sum(int4) is bigint, sum(int8) numeric, avg of
 * integers/decimals numeric). Wide decimals (precision 38, Decimal128) hold sums.
 */
import { type DataType, LochError, SqlState, T, decimal, isNumeric } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import { castExpr, errorTypeName, isUnknownLiteral } from './casts.ts';

const AGGREGATES = new Set([
  'count', 'count_star', 'sum', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'every',
  'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'string_agg',
]);

/** True when `name` is an aggregate function. */
export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name.toLowerCase());
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
export function resolveAggregate(name: string, args: readonly Expr[], distinct: boolean): ResolvedAggregate | undefined {
  const fn = name.toLowerCase();
  if (!AGGREGATES.has(fn)) return undefined;
  void distinct;
  if (fn === 'count_star') return { fn, args: [], type: T.int64 };
  const expected = fn === 'string_agg' ? 2 : 1;
  if (args.length !== expected) throw noSuch(fn, args);
  let a = args[0]!;
  if (isUnknownLiteral(a)) a = castExpr(a, a.type.kind === 'null' ? T.text : T.text, false);
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
    default: {
      if (!isNumeric(t)) throw noSuch(fn, args);
      const canonical = fn === 'stddev' ? 'stddev_samp' : fn === 'variance' ? 'var_samp' : fn;
      return { fn: canonical, args: [castExpr(a, T.float64, false)], type: T.float64 };
    }
  }
}
