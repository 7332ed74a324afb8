/**
 * Query results as ~1 MB Arrow IPC chunks (proto ArrowIpcChunk): the concatenation of a
 * statement's chunks is one Arrow IPC stream — schema message first, record batches, the
 * end-of-stream marker — and every chunk ends at a message boundary, so a client decodes
 * each batch as soon as its chunk arrives. A batch whose message would exceed the chunk size
 * is cut into row ranges first (gRPC clients refuse messages over 4 MB by default).
 */
import * as arrow from 'apache-arrow';
import { type Batch, type BatchField, LochError, SqlState, toArrowSchema, toRecordBatch } from '../../core/index.ts';
import { ARROW_CHUNK_BYTES } from '../../proto/index.ts';

const EOS = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);

/** Encodes one result set's batches into chunk payloads. */
export class IpcChunker {
  private readonly schema: arrow.Schema;
  private readonly chunkBytes: number;
  private readonly prefixLength: number;
  private pending: Uint8Array[] = [];
  /** Chunks completed and not yet returned. */
  private ready: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(fields: readonly BatchField[], chunkBytes = ARROW_CHUNK_BYTES) {
    this.schema = toArrowSchema(fields);
    this.chunkBytes = chunkBytes;
    const schemaOnly = new arrow.RecordBatchStreamWriter().reset(undefined, this.schema).finish().toUint8Array(true);
    const prefix = schemaOnly.subarray(0, schemaOnly.length - EOS.length);
    this.prefixLength = prefix.length;
    this.push(prefix);
  }

  /** Adds a batch (no selection vector); returns the chunks now full. */
  add(batch: Batch): Uint8Array[] {
    if (batch.selection !== null) throw new LochError(SqlState.internalError, 'a result batch still carries a selection vector');
    if (batch.numRows === 0) return [];
    this.encode(toRecordBatch(batch, this.schema));
    return this.drain(false);
  }

  /** The end of the stream: the remaining chunk(s), end-of-stream marker included. */
  finish(): Uint8Array[] {
    this.push(EOS);
    return this.drain(true);
  }

  private encode(rb: arrow.RecordBatch): void {
    const whole = arrow.RecordBatchStreamWriter.writeAll([rb]).toUint8Array(true);
    const message = whole.subarray(this.prefixLength, whole.length - EOS.length);
    if (message.length > this.chunkBytes && rb.numRows > 1) {
      const half = Math.floor(rb.numRows / 2);
      this.encode(rb.slice(0, half));
      this.encode(rb.slice(half, rb.numRows));
      return;
    }
    if (this.pendingBytes > 0 && this.pendingBytes + message.length > this.chunkBytes) this.flushInto(this.ready);
    this.push(message);
  }

  private push(bytes: Uint8Array): void {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
  }

  private flushInto(out: Uint8Array[]): void {
    if (this.pendingBytes === 0) return;
    const chunk = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const p of this.pending) { chunk.set(p, at); at += p.length; }
    out.push(chunk);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private drain(all: boolean): Uint8Array[] {
    if (all || this.pendingBytes >= this.chunkBytes) this.flushInto(this.ready);
    const out = this.ready;
    this.ready = [];
    return out;
  }
}
