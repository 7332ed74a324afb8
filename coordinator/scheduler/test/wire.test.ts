import { describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
import { decodeMessage, encodeMessage } from '../../../proto/index.ts';
import {
  ExecutionGraph, eventFromTaskStatus, fetchFailure, jobErrorToWire, killedFailure, shuffleReadPartitions, taskFailureFromError,
  taskFailureFromWire, taskFailureToWire, taskIdentityFromWire, taskIdentityToWire, workerLostFailure, type TaskFailure,
} from '../index.ts';
import { popAll, succeed, tpchLikeStages } from './fake-workers.ts';

const task = { jobId: 'job-1', stageId: 3, stageAttempt: 2, partition: 1, taskId: 17, taskAttempt: 4 };

describe('scheduler values on the wire', () => {
  it('task identities and every kind of failure survive encode/decode', () => {
    expect(taskIdentityFromWire(decodeMessage('TaskIdentity', encodeMessage('TaskIdentity', taskIdentityToWire(task))))).toEqual(task);
    const zero = { jobId: 'job-1', stageId: 0, stageAttempt: 0, partition: 0, taskId: 0, taskAttempt: 0 };
    expect(taskIdentityFromWire(decodeMessage('TaskIdentity', encodeMessage('TaskIdentity', taskIdentityToWire(zero))))).toEqual(zero);
    const failures: TaskFailure[] = [
      taskFailureFromError(new LochError('22012', 'division by zero')),
      taskFailureFromError(new Error('socket hang up')),
      fetchFailure({ mapStageId: 2, mapPartition: 1, mapTaskAttempt: 3, workerId: 'w2' }, 'connection refused'),
      workerLostFailure('w9'),
      killedFailure('job cancelled'),
    ];
    for (const f of failures) {
      expect(taskFailureFromWire(decodeMessage('TaskFailure', encodeMessage('TaskFailure', taskFailureToWire(f))))).toEqual(f);
    }
    expect(failures[1]).toMatchObject({ retryable: true, reason: { sqlState: 'XX000' } });
    expect(() => taskFailureFromWire({ retryable: true })).toThrow(/without a reason/);
  });

  it('a worker TaskStatus becomes a scheduler event', () => {
    const succeeded = decodeMessage('TaskStatus', encodeMessage('TaskStatus', {
      task: taskIdentityToWire(task), workerId: 'w1',
      succeeded: { locations: [{ outputPartition: 1, path: '/s/1.arrow', stats: { rows: 5, bytes: 700, batches: 1 } }] },
    }));
    expect(eventFromTaskStatus(succeeded)).toEqual({ kind: 'task_succeeded', report: {
      task, workerId: 'w1', partitions: [{ outputPartition: 1, path: '/s/1.arrow', rows: 5, bytes: 700 }],
    } });
    // a gRPC loader decoding int64 as strings: the stage sums must stay numbers (EXPLAIN ANALYZE showed "000001100 rows")
    const asStrings = eventFromTaskStatus({
      task: taskIdentityToWire(task), workerId: 'w1',
      succeeded: { locations: [{ outputPartition: 0, path: '/s/0.arrow', stats: { rows: '5' as never, bytes: '700' as never } }] },
    });
    expect(asStrings.kind === 'task_succeeded' && asStrings.report.partitions).toEqual([{ outputPartition: 0, path: '/s/0.arrow', rows: 5, bytes: 700 }]);
    const failed = decodeMessage('TaskStatus', encodeMessage('TaskStatus', {
      task: taskIdentityToWire(task), workerId: 'w1', failed: taskFailureToWire(workerLostFailure('w1')),
    }));
    expect(eventFromTaskStatus(failed)).toEqual({ kind: 'task_failed', report: { task, workerId: 'w1', failure: workerLostFailure('w1') } });
    expect(() => eventFromTaskStatus({ task: taskIdentityToWire(task) })).toThrow(/neither success nor failure/);
  });

  it('a reducer launch becomes ShuffleReadExec partitions with worker addresses', () => {
    const g = new ExecutionGraph('job-1', tpchLikeStages());
    for (const m of popAll(g, ['w1', 'w2'])) succeed(g, m); // each map task writes files for output partitions 0 and 1
    const join = g.popNextTask({ workerId: 'w1' })!;
    const lineitem = join.inputs.find((i) => i.stageId === 2)!;
    const read = shuffleReadPartitions('job-1', lineitem, 2, (w) => (w === 'w1' ? '10.0.0.1:7001' : '10.0.0.2:7001'));
    expect(read).toHaveLength(2);
    expect(read[1]!.locations!.map((l) => `${l.mapTask!.mapPartition}@${l.workerAddress}:${l.path}`)).toEqual([
      '0@10.0.0.1:7001:/shuffle/job-1/2/0/0/1.arrow',
      '1@10.0.0.2:7001:/shuffle/job-1/2/1/0/1.arrow',
      '2@10.0.0.1:7001:/shuffle/job-1/2/2/0/1.arrow',
    ]);
    const decoded = decodeMessage('ShuffleReadExec', encodeMessage('ShuffleReadExec', { stageId: 2, partitions: read }));
    expect(decoded.partitions![0]!.locations![2]!.mapTask).toMatchObject({ jobId: 'job-1', mapStageId: 2, mapPartition: 2, mapTaskAttempt: 0 });
    expect(() => shuffleReadPartitions('job-1', lineitem, 1, () => '')).toThrow(/beyond the 1 its reader has/);
  });

  it('a broadcast or single input gives every reduce partition the partition-0 file of every map task', () => {
    const input = {
      stageId: 1,
      outputs: [0, 1].map((mapPartition) => ({
        stageId: 1, stageAttempt: 0, mapPartition, taskId: mapPartition, taskAttempt: 0, workerId: `w${mapPartition}`,
        partitions: [{ outputPartition: 0, path: `/s/1/${mapPartition}/0.arrow`, rows: 5, bytes: 50 }],
      })),
    };
    const read = shuffleReadPartitions('job-1', input, 3, (w) => `${w}:1`, 'whole');
    expect(read).toHaveLength(3);
    for (const p of read) expect(p.locations!.map((l) => `${l.workerAddress}${l.path}`)).toEqual(['w0:1/s/1/0/0.arrow', 'w1:1/s/1/1/0.arrow']);
    // Keyed reading of the same outputs leaves reduce partitions 1 and 2 empty: the old mismatch.
    expect(shuffleReadPartitions('job-1', input, 3, (w) => w)[2]!.locations).toEqual([]);
    const bad = { stageId: 1, outputs: [{ ...input.outputs[0]!, partitions: [{ outputPartition: 1, path: 'x', rows: 1, bytes: 1 }] }] };
    expect(() => shuffleReadPartitions('job-1', bad, 2, (w) => w, 'whole')).toThrow(/writes partition 0 only/);
  });

  it('a job error reaches the client with its SQLSTATE', () => {
    const e = decodeMessage('JobError', encodeMessage('JobError', jobErrorToWire({ sqlState: '22012', message: 'division by zero', retryable: false, stageId: 0, partition: 3 })));
    expect([e.sqlstate, e.message, e.retryable, e.stageId, e.partition]).toEqual(['22012', 'division by zero', false, 0, 3]);
    expect(decodeMessage('JobError', encodeMessage('JobError', jobErrorToWire({ sqlState: '57014', message: 'x', retryable: false }))).stageId).toBeNull();
  });
});
