/**
 * Checks on the batches handed to `addFiles`, on their way to the data file writer:
 * the column count and each column's Arrow layout must match the table's types
 * (a mismatch would write a file of the wrong type: XX000, the caller must cast), and
 * a NULL in a non-nullable column raises 23502 naming it.
 */
import type * as arrow from 'apache-arrow';
import type { Batch } from '../../core/index.ts';
import { LochError, SqlState, toArrowType, typeName } from '../../core/index.ts';
import type { WriteColumn } from './data-file-writer.ts';

/** Passes batches through after the layout and NOT NULL checks of the file comment. */
export async function* checkWriteInput(batches: Iterable<Batch> | AsyncIterable<Batch>, columns: readonly WriteColumn[], table: string): AsyncGenerator<Batch> {
  const expected = columns.map((c) => layoutOf(toArrowType(c.type)));
  for await (const b of batches) {
    if (b.columns.length !== columns.length) {
      throw new LochError(SqlState.internalError, `rows for Delta table "${table}" have ${b.columns.length} columns, the table has ${columns.length}`);
    }
    for (let c = 0; c < columns.length; c++) {
      if (layoutOf(b.columns[c]!.type) !== expected[c]) {
        throw new LochError(SqlState.internalError,
          `column "${columns[c]!.name}" of Delta table "${table}" is ${typeName(columns[c]!.type)} but the rows to write hold ${String(b.columns[c]!.type)}; cast them first`);
      }
    }
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

/** What must agree between a column and the table type: type id, widths, units, zone or not. */
function layoutOf(t: arrow.DataType): string {
  const x = t as unknown as { bitWidth?: number; precision?: number; scale?: number; unit?: number; timezone?: string | null };
  return `${t.typeId}/${x.bitWidth ?? ''}/${x.precision ?? ''}/${x.scale ?? ''}/${x.unit ?? ''}/${x.timezone ? 'tz' : ''}`;
}
