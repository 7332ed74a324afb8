/** storage/: object stores and file formats (Parquet). Other folders import only this file. */
export type { ByteRange, ObjectMeta, ObjectStore } from './object-store/object-store.ts';
export { LocalObjectStore } from './object-store/local-object-store.ts';
export { writeParquetFile } from './parquet/parquet-writer.ts';
export { LOCH_SCHEMA_METADATA_KEY } from './parquet/loch-metadata.ts';
export type { ParquetWriteOptions } from './parquet/parquet-writer.ts';
export { materializeBatch } from './batch-gather.ts';
export { openParquetTable, ParquetTableScanner } from './parquet/parquet-scanner.ts';
export type { OpenParquetOptions, ParquetScanMetrics } from './parquet/parquet-scanner.ts';
export { expandGlob } from './parquet/expand-glob.ts';
export {
  openDeltaTable, DeltaTableScanner, loadSnapshot, deltaLocation, openChangeFeed, readChanges, ChangeFeedScanner, CHANGE_COLUMNS,
  describeHistory, describeDetail, SUPPORTED_READER_FEATURES, MAX_READER_VERSION,
} from './delta/index.ts';
export type {
  OpenDeltaOptions, DeltaScanMetrics, DeltaSnapshot, SnapshotSelector, DeltaLocation, DeltaColumn, ColumnMappingMode, DeltaAction,
  DeltaAddFile, DeltaRemoveFile, DeltaCdcFile, DeltaMetadata, DeltaProtocol, DeletionVectorDescriptor, DeltaHistoryEntry, DeltaTableDetail,
} from './delta/index.ts';
