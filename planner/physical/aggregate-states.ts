/**
 * Two-phase aggregation: the state columns a `partial` HashAggregateExec
 * outputs per aggregate, and `splitAggregate`, which turns a `single`
 * aggregate into final(partial(input)) (the distributed issue puts a hash
 * exchange between them).
 *
 *   partial output:  key_0 … key_k-1 | states of agg 0 | states of agg 1 | …
 *   final input:     the same columns; the final's groupBy are refs to the keys
 *                    and its aggregates keep the original calls (fn, type),
 *                    their state columns found by position.
 *
 * | aggregate            | state columns                                   |
 * |----------------------|-------------------------------------------------|
 * | count, count_star    | count int64                                     |
 * | sum, avg (exact)     | sum decimal(38, input scale), count int64       |
 * | sum, avg (float)     | sum float64, count int64                        |
 * | sum, avg (interval)  | months, days, micros float64, count int64       |
 * | min, max, bool_*     | value (result type)                             |
 * | var_*, stddev_*      | count, sum, sxx float64                         |
 * | corr, covar_*, regr_*| n, sx, sy, sxx, syy, sxy float64                |
 * | approx_count_distinct| HyperLogLog registers, one byte each, as text   |
 * DISTINCT aggregates, string_agg and ordered aggregates (ORDER BY inside the
 * call, WITHIN GROUP) cannot be split (0A000).
 */
import { type DataType, LochError, SqlState, T, decimal } from '../../core/index.ts';
import type { AggregateCall, ColumnId } from '../expr.ts';
import { isOrderedAggregate } from '../functions/aggregates.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';
import type { HashAggregateExec } from './physical-plan.ts';

/** One state column of a partial aggregate. */
export interface AggregateStateColumn {
  readonly name: string;
  readonly type: DataType;
}

/** True when the aggregate can run as partial + final. */
export function isSplittable(call: AggregateCall): boolean {
  return !call.distinct && call.fn !== 'string_agg' && !isOrderedAggregate(call);
}

/** The columns a partial aggregate outputs for `call`. */
export function aggregateStateColumns(call: AggregateCall): AggregateStateColumn[] {
  if (!isSplittable(call)) throw new LochError(SqlState.featureNotSupported, `aggregate ${call.fn}${call.distinct ? ' (DISTINCT)' : ''} cannot run in two phases`);
  const arg = call.args[0]?.type;
  switch (call.fn) {
    case 'count': case 'count_star':
      return [{ name: 'count', type: T.int64 }];
    case 'sum': case 'avg': {
      if (arg?.kind === 'interval') {
        return [{ name: 'months', type: T.float64 }, { name: 'days', type: T.float64 }, { name: 'micros', type: T.float64 }, { name: 'count', type: T.int64 }];
      }
      const exact = arg !== undefined && (arg.kind === 'int16' || arg.kind === 'int32' || arg.kind === 'int64' || arg.kind === 'decimal');
      const sumType = exact ? decimal(38, arg.kind === 'decimal' ? arg.scale : 0) : T.float64;
      return [{ name: 'sum', type: sumType }, { name: 'count', type: T.int64 }];
    }
    case 'var_samp': case 'var_pop': case 'stddev_samp': case 'stddev_pop': case 'variance': case 'stddev':
      return [{ name: 'count', type: T.float64 }, { name: 'sum', type: T.float64 }, { name: 'sxx', type: T.float64 }];
    case 'corr': case 'covar_pop': case 'covar_samp': case 'regr_slope': case 'regr_intercept': case 'regr_count':
    case 'regr_r2': case 'regr_avgx': case 'regr_avgy': case 'regr_sxx': case 'regr_syy': case 'regr_sxy':
      return ['n', 'sx', 'sy', 'sxx', 'syy', 'sxy'].map((name) => ({ name, type: T.float64 }));
    case 'approx_count_distinct':
      return [{ name: 'hll', type: T.text }];
    default:
      return [{ name: 'value', type: call.type }];
  }
}

/**
 * Splits a `single` aggregate into final(partial(input)); `newColumnId` gives
 * fresh ids for the partial's output columns and `newNodeId` a fresh node id.
 */
export function splitAggregate(single: HashAggregateExec, newColumnId: () => ColumnId, newNodeId: () => number): HashAggregateExec {
  if (single.mode !== 'single') throw new LochError(SqlState.internalError, `aggregate node ${single.nodeId} is already ${single.mode}`);
  const keyColumns: PlanColumn[] = single.groupBy.map((e, i) => ({
    id: newColumnId(), name: single.columns[i]?.name ?? `key${i}`, type: e.type, nullable: true,
  }));
  const stateColumns: PlanColumn[] = [];
  for (const call of single.aggregates) {
    for (const s of aggregateStateColumns(call)) stateColumns.push({ id: newColumnId(), name: `${call.fn}_${s.name}`, type: s.type, nullable: true });
  }
  const partial: HashAggregateExec = { ...single, nodeId: newNodeId(), mode: 'partial', columns: [...keyColumns, ...stateColumns] };
  return {
    ...single,
    mode: 'final',
    input: partial,
    groupBy: keyColumns.map((c) => ({ kind: 'column', id: c.id, name: c.name, type: c.type })),
  };
}
