/**
 * Writing table rows as Parquet data files for `add` (or `cdc`) actions.
 *
 *   batches (all table columns, table order)
 *     └─ split by partition values ─► per partition: buffer ─► ~target size ─► writeParquetFile
 *                                                                 └─ statistics collected on the way
 *
 * Files are named like Spark's (`part-00000-<uuid>-c000.snappy.parquet`) under
 * `col=value/` directories; data columns are written under their physical names
 * (column mapping), partition columns are not stored in the files.
 */
import * as arrow from 'apache-arrow';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Batch, type BatchField, type DataType, LochError, SqlState, T, readValue } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import { LocalObjectStore } from '../object-store/local-object-store.ts';
import { writeParquetFile } from '../parquet/parquet-writer.ts';
import { gatherData, materializeBatch } from '../batch-gather.ts';
import { type DeltaLocation, tableKey } from './delta-location.ts';
import { encodeLogPath, partitionDirectory, serializePartitionValue } from './partition-path.ts';
import { StatisticsCollector } from './statistics-collector.ts';
import { writeParquetWithFieldIds } from './field-id-parquet-writer.ts';

/** A table column as the writer sees it. */
export interface WriteColumn {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  readonly physicalName: string;
  readonly isPartition: boolean;
  /** Column mapping id, written as the Parquet field_id. */
  readonly fieldId?: number;
  /** Column mapping: the type with nested struct fields named physically (written to the Parquet schema). */
  readonly physicalType?: DataType;
}

/** One written file, ready to become an `add` or `cdc` action. */
export interface WrittenFile {
  /** URI-encoded path relative to the table root, as the log stores it. */
  readonly path: string;
  readonly partitionValues: Readonly<Record<string, string | null>>;
  readonly size: number;
  readonly modificationTime: number;
  readonly numRecords: number;
  readonly stats: string;
}

/** How to write. */
export interface DataFileWriteOptions {
  /** Partition columns (names, in metaData.partitionColumns order). */
  readonly partitionColumns: readonly string[];
  /** Bytes of buffered (in-memory) rows at which a file is cut; default 128 MiB. */
  readonly targetFileSize?: number;
  readonly compression?: 'snappy' | 'zstd' | 'none';
  /** Directory under the table root ('' or '_change_data/'). */
  readonly directory?: string;
  /** File name prefix: 'part' for data files, 'cdc' for change data. */
  readonly filePrefix?: string;
  /** Data columns (in schema order) that get statistics; negative = all. Default 32. */
  readonly statsColumns?: number;
  /** A constant `_change_type` column appended to every file (change data files). */
  readonly changeType?: string;
}

const DEFAULT_TARGET = 128 * 1024 * 1024;
const DEFAULT_STATS_COLUMNS = 32;
/** Row groups of about this many in-memory bytes (Parquet's usual 128 MB, also capped by rows). */
const ROW_GROUP_BYTES = 64 * 1024 * 1024;

/** Writes `batches` (columns = `columns`, table order) as data files; returns one entry per file. */
export async function writeDataFiles(
  loc: DeltaLocation, columns: readonly WriteColumn[], batches: Iterable<Batch> | AsyncIterable<Batch>, options: DataFileWriteOptions,
): Promise<WrittenFile[]> {
  const partIdx = options.partitionColumns.map((p) => {
    const i = columns.findIndex((c) => c.name === p);
    if (i < 0) throw new LochError(SqlState.undefinedColumn, `partition column "${p}" of Delta table "${loc.display}" is not one of its columns`);
    return i;
  });
  const dataIdx = columns.map((_, i) => i).filter((i) => !partIdx.includes(i));
  const target = options.targetFileSize ?? DEFAULT_TARGET;
  if (options.statsColumns === undefined) options = { ...options, statsColumns: DEFAULT_STATS_COLUMNS };
  const groups = new Map<string, { values: (string | null)[]; batches: Batch[]; bytes: number }>();
  const out: WrittenFile[] = [];
  let seq = 0;
  const flush = async (key: string): Promise<void> => {
    const g = groups.get(key)!;
    groups.delete(key);
    if (g.batches.length === 0) return;
    out.push(await writeOneFile(loc, columns, partIdx, dataIdx, g.values, g.batches, options, seq++));
  };
  for await (const input of batches) {
    const batch = materializeBatch(input);
    if (batch.numRows === 0) continue;
    for (const { values, rows } of splitByPartition(batch, columns, partIdx)) {
      const key = JSON.stringify(values);
      let g = groups.get(key);
      if (!g) groups.set(key, g = { values, batches: [], bytes: 0 });
      const part = rows ? new Batch(batch.columns.map((c) => gatherData(c, rows)), rows.length) : batch;
      for (const piece of pieces(part, target - g.bytes, target)) {
        g.batches.push(piece);
        g.bytes += batchBytes(piece);
        if (g.bytes >= target) {
          await flush(key);
          groups.set(key, g = { values, batches: [], bytes: 0 });
        }
      }
    }
  }
  for (const key of [...groups.keys()]) await flush(key);
  return out;
}

/** A batch cut so the first piece fills `room` bytes and later ones `target` bytes each. */
function pieces(b: Batch, room: number, target: number): Batch[] {
  const bytes = batchBytes(b);
  if (bytes <= room || b.numRows <= 1) return [b];
  const perRow = bytes / b.numRows;
  const out: Batch[] = [];
  let start = 0;
  let size = Math.max(1, Math.ceil(room / perRow));
  while (start < b.numRows) {
    const end = Math.min(b.numRows, start + size);
    const sel = new Int32Array(end - start);
    for (let i = 0; i < sel.length; i++) sel[i] = start + i;
    out.push(new Batch(b.columns.map((c) => gatherData(c, sel)), sel.length));
    start = end;
    size = Math.max(1, Math.ceil(target / perRow));
  }
  return out;
}

/**
 * Rows of a batch grouped by their partition values (rows null = all rows). Each
 * partition column's values get small dictionary codes (serialized once per
 * distinct value); rows are grouped by the combined code with a counting sort.
 */
function splitByPartition(batch: Batch, columns: readonly WriteColumn[], partIdx: readonly number[]): Array<{ values: (string | null)[]; rows: Int32Array | null }> {
  if (partIdx.length === 0) return [{ values: [], rows: null }];
  const n = batch.numRows;
  const key = new Float64Array(n);
  const dictionaries: (string | null)[][] = [];
  let radix = 1;
  for (const c of partIdx) {
    const type = columns[c]!.type;
    const data = batch.columns[c]!;
    const codes = new Map<unknown, number>();
    const dict: (string | null)[] = [];
    for (let r = 0; r < n; r++) {
      const v = readValue(data, type, r);
      let code = codes.get(v);
      if (code === undefined) {
        codes.set(v, code = dict.length);
        dict.push(serializePartitionValue(v, type));
      }
      key[r] = key[r]! + code * radix;
    }
    dictionaries.push(dict);
    radix *= dict.length;
  }
  const groupOf = new Map<number, number>();
  const groupKeys: number[] = [];
  const group = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let g = groupOf.get(key[r]!);
    if (g === undefined) { groupOf.set(key[r]!, g = groupKeys.length); groupKeys.push(key[r]!); }
    group[r] = g;
  }
  const valuesOf = (k: number): (string | null)[] => dictionaries.map((dict) => {
    const code = k % dict.length;
    k = (k - code) / dict.length;
    return dict[code]!;
  });
  if (groupKeys.length === 1) return [{ values: valuesOf(groupKeys[0]!), rows: null }];
  // Distinct serialized values can coincide ('' and NULL text both serialize to null): merge such groups.
  const byValues = new Map<string, { values: (string | null)[]; groups: number[] }>();
  groupKeys.forEach((k, g) => {
    const values = valuesOf(k);
    const id = JSON.stringify(values);
    const e = byValues.get(id);
    if (e) e.groups.push(g);
    else byValues.set(id, { values, groups: [g] });
  });
  const target = new Int32Array(groupKeys.length);
  const merged = [...byValues.values()];
  merged.forEach((m, i) => { for (const g of m.groups) target[g] = i; });
  const counts = new Int32Array(merged.length + 1);
  for (let r = 0; r < n; r++) counts[target[group[r]!]! + 1]!++;
  for (let i = 0; i < merged.length; i++) counts[i + 1]! += counts[i]!;
  const starts = counts.slice(0, merged.length);
  const order = new Int32Array(n);
  const fill = starts.slice();
  for (let r = 0; r < n; r++) order[fill[target[group[r]!]!]!++] = r;
  if (merged.length === 1) return [{ values: merged[0]!.values, rows: null }];
  return merged.map((m, i) => ({ values: m.values, rows: order.subarray(starts[i]!, i + 1 < merged.length ? starts[i + 1]! : n) }));
}

async function writeOneFile(
  loc: DeltaLocation, columns: readonly WriteColumn[], partIdx: readonly number[], dataIdx: readonly number[],
  values: readonly (string | null)[], batches: readonly Batch[], options: DataFileWriteOptions, seq: number,
): Promise<WrittenFile> {
  const partitionNames = partIdx.map((i) => columns[i]!.physicalName);
  const dir = `${options.directory ?? ''}${partitionDirectory(partitionNames, values)}`;
  const codec = options.compression ?? 'snappy';
  const ext = codec === 'none' ? 'parquet' : `${codec}.parquet`;
  const name = `${options.filePrefix ?? 'part'}-${String(seq).padStart(5, '0')}-${randomUUID()}-c000.${ext}`;
  const relative = `${dir}${name}`;
  const fields: BatchField[] = dataIdx.map((i) => ({ name: columns[i]!.physicalName, type: columns[i]!.physicalType ?? columns[i]!.type, nullable: columns[i]!.nullable }));
  // Statistics for the first `delta.dataSkippingNumIndexedCols` (default 32) data columns, as Delta collects them.
  const indexed = options.statsColumns === undefined || options.statsColumns < 0 ? dataIdx : dataIdx.slice(0, options.statsColumns);
  const stats = new StatisticsCollector(indexed.map((i) => ({ physicalName: columns[i]!.physicalName, type: columns[i]!.type })));
  const changeType = options.changeType;
  if (changeType !== undefined) fields.push({ name: '_change_type', type: T.text, nullable: false });
  let rows = 0;
  for (const b of batches) rows += b.numRows;
  const bytesPerRow = Math.max(1, batches.reduce((s, b) => s + batchBytes(b), 0) / Math.max(1, rows));
  const rowGroupSize = Math.max(1024, Math.min(1 << 20, Math.floor(ROW_GROUP_BYTES / bytesPerRow)));
  const fileBatches = batches.map((b) => {
    stats.add(indexed.map((i) => b.columns[i]!), b.numRows);
    const cols = dataIdx.map((i) => b.columns[i]!);
    if (changeType !== undefined) cols.push(constantText(changeType, b.numRows));
    return new Batch(cols, b.numRows);
  });
  const key = tableKey(loc, relative);
  const fieldIds = dataIdx.map((i) => columns[i]!.fieldId);
  const size = fieldIds.some((id) => id !== undefined)
    ? await writeParquetWithFieldIds(loc.store, key, fields, fieldIds, fileBatches, { compression: codec, rowGroupSize })
    : await putParquet(loc.store, key, fields, fileBatches, { compression: codec, rowGroupSize });
  const partitionValues: Record<string, string | null> = {};
  partitionNames.forEach((p, k) => { partitionValues[p] = values[k] ?? null; });
  return { path: encodeLogPath(relative), partitionValues, size, modificationTime: Date.now(), numRecords: stats.numRecords, stats: stats.toJson() };
}

/** Writes a Parquet object into any store (local: in place; others: via a temporary file); returns its size. */
export async function putParquet(
  store: ObjectStore, key: string, fields: readonly BatchField[], batches: Iterable<Batch> | AsyncIterable<Batch>,
  options: { compression?: 'snappy' | 'zstd' | 'none'; rowGroupSize?: number },
): Promise<number> {
  if (store instanceof LocalObjectStore) {
    await writeParquetFile(store.resolve(key), fields, batches, options);
    return (await store.head(key)).size;
  }
  const dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-delta-'));
  try {
    const tmp = nodePath.join(dir, 'file.parquet');
    await writeParquetFile(tmp, fields, batches, options);
    const bytes = new Uint8Array(await readFile(tmp));
    await store.put(key, bytes);
    return bytes.byteLength;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function constantText(text: string, n: number): arrow.Data {
  const bytes = new TextEncoder().encode(text);
  const offsets = new Int32Array(n + 1);
  const data = new Uint8Array(bytes.length * n);
  for (let i = 0; i < n; i++) { data.set(bytes, i * bytes.length); offsets[i + 1] = (i + 1) * bytes.length; }
  return arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data });
}

/** In-memory bytes of a batch's buffers (a proxy for its encoded size). */
export function batchBytes(b: Batch): number {
  let s = 0;
  for (const c of b.columns) s += (c.values?.byteLength ?? 0) + (c.valueOffsets?.byteLength ?? 0) + (c.nullBitmap?.byteLength ?? 0);
  return s;
}
