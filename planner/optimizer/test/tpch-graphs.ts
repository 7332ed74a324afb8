/**
 * Hand-built TPC-H join graphs (FROM list as cross joins under one Filter, as
 * the binder produces them) with SF1 row counts.
 */
import { T } from '../../../core/index.ts';
import type { Expr } from '../../expr.ts';
import type { LogicalPlan, Scan } from '../../logical/logical-plan.ts';
import { and, c, eq, gte, like, lit, lt, PlanBuilder } from './plan-builder.ts';

export const SF1_ROWS = {
  lineitem: 6_000_000, orders: 1_500_000, partsupp: 800_000, part: 200_000,
  customer: 150_000, supplier: 10_000, nation: 25, region: 5,
} as const;

const SCHEMAS: Record<keyof typeof SF1_ROWS, string[]> = {
  lineitem: ['l_orderkey', 'l_partkey', 'l_suppkey', 'l_quantity', 'l_extendedprice', 'l_discount', 'l_shipdate:date'],
  orders: ['o_orderkey', 'o_custkey', 'o_orderdate:date'],
  partsupp: ['ps_partkey', 'ps_suppkey', 'ps_supplycost'],
  part: ['p_partkey', 'p_name:text', 'p_type:text'],
  customer: ['c_custkey', 'c_nationkey'],
  supplier: ['s_suppkey', 's_nationkey'],
  nation: ['n_nationkey', 'n_regionkey', 'n_name:text'],
  region: ['r_regionkey', 'r_name:text'],
};

/** A scan of a TPC-H table with SF1 statistics. */
export function tpchScan(b: PlanBuilder, table: keyof typeof SF1_ROWS): Scan {
  return b.scan(table, SCHEMAS[table], SF1_ROWS[table]);
}

function crossAll(b: PlanBuilder, rels: readonly LogicalPlan[], where: Expr): LogicalPlan {
  let acc = rels[0]!;
  for (let i = 1; i < rels.length; i++) acc = b.join('cross', acc, rels[i]!);
  return b.filter(acc, where);
}

const d = (n: number): Expr => lit(n, T.date);

export function q5(b: PlanBuilder): LogicalPlan {
  const cu = tpchScan(b, 'customer'), o = tpchScan(b, 'orders'), l = tpchScan(b, 'lineitem');
  const s = tpchScan(b, 'supplier'), n = tpchScan(b, 'nation'), r = tpchScan(b, 'region');
  return crossAll(b, [cu, o, l, s, n, r], and(
    eq(c(cu, 'c_custkey'), c(o, 'o_custkey')), eq(c(l, 'l_orderkey'), c(o, 'o_orderkey')),
    eq(c(l, 'l_suppkey'), c(s, 's_suppkey')), eq(c(cu, 'c_nationkey'), c(s, 's_nationkey')),
    eq(c(s, 's_nationkey'), c(n, 'n_nationkey')), eq(c(n, 'n_regionkey'), c(r, 'r_regionkey')),
    eq(c(r, 'r_name'), lit('ASIA')), gte(c(o, 'o_orderdate'), d(8766)), lt(c(o, 'o_orderdate'), d(9131)),
  ));
}

export function q8(b: PlanBuilder): LogicalPlan {
  const p = tpchScan(b, 'part'), s = tpchScan(b, 'supplier'), l = tpchScan(b, 'lineitem'), o = tpchScan(b, 'orders');
  const cu = tpchScan(b, 'customer'), n1 = tpchScan(b, 'nation'), n2 = tpchScan(b, 'nation'), r = tpchScan(b, 'region');
  return crossAll(b, [p, s, l, o, cu, n1, n2, r], and(
    eq(c(p, 'p_partkey'), c(l, 'l_partkey')), eq(c(s, 's_suppkey'), c(l, 'l_suppkey')),
    eq(c(l, 'l_orderkey'), c(o, 'o_orderkey')), eq(c(o, 'o_custkey'), c(cu, 'c_custkey')),
    eq(c(cu, 'c_nationkey'), c(n1, 'n_nationkey')), eq(c(n1, 'n_regionkey'), c(r, 'r_regionkey')),
    eq(c(r, 'r_name'), lit('AMERICA')), eq(c(s, 's_nationkey'), c(n2, 'n_nationkey')),
    gte(c(o, 'o_orderdate'), d(9131)), lt(c(o, 'o_orderdate'), d(9861)),
    eq(c(p, 'p_type'), lit('ECONOMY ANODIZED STEEL')),
  ));
}

export function q9(b: PlanBuilder): LogicalPlan {
  const p = tpchScan(b, 'part'), s = tpchScan(b, 'supplier'), l = tpchScan(b, 'lineitem');
  const ps = tpchScan(b, 'partsupp'), o = tpchScan(b, 'orders'), n = tpchScan(b, 'nation');
  return crossAll(b, [p, s, l, ps, o, n], and(
    eq(c(s, 's_suppkey'), c(l, 'l_suppkey')), eq(c(ps, 'ps_suppkey'), c(l, 'l_suppkey')),
    eq(c(ps, 'ps_partkey'), c(l, 'l_partkey')), eq(c(p, 'p_partkey'), c(l, 'l_partkey')),
    eq(c(o, 'o_orderkey'), c(l, 'l_orderkey')), eq(c(s, 's_nationkey'), c(n, 'n_nationkey')),
    like(c(p, 'p_name'), lit('%green%')),
  ));
}
