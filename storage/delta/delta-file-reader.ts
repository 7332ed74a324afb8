/**
 * Reading one logical file of a Delta table as batches of the table's columns.
 *
 *   data file (Parquet, physical names) ──► requested columns found by field id / physical name
 *        │                                    missing in this file → NULL column (schema evolution)
 *        │                                    narrower type → widened (column-widening.ts)
 *   partition columns ◄── add.partitionValues (constant columns)
 *   deletion vector   ──► selection vector (row indexes = physical positions in the file)
 *
 * Files with nested columns go through storage/parquet/nested-columns.ts (whole-file decode).
 */
import type * as arrow from 'apache-arrow';
import { Batch, type LiteralValue, LochError, type ScanPredicate, SqlState, isNested, typesEqual } from '../../core/index.ts';
import { readParquetFooter } from '../parquet/parquet-footer.ts';
import { type ParquetColumn, parquetColumns } from '../parquet/parquet-schema.ts';
import { ParquetTableScanner } from '../parquet/parquet-scanner.ts';
import type { DeltaAddFile } from './delta-actions.ts';
import { type DeltaLocation, dataFileKey } from './delta-location.ts';
import type { DeltaColumn } from './delta-schema.ts';
import { constantColumn } from './constant-column.ts';
import { widenColumn } from './column-widening.ts';
import { selectionOf, selectionWithout } from './deletion-vector.ts';
import { hasNestedColumns, nestedFileColumns, readNestedFileColumns } from '../parquet/nested-columns.ts';

/** A readable table column (its Loch type is known). */
export type ReadableColumn = DeltaColumn & { readonly type: NonNullable<DeltaColumn['type']> };

/** How to read one file. */
export interface FileReadOptions {
  readonly batchSize: number;
  /** Sorted deleted row indexes (from the file's deletion vector), if any. */
  readonly deleted: Float64Array | undefined;
  /** Sorted row indexes to keep instead (change data feed of a deletion vector change). */
  readonly keepOnly?: Float64Array;
  /** Decoded partition value of a partition column. */
  readonly partitionValue: (column: ReadableColumn) => LiteralValue;
  readonly limit?: number;
  readonly signal?: AbortSignal;
  /** Conjuncts on table columns the Parquet reader may use to skip row groups (never with a deletion vector). */
  readonly predicates?: readonly { readonly column: ReadableColumn; readonly predicate: ScanPredicate }[];
  /** Receives the number of row groups statistics let the Parquet reader skip. */
  readonly onRowGroupsSkipped?: (count: number) => void;
}

/** Finds a table column among a file's columns: field id first (id mode), then physical name, then case-insensitively. */
export function findFileColumn<C extends { readonly name: string }>(fileColumns: readonly C[], col: DeltaColumn, fieldIdOf: (c: C) => number | undefined): number {
  if (col.fieldId !== undefined) {
    const byId = fileColumns.findIndex((c) => fieldIdOf(c) === col.fieldId);
    if (byId >= 0) return byId;
  }
  const exact = fileColumns.findIndex((c) => c.name === col.physicalName);
  if (exact >= 0) return exact;
  const lower = col.physicalName.toLowerCase();
  return fileColumns.findIndex((c) => c.name.toLowerCase() === lower);
}

/** Batches of `columns` (table order as requested) from one logical file. */
export async function* readDataFile(loc: DeltaLocation, file: DeltaAddFile, columns: readonly ReadableColumn[], options: FileReadOptions): AsyncGenerator<Batch> {
  const key = dataFileKey(loc, file.path);
  const footer = await readParquetFooter(loc.store, key);
  let fileColumns: ParquetColumn[] | undefined;
  if (!hasNestedColumns(footer.metadata)) {
    try {
      fileColumns = parquetColumns(key, footer.metadata);
    } catch (e) {
      if (!(e instanceof LochError && e.sqlState === SqlState.featureNotSupported)) throw e;
    }
  }
  if (!fileColumns) {
    yield* readNestedFile(loc, key, footer.size, footer.metadata, columns, options);
    return;
  }
  const dataColumns = columns.filter((c) => !c.isPartition);
  const located = new Map<ReadableColumn, number>();
  for (const c of dataColumns) {
    const i = findFileColumn(fileColumns, c, (f) => f.element.field_id);
    if (i >= 0) located.set(c, i);
  }
  const wanted = [...new Set(located.values())];
  const scanner = new ParquetTableScanner(loc.store, [{ footer, columns: fileColumns }]);
  const deleted = options.deleted;
  const keepOnly = options.keepOnly;
  let position = 0;
  // Row-group skipping inside the file is safe only when positions need not be tracked
  // (no deletion vector) and the file stores the table's type (the literals are typed for it).
  const filePredicates: ScanPredicate[] = [];
  if (deleted === undefined && keepOnly === undefined) {
    for (const { column, predicate } of options.predicates ?? []) {
      const fi = located.get(column);
      if (fi !== undefined && typesEqual(fileColumns[fi]!.type, column.type)) filePredicates.push({ ...predicate, column: fi });
    }
  }
  for await (const batch of scanner.scan({
    columns: wanted, predicates: filePredicates, batchSize: options.batchSize,
    ...(deleted === undefined && keepOnly === undefined && options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })) {
    const n = batch.numRows;
    const out = columns.map((c): arrow.Data => {
      if (c.isPartition) return constantColumn(c.type, options.partitionValue(c), n);
      const fi = located.get(c);
      if (fi === undefined) return constantColumn(c.type, null, n);
      return widenColumn(batch.columns[wanted.indexOf(fi)]!, fileColumns[fi]!.type, c.type, c.name);
    });
    const selection = keepOnly ? selectionOf(keepOnly, position, n) : deleted ? selectionWithout(deleted, position, n) : null;
    position += n;
    if (selection && selection.length === 0) continue;
    yield new Batch(out, n, selection);
  }
  options.onRowGroupsSkipped?.(scanner.metrics.rowGroupsSkipped);
}

async function* readNestedFile(
  loc: DeltaLocation, key: string, size: number, metadata: Parameters<typeof nestedFileColumns>[1],
  columns: readonly ReadableColumn[], options: FileReadOptions,
): AsyncGenerator<Batch> {
  const flat = nestedFileColumns(key, metadata, true);
  const located = new Map<ReadableColumn, number>();
  for (const c of columns) {
    if (c.isPartition) continue;
    const i = findFileColumn(flat, c, (f) => f.fieldId);
    if (i >= 0) located.set(c, i);
  }
  const wanted = [...new Set(located.values())];
  // nested columns are built straight in the table's type (fields by position: column mapping renames them)
  const targets = wanted.map((i) => {
    const t = flat[i]!.type;
    return isNested(t) ? [...located].find(([, fi]) => fi === i)![0].type : t;
  });
  // no data column wanted (count(*), partition columns only): the row count comes from the footer
  const batches = wanted.length > 0
    ? (await readNestedFileColumns(await loc.store.getRange(key, 0, size), wanted.map((i) => flat[i]!), targets, undefined, options.batchSize)).batches
    : [[]];
  let position = 0;
  for (const read of batches) {
    const n = wanted.length > 0 ? read[0]!.length : Number(metadata.num_rows);
    if (n === 0) continue;
    const out = columns.map((c): arrow.Data => {
      if (c.isPartition) return constantColumn(c.type, options.partitionValue(c), n);
      const fi = located.get(c);
      if (fi === undefined) return constantColumn(c.type, null, n);
      const data = read[wanted.indexOf(fi)]!;
      return isNested(flat[fi]!.type) ? data : widenColumn(data, flat[fi]!.type, c.type, c.name);
    });
    const selection = options.keepOnly ? selectionOf(options.keepOnly, position, n) : options.deleted ? selectionWithout(options.deleted, position, n) : null;
    position += n;
    if (!(selection && selection.length === 0)) yield new Batch(out, n, selection);
  }
}
