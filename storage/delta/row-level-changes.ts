/**
 * Row-level changes for DELETE / UPDATE / MERGE: removing rows, given by their
 * physical positions in data files, from a transaction's table.
 *
 *   deletion vectors enabled:  old DV ∪ new rows ─► new DV file; remove(path, old DV) + add(path, new DV)
 *   otherwise (copy-on-write): read the file without old DV ∪ new rows ─► new data file(s);
 *                              remove(path, old DV) + add(new files)
 *   every row deleted:         remove only
 *   change data feed:          the newly deleted rows ─► _change_data/ file (`delete` / `update_preimage`)
 *
 * `readRowsWithPositions` gives the SQL layer each live row's physical position, so
 * it can evaluate a WHERE / MERGE condition and hand back the positions to delete.
 */
import { Batch, type LiteralValue, LochError, SqlState } from '../../core/index.ts';
import { readParquetFooter } from '../parquet/parquet-footer.ts';
import type { DeletionVectorDescriptor, DeltaAddFile } from './delta-actions.ts';
import { type DeltaLocation, dataFileKey } from './delta-location.ts';
import { type ReadableColumn, readDataFile } from './delta-file-reader.ts';
import { loadDeletionVector, selectionWithout, sortedDifference } from './deletion-vector.ts';
import { writeDeletionVector } from './deletion-vector-writer.ts';
import { sortedUnion } from './roaring-bitmap-writer.ts';
import { decodePartitionValue } from './partition-value.ts';
import { parseFileStatistics } from './file-statistics.ts';
import { writeDataFiles } from './data-file-writer.ts';
import type { DeltaTransaction } from './delta-transaction.ts';

/** Rows to delete from one logical file, as physical row positions (0-based, in the data file). */
export interface RowDeletes {
  readonly file: DeltaAddFile;
  readonly rows: Float64Array | readonly number[];
  /**
   * More positions removed from the same file whose change data is `update_preimage`
   * (MERGE deleting some rows of a file and updating others in one commit).
   */
  readonly updatedRows?: Float64Array | readonly number[];
}

/** Stages the deletes of `deletes` in `txn` (see the file comment). */
export async function stageRowDeletes(txn: DeltaTransaction, deletes: readonly RowDeletes[], changeType: 'delete' | 'update_preimage'): Promise<void> {
  const loc = txn.location;
  for (const d of deletes) {
    const deletedRows = sortedDistinct(d.rows);
    const updatedRows = sortedDifference(sortedDistinct(d.updatedRows ?? []), deletedRows);
    const rows = sortedUnion(deletedRows, updatedRows);
    if (rows.length === 0) continue;
    const old = d.file.deletionVector ? await loadDeletionVector(loc, d.file.deletionVector) : new Float64Array(0);
    const fresh = sortedDifference(rows, old);
    if (fresh.length === 0) { txn.readFiles([d.file]); continue; }
    const numRecords = await physicalRows(loc, d.file);
    if (fresh[fresh.length - 1]! >= numRecords) {
      throw new LochError(SqlState.internalError, `row position ${fresh[fresh.length - 1]} is beyond the ${numRecords} rows of data file "${d.file.path}"`);
    }
    if (txn.changeDataFeedEnabled) {
      const asDeleted = sortedDifference(deletedRows, old), asUpdated = sortedDifference(updatedRows, old);
      if (asDeleted.length > 0) await txn.addChangeData(changeDataOfFile(txn, d.file, undefined, asDeleted), changeType);
      if (asUpdated.length > 0) await txn.addChangeData(changeDataOfFile(txn, d.file, undefined, asUpdated), 'update_preimage');
    }
    const all = sortedUnion(old, fresh);
    if (all.length >= numRecords) {
      txn.stageRowChange(d.file, []);
    } else if (txn.deletionVectorsEnabled) {
      const dv = await writeDeletionVector(loc, all);
      const add: DeltaAddFile = {
        ...d.file, dataChange: true, modificationTime: Date.now(), deletionVector: dv,
        stats: looseStats(d.file.stats, numRecords),
      };
      txn.stageRowChange(d.file, [add]);
    } else {
      const written = await writeDataFiles(loc, txn.writeColumns(), readLogicalFile(loc, d.file, txn.columns, all), {
        partitionColumns: txn.metadata.partitionColumns, compression: txn.compression(), statsColumns: txn.statsColumns(),
      });
      txn.stageRowChange(d.file, written.map((w) => ({
        path: w.path, partitionValues: w.partitionValues, size: w.size, modificationTime: w.modificationTime, dataChange: true, stats: w.stats,
      })));
    }
  }
}

/** Rows of a logical file (minus `deleted`), or only rows `keepOnly`, with all table columns. */
export async function* readLogicalFile(
  loc: DeltaLocation, file: DeltaAddFile, columns: readonly ReadableColumn[], deleted: Float64Array | undefined, keepOnly?: Float64Array,
): AsyncGenerator<Batch> {
  yield* readDataFile(loc, file, columns, {
    batchSize: 1 << 16, deleted: deleted && deleted.length > 0 ? deleted : undefined,
    ...(keepOnly ? { keepOnly } : {}),
    partitionValue: (c) => partitionValueOf(file, c),
  });
}

/** Change data rows of a file: its live rows (minus `dv`), or only `keepOnly` when given. */
export async function* changeDataOfFile(
  txn: DeltaTransaction, file: DeltaAddFile, dv: DeletionVectorDescriptor | undefined, keepOnly?: Float64Array,
): AsyncGenerator<Batch> {
  const deleted = dv ? await loadDeletionVector(txn.location, dv) : undefined;
  yield* readLogicalFile(txn.location, file, txn.columns, deleted, keepOnly);
}

/** A live row batch of a file and the physical position of each of its rows. */
export interface PositionedBatch {
  /** Columns as requested; `batch.selection` picks the live rows (not deleted by the file's DV). */
  readonly batch: Batch;
  /** positions[i] = physical row position of logical row i of `batch`. */
  readonly positions: Float64Array;
}

/** Reads the live rows of one logical file with their physical positions (for DELETE/UPDATE/MERGE). */
export async function* readRowsWithPositions(loc: DeltaLocation, file: DeltaAddFile, columns: readonly ReadableColumn[]): AsyncGenerator<PositionedBatch> {
  const deleted = file.deletionVector ? await loadDeletionVector(loc, file.deletionVector) : undefined;
  let start = 0;
  for await (const b of readDataFile(loc, file, columns, { batchSize: 1 << 16, deleted: undefined, partitionValue: (c) => partitionValueOf(file, c) })) {
    const n = b.numRows;
    const selection = deleted ? selectionWithout(deleted, start, n) : null;
    const positions = new Float64Array(selection ? selection.length : n);
    for (let i = 0; i < positions.length; i++) positions[i] = start + (selection ? selection[i]! : i);
    start += n;
    if (positions.length > 0) yield { batch: new Batch(b.columns, n, selection), positions };
  }
}

function partitionValueOf(file: DeltaAddFile, c: ReadableColumn): LiteralValue {
  return decodePartitionValue(file.partitionValues[c.physicalName] ?? file.partitionValues[c.name], c.type, c.name);
}

/** Physical row count of a data file: from its statistics, else from the Parquet footer. */
export async function physicalRows(loc: DeltaLocation, file: DeltaAddFile): Promise<number> {
  const n = parseFileStatistics(file.stats)?.numRecords;
  if (n !== undefined) return n;
  const footer = await readParquetFooter(loc.store, dataFileKey(loc, file.path));
  return Number(footer.metadata.num_rows);
}

/** The statistics of a file that now has a DV: still the physical numRecords, bounds no longer tight. */
function looseStats(stats: string | undefined, numRecords: number): string {
  if (!stats) return `{"numRecords":${numRecords},"tightBounds":false}`;
  try {
    const s = JSON.parse(stats) as Record<string, unknown>;
    return JSON.stringify({ ...s, numRecords, tightBounds: false });
  } catch {
    return `{"numRecords":${numRecords},"tightBounds":false}`;
  }
}

function sortedDistinct(rows: Float64Array | readonly number[]): Float64Array {
  const a = Float64Array.from(rows);
  a.sort();
  let o = 0;
  for (let i = 0; i < a.length; i++) if (o === 0 || a[o - 1] !== a[i]) a[o++] = a[i]!;
  return a.subarray(0, o);
}
