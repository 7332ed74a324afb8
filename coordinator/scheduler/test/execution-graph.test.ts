import { describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
import {
  ExecutionGraph, killedFailure, taskFailureFromError, workerLostFailure, type GraphEffect, type TaskLaunch,
} from '../index.ts';
import { names, popAll, shuffleFiles, succeed, tpchLikeStages } from './fake-workers.ts';

function newJob(options = {}) {
  return new ExecutionGraph('job-1', tpchLikeStages(), options);
}

function states(g: ExecutionGraph<string>) {
  return [1, 2, 3, 4].map((id) => `${id}:${g.stageState(id)}@${g.stageAttempt(id)}`).join(' ');
}

function kinds(effects: readonly GraphEffect[]) {
  return effects.map((e) => e.kind === 'stage_completed' ? `stage_completed ${e.stageId}` : e.kind === 'kill_task'
    ? `kill ${e.task.stageId}.${e.task.partition}@${e.workerId}` : e.kind);
}

/** Runs the two map stages to completion, placing partition p on workers[p % workers.length]. */
function finishMapStages(g: ExecutionGraph<string>, workers: readonly string[]) {
  const maps = popAll(g, workers);
  expect(names(maps)).toEqual(['1.0@0', '1.1@0', '2.0@0', '2.1@0', '2.2@0']);
  for (const m of maps) expect(succeed(g, m)).toBe('accepted');
  return maps;
}

const ioError = () => taskFailureFromError(new LochError('58030', 'could not read part-0001.parquet: EIO'));

describe('ExecutionGraph', () => {
  it('runs a job to completion: two map stages, a join stage, a final stage', () => {
    const g = newJob();
    expect(states(g)).toBe('1:resolved@0 2:resolved@0 3:unresolved@0 4:unresolved@0');
    const maps = popAll(g, ['w1', 'w2']);
    // The join stage cannot run before both map stages are done.
    expect(names(maps)).toEqual(['1.0@0', '1.1@0', '2.0@0', '2.1@0', '2.2@0']);
    expect(maps.map((m) => m.workerId)).toEqual(['w1', 'w2', 'w1', 'w2', 'w1']);
    expect(states(g)).toBe('1:running@0 2:running@0 3:unresolved@0 4:unresolved@0');
    for (const m of maps.slice(0, 4)) succeed(g, m);
    expect(states(g)).toBe('1:successful@0 2:running@0 3:unresolved@0 4:unresolved@0');
    expect(g.popNextTask({ workerId: 'w1' })).toBeNull();
    succeed(g, maps[4]!);
    expect(states(g)).toBe('1:successful@0 2:successful@0 3:resolved@0 4:unresolved@0');

    const joins = popAll(g, ['w1', 'w2']);
    expect(names(joins)).toEqual(['3.0@0', '3.1@0']);
    // A reducer gets every map output of both inputs, each with the files of all output partitions.
    expect(joins[0]!.inputs.map((i) => [i.stageId, i.outputs.length])).toEqual([[1, 2], [2, 3]]);
    expect(joins[0]!.inputs[1]!.outputs[2]).toMatchObject({ stageId: 2, mapPartition: 2, workerId: 'w1', taskId: maps[4]!.task.taskId });
    expect(joins[0]!.inputs[1]!.outputs[2]!.partitions[1]!.path).toBe('/shuffle/job-1/2/2/0/1.arrow');
    expect(joins[0]!.plan).toContain('HashJoin');
    for (const j of joins) succeed(g, j);

    const [final, ...none] = popAll(g, ['w2']);
    expect(none).toEqual([]);
    expect(names([final!])).toEqual(['4.0@0']);
    succeed(g, final!);
    expect(g.state).toBe('successful');
    const effects = g.drainEffects();
    expect(kinds(effects)).toEqual(['stage_completed 1', 'stage_completed 2', 'stage_completed 3', 'stage_completed 4', 'job_succeeded']);
    const done = effects.at(-1)!;
    expect(done.kind === 'job_succeeded' && done.outputs.map((o) => o.taskId)).toEqual([final!.task.taskId]);
    // Task ids are unique within the job.
    const ids = [...maps, ...joins, final!].map((l) => l.task.taskId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(g.popNextTask({ workerId: 'w1' })).toBeNull();
  });

  it('retries a retryable failure 4 times, then fails the job with its SQLSTATE', () => {
    const g = newJob();
    let launch = g.popNextTask({ workerId: 'w1' })!;
    const other = g.popNextTask({ workerId: 'w2' })!;
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(g.taskFailed({ task: launch.task, workerId: 'w1', failure: ioError() })).toBe('accepted');
      expect(g.state).toBe('running');
      launch = g.popNextTask({ workerId: 'w1' })!;
      // The same partition comes back first, with the next task attempt and a new task id.
      expect(names([launch])).toEqual([`1.0@${attempt}`]);
    }
    expect(g.summary()[0]!.taskFailures).toBe(4);
    g.drainEffects();
    g.taskFailed({ task: launch.task, workerId: 'w1', failure: ioError() });
    expect(g.state).toBe('failed');
    expect(g.stageState(1)).toBe('failed');
    expect(g.error).toMatchObject({ sqlState: '58030', stageId: 1, partition: 0 });
    expect(g.error!.message).toMatch(/partition 0 of stage 1 of job job-1 failed 5 times; last error: could not read/);
    // The other running task is killed.
    expect(kinds(g.drainEffects())).toEqual(['kill 1.1@w2', 'job_failed']);
    expect(g.taskFinished({ task: other.task, workerId: 'w2', partitions: [] })).toBe('ignored');
  });

  it('a deterministic error fails the job at once with its SQLSTATE', () => {
    const g = newJob();
    const [a, b, c] = popAll(g, ['w1', 'w2']);
    const failure = taskFailureFromError(new LochError('22012', 'division by zero'));
    expect(failure).toMatchObject({ retryable: false, countToFailures: true });
    g.taskFailed({ task: b!.task, workerId: b!.workerId, failure });
    expect(g.state).toBe('failed');
    expect(g.error).toMatchObject({ sqlState: '22012', message: 'division by zero', stageId: 1, partition: 1 });
    expect(kinds(g.drainEffects())).toEqual(['kill 1.0@w1', 'kill 2.0@w1', 'kill 2.1@w2', 'kill 2.2@w1', 'job_failed']);
    expect(g.popNextTask({ workerId: 'w1' })).toBeNull();
    expect(succeed(g, a!)).toBe('ignored');
    expect(succeed(g, c!)).toBe('ignored');
  });

  it('a worker lost mid-stage: its running tasks run again elsewhere, not counted as failures', () => {
    const g = newJob();
    const maps = popAll(g, ['w1', 'w2']);
    succeed(g, maps[0]!); // 1.0 on w1
    g.executorLost('w2'); // was running 1.1 and 2.1
    expect(g.runningTasks().map((r) => `${r.task.stageId}.${r.task.partition}`)).toEqual(['2.0', '2.2']);
    expect(g.popNextTask({ workerId: 'w2' })).toBeNull(); // a lost worker gets nothing
    const again = popAll(g, ['w3']);
    expect(names(again)).toEqual(['1.1@1', '2.1@1']);
    expect(g.summary().map((s) => s.taskFailures)).toEqual([0, 0, 0, 0]);
    expect(g.summary()[0]).toMatchObject({ partitionsDone: 1, tasksRunning: 1, tasksLaunched: 3, outputRows: 100 + 101, outputBytes: 2 * 4096 });
    // The lost worker's late report is stale.
    expect(succeed(g, maps[1]!)).toBe('ignored');
    for (const l of [...again, maps[2]!, maps[4]!]) succeed(g, l);
    expect(states(g)).toBe('1:successful@0 2:successful@0 3:resolved@0 4:unresolved@0');
  });

  it('a worker lost after its stage completed: only the missing partitions are recomputed', () => {
    const g = newJob();
    const maps = finishMapStages(g, ['w1', 'w2']); // stage 1: p0 w1, p1 w2; stage 2: p0 w1, p1 w2, p2 w1
    const [j0, j1] = popAll(g, ['w1', 'w3']);
    succeed(g, j0!); // join partition 0 done on w1
    g.drainEffects();
    g.executorLost('w2');
    // Both map stages reopen for their lost partitions; the join stage rolls back and its running task is killed.
    expect(states(g)).toBe('1:resolved@1 2:resolved@1 3:unresolved@1 4:unresolved@0');
    expect(kinds(g.drainEffects())).toEqual(['kill 3.1@w3']);
    // Launches already handed out keep the inputs they were given.
    expect(j1!.inputs[0]!.outputs.map((o) => o.workerId)).toEqual(['w1', 'w2']);
    const redo = popAll(g, ['w3']);
    expect(names(redo)).toEqual(['1.1@1', '2.1@1']);
    expect(redo.map((l) => l.task.stageAttempt)).toEqual([1, 1]);
    // The killed join task's report is from an old stage attempt: ignored.
    expect(succeed(g, j1!)).toBe('ignored');
    for (const l of redo) succeed(g, l);
    // Join partition 0 kept its output; only partition 1 runs, with the surviving and recomputed map outputs.
    const joins = popAll(g, ['w1', 'w3']);
    expect(names(joins)).toEqual(['3.1@1']);
    expect(joins[0]!.inputs[0]!.outputs.map((o) => `${o.mapPartition}:${o.workerId}#${o.taskId}`))
      .toEqual([`0:w1#${maps[0]!.task.taskId}`, `1:w3#${redo[0]!.task.taskId}`]);
    succeed(g, joins[0]!);
    succeed(g, popAll(g, ['w1'])[0]!);
    expect(g.state).toBe('successful');
  });

  it('outputs nobody needs any more are not recomputed', () => {
    const g = newJob();
    finishMapStages(g, ['w1', 'w2']);
    for (const j of popAll(g, ['w3'])) succeed(g, j); // the join stage is done, on w3
    const final = g.popNextTask({ workerId: 'w3' })!;
    g.executorLost('w2'); // loses map outputs, which only the finished join stage read
    expect(states(g)).toBe('1:successful@0 2:successful@0 3:successful@0 4:running@0');
    expect(popAll(g, ['w1'])).toEqual([]);
    succeed(g, final);
    expect(g.state).toBe('successful');
  });

  it('losing the join outputs too reopens every stage on the path, in order', () => {
    const g = newJob();
    finishMapStages(g, ['w1', 'w2']);
    for (const j of popAll(g, ['w2', 'w1'])) succeed(g, j); // join p0 on w2, p1 on w1
    g.popNextTask({ workerId: 'w1' });
    g.executorLost('w2');
    expect(states(g)).toBe('1:resolved@1 2:resolved@1 3:unresolved@1 4:unresolved@1');
    const redo = popAll(g, ['w1']);
    expect(names(redo)).toEqual(['1.1@1', '2.1@1']);
    for (const l of redo) succeed(g, l);
    const join = popAll(g, ['w1']);
    expect(names(join)).toEqual(['3.0@1']);
    succeed(g, join[0]!);
    const final = popAll(g, ['w1']);
    expect(names(final)).toEqual(['4.0@1']);
    succeed(g, final[0]!);
    expect(g.state).toBe('successful');
  });

  it('a fetch failure rolls the reading stage back and re-runs the lost map task only', () => {
    const g = newJob();
    const maps = finishMapStages(g, ['w1', 'w2']);
    const [j0, j1] = popAll(g, ['w1', 'w3']);
    g.drainEffects();
    const lost = maps[3]!; // stage 2 partition 1, on w2
    const location = { mapStageId: 2, mapPartition: 1, mapTaskAttempt: 0, workerId: 'w2' };
    expect(g.fetchFailed(j0!.task, 'w1', location, 'connection refused')).toBe('accepted');
    expect(states(g)).toBe('1:successful@0 2:resolved@1 3:unresolved@1 4:unresolved@0');
    expect(kinds(g.drainEffects())).toEqual(['kill 3.1@w3']);
    // A second reducer's report about the same location comes from the old attempt: ignored.
    expect(g.fetchFailed(j1!.task, 'w3', location)).toBe('ignored');
    const redo = popAll(g, ['w1', 'w3']);
    expect(names(redo)).toEqual(['2.1@1']);
    expect(redo[0]!.task.taskId).not.toBe(lost.task.taskId);
    succeed(g, redo[0]!);
    const joins = popAll(g, ['w1', 'w3']);
    expect(names(joins)).toEqual(['3.0@1', '3.1@1']);
    expect(joins[0]!.inputs[1]!.outputs[1]!.taskAttempt).toBe(1);
    // A fetch failure naming the replaced map attempt does not throw away its replacement.
    expect(g.fetchFailed(joins[1]!.task, 'w3', location)).toBe('accepted');
    expect(states(g)).toBe('1:successful@0 2:successful@1 3:running@1 4:unresolved@0');
    const retry = popAll(g, ['w3']);
    expect(names(retry)).toEqual(['3.1@2']);
    joins[1] = retry[0]!;
    // Fetch failures do not count towards task retries.
    expect(g.summary().map((s) => s.taskFailures)).toEqual([0, 0, 0, 0]);
    for (const j of joins) succeed(g, j);
    succeed(g, popAll(g, ['w1'])[0]!);
    expect(g.state).toBe('successful');
  });

  it('a stage that keeps failing to fetch fails the job after 4 rollbacks', () => {
    const g = newJob();
    finishMapStages(g, ['w1', 'w2']);
    for (let rollback = 1; rollback <= 5; rollback++) {
      const reader = popAll(g, ['w1']).find((l) => l.task.stageId === 3)!;
      const out = reader.inputs[0]!.outputs[0]!;
      g.fetchFailed(reader.task, 'w1', { mapStageId: 1, mapPartition: 0, mapTaskAttempt: out.taskAttempt, workerId: out.workerId });
      if (rollback <= 4) {
        expect(g.state).toBe('running');
        for (const m of popAll(g, ['w1']).filter((l) => l.task.stageId === 1)) succeed(g, m);
      }
    }
    expect(g.state).toBe('failed');
    expect(g.error).toMatchObject({ sqlState: '58030', retryable: true, stageId: 3 });
  });

  it('ignores stale reports: old task attempt, old stage attempt, wrong worker, unknown task, duplicates', () => {
    const g = newJob();
    const first = g.popNextTask({ workerId: 'w1' })!;
    g.taskFailed({ task: first.task, workerId: 'w1', failure: workerLostFailure('w1') });
    const second = g.popNextTask({ workerId: 'w2' })!;
    expect(names([second])).toEqual(['1.0@1']);
    expect(succeed(g, first)).toBe('ignored'); // older task attempt of the same partition
    expect(g.taskFailed({ task: first.task, workerId: 'w1', failure: ioError() })).toBe('ignored');
    expect(g.taskFinished({ task: second.task, workerId: 'w9', partitions: [] })).toBe('ignored');
    expect(g.taskFinished({ task: { ...second.task, stageAttempt: 7 }, workerId: 'w2', partitions: [] })).toBe('ignored');
    expect(g.taskFinished({ task: { ...second.task, taskId: 99 }, workerId: 'w2', partitions: [] })).toBe('ignored');
    expect(g.taskFinished({ task: { ...second.task, jobId: 'job-2' }, workerId: 'w2', partitions: [] })).toBe('ignored');
    expect(g.summary()[0]).toMatchObject({ partitionsDone: 0, tasksRunning: 1, taskFailures: 0 });
    expect(g.taskFinished({ task: second.task, workerId: 'w2', partitions: shuffleFiles(second.task) })).toBe('accepted');
    expect(succeed(g, second)).toBe('ignored'); // a duplicate
    expect(g.summary()[0]).toMatchObject({ partitionsDone: 1, tasksRunning: 0 });
  });

  it('a task killed without being asked is rescheduled, not counted', () => {
    const g = newJob();
    const l = g.popNextTask({ workerId: 'w1' })!;
    expect(g.taskFailed({ task: l.task, workerId: 'w1', failure: killedFailure('worker shutting down') })).toBe('accepted');
    expect(g.state).toBe('running');
    expect(names([g.popNextTask({ workerId: 'w2' })!])).toEqual(['1.0@1']);
  });

  it('cancel kills every running task and ends the job with 57014', () => {
    const g = newJob();
    const running: TaskLaunch<string>[] = popAll(g, ['w1', 'w2']);
    succeed(g, running[0]!);
    g.drainEffects();
    expect(g.cancel()).toBe(true);
    expect(g.state).toBe('cancelled');
    expect(kinds(g.drainEffects())).toEqual(['kill 1.1@w2', 'kill 2.0@w1', 'kill 2.1@w2', 'kill 2.2@w1', 'job_failed']);
    expect(g.error).toMatchObject({ sqlState: '57014' });
    expect(g.popNextTask({ workerId: 'w1' })).toBeNull();
    expect(succeed(g, running[1]!)).toBe('ignored');
    expect(g.cancel()).toBe(false);
    expect(g.drainEffects()).toEqual([]);
  });

  it('rejects graphs that are not a DAG with one final stage', () => {
    const stage = (stageId: number, inputStageIds: number[]) => ({ stageId, partitions: 1, inputStageIds, plan: '' });
    expect(() => new ExecutionGraph('j', [stage(1, [2]), stage(2, [1]), stage(3, [])])).toThrow(LochError);
    expect(() => new ExecutionGraph('j', [stage(1, [5])])).toThrow(/stage 1 reads stage 5, which does not exist/);
    expect(() => new ExecutionGraph('j', [stage(1, []), stage(2, [])])).toThrow(/expected one final stage, found 2/);
    expect(() => new ExecutionGraph('j', [stage(1, []), stage(1, [])])).toThrow(/defined twice/);
    expect(() => new ExecutionGraph('j', [{ ...stage(1, []), partitions: 0 }])).toThrow(/0 partitions/);
  });
});
