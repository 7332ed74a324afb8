import * as arrow from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { Batch, LochError, T, columnFromValues } from '../../../core/index.ts';
import type { PlanExecutor } from '../../sql-engine.ts';
import { COORDINATOR_SETTING, JobFailedError, type LeaderElection } from '../index.ts';
import { events, queryClient } from './query-client.ts';
import { GROUP_QUERY, type Harness, collectRows, startHarness, waitFor } from './cluster-harness.ts';
import { shuffleReads } from './fake-worker.ts';

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const stageOf = (t: { task?: { stageId?: number | null } | null }) => t.task?.stageId ?? -1;

describe('DistributedExecutor over gRPC', () => {
  it('runs a two-stage job on fake workers and streams the result from the final tasks', async () => {
    h = await startHarness();
    const rows = await collectRows(h.engine, GROUP_QUERY);
    // Final stage: two tasks, each wrote (k = partition, n = 10 + partition), read in task order.
    expect(rows).toEqual([[0, 10], [1, 11]]);
    const launched = h.workers.flatMap((w) => w.launched);
    expect(launched.filter((t) => stageOf(t) === 1)).toHaveLength(2);
    expect(launched.filter((t) => stageOf(t) === 2)).toHaveLength(2);
    // Tasks spread over both workers, and report to this coordinator's ClusterService.
    expect(h.workers.every((w) => w.launched.length > 0)).toBe(true);
    for (const t of launched) expect(t.settings?.[COORDINATOR_SETTING]).toBe(h.node.address);
    // Each reduce task's plan carries concrete locations of its own partition only: partition p
    // of both map tasks, with worker addresses; the other partitions' reads are empty.
    const reducers = launched.filter((t) => stageOf(t) === 2);
    expect(reducers.map((t) => t.task!.partition).sort()).toEqual([0, 1]);
    for (const reducer of reducers) {
      const mine = reducer.task!.partition ?? 0;
      const [read] = shuffleReads(reducer.stage!.plan);
      expect(read!.stageId).toBe(1);
      expect(read!.partitions).toHaveLength(2);
      for (const [p, part] of read!.partitions!.entries()) {
        if (p !== mine) { expect(part.locations ?? []).toEqual([]); continue; }
        expect(part.locations!.map((l) => l.outputPartition)).toEqual([p, p]);
        expect(part.locations!.map((l) => l.mapTask!.mapPartition).sort()).toEqual([0, 1]);
        for (const l of part.locations!) expect(h.workers.map((w) => w.address)).toContain(l.workerAddress);
      }
    }
    // Job data removed on every worker that ran tasks.
    await waitFor(() => h!.workers.every((w) => w.removedJobs.length === 1), 2000, 'RemoveJobData');
    expect(new Set(h.workers.flatMap((w) => w.removedJobs)).size).toBe(1);
  });

  it('sends the tasks bound to a worker in one pass as one LaunchTasks call', async () => {
    h = await startHarness({ workerCount: 1, slots: 4 });
    expect(await collectRows(h.engine, GROUP_QUERY)).toEqual([[0, 10], [1, 11]]);
    const [w] = h.workers;
    // Stage 1's two tasks start together, then stage 2's two: two calls of two tasks.
    expect(w!.launchCalls).toEqual([2, 2]);
    expect(w!.launched).toHaveLength(4);
  });

  it('plain EXPLAIN plans the stages with the cluster\'s distribution settings', async () => {
    h = await startHarness();
    const rows = await collectRows(h.engine, `EXPLAIN ${GROUP_QUERY}`);
    const text = rows.map((r) => String(r[0])).join('\n');
    // The harness's cluster hashes into 2 partitions (the default would be 8).
    expect(text).toContain('ShuffleWriteExec: stage=1, hash([k], 2)');
    expect(h.workers.flatMap((w) => w.launched)).toEqual([]);
  });

  it('EXPLAIN ANALYZE shows per-stage tasks, retries and shuffle bytes', async () => {
    h = await startHarness();
    const rows = await collectRows(h.engine, `EXPLAIN ANALYZE ${GROUP_QUERY}`);
    const text = rows.map((r) => String(r[0])).join('\n');
    expect(text).toMatch(/Distributed job job-[0-9a-f-]+: 2 stages, 4 tasks \(0 retries\)/);
    expect(text).toMatch(/Stage 1: partitions=2, inputs=\[\], tasks=2, retries=0, failures=0/);
    expect(text).toMatch(/Stage 2: partitions=2, inputs=\[1\], tasks=2, retries=0/);
    expect(text).toMatch(/result 2 rows/);
    expect(text).toContain('ShuffleWriteExec');
  });

  it('serves the query through QueryService: progress events while it runs, then the rows as Arrow IPC', async () => {
    h = await startHarness();
    for (const w of h.workers) w.behave = () => ({ kind: 'succeed', delayMs: 150 });
    const qc = queryClient(h.node.address);
    try {
      const all = await events(qc, GROUP_QUERY);
      const progress = all.filter((e) => e.progress != null);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[0]!.progress!.stages!.map((s) => s.stageId)).toEqual([1, 2]);
      const bytes = Buffer.concat(all.filter((e) => e.resultChunk != null).map((e) => e.resultChunk!.data ?? new Uint8Array()));
      const table = arrow.tableFromIPC(bytes);
      expect(table.toArray().map((r) => [r.k, Number(r.n)])).toEqual([[0, 10], [1, 11]]);
      expect(all.at(-1)!.succeeded).toMatchObject({ commandTag: 'SELECT 2', rows: 2 });
      // The scheduler job is named after the client's query id.
      const jobs = new Set(h.workers.flatMap((w) => w.launched.map((t) => t.task!.jobId)));
      expect([...jobs]).toEqual([`${all[0]!.accepted!.jobId}-0`]);
    } finally {
      qc.close();
    }
  });

  it('a plan that cannot be shipped fails with 0A000 before any launch, or runs on the local fallback', async () => {
    h = await startHarness();
    const error = await collectRows(h.engine, 'SELECT k FROM nodesc').catch((e: unknown) => e);
    expect(error).toMatchObject({ sqlState: '0A000', message: expect.stringMatching(/table nodesc cannot be sent to another process/) });
    expect(h.workers.flatMap((w) => w.launched)).toEqual([]);
    await h.close();
    const fallback: PlanExecutor = {
      evaluateConstant: () => { throw new Error('unused'); }, rowFunctions: () => { throw new Error('unused'); },
      execute: () => ({
        batches: (async function* () { yield new Batch([columnFromValues(T.int32, [42])], 1); })(),
        explainAnalyze: () => 'ran locally',
      }),
    };
    h = await startHarness({ extra: { localFallback: fallback } });
    expect(await collectRows(h.engine, 'SELECT k FROM nodesc')).toEqual([[42]]);
    expect(await collectRows(h.engine, 'EXPLAIN ANALYZE SELECT k FROM nodesc')).toEqual([['ran locally']]);
    expect(h.workers.flatMap((w) => w.launched)).toEqual([]);
  });
});
