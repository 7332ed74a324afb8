/**
 * `openDeltaTable`: a Delta table version as a TableScanner (core/scan.ts).
 *
 *   open:  list + replay the log (delta-snapshot.ts) → schema (delta-schema.ts)
 *   scan:  for each active logical file: skip by partition values / add statistics
 *          → load its deletion vector → read (delta-file-reader.ts) → batches
 *
 * Columns Loch cannot represent yet (nested, binary; issue 6) are left out of
 * `columns` and listed in `unsupportedColumns`, so the table opens and its other
 * columns scan; callers that need such a column raise 0A000 with the reason.
 */
import { type Batch, type LiteralValue, type ScanRequest, type ScanSplit, type SourceColumn, type SourceStatistics, type TableScanner, LochError, SqlState } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import type { DeltaAddFile } from './delta-actions.ts';
import { deltaLocation } from './delta-location.ts';
import { type DeltaSnapshot, loadSnapshot } from './delta-snapshot.ts';
import { type DeltaColumn, deltaColumns } from './delta-schema.ts';
import { decodePartitionValue } from './partition-value.ts';
import { type FileStatistics, fileMayMatch, parseFileStatistics } from './file-statistics.ts';
import { loadDeletionVector } from './deletion-vector.ts';
import { type ReadableColumn, readDataFile } from './delta-file-reader.ts';

/** Options of `openDeltaTable`. */
export interface OpenDeltaOptions {
  /** Time travel to this version. */
  readonly version?: number;
  /** Time travel to the newest version committed at or before this timestamp. */
  readonly timestamp?: string;
  /** The store holding the table; `location` is then the table's key prefix in it. Default: local disk. */
  readonly objectStore?: ObjectStore;
}

/** Counters over all scans of a scanner (tests, EXPLAIN ANALYZE). */
export interface DeltaScanMetrics {
  filesRead: number;
  filesSkipped: number;
  /** Row groups inside read files skipped by Parquet statistics. */
  rowGroupsSkipped: number;
  rowsDeleted: number;
}

const DEFAULT_BATCH_SIZE = 1 << 16;

/** Opens a Delta table (newest version unless `options` travel) as a TableScanner. */
export async function openDeltaTable(location: string, options: OpenDeltaOptions = {}): Promise<DeltaTableScanner> {
  const loc = deltaLocation(location, options.objectStore);
  const snapshot = await loadSnapshot(loc, {
    ...(options.version !== undefined ? { version: options.version } : {}),
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
  return new DeltaTableScanner(snapshot);
}

/** A TableScanner over one snapshot of a Delta table. */
export class DeltaTableScanner implements TableScanner {
  readonly snapshot: DeltaSnapshot;
  readonly columns: readonly SourceColumn[];
  /** Table columns Loch cannot read yet, with the reason. */
  readonly unsupportedColumns: readonly { readonly name: string; readonly reason: string }[];
  readonly metrics: DeltaScanMetrics = { filesRead: 0, filesSkipped: 0, rowGroupsSkipped: 0, rowsDeleted: 0 };
  private readonly readable: readonly ReadableColumn[];
  private readonly stats = new Map<DeltaAddFile, FileStatistics | undefined>();

  constructor(snapshot: DeltaSnapshot) {
    this.snapshot = snapshot;
    const all = deltaColumns(snapshot.metadata, snapshot.location.display);
    for (const p of snapshot.metadata.partitionColumns) {
      if (!all.some((c) => c.name === p)) {
        throw new LochError(SqlState.dataCorrupted, `Delta table "${snapshot.location.display}" is partitioned by "${p}", which is not in its schema`);
      }
    }
    this.readable = all.filter((c): c is ReadableColumn => c.type !== undefined);
    this.unsupportedColumns = all.filter((c) => c.type === undefined).map((c) => ({ name: c.name, reason: c.unsupported! }));
    this.columns = this.readable.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
  }

  /** The version this scanner reads. */
  get version(): number {
    return this.snapshot.version;
  }

  /** All columns of the table schema, readable or not. */
  get deltaColumns(): readonly DeltaColumn[] {
    return deltaColumns(this.snapshot.metadata, this.snapshot.location.display);
  }

  /**
   * The 0A000 error for a column of the table that Loch cannot read yet (nested, binary),
   * or undefined when `name` is not such a column. For binders: a query naming it should
   * get this rather than "column does not exist".
   */
  unsupportedColumnError(name: string): LochError | undefined {
    const c = this.unsupportedColumns.find((u) => u.name === name) ?? this.unsupportedColumns.find((u) => u.name.toLowerCase() === name.toLowerCase());
    return c ? new LochError(SqlState.featureNotSupported, `Delta table "${this.snapshot.location.display}": ${c.reason}`) : undefined;
  }

  async statistics(): Promise<SourceStatistics> {
    let rows = 0, size = 0, known = true;
    for (const f of this.snapshot.files) {
      size += f.size;
      const n = this.fileStats(f)?.numRecords;
      if (n === undefined) known = false;
      else rows += n - (f.deletionVector?.cardinality ?? 0);
    }
    return known ? { rowCount: rows, sizeBytes: size } : { sizeBytes: size };
  }

  /**
   * One piece per active add file (the unit a task reads), weighted by its size; the
   * distributed planner bin-packs them into tasks. `scan({ splits })` reads only those files.
   */
  async splits(): Promise<readonly ScanSplit[]> {
    return this.snapshot.files.map((f) => {
      const records = this.fileStats(f)?.numRecords;
      return {
        path: f.path, fileSizeBytes: f.size, sizeBytes: Math.max(1, f.size),
        ...(records !== undefined ? { rowCount: records - (f.deletionVector?.cardinality ?? 0) } : {}),
      };
    });
  }

  async *scan(request: ScanRequest): AsyncGenerator<Batch> {
    // A task's share: the add files its splits name (a snapshot holds each path at most once).
    const only = request.splits ? new Set(request.splits.map((s) => s.path)) : undefined;
    const wanted = request.columns.map((c) => {
      const col = this.readable[c];
      if (!col) throw new LochError(SqlState.internalError, `scan asks for column ${c} but Delta table "${this.snapshot.location.display}" has ${this.readable.length}`);
      return col;
    });
    const batchSize = Math.max(1, request.batchSize ?? DEFAULT_BATCH_SIZE);
    const predicates = request.predicates.flatMap((p) => {
      const column = this.readable[p.column];
      return column && !column.isPartition ? [{ column, predicate: p }] : [];
    });
    let remaining = request.limit ?? Number.POSITIVE_INFINITY;
    for (const file of this.snapshot.files) {
      if (remaining <= 0 || request.signal?.aborted) return;
      if (only !== undefined && !only.has(file.path)) continue;
      const partitionCache = new Map<ReadableColumn, LiteralValue>();
      const partitionValue = (c: ReadableColumn): LiteralValue => {
        if (!partitionCache.has(c)) partitionCache.set(c, decodePartitionValue(file.partitionValues[c.physicalName] ?? file.partitionValues[c.name], c.type, c.name));
        return partitionCache.get(c)!;
      };
      if (!fileMayMatch(request.predicates, this.readable, this.fileStats(file), (i) => partitionValue(this.readable[i]!))) {
        this.metrics.filesSkipped++;
        continue;
      }
      this.metrics.filesRead++;
      const deleted = file.deletionVector ? await loadDeletionVector(this.snapshot.location, file.deletionVector) : undefined;
      this.metrics.rowsDeleted += deleted?.length ?? 0;
      for await (const batch of readDataFile(this.snapshot.location, file, wanted, {
        batchSize, deleted, partitionValue, predicates,
        onRowGroupsSkipped: (n) => { this.metrics.rowGroupsSkipped += n; },
        ...(Number.isFinite(remaining) ? { limit: remaining } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      })) {
        remaining -= batch.length;
        yield batch;
        if (remaining <= 0 || request.signal?.aborted) return;
      }
    }
  }

  private fileStats(file: DeltaAddFile): FileStatistics | undefined {
    if (!this.stats.has(file)) this.stats.set(file, parseFileStatistics(file.stats));
    return this.stats.get(file);
  }
}
