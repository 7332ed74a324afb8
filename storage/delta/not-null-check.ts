/**
 * NOT NULL on write: the batches handed to `addFiles` are checked on their way to
 * the data file writer (a NULL in a non-nullable column raises 23502 naming it).
 */
import type { Batch } from '../../core/index.ts';
import { LochError, SqlState } from '../../core/index.ts';
import type { WriteColumn } from './data-file-writer.ts';

/** Passes batches through, raising 23502 when a NOT NULL column holds a NULL. */
export async function* checkNotNull(batches: Iterable<Batch> | AsyncIterable<Batch>, columns: readonly WriteColumn[], table: string): AsyncGenerator<Batch> {
  for await (const b of batches) {
    for (let c = 0; c < columns.length; c++) {
      if (columns[c]!.nullable) continue;
      const d = b.columns[c]!;
      if (d.nullCount === 0) continue;
      const sel = b.selection;
      const bm = d.nullBitmap!;
      const n = sel ? sel.length : b.numRows;
      for (let i = 0; i < n; i++) {
        const r = sel ? sel[i]! : i;
        if (((bm[r >> 3]! >> (r & 7)) & 1) === 0) {
          throw new LochError(SqlState.notNullViolation, `NULL value in column "${columns[c]!.name}" of Delta table "${table}" violates its NOT NULL constraint`);
        }
      }
    }
    yield b;
  }
}
