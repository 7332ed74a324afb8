/**
 * Where shuffle files live on a worker's disk, and the identities that address them
 * (DESIGN.md "Shuffle"; proto/loch/v1/identity.proto MapTaskIdentity / PartitionLocation).
 *
 *   <shuffleRoot>/<jobId>/<mapStageId>/<mapPartition>/<mapStageAttempt>-<mapTaskAttempt>/part-<n>.arrow
 *                                                      └─ written as "….tmp-<nonce>" and renamed
 *                                                         into place when the map task succeeds
 *
 * The attempt directory names both the stage attempt and the task attempt: after a stage
 * rollback a re-run map task starts again at task attempt 0 and must not meet the files of
 * the earlier stage attempt. Each file is an Arrow IPC *stream* (schema, record batches, EOS),
 * so a reducer can decode it from a byte stream without seeking to a footer.
 */
import { join } from 'node:path';
import { LochError, SqlState } from '../../core/index.ts';
import type { loch } from '../../proto/index.ts';

/** One attempt of one map task (mirrors proto MapTaskIdentity). */
export interface ShuffleMapTask {
  readonly jobId: string;
  readonly mapStageId: number;
  readonly mapStageAttempt: number;
  readonly mapPartition: number;
  readonly mapTaskAttempt: number;
}

/**
 * One shuffle file a reduce task reads: a map task's output partition on one worker.
 * Same shape as planner/distributed `ShuffleLocation`, so plan nodes pass straight through.
 */
export interface MapOutputLocation extends ShuffleMapTask {
  readonly outputPartition: number;
  readonly workerId: string;
  /** host:port of the worker's gRPC server, for remote fetches. */
  readonly workerAddress: string;
  /** Path on the owning worker's disk (informative; servers derive it from the identity). */
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

const SAFE_JOB_ID = /^[A-Za-z0-9_.-]{1,200}$/;

/** Rejects job ids that could escape the shuffle root when used as a directory name. */
export function checkJobId(jobId: string): string {
  if (!SAFE_JOB_ID.test(jobId) || jobId === '.' || jobId === '..') {
    throw new LochError(SqlState.invalidParameterValue, `shuffle job id "${jobId}" is not a valid directory name`);
  }
  return jobId;
}

function checkIndex(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new LochError(SqlState.invalidParameterValue, `shuffle ${name} ${value} is not a non-negative integer`);
  return value;
}

/** Directory of all shuffle files of a job. */
export function jobDir(shuffleRoot: string, jobId: string): string {
  return join(shuffleRoot, checkJobId(jobId));
}

/** The committed directory of one map task attempt. */
export function mapAttemptDir(shuffleRoot: string, task: ShuffleMapTask): string {
  return join(
    jobDir(shuffleRoot, task.jobId),
    String(checkIndex('stage id', task.mapStageId)),
    String(checkIndex('map partition', task.mapPartition)),
    `${checkIndex('stage attempt', task.mapStageAttempt)}-${checkIndex('task attempt', task.mapTaskAttempt)}`,
  );
}

/** File name of output partition `n` inside an attempt directory. */
export function partitionFileName(outputPartition: number): string {
  return `part-${checkIndex('output partition', outputPartition)}.arrow`;
}

/** Path of one committed shuffle file. */
export function partitionFilePath(shuffleRoot: string, task: ShuffleMapTask, outputPartition: number): string {
  return join(mapAttemptDir(shuffleRoot, task), partitionFileName(outputPartition));
}

/** A location as proto PartitionLocation (for the fetch RPC and map output registration). */
export function toPartitionLocationProto(loc: MapOutputLocation): loch.v1.PartitionLocation.$Properties {
  return {
    mapTask: {
      jobId: loc.jobId, mapStageId: loc.mapStageId, mapStageAttempt: loc.mapStageAttempt,
      mapPartition: loc.mapPartition, mapTaskAttempt: loc.mapTaskAttempt,
    },
    outputPartition: loc.outputPartition,
    workerId: loc.workerId,
    workerAddress: loc.workerAddress,
    path: loc.path,
    stats: { rows: loc.rows, bytes: loc.bytes },
  };
}

/** A proto PartitionLocation as a location (missing fields read as proto3 defaults). */
export function fromPartitionLocationProto(p: loch.v1.PartitionLocation.$Properties): MapOutputLocation {
  const m = p.mapTask ?? {};
  return {
    jobId: m.jobId ?? '', mapStageId: m.mapStageId ?? 0, mapStageAttempt: m.mapStageAttempt ?? 0,
    mapPartition: m.mapPartition ?? 0, mapTaskAttempt: m.mapTaskAttempt ?? 0,
    outputPartition: p.outputPartition ?? 0,
    workerId: p.workerId ?? '',
    workerAddress: p.workerAddress ?? '',
    path: p.path ?? '',
    rows: Number(p.stats?.rows ?? 0),
    bytes: Number(p.stats?.bytes ?? 0),
  };
}

/** "job j1 stage 2.0 map 3.1 partition 5 on worker w2 (127.0.0.1:7001)", for error messages. */
export function describeLocation(loc: MapOutputLocation): string {
  return `shuffle file of job ${loc.jobId} stage ${loc.mapStageId} (attempt ${loc.mapStageAttempt}) map partition ` +
    `${loc.mapPartition} (attempt ${loc.mapTaskAttempt}) output partition ${loc.outputPartition} on worker ` +
    `${loc.workerId || '?'}${loc.workerAddress ? ` (${loc.workerAddress})` : ''}`;
}
