/**
 * storage/delta: Delta Lake tables (issue 3). storage/index.ts re-exports the public part.
 *
 * Read: openDeltaTable / loadSnapshot / openChangeFeed / describeHistory / describeDetail.
 *
 * Write (how the SQL layer uses it):
 *   CREATE TABLE [AS SELECT]   txn = await startCreateTable(loc, { schema, partitionColumns, properties, constraints });
 *                              [await txn.addFiles(rows)]; await txn.commit()          (42P07 when it exists)
 *   INSERT INTO                txn = await startTransaction(loc); [mergeSchema(txn, cols)]; await txn.addFiles(rows); commit
 *   INSERT OVERWRITE/TRUNCATE  txn.overwrite([partition predicates]); await txn.addFiles(rows); commit
 *   DELETE/UPDATE/MERGE        files = txn.filesMatching(predicates); for each file readRowsWithPositions(loc, file, txn.columns)
 *                              → evaluate the condition → await txn.deleteRows([{ file, rows }], { changeType });
 *                              UPDATE/MERGE: await txn.addFiles(newRows, { changeType: 'update_postimage' | 'insert' }); commit
 *   ALTER TABLE                addColumns / renameColumn / dropColumns (txn), txn.updateMetadata({ properties, constraints })
 *   OPTIMIZE / VACUUM / RESTORE optimize(loc, { zOrderBy }), vacuum(loc, { retentionHours, dryRun, force }), restore(loc, { version })
 *   CHECK / generated columns  tableConstraints(txn.metadata) → the SQL layer evaluates them on the rows before addFiles
 * commit() raises 40001 (naming the winning version) when a concurrent commit conflicts: re-run the statement.
 */
export { openDeltaTable, DeltaTableScanner } from './delta-table-scanner.ts';
export type { OpenDeltaOptions, DeltaScanMetrics } from './delta-table-scanner.ts';
export { loadSnapshot } from './delta-snapshot.ts';
export type { DeltaSnapshot, SnapshotSelector } from './delta-snapshot.ts';
export { deltaLocation } from './delta-location.ts';
export type { DeltaLocation } from './delta-location.ts';
export type { DeltaColumn, ColumnMappingMode } from './delta-schema.ts';
export type {
  DeltaAction, DeltaAddFile, DeltaRemoveFile, DeltaCdcFile, DeltaMetadata, DeltaProtocol, DeletionVectorDescriptor,
} from './delta-actions.ts';
export { openChangeFeed, readChanges, ChangeFeedScanner, CHANGE_COLUMNS } from './change-data-feed.ts';
export { describeHistory, describeDetail } from './table-history.ts';
export type { DeltaHistoryEntry, DeltaTableDetail } from './table-history.ts';
export { SUPPORTED_READER_FEATURES, MAX_READER_VERSION } from './delta-protocol-check.ts';
// Write side (issue 3): transactions, table creation, row-level changes, maintenance.
export { startTransaction, DeltaTransaction } from './delta-transaction.ts';
export { commitName } from './commit-file.ts';
export type { TableRef, TransactionOptions, AddFilesOptions, CommitResult, ChangeType } from './delta-transaction.ts';
export type { IsolationLevel } from './conflict-checker.ts';
export { createTable, startCreateTable } from './create-table.ts';
export type { CreateTableOptions } from './create-table.ts';
export type { DeltaColumnSpec } from './schema-serialization.ts';
export type { MetadataUpdate } from './metadata-update.ts';
export { readRowsWithPositions } from './row-level-changes.ts';
export type { RowDeletes, PositionedBatch } from './row-level-changes.ts';
export { writeCheckpoint, checkpointSchema } from './checkpoint-writer.ts';
export { requiredProtocol, SUPPORTED_WRITER_FEATURES } from './table-protocol.ts';
export { optimize } from './optimize.ts';
export type { OptimizeOptions, OptimizeResult } from './optimize.ts';
export { vacuum } from './vacuum.ts';
export type { VacuumOptions, VacuumResult } from './vacuum.ts';
export { restore } from './restore.ts';
export type { RestoreResult } from './restore.ts';
export { addColumns, mergeSchema, renameColumn, dropColumns } from './schema-evolution.ts';
export { tableConstraints } from './table-constraints.ts';
export type { TableConstraints } from './table-constraints.ts';
export { validateDeltaLog } from './log-validator.ts';
