/**
 * A table over batches held in memory (a recursive CTE's working and result
 * tables). The batch list is read at scan time, so batches appended after the
 * scanner was made are seen by later scans.
 */
import { Batch, type SourceColumn, type TableScanner } from '../core/index.ts';

/** A scanner over `batches` (no selection vectors), whose columns are `columns`. */
export function memoryTable(columns: readonly SourceColumn[], batches: readonly Batch[]): TableScanner {
  return {
    columns,
    statistics: async () => ({ rowCount: batches.reduce((n, b) => n + b.length, 0) }),
    async *scan(request) {
      for (const b of batches) {
        request.signal?.throwIfAborted();
        if (b.length > 0) yield new Batch(request.columns.map((i) => b.columns[i]!), b.numRows, b.selection);
      }
    },
  };
}
