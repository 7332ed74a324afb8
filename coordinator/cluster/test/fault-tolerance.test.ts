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

describe('DistributedExecutor faults over gRPC', () => {
  it('a worker lost by heartbeat timeout has its tasks relaunched on the others', async () => {
    // A lease of 1.5 s against heartbeats every 100 ms: only the silent worker expires, even on a loaded machine.
    h = await startHarness({ leaseTtlMs: 1500 });
    const [w0, w1] = h.workers as [typeof h.workers[0], typeof h.workers[0]];
    w0.behave = () => ({ kind: 'hang' });
    w0.stopHeartbeats();
    const started = Date.now();
    const rows = await collectRows(h.engine, GROUP_QUERY);
    expect(rows).toEqual([[0, 10], [1, 11]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    // w0 took some tasks and never answered; w1 ran them again as new attempts.
    const hung = w0.launched.map((t) => `${t.task!.stageId}/${t.task!.partition}`);
    expect(hung.length).toBeGreaterThan(0);
    for (const key of hung) {
      const rerun = w1.launched.find((t) => `${t.task!.stageId}/${t.task!.partition}` === key && (t.task!.taskAttempt ?? 0) > 0);
      expect(rerun, `task ${key} relaunched on w1`).toBeDefined();
    }
    expect(h.membership.worker('w0')).toBeUndefined();
    expect(h.membership.worker('w1')).toBeDefined();
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
    const events: Record<string, unknown>[] = [];
    h = await startHarness({ extra: { log: (e) => { events.push(e); } } });
    const dead = h.workers[0]!;
    await dead.stop(); // still registered (its lease has not expired), but unreachable
    const rows = await collectRows(h.engine, GROUP_QUERY);
    expect(rows).toEqual([[0, 10], [1, 11]]);
    expect(h.workers[1]!.launched.length).toBeGreaterThanOrEqual(4);
    // The refused connection lost the worker at once: the next query launches nothing on it.
    const failedBefore = events.filter((e) => e.event === 'task_launch_failed').length;
    // Lost after its first failed LaunchTasks call, not the third.
    const unreachable = events.filter((e) => e.event === 'worker_unreachable');
    expect(unreachable.length).toBeGreaterThan(0);
    for (const e of unreachable) expect([e.workerId, e.launchFailures]).toEqual([dead.workerId, 1]);
    expect(await collectRows(h.engine, GROUP_QUERY)).toEqual([[0, 10], [1, 11]]);
    expect(events.filter((e) => e.event === 'task_launch_failed').length).toBe(failedBefore);
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

  it('tasks a worker rejects are scheduled again (here: on the other worker)', async () => {
    h = await startHarness();
    h.workers[0]!.behave = () => ({ kind: 'reject' });
    const rows = await collectRows(h.engine, GROUP_QUERY);
    expect(rows).toEqual([[0, 10], [1, 11]]);
    expect(h.workers[0]!.launched.length).toBeGreaterThan(0);
    expect(h.workers[1]!.launched.length).toBe(4);
  });
});
