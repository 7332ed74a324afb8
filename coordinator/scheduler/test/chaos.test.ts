/**
 * Seeded chaos runs of the event loop: fake workers finish tasks in random order, fail some,
 * die (and are replaced), and report spurious fetch failures. Every fake task computes its
 * output from the inputs it was given, so a job that ends with the same answer as a run without
 * faults shows that reducers always saw exactly one output of every map partition.
 */
import { describe, expect, it } from 'vitest';
import { SchedulerEventLoop, fetchFailure, killedFailure, taskFailureFromError, type TaskLaunch } from '../index.ts';
import { FakeWorkers, tpchLikeStages } from './fake-workers.ts';

const stages = tpchLikeStages();
/** Output partitions of each stage = partitions of the stage reading it (1 for the final stage). */
const outputPartitions = new Map(stages.map((s) => [s.stageId, stages.find((c) => c.inputStageIds.includes(s.stageId))?.partitions ?? 1]));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic "computation": leaf partitions make values from their id; reducers sum what they read. */
function runTask(l: TaskLaunch<string>) {
  let value = l.task.stageId * 1000 + l.task.partition * 10;
  for (const input of l.inputs) {
    const def = stages.find((s) => s.stageId === input.stageId)!;
    // A reducer must see exactly one output per map partition of each input.
    expect(input.outputs.map((o) => o.mapPartition)).toEqual([...Array(def.partitions).keys()]);
    for (const o of input.outputs) value += o.partitions.find((f) => f.outputPartition === l.task.partition)?.rows ?? 0;
  }
  const n = outputPartitions.get(l.task.stageId)!;
  return Array.from({ length: n }, (_, q) => ({ outputPartition: q, path: `${l.workerId}:${l.task.taskId}/${q}`, rows: value + q, bytes: 1 }));
}

function run(seed: number, faults: boolean) {
  const rand = mulberry32(seed);
  const fake = new FakeWorkers();
  const loop = new SchedulerEventLoop<string>(fake, { maxTaskRetries: 1000, maxStageRollbacks: 1000 });
  const live = new Set<string>();
  let nextWorker = 0;
  const addWorker = () => {
    const workerId = `w${nextWorker++}`;
    live.add(workerId);
    loop.post({ kind: 'worker_joined', workerId, slots: 1 + Math.floor(rand() * 2) });
  };
  for (let i = 0; i < 3; i++) addWorker();
  loop.post({ kind: 'job_submitted', jobId: 'q', stages });
  let killsSeen = 0;
  for (let step = 0; step < 5000 && !fake.results.has('q') && !fake.failures.has('q'); step++) {
    // Workers acknowledge kills by reporting the task killed.
    for (; killsSeen < fake.kills.length; killsSeen++) {
      const k = fake.kills[killsSeen]!;
      const l = fake.take((x) => x.task.taskId === k.task.taskId);
      if (l !== undefined && live.has(l.workerId)) loop.post({ kind: 'task_failed', report: { task: l.task, workerId: l.workerId, failure: killedFailure('asked') } });
    }
    if (fake.inFlight.length === 0) continue;
    const r = rand();
    const l = fake.inFlight[Math.floor(rand() * fake.inFlight.length)]!;
    if (faults && r < 0.04 && live.size > 1) {
      const victim = [...live][Math.floor(rand() * live.size)]!;
      live.delete(victim);
      fake.inFlight.splice(0, fake.inFlight.length, ...fake.inFlight.filter((x) => x.workerId !== victim));
      loop.post({ kind: 'worker_lost', workerId: victim });
      addWorker();
    } else if (faults && r < 0.10) {
      fake.take((x) => x === l);
      loop.post({ kind: 'task_failed', report: { task: l.task, workerId: l.workerId, failure: taskFailureFromError(new Error('EIO')) } });
    } else if (faults && r < 0.16 && l.inputs.length > 0) {
      fake.take((x) => x === l);
      const input = l.inputs[Math.floor(rand() * l.inputs.length)]!;
      const o = input.outputs[Math.floor(rand() * input.outputs.length)]!;
      const loc = { mapStageId: input.stageId, mapPartition: o.mapPartition, mapTaskAttempt: o.taskAttempt, workerId: o.workerId };
      loop.post({ kind: 'task_failed', report: { task: l.task, workerId: l.workerId, failure: fetchFailure(loc, 'reset') } });
    } else {
      fake.take((x) => x === l);
      // Shuffle files on a dead worker cannot be read: the reducer reports a fetch failure.
      const gone = l.inputs.flatMap((i) => i.outputs.map((o) => ({ i, o }))).find(({ o }) => !live.has(o.workerId));
      if (gone !== undefined) {
        const loc = { mapStageId: gone.i.stageId, mapPartition: gone.o.mapPartition, mapTaskAttempt: gone.o.taskAttempt, workerId: gone.o.workerId };
        loop.post({ kind: 'task_failed', report: { task: l.task, workerId: l.workerId, failure: fetchFailure(loc, 'worker gone') } });
        continue;
      }
      loop.post({ kind: 'task_succeeded', report: { task: l.task, workerId: l.workerId, partitions: runTask(l) } });
    }
    const graph = loop.job('q');
    if (graph === undefined) continue;
    // Invariants: one bound task per partition, only on live workers, only in runnable stages.
    const running = graph.runningTasks();
    expect(new Set(running.map((b) => `${b.task.stageId}.${b.task.partition}`)).size).toBe(running.length);
    for (const b of running) {
      expect(live.has(b.workerId)).toBe(true);
      expect(graph.stageState(b.task.stageId)).toBe('running');
    }
    const summary = new Map(graph.summary().map((s) => [s.stageId, s]));
    for (const s of stages) {
      const st = summary.get(s.stageId)!.state;
      if (st === 'resolved' || st === 'running') {
        for (const i of s.inputStageIds) expect(summary.get(i)!.partitionsDone).toBe(summary.get(i)!.partitions);
      }
    }
  }
  expect(fake.failures.get('q')).toBeUndefined();
  const result = fake.results.get('q');
  expect(result, `seed ${seed}: the job did not finish`).toBeDefined();
  return { answer: result!.map((o) => o.partitions.map((f) => f.rows)), launches: fake.launched.length };
}

describe('chaos', () => {
  const clean = run(1, false);

  it('a run without faults launches each task once', () => {
    expect(clean.launches).toBe(2 + 3 + 2 + 1);
  });

  it('every faulty run ends with the same answer', () => {
    let extra = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const faulty = run(seed, true);
      expect(faulty.answer, `seed ${seed}`).toEqual(clean.answer);
      extra += faulty.launches - clean.launches;
    }
    // The faults did force re-runs (so the runs tested something).
    expect(extra).toBeGreaterThan(60);
  });
});
