import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { T, type ScanPredicate } from '../../../core/index.ts';
import { fileMayMatch, parseFileStatistics, statValue } from '../file-statistics.ts';
import { openDeltaTable } from '../delta-table-scanner.ts';
import { add, metadata, protocol, readRows, tempDir, writeCommit, writeDataFile } from './delta-fixture.ts';

const stats = (numRecords: number, min: object, max: object, nullCount: object) => JSON.stringify({ numRecords, minValues: min, maxValues: max, nullCount });

/** Three files: ids 1-3 (part a), ids 10-12 (part b), all-null ids (part b). */
async function table(): Promise<string> {
  const t = path.join(tempDir(), 't');
  const f1 = writeDataFile(t, 'p=a/1.parquet', [{ name: 'id', type: 'INT64', data: [1n, 2n, 3n] }, { name: 's', type: 'STRING', data: ['apple', 'banana', 'cherry'] }]);
  const f2 = writeDataFile(t, 'p=b/2.parquet', [{ name: 'id', type: 'INT64', data: [10n, 11n, 12n] }, { name: 's', type: 'STRING', data: ['kiwi', 'lemon', 'x'.repeat(40)] }]);
  const f3 = writeDataFile(t, 'p=b/3.parquet', [{ name: 'id', type: 'INT64', data: [null, null] }, { name: 's', type: 'STRING', data: [null, 'zz'] }]);
  writeCommit(t, 0, [
    protocol(), metadata([['p', 'string'], ['id', 'long'], ['s', 'string']], ['p']),
    add('p=a/1.parquet', f1, { partitionValues: { p: 'a' }, stats: stats(3, { id: 1, s: 'apple' }, { id: 3, s: 'cherry' }, { id: 0, s: 0 }) }),
    // The max string is truncated to 32 characters (as Spark writes it).
    add('p=b/2.parquet', f2, { partitionValues: { p: 'b' }, stats: stats(3, { id: 10, s: 'kiwi' }, { id: 12, s: 'x'.repeat(32) }, { id: 0, s: 0 }) }),
    add('p=b/3.parquet', f3, { partitionValues: { p: 'b' }, stats: stats(2, {}, { s: 'zz' }, { id: 2, s: 1 }) }),
  ]);
  return t;
}

async function scan(predicates: ScanPredicate[]): Promise<{ rows: number; skipped: number }> {
  const scanner = await openDeltaTable(await table());
  const rows = await readRows(scanner, predicates);
  return { rows: rows.length, skipped: scanner.metrics.filesSkipped };
}

describe('data skipping', () => {
  it('min/max prove comparisons false', async () => {
    expect(await scan([{ kind: 'compare', column: 1, op: '=', value: 11n }])).toEqual({ rows: 3, skipped: 2 });
    expect(await scan([{ kind: 'compare', column: 1, op: '>', value: 3n }])).toEqual({ rows: 3, skipped: 2 }); // file 3 is all NULL
    expect(await scan([{ kind: 'compare', column: 1, op: '<', value: 1n }])).toEqual({ rows: 0, skipped: 3 });
    expect(await scan([{ kind: 'in', column: 1, values: [2n, 50n] }])).toEqual({ rows: 3, skipped: 2 });
  });

  it('null counts: IS NULL skips files without nulls, IS NOT NULL skips all-null files', async () => {
    expect(await scan([{ kind: 'is_null', column: 1, negated: false }])).toEqual({ rows: 2, skipped: 2 });
    expect(await scan([{ kind: 'is_null', column: 1, negated: true }])).toEqual({ rows: 6, skipped: 1 });
  });

  it('partition values prune exactly', async () => {
    expect(await scan([{ kind: 'compare', column: 0, op: '=', value: 'a' }])).toEqual({ rows: 3, skipped: 2 });
    expect(await scan([{ kind: 'is_null', column: 0, negated: false }])).toEqual({ rows: 0, skipped: 3 });
  });

  it('a truncated string max is no upper bound', async () => {
    // 'x' * 40 > the truncated max 'x' * 32: the file must still be read.
    // File 1 (max 'cherry') is skipped; file 2 is read despite its max; file 3 (max 'zz', no min in
    // the log) is read but its one row group is skipped by the Parquet footer (min 'zz').
    const scanner = await openDeltaTable(await table());
    const rows = await readRows(scanner, [{ kind: 'compare', column: 2, op: '=', value: 'x'.repeat(40) }]);
    expect(rows.map((r) => r[2])).toEqual(['kiwi', 'lemon', 'x'.repeat(40)]);
    expect(scanner.metrics).toMatchObject({ filesSkipped: 1, filesRead: 2, rowGroupsSkipped: 1 });
    expect(await scan([{ kind: 'compare', column: 2, op: '<', value: 'apple' }])).toEqual({ rows: 0, skipped: 2 }); // file 3: no min in the log, skipped by its footer
  });

  it('statistic values: truncated timestamps widen the max, unsafe longs and wide decimals are unknown', () => {
    expect(statValue('2023-05-31T18:58:33.633Z', T.timestamptz, 'min')).toBe(1685559513633000n);
    expect(statValue('2023-05-31T18:58:33.633Z', T.timestamptz, 'max')).toBe(1685559513633999n);
    expect(statValue('2024-09-09T12:34:56.123', T.timestamp, 'max')).toBe(1725885296123999n);
    expect(statValue(2 ** 60, T.int64, 'min')).toBeUndefined();
    expect(statValue(12.5, { kind: 'decimal', precision: 10, scale: 2 }, 'min')).toBe(1250);
    expect(statValue(12.5, { kind: 'decimal', precision: 30, scale: 2 }, 'min')).toBeUndefined();
    expect(statValue('x'.repeat(31), T.text, 'max')).toBe('x'.repeat(31));
    expect(statValue('x'.repeat(32), T.text, 'max')).toBeUndefined();
    expect(statValue('x'.repeat(32), T.text, 'min')).toBe('x'.repeat(32));
  });

  it('float max never proves > false (NaN sorts above every number)', () => {
    const s = parseFileStatistics(stats(2, { f: 1 }, { f: 2 }, { f: 0 }));
    const cols = [{ type: T.float64, physicalName: 'f', isPartition: false }];
    expect(fileMayMatch([{ kind: 'compare', column: 0, op: '>', value: 5 }], cols, s, () => null)).toBe(true);
    expect(fileMayMatch([{ kind: 'compare', column: 0, op: '<', value: 0 }], cols, s, () => null)).toBe(false);
  });

  it('files without statistics are never skipped by data columns', () => {
    const cols = [{ type: T.int32, physicalName: 'x', isPartition: false }];
    expect(fileMayMatch([{ kind: 'compare', column: 0, op: '=', value: 1 }], cols, undefined, () => null)).toBe(true);
    expect(parseFileStatistics('{not json')).toBeUndefined();
  });

  it('inside a read file, Parquet row-group statistics skip row groups (not with a deletion vector)', async () => {
    const t = path.join(tempDir(), 't');
    const ids = Array.from({ length: 30 }, (_, i) => BigInt(i));
    const size = writeDataFile(t, 'a.parquet', [{ name: 'id', type: 'INT64', data: ids }], 10);
    writeCommit(t, 0, [protocol(), metadata([['id', 'long']]), add('a.parquet', size)]);
    const scanner = await openDeltaTable(t);
    const rows = await readRows(scanner, [{ kind: 'compare', column: 0, op: '>=', value: 25n }]);
    expect(scanner.metrics).toMatchObject({ filesRead: 1, filesSkipped: 0, rowGroupsSkipped: 2 });
    expect(rows).toHaveLength(10);
  });

  it('statistics() sums numRecords minus deleted rows', async () => {
    const scanner = await openDeltaTable(await table());
    expect((await scanner.statistics()).rowCount).toBe(8);
  });
});
