import { describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
import { SchedulerEventLoop, taskFailureFromError, type TaskLaunch } from '../index.ts';
import { FakeWorkers, shuffleFiles, tpchLikeStages } from './fake-workers.ts';

function setup(workers: Record<string, number>) {
  const fake = new FakeWorkers();
  const loop = new SchedulerEventLoop<string>(fake);
  for (const [workerId, slots] of Object.entries(workers)) loop.post({ kind: 'worker_joined', workerId, slots });
  return { fake, loop };
}

function reportSuccess(loop: SchedulerEventLoop<string>, l: TaskLaunch<string>) {
  loop.post({ kind: 'task_succeeded', report: { task: l.task, workerId: l.workerId, partitions: shuffleFiles(l.task) } });
}

/** Lets the fake workers finish every task in launch order until nothing is in flight. */
function runToEnd(fake: FakeWorkers, loop: SchedulerEventLoop<string>) {
  for (let l = fake.take(); l !== undefined; l = fake.take()) reportSuccess(loop, l);
}

describe('SchedulerEventLoop', () => {
  it('binds tasks to free slots, spread over workers, and reports the job result', () => {
    const { fake, loop } = setup({ w1: 2, w2: 2 });
    loop.post({ kind: 'job_submitted', jobId: 'q1', stages: tpchLikeStages() });
    // Four slots for five map tasks: one per worker per round.
    expect(fake.launched.map((l) => `${l.task.stageId}.${l.task.partition}@${l.workerId}`)).toEqual(['1.0@w1', '1.1@w2', '2.0@w1', '2.1@w2']);
    expect(loop.freeSlots()).toBe(0);
    reportSuccess(loop, fake.take()!);
    expect(fake.launched.at(-1)!.task).toMatchObject({ stageId: 2, partition: 2 });
    expect(fake.launched.at(-1)!.workerId).toBe('w1');
    runToEnd(fake, loop);
    expect(fake.launched).toHaveLength(5 + 2 + 1);
    expect(fake.results.get('q1')).toHaveLength(1);
    expect(loop.job('q1')).toBeUndefined();
    expect(loop.freeSlots()).toBe(4);
  });

  it('offers a scan task first to the worker that scanned the same split last (its column cache)', () => {
    const { fake, loop } = setup({ w1: 2, w2: 2 });
    // one scan stage of four splits; the same splits in every query (Q1, then Q6 over lineitem)
    const scan = (jobId: string) => loop.post({ kind: 'job_submitted', jobId, stages: [
      { stageId: 1, partitions: 4, inputStageIds: [], plan: 'scan', localityKeys: ['f0', 'f1', 'f2', 'f3'] },
    ] });
    const placement = () => new Map(fake.launched.splice(0).map((l) => [l.localityKey, l.workerId]));
    scan('q1');
    runToEnd(fake, loop);
    const first = placement();
    expect(new Set(first.values())).toEqual(new Set(['w1', 'w2']));
    // a one-task job in between moves the worker offered first (rotation)
    loop.post({ kind: 'job_submitted', jobId: 'small', stages: [{ stageId: 1, partitions: 1, inputStageIds: [], plan: 'x' }] });
    runToEnd(fake, loop);
    fake.launched.splice(0);
    for (const jobId of ['q6', 'q14']) {
      scan(jobId);
      runToEnd(fake, loop);
      expect(placement()).toEqual(first);
    }
  });

  it('gives a worker another worker\'s split rather than leaving its slot idle', () => {
    const { fake, loop } = setup({ w1: 1, w2: 1 });
    loop.post({ kind: 'job_submitted', jobId: 'q1', stages: [{ stageId: 1, partitions: 2, inputStageIds: [], plan: 'scan', localityKeys: ['f0', 'f1'] }] });
    runToEnd(fake, loop);
    const owner = new Map(fake.launched.splice(0).map((l) => [l.localityKey, l.workerId]));
    // f1's worker is busy with another job; the other worker takes f1 at once
    loop.post({ kind: 'job_submitted', jobId: 'long', stages: [{ stageId: 1, partitions: 1, inputStageIds: [], plan: 'x' }] });
    const blocker = fake.launched[0]!;
    if (blocker.workerId !== owner.get('f1')) {
      // the rotation put the blocker on f0's worker: occupy f1's worker too with a second one
      loop.post({ kind: 'job_submitted', jobId: 'long2', stages: [{ stageId: 1, partitions: 1, inputStageIds: [], plan: 'x' }] });
      reportSuccess(loop, fake.take((l) => l.workerId === blocker.workerId)!);
    }
    expect(loop.workerFreeSlots(owner.get('f1')!)).toBe(0);
    fake.launched.splice(0);
    loop.post({ kind: 'job_submitted', jobId: 'q2', stages: [{ stageId: 1, partitions: 1, inputStageIds: [], plan: 'scan', localityKeys: ['f1'] }] });
    expect(fake.launched.map((l) => [l.localityKey, l.workerId])).toEqual([['f1', owner.get('f0')]]);
  });

  it('a worker killed mid-job: the job still completes on the others', () => {
    const { fake, loop } = setup({ w1: 1, w2: 1, w3: 1 });
    loop.post({ kind: 'job_submitted', jobId: 'q9', stages: tpchLikeStages() });
    reportSuccess(loop, fake.take((l) => l.workerId === 'w2')!); // w2 wrote map output 1.1 …
    const dying = fake.take((l) => l.workerId === 'w2')!; // … and was running 2.1 when it died
    expect(dying.task).toMatchObject({ stageId: 2, partition: 1 });
    loop.post({ kind: 'worker_lost', workerId: 'w2' });
    runToEnd(fake, loop);
    expect(fake.failures.get('q9')).toBeUndefined();
    expect(fake.results.get('q9')).toHaveLength(1);
    expect(fake.launched.every((l, i) => i < 4 || l.workerId !== 'w2')).toBe(true);
    // 1.1 was recomputed (its output was on w2) and 2.1 relaunched, once each; the rest ran once.
    const runs = (stage: number, partition: number) => fake.launched.filter((l) => l.task.stageId === stage && l.task.partition === partition).length;
    expect([runs(1, 0), runs(1, 1), runs(2, 0), runs(2, 1), runs(2, 2), runs(3, 0), runs(3, 1), runs(4, 0)]).toEqual([1, 2, 1, 2, 1, 1, 1, 1]);
  });

  it('a deterministic error fails the job once, without retries', () => {
    const { fake, loop } = setup({ w1: 4 });
    loop.post({ kind: 'job_submitted', jobId: 'q2', stages: tpchLikeStages() });
    const l = fake.take()!;
    loop.post({ kind: 'task_failed', report: { task: l.task, workerId: 'w1', failure: taskFailureFromError(new LochError('22012', 'division by zero')) } });
    expect(fake.failures.get('q2')).toMatchObject({ sqlState: '22012' });
    expect(fake.launched.filter((x) => x.task.stageId === l.task.stageId && x.task.partition === l.task.partition)).toHaveLength(1);
    expect(fake.kills).toHaveLength(3);
    // Killed tasks hold their slots until the worker reports them.
    expect(loop.freeSlots()).toBe(1);
    for (const k of fake.kills) loop.post({ kind: 'task_failed', report: { task: k.task, workerId: k.workerId, failure: { retryable: true, countToFailures: false, reason: { kind: 'killed', reason: 'cancelled' } } } });
    expect(loop.freeSlots()).toBe(4);
  });

  it('cancel kills every task of the job; other jobs keep running and get the slots', () => {
    const { fake, loop } = setup({ w1: 2 });
    loop.post({ kind: 'job_submitted', jobId: 'long', stages: tpchLikeStages() });
    loop.post({ kind: 'job_submitted', jobId: 'short', stages: [{ stageId: 1, partitions: 1, inputStageIds: [], plan: 'Values' }] });
    expect(fake.launched.map((l) => l.task.jobId)).toEqual(['long', 'long']);
    loop.post({ kind: 'cancel_job', jobId: 'long' });
    expect(fake.failures.get('long')).toMatchObject({ sqlState: '57014' });
    expect(fake.kills.map((k) => k.task.jobId)).toEqual(['long', 'long']);
    const killed = fake.inFlight.splice(0);
    for (const k of killed) loop.post({ kind: 'task_failed', report: { task: k.task, workerId: k.workerId, failure: { retryable: true, countToFailures: false, reason: { kind: 'killed', reason: 'job cancelled' } } } });
    expect(fake.launched.at(-1)!.task.jobId).toBe('short');
    runToEnd(fake, loop);
    expect(fake.results.has('short')).toBe(true);
    expect(fake.results.has('long')).toBe(false);
  });

  it('handles events posted from inside an action after the current one, in order', () => {
    const order: string[] = [];
    const fake = new FakeWorkers();
    const loop: SchedulerEventLoop<string> = new SchedulerEventLoop<string>({
      ...fake,
      launchTask: (l) => {
        order.push(`launch ${l.task.stageId}.${l.task.partition}`);
        // A worker that finishes instantly, posting from inside the loop.
        loop.post({ kind: 'task_succeeded', report: { task: l.task, workerId: l.workerId, partitions: shuffleFiles(l.task) } });
        order.push(`posted ${l.task.stageId}.${l.task.partition}`);
      },
      killTask: () => {},
      jobSucceeded: (jobId) => order.push(`done ${jobId}`),
      jobFailed: () => {},
    });
    loop.post({ kind: 'worker_joined', workerId: 'w1', slots: 1 });
    loop.post({ kind: 'job_submitted', jobId: 'q', stages: [
      { stageId: 1, partitions: 2, inputStageIds: [], plan: 'scan' },
      { stageId: 2, partitions: 1, inputStageIds: [1], plan: 'final' },
    ] });
    expect(order).toEqual(['launch 1.0', 'posted 1.0', 'launch 1.1', 'posted 1.1', 'launch 2.0', 'posted 2.0', 'done q']);
  });

  it('rejects an invalid job without disturbing the loop', () => {
    const { fake, loop } = setup({ w1: 1 });
    loop.post({ kind: 'job_submitted', jobId: 'bad', stages: [{ stageId: 1, partitions: 1, inputStageIds: [3], plan: '' }] });
    expect(fake.failures.get('bad')!.message).toMatch(/stage 1 reads stage 3/);
    loop.post({ kind: 'job_submitted', jobId: 'ok', stages: [{ stageId: 1, partitions: 1, inputStageIds: [], plan: '' }] });
    runToEnd(fake, loop);
    expect(fake.results.has('ok')).toBe(true);
  });

  it('an action that throws does not lose the events queued behind it', () => {
    const fake = new FakeWorkers();
    let throwOnce = true;
    const loop: SchedulerEventLoop<string> = new SchedulerEventLoop<string>({
      launchTask: (l) => {
        fake.launchTask(l);
        if (throwOnce) {
          throwOnce = false;
          loop.post({ kind: 'worker_joined', workerId: 'w2', slots: 1 }); // queued behind the failing event
          throw new Error('launch RPC failed');
        }
      },
      killTask: () => {},
      jobSucceeded: (jobId, outputs) => fake.jobSucceeded(jobId, outputs),
      jobFailed: (jobId, error) => fake.jobFailed(jobId, error),
    });
    loop.post({ kind: 'worker_joined', workerId: 'w1', slots: 1 });
    expect(() => loop.post({ kind: 'job_submitted', jobId: 'q', stages: tpchLikeStages() })).toThrow('launch RPC failed');
    // w2's join was still handled: both workers got a task.
    expect(fake.launched.map((l) => l.workerId)).toEqual(['w1', 'w2']);
    runToEnd(fake, loop);
    expect(fake.results.has('q')).toBe(true);
  });
});
