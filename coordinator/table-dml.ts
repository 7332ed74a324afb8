/**
 * DELETE, UPDATE and TRUNCATE on Delta tables (embedded engine). Every live
 * row of every file is read with its physical position, the bound predicate
 * picks the rows to change (evaluated by the executor, so the coordinator
 * runs no kernels itself), and one transaction stages the row deletes — as
 * deletion vectors when the table enables them, copy-on-write otherwise — plus
 * the updated rows. A failure before the commit leaves the table unchanged.
 *
 * Reading every file is correct but not yet pruned by statistics: the plan-
 * based version (a scan with row-position metadata columns) comes with the
 * distributed issue.
 */
import type { Batch, SourceColumn } from '../core/index.ts';
import type { Expr, PlanColumn } from '../planner/index.ts';
import {
  readRowsWithPositions, startTransaction, tableConstraints, type DeltaAddFile, type DeltaTransaction, type RowDeletes,
} from '../storage/index.ts';

/** Row-level evaluation the executor provides for DML (worker kernels, injected). */
export interface RowFunctions {
  /** Physical indexes of the batch's selected rows where the predicate is TRUE (all selected rows when there is none). */
  select(batch: Batch): Int32Array;
  /** The rows `selection` of `batch` with every output expression evaluated, as a batch without selection. */
  project(batch: Batch, selection: Int32Array): Batch;
}

export type RowFunctionsFactory = (columns: readonly PlanColumn[], predicate: Expr | null, outputs: readonly Expr[]) => RowFunctions;

interface FileChange {
  readonly file: DeltaAddFile;
  readonly positions: number[];
  readonly updated: Batch[];
}

/** Reads `file` and returns the positions (and, for UPDATE, new rows) of the rows the predicate selects. */
async function changesInFile(txn: DeltaTransaction, file: DeltaAddFile, rows: RowFunctions, update: boolean): Promise<FileChange> {
  const positions: number[] = [];
  const updated: Batch[] = [];
  for await (const { batch, positions: pos } of readRowsWithPositions(txn.location, file, txn.columns)) {
    const picked = rows.select(batch);
    if (picked.length === 0) continue;
    // Physical row p of this batch sits at file position start + p.
    const start = pos[0]! - (batch.selection ? batch.selection[0]! : 0);
    for (let i = 0; i < picked.length; i++) positions.push(start + picked[i]!);
    if (update) updated.push(rows.project(batch, picked));
  }
  return { file, positions, updated };
}

/**
 * One write statement's view of a Delta table: the transaction and everything
 * derived from its snapshot (files, columns in table order, constraints), so the
 * log is replayed once per statement and binding, checks and commit all see the
 * same version.
 */
export interface TableWrite {
  readonly txn: DeltaTransaction;
  readonly files: readonly DeltaAddFile[];
  readonly columns: readonly SourceColumn[];
  readonly constraints: ReturnType<typeof tableConstraints>;
}

export async function startTableWrite(location: string): Promise<TableWrite> {
  const txn = await startTransaction(location);
  const snapshot = txn.snapshot!;
  return {
    txn,
    files: snapshot.files,
    columns: txn.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })),
    constraints: tableConstraints(snapshot.metadata),
  };
}

/** DELETE FROM t [WHERE …]; returns the number of rows deleted. */
export async function deleteRows(write: TableWrite, rows: RowFunctions, hasPredicate: boolean): Promise<number> {
  const { txn, files } = write;
  txn.commitInfo({ operation: 'DELETE', operationParameters: { predicate: hasPredicate ? '[predicate]' : '[]' } });
  txn.readFiles(files);
  let count = 0;
  if (!hasPredicate && !txn.changeDataFeedEnabled) {
    for (const f of files) count += liveRows(f);
    txn.removeFiles(files);
  } else {
    const deletes: RowDeletes[] = [];
    for (const file of files) {
      const change = await changesInFile(txn, file, rows, false);
      if (change.positions.length > 0) deletes.push({ file, rows: change.positions });
      count += change.positions.length;
    }
    if (deletes.length > 0) await txn.deleteRows(deletes, { changeType: 'delete' });
  }
  if (count > 0) await txn.commit();
  return count;
}

/** UPDATE t SET … [WHERE …]; returns the number of rows updated. */
export async function updateRows(
  write: TableWrite, rows: RowFunctions,
  check: (batches: Iterable<Batch>) => AsyncIterable<Batch> | Iterable<Batch> = (b) => b,
): Promise<number> {
  const { txn, files } = write;
  txn.commitInfo({ operation: 'UPDATE', operationParameters: { predicate: '[predicate]' } });
  txn.readFiles(files);
  const deletes: RowDeletes[] = [];
  const updated: Batch[] = [];
  let count = 0;
  for (const file of files) {
    const change = await changesInFile(txn, file, rows, true);
    if (change.positions.length === 0) continue;
    deletes.push({ file, rows: change.positions });
    updated.push(...change.updated);
    count += change.positions.length;
  }
  if (count === 0) return 0;
  await txn.deleteRows(deletes, { changeType: 'update_preimage' });
  await txn.addFiles(check(updated), { changeType: 'update_postimage' });
  await txn.commit();
  return count;
}

/** Rows of a file still live (numRecords minus its deletion vector), for DELETE's count. */
function liveRows(f: DeltaAddFile): number {
  const stats = typeof f.stats === 'string' ? (JSON.parse(f.stats) as { numRecords?: number }) : undefined;
  return (stats?.numRecords ?? 0) - (f.deletionVector?.cardinality ?? 0);
}
