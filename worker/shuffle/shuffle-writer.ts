/**
 * The map side of a shuffle: one map task's batches, partitioned into one Arrow IPC stream
 * file per output partition (layout in shuffle-layout.ts).
 *
 *   write(batch) ─► PartitionedRows (hash / round robin / single)
 *                     └─ gather each partition's rows ─► PartitionBuffer[p]  (bytes accounted)
 *                          buffer[p] ≥ flushBytes or rows ≥ flushRows ─► encode, append to part-p
 *                          all buffers ≥ maxBufferedBytes ─► flush the largest first
 *   commit()  ─► flush all, append EOS, rename "<attempt>.tmp-<nonce>" → "<attempt>"
 *   abort()   ─► delete the temporary directory (nothing becomes visible)
 *
 * Every output partition gets a file, an empty one holding only the schema: a missing file
 * then always means a lost map output. Files are written with awaited writes, so a slow disk
 * holds the producer back instead of growing memory.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync, writevSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as arrow from 'apache-arrow';
import { type Batch, LochError, SqlState, type BatchField, toArrowSchema, toRecordBatch } from '../../core/index.ts';
import { sharedIdentity } from '../kernels/take.ts';
import { PartitionBuffer } from './partition-buffer.ts';
import { IPC_EOS, type IpcStreamFraming, framingFor } from './ipc-stream-framing.ts';
import { type ShuffleMapTask, mapAttemptDir, partitionFileName } from './shuffle-layout.ts';
import { PartitionedRows, type ShufflePartitioning, checkPartitioning, outputPartitionCount } from './shuffle-partitioner.ts';

/** What a map task needs to write its shuffle output. */
export interface ShuffleWriterOptions {
  /** The worker's shuffle directory. */
  readonly shuffleRoot: string;
  readonly mapTask: ShuffleMapTask;
  /** Columns of the input batches. */
  readonly fields: readonly BatchField[];
  readonly partitioning: ShufflePartitioning;
  /**
   * Hash keys computed per batch (e.g. evaluated key expressions: physical-length columns
   * aligned with the batch), used instead of `keyColumns`.
   */
  readonly partitionKeys?: (batch: Batch) => readonly arrow.Data[];
  /** Buffered bytes of one partition that trigger writing it as one record batch (default 1 MiB). */
  readonly flushBytes?: number;
  /** Buffered rows of one partition that trigger a write (default 65536). */
  readonly flushRows?: number;
  /** Bound on the bytes buffered over all partitions (default 32 MiB). */
  readonly maxBufferedBytes?: number;
}

/** One output partition of a committed map task: the map output registered with the coordinator. */
export interface MapOutputPartition {
  readonly outputPartition: number;
  /** Absolute path of the committed file. */
  readonly path: string;
  readonly rows: number;
  readonly batches: number;
  /** File size in bytes. */
  readonly bytes: number;
}

interface PartitionState {
  readonly buffer: PartitionBuffer;
  /** Bytes of `buffer` as last accounted in the writer's total. */
  pendingBytes: number;
  /** The file exists (schema written). */
  started: boolean;
  rows: number;
  batches: number;
  bytes: number;
}

/** Writes one map task attempt's shuffle files. Call `write` per batch, then `commit` or `abort`. */
export class ShuffleWriter {
  private readonly options: ShuffleWriterOptions;
  private readonly schema: arrow.Schema;
  private readonly types: readonly arrow.DataType[];
  private readonly framing: IpcStreamFraming;
  private readonly rows: PartitionedRows;
  private readonly parts: PartitionState[];
  private readonly finalDir: string;
  private readonly tempDir: string;
  private readonly flushBytes: number;
  private readonly flushRows: number;
  private readonly maxBufferedBytes: number;
  private bufferedBytes = 0;
  private state: 'open' | 'committed' | 'aborted' = 'open';
  private dirReady = false;

  constructor(options: ShuffleWriterOptions) {
    this.options = options;
    checkPartitioning(options.partitioning, options.fields.length, options.partitionKeys !== undefined);
    this.schema = toArrowSchema(options.fields);
    this.types = this.schema.fields.map((f) => f.type);
    this.framing = framingFor(this.schema);
    this.rows = new PartitionedRows(options.partitioning, options.mapTask.mapPartition);
    const n = outputPartitionCount(options.partitioning);
    this.parts = Array.from({ length: n }, () => ({ buffer: new PartitionBuffer(this.types), pendingBytes: 0, started: false, rows: 0, batches: 0, bytes: 0 }));
    this.finalDir = mapAttemptDir(options.shuffleRoot, options.mapTask);
    this.tempDir = `${this.finalDir}.tmp-${randomBytes(6).toString('hex')}`;
    this.flushBytes = options.flushBytes ?? 1 << 20;
    this.flushRows = options.flushRows ?? 65536;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 32 << 20;
  }

  /** Partitions and buffers one batch, writing partitions whose buffers are full. */
  async write(batch: Batch): Promise<void> {
    this.checkOpen();
    const count = batch.length;
    if (count === 0) return;
    if (this.parts.length === 1) {
      this.append(0, batch, batch.selection ?? sharedIdentity(count), 0, count);
    } else {
      this.rows.assign(batch, this.options.partitionKeys?.(batch));
      const { grouped, starts } = this.rows;
      for (let p = 0; p < this.parts.length; p++) this.append(p, batch, grouped, starts[p]!, starts[p + 1]!);
    }
    for (let p = 0; p < this.parts.length; p++) {
      const part = this.parts[p]!;
      if (part.pendingBytes >= this.flushBytes || part.buffer.rows >= this.flushRows) await this.flush(p);
    }
    while (this.bufferedBytes > this.maxBufferedBytes) await this.flush(this.largestPartition());
  }

  /** Writes everything buffered, closes the files and makes them visible; returns per-partition stats. */
  async commit(): Promise<MapOutputPartition[]> {
    this.checkOpen();
    try {
      for (let p = 0; p < this.parts.length; p++) await this.flush(p, true);
      await rm(this.finalDir, { recursive: true, force: true });
      await rename(this.tempDir, this.finalDir);
      this.state = 'committed';
    } catch (e) {
      await this.abort();
      throw toWriteError(e, this.finalDir);
    }
    return this.parts.map((part, p) => ({
      outputPartition: p, path: join(this.finalDir, partitionFileName(p)), rows: part.rows, batches: part.batches, bytes: part.bytes,
    }));
  }

  /** Drops this attempt: deletes its temporary files. Safe to call more than once. */
  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    for (const part of this.parts) part.buffer.clear();
    this.bufferedBytes = 0;
    await rm(this.tempDir, { recursive: true, force: true });
  }

  /** Bytes currently buffered in memory over all partitions. */
  get bufferedByteCount(): number { return this.bufferedBytes; }

  private checkOpen(): void {
    if (this.state !== 'open') throw new LochError(SqlState.internalError, `shuffle writer for ${this.finalDir} is already ${this.state}`);
  }

  private append(p: number, batch: Batch, idx: Int32Array, start: number, end: number): void {
    if (start === end) return;
    const part = this.parts[p]!;
    part.buffer.append(batch, idx, start, end);
    const bytes = part.buffer.byteLength();
    this.bufferedBytes += bytes - part.pendingBytes;
    part.pendingBytes = bytes;
  }

  private largestPartition(): number {
    let best = 0;
    for (let p = 1; p < this.parts.length; p++) if (this.parts[p]!.pendingBytes > this.parts[best]!.pendingBytes) best = p;
    return best;
  }

  /** Writes partition p's buffered rows as one record batch; `last` also ends the stream. */
  private async flush(p: number, last = false): Promise<void> {
    const part = this.parts[p]!;
    if (part.buffer.rows === 0) {
      if (last) await this.appendTo(p, [IPC_EOS]);
      return;
    }
    // The message's body is the buffers themselves (no copy), written before they are cleared; then
    // they are reused (a partition that will fill again keeps its touched pages, within
    // maxBufferedBytes over all partitions) or released.
    const rows = part.buffer.rows;
    const message = this.framing.encodeBatchParts(toRecordBatch(part.buffer.toBatch(), this.schema));
    try {
      await this.appendTo(p, message, last ? IPC_EOS : null);
    } finally {
      part.buffer.clear(!last && part.pendingBytes <= this.maxBufferedBytes / this.parts.length);
      this.bufferedBytes -= part.pendingBytes;
      part.pendingBytes = 0;
    }
    part.rows += rows;
    part.batches++;
  }

  /**
   * Appends bytes to partition p's file, creating it (with the schema) on first use. The file
   * is opened per append, so a writer holds no descriptors between flushes whatever the
   * partition count. No fsync: a shuffle file that does not survive a machine crash is
   * recomputed like any other lost map output.
   */
  private async appendTo(p: number, parts: readonly Uint8Array[], trailer: Uint8Array | null = null): Promise<void> {
    const part = this.parts[p]!;
    if (!this.dirReady) { mkdirSync(this.tempDir, { recursive: true }); this.dirReady = true; }
    const fd = openSync(join(this.tempDir, partitionFileName(p)), part.started ? 'a' : 'w');
    try {
      if (!part.started) {
        writeFully(fd, this.framing.schemaPrefix);
        part.bytes += this.framing.schemaPrefix.length;
        part.started = true;
      }
      part.bytes += writeAll(fd, trailer ? [...parts, trailer] : parts);
    } finally {
      closeSync(fd);
    }
  }
}

function writeFully(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** Writes `parts` in order, one writev for all (IOV_MAX bounds a call: 1024 on Linux); returns the bytes written. */
function writeAll(fd: number, parts: readonly Uint8Array[]): number {
  let total = 0;
  for (let i = 0; i < parts.length; i += 1024) {
    const group = parts.slice(i, i + 1024);
    const size = group.reduce((n, b) => n + b.length, 0);
    const written = writevSync(fd, group);
    total += size;
    if (written === size) continue;
    // A short write (rare on files): the rest piece by piece.
    let skip = written;
    for (const b of group) {
      if (skip >= b.length) { skip -= b.length; continue; }
      writeFully(fd, b.subarray(skip));
      skip = 0;
    }
  }
  return total;
}

function toWriteError(e: unknown, dir: string): LochError {
  if (e instanceof LochError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new LochError(SqlState.ioError, `could not write shuffle files under ${dirname(dir)}: ${message}`, { cause: e });
}

/**
 * Runs a map task's output into shuffle files: consumes `input`, commits on success and
 * aborts (leaving nothing visible) when the input fails, is cancelled or a write fails.
 */
export async function writeShuffle(input: AsyncIterable<Batch>, options: ShuffleWriterOptions, signal?: AbortSignal): Promise<MapOutputPartition[]> {
  const writer = new ShuffleWriter(options);
  try {
    for await (const batch of input) {
      if (signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
      await writer.write(batch);
    }
    if (signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return writer.commit();
}
