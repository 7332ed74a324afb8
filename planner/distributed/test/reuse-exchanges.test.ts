import { describe, expect, it } from 'vitest';
import { T, type ScanSplit, type SourceColumn } from '../../../core/index.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { FakeTable, PlanBuilder, agg, c, eq, gt, lit } from '../../optimizer/test/plan-builder.ts';
import { createPhysicalPlan } from '../../physical/create-physical-plan.ts';
import { type PhysicalPlan, physicalChildren } from '../../physical/physical-plan.ts';
import type { DistributionOptions } from '../distribution.ts';
import { planStages } from '../distribute.ts';
import { exchangeFingerprint } from '../reuse-exchanges.ts';

class SplitTable extends FakeTable {
  async splits(): Promise<readonly ScanSplit[]> {
    return Array.from({ length: 3 }, (_v, g) => ({ path: 'f.parquet', fileSizeBytes: 30, sizeBytes: 10, rowGroups: [g] }));
  }
}

const OPTIONS: DistributionOptions = { shufflePartitions: 4, broadcastThresholdBytes: 1000, targetSplitBytes: 10 };
const b = new PlanBuilder();
const columns = (names: string[]): SourceColumn[] => names.map((n) => ({ name: n, type: T.int32, nullable: true }));
const lineitemSource = new SplitTable(columns(['l_orderkey', 'l_quantity']), 4_000_000);
const lineitem = (): LogicalPlan => b.scanOf('lineitem', lineitemSource, 4_000_000);

function nodes(p: PhysicalPlan, out: PhysicalPlan[] = []): PhysicalPlan[] {
  out.push(p);
  for (const c of physicalChildren(p)) nodes(c, out);
  return out;
}
const scansIn = (stages: Awaited<ReturnType<typeof planStages>>) => stages.map((s) => nodes(s.plan).filter((n) => n.kind === 'scan').length);

describe('exchange reuse', () => {
  it('aggregates in one phase from the shuffle a join already makes of the same rows by the group key (TPC-H Q18)', async () => {
    // lineitem ⋈ (SELECT l_orderkey, sum(l_quantity) FROM lineitem GROUP BY l_orderkey HAVING sum > 300)
    const outer = lineitem();
    const inner = lineitem();
    const grouped = b.aggregate(inner, [c(inner, 'l_orderkey')], [['total', agg('sum', [c(inner, 'l_quantity')])]]);
    const big = b.filter(grouped, gt(c(grouped, 'total'), lit(300)));
    const join = b.join('inner', outer, big, eq(c(outer, 'l_orderkey'), c(big, 'l_orderkey')));
    const stages = await planStages(createPhysicalPlan(join), OPTIONS);
    // one stage scans lineitem and shuffles it by l_orderkey; the final stage reads it twice (join and aggregate)
    expect(scansIn(stages)).toEqual([1, 0]);
    expect(stages[1]!.inputStageIds).toEqual([1]);
    const aggregates = nodes(stages[1]!.plan).filter((n) => n.kind === 'hash_aggregate');
    expect(aggregates.map((n) => n.kind === 'hash_aggregate' && n.mode)).toEqual(['single']);
    const leaves = nodes(stages[1]!.plan).filter((n) => n.kind === 'unresolved_shuffle');
    expect(leaves.map((n) => n.kind === 'unresolved_shuffle' && n.stageId)).toEqual([1, 1]);
    expect(new Set(leaves.map((n) => n.nodeId)).size).toBe(2);
  });

  it('keeps two phases when the rows shuffled elsewhere differ (another filter)', async () => {
    const scanned = lineitem();
    const outer = b.filter(scanned, gt(c(scanned, 'l_quantity'), lit(5)));
    const inner = lineitem();
    const grouped = b.aggregate(inner, [c(inner, 'l_orderkey')], [['total', agg('sum', [c(inner, 'l_quantity')])]]);
    const join = b.join('inner', outer, grouped, eq(c(outer, 'l_orderkey'), c(grouped, 'l_orderkey')));
    const stages = await planStages(createPhysicalPlan(join), OPTIONS);
    expect(scansIn(stages).reduce((x, y) => x + y)).toBe(2);
    const modes = stages.flatMap((s) => nodes(s.plan)).flatMap((n) => (n.kind === 'hash_aggregate' ? [n.mode] : []));
    expect(modes.sort()).toEqual(['final', 'partial']);
  });

  it('shuffles identical inputs once for a self-join', async () => {
    const l = lineitem();
    const r = lineitem();
    const stages = await planStages(createPhysicalPlan(b.join('inner', l, r, eq(c(l, 'l_orderkey'), c(r, 'l_orderkey')))), OPTIONS);
    expect(scansIn(stages)).toEqual([1, 0]);
    expect(stages[1]!.inputStageIds).toEqual([1]);
  });

  it('does not merge inputs that call a volatile function (each evaluation differs)', async () => {
    const side = () => {
      const s = lineitem();
      return b.project(s, [['l_orderkey', c(s, 'l_orderkey')], ['r', { kind: 'call', fn: 'random', args: [], type: T.float64 }]]);
    };
    const l = side();
    const r = side();
    const stages = await planStages(createPhysicalPlan(b.join('inner', l, r, eq(c(l, 'l_orderkey'), c(r, 'l_orderkey')))), OPTIONS);
    expect(scansIn(stages)).toEqual([1, 1, 0]);
  });

  it('fingerprints ignore node and column ids but not the partitioning', () => {
    const a = createPhysicalPlan(lineitem());
    const other = createPhysicalPlan(lineitem());
    const key = (p: PhysicalPlan) => [{ kind: 'column' as const, id: p.columns[0]!.id, name: 'l_orderkey', type: T.int32 }];
    expect(a.columns[0]!.id).not.toBe(other.columns[0]!.id);
    expect(exchangeFingerprint(a, { kind: 'hash', keys: key(a), partitions: 4 }))
      .toBe(exchangeFingerprint(other, { kind: 'hash', keys: key(other), partitions: 4 }));
    expect(exchangeFingerprint(a, { kind: 'hash', keys: key(a), partitions: 4 }))
      .not.toBe(exchangeFingerprint(other, { kind: 'hash', keys: key(other), partitions: 8 }));
    // table aliases do not matter (a self-join's sides read lineitem as `a` and `b`)
    const aliased = { ...other, columns: other.columns.map((col) => ({ ...col, qualifier: 'b' })) } as PhysicalPlan;
    expect(exchangeFingerprint(aliased, { kind: 'hash', keys: key(other), partitions: 4 }))
      .toBe(exchangeFingerprint(a, { kind: 'hash', keys: key(a), partitions: 4 }));
    const second = [{ kind: 'column' as const, id: a.columns[1]!.id, name: 'l_quantity', type: T.int32 }];
    expect(exchangeFingerprint(a, { kind: 'hash', keys: key(a), partitions: 4 }))
      .not.toBe(exchangeFingerprint(a, { kind: 'hash', keys: second, partitions: 4 }));
  });
});
