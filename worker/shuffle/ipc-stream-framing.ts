/**
 * Writes an Arrow IPC stream incrementally, one record batch at a time, into any byte sink.
 *
 *   file = schema message │ batch message │ batch message │ … │ EOS (0xFFFFFFFF 0x00000000)
 *
 * Arrow JS's stream writer buffers its output in an internal queue; to write each flushed batch
 * straight to disk we encode it as a one-batch stream and keep only its batch message (the
 * bytes between the schema prefix and the EOS marker). The schema prefix is measured once per
 * schema from a zero-batch stream. No dictionaries occur in Loch's layouts, so a batch is
 * always exactly one message.
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState } from '../../core/index.ts';

/**
 * A stream writer that keeps what it writes as a list of chunks (the message header and views on
 * the batch's own buffers), never joined into one array: the writer writes them with one writev.
 */
class ChunkWriter extends arrow.RecordBatchStreamWriter {
  readonly chunks: Uint8Array[] = [];

  protected override _write(chunk: unknown): this {
    if (this._started && ArrayBuffer.isView(chunk) && chunk.byteLength > 0) {
      this.chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this._position += chunk.byteLength;
    }
    return this;
  }
}

/** The IPC end-of-stream marker: continuation token, zero length. */
export const IPC_EOS = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);

/** Encodes a schema's stream prefix and record batch messages. */
export class IpcStreamFraming {
  /** The stream's opening bytes: the schema message. */
  readonly schemaPrefix: Uint8Array;
  readonly schema: arrow.Schema;

  constructor(schema: arrow.Schema) {
    this.schema = schema;
    const empty = new arrow.RecordBatchStreamWriter().reset(undefined, schema).finish().toUint8Array(true);
    this.schemaPrefix = empty.subarray(0, empty.length - IPC_EOS.length);
  }

  /**
   * The message bytes of one record batch (append after the prefix and earlier batches).
   * The batch's stream must open with this framing's schema message: cutting a stream
   * whose schema message differs (other nullability, types) at the wrong offset gives a
   * file a reader decodes as no rows, silently. So it is checked and refused.
   */
  encodeBatch(batch: arrow.RecordBatch): Uint8Array {
    const whole = arrow.RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
    const prefix = this.schemaPrefix;
    let same = whole.length >= prefix.length + IPC_EOS.length;
    for (let i = 0; same && i < prefix.length; i++) same = whole[i] === prefix[i];
    if (!same) {
      throw new LochError(SqlState.internalError, `an Arrow IPC batch with columns (${batch.schema.fields.map((f) => `${f.name} ${String(f.type)}`).join(', ')}) ` +
        'does not have the schema of the stream it is written to');
    }
    return whole.subarray(prefix.length, whole.length - IPC_EOS.length);
  }

  /**
   * `encodeBatch`'s bytes as the chunks they are made of, in order: small header and padding
   * arrays and views on the batch's buffers (no copy of the body: valid while those buffers are
   * unchanged). Checked against the schema prefix like `encodeBatch`.
   */
  encodeBatchParts(batch: arrow.RecordBatch): Uint8Array[] {
    const writer = new ChunkWriter();
    writer.write(batch);
    const { chunks } = writer;
    const prefix = this.schemaPrefix;
    // The schema message comes first; it must be this framing's, byte for byte.
    let at = 0, first = 0;
    let same = true;
    while (same && at < prefix.length && first < chunks.length) {
      const c = chunks[first++]!;
      same = at + c.length <= prefix.length;
      for (let i = 0; same && i < c.length; i++) same = c[i] === prefix[at + i];
      at += c.length;
    }
    if (!same || at !== prefix.length) {
      throw new LochError(SqlState.internalError, `an Arrow IPC batch with columns (${batch.schema.fields.map((f) => `${f.name} ${String(f.type)}`).join(', ')}) ` +
        'does not have the schema of the stream it is written to');
    }
    return chunks.slice(first);
  }
}

/** Framings by schema signature (bounded): building one encodes a whole empty stream. */
const framings = new Map<string, IpcStreamFraming>();
const MAX_FRAMINGS = 64;

function signature(schema: arrow.Schema): string {
  const parts: string[] = [];
  const meta = (m: Map<string, string>): string => [...m].map(([k, v]) => `${k}=${v}`).join(';');
  for (const f of schema.fields) parts.push(`${f.name}\u0000${String(f.type)}\u0000${f.nullable ? 1 : 0}\u0000${meta(f.metadata)}`);
  return `${parts.join('\u0001')}\u0002${meta(schema.metadata)}`;
}

/**
 * The framing of `schema`, shared by every writer of the same schema in this thread (a task
 * of a stage writes the schema its sibling tasks wrote; measuring the prefix cost ~2 ms per task).
 */
export function framingFor(schema: arrow.Schema): IpcStreamFraming {
  const key = signature(schema);
  let f = framings.get(key);
  if (f === undefined) {
    if (framings.size >= MAX_FRAMINGS) framings.delete(framings.keys().next().value!);
    f = new IpcStreamFraming(schema);
    framings.set(key, f);
  }
  return f;
}
