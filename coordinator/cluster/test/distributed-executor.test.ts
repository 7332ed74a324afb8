import * as arrow from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
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
    // Each reduce task's plan carries concrete locations: partition p of both map tasks, with worker addresses.
    const reducer = launched.find((t) => stageOf(t) === 2)!;
    const [read] = shuffleReads(reducer.stage!.plan);
    expect(read!.stageId).toBe(1);
    expect(read!.partitions).toHaveLength(2);
    for (const [p, part] of read!.partitions!.entries()) {
      expect(part.locations!.map((l) => l.outputPartition)).toEqual([p, p]);
      expect(part.locations!.map((l) => l.mapTask!.mapPartition).sort()).toEqual([0, 1]);
      for (const l of part.locations!) expect(h.workers.map((w) => w.address)).toContain(l.workerAddress);
    }
    // Job data removed on every worker that ran tasks.
    await waitFor(() => h!.workers.every((w) => w.removedJobs.length === 1), 2000, 'RemoveJobData');
    expect(new Set(h.workers.flatMap((w) => w.removedJobs)).size).toBe(1);
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

  it('a worker lost by heartbeat timeout has its tasks relaunched on the others', async () => {
    h = await startHarness({ leaseTtlMs: 600 });
    const [w0, w1] = h.workers as [typeof h.workers[0], typeof h.workers[0]];
    w0.behave = () => ({ kind: 'hang' });
    w0.stopHeartbeats();
    const started = Date.now();
    const rows = await collectRows(h.engine, GROUP_QUERY);
    expect(rows).toEqual([[0, 10], [1, 11]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    // w0 took some tasks and never answered; w1 ran them again as new attempts.
    const hung = w0.launched.map((t) => `${t.task!.stageId}/${t.task!.partition}`);
    expect(hung.length).toBeGreaterThan(0);
    for (const key of hung) {
      const rerun = w1.launched.find((t) => `${t.task!.stageId}/${t.task!.partition}` === key && (t.task!.taskAttempt ?? 0) > 0);
      expect(rerun, `task ${key} relaunched on w1`).toBeDefined();
    }
    expect(h.membership.worker('w0')).toBeUndefined();
  });

  it('cancel sends CancelTasks for every running task within a second and fails with 57014', async () => {
    h = await startHarness();
    for (const w of h.workers) w.behave = () => ({ kind: 'hang' });
    const controller = new AbortController();
    const run = collectRows(h.engine, GROUP_QUERY, controller.signal);
    run.catch(() => {});
    await waitFor(() => h!.workers.reduce((n, w) => n + w.launched.length, 0) === 2, 3000, 'stage 1 launched');
    const t0 = Date.now();
    controller.abort();
    await expect(run).rejects.toMatchObject({ sqlState: '57014' });
    await waitFor(() => h!.workers.reduce((n, w) => n + w.cancelled.length, 0) === 2, 1000, 'CancelTasks');
    expect(Date.now() - t0).toBeLessThan(1000);
    for (const w of h.workers) {
      expect(w.cancelled.map((t) => t.taskId).sort()).toEqual(w.launched.map((t) => t.task!.taskId).sort());
    }
    await waitFor(() => h!.workers.every((w) => w.removedJobs.length === 1), 2000, 'RemoveJobData after cancel');
  });

  it('a deterministic task error fails the query once with its SQLSTATE', async () => {
    h = await startHarness();
    for (const w of h.workers) {
      w.behave = () => ({ kind: 'fail', failure: { retryable: false, countToFailures: true, executionError: { sqlstate: '22012', message: 'division by zero' } } });
    }
    const error = await collectRows(h.engine, GROUP_QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LochError);
    expect(error).toMatchObject({ sqlState: '22012', message: 'division by zero' });
    // No retries of a deterministic error: at most one launch per stage-1 partition.
    expect(h.workers.flatMap((w) => w.launched).length).toBeLessThanOrEqual(2);
  });

  it('a launch that fails at the RPC level is retried elsewhere (worker_lost, not counted)', async () => {
    h = await startHarness();
    const dead = h.workers[0]!;
    await dead.stop(); // still registered (its lease has not expired), but unreachable
    const rows = await collectRows(h.engine, GROUP_QUERY);
    expect(rows).toEqual([[0, 10], [1, 11]]);
    expect(h.workers[1]!.launched.length).toBeGreaterThanOrEqual(4);
  });

  it('running queries fail with the retryable 57P01 when the coordinator loses leadership', async () => {
    let notify: (leader: boolean) => void = () => {};
    let leader = true;
    const leadership: LeaderElection = {
      start: async () => {}, isLeader: () => leader, leaderAddress: () => undefined,
      onChange: (l) => { notify = l; return () => {}; }, close: async () => {},
    };
    h = await startHarness({ extra: { leadership } });
    for (const w of h.workers) w.behave = () => ({ kind: 'hang' });
    const run = collectRows(h.engine, GROUP_QUERY);
    run.catch(() => {});
    await waitFor(() => h!.workers.reduce((n, w) => n + w.launched.length, 0) === 2, 3000, 'stage 1 launched');
    leader = false;
    notify(false);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toMatchObject({ sqlState: '57P01', retryable: true });
    await waitFor(() => h!.workers.reduce((n, w) => n + w.cancelled.length, 0) === 2, 1000, 'tasks killed');
  });

  it('fails a job with the retryable 53000 when the cluster has had no worker for the timeout', async () => {
    h = await startHarness({ workerCount: 0, extra: { noWorkersTimeoutMs: 300 } });
    const error = await collectRows(h.engine, GROUP_QUERY).catch((e: unknown) => e);
    expect(error).toMatchObject({ sqlState: '53000', retryable: true });
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

  it('tasks a worker rejects are scheduled again (here: on the other worker)', async () => {
    h = await startHarness();
    h.workers[0]!.behave = () => ({ kind: 'reject' });
    const rows = await collectRows(h.engine, GROUP_QUERY);
    expect(rows).toEqual([[0, 10], [1, 11]]);
    expect(h.workers[0]!.launched.length).toBeGreaterThan(0);
    expect(h.workers[1]!.launched.length).toBe(4);
  });
});
