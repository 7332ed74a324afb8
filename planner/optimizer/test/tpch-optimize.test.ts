/**
 * End to end over the real parser and binder: every TPC-H query binds,
 * optimizes without a subquery left, and without a cross product (a cross
 * join is only allowed against a one-row side, an uncorrelated scalar).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decimal, T, type DataType } from '../../../core/index.ts';
import type { TableScanner } from '../../../core/index.ts';
import { QueryBinder, type BinderCatalog, type CatalogRelation } from '../../binder/index.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { PlanContext } from '../../plan-context.ts';
import { initParser, parseSql } from '../../sql/index.ts';
import { estimateRows } from '../estimate-rows.ts';
import { explainLogical } from '../explain-logical.ts';
import { optimize } from '../optimize.ts';
import { FakeTable } from './plan-builder.ts';
import { SF1_ROWS } from './tpch-graphs.ts';

const money = decimal(15, 2);
const SCHEMA: Record<keyof typeof SF1_ROWS, [string, DataType][]> = {
  nation: [['n_nationkey', T.int32], ['n_name', T.text], ['n_regionkey', T.int32], ['n_comment', T.text]],
  region: [['r_regionkey', T.int32], ['r_name', T.text], ['r_comment', T.text]],
  part: [['p_partkey', T.int32], ['p_name', T.text], ['p_mfgr', T.text], ['p_brand', T.text], ['p_type', T.text], ['p_size', T.int32],
    ['p_container', T.text], ['p_retailprice', money], ['p_comment', T.text]],
  supplier: [['s_suppkey', T.int32], ['s_name', T.text], ['s_address', T.text], ['s_nationkey', T.int32], ['s_phone', T.text],
    ['s_acctbal', money], ['s_comment', T.text]],
  partsupp: [['ps_partkey', T.int32], ['ps_suppkey', T.int32], ['ps_availqty', T.int32], ['ps_supplycost', money], ['ps_comment', T.text]],
  customer: [['c_custkey', T.int32], ['c_name', T.text], ['c_address', T.text], ['c_nationkey', T.int32], ['c_phone', T.text],
    ['c_acctbal', money], ['c_mktsegment', T.text], ['c_comment', T.text]],
  orders: [['o_orderkey', T.int32], ['o_custkey', T.int32], ['o_orderstatus', T.text], ['o_totalprice', money], ['o_orderdate', T.date],
    ['o_orderpriority', T.text], ['o_clerk', T.text], ['o_shippriority', T.int32], ['o_comment', T.text]],
  lineitem: [['l_orderkey', T.int32], ['l_partkey', T.int32], ['l_suppkey', T.int32], ['l_linenumber', T.int32], ['l_quantity', money],
    ['l_extendedprice', money], ['l_discount', money], ['l_tax', money], ['l_returnflag', T.text], ['l_linestatus', T.text],
    ['l_shipdate', T.date], ['l_commitdate', T.date], ['l_receiptdate', T.date], ['l_shipinstruct', T.text], ['l_shipmode', T.text],
    ['l_comment', T.text]],
};

const tables = new Map<string, TableScanner>(Object.entries(SCHEMA).map(([name, cols]) => [
  name, new FakeTable(cols.map(([n, type]) => ({ name: n, type, nullable: false })), SF1_ROWS[name as keyof typeof SF1_ROWS]),
]));

const catalog: BinderCatalog = {
  async lookupRelation(name: readonly string[]): Promise<CatalogRelation | null> {
    const t = tables.get(name[name.length - 1]!);
    return t ? { kind: 'table', name: name[name.length - 1]!, scanner: t } : null;
  },
  async tableFunction(): Promise<TableScanner | null> { return null; },
  relationNames: () => [...tables.keys()],
};

async function bind(q: number): Promise<{ plan: LogicalPlan; ctx: PlanContext }> {
  const sql = readFileSync(`/work/shared/tpch/queries/q${String(q).padStart(2, '0')}.sql`, 'utf8');
  const [stmt] = parseSql(sql);
  if (stmt!.statement.kind !== 'query') throw new Error('not a query');
  const ctx = new PlanContext();
  const bound = await new QueryBinder(catalog, ctx).bindQuery(stmt!.statement.query, null);
  return { plan: bound.plan, ctx };
}

async function plan(q: number): Promise<LogicalPlan> {
  const { plan: p, ctx } = await bind(q);
  return optimize(p, ctx);
}

function nodes(p: LogicalPlan, out: LogicalPlan[] = []): LogicalPlan[] {
  out.push(p);
  if ('input' in p) nodes(p.input, out);
  if ('left' in p) { nodes(p.left, out); nodes(p.right, out); }
  if (p.kind === 'cte_anchor') nodes(p.definition, out);
  return out;
}

describe('TPC-H through binder and optimizer', () => {
  beforeAll(async () => { await initParser(); });

  for (let q = 1; q <= 22; q++) {
    it(`Q${q}: decorrelated, no cross product`, async () => {
      const p = await plan(q);
      const text = explainLogical(p);
      expect(text).not.toContain('subquery');
      for (const n of nodes(p)) {
        if (n.kind === 'join' && n.joinType === 'cross') {
          expect(Math.min(estimateRows(n.left), estimateRows(n.right)), text).toBeLessThanOrEqual(1);
        }
        if (n.kind === 'join') expect(n.joinType === 'cross' || n.condition !== null, text).toBe(true);
      }
    });
  }

  it('optimize reaches a fixed point: optimizing the result again returns the same object; trace names each rule', async () => {
    for (let q = 1; q <= 22; q++) {
      const { plan: p, ctx } = await bind(q);
      const rules: string[] = [];
      const once = optimize(p, ctx, { trace: (rule) => rules.push(rule) });
      expect(optimize(once, ctx), `Q${q}`).toBe(once);
      expect(rules.length, `Q${q}`).toBeGreaterThan(0);
      if (q === 4) expect(rules).toContain('decorrelation');
    }
  });

  it('Q17 and Q2: the correlated aggregate ends up in an inner join (the filter rejects NULLs)', async () => {
    for (const q of [2, 17]) {
      const text = explainLogical(await plan(q));
      expect(text).not.toContain('Join left');
      expect(text).toMatch(/Aggregate group=\[(ps|l)_partkey#\d+\]/);
    }
  });

  it('Q19: the join key is factored out of the OR; both sides get derived filters', async () => {
    const text = explainLogical(await plan(19));
    expect(text).toMatch(/Join inner on \(.* AND \(p_partkey#\d+ = l_partkey#\d+\)\)\n/);
    expect(text).toMatch(/Filter .*\(p_brand#\d+ = 'Brand#12'\).*\n\s+Scan part/);
    expect(text).toMatch(/Filter .*l_shipmode#\d+ IN \('AIR', 'AIR REG'\)/);
  });

  it('Q21: semi and anti joins keep the <> residual', async () => {
    const text = explainLogical(await plan(21));
    expect(text).toMatch(/Join semi on \(\(l_orderkey#\d+ = l_orderkey#\d+\) AND \(l_suppkey#\d+ <> l_suppkey#\d+\)\)/);
    expect(text).toMatch(/Join anti on \(\(l_orderkey#\d+ = l_orderkey#\d+\) AND \(l_suppkey#\d+ <> l_suppkey#\d+\)\)/);
  });
});
