/**
 * Reads a finished job's result: the partition-0 shuffle file of every final-stage task
 * (the final stage is rooted in ShuffleWriteExec(single)), fetched from its worker with
 * FetchShufflePartition in task-partition order and decoded from Arrow IPC into Batches.
 * The coordinator cannot use worker/shuffle, so this is its own small reader: one file at a
 * time, which keeps the result in order and memory bounded by one ~1 MB chunk plus a batch.
 */
import * as arrow from 'apache-arrow';
import { type Batch, LochError, SqlState, fromRecordBatch } from '../../core/index.ts';
import type { loch } from '../../proto/index.ts';
import type { MapOutput } from '../scheduler/index.ts';
import type { WorkerClients } from './worker-clients.ts';

/** What a result read moved. */
export interface ResultReadMetrics {
  rows: number;
  bytes: number;
}

/** The wire locations of a final stage's result files, in task-partition order. */
export function resultLocations(
  jobId: string, outputs: readonly MapOutput[], workerAddress: (workerId: string) => string | undefined,
): loch.v1.PartitionLocation.$Properties[] {
  const out: loch.v1.PartitionLocation.$Properties[] = [];
  for (const m of [...outputs].sort((a, b) => a.mapPartition - b.mapPartition)) {
    for (const f of m.partitions) {
      if (f.outputPartition !== 0) continue;
      const address = workerAddress(m.workerId);
      if (address === undefined) {
        throw new LochError(SqlState.ioError, `result partition ${m.mapPartition} of job ${jobId} is on worker ${m.workerId}, which is no longer known`);
      }
      out.push({
        mapTask: { jobId, mapStageId: m.stageId, mapStageAttempt: m.stageAttempt, mapPartition: m.mapPartition, mapTaskAttempt: m.taskAttempt },
        outputPartition: 0, workerId: m.workerId, workerAddress: address, path: f.path, stats: { rows: f.rows, bytes: f.bytes },
      });
    }
  }
  return out;
}

/** Streams the batches of every location, one file after the other. */
export async function* readResult(
  clients: WorkerClients, locations: readonly loch.v1.PartitionLocation.$Properties[], signal: AbortSignal | undefined, metrics: ResultReadMetrics,
): AsyncGenerator<Batch> {
  for (const location of locations) {
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of clients.fetchPartition(location.workerAddress ?? '', location, signal)) {
        metrics.bytes += chunk.length;
        yield chunk;
      }
    };
    let reader: arrow.AsyncRecordBatchStreamReader;
    try {
      reader = await arrow.RecordBatchReader.from(counted()) as arrow.AsyncRecordBatchStreamReader;
      await reader.open();
    } catch (e) {
      throw asResultError(e, location);
    }
    for (;;) {
      let r: IteratorResult<arrow.RecordBatch>;
      try {
        r = await reader.next();
      } catch (e) {
        throw asResultError(e, location);
      }
      if (r.done) break;
      if (r.value.numRows === 0) continue;
      metrics.rows += r.value.numRows;
      yield fromRecordBatch(r.value);
    }
  }
}

function asResultError(e: unknown, location: loch.v1.PartitionLocation.$Properties): LochError {
  if (e instanceof LochError) return e;
  return new LochError(SqlState.ioError,
    `result file ${location.path ?? ''} of worker ${location.workerId ?? ''} is not a readable Arrow IPC stream: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}
