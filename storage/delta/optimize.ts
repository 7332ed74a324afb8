/**
 * OPTIMIZE: compacting small files (bin-packing) and, optionally, ZORDER BY.
 *
 *   active files ─► group by partition ─► small files (< minFileSize; or any file with a DV)
 *     ─► ≥ 2 of them (or 1 with a DV) ─► read live rows ─► [z-order sort] ─► files of ~targetFileSize
 *   commit: remove(old, dataChange=false) + add(new, dataChange=false)   operation OPTIMIZE
 *
 * ZORDER BY rewrites every file of each selected partition, ordered by the
 * interleaved bits of the columns' per-partition ranks (a simple Morton order:
 * rows close in all columns land in the same files, so min/max skipping works on
 * each of them).
 */
import { Batch, type LiteralValue, LochError, SqlState, columnFromValues, readValue } from '../../core/index.ts';
import type { DeltaAddFile } from './delta-actions.ts';
import { type CommitResult, type TableRef, type TransactionOptions, startTransaction } from './delta-transaction.ts';
import { readLogicalFile } from './row-level-changes.ts';
import { loadDeletionVector } from './deletion-vector.ts';
import { compare } from './file-statistics.ts';
import { type WrittenFile, writeDataFiles } from './data-file-writer.ts';
import type { ReadableColumn } from './delta-file-reader.ts';

/** Options of `optimize`. */
export interface OptimizeOptions extends TransactionOptions {
  /** Only partitions whose partition values satisfy this (by column name → serialized value). */
  readonly partitionFilter?: (values: Readonly<Record<string, string | null>>) => boolean;
  /** Columns to Z-order by. */
  readonly zOrderBy?: readonly string[];
  /** Files below this size are compacted (default: targetFileSize). */
  readonly minFileSize?: number;
  /** Output file size target in in-memory bytes (default: delta.targetFileSize or 128 MiB). */
  readonly targetFileSize?: number;
}

/** What OPTIMIZE did. */
export interface OptimizeResult {
  readonly version: number | undefined;
  readonly filesRemoved: number;
  readonly filesAdded: number;
}

const DEFAULT_TARGET = 128 * 1024 * 1024;

/** Compacts (and optionally Z-orders) a table; commits nothing when there is nothing to do. */
export async function optimize(table: TableRef, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const txn = await startTransaction(table, options);
  const columns = txn.columns;
  const zCols = (options.zOrderBy ?? []).map((name) => {
    const i = columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new LochError(SqlState.undefinedColumn, `ZORDER BY column "${name}" does not exist in Delta table "${txn.location.display}"`);
    if (columns[i]!.isPartition) throw new LochError(SqlState.invalidParameterValue, `ZORDER BY column "${name}" is a partition column`);
    return i;
  });
  const target = options.targetFileSize ?? Number(txn.property('delta.targetFileSize') ?? DEFAULT_TARGET);
  const minSize = options.minFileSize ?? target;
  const groups = new Map<string, DeltaAddFile[]>();
  for (const f of txn.snapshot!.files) {
    if (options.partitionFilter && !options.partitionFilter(f.partitionValues)) continue;
    const key = JSON.stringify(Object.entries(f.partitionValues).sort());
    let g = groups.get(key);
    if (!g) groups.set(key, g = []);
    g.push(f);
  }
  let removed = 0, added = 0;
  for (const files of groups.values()) {
    const picked = zCols.length > 0 ? files : files.filter((f) => f.size < minSize || f.deletionVector);
    if (picked.length === 0 || (picked.length === 1 && !picked[0]!.deletionVector && zCols.length === 0)) continue;
    const batches = readFiles(txn.location, picked, columns);
    const written: WrittenFile[] = await writeDataFiles(txn.location, txn.writeColumns(),
      zCols.length > 0 ? zOrdered(await collect(batches), columns, zCols) : batches,
      { partitionColumns: txn.metadata.partitionColumns, compression: txn.compression(), targetFileSize: target, statsColumns: txn.statsColumns() });
    txn.removeFiles(picked, { dataChange: false });
    txn.addExistingFiles(written.map((w) => ({ path: w.path, partitionValues: w.partitionValues, size: w.size, modificationTime: w.modificationTime, dataChange: false, stats: w.stats })), { dataChange: false });
    removed += picked.length;
    added += written.length;
  }
  if (removed === 0) return { version: undefined, filesRemoved: 0, filesAdded: 0 };
  txn.commitInfo({
    operation: 'OPTIMIZE',
    operationParameters: { predicate: '[]', zOrderBy: JSON.stringify(options.zOrderBy ?? []) },
    operationMetrics: { numRemovedFiles: String(removed), numAddedFiles: String(added) },
  });
  const result: CommitResult = await txn.commit();
  return { version: result.version, filesRemoved: removed, filesAdded: added };
}

async function* readFiles(loc: Parameters<typeof readLogicalFile>[0], files: readonly DeltaAddFile[], columns: readonly ReadableColumn[]): AsyncGenerator<Batch> {
  for (const f of files) {
    const deleted = f.deletionVector ? await loadDeletionVector(loc, f.deletionVector) : undefined;
    yield* readLogicalFile(loc, f, columns, deleted);
  }
}

async function collect(batches: AsyncIterable<Batch>): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

/** All rows of `batches` in Z-order of columns `zCols` (one batch). */
function zOrdered(batches: readonly Batch[], columns: readonly ReadableColumn[], zCols: readonly number[]): Batch[] {
  const values: LiteralValue[][] = columns.map(() => []);
  for (const b of batches) {
    const n = b.length;
    for (let c = 0; c < columns.length; c++) {
      const out = values[c]!, d = b.columns[c]!, t = columns[c]!.type;
      for (let i = 0; i < n; i++) out.push(readValue(d, t, b.selection ? b.selection[i]! : i));
    }
  }
  const n = values[0]?.length ?? 0;
  if (n === 0) return [];
  const bits = Math.max(1, Math.min(16, Math.floor(48 / zCols.length)));
  const ranks = zCols.map((c) => scaledRanks(values[c]!, bits));
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let b = bits - 1; b >= 0; b--) for (let k = 0; k < ranks.length; k++) v = v * 2 + ((ranks[k]![i]! >> b) & 1);
    z[i] = v;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => z[a]! - z[b]!);
  return [new Batch(columns.map((c, k) => columnFromValues(c.type, order.map((i) => values[k]![i]!))), n)];
}

/** Each value's rank among the distinct values (NULL first), scaled to [0, 2^bits). */
function scaledRanks(values: readonly LiteralValue[], bits: number): Uint32Array {
  const idx = Array.from(values.keys()).sort((a, b) => {
    const x = values[a]!, y = values[b]!;
    if (x === null || y === null) return x === null ? (y === null ? 0 : -1) : 1;
    const c = compare(x, y);
    return Number.isNaN(c) ? 0 : c;
  });
  const rank = new Uint32Array(values.length);
  let r = 0;
  for (let i = 0; i < idx.length; i++) {
    if (i > 0 && compare(values[idx[i]!]!, values[idx[i - 1]!]!) !== 0) r++;
    rank[idx[i]!] = r;
  }
  const distinct = r + 1;
  const scale = (2 ** bits) / distinct;
  for (let i = 0; i < rank.length; i++) rank[i] = Math.min(2 ** bits - 1, Math.floor(rank[i]! * scale));
  return rank;
}
