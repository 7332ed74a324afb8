/**
 * Spill files: Arrow IPC streams of batches, written and read back batch by batch.
 *
 * The writer reuses the shuffle's framing (schema prefix once, then one IPC
 * message per batch, then EOS) and appends with synchronous writes: an
 * operator spills from inside its own loop and has nothing else to do while
 * the bytes go out. The reader streams the file through Arrow's async reader,
 * so only one batch of a file is in memory at a time.
 */
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import { type Batch, type BatchField, fromRecordBatch, toArrowSchema, toRecordBatch } from '../../../core/index.ts';
import { materialize } from '../../kernels/take.ts';
import { IPC_EOS, IpcStreamFraming } from '../../shuffle/ipc-stream-framing.ts';
import type { SpillManager } from './spill-manager.ts';

/** A finished spill file. */
export interface SpillFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

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
  private fd: number;
  private rows = 0;
  private bytes = 0;

  constructor(spill: SpillManager, fields: readonly BatchField[], label: string) {
    this.spill = spill;
    this.framing = framingOf(fields);
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

  /** Writes `batch` (its selected rows). */
  write(batch: Batch): void {
    if (batch.length === 0) return;
    const b = materialize(batch);
    this.put(this.framing.encodeBatch(toRecordBatch(b, this.framing.schema)));
    this.rows += b.numRows;
  }

  /** Ends the stream and closes the file. */
  finish(): SpillFile {
    this.put(IPC_EOS);
    closeSync(this.fd);
    this.fd = -1;
    return { path: this.path, rows: this.rows, bytes: this.bytes };
  }

  /** Closes and deletes an unfinished file (error paths). */
  abandon(): void {
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
