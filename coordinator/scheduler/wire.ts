/**
 * The scheduler's values on the wire: conversions between scheduler-types.ts and the proto
 * messages of proto/loch/v1 (identity.proto, failure.proto, coordinator.proto), so the gRPC
 * layer turns a worker's UpdateTaskStatus into events and a TaskLaunch's inputs into the
 * ShuffleReadExec partitions of its stage plan without knowing scheduler internals.
 *
 * `From` functions accept decoded messages and plain objects alike (unset fields read as their
 * proto3 defaults).
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { loch } from '../../proto/index.ts';
import type { SchedulerEvent } from './event-loop.ts';
import type { JobError, MapLocation, ShufflePartitionLocation, StageInput, TaskFailure, TaskIdentity } from './scheduler-types.ts';

type WireTaskIdentity = loch.v1.TaskIdentity.$Properties;
type WireTaskFailure = loch.v1.TaskFailure.$Properties;
type WirePartitionLocation = loch.v1.PartitionLocation.$Properties;

/** A task identity as proto TaskIdentity. */
export function taskIdentityToWire(t: TaskIdentity): WireTaskIdentity {
  return { jobId: t.jobId, stageId: t.stageId, stageAttempt: t.stageAttempt, partition: t.partition, taskId: t.taskId, taskAttempt: t.taskAttempt };
}

/** A proto TaskIdentity as the scheduler's; a missing one is a malformed report. */
export function taskIdentityFromWire(m: WireTaskIdentity | null | undefined): TaskIdentity {
  if (m == null) throw malformed('a task status without its task identity');
  return {
    jobId: m.jobId ?? '', stageId: m.stageId ?? 0, stageAttempt: m.stageAttempt ?? 0,
    partition: m.partition ?? 0, taskId: m.taskId ?? 0, taskAttempt: m.taskAttempt ?? 0,
  };
}

/** A typed failure as proto TaskFailure (the worker side). */
export function taskFailureToWire(f: TaskFailure): WireTaskFailure {
  const base = { retryable: f.retryable, countToFailures: f.countToFailures };
  const r = f.reason;
  switch (r.kind) {
    case 'execution_error': return { ...base, executionError: { sqlstate: r.sqlState, message: r.message } };
    case 'fetch_failure': return { ...base, fetchFailure: { message: r.message, location: {
      mapTask: { mapStageId: r.location.mapStageId, mapPartition: r.location.mapPartition, mapTaskAttempt: r.location.mapTaskAttempt },
      workerId: r.location.workerId,
    } } };
    case 'worker_lost': return { ...base, workerLost: { workerId: r.workerId } };
    case 'killed': return { ...base, killed: { reason: r.reason } };
  }
}

/** A proto TaskFailure as the scheduler's typed failure; one without a reason is malformed. */
export function taskFailureFromWire(m: WireTaskFailure): TaskFailure {
  const base = { retryable: m.retryable ?? false, countToFailures: m.countToFailures ?? false };
  if (m.executionError != null) {
    return { ...base, reason: { kind: 'execution_error', sqlState: m.executionError.sqlstate || SqlState.internalError, message: m.executionError.message ?? '' } };
  }
  if (m.fetchFailure != null) {
    const loc = m.fetchFailure.location;
    if (loc == null) throw malformed('a fetch failure without the location that failed');
    const location: MapLocation = {
      mapStageId: loc.mapTask?.mapStageId ?? 0, mapPartition: loc.mapTask?.mapPartition ?? 0,
      mapTaskAttempt: loc.mapTask?.mapTaskAttempt ?? 0, workerId: loc.workerId ?? '',
    };
    return { ...base, reason: { kind: 'fetch_failure', location, message: m.fetchFailure.message ?? '' } };
  }
  if (m.workerLost != null) return { ...base, reason: { kind: 'worker_lost', workerId: m.workerLost.workerId ?? '' } };
  if (m.killed != null) return { ...base, reason: { kind: 'killed', reason: m.killed.reason ?? '' } };
  throw malformed('a task failure without a reason');
}

/** The event a worker's TaskStatus becomes (every status a worker sends is final: succeeded or failed). */
export function eventFromTaskStatus(status: loch.v1.TaskStatus.$Properties): SchedulerEvent<never> {
  const task = taskIdentityFromWire(status.task);
  const workerId = status.workerId ?? '';
  if (status.succeeded != null) {
    const partitions: ShufflePartitionLocation[] = (status.succeeded.locations ?? []).map((l) => ({
      // int64 stats may decode as strings or Longs: Number() keeps the stage sums numeric
      outputPartition: l.outputPartition ?? 0, path: l.path ?? '', rows: Number(l.stats?.rows ?? 0), bytes: Number(l.stats?.bytes ?? 0),
    }));
    return { kind: 'task_succeeded', report: { task, workerId, partitions } };
  }
  if (status.failed != null) return { kind: 'task_failed', report: { task, workerId, failure: taskFailureFromWire(status.failed) } };
  throw malformed(`task ${task.taskId} of job ${task.jobId} reported neither success nor failure`);
}

/**
 * What each reduce partition of a task's stage reads from one input stage (the
 * ShuffleReadExec.partitions of the plan). `exchange` is how the input stage wrote its rows:
 * - 'keyed' (hash, round robin): reduce partition p reads output partition p of every map output;
 * - 'whole' (single, broadcast): every map task wrote only partition 0, and every reduce
 *   partition reads the partition-0 file of every map output (a broadcast is read whole by
 *   each task; a single exchange has one reader).
 * `workerAddress` maps a worker id to the host:port reducers fetch from.
 */
export function shuffleReadPartitions(
  jobId: string, input: StageInput, reducePartitions: number, workerAddress: (workerId: string) => string,
  exchange: 'keyed' | 'whole' = 'keyed',
): loch.v1.ShuffleReadPartition.$Properties[] {
  const out: WirePartitionLocation[][] = Array.from({ length: reducePartitions }, () => []);
  for (const m of input.outputs) {
    const mapTask = { jobId, mapStageId: m.stageId, mapStageAttempt: m.stageAttempt, mapPartition: m.mapPartition, mapTaskAttempt: m.taskAttempt };
    for (const f of m.partitions) {
      const location: WirePartitionLocation = {
        mapTask, outputPartition: f.outputPartition, workerId: m.workerId, workerAddress: workerAddress(m.workerId),
        path: f.path, stats: { rows: f.rows, bytes: f.bytes },
      };
      if (exchange === 'whole') {
        if (f.outputPartition !== 0) {
          throw new LochError(SqlState.internalError,
            `map output ${m.mapPartition} of stage ${m.stageId} of job ${jobId} has partition ${f.outputPartition}, but a single or broadcast exchange writes partition 0 only`);
        }
        for (const target of out) target.push(location);
        continue;
      }
      const target = out[f.outputPartition];
      if (target === undefined) {
        throw new LochError(SqlState.internalError,
          `map output ${m.mapPartition} of stage ${m.stageId} of job ${jobId} has partition ${f.outputPartition}, beyond the ${reducePartitions} its reader has`);
      }
      target.push(location);
    }
  }
  return out.map((locations) => ({ locations }));
}

/** A job's error as proto JobError (the client sees it in JobFailed). */
export function jobErrorToWire(e: JobError): loch.v1.JobError.$Properties {
  return { sqlstate: e.sqlState, message: e.message, retryable: e.retryable, stageId: e.stageId ?? null, partition: e.partition ?? null };
}

function malformed(what: string): LochError {
  return new LochError(SqlState.internalError, `malformed message from a worker: ${what}`);
}
