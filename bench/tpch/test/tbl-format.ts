/**
 * Test helper: prints generated batches the way dbgen writes .tbl lines
 * (fields joined by '|', money with two decimals, ISO dates), so they can be
 * compared with the reference files byte for byte.
 */
import type { Batch, BatchField } from '../../../core/index.ts';

/** Columns dbgen prints as integers although their SQL type is decimal(15,2). */
const PRINTED_AS_INTEGER = new Set(['l_quantity']);

const decoder = new TextDecoder();

function formatMoney(scaled: number): string {
  const sign = scaled < 0 ? '-' : '';
  const abs = Math.abs(scaled);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${cents < 10 ? '0' : ''}${cents}`;
}

function formatDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** One .tbl-style line per row of `batch`. */
export function formatBatch(fields: readonly BatchField[], batch: Batch): string[] {
  const cells: string[][] = [];
  for (let c = 0; c < fields.length; c++) {
    const field = fields[c] as BatchField;
    const data = batch.column(c);
    const out: string[] = new Array(batch.numRows);
    const values = data.values as ArrayLike<number>;
    for (let r = 0; r < batch.numRows; r++) {
      switch (field.type.kind) {
        case 'text': {
          const offsets = data.valueOffsets as Int32Array;
          out[r] = decoder.decode((data.values as Uint8Array).subarray(offsets[r] as number, offsets[r + 1] as number));
          break;
        }
        case 'date':
          out[r] = formatDate(values[r] as number);
          break;
        case 'decimal':
          out[r] = PRINTED_AS_INTEGER.has(field.name) ? String((values[r] as number) / 100) : formatMoney(values[r] as number);
          break;
        default:
          out[r] = String(values[r]);
      }
    }
    cells.push(out);
  }
  const lines: string[] = new Array(batch.numRows);
  for (let r = 0; r < batch.numRows; r++) lines[r] = cells.map((col) => col[r]).join('|');
  return lines;
}

/** All lines of a batch stream. */
export function formatBatches(fields: readonly BatchField[], batches: Iterable<Batch>): string[] {
  const lines: string[] = [];
  for (const b of batches) for (const line of formatBatch(fields, b)) lines.push(line);
  return lines;
}
