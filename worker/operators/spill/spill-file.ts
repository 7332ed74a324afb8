/**
 * Spill files: Arrow IPC streams of batches, written and read back batch by batch.
 *
 * The writer reuses the shuffle's framing (schema prefix once, then one IPC
 * message per batch, then EOS) and appends with synchronous writes: an
 * operator spills from inside its own loop and has nothing else to do while
 * the bytes go out. Small writes (a hash partition's share of one batch) are
 * gathered up to FLUSH_ROWS rows before encoding: Arrow JS pays a fixed cost
 * per IPC message that dominates for slivers of a few rows. The reader streams the file through Arrow's async reader,
 * so only one batch of a file is in memory at a time.
 */
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import { type Batch, type BatchField, fromRecordBatch, toArrowSchema, toArrowType, toRecordBatch } from '../../../core/index.ts';
import { batchBytes, concatBatches, materialize } from '../../kernels/take.ts';
import { IPC_EOS, IpcStreamFraming } from '../../shuffle/ipc-stream-framing.ts';
import type { SpillManager } from './spill-manager.ts';

/** A finished spill file. */
export interface SpillFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/** Rows (or bytes) gathered before one IPC message is encoded. */
const FLUSH_ROWS = 8192;
const FLUSH_BYTES = 1 << 20;

const framings = new WeakMap<readonly BatchField[], IpcStreamFraming>();

function framingOf(fields: readonly BatchField[]): IpcStreamFraming {
  let f = framings.get(fields);
  if (f === undefined) { f = new IpcStreamFraming(toArrowSchema(fields)); framings.set(fields, f); }
  return f;
}

/** Appends batches of one schema to a new spill file. */
export class SpillWriter {
  readonly path: string;
  private readonly framing: IpcStreamFraming;
  private readonly spill: SpillManager;
  private readonly types: arrow.DataType[];
  private fd: number;
  private rows = 0;
  private bytes = 0;
  private pending: Batch[] = [];
  private pendingRows = 0;
  private pendingBytes = 0;

  constructor(spill: SpillManager, fields: readonly BatchField[], label: string) {
    this.spill = spill;
    this.framing = framingOf(fields);
    this.types = fields.map((f) => toArrowType(f.type));
    this.path = spill.newFilePath(label);
    this.fd = openSync(this.path, 'w');
    this.put(this.framing.schemaPrefix);
  }

  private put(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.bytes += bytes.length;
    this.spill.bytesSpilled += bytes.length;
  }

  /** Writes `batch` (its selected rows); small batches are gathered first. */
  write(batch: Batch): void {
    if (batch.length === 0) return;
    const b = materialize(batch);
    if (this.pending.length === 0 && b.numRows >= FLUSH_ROWS) { this.encode(b); return; }
    this.pending.push(b);
    this.pendingRows += b.numRows;
    this.pendingBytes += batchBytes(b);
    if (this.pendingRows >= FLUSH_ROWS || this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const b = this.pending.length === 1 ? this.pending[0]! : concatBatches(this.pending, this.types);
    this.pending = [];
    this.pendingRows = this.pendingBytes = 0;
    this.encode(b);
  }

  private encode(b: Batch): void {
    this.put(this.framing.encodeBatch(toRecordBatch(b, this.framing.schema)));
    this.rows += b.numRows;
  }

  /** Ends the stream and closes the file. */
  finish(): SpillFile {
    this.flush();
    this.put(IPC_EOS);
    closeSync(this.fd);
    this.fd = -1;
    return { path: this.path, rows: this.rows, bytes: this.bytes };
  }

  /** Closes and deletes an unfinished file (error paths). */
  abandon(): void {
    this.pending = [];
    if (this.fd >= 0) { closeSync(this.fd); this.fd = -1; }
    rmSync(this.path, { force: true });
  }
}

/** Writes `batches` to one spill file. */
export function writeSpillFile(spill: SpillManager, fields: readonly BatchField[], label: string, batches: Iterable<Batch>): SpillFile {
  const w = new SpillWriter(spill, fields, label);
  try {
    for (const b of batches) w.write(b);
  } catch (e) {
    w.abandon();
    throw e;
  }
  return w.finish();
}

/** Streams the batches of a spill file back, one at a time. */
export async function* readSpillFile(file: SpillFile): AsyncGenerator<Batch> {
  if (file.rows === 0) return;
  const reader = await arrow.RecordBatchReader.from(createReadStream(file.path, { highWaterMark: 1 << 20 })) as arrow.AsyncRecordBatchStreamReader;
  try {
    await reader.open();
    for (;;) {
      const r = await reader.next();
      if (r.done) break;
      if (r.value.numRows > 0) yield fromRecordBatch(r.value);
    }
  } finally {
    await reader.return();
  }
}

/** Deletes a spill file once read (the directory is removed at the end anyway). */
export function deleteSpillFile(file: SpillFile): void {
  rmSync(file.path, { force: true });
}
