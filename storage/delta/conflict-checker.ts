/**
 * Delta's optimistic concurrency rules, applied when a commit loses the race for
 * its version: every commit that won since the transaction's read version is
 * checked against what the transaction read and changed.
 *
 *   winner changed protocol or metaData                 → conflict (MetadataChanged / ProtocolChanged)
 *   winner removed a file the transaction read           → conflict (ConcurrentDeleteRead)
 *   winner removed a file the transaction also removes   → conflict (ConcurrentDeleteDelete)
 *   winner added files the transaction's read predicate
 *     could match — under WriteSerializable only when the
 *     winner was not a blind append (Serializable: always) → conflict (ConcurrentAppend)
 *   both set the same txn appId                          → conflict (ConcurrentTransaction)
 *
 * A blind append (no reads, only data-changing adds) never conflicts with anything but
 * protocol/metadata changes, so appends from many writers just move to the next version.
 */
import { type LiteralValue, LochError, type ScanPredicate, SqlState } from '../../core/index.ts';
import type { DeltaAction, DeltaAddFile } from './delta-actions.ts';
import { decodePath } from './delta-location.ts';
import { type SkippingColumn, fileMayMatch, parseFileStatistics } from './file-statistics.ts';
import { decodePartitionValue } from './partition-value.ts';
import type { ReadableColumn } from './delta-file-reader.ts';

/** Delta's isolation levels. */
export type IsolationLevel = 'WriteSerializable' | 'Serializable';

/** What a transaction read and changes, for conflict checks. */
export interface TransactionFootprint {
  readonly isolationLevel: IsolationLevel;
  /** Decoded paths of files the transaction read (and based its changes on). */
  readonly readFiles: ReadonlySet<string>;
  /** Conjuncts describing the rows it read (table column indexes of `columns`); undefined = none read. */
  readonly readPredicates: readonly ScanPredicate[] | undefined;
  readonly readWholeTable: boolean;
  /** Decoded paths of files it removes. */
  readonly removedFiles: ReadonlySet<string>;
  readonly appIds: ReadonlySet<string>;
  /** Readable table columns the predicates refer to. */
  readonly columns: readonly ReadableColumn[];
}

/** Throws 40001 naming `winnerVersion` when the winning commit's `actions` conflict with the transaction. */
export function checkConflicts(table: string, winnerVersion: number, actions: readonly DeltaAction[], t: TransactionFootprint): void {
  const fail = (why: string): never => {
    throw new LochError(SqlState.serializationFailure,
      `Delta table "${table}": a concurrent transaction committed version ${winnerVersion} first and ${why}; retry the operation`);
  };
  let blindAppend = false;
  for (const a of actions) if (a.kind === 'commitInfo' && a.commitInfo.isBlindAppend === true) blindAppend = true;
  for (const a of actions) {
    switch (a.kind) {
      case 'protocol': fail('changed the table protocol'); break;
      case 'metaData': fail('changed the table metadata (schema, partitioning or properties)'); break;
      case 'txn': if (t.appIds.has(a.appId)) fail(`committed for the same application id "${a.appId}"`); break;
      case 'remove': {
        const path = decodePath(a.remove.path);
        if (t.readFiles.has(path)) fail(`removed file "${path}" that this transaction read`);
        if (t.removedFiles.has(path)) fail(`also removed file "${path}"`);
        break;
      }
      case 'add': {
        if (!a.add.dataChange) break;
        if (blindAppend && t.isolationLevel === 'WriteSerializable') break;
        if (t.readWholeTable) fail(`added file "${decodePath(a.add.path)}" to the table this transaction read`);
        if (t.readPredicates && addedFileMatches(a.add, t.readPredicates, t.columns)) {
          fail(`added file "${decodePath(a.add.path)}" with rows this transaction's condition may match`);
        }
        break;
      }
      default: break;
    }
  }
}

function addedFileMatches(add: DeltaAddFile, predicates: readonly ScanPredicate[], columns: readonly ReadableColumn[]): boolean {
  const skipping: readonly SkippingColumn[] = columns;
  const partitionValue = (i: number): LiteralValue => {
    const c = columns[i]!;
    return decodePartitionValue(add.partitionValues[c.physicalName] ?? add.partitionValues[c.name], c.type, c.name);
  };
  return fileMayMatch(predicates, skipping, parseFileStatistics(add.stats), partitionValue);
}
