/** Test helper: reads scanned batches back into plain JS values per column. */
import type * as arrow from 'apache-arrow';
import type { Batch, TableScanner } from '../../core/index.ts';

const decoder = new TextDecoder();

/** The value of physical row `i` of `data` (strings decoded, bigints kept, NULL as null). */
export function cell(data: arrow.Data, i: number): unknown {
  if (data.nullBitmap && data.nullBitmap.length > 0 && data.nullCount > 0 && (data.nullBitmap[i >> 3]! & (1 << (i & 7))) === 0) return null;
  if (data.valueOffsets) {
    const o = data.valueOffsets as Int32Array;
    return decoder.decode((data.values as Uint8Array).subarray(o[i]!, o[i + 1]!));
  }
  if (data.type.typeId === 6 /* Bool */) return ((data.values as Uint8Array)[i >> 3]! & (1 << (i & 7))) !== 0;
  return (data.values as ArrayLike<unknown>)[i];
}

/** Scans `columns` of the table and returns rows as arrays, plus the batches' sizes. */
export async function scanRows(table: TableScanner, columns: readonly number[], batchSize?: number, limit?: number): Promise<{ rows: unknown[][]; batches: number[] }> {
  const rows: unknown[][] = [];
  const batches: number[] = [];
  const request = { columns, predicates: [], ...(batchSize ? { batchSize } : {}), ...(limit !== undefined ? { limit } : {}) };
  for await (const b of table.scan(request) as AsyncIterable<Batch>) {
    batches.push(b.numRows);
    for (let i = 0; i < b.numRows; i++) rows.push(b.columns.map((c) => cell(c, i)));
  }
  return { rows, batches };
}
