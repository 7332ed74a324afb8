/**
 * The reduce side of a shuffle: the batches of one reduce partition, read from every map
 * output that holds it. Files on this worker are read from disk, and so are files of other
 * workers on the same host (Spark's spark.shuffle.readHostLocalDisk: the embedded cluster's
 * workers share a disk, and serving them over gRPC cost their main threads as much CPU as the
 * reads themselves); the others are fetched from their workers with FetchShufflePartition
 * (Spark's ShuffleBlockFetcherIterator, simplified). A host-local file that cannot be opened
 * is fetched over gRPC instead.
 *
 * A file on this host of known size up to WHOLE_FILE_BYTES is read whole and decoded
 * synchronously, its batches viewing the one buffer (Arrow JS's async stream reader copied
 * every message and cost a promise per chunk); larger ones are decoded as a stream. The whole
 * read is a synchronous one too: the task owns its thread, and fs/promises' readFile makes four
 * thread-pool round trips (open, stat, read, close) — 0.4–0.7 ms per file against 0.05 ms, on
 * reduce tasks that read one small file per map task.
 *
 *   pending locations (remote first, so the network overlaps the local reads)
 *      │ admitted while  sources running < maxRequestsInFlight
 *      │            and  reserved bytes + location bytes ≤ maxBytesInFlight (or nothing is reserved)
 *      ▼
 *   source: bytes ─► Arrow IPC stream decoder ─► queue ─► yield to the consumer
 *      a source pauses while the queue holds more than maxBytesInFlight
 *
 * A location's reservation is released when its last batch has been consumed. Any failure
 * reading a location raises ShuffleFetchError naming it; the first failure, an abort of the
 * signal, or the consumer stopping early cancels every other source.
 */
import { createReadStream, readFileSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import { type Batch, type BatchField, LochError, SqlState, fromRecordBatch, typesEqual, fromArrowField } from '../../core/index.ts';
import { ARROW_CHUNK_BYTES } from '../../proto/index.ts';
import { batchBytes } from '../kernels/take.ts';
import { ShuffleFetchError } from './fetch-failure.ts';
import { IPC_EOS } from './ipc-stream-framing.ts';
import { type ShuffleClientPool, fetchRemotePartition } from './shuffle-fetch-client.ts';
import { type MapOutputLocation, partitionFilePath } from './shuffle-layout.ts';

/** What a reduce task reads, and the limits of reading it. */
export interface ShuffleReadOptions {
  /** The map outputs of this reduce partition. */
  readonly locations: readonly MapOutputLocation[];
  /** This worker's id: locations on it are read from disk. */
  readonly localWorkerId: string;
  /**
   * This worker's host:port: locations of other workers whose address has the same host are
   * read from `location.path` on disk (host-local reads) when `hostLocalReads` is not false.
   */
  readonly localWorkerAddress?: string;
  /** Read other same-host workers' files from disk (default true when `localWorkerAddress` is given). */
  readonly hostLocalReads?: boolean;
  /** This worker's shuffle directory (local paths are derived from it; else `location.path`). */
  readonly shuffleRoot?: string;
  /** Channels for remote fetches; required when any location is remote. */
  readonly clients?: ShuffleClientPool;
  /** Expected columns: every file's schema is checked against them. */
  readonly fields?: readonly BatchField[];
  /** Bytes of map output being fetched or queued at once (default 48 MiB, Spark's maxSizeInFlight). */
  readonly maxBytesInFlight?: number;
  /** Locations read at once (default 5). */
  readonly maxRequestsInFlight?: number;
  /** Chunk size asked of remote workers and used for local reads (default 1 MiB). */
  readonly chunkBytes?: number;
  readonly signal?: AbortSignal;
  /** Counters to add this read's bytes and rows to (EXPLAIN ANALYZE, bytes shuffled per query). */
  readonly metrics?: ShuffleReadMetrics;
}

/** What a shuffle read moved. */
export interface ShuffleReadMetrics {
  localBytes: number;
  remoteBytes: number;
  rows: number;
  /** Locations read to the end. */
  locationsRead: number;
}

/** Files of at most this many bytes are read whole and decoded synchronously. */
export const WHOLE_FILE_BYTES = 64 << 20;

/** The host of a host:port address ('' when there is none); IPv6 brackets kept. */
export function hostOf(address: string): string {
  const colon = address.lastIndexOf(':');
  return colon <= 0 ? '' : address.slice(0, colon);
}

/** Zeroed read metrics. */
export function newShuffleReadMetrics(): ShuffleReadMetrics {
  return { localBytes: 0, remoteBytes: 0, rows: 0, locationsRead: 0 };
}

type QueueItem = { readonly batch: Batch; readonly bytes: number } | { readonly done: MapOutputLocation };

function cancelled(cause?: unknown): LochError {
  return new LochError(SqlState.queryCanceled, 'canceling statement due to user request', { cause });
}

/** Streams the batches of one reduce partition from all its map outputs (in no particular order). */
export async function* readShufflePartition(options: ShuffleReadOptions): AsyncGenerator<Batch> {
  const maxBytes = options.maxBytesInFlight ?? 48 << 20;
  const maxRequests = Math.max(1, options.maxRequestsInFlight ?? 5);
  const isLocal = (l: MapOutputLocation): boolean => l.workerId === options.localWorkerId;
  const pending = [...options.locations.filter((l) => !isLocal(l)), ...options.locations.filter(isLocal)];
  const total = pending.length;
  const controller = new AbortController();
  const outer = options.signal;
  const queue: QueueItem[] = [];
  let queuedBytes = 0;
  let reservedBytes = 0;
  let running = 0;
  let finished = 0;
  let failure: unknown = null;
  let wakeConsumer: (() => void) | null = null;
  let spaceWaiters: (() => void)[] = [];

  const wake = (): void => { const w = wakeConsumer; wakeConsumer = null; w?.(); };
  const wakeProducers = (): void => { const ws = spaceWaiters; spaceWaiters = []; for (const w of ws) w(); };
  const onOuterAbort = (): void => { controller.abort(); wake(); wakeProducers(); };
  outer?.addEventListener('abort', onOuterAbort, { once: true });

  const localHost = options.hostLocalReads === false ? '' : hostOf(options.localWorkerAddress ?? '');
  const isHostLocal = (l: MapOutputLocation): boolean => localHost !== '' && l.path !== '' && hostOf(l.workerAddress) === localHost;

  const run = async (location: MapOutputLocation): Promise<void> => {
    try {
      const local = isLocal(location);
      let batches: AsyncIterable<Batch> | Iterable<Batch> | null = null;
      if (location.bytes > 0 && location.bytes <= WHOLE_FILE_BYTES && (local || isHostLocal(location))) {
        const whole = await fromDisk(location, local, options, controller.signal);
        if (controller.signal.aborted) return;
        if (whole !== null) batches = decodeShuffleBytes(whole, location, options.fields);
      }
      if (batches === null) {
        const source = local ? readLocalFile(location, options, controller.signal) : remoteBytes(location, options, controller.signal);
        const bytes = options.metrics ? countInto(source, options.metrics, local) : source;
        batches = decodeShuffleStream(bytes, location, options.fields);
      }
      for await (const batch of batches) {
        const size = batchBytes(batch);
        queue.push({ batch, bytes: size });
        queuedBytes += size;
        wake();
        while (queuedBytes > maxBytes && !controller.signal.aborted) await new Promise<void>((r) => spaceWaiters.push(r));
        if (controller.signal.aborted) return;
      }
      queue.push({ done: location });
    } catch (e) {
      if (!controller.signal.aborted && failure === null) {
        failure = e instanceof LochError ? e : new ShuffleFetchError(location, e instanceof Error ? e.message : String(e), e);
        controller.abort();
        wakeProducers();
      }
    } finally {
      running--;
      wake();
    }
  };

  const admit = (): void => {
    while (failure === null && !controller.signal.aborted && pending.length > 0 && running < maxRequests) {
      const next = pending[0]!;
      // Over budget waits until earlier locations are consumed (whose "done" calls admit again);
      // with nothing reserved, a location larger than the budget still goes alone.
      if (reservedBytes > 0 && reservedBytes + next.bytes > maxBytes) return;
      pending.shift();
      running++;
      reservedBytes += next.bytes;
      void run(next);
    }
  };

  try {
    admit();
    for (;;) {
      if (failure !== null) throw failure;
      if (outer?.aborted) throw cancelled(outer.reason);
      const item = queue.shift();
      if (item !== undefined) {
        if ('done' in item) {
          reservedBytes -= item.done.bytes;
          finished++;
          if (options.metrics) options.metrics.locationsRead++;
          admit();
          continue;
        }
        queuedBytes -= item.bytes;
        if (queuedBytes <= maxBytes) wakeProducers();
        if (options.metrics) options.metrics.rows += item.batch.length;
        yield item.batch;
        continue;
      }
      if (finished === total) return;
      await new Promise<void>((r) => { wakeConsumer = r; });
    }
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
    controller.abort();
    wakeProducers();
  }
}

async function* countInto(bytes: AsyncIterable<Uint8Array>, metrics: ShuffleReadMetrics, local: boolean): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    if (local) metrics.localBytes += chunk.length;
    else metrics.remoteBytes += chunk.length;
    yield chunk;
  }
}

/**
 * The whole file at `location` (of known size) from this worker's disk, or from the disk of a
 * worker on the same host; null when a host-local file cannot be read (it is fetched instead).
 */
async function fromDisk(location: MapOutputLocation, local: boolean, options: ShuffleReadOptions, signal: AbortSignal): Promise<Uint8Array | null> {
  const path = local && options.shuffleRoot !== undefined ? partitionFilePath(options.shuffleRoot, location, location.outputPartition) : location.path;
  try {
    if (signal.aborted) throw cancelled(signal.reason);
    const bytes = readFileSync(path);
    const metrics = options.metrics;
    if (metrics) {
      // A same-host peer's file still counts as moved between workers (bytes shuffled).
      if (local) metrics.localBytes += bytes.length;
      else metrics.remoteBytes += bytes.length;
    }
    return bytes;
  } catch (e) {
    if (signal.aborted) throw cancelled(e);
    if (local) throw new ShuffleFetchError(location, `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, e);
    // Not readable here after all (another machine with the same host name): fetch it.
    return null;
  }
}

/**
 * Decodes one whole shuffle file into batches (views of `bytes`), checking that it is
 * complete: the registered size and the end-of-stream marker.
 */
export function decodeShuffleBytes(bytes: Uint8Array, location: MapOutputLocation, fields?: readonly BatchField[]): Batch[] {
  const n = bytes.length;
  if (n < IPC_EOS.length || !IPC_EOS.every((b, i) => bytes[n - IPC_EOS.length + i] === b)) {
    throw new ShuffleFetchError(location, `the file is truncated after ${n} bytes (no end-of-stream marker)`);
  }
  if (location.bytes > 0 && n !== location.bytes) {
    throw new ShuffleFetchError(location, `read ${n} bytes where the map task wrote ${location.bytes}`);
  }
  const out: Batch[] = [];
  try {
    const reader = arrow.RecordBatchReader.from(bytes);
    reader.open();
    if (fields) checkSchema(reader.schema, fields, location);
    for (const rb of reader) if (rb.numRows > 0) out.push(fromRecordBatch(rb));
  } catch (e) {
    throw asFetchError(e, location, 'is corrupt');
  }
  return out;
}

function remoteBytes(location: MapOutputLocation, options: ShuffleReadOptions, signal: AbortSignal): AsyncIterable<Uint8Array> {
  if (!options.clients) throw new ShuffleFetchError(location, 'no gRPC client pool was given for remote shuffle reads');
  return fetchRemotePartition(options.clients, location, signal, options.chunkBytes ?? ARROW_CHUNK_BYTES);
}

/** The bytes of a local shuffle file, in chunks; a missing file is a fetch failure. */
export async function* readLocalFile(location: MapOutputLocation, options: Pick<ShuffleReadOptions, 'shuffleRoot' | 'chunkBytes'>, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const path = options.shuffleRoot !== undefined ? partitionFilePath(options.shuffleRoot, location, location.outputPartition) : location.path;
  if (!path) throw new ShuffleFetchError(location, 'the location has no path');
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? ARROW_CHUNK_BYTES });
  const onAbort = (): void => { stream.destroy(); };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } catch (e) {
    if (signal.aborted) throw cancelled(e);
    throw new ShuffleFetchError(location, `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, e);
  } finally {
    signal.removeEventListener('abort', onAbort);
    stream.destroy();
  }
}

/**
 * Decodes one shuffle file's byte stream into batches, checking that it is complete: its size
 * matches the registered size (when known) and it ends with the IPC end-of-stream marker.
 */
export async function* decodeShuffleStream(
  bytes: AsyncIterable<Uint8Array>, location: MapOutputLocation, fields?: readonly BatchField[],
): AsyncGenerator<Batch> {
  let received = 0;
  const tail = new Uint8Array(IPC_EOS.length);
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytes) {
      received += chunk.length;
      if (chunk.length >= tail.length) tail.set(chunk.subarray(chunk.length - tail.length));
      else { tail.copyWithin(0, chunk.length); tail.set(chunk, tail.length - chunk.length); }
      yield chunk;
    }
  }
  let reader: arrow.AsyncRecordBatchStreamReader;
  try {
    reader = await arrow.RecordBatchReader.from(counted()) as arrow.AsyncRecordBatchStreamReader;
    await reader.open();
  } catch (e) {
    throw asFetchError(e, location, 'is not a readable Arrow IPC stream');
  }
  if (fields) checkSchema(reader.schema, fields, location);
  for (;;) {
    let r: IteratorResult<arrow.RecordBatch>;
    try {
      r = await reader.next();
    } catch (e) {
      throw asFetchError(e, location, 'is corrupt');
    }
    if (r.done) break;
    if (r.value.numRows > 0) yield fromRecordBatch(r.value);
  }
  if (received < IPC_EOS.length || !tail.every((b, i) => b === IPC_EOS[i])) {
    throw new ShuffleFetchError(location, `the file is truncated after ${received} bytes (no end-of-stream marker)`);
  }
  if (location.bytes > 0 && received !== location.bytes) {
    throw new ShuffleFetchError(location, `read ${received} bytes where the map task wrote ${location.bytes}`);
  }
}

function asFetchError(e: unknown, location: MapOutputLocation, what: string): LochError {
  if (e instanceof LochError) return e;
  return new ShuffleFetchError(location, `the file ${what}: ${e instanceof Error ? e.message : String(e)}`, e);
}

function checkSchema(schema: arrow.Schema | null, fields: readonly BatchField[], location: MapOutputLocation): void {
  const got = schema?.fields ?? [];
  const ok = got.length === fields.length && got.every((f, i) => typesEqual(fromArrowField(f), fields[i]!.type));
  if (!ok) {
    throw new LochError(SqlState.dataCorrupted, `shuffle file of job ${location.jobId} stage ${location.mapStageId} has columns ` +
      `(${got.map((f) => String(f.type)).join(', ')}) where the reading stage expects ${fields.length} columns`);
  }
}
