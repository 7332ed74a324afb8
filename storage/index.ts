/** storage/: object stores and file formats (Parquet). Other folders import only this file. */
export type { ByteRange, ObjectMeta, ObjectStore } from './object-store/object-store.ts';
export { LocalObjectStore } from './object-store/local-object-store.ts';
export { writeParquetFile } from './parquet/parquet-writer.ts';
export { LOCH_SCHEMA_METADATA_KEY } from './parquet/loch-metadata.ts';
export type { ParquetWriteOptions } from './parquet/parquet-writer.ts';
export { writeCsvFile, writeJsonLinesFile, type CsvWriteOptions } from './text-file-writer.ts';
export { materializeBatch } from './batch-gather.ts';
export { openParquetTable, ParquetTableScanner } from './parquet/parquet-scanner.ts';
export type { OpenParquetOptions, ParquetScanMetrics } from './parquet/parquet-scanner.ts';
export { expandGlob } from './parquet/expand-glob.ts';
export { configureColumnCache, clearColumnCache, uncacheColumns, columnCacheStats, resetColumnCacheCounters } from './parquet/column-cache.ts';
export type { ColumnCacheStats } from './parquet/column-cache.ts';
export { serveColumnCache, connectColumnCache, sharedColumnCacheLimit } from './parquet/column-cache-port.ts';
export {
  openDeltaTable, DeltaTableScanner, loadSnapshot, deltaLocation, openChangeFeed, readChanges, ChangeFeedScanner, CHANGE_COLUMNS,
  describeHistory, describeDetail, SUPPORTED_READER_FEATURES, MAX_READER_VERSION,
} from './delta/index.ts';
export type {
  OpenDeltaOptions, DeltaScanMetrics, DeltaSnapshot, SnapshotSelector, DeltaLocation, DeltaColumn, ColumnMappingMode, DeltaAction,
  DeltaAddFile, DeltaRemoveFile, DeltaCdcFile, DeltaMetadata, DeltaProtocol, DeletionVectorDescriptor, DeltaHistoryEntry, DeltaTableDetail,
} from './delta/index.ts';
export { S3ObjectStore } from './object-store/s3-object-store.ts';
export type { S3StoreMetrics } from './object-store/s3-object-store.ts';
export type { S3StoreConfig, S3Credentials } from './object-store/s3-config.ts';
export { EtcdCommitLock } from './object-store/etcd-commit-lock.ts';
export type { EtcdCommitLockConfig } from './object-store/etcd-commit-lock.ts';
export type { CommitLock } from './object-store/commit-lock.ts';
export { configureS3, resolveStore, isRemoteUrl, s3DefaultsFromEnv } from './object-store/store-registry.ts';
export type { S3Defaults, ResolvedStore } from './object-store/store-registry.ts';
// Delta write side (issue 3): transactions, CREATE TABLE, row-level changes, maintenance, schema evolution.
export {
  startTransaction, DeltaTransaction, createTable, startCreateTable, readRowsWithPositions, writeCheckpoint, checkpointSchema,
  requiredProtocol, SUPPORTED_WRITER_FEATURES, optimize, vacuum, restore, addColumns, mergeSchema, renameColumn, dropColumns,
} from './delta/index.ts';
export type {
  TableRef, TransactionOptions, AddFilesOptions, CommitResult, ChangeType, IsolationLevel, CreateTableOptions, DeltaColumnSpec,
  MetadataUpdate, RowDeletes, PositionedBatch, OptimizeOptions, OptimizeResult, VacuumOptions, VacuumResult, RestoreResult,
} from './delta/index.ts';
export { tableConstraints } from './delta/index.ts';
export type { TableConstraints } from './delta/index.ts';
export { validateDeltaLog } from './delta/index.ts';
