/**
 * `writeTpchDataset`: a whole TPC-H dataset as Parquet files.
 *
 *   outDir/nation.parquet  region.parquet  part.parquet  supplier.parquet
 *         partsupp.parquet customer.parquet
 *         orders/part-0.parquet …      (about one file per million rows)
 *         lineitem/part-0.parquet …
 *
 * Each file of orders and lineitem is one dbgen chunk (see generate.ts), so
 * the files can later be produced by parallel workers with the same result.
 *
 * The Parquet writer is passed in (`writeParquetFile`, normally storage's
 * function of that name): DESIGN.md's layout lets bench import core, client
 * and cli but not storage, so the composition root (cli) supplies it.
 */
import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Batch, BatchField } from '../../../core/index.ts';
import { loadDistributions } from './distributions.ts';
import { tpchScale } from './scale.ts';
import { releaseTextPool } from './text-pool.ts';
import { drivingRowCount, generateTpchTable } from './generate.ts';
import { TPCH_TABLES, type TpchTable, tpchTableFields } from './schema.ts';

/** Progress of `writeTpchDataset`, reported after every batch and every file. */
export interface TpchWriteProgress {
  readonly table: TpchTable;
  /** File being written. */
  readonly path: string;
  /** Rows written to this file so far. */
  readonly rows: number;
  /** True once the file is complete. */
  readonly fileDone: boolean;
  /** Files completed so far, and in total. */
  readonly filesDone: number;
  readonly filesTotal: number;
}

/** The signature of storage's `writeParquetFile`. */
export type TpchParquetWriter = (
  path: string,
  fields: readonly BatchField[],
  batches: Iterable<Batch> | AsyncIterable<Batch>,
  options?: { compression?: 'snappy' | 'zstd' | 'none'; rowGroupSize?: number },
) => Promise<void>;

/** Options of `writeTpchDataset`. */
export interface WriteTpchDatasetOptions {
  readonly sf: number;
  readonly outDir: string;
  /** Writes one Parquet file: pass storage's `writeParquetFile`. */
  readonly writeParquetFile: TpchParquetWriter;
  readonly onProgress?: (progress: TpchWriteProgress) => void;
  /** Tables to write (default all eight). */
  readonly tables?: readonly TpchTable[];
  /** Target rows per file for orders and lineitem (default 1,000,000). */
  readonly rowsPerFile?: number;
  readonly compression?: 'snappy' | 'zstd' | 'none';
  /** Rows per generated batch. */
  readonly batchSize?: number;
  /**
   * Writes only every `count`-th file starting at `index` (0-based), so that `count`
   * processes can write one dataset together (each file is an independent chunk).
   */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Leaves files that already exist alone (files appear atomically: a present file is complete). */
  readonly skipExisting?: boolean;
}

/** One file of the dataset. */
export interface TpchFile {
  readonly table: TpchTable;
  readonly path: string;
  readonly part: number;
  readonly parts: number;
}

/** Tables written as a directory of chunk files. */
const SPLIT_TABLES: ReadonlySet<TpchTable> = new Set(['orders', 'lineitem']);
/** Average lineitems per order (1..7 uniform). */
const LINES_PER_ORDER = 4;

/** The files `writeTpchDataset` writes for these options, in writing order. */
export function tpchDatasetFiles(options: Pick<WriteTpchDatasetOptions, 'sf' | 'outDir' | 'tables' | 'rowsPerFile'>): TpchFile[] {
  const ctx = { scale: tpchScale(options.sf), dists: loadDistributions() };
  const rowsPerFile = options.rowsPerFile ?? 1_000_000;
  const files: TpchFile[] = [];
  for (const table of options.tables ?? TPCH_TABLES) {
    if (!SPLIT_TABLES.has(table)) {
      files.push({ table, path: nodePath.join(options.outDir, `${table}.parquet`), part: 0, parts: 1 });
      continue;
    }
    const rows = drivingRowCount(table, ctx) * (table === 'lineitem' ? LINES_PER_ORDER : 1);
    const parts = Math.max(1, Math.round(rows / rowsPerFile));
    for (let part = 0; part < parts; part++) {
      files.push({ table, path: nodePath.join(options.outDir, table, `part-${part}.parquet`), part, parts });
    }
  }
  return files;
}

/** Generates the TPC-H tables at scale factor `sf` and writes them as Parquet under `outDir`. */
export async function writeTpchDataset(options: WriteTpchDatasetOptions): Promise<TpchFile[]> {
  const shard = options.shard ?? { index: 0, count: 1 };
  const files = tpchDatasetFiles(options)
    .filter((_, i) => i % shard.count === shard.index)
    .filter((f) => !(options.skipExisting === true && existsSync(f.path)));
  let filesDone = 0;
  for (const file of files) {
    let rows = 0;
    const report = (fileDone: boolean) =>
      options.onProgress?.({ table: file.table, path: file.path, rows, fileDone, filesDone, filesTotal: files.length });
    const batches = generateTpchTable(file.table, options.sf, { part: file.part, parts: file.parts, batchSize: options.batchSize });
    function* counted(): Generator<Batch> {
      for (const batch of batches) {
        yield batch;
        rows += batch.numRows;
        report(false);
      }
    }
    await options.writeParquetFile(file.path, tpchTableFields(file.table), counted(), {
      compression: options.compression ?? 'snappy',
    });
    filesDone++;
    report(true);
  }
  // A dataset is written once; do not keep 300 MiB of text alive afterwards.
  releaseTextPool();
  return files;
}
