/**
 * VACUUM: deleting files the table no longer references once they are older than
 * the retention period (PROTOCOL.md "Add File and Remove File": tombstones protect
 * files readers of recent versions may still use).
 *
 *   keep:   data files and DV files of active files, and of tombstones newer than the horizon
 *   delete: every other file under the table root older than the horizon,
 *           except _delta_log/ and hidden (`_`/`.`) paths; _change_data/ files are eligible, and so are
 *           temporary files of crashed commits in _loch_tmp/ (commit-file.ts)
 *
 * A retention below the table's `delta.deletedFileRetentionDuration` (default 168 h)
 * is refused (22023) unless forced, as Delta's retentionDurationCheck does. DRY RUN
 * lists the files without deleting them.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { DeletionVectorDescriptor } from './delta-actions.ts';
import { dataFileKey, tableKey } from './delta-location.ts';
import { loadSnapshot } from './delta-snapshot.ts';
import { deletionVectorFileKey } from './deletion-vector.ts';
import { retentionMillis } from './retention.ts';
import { type TableRef, resolveTable } from './delta-transaction.ts';
import type { ObjectStore } from '../object-store/object-store.ts';

/** Options of `vacuum`. */
export interface VacuumOptions {
  /** Retention in hours (default: the table's retention, 168 h unless configured). */
  readonly retentionHours?: number;
  /** List the files only. */
  readonly dryRun?: boolean;
  /** Allow a retention below the table's (spark.databricks.delta.retentionDurationCheck.enabled=false). */
  readonly force?: boolean;
  readonly objectStore?: ObjectStore;
  /** The current time in ms (tests). */
  readonly now?: number;
}

/** What VACUUM deleted (or would delete): paths relative to the table root. */
export interface VacuumResult {
  readonly files: readonly string[];
  readonly dryRun: boolean;
}

/** Deletes (or lists) unreferenced files older than the retention period. */
export async function vacuum(table: TableRef, options: VacuumOptions = {}): Promise<VacuumResult> {
  const loc = resolveTable(table, options.objectStore);
  const snapshot = await loadSnapshot(loc);
  const tableRetention = retentionMillis(snapshot.metadata);
  const retention = options.retentionHours !== undefined ? options.retentionHours * 3_600_000 : tableRetention;
  if (!(retention >= 0)) throw new LochError(SqlState.invalidParameterValue, `VACUUM retention must be a non-negative number of hours`);
  if (retention < tableRetention && !options.force) {
    throw new LochError(SqlState.invalidParameterValue,
      `VACUUM of Delta table "${loc.display}" with a retention of ${retention / 3_600_000} hours is refused: the table keeps removed files for ${tableRetention / 3_600_000} hours, and a shorter retention can break readers of recent versions and concurrent writers`,
      { hint: 'use a longer retention, or force it (retentionDurationCheck disabled) if no reader or writer can be affected' });
  }
  const now = options.now ?? Date.now();
  const horizon = now - retention;
  const keep = new Set<string>();
  const keepDv = (dv: DeletionVectorDescriptor | undefined): void => {
    if (dv && dv.storageType === 'u') keep.add(deletionVectorFileKey(loc, dv.pathOrInlineDv));
    else if (dv && dv.storageType === 'p') keep.add(dataFileKey(loc, dv.pathOrInlineDv));
  };
  for (const f of snapshot.files) { keep.add(dataFileKey(loc, f.path)); keepDv(f.deletionVector); }
  for (const r of snapshot.tombstones) {
    if ((r.deletionTimestamp ?? 0) >= horizon) { keep.add(dataFileKey(loc, r.path)); keepDv(r.deletionVector); }
  }
  const prefix = loc.root === '' ? '' : `${loc.root}/`;
  const doomed: string[] = [];
  for (const o of await loc.store.list(prefix)) {
    const rel = o.path.slice(prefix.length);
    if (isHidden(rel) || keep.has(o.path) || o.lastModified >= horizon) continue;
    doomed.push(rel);
  }
  if (!options.dryRun) for (const rel of doomed) await loc.store.delete(tableKey(loc, rel));
  return { files: doomed, dryRun: options.dryRun === true };
}

/** Hidden paths VACUUM never touches: any segment starting with `_` or `.`, except _change_data. */
function isHidden(rel: string): boolean {
  return rel.split('/').some((seg) => (seg.startsWith('_') && seg !== '_change_data' && seg !== '_loch_tmp') || seg.startsWith('.'));
}
