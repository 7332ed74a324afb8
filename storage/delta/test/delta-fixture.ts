/**
 * Test fixtures: small Delta tables written on local disk (JSON commits, Parquet
 * data files with hyparquet-writer, optional field ids) and copies of corpus tables
 * to modify. Not a writer for production use (writes come with issue 3's write side).
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';

/** The shared corpus folder. */
export const CORPUS = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/corpus/delta');

/** A fresh temporary directory. */
export function tempDir(prefix = 'loch-delta-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Copies the `table/` of a corpus case into a temporary directory and returns its path. */
export function copyCorpusTable(name: string): string {
  const dir = path.join(tempDir(), name);
  cpSync(path.join(CORPUS, name, 'table'), dir, { recursive: true });
  return dir;
}

/** One column of a test data file. */
export interface FixtureColumn {
  readonly name: string;
  readonly type: 'INT32' | 'INT64' | 'STRING' | 'DOUBLE' | 'BOOLEAN';
  readonly data: readonly unknown[];
  readonly fieldId?: number;
}

/** Writes a Parquet data file at `table/rel` and returns its size. */
export function writeDataFile(table: string, rel: string, columns: readonly FixtureColumn[], rowGroupSize?: number): number {
  const schema = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({
      name: c.name,
      repetition_type: 'OPTIONAL' as const,
      ...(c.type === 'STRING' ? { type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const } : { type: c.type }),
      ...(c.fieldId !== undefined ? { field_id: c.fieldId } : {}),
    })),
  ];
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.name, data: c.data as unknown[] })),
    schema,
    ...(rowGroupSize !== undefined ? { rowGroupSize } : {}),
  } as Parameters<typeof parquetWriteBuffer>[0]);
  const full = path.join(table, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, new Uint8Array(buffer));
  return buffer.byteLength;
}

/** Writes commit `version` with the given actions (objects as in the Delta log). */
export function writeCommit(table: string, version: number, actions: readonly object[]): void {
  writeLogFile(table, `${String(version).padStart(20, '0')}.json`, actions);
}

/** Writes any newline-delimited JSON file in _delta_log. */
export function writeLogFile(table: string, name: string, actions: readonly object[]): void {
  mkdirSync(path.join(table, '_delta_log'), { recursive: true });
  writeFileSync(path.join(table, '_delta_log', name), actions.map((a) => JSON.stringify(a)).join('\n') + '\n');
}

/** A protocol action. */
export function protocol(minReaderVersion = 1, minWriterVersion = 2, readerFeatures?: string[], writerFeatures?: string[]): object {
  return { protocol: { minReaderVersion, minWriterVersion, ...(readerFeatures ? { readerFeatures } : {}), ...(writerFeatures ? { writerFeatures } : {}) } };
}

/** A metaData action for flat fields `[name, deltaType, fieldMetadata?]`. */
export function metadata(fields: ReadonlyArray<readonly [string, string, Record<string, unknown>?]>, partitionColumns: string[] = [], configuration: Record<string, string> = {}): object {
  const schema = { type: 'struct', fields: fields.map(([name, type, md]) => ({ name, type, nullable: true, metadata: md ?? {} })) };
  return { metaData: { id: 'test-table', format: { provider: 'parquet', options: {} }, schemaString: JSON.stringify(schema), partitionColumns, configuration, createdTime: 1700000000000 } };
}

/** An add action. */
export function add(pathInLog: string, size: number, extra: Record<string, unknown> = {}): object {
  return { add: { path: pathInLog, partitionValues: {}, size, modificationTime: 1700000000000, dataChange: true, ...extra } };
}

/** A remove action. */
export function remove(pathInLog: string, extra: Record<string, unknown> = {}): object {
  return { remove: { path: pathInLog, deletionTimestamp: 1700000000001, dataChange: true, ...extra } };
}

import type { LiteralValue, TableScanner, ScanPredicate } from '../../../core/index.ts';
import { readValue } from '../../../core/index.ts';

/** Every row of a scan (all columns unless given), as literal arrays in scan order. */
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

/** Sorted JSON texts of rows (bigints as strings), for order-free comparison. */
export function sortedRows(rows: readonly LiteralValue[][]): string[] {
  return rows.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).sort();
}
