/**
 * `writeParquetFile`: streams Loch batches into a Parquet file.
 *
 * Encoding is done by parquet-wasm (arrow-rs compiled to WebAssembly), the
 * fastest correct writer measured on this machine (see bench/micro/parquet-decode.ts
 * and the storage commit messages). Batches are grouped into chunks of
 * CHUNK_ROWS, handed to WebAssembly as Arrow IPC, and the encoder cuts row
 * groups of `rowGroupSize` rows; only about one row group is buffered at a time.
 *
 *   Batch* ──chunk──► IPC ──► wasm RecordBatch ──► transformParquetStream ──► path.tmp-xxxx ──rename──► path
 *
 * The footer carries min/max/null-count statistics per column chunk, the Arrow
 * schema (ARROW:schema, with `loch.type` tags) and `loch.schema` (JSON of the
 * Loch fields), so Loch reads back exactly the types it wrote.
 */
import * as arrow from 'apache-arrow';
import { open, rename, rm, mkdir } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import { type Batch, type BatchField, LochError, SqlState } from '../../core/index.ts';
import { materializeBatch } from '../batch-gather.ts';
import { parquetWriteSchema, toParquetWriteData } from './write-conversion.ts';
import { ioError } from '../object-store/local-object-store.ts';
import * as pw from './wasm.ts';
import { LOCH_SCHEMA_METADATA_KEY } from './loch-metadata.ts';

/** Options of `writeParquetFile`. */
export interface ParquetWriteOptions {
  /** Page compression; default snappy. */
  readonly compression?: 'snappy' | 'zstd' | 'none';
  /** Rows per row group; default 1,048,576. */
  readonly rowGroupSize?: number;
}


const DEFAULT_ROW_GROUP_SIZE = 1 << 20;
/** Rows handed to WebAssembly at once: large enough to amortize the IPC hop. */
const CHUNK_ROWS = 1 << 17;

/**
 * Writes `batches` (columns laid out as `fields` say) to a Parquet file at `path`.
 * The file appears atomically: it is written to `path.tmp-<random>` and renamed.
 */
export async function writeParquetFile(
  path: string,
  fields: readonly BatchField[],
  batches: Iterable<Batch> | AsyncIterable<Batch>,
  options: ParquetWriteOptions = {},
): Promise<void> {
  const schema = parquetWriteSchema(fields);
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  if (!(rowGroupSize >= 1)) throw new LochError(SqlState.invalidParameterValue, `rowGroupSize must be positive, got ${rowGroupSize}`);
  const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  await mkdir(nodePath.dirname(nodePath.resolve(path)), { recursive: true });
  let handle;
  try {
    handle = await open(tmp, 'wx');
  } catch (e) {
    throw ioError(e, path);
  }
  try {
    const chunks = ipcChunks(fields, schema, batches);
    const first = await chunks.next();
    if (first.done) {
      // No rows: the stream writer needs a first batch to start, so write an empty table.
      const empty = pw.Table.fromIPCStream(arrow.tableToIPC(new arrow.Table(schema), 'stream'));
      await handle.writeFile(pw.writeParquet(empty, writerProperties(fields, options, rowGroupSize)));
    } else {
      const source = new ReadableStream<pw.RecordBatch>({
        start(controller) { enqueueIpc(controller, first.value); },
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else enqueueIpc(controller, next.value);
        },
      });
      const out = await pw.transformParquetStream(source, writerProperties(fields, options, rowGroupSize));
      const reader = (out as ReadableStream<Uint8Array>).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await handle.write(value);
      }
    }
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    if (e instanceof LochError) throw e;
    if ((e as NodeJS.ErrnoException).code) throw ioError(e, path);
    const message = e instanceof Error ? e.message : String(e);
    const notNull = /Column '(.*)' is declared as non-nullable but contains null values/.exec(message);
    if (notNull) {
      throw new LochError(SqlState.notNullViolation, `null value in column "${notNull[1]}" violates not-null constraint (writing "${path}")`, { cause: e });
    }
    throw new LochError(SqlState.internalError, `writing Parquet file "${path}" failed: ${message}`, { cause: e });
  }
}

function enqueueIpc(controller: ReadableStreamDefaultController<pw.RecordBatch>, ipc: Uint8Array): void {
  const table = pw.Table.fromIPCStream(ipc);
  for (const rb of table.recordBatches()) controller.enqueue(rb);
  table.free();
}

/** Groups batches into Arrow IPC streams of about CHUNK_ROWS rows each. */
async function* ipcChunks(
  fields: readonly BatchField[],
  schema: arrow.Schema,
  batches: Iterable<Batch> | AsyncIterable<Batch>,
): AsyncGenerator<Uint8Array> {
  let pending: arrow.RecordBatch[] = [];
  let pendingRows = 0;
  for await (const input of batches) {
    if (input.columns.length !== fields.length) {
      throw new LochError(SqlState.internalError, `batch has ${input.columns.length} columns, schema has ${fields.length}`);
    }
    const batch = materializeBatch(input);
    if (batch.numRows === 0) continue;
    const seen = new Set<unknown>();
    const children = batch.columns.map((c, i) => unshared(toParquetWriteData(c, fields[i]!.type, schema.fields[i]!.type), seen));
    const struct = arrow.makeData({ type: new arrow.Struct(schema.fields), length: batch.numRows, nullCount: 0, children });
    pending.push(new arrow.RecordBatch(schema, struct));
    pendingRows += batch.numRows;
    if (pendingRows >= CHUNK_ROWS) {
      yield arrow.tableToIPC(new arrow.Table(schema, pending), 'stream');
      pending = [];
      pendingRows = 0;
    }
  }
  if (pendingRows > 0) yield arrow.tableToIPC(new arrow.Table(schema, pending), 'stream');
}

/**
 * `data`, or a copy of it when one of its buffers already backs an earlier column of the
 * batch (`SELECT x AS a, x AS b` hands the same column twice): the Arrow IPC stream of two
 * columns sharing a buffer does not read back ("failed to fill whole buffer").
 */
function unshared(data: arrow.Data, seen: Set<unknown>): arrow.Data {
  const buffers = [data.valueOffsets, data.values, data.nullBitmap].filter((b) => b !== undefined && b !== null && b.length > 0);
  if (!buffers.some((b) => seen.has(b))) {
    for (const b of buffers) seen.add(b);
    return data;
  }
  const copy = (b: ArrayLike<unknown> & { slice(): unknown } | undefined | null): unknown => (b === undefined || b === null ? b : b.slice());
  return data.clone(data.type, data.offset, data.length, data.nullCount, [copy(data.valueOffsets), copy(data.values), copy(data.nullBitmap)] as never, data.children);
}

function writerProperties(fields: readonly BatchField[], options: ParquetWriteOptions, rowGroupSize: number): pw.WriterProperties {
  const compression = options.compression === 'zstd' ? pw.Compression.ZSTD
    : options.compression === 'none' ? pw.Compression.UNCOMPRESSED : pw.Compression.SNAPPY;
  const loch = JSON.stringify(fields.map((f) => ({ name: f.name, type: f.type, nullable: f.nullable })));
  return new pw.WriterPropertiesBuilder()
    .setCompression(compression)
    .setMaxRowGroupSize(rowGroupSize)
    .setStatisticsEnabled(pw.EnabledStatistics.Chunk)
    .setCreatedBy('loch')
    .setKeyValueMetadata(new Map([[LOCH_SCHEMA_METADATA_KEY, loch]]))
    .build();
}
