import { describe, expect, it } from 'vitest';
import { estimateRows, looksLikeKey } from '../estimate-rows.ts';
import { agg, and, c, eq, gt, like, lit, PlanBuilder } from './plan-builder.ts';
import { tpchScan } from './tpch-graphs.ts';

describe('estimateRows', () => {
  it('reads scan statistics and applies filter selectivities', () => {
    const b = new PlanBuilder();
    const o = tpchScan(b, 'orders');
    expect(estimateRows(o)).toBe(1_500_000);
    expect(estimateRows(b.filter(o, gt(c(o, 'o_orderdate'), lit(1))))).toBeCloseTo(495_000);
    expect(estimateRows(b.filter(o, eq(c(o, 'o_custkey'), lit(1))))).toBeCloseTo(150_000);
    // Equality on a key-like column: 1/distinct.
    expect(estimateRows(b.filter(o, eq(c(o, 'o_orderkey'), lit(1))))).toBeCloseTo(1);
    const p = tpchScan(b, 'part');
    expect(estimateRows(b.filter(p, and(like(c(p, 'p_name'), lit('%green%')), gt(c(p, 'p_partkey'), lit(5)))))).toBeCloseTo(200_000 * 0.25 * 0.33);
  });

  it('estimates foreign-key joins as |L|·|R|/max(ndv)', () => {
    const b = new PlanBuilder();
    const l = tpchScan(b, 'lineitem');
    const o = tpchScan(b, 'orders');
    const fo = b.filter(o, gt(c(o, 'o_orderdate'), lit(1)));
    // Key side filtered to a third: a third of lineitem survives.
    expect(estimateRows(b.join('inner', l, fo, eq(c(l, 'l_orderkey'), c(o, 'o_orderkey'))))).toBeCloseTo(6_000_000 * 0.33);
    expect(estimateRows(b.join('cross', l, tpchScan(b, 'region')))).toBe(30_000_000);
  });

  it('recognizes key-like columns and grouped keys', () => {
    expect(looksLikeKey('o_orderkey', 'orders')).toBe(true);
    expect(looksLikeKey('l_orderkey', 'lineitem')).toBe(false);
    expect(looksLikeKey('c_custkey', 'tpch.customer')).toBe(true);
    expect(looksLikeKey('s_nationkey', 'supplier')).toBe(false);
    const b = new PlanBuilder();
    const l = tpchScan(b, 'lineitem');
    const g = b.aggregate(l, [c(l, 'l_orderkey')], [['q', agg('sum', [c(l, 'l_quantity')])]]);
    expect(estimateRows(g)).toBe(600_000);
    expect(estimateRows(b.aggregate(l, [], [['n', agg('count_star', [])]]))).toBe(1);
  });
});
