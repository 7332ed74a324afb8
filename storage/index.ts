/** storage/: object stores and file formats (Parquet). Other folders import only this file. */
export type { ObjectMeta, ObjectStore } from './object-store/object-store.ts';
export { LocalObjectStore } from './object-store/local-object-store.ts';
export { writeParquetFile, LOCH_SCHEMA_METADATA_KEY } from './parquet/parquet-writer.ts';
export type { ParquetWriteOptions } from './parquet/parquet-writer.ts';
export { materializeBatch } from './batch-gather.ts';
