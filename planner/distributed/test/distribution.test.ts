import { describe, expect, it } from 'vitest';
import { T, type ScanSplit, type SourceColumn } from '../../../core/index.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { FakeTable, PlanBuilder, agg, c, eq } from '../../optimizer/test/plan-builder.ts';
import { createPhysicalPlan } from '../../physical/create-physical-plan.ts';
import { type PhysicalPlan, physicalChildren } from '../../physical/physical-plan.ts';
import { outputPartitioning, type DistributionOptions } from '../distribution.ts';
import type { ShuffleLocation } from '../exchange-exec.ts';
import { explainStages } from '../explain-stages.ts';
import { planStages } from '../distribute.ts';
import { insertExchanges } from '../insert-exchanges.ts';
import { resolveShuffleReads } from '../resolve-shuffles.ts';
import { assignScanSplits, balancedSplits, binPackSplits, splitTarget } from '../scan-splits.ts';
import { cutStages } from '../stage-cutter.ts';

/** A fake table whose rows come in `pieces` row groups of 10 MiB each. */
class SplitTable extends FakeTable {
  readonly pieces: number;
  constructor(columns: readonly SourceColumn[], rows: number, pieces: number) {
    super(columns, rows);
    this.pieces = pieces;
  }
  async splits(): Promise<readonly ScanSplit[]> {
    return Array.from({ length: this.pieces }, (_v, g) => ({ path: 'f.parquet', fileSizeBytes: this.pieces * 10, sizeBytes: 10, rowGroups: [g] }));
  }
}

const OPTIONS: DistributionOptions = { shufflePartitions: 4, broadcastThresholdBytes: 1000, targetSplitBytes: 10 };
const b = new PlanBuilder();
const table = (name: string, cols: string[], rows: number, pieces: number) => b.scanOf(name, new SplitTable(
  cols.map((n) => ({ name: n, type: T.int32, nullable: true })), rows, pieces), rows);

async function distribute(plan: LogicalPlan, options: DistributionOptions = OPTIONS): Promise<PhysicalPlan> {
  return insertExchanges(await assignScanSplits(createPhysicalPlan(plan), options.targetSplitBytes), options);
}

function nodes(p: PhysicalPlan, out: PhysicalPlan[] = []): PhysicalPlan[] {
  out.push(p);
  for (const c of physicalChildren(p)) nodes(c, out);
  return out;
}
const exchanges = (p: PhysicalPlan) => nodes(p).flatMap((n) => (n.kind === 'exchange' ? [n.partitioning] : []));

describe('exchange insertion', () => {
  it('hash-partitions both sides of a join between large inputs, and a later group by on the key needs no exchange', async () => {
    const orders = table('orders', ['o_orderkey', 'o_custkey'], 1_000_000, 3);
    const lineitem = table('lineitem', ['l_orderkey', 'l_quantity'], 4_000_000, 5);
    const join = b.join('inner', lineitem, orders, eq(c(lineitem, 'l_orderkey'), c(orders, 'o_orderkey')));
    const grouped = b.aggregate(join, [c(join, 'l_orderkey')], [['total', agg('sum', [c(join, 'l_quantity')])]]);
    const plan = await distribute(grouped);
    expect(exchanges(plan)).toEqual([
      { kind: 'hash', keys: [c(lineitem, 'l_orderkey')], partitions: 4 },
      { kind: 'hash', keys: [c(orders, 'o_orderkey')], partitions: 4 },
    ]);
    expect(plan.kind === 'hash_aggregate' && plan.mode).toBe('single');
    expect(outputPartitioning(plan)).toMatchObject({ kind: 'hash', partitions: 4 });
  });

  it('treats the right keys of an inner equi-join as partitioning too, but not after a left join', async () => {
    const orders = table('orders', ['o_orderkey', 'o_custkey'], 1_000_000, 3);
    const lineitem = table('lineitem', ['l_orderkey', 'l_quantity'], 4_000_000, 5);
    const byRightKey = async (joinType: 'inner' | 'left') => {
      const join = b.join(joinType, lineitem, orders, eq(c(lineitem, 'l_orderkey'), c(orders, 'o_orderkey')));
      return distribute(b.aggregate(join, [c(join, 'o_orderkey')], [['total', agg('sum', [c(join, 'l_quantity')])]]));
    };
    const inner = await byRightKey('inner');
    expect(exchanges(inner)).toHaveLength(2);
    expect(inner.kind === 'hash_aggregate' && inner.mode).toBe('single');
    const left = await byRightKey('left');
    expect(exchanges(left)).toHaveLength(3);
    expect(left.kind === 'hash_aggregate' && left.mode).toBe('final');
  });

  it('broadcasts a build side estimated below the threshold, and not for a right join', async () => {
    const lineitem = table('lineitem', ['l_orderkey', 'l_suppkey'], 4_000_000, 5);
    const supplier = table('supplier', ['s_suppkey'], 100, 1);
    const inner = await distribute(b.join('inner', lineitem, supplier, eq(c(lineitem, 'l_suppkey'), c(supplier, 's_suppkey'))));
    expect(exchanges(inner)).toEqual([{ kind: 'broadcast' }]);
    expect(outputPartitioning(inner)).toEqual({ kind: 'unknown', partitions: 5 });
    const right = await distribute(b.join('right', lineitem, supplier, eq(c(lineitem, 'l_suppkey'), c(supplier, 's_suppkey'))));
    expect(exchanges(right).map((e) => e.kind)).toEqual(['hash', 'hash']);
    const bigger = await distribute(b.join('inner', lineitem, supplier, eq(c(lineitem, 'l_suppkey'), c(supplier, 's_suppkey'))),
      { ...OPTIONS, broadcastThresholdBytes: 100 });
    expect(exchanges(bigger).map((e) => e.kind)).toEqual(['hash', 'hash']);
  });

  it('always broadcasts the build side of a null-aware (NOT IN) join', async () => {
    const l = table('l', ['a'], 4_000_000, 5);
    const r = table('r', ['x'], 4_000_000, 5);
    const plan = await distribute(b.join('anti_null_aware', l, r, eq(c(l, 'a'), c(r, 'x'))));
    expect(plan.kind === 'hash_join' && plan.nullAware).toBe(true);
    expect(exchanges(plan)).toEqual([{ kind: 'broadcast' }]);
  });

  it('splits a grouped aggregate into partial → hash(keys) → final, and a global one through single', async () => {
    const t = table('t', ['k', 'v'], 1_000_000, 3);
    const grouped = await distribute(b.aggregate(t, [c(t, 'k')], [['s', agg('sum', [c(t, 'v')])]]));
    expect(grouped.kind === 'hash_aggregate' && grouped.mode).toBe('final');
    const partial = grouped.kind === 'hash_aggregate' && grouped.input.kind === 'exchange' ? grouped.input.input : null;
    expect(partial?.kind === 'hash_aggregate' && partial.mode).toBe('partial');
    expect(exchanges(grouped)).toEqual([{ kind: 'hash', keys: grouped.kind === 'hash_aggregate' ? grouped.groupBy : [], partitions: 4 }]);
    const global = await distribute(b.aggregate(t, [], [['s', agg('sum', [c(t, 'v')])]]));
    expect(global.kind === 'hash_aggregate' && global.mode).toBe('final');
    expect(exchanges(global)).toEqual([{ kind: 'single' }]);
  });

  it('keeps a DISTINCT aggregate in one phase over an exchange on its group keys', async () => {
    const t = table('t', ['k', 'v'], 1_000_000, 3);
    const plan = await distribute(b.aggregate(t, [c(t, 'k')], [['n', { ...agg('count', [c(t, 'v')], T.int64), distinct: true }]]));
    expect(plan.kind === 'hash_aggregate' && plan.mode).toBe('single');
    expect(exchanges(plan)).toEqual([{ kind: 'hash', keys: [c(t, 'k')], partitions: 4 }]);
  });

  it('runs top-k and limit per partition before coalescing', async () => {
    const t = table('t', ['k', 'v'], 1_000_000, 3);
    const topk = await distribute({ kind: 'sort', input: t, keys: [{ expr: c(t, 'v'), ascending: true, nullsFirst: false }], fetch: 5 });
    expect(topk.kind).toBe('top_k');
    expect(nodes(topk).map((n) => n.kind)).toEqual(['top_k', 'exchange', 'top_k', 'scan']);
    const limit = await distribute({ kind: 'limit', input: t, limit: 5, offset: 2 });
    const partial = nodes(limit)[2]!;
    expect(partial.kind === 'limit' && [partial.limit, partial.offset]).toEqual([7, 0]);
    const sort = await distribute({ kind: 'sort', input: t, keys: [{ expr: c(t, 'v'), ascending: true, nullsFirst: false }] });
    expect(nodes(sort).map((n) => n.kind)).toEqual(['sort', 'exchange', 'scan']);
  });

  it('adds nothing when every input is one partition', async () => {
    const l = table('l', ['a'], 4_000_000, 1);
    const r = table('r', ['x'], 4_000_000, 1);
    const join = b.join('inner', l, r, eq(c(l, 'a'), c(r, 'x')));
    const stages = await planStages(createPhysicalPlan(b.aggregate(join, [], [['n', agg('count_star', [], T.int64)]])), OPTIONS);
    expect(stages).toHaveLength(1);
    expect(stages[0]!.partitions).toBe(1);
    expect(explainStages(stages)).not.toContain('Unresolved');
  });
});

it('rejects distribution options that make no sense, naming the option', async () => {
  const t = createPhysicalPlan(table('t', ['k'], 10, 1));
  await expect(planStages(t, { shufflePartitions: 0 })).rejects.toThrow(/shufflePartitions must be a positive integer, not 0/);
  await expect(planStages(t, { targetSplitBytes: Number.NaN })).rejects.toThrow(/targetSplitBytes/);
});

describe('scan splits', () => {
  it('bin-packs pieces next-fit up to the target, an oversized piece alone', () => {
    const piece = (sizeBytes: number): ScanSplit => ({ path: `p${sizeBytes}`, fileSizeBytes: sizeBytes, sizeBytes });
    const packed = binPackSplits([piece(10), piece(11), piece(12), piece(50), piece(5)], 25);
    expect(packed.map((p) => p.map((s) => s.sizeBytes))).toEqual([[10, 11], [12], [50], [5]]);
  });

  it('with a parallelism, shrinks the split target to bytes / slots, within [4 MiB, target]', async () => {
    const MiB = 1024 * 1024;
    expect(splitTarget(53 * MiB, 128 * MiB)).toBe(128 * MiB);
    expect(splitTarget(53 * MiB, 128 * MiB, 4)).toBe(Math.ceil(53 * MiB / 4));
    expect(splitTarget(6 * MiB, 128 * MiB, 4)).toBe(4 * MiB);
    expect(splitTarget(2000 * MiB, 128 * MiB, 4)).toBe(128 * MiB);
    // A tiny table stays one split: the 4 MiB floor keeps it from becoming 4 tasks of a few bytes.
    const t = table('t', ['k'], 100, 7);
    const plan = await assignScanSplits(createPhysicalPlan(t), 1000, 4);
    expect(plan.kind === 'scan' && plan.splits?.length).toBe(1);
  });

  it('with a parallelism, cuts a small scan into at most one contiguous, near-equal partition per slot', () => {
    const piece = (sizeBytes: number, i: number): ScanSplit => ({ path: `p${i}`, fileSizeBytes: sizeBytes, sizeBytes });
    const sizes = (packed: ScanSplit[][]) => packed.map((p) => p.map((s) => s.path));
    const six = [34, 34, 34, 34, 34, 34].map(piece);
    expect(sizes(balancedSplits(six, 4))).toEqual([['p0'], ['p1', 'p2'], ['p3'], ['p4', 'p5']]);
    expect(sizes(balancedSplits(six.slice(0, 2), 4))).toEqual([['p0'], ['p1']]); // fewer pieces than slots
    expect(sizes(balancedSplits([piece(100, 0), piece(1, 1), piece(1, 2), piece(1, 3)], 2))).toEqual([['p0'], ['p1', 'p2', 'p3']]);
    expect(balancedSplits([], 4)).toEqual([]);
  });

  it('gives a scan one partition per bin, and none without splits()', async () => {
    const t = table('t', ['k'], 100, 7);
    const plan = await assignScanSplits(createPhysicalPlan(t), 25);
    expect(plan.kind === 'scan' && plan.splits?.map((s) => s.length)).toEqual([2, 2, 2, 1]);
    const plain = b.scan('plain', ['k'], 100);
    const unsplit = await assignScanSplits(createPhysicalPlan(plain), 25);
    expect(unsplit.kind === 'scan' && unsplit.splits).toBeUndefined();
  });
});

describe('stage cutting', () => {
  it('cuts at every exchange, inputs first, with task counts from the partitioning', async () => {
    const orders = table('orders', ['o_orderkey'], 1_000_000, 3);
    const lineitem = table('lineitem', ['l_orderkey'], 4_000_000, 5);
    const join = b.join('inner', lineitem, orders, eq(c(lineitem, 'l_orderkey'), c(orders, 'o_orderkey')));
    const stages = cutStages(await distribute(join));
    expect(stages.map((s) => [s.stageId, s.partitions, s.inputStageIds])).toEqual([[1, 5, []], [2, 3, []], [3, 4, [1, 2]]]);
    expect(stages.map((s) => s.plan.partitioning.kind)).toEqual(['hash', 'hash', 'single']);
    expect(stages[2]!.plan.input.kind).toBe('hash_join');
  });

  it('makes one stage of a CTE read twice', async () => {
    const t = table('t', ['k'], 1_000_000, 3);
    const def = createPhysicalPlan(t);
    const ref = (nodeId: number, id: number): PhysicalPlan => ({ kind: 'cte_scan', nodeId, cteId: 1, name: 'w', columns: [{ id, name: 'k', type: T.int32, nullable: true }] });
    const plan: PhysicalPlan = {
      kind: 'cte_anchor', nodeId: 100, cteId: 1, name: 'w', columns: [{ id: 900, name: 'k', type: T.int32, nullable: true }],
      definition: { ...def, nodeId: 101 },
      input: { kind: 'union', nodeId: 102, columns: [{ id: 900, name: 'k', type: T.int32, nullable: true }], inputs: [ref(103, 901), ref(104, 902)] },
    };
    const stages = await planStages(plan, OPTIONS);
    expect(stages.map((s) => [s.stageId, s.inputStageIds])).toEqual([[1, []], [2, [1]]]);
    expect(explainStages(stages).match(/UnresolvedShuffleExec: stage=1/g)).toHaveLength(2);
    const leaves = nodes(stages[1]!.plan).filter((n) => n.kind === 'unresolved_shuffle');
    expect(new Set(leaves.map((n) => n.nodeId)).size).toBe(2);
  });
});

describe('shuffle resolution', () => {
  const file = (mapPartition: number, outputPartition: number): ShuffleLocation => ({
    jobId: 'j', mapStageId: 1, mapStageAttempt: 0, mapPartition, mapTaskAttempt: 0, outputPartition,
    workerId: 'w', workerAddress: 'h:1', path: `/s/${mapPartition}/${outputPartition}`, rows: 1, bytes: 1,
  });
  it('gives reduce task p the files of output partition p, or every file of a broadcast', () => {
    const leaf = (partitioning: { kind: 'hash'; keys: []; partitions: number } | { kind: 'broadcast' }): PhysicalPlan => ({
      kind: 'unresolved_shuffle', nodeId: 1, columns: [], stageId: 1, partitioning, partitionCount: partitioning.kind === 'hash' ? 2 : 1,
    });
    const files = [file(0, 0), file(0, 1), file(1, 1)];
    const hashed = resolveShuffleReads(leaf({ kind: 'hash', keys: [], partitions: 2 }), 2, () => files);
    expect(hashed.kind === 'shuffle_read' && hashed.partitions.map((p) => p.map((f) => f.path))).toEqual([['/s/0/0'], ['/s/0/1', '/s/1/1']]);
    const broadcast = resolveShuffleReads(leaf({ kind: 'broadcast' }), 3, () => [file(0, 0), file(1, 0)]);
    expect(broadcast.kind === 'shuffle_read' && broadcast.partitions.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(() => resolveShuffleReads(leaf({ kind: 'hash', keys: [], partitions: 2 }), 3, () => files)).toThrow(/wrote 2 partitions/);
  });
});
