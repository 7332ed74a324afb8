/**
 * RESTORE TABLE … TO VERSION AS OF n / TIMESTAMP AS OF ts: a new commit whose
 * state equals version n's — files of n that are no longer active are re-added,
 * files active now but not in n are removed (both dataChange=true) — and whose
 * metadata is n's. The protocol is never lowered. Re-adding a file VACUUM already
 * deleted is refused (its data is gone).
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import { dataFileKey } from './delta-location.ts';
import { loadSnapshot, type SnapshotSelector } from './delta-snapshot.ts';
import { logicalFileKey } from './delta-log-replay.ts';
import { type CommitResult, type TableRef, startTransaction } from './delta-transaction.ts';

/** What RESTORE did. */
export interface RestoreResult extends CommitResult {
  readonly filesAdded: number;
  readonly filesRemoved: number;
}

/** Restores the table to the version `target` selects. */
export async function restore(table: TableRef, target: SnapshotSelector, options: { objectStore?: ObjectStore } = {}): Promise<RestoreResult> {
  const txn = await startTransaction(table, options.objectStore ? { objectStore: options.objectStore } : {});
  const loc = txn.location;
  const current = txn.snapshot!;
  const old = await loadSnapshot(loc, target);
  if (old.version === current.version) {
    throw new LochError(SqlState.invalidParameterValue, `Delta table "${loc.display}" is already at version ${old.version}`);
  }
  const now = new Set(current.files.map((f) => logicalFileKey(f.path, f.deletionVector)));
  const then = new Set(old.files.map((f) => logicalFileKey(f.path, f.deletionVector)));
  const toAdd = old.files.filter((f) => !now.has(logicalFileKey(f.path, f.deletionVector)));
  const toRemove = current.files.filter((f) => !then.has(logicalFileKey(f.path, f.deletionVector)));
  for (const f of toAdd) {
    try {
      await loc.store.head(dataFileKey(loc, f.path));
    } catch {
      throw new LochError(SqlState.invalidParameterValue,
        `Delta table "${loc.display}" cannot be restored to version ${old.version}: its data file "${f.path}" was deleted (VACUUM)`);
    }
  }
  txn.readWholeTable();
  txn.removeFiles(toRemove);
  txn.addExistingFiles(toAdd);
  if (old.metadata.schemaString !== current.metadata.schemaString || JSON.stringify(old.metadata.configuration) !== JSON.stringify(current.metadata.configuration)
    || old.metadata.partitionColumns.join() !== current.metadata.partitionColumns.join()) {
    txn.replaceMetadata(old.metadata);
  }
  txn.commitInfo({
    operation: 'RESTORE',
    operationParameters: { ...(target.version !== undefined ? { version: target.version } : {}), ...(target.timestamp !== undefined ? { timestamp: target.timestamp } : {}) },
    operationMetrics: { numRestoredFiles: String(toAdd.length), numRemovedFiles: String(toRemove.length) },
  });
  const result = await txn.commit();
  return { ...result, filesAdded: toAdd.length, filesRemoved: toRemove.length };
}
