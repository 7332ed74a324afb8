/**
 * Reads a finished job's result: the partition-0 shuffle file of every final-stage task
 * (the final stage is rooted in ShuffleWriteExec(single)), fetched from its worker with
 * FetchShufflePartition in task-partition order and decoded from Arrow IPC into Batches.
 * The coordinator cannot use worker/shuffle, so this is its own small reader: one file at a
 * time, which keeps the result in order and memory bounded by one ~1 MB chunk plus a batch.
 * A file of at most WHOLE_FILE_BYTES (most results: a few rows) is fetched whole and decoded
 * synchronously: arrow's async stream reader costs ~0.5 ms of CPU per small file, the sync
 * one ~0.05 ms.
 */
import * as arrow from 'apache-arrow';
import { type Batch, LochError, SqlState, fromRecordBatch } from '../../core/index.ts';
import type { loch } from '../../proto/index.ts';
import type { MapOutput } from '../scheduler/index.ts';
import type { WorkerClients } from './worker-clients.ts';

/** Result files up to this size are fetched whole and decoded in one synchronous pass. */
const WHOLE_FILE_BYTES = 4 << 20;

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
    const size = Number(location.stats?.bytes ?? -1);
    if (size >= 0 && size <= WHOLE_FILE_BYTES) {
      yield* readWholeFile(clients, location, signal, metrics);
      continue;
    }
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

/** The batches of one small result file: its chunks joined, then decoded synchronously. */
async function* readWholeFile(
  clients: WorkerClients, location: loch.v1.PartitionLocation.$Properties, signal: AbortSignal | undefined, metrics: ResultReadMetrics,
): AsyncGenerator<Batch> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of clients.fetchPartition(location.workerAddress ?? '', location, signal)) {
    metrics.bytes += chunk.length;
    chunks.push(chunk);
  }
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  let batches: arrow.RecordBatch[];
  try {
    batches = [...arrow.RecordBatchReader.from(bytes)];
  } catch (e) {
    throw asResultError(e, location);
  }
  for (const b of batches) {
    if (b.numRows === 0) continue;
    metrics.rows += b.numRows;
    yield fromRecordBatch(b);
  }
}

function asResultError(e: unknown, location: loch.v1.PartitionLocation.$Properties): LochError {
  if (e instanceof LochError) return e;
  return new LochError(SqlState.ioError,
    `result file ${location.path ?? ''} of worker ${location.workerId ?? ''} is not a readable Arrow IPC stream: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}
