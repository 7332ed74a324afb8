/**
 * Creating a Delta table: version 0 with `protocol`, `metaData` and (for CREATE
 * TABLE AS SELECT) the first data files, committed with put-if-absent so two
 * creators cannot both succeed (the loser gets 42P07).
 *
 * The protocol is derived from what the table uses (table-protocol.ts): CHECK
 * constraints → writer 3, generated columns / change data feed → writer 4, column
 * mapping → reader 2 / writer 5, deletion vectors or timestamp_ntz → reader 3 /
 * writer 7 with table features.
 */
import { randomUUID } from 'node:crypto';
import { LochError, SqlState } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import type { DeltaMetadata } from './delta-actions.ts';
import { listLog, latestVersion } from './delta-log-listing.ts';
import { type CommitResult, DeltaTransaction, type TableRef, resolveTable } from './delta-transaction.ts';
import { applyMetadataUpdate } from './metadata-update.ts';
import type { DeltaColumnSpec } from './schema-serialization.ts';
import { requiredProtocol } from './table-protocol.ts';

/** What CREATE TABLE specifies. */
export interface CreateTableOptions {
  readonly schema: readonly DeltaColumnSpec[];
  readonly partitionColumns?: readonly string[];
  /** Table properties (`delta.enableDeletionVectors`, `delta.enableChangeDataFeed`, `delta.columnMapping.mode`, …). */
  readonly properties?: Readonly<Record<string, string>>;
  /** CHECK constraints: name → SQL boolean expression (stored as delta.constraints.<name>). */
  readonly constraints?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly description?: string;
  readonly objectStore?: ObjectStore;
}

/** Starts the transaction that creates a table (add data with `addFiles` for CTAS, then `commit`). */
export async function startCreateTable(table: TableRef, options: CreateTableOptions): Promise<DeltaTransaction> {
  const loc = resolveTable(table, options.objectStore);
  if (latestVersion(await listLog(loc)) !== undefined) {
    throw new LochError(SqlState.duplicateTable, `Delta table "${loc.display}" already exists`);
  }
  if (options.schema.length === 0) throw new LochError(SqlState.invalidParameterValue, `Delta table "${loc.display}" needs at least one column`);
  const empty: DeltaMetadata = {
    id: randomUUID(), format: { provider: 'parquet', options: {} }, schemaString: '', partitionColumns: [], configuration: {}, createdTime: Date.now(),
  };
  const metadata = applyMetadataUpdate(empty, {
    schema: options.schema,
    partitionColumns: options.partitionColumns ?? [],
    properties: options.properties ?? {},
    constraints: options.constraints ?? {},
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
  }, loc.display);
  const txn = new DeltaTransaction(loc, undefined, metadata, requiredProtocol(metadata));
  txn.commitInfo({
    operation: 'CREATE TABLE',
    operationParameters: {
      isManaged: 'false', description: options.description ?? null,
      partitionBy: JSON.stringify(metadata.partitionColumns), properties: JSON.stringify(metadata.configuration),
    },
  });
  return txn;
}

/** Creates an empty table; LochError 42P07 when one exists at the location. */
export async function createTable(table: TableRef, options: CreateTableOptions): Promise<CommitResult> {
  return (await startCreateTable(table, options)).commit();
}
