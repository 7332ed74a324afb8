/**
 * MERGE INTO a Delta table (embedded engine). The bound merge (planner/binder/
 * bind-merge.ts) is one join of the target's live rows — each tagged with its
 * file and physical position — against the source. For every joined row the
 * first WHEN clause whose predicate holds acts: UPDATE and DELETE collect the
 * row's position (and UPDATE its new values), INSERT its new row. One
 * transaction then stages the deletes (deletion vectors or copy-on-write), the
 * updated rows and the inserted rows; nothing is visible until it commits.
 */
import * as arrow from 'apache-arrow';
import { Batch, LochError, SqlState, T, type ScanRequest, type SourceColumn, type TableScanner } from '../core/index.ts';
import { MERGE_FILE_COLUMN, MERGE_POSITION_COLUMN, type BoundMerge } from '../planner/index.ts';
import { readRowsWithPositions, type DeltaAddFile, type DeltaTransaction, type RowDeletes } from '../storage/index.ts';
import type { RowFunctions, RowFunctionsFactory } from './table-dml.ts';

/** The target's live rows plus two hidden columns: file index (int32) and physical row position (float64). */
export function mergeTargetScanner(txn: DeltaTransaction, files: readonly DeltaAddFile[], columns: readonly SourceColumn[]): TableScanner {
  const all: SourceColumn[] = [...columns, { name: MERGE_FILE_COLUMN, type: T.int32, nullable: false }, { name: MERGE_POSITION_COLUMN, type: T.float64, nullable: false }];
  return {
    columns: all,
    statistics: async () => ({ rowCount: files.reduce((n, f) => n + (f.stats ? (JSON.parse(f.stats) as { numRecords?: number }).numRecords ?? 0 : 0), 0) }),
    async *scan(request: ScanRequest) {
      for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
        for await (const { batch, positions } of readRowsWithPositions(txn.location, files[fileIndex]!, txn.columns)) {
          const n = batch.numRows;
          const start = positions[0]! - (batch.selection ? batch.selection[0]! : 0);
          const file = new Int32Array(n).fill(fileIndex);
          const pos = new Float64Array(n);
          for (let p = 0; p < n; p++) pos[p] = start + p;
          const full = [
            ...batch.columns,
            arrow.makeData({ type: new arrow.Int32(), length: n, nullCount: 0, data: file }),
            arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: pos }),
          ];
          yield new Batch(request.columns.map((c) => full[c]!), n, batch.selection);
        }
      }
    },
  };
}

export interface MergeOutcome {
  readonly deletes: RowDeletes[];
  readonly updated: Batch[];
  readonly inserted: Batch[];
  readonly affected: number;
}

/** Applies the WHEN clauses to the joined rows; fails with 21000 when two source rows would change one target row. */
export async function applyMergeClauses(bound: BoundMerge, files: readonly DeltaAddFile[], joined: AsyncIterable<Batch>, rowFunctions: RowFunctionsFactory): Promise<MergeOutcome> {
  const clauses = bound.clauses.map((c) => ({ action: c.action, rows: rowFunctions(bound.columns, c.predicate, c.newRow) as RowFunctions }));
  const fileIndex = bound.columns.findIndex((c) => c.id === bound.fileColumn.id);
  const positionIndex = bound.columns.findIndex((c) => c.id === bound.positionColumn.id);
  const deleted = new Map<number, number[]>();
  const updatedRows = new Map<number, number[]>();
  const touched = new Set<number>();
  const updated: Batch[] = [];
  const inserted: Batch[] = [];
  let affected = 0;
  for await (const batch of joined) {
    let remaining: Int32Array = batch.selection ?? Int32Array.from({ length: batch.numRows }, (_, i) => i);
    const fileOf = batch.column(fileIndex).values as Int32Array;
    const posOf = batch.column(positionIndex).values as Float64Array;
    for (const clause of clauses) {
      if (remaining.length === 0) break;
      const picked = clause.rows.select(batch.withSelection(remaining));
      if (picked.length === 0) continue;
      remaining = without(remaining, picked);
      if (clause.action === 'nothing') continue;
      affected += picked.length;
      if (clause.action === 'insert') { inserted.push(clause.rows.project(batch, picked)); continue; }
      const into = clause.action === 'delete' ? deleted : updatedRows;
      for (const p of picked) {
        const key = fileOf[p]! * 2 ** 32 + posOf[p]!;
        if (touched.has(key)) {
          throw new LochError(SqlState.cardinalityViolation, 'MERGE command cannot affect a target row a second time: several source rows match it', { hint: 'Make sure each target row matches at most one source row (deduplicate the source).' });
        }
        touched.add(key);
        const list = into.get(fileOf[p]!) ?? [];
        list.push(posOf[p]!);
        into.set(fileOf[p]!, list);
      }
      if (clause.action === 'update') updated.push(clause.rows.project(batch, picked));
    }
  }
  const deletes: RowDeletes[] = [];
  for (let i = 0; i < files.length; i++) {
    const d = deleted.get(i) ?? [];
    const u = updatedRows.get(i) ?? [];
    if (d.length > 0 || u.length > 0) deletes.push({ file: files[i]!, rows: d, updatedRows: u });
  }
  return { deletes, updated, inserted, affected };
}

/** `a` minus `b`, both increasing. */
function without(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length - b.length);
  let j = 0, k = 0;
  for (let i = 0; i < a.length; i++) {
    if (j < b.length && b[j] === a[i]) { j++; continue; }
    out[k++] = a[i]!;
  }
  return k === out.length ? out : out.subarray(0, k);
}
