/** Helpers of the Delta write end-to-end tests (only public APIs). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Batch, type DataType, type LiteralValue, type ScanPredicate, type TableScanner, columnFromValues, readValue } from '../../core/index.ts';

/** A fresh temporary directory. */
export function tempDir(prefix = 'loch-delta-write-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A batch of `types` columns from row arrays. */
export function batchOf(types: readonly DataType[], rows: readonly (readonly LiteralValue[])[]): Batch {
  return new Batch(types.map((t, c) => columnFromValues(t, rows.map((r) => r[c] ?? null))), rows.length);
}

/** Every row of a scan (all columns unless given), as literal arrays. */
export async function readRows(scanner: TableScanner, predicates: readonly ScanPredicate[] = [], columns?: readonly number[]): Promise<LiteralValue[][]> {
  const cols = columns ?? scanner.columns.map((_, i) => i);
  const out: LiteralValue[][] = [];
  for await (const b of scanner.scan({ columns: cols, predicates })) {
    for (let r = 0; r < b.length; r++) {
      const i = b.selection ? b.selection[r]! : r;
      out.push(cols.map((c, k) => readValue(b.columns[k]!, scanner.columns[c]!.type, i)));
    }
  }
  return out;
}
