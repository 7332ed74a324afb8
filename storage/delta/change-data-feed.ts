/**
 * Change data feed (PROTOCOL.md "Change Data Files", "Deletion Vectors"):
 * the row changes of commits fromVersion..toVersion with `_change_type`,
 * `_commit_version` and `_commit_timestamp`.
 *
 * Per commit:
 * - it has `cdc` actions → its changes are exactly the rows of those files
 *   (`_change_type` is stored in them: insert, delete, update_preimage, update_postimage);
 * - otherwise data-changing `add`s are inserts and `remove`s are deletes, except
 *   that a remove + add of the same path (a deletion vector change) yields only
 *   the difference: rows newly deleted → delete, rows no longer deleted → insert.
 * Columns follow the schema at `toVersion` (rows of older files lacking a column get NULL).
 */
import {
  Batch, type LiteralValue, type ScanRequest, type SourceColumn, type SourceStatistics, type TableScanner, LochError, SqlState, T,
} from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import type { DeltaAddFile, DeltaRemoveFile } from './delta-actions.ts';
import { type DeltaLocation, decodePath, deltaLocation } from './delta-location.ts';
import { listLog } from './delta-log-listing.ts';
import { readJsonActions } from './delta-log-files.ts';
import { replayTo } from './delta-snapshot.ts';
import { deltaColumns } from './delta-schema.ts';
import { commitTimestampOf } from './commit-timestamps.ts';
import { type ReadableColumn, readDataFile } from './delta-file-reader.ts';
import { loadDeletionVector, sortedDifference } from './deletion-vector.ts';
import { decodePartitionValue } from './partition-value.ts';
import { constantColumn } from './constant-column.ts';
import { checkReadProtocol } from './delta-protocol-check.ts';

/** Names of the change metadata columns, appended after the table's columns. */
export const CHANGE_COLUMNS = ['_change_type', '_commit_version', '_commit_timestamp'] as const;

/** Opens the change feed of versions fromVersion..toVersion (default: newest) as a TableScanner. */
export async function openChangeFeed(location: string, fromVersion: number, toVersion?: number, options: { objectStore?: ObjectStore } = {}): Promise<ChangeFeedScanner> {
  const loc = deltaLocation(location, options.objectStore);
  const listing = await listLog(loc);
  const versions = [...listing.commits.keys()].sort((a, b) => a - b);
  const latest = versions[versions.length - 1];
  if (latest === undefined) throw new LochError(SqlState.undefinedTable, `"${loc.display}" is not a Delta table: it has no commits`);
  const to = toVersion ?? latest;
  if (!Number.isInteger(fromVersion) || fromVersion < 0 || to < fromVersion || to > latest) {
    throw new LochError(SqlState.invalidParameterValue, `Delta table "${loc.display}": change feed range ${fromVersion}..${to} is outside its versions (newest ${latest})`);
  }
  for (let v = fromVersion; v <= to; v++) {
    if (!listing.commits.has(v)) throw new LochError(SqlState.invalidParameterValue, `Delta table "${loc.display}": commit ${v} is no longer in the log, so its changes cannot be read`);
  }
  const snapshot = await replayTo(loc, listing, to);
  const columns = deltaColumns(snapshot.metadata, loc.display).filter((c): c is ReadableColumn => c.type !== undefined);
  const commits = [];
  for (let v = fromVersion; v <= to; v++) commits.push({ version: v, key: listing.commits.get(v)!.path, fileTime: listing.commits.get(v)!.lastModified });
  return new ChangeFeedScanner(loc, columns, commits);
}

/** Reads every change of fromVersion..toVersion as batches of all columns (table columns + change columns). */
export async function* readChanges(location: string, fromVersion: number, toVersion?: number, options: { objectStore?: ObjectStore } = {}): AsyncGenerator<Batch> {
  const feed = await openChangeFeed(location, fromVersion, toVersion, options);
  yield* feed.scan({ columns: feed.columns.map((_, i) => i), predicates: [] });
}

interface CommitRef { readonly version: number; readonly key: string; readonly fileTime: number }

/** A TableScanner over a table's change feed. */
export class ChangeFeedScanner implements TableScanner {
  readonly columns: readonly SourceColumn[];
  private readonly loc: DeltaLocation;
  private readonly tableColumns: readonly ReadableColumn[];
  private readonly commits: readonly CommitRef[];

  constructor(loc: DeltaLocation, tableColumns: readonly ReadableColumn[], commits: readonly CommitRef[]) {
    this.loc = loc;
    this.tableColumns = tableColumns;
    this.commits = commits;
    this.columns = [
      ...tableColumns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })),
      { name: '_change_type', type: T.text, nullable: false },
      { name: '_commit_version', type: T.int64, nullable: false },
      { name: '_commit_timestamp', type: T.timestamptz, nullable: false },
    ];
  }

  async statistics(): Promise<SourceStatistics> {
    return {};
  }

  async *scan(request: ScanRequest): AsyncGenerator<Batch> {
    const n = this.tableColumns.length;
    const changeType: ReadableColumn = {
      name: '_change_type', type: T.text, deltaType: 'string', nullable: false, physicalName: '_change_type',
      fieldId: undefined, isPartition: false, unsupported: undefined, metadata: {},
    };
    for (const commit of this.commits) {
      if (request.signal?.aborted) return;
      const actions = await readJsonActions(this.loc.store, commit.key);
      for (const a of actions) if (a.kind === 'protocol') checkReadProtocol(a.protocol, this.loc.display, commit.version);
      const timestamp = BigInt(Math.floor(commitTimestampOf(actions, commit.fileTime) * 1000));
      const cdcs = actions.flatMap((a) => (a.kind === 'cdc' ? [a.cdc] : []));
      const emit = (batch: Batch, type: string | null): Batch => {
        const len = batch.numRows;
        const table = batch.columns.slice(0, n);
        const typeColumn = type === null ? batch.columns[n]! : constantColumn(T.text, type, len);
        const all = [...table, typeColumn, constantColumn(T.int64, BigInt(commit.version), len), constantColumn(T.timestamptz, timestamp, len)];
        return new Batch(request.columns.map((c) => all[c]!), len, batch.selection);
      };
      if (cdcs.length > 0) {
        for (const cdc of cdcs) {
          const file: DeltaAddFile = { path: cdc.path, partitionValues: cdc.partitionValues, size: cdc.size, modificationTime: 0, dataChange: false };
          for await (const b of readDataFile(this.loc, file, [...this.tableColumns, changeType], this.readOptions(file))) yield emit(b, null);
        }
        continue;
      }
      const adds = actions.flatMap((a) => (a.kind === 'add' && a.add.dataChange ? [a.add] : []));
      const removes = actions.flatMap((a) => (a.kind === 'remove' && a.remove.dataChange ? [a.remove] : []));
      const removedByPath = new Map<string, DeltaRemoveFile>();
      for (const r of removes) removedByPath.set(decodePath(r.path), r);
      const paired = new Set<string>();
      for (const add of adds) {
        const path = decodePath(add.path);
        const before = removedByPath.get(path);
        const addDeleted = add.deletionVector ? await loadDeletionVector(this.loc, add.deletionVector) : new Float64Array(0);
        if (before) {
          paired.add(path);
          const beforeDeleted = before.deletionVector ? await loadDeletionVector(this.loc, before.deletionVector) : new Float64Array(0);
          const newlyDeleted = sortedDifference(addDeleted, beforeDeleted);
          const restored = sortedDifference(beforeDeleted, addDeleted);
          if (newlyDeleted.length > 0) for await (const b of readDataFile(this.loc, add, this.tableColumns, { ...this.readOptions(add), keepOnly: newlyDeleted })) yield emit(b, 'delete');
          if (restored.length > 0) for await (const b of readDataFile(this.loc, add, this.tableColumns, { ...this.readOptions(add), keepOnly: restored })) yield emit(b, 'insert');
          continue;
        }
        for await (const b of readDataFile(this.loc, add, this.tableColumns, { ...this.readOptions(add), deleted: addDeleted.length > 0 ? addDeleted : undefined })) yield emit(b, 'insert');
      }
      for (const r of removes) {
        const path = decodePath(r.path);
        if (paired.has(path)) continue;
        const file: DeltaAddFile = { path: r.path, partitionValues: r.partitionValues ?? {}, size: r.size ?? 0, modificationTime: 0, dataChange: true };
        const deleted = r.deletionVector ? await loadDeletionVector(this.loc, r.deletionVector) : undefined;
        for await (const b of readDataFile(this.loc, file, this.tableColumns, { ...this.readOptions(file), deleted })) yield emit(b, 'delete');
      }
    }
  }

  private readOptions(file: DeltaAddFile): { batchSize: number; deleted: undefined; partitionValue: (c: ReadableColumn) => LiteralValue } {
    return {
      batchSize: 1 << 16,
      deleted: undefined,
      partitionValue: (c) => decodePartitionValue(file.partitionValues[c.physicalName] ?? file.partitionValues[c.name], c.type, c.name),
    };
  }
}
