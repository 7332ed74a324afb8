/**
 * `openParquetTable`: a TableScanner (core/scan.ts) over Parquet files sharing one schema.
 *
 *   open:  footers of all files (ObjectStore range reads) → Loch columns, statistics
 *   scan:  for each file, for each row group that statistics cannot rule out
 *          (consecutive small row groups together, up to UNIT_ROWS),
 *          for each requested column:
 *            range-read its column chunk → a one-column Parquet extract (row-group-file.ts)
 *            → parquet-wasm `readParquet` (synchronous, so decoder panics are catchable)
 *            → Arrow C data structs in WebAssembly memory → one bulk copy into Loch's layout
 *          (or take the decoded column from the column cache, column-cache.ts)
 *          then yield the row group's Batches (offset-0 columns, `batchSize` rows each)
 *
 * Only one row group's requested columns are in memory at a time, so a multi-GB
 * file streams. Why parquet-wasm + reading the Arrow C structs: it was the fastest
 * path to arrow-js memory measured on this machine (bench/micro/parquet-decode.ts):
 * SF1 lineitem, 6M rows, warm CPU time — 4 columns 0.2-0.4 s, all 16 columns ~1.5 s,
 * against hyparquet ~10 s / ~31 s and parquet-wasm + IPC into arrow-js 0.33 s / 4.7 s.
 */
import type * as arrow from 'apache-arrow';
import { parseSchema } from 'arrow-js-ffi';
import { Batch, LochError, SqlState, toArrowType, typeName, typesEqual } from '../../core/index.ts';
import type { ScanRequest, ScanSplit, SourceColumn, SourceStatistics, TableScanner } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import { LocalObjectStore } from '../object-store/local-object-store.ts';
import { type ParquetFooter, corrupt, readParquetFooter } from './parquet-footer.ts';
import { type ParquetColumn, parquetColumns } from './parquet-schema.ts';
import { hasNestedColumns, nestedFileColumns, readNestedFileColumns } from './nested-columns.ts';
import { planRowGroups } from './statistics-pruning.ts';
import { toLochData } from './column-conversion.ts';
import { readFfiArray } from './ffi-array.ts';
import { extractRowGroups } from './row-group-file.ts';
import { releaseScratch } from './scratch-buffers.ts';
import * as pw from './wasm.ts';
import { type DecodeGrant, cachedFileKey, columnKey, dropDecodeGrant, lookUpColumns, putCachedColumn, putDecodedColumn } from './column-cache.ts';
import { SharedColumnArena, decodedSizeBound } from './decoded-column-arena.ts';
import { sharedColumnIn } from './shared-column.ts';
import type { ColumnAlloc } from './column-conversion.ts';

/** Options of `openParquetTable`. */
export interface OpenParquetOptions {
  /** Where the paths live; default: the local file system (relative paths from the cwd). */
  readonly objectStore?: ObjectStore;
}

/** Counters accumulated over all scans of a scanner (tests, EXPLAIN ANALYZE). */
export interface ParquetScanMetrics {
  rowGroupsRead: number;
  rowGroupsSkipped: number;
  bytesRead: number;
  rowsRead: number;
}

const DEFAULT_BATCH_SIZE = 1 << 16;
/** Footers read at once when opening many files (bounded: file descriptors, S3 connections). */
const FOOTER_CONCURRENCY = 16;

/** `f` over `items` with at most `limit` calls in flight; results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One Parquet file of a table: its footer and its columns (same names and types in every file). */
export interface TableFile {
  readonly footer: ParquetFooter;
  readonly columns: readonly ParquetColumn[];
  /** The file has nested columns: it is decoded whole by nested-columns.ts (no row group pruning). */
  readonly wholeFile?: boolean;
}

/** Opens one or more Parquet files with the same schema as one table. */
export async function openParquetTable(paths: readonly string[], options: OpenParquetOptions = {}): Promise<ParquetTableScanner> {
  if (paths.length === 0) throw new LochError(SqlState.ioError, 'no Parquet files to read');
  const store = options.objectStore ?? new LocalObjectStore(process.cwd());
  const footers = await mapLimited(paths, FOOTER_CONCURRENCY, (p) => readParquetFooter(store, p));
  const files = footers.map((footer): TableFile => hasNestedColumns(footer.metadata)
    ? { footer, columns: nestedFileColumns(footer.path, footer.metadata), wholeFile: true }
    : { footer, columns: parquetColumns(footer.path, footer.metadata) });
  const first = files[0]!;
  for (const f of files.slice(1)) checkSameSchema(first, f);
  return new ParquetTableScanner(store, files);
}

function checkSameSchema(a: TableFile, b: TableFile): void {
  const describe = (f: TableFile) => f.columns.map((c) => `${c.name} ${typeName(c.type)}`).join(', ');
  const same = a.columns.length === b.columns.length &&
    a.columns.every((c, i) => c.name === b.columns[i]!.name && typesEqual(c.type, b.columns[i]!.type));
  if (!same) {
    throw new LochError(SqlState.datatypeMismatch,
      `Parquet file "${b.footer.path}" has columns (${describe(b)}) but "${a.footer.path}" has (${describe(a)})`);
  }
}

/** TableScanner over Parquet files; `metrics` counts row groups read and skipped. */
export class ParquetTableScanner implements TableScanner {
  readonly columns: readonly SourceColumn[];
  readonly metrics: ParquetScanMetrics = { rowGroupsRead: 0, rowGroupsSkipped: 0, bytesRead: 0, rowsRead: 0 };
  private readonly store: ObjectStore;
  private readonly files: readonly TableFile[];

  constructor(store: ObjectStore, files: readonly TableFile[]) {
    this.store = store;
    this.files = files;
    // Nullable if nullable in any file.
    this.columns = files[0]!.columns.map((c, i) => ({
      name: c.name, type: c.type, nullable: files.some((f) => f.columns[i]!.nullable),
    }));
  }

  /** The paths of the files, in scan order. */
  get paths(): string[] {
    return this.files.map((f) => f.footer.path);
  }

  async statistics(): Promise<SourceStatistics> {
    let rowCount = 0, sizeBytes = 0;
    for (const f of this.files) {
      rowCount += Number(f.footer.metadata.num_rows);
      sizeBytes += f.footer.size;
    }
    return { rowCount, sizeBytes };
  }

  /**
   * Every non-empty row group of every file as one piece, weighted by its compressed
   * size: the distributed planner bin-packs pieces into tasks (planner/distributed).
   */
  async splits(): Promise<readonly ScanSplit[]> {
    const out: ScanSplit[] = [];
    for (const f of this.files) {
      f.footer.metadata.row_groups.forEach((rg, g) => {
        const rowCount = Number(rg.num_rows);
        if (rowCount === 0) return;
        const sizeBytes = Number(rg.total_compressed_size ?? rg.total_byte_size);
        out.push({ path: f.footer.path, fileSizeBytes: f.footer.size, sizeBytes, rowGroups: [g], rowCount });
      });
    }
    return out;
  }

  async *scan(request: ScanRequest): AsyncGenerator<Batch> {
    const wanted = request.splits ? wantedRowGroups(request.splits) : undefined;
    for (const c of request.columns) {
      if (!this.columns[c]) throw new LochError(SqlState.internalError, `scan asks for column ${c} but the table has ${this.columns.length}`);
    }
    const batchSize = Math.max(1, request.batchSize ?? DEFAULT_BATCH_SIZE);
    let remaining = request.limit ?? Number.POSITIVE_INFINITY;
    for (const file of this.files) {
      if (remaining <= 0 || request.signal?.aborted) return;
      const only = wanted?.get(file.footer.path);
      if (wanted !== undefined && only === undefined) continue;
      if (file.wholeFile) {
        for await (const batch of this.scanWholeFile(file, request, batchSize, remaining)) {
          remaining -= batch.numRows;
          yield batch;
          if (remaining <= 0 || request.signal?.aborted) return;
        }
        continue;
      }
      const rowGroups = file.footer.metadata.row_groups;
      const pruned = planRowGroups(rowGroups, file.columns, request.predicates, file.footer.raw);
      const planned = only === undefined || only === 'all' ? pruned : pruned.filter((g) => only.has(g));
      this.metrics.rowGroupsSkipped += rowGroups.filter((rg, g) => Number(rg.num_rows) > 0 && (only === undefined || only === 'all' || only.has(g))).length - planned.length;
      if (planned.length === 0) continue;
      if (request.columns.length === 0) {
        // No column wanted (count(*)): row counts come from the footer.
        for (const g of planned) {
          this.metrics.rowGroupsRead++;
          let rows = Math.min(Number(rowGroups[g]!.num_rows), remaining);
          remaining -= rows;
          this.metrics.rowsRead += rows;
          while (rows > 0) {
            const n = Math.min(rows, batchSize);
            rows -= n;
            yield new Batch([], n);
          }
          if (remaining <= 0) return;
        }
        continue;
      }
      for await (const batch of this.scanFile(file, planned, request, batchSize, remaining)) {
        remaining -= batch.numRows;
        yield batch;
        if (remaining <= 0 || request.signal?.aborted) return;
      }
    }
  }

  /** A file with nested columns: decoded whole with hyparquet, then cut into batches. */
  private async *scanWholeFile(file: TableFile, request: ScanRequest, batchSize: number, limit: number): AsyncGenerator<Batch> {
    const { footer } = file;
    const total = Math.min(Number(footer.metadata.num_rows), limit);
    if (total <= 0) return;
    this.metrics.rowGroupsRead += footer.metadata.row_groups.length;
    const bytes = await this.store.getRange(footer.path, 0, footer.size);
    this.metrics.bytesRead += bytes.byteLength;
    const leaves = [...new Set(request.columns)];
    const read = await readNestedFileColumns(bytes, leaves.map((c) => file.columns[c]!), leaves.map((c) => this.columns[c]!.type), { start: 0, end: total }, batchSize);
    for (const columns of read.batches) {
      const n = columns[0]!.length;
      this.metrics.rowsRead += n;
      yield new Batch(request.columns.map((c) => columns[leaves.indexOf(c)]!), n);
    }
  }

  /**
   * Decodes the planned row groups of one file, row group by row group and,
   * within a row group, column by column: each column is decoded and copied out
   * before the next one is decoded, which keeps WebAssembly memory at about one
   * decoded column chunk. (Growing wasm memory is slow here — about a second of
   * CPU per few hundred MB, paid once per process — so its high-water mark matters.)
   */
  private async *scanFile(file: TableFile, planned: readonly number[], request: ScanRequest, batchSize: number, limit: number): AsyncGenerator<Batch> {
    const path = file.footer.path;
    // Leaves to decode (each once) and, per requested column, its position among them.
    const leaves = [...new Set(request.columns)];
    const position = request.columns.map((c) => leaves.indexOf(c));
    const { footer } = file;
    let fileKey: { key: string; location: string } | null = cachedFileKey({ store: this.store, path, size: footer.size, lastModified: footer.lastModified, fingerprint: footer.fingerprint });
    if (fileKey !== null) {
      // A scanner may outlive its file (a catalog keeps scanners): never serve a replaced file's cached columns.
      const now = await this.store.head(path);
      if (now.size !== footer.size || now.lastModified !== footer.lastModified) fileKey = null;
    }
    const units = decodeUnits(file, planned);
    // Every cached column of this scan in one lookup (a worker's task thread asks its process's cache once per file),
    // with room in the cache for the misses it will keep, to decode into (no bound under a LIMIT: units may be cut).
    const fk = fileKey;
    const { found, grants } = fk === null ? { found: [], grants: [] } : await lookUpColumns(
      units.flatMap((unit) => leaves.map((leaf) => columnKey(fk.key, unit, leaf, batchSize))),
      units.flatMap(() => leaves.map((leaf) => toArrowType(file.columns[leaf]!.type))),
      request.limit === undefined ? units.flatMap((unit) => leaves.map((leaf) => sizeBound(file, unit, leaf, batchSize))) : undefined);
    const unused = new Set<DecodeGrant>();
    for (const g of grants) if (g !== undefined) unused.add(g);
    try {
      yield* this.decodeUnits(file, units, leaves, position, found, grants, unused, fileKey, request, batchSize, limit);
    } finally {
      for (const g of unused) dropDecodeGrant(g);
    }
  }

  /** The decode loop of `scanFile`; a grant it uses leaves `unused`. */
  private async *decodeUnits(
    file: TableFile, units: readonly (readonly number[])[], leaves: readonly number[], position: readonly number[],
    found: readonly (readonly arrow.Data[] | undefined)[], grants: readonly (DecodeGrant | undefined)[], unused: Set<DecodeGrant>,
    fileKey: { key: string; location: string } | null, request: ScanRequest, batchSize: number, limit: number,
  ): AsyncGenerator<Batch> {
    const path = file.footer.path;
    let remaining = limit;
    for (const [u, unit] of units.entries()) {
      if (remaining <= 0 || request.signal?.aborted) return;
      this.metrics.rowGroupsRead += unit.length;
      const unitRows = unit.reduce((n, g) => n + Number(file.footer.metadata.row_groups[g]!.num_rows), 0);
      const options = { batchSize, ...(remaining < unitRows ? { limit: remaining } : {}) };
      const decoded: (readonly arrow.Data[])[] = [];
      // The column cache holds whole decode units only (a LIMIT-cut unit is decoded, not cached).
      const cache = options.limit === undefined ? fileKey : null;
      for (const [l, leaf] of leaves.entries()) {
        const key = cache ? columnKey(cache.key, unit, leaf, batchSize) : '';
        const cached = cache ? found[u * leaves.length + l] : undefined;
        if (cached) { decoded.push(cached); continue; }
        const extract = await extractRowGroups(this.store, path, file.footer.raw, unit, [leaf]);
        this.metrics.bytesRead += extract.byteLength;
        // Granted room in the worker's cache: decode straight into the shared memory it keeps.
        const grant = cache ? grants[u * leaves.length + l] : undefined;
        const arena = grant === undefined ? undefined : new SharedColumnArena(grant.buffer);
        let column: arrow.Data[];
        try {
          if (request.signal?.aborted) return;
          column = decodeColumn(extract, options, file.columns[leaf]!, path, arena?.alloc);
        } finally {
          releaseScratch(extract); // readParquet copied it into WebAssembly memory
        }
        if (file.columns[leaf]!.type.kind === 'text') noteTextBytes(file, leaf, column);
        const shared = arena === undefined || arena.overflowed ? undefined : sharedColumnIn(column, arena.buffer);
        if (grant !== undefined && shared !== undefined) {
          unused.delete(grant);
          putDecodedColumn(key, cache!.location, shared);
        } else if (cache) {
          putCachedColumn(key, cache.location, column);
        }
        decoded.push(column);
      }
      const batches = decoded[0]!.length;
      for (let i = 0; i < batches; i++) {
        const numRows = decoded[0]![i]!.length;
        if (decoded.some((d) => d[i]?.length !== numRows)) throw corrupt(path, `columns of row group ${unit[0]} decode to different lengths`);
        if (numRows === 0) continue;
        remaining -= numRows;
        this.metrics.rowsRead += numRows;
        yield new Batch(position.map((p) => decoded[p]![i]!), numRows);
        if (remaining <= 0 || request.signal?.aborted) return;
      }
    }
  }
}

/** Rows and compressed bytes below which consecutive planned row groups are decoded together. */
const UNIT_ROWS = 1 << 17;
const UNIT_BYTES = 64 << 20;

/** Per file path, the row groups a task's splits name ('all' for a whole-file split). */
function wantedRowGroups(splits: readonly ScanSplit[]): Map<string, Set<number> | 'all'> {
  const out = new Map<string, Set<number> | 'all'>();
  for (const s of splits) {
    const had = out.get(s.path);
    if (had === 'all') continue;
    if (s.rowGroups === undefined || s.rowGroups.length === 0) { out.set(s.path, 'all'); continue; }
    const set = had ?? new Set<number>();
    for (const g of s.rowGroups) set.add(g);
    out.set(s.path, set);
  }
  return out;
}

/** Planned row groups cut into decode units: consecutive small row groups share one decoder call. */
function decodeUnits(file: TableFile, planned: readonly number[]): number[][] {
  const units: number[][] = [];
  let unit: number[] = [];
  let rows = 0, bytes = 0;
  for (const g of planned) {
    const rg = file.footer.metadata.row_groups[g]!;
    const consecutive = unit.length === 0 || unit[unit.length - 1] === g - 1;
    if (unit.length > 0 && (!consecutive || rows >= UNIT_ROWS || bytes >= UNIT_BYTES)) {
      units.push(unit);
      unit = [];
      rows = 0;
      bytes = 0;
    }
    unit.push(g);
    rows += Number(rg.num_rows);
    bytes += Number(rg.total_compressed_size ?? rg.total_byte_size);
  }
  if (unit.length > 0) units.push(unit);
  return units;
}

/**
 * The bytes column `leaf` of decode unit `unit` can take decoded (decoded-column-arena.ts), 0 when
 * unknown. Batches may end at row group ends; a bitmap is counted unless the statistics say no nulls.
 */
function sizeBound(file: TableFile, unit: readonly number[], leaf: number, batchSize: number): number {
  const column = file.columns[leaf]!;
  const perValue = column.type.kind === 'text' ? textBytesPerValue.get(textKey(file, leaf)) ?? 0 : 0;
  let rows = 0, nulls = false;
  for (const g of unit) {
    const rg = file.footer.metadata.row_groups[g]!;
    rows += Number(rg.num_rows);
    const count = rg.columns[leaf]?.meta_data?.statistics?.null_count;
    nulls ||= column.nullable && (count === undefined || Number(count) > 0);
  }
  return decodedSizeBound(column.type, rows, Math.ceil(rows / batchSize) + unit.length, nulls, perValue);
}

/**
 * The most bytes per value decoded so far from a text column of a table (by its files' directory
 * and the leaf): the size bound of its next chunks (a table's files hold the same kind of values).
 */
const textBytesPerValue = new Map<string, number>();
const MAX_TEXT_STATS = 4096;

function textKey(file: TableFile, leaf: number): string {
  const path = file.footer.path;
  return `${path.slice(0, path.lastIndexOf('/') + 1)}\u0000${leaf}\u0000${file.columns[leaf]!.name}`;
}

/** Records the bytes per value of a decoded text column chunk. */
function noteTextBytes(file: TableFile, leaf: number, column: readonly arrow.Data[]): void {
  let rows = 0, bytes = 0;
  for (const d of column) {
    rows += d.length;
    bytes += d.values.byteLength;
  }
  if (rows === 0) return;
  const key = textKey(file, leaf);
  const seen = textBytesPerValue.get(key);
  if (seen !== undefined && seen >= bytes / rows) return;
  if (seen === undefined && textBytesPerValue.size >= MAX_TEXT_STATS) textBytesPerValue.clear();
  textBytesPerValue.set(key, bytes / rows);
}

/** Decodes a one-column extract and copies each of its record batches out of wasm memory (into `alloc`'s memory). */
function decodeColumn(extract: Uint8Array, options: pw.ReaderOptions, column: ParquetColumn, path: string, alloc?: ColumnAlloc): arrow.Data[] {
  let table: pw.Table;
  try {
    table = pw.readParquet(extract, options);
  } catch (e) {
    throw wasmError(path, e);
  }
  try {
    const out: arrow.Data[] = [];
    let fieldType: arrow.DataType | undefined; // same for every batch: parse the schema once
    for (let i = 0; i < table.numBatches; i++) {
      const wasmBatch = table.recordBatch(i);
      if (!wasmBatch) throw corrupt(path, `decoded column "${column.name}" has no batch ${i}`);
      let ffi: pw.FFIData;
      try {
        ffi = wasmBatch.intoFFI();
      } catch (e) {
        throw wasmError(path, e);
      }
      try {
        const memory = pw.wasmMemory().buffer;
        fieldType ??= (parseSchema(memory, ffi.schemaAddr()) as arrow.Schema).fields[0]?.type;
        const struct = readFfiArray(memory, ffi.arrayAddr());
        if (!fieldType || struct.children[0] === undefined) throw corrupt(path, `column "${column.name}" is missing from a decoded row group`);
        out.push(toLochData(readFfiArray(memory, struct.children[0]), fieldType, column.type, column.name, alloc));
      } finally {
        ffi.free();
      }
    }
    return out;
  } finally {
    table.free();
  }
}

/** Errors from the WebAssembly decoder: keep LochErrors (I/O from the store), else XX001 naming the file. */
function wasmError(path: string, e: unknown): LochError {
  if (e instanceof LochError) return e;
  const cause = (e as { cause?: unknown } | null)?.cause;
  if (cause instanceof LochError) return cause;
  const message = e instanceof Error ? e.message : String(e);
  return corrupt(path, message, e);
}
