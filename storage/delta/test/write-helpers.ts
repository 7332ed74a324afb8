/** Helpers of the write-side tests: batches from row values, reading a table back. */
import { Batch, type DataType, type LiteralValue, columnFromValues } from '../../../core/index.ts';
import { openDeltaTable } from '../delta-table-scanner.ts';
import { readRows, sortedRows } from './delta-fixture.ts';

/** A batch of `types` columns from row arrays. */
export function batchOf(types: readonly DataType[], rows: readonly (readonly LiteralValue[])[]): Batch {
  return new Batch(types.map((t, c) => columnFromValues(t, rows.map((r) => r[c] ?? null))), rows.length);
}

/** Sorted JSON rows of a table version (all readable columns). */
export async function tableRows(location: string, version?: number): Promise<string[]> {
  const scanner = await openDeltaTable(location, version !== undefined ? { version } : {});
  return sortedRows(await readRows(scanner));
}

/** Sorted JSON of expected rows. */
export function expectRows(rows: readonly (readonly LiteralValue[])[]): string[] {
  return sortedRows(rows.map((r) => [...r]));
}
