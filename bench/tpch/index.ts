/**
 * bench/tpch: a TPC-H data generator that reproduces the reference dbgen
 * 2.17.3 row for row, producing Loch batches or Parquet files.
 */
export { tpchTableFields, isTpchTable, TPCH_TABLES } from './gen/schema.ts';
export type { TpchTable } from './gen/schema.ts';
export { generateTpchTable, tpchTableRowCount, DEFAULT_TPCH_BATCH_SIZE } from './gen/generate.ts';
export type { GenerateOptions } from './gen/generate.ts';
export { tpchScale } from './gen/scale.ts';
export type { TpchScale } from './gen/scale.ts';
export { writeTpchDataset, tpchDatasetFiles } from './gen/write-dataset.ts';
export type { WriteTpchDatasetOptions, TpchWriteProgress, TpchFile, TpchParquetWriter } from './gen/write-dataset.ts';
export { DEFAULT_DISTS_PATH } from './gen/distributions.ts';
export { releaseTextPool as releaseTpchTextPool } from './gen/text-pool.ts';
