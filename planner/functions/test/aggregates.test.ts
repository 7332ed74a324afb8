import { describe, expect, it } from 'vitest';
import { type DataType, T, arrayOf } from '../../../core/index.ts';
import { type AggregateCall, type Expr, col, lit } from '../../expr.ts';
import { isSplittable } from '../../physical/aggregate-states.ts';
import { aggregateOrder, resolveAggregate, resolveOrderedAggregate } from '../index.ts';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return (e as { sqlState?: string }).sqlState; }
  return undefined;
}

const c = (type: DataType, id = 1): Expr => col(id, `c${id}`, type);
const asCall = (r: { fn: string; args: Expr[]; type: DataType }, distinct = false): AggregateCall => ({ ...r, distinct, filter: null });

describe('aggregate resolution', () => {
  it('two-argument statistics take float8 and return float8 (regr_count bigint)', () => {
    const corr = resolveAggregate('corr', [c(T.int32), c(T.float64, 2)], false)!;
    expect(corr.type).toEqual(T.float64);
    expect(corr.args.map((a) => a.type)).toEqual([T.float64, T.float64]);
    expect(resolveAggregate('regr_count', [c(T.float64), c(T.float64, 2)], false)!.type).toEqual(T.int64);
    expect(code(() => resolveAggregate('covar_pop', [c(T.text), c(T.float64)], false))).toBe('42883');
    expect(code(() => resolveAggregate('regr_slope', [c(T.float64)], false))).toBe('42883');
  });

  it('array_agg is element[]; approx_count_distinct bigint', () => {
    expect(resolveAggregate('array_agg', [c(T.text)], false)!.type).toEqual(arrayOf(T.text));
    expect(resolveAggregate('approx_count_distinct', [c(T.text)], false)!.type).toEqual(T.int64);
  });

  it('ordered-set aggregates need WITHIN GROUP (42809) and only they accept it', () => {
    expect(code(() => resolveAggregate('percentile_cont', [lit(0.5, T.float64)], false))).toBe('42809');
    expect(code(() => resolveOrderedAggregate('sum', [], false, [{ expr: c(T.int32), descending: false, nullsFirst: false }], true))).toBe('42809');
  });

  it('WITHIN GROUP encodes the sort value after a spec literal', () => {
    const r = resolveOrderedAggregate('percentile_cont', [lit('0.25', T.text)], false, [{ expr: c(T.int32), descending: true, nullsFirst: true }], true)!;
    expect(r.type).toEqual(T.float64);
    const order = aggregateOrder(asCall(r))!;
    expect(order.base).toBe(1);
    expect(order.keys).toEqual([{ arg: 2, descending: true, nullsFirst: true }]);
    expect(r.args[2]!.type).toEqual(T.float64);
    const disc = resolveOrderedAggregate('percentile_disc', [lit(0.5, T.float64)], false, [{ expr: c(T.date), descending: false, nullsFirst: false }], true)!;
    expect(disc.type).toEqual(T.date);
    const mode = resolveOrderedAggregate('mode', [], false, [{ expr: c(T.text), descending: false, nullsFirst: false }], true)!;
    expect(mode.type).toEqual(T.text);
    expect(aggregateOrder(asCall(mode))).toEqual({ base: 0, keys: [{ arg: 1, descending: false, nullsFirst: false }] });
  });

  it('ORDER BY inside string_agg is kept; inside sum it is ignored', () => {
    const keys = [{ expr: c(T.int32, 2), descending: false, nullsFirst: false }, { expr: c(T.text, 3), descending: true, nullsFirst: true }];
    const s = resolveOrderedAggregate('string_agg', [c(T.text), lit(',', T.text)], false, keys, false)!;
    expect(s.args).toHaveLength(5);
    expect(aggregateOrder(asCall(s))!.keys.map((k) => k.arg)).toEqual([3, 4]);
    expect(aggregateOrder(asCall(resolveAggregate('string_agg', [c(T.text), lit(',', T.text)], false)!))).toBeNull();
    const sum = resolveOrderedAggregate('sum', [c(T.int32)], false, keys, false)!;
    expect(sum.args).toHaveLength(1);
  });

  it('DISTINCT with ORDER BY needs the ORDER BY in the arguments (42P10)', () => {
    const x = c(T.text);
    expect(code(() => resolveOrderedAggregate('string_agg', [x, lit(',', T.text)], true, [{ expr: c(T.int32, 2), descending: false, nullsFirst: false }], false))).toBe('42P10');
    expect(resolveOrderedAggregate('string_agg', [x, lit(',', T.text)], true, [{ expr: x, descending: false, nullsFirst: false }], false)!.args).toHaveLength(4);
  });

  it('ordered aggregates run in one phase; statistics split', () => {
    const pc = resolveOrderedAggregate('percentile_cont', [lit(0.5, T.float64)], false, [{ expr: c(T.int32), descending: false, nullsFirst: false }], true)!;
    expect(isSplittable(asCall(pc))).toBe(false);
    expect(isSplittable(asCall(resolveAggregate('array_agg', [c(T.int32)], false)!))).toBe(false);
    expect(isSplittable(asCall(resolveAggregate('corr', [c(T.float64), c(T.float64)], false)!))).toBe(true);
    expect(isSplittable(asCall(resolveAggregate('approx_count_distinct', [c(T.int32)], false)!))).toBe(true);
  });
});
