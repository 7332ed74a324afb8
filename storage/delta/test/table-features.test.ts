import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MapValue, StructValue, T, columnFromValues, decimal, readValue } from '../../../core/index.ts';
import { openDeltaTable } from '../delta-table-scanner.ts';
import { LocalObjectStore } from '../../object-store/local-object-store.ts';
import { widenColumn } from '../column-widening.ts';
import { describeDetail, describeHistory } from '../table-history.ts';
import { openChangeFeed } from '../change-data-feed.ts';
import { CORPUS, add, metadata, protocol, readRows, sortedRows, tempDir, writeCommit, writeDataFile } from './delta-fixture.ts';

function tinyTable(proto: object, fields: Parameters<typeof metadata>[0] = [['x', 'integer']], config: Record<string, string> = {}, commitInfo?: object): string {
  const t = path.join(tempDir(), 't');
  const size = writeDataFile(t, 'a.parquet', [{ name: 'x', type: 'INT32', data: [1, 2] }]);
  writeCommit(t, 0, [...(commitInfo ? [commitInfo] : []), proto, metadata(fields, [], config), add('a.parquet', size)]);
  return t;
}

describe('protocol checks', () => {
  it('an unknown reader feature refuses the table with 0A000 naming it', async () => {
    const t = tinyTable(protocol(3, 7, ['deletionVectors', 'quantumEntanglement'], ['deletionVectors']));
    await expect(openDeltaTable(t)).rejects.toMatchObject({ sqlState: '0A000', message: expect.stringContaining('"quantumEntanglement"') });
  });

  it('an unknown reader version refuses the table naming it', async () => {
    await expect(openDeltaTable(tinyTable(protocol(4, 7)))).rejects.toMatchObject({ sqlState: '0A000', message: expect.stringContaining('reader version 4') });
  });

  it('unknown writer features never block reads', async () => {
    const t = tinyTable(protocol(3, 7, [], ['someFutureWriterThing', 'checkConstraints']));
    expect(sortedRows(await readRows(await openDeltaTable(t)))).toEqual(['[1]', '[2]']);
  });

  it('the protocol of the version read is checked (an older version may be readable)', async () => {
    const t = tinyTable(protocol(1, 2));
    writeCommit(t, 1, [protocol(3, 7, ['brandNewFeature'], [])]);
    await expect(openDeltaTable(t)).rejects.toThrow(/brandNewFeature/);
    expect(await readRows(await openDeltaTable(t, { version: 0 }))).toHaveLength(2);
  });
});

describe('column mapping', () => {
  it('id mode finds columns by Parquet field id, whatever their names', async () => {
    const t = path.join(tempDir(), 't');
    const size = writeDataFile(t, 'a.parquet', [
      { name: 'col-b', type: 'STRING', data: ['p', 'q'], fieldId: 2 },
      { name: 'renamed-in-file', type: 'INT64', data: [5n, 6n], fieldId: 1 },
    ]);
    writeCommit(t, 0, [
      protocol(2, 5),
      metadata([
        ['id', 'long', { 'delta.columnMapping.id': 1, 'delta.columnMapping.physicalName': 'col-a' }],
        ['name', 'string', { 'delta.columnMapping.id': 2, 'delta.columnMapping.physicalName': 'col-b' }],
      ], [], { 'delta.columnMapping.mode': 'id' }),
      add('a.parquet', size),
    ]);
    expect(sortedRows(await readRows(await openDeltaTable(t)))).toEqual(['["5n","p"]', '["6n","q"]']);
  });

  it('name mode reads physical names and exposes logical names', async () => {
    const t = path.join(tempDir(), 't');
    const size = writeDataFile(t, 'a.parquet', [{ name: 'col-1f2e', type: 'INT32', data: [7] }]);
    writeCommit(t, 0, [
      protocol(2, 5),
      metadata([['Amount', 'integer', { 'delta.columnMapping.id': 1, 'delta.columnMapping.physicalName': 'col-1f2e' }]], [], { 'delta.columnMapping.mode': 'name' }),
      add('a.parquet', size, { stats: JSON.stringify({ numRecords: 1, minValues: { 'col-1f2e': 7 }, maxValues: { 'col-1f2e': 7 }, nullCount: { 'col-1f2e': 0 } }) }),
    ]);
    const scanner = await openDeltaTable(t);
    expect(scanner.columns.map((c) => c.name)).toEqual(['Amount']);
    expect(await readRows(scanner)).toEqual([[7]]);
    // Statistics are keyed by physical name too.
    expect(await readRows(scanner, [{ kind: 'compare', column: 0, op: '>', value: 7 }])).toEqual([]);
    expect(scanner.metrics.filesSkipped).toBe(1);
  });
});

describe('nested and binary columns (issue 6)', () => {
  it('struct, array, map and binary columns get Loch types and scan', async () => {
    const scanner = await openDeltaTable(path.join(CORPUS, 'golden-all-types-nested', 'table'));
    expect(scanner.unsupportedColumns).toEqual([]);
    const typeOf = (name: string) => scanner.columns.find((c) => c.name === name)!.type;
    expect(typeOf('BinaryType')).toEqual({ kind: 'binary' });
    expect(typeOf('array_of_arrays')).toEqual({ kind: 'array', element: { kind: 'array', element: { kind: 'int32' } } });
    expect(typeOf('map_of_prims')).toEqual({ kind: 'map', key: { kind: 'int32' }, value: { kind: 'int64' } });
    expect(typeOf('nested_struct')).toEqual({ kind: 'struct', fields: [
      { name: 'aa', type: { kind: 'text' } },
      { name: 'ac', type: { kind: 'struct', fields: [{ name: 'aca', type: { kind: 'int32' } }] } },
    ] });
    const cols = ['IntegerType', 'nested_struct', 'array_of_prims', 'map_of_prims'].map((n) => scanner.columns.findIndex((c) => c.name === n));
    const rows = await readRows(scanner, [], cols);
    expect(rows.length).toBe(200);
    const one = rows.find((r) => r[0] === 1)!;
    expect(one[1]).toEqual(new StructValue(['1', new StructValue([1])]));
    // (this table's arrays and maps are all NULL, as DuckDB reads them too)
    expect(rows.every((r) => r[2] === null && r[3] === null)).toBe(true);
  });

  it('files with nested columns are read in batches of the requested size', async () => {
    const scanner = await openDeltaTable(path.join(CORPUS, 'golden-all-types-nested', 'table'));
    const cols = ['IntegerType', 'nested_struct'].map((n) => scanner.columns.findIndex((c) => c.name === n));
    let batches = 0, rows = 0;
    const ids: unknown[] = [];
    for await (const b of scanner.scan({ columns: cols, predicates: [], batchSize: 64 })) {
      batches++;
      rows += b.numRows;
      for (let r = 0; r < b.numRows; r++) ids.push(readValue(b.columns[0]!, T.int32, r));
      expect(b.numRows).toBeLessThanOrEqual(64);
    }
    expect([batches, rows]).toEqual([4, 200]);
    const whole = (await readRows(scanner, [], [cols[0]!])).map((r) => r[0]);
    const order = (a: unknown[]) => a.map(String).sort();
    expect(order(ids)).toEqual(order(whole));
  });

  it('map columns keep their key and value types (map<int, array<struct>> too)', async () => {
    const scanner = await openDeltaTable(path.join(CORPUS, 'golden-map-types', 'table'));
    const rows = await readRows(scanner);
    const row = rows.find((r) => r[0] === 3)!;
    expect(row[1]).toEqual(new MapValue([3], [3]));
    expect(row[2]).toEqual(new MapValue([3n], [3]));
    expect(row[6]).toEqual(new MapValue([3], [[new StructValue([3]), new StructValue([3]), new StructValue([3])]]));
  });
});

describe('object stores', () => {
  it('a table is a key prefix inside a given store', async () => {
    const scanner = await openDeltaTable('dat-basic-append/table', { objectStore: new LocalObjectStore(CORPUS), version: 0 });
    expect(await readRows(scanner)).toHaveLength(3);
  });
});

describe('time travel by timestamp', () => {
  it('uses in-commit timestamps when the commits carry them', async () => {
    const t = tinyTable(protocol(), [['x', 'integer']], {}, { commitInfo: { inCommitTimestamp: Date.UTC(2024, 0, 1), operation: 'WRITE' } });
    const s = writeDataFile(t, 'b.parquet', [{ name: 'x', type: 'INT32', data: [3] }]);
    writeCommit(t, 1, [{ commitInfo: { inCommitTimestamp: Date.UTC(2024, 0, 2), operation: 'WRITE' } }, add('b.parquet', s)]);
    expect((await openDeltaTable(t, { timestamp: '2024-01-01 12:00:00' })).version).toBe(0);
    expect((await openDeltaTable(t, { timestamp: '2024-01-02T00:00:00Z' })).version).toBe(1);
    await expect(openDeltaTable(t, { timestamp: '2023-12-31' })).rejects.toThrow(/no version at or before 2023-12-31; its earliest available commit \(version 0\)/);
    await expect(openDeltaTable(t, { timestamp: 'yesterday' })).rejects.toMatchObject({ sqlState: '22007' });
  });
});

describe('type widening', () => {
  it('reads narrow file columns as the table type', () => {
    const v = (data: ReturnType<typeof columnFromValues>, type: Parameters<typeof readValue>[1]) => [0, 1, 2].map((i) => readValue(data, type, i));
    expect(v(widenColumn(columnFromValues(T.int32, [1, null, -3]), T.int32, T.int64, 'c'), T.int64)).toEqual([1n, null, -3n]);
    expect(v(widenColumn(columnFromValues(T.int16, [1, 2, 3]), T.int16, T.float64, 'c'), T.float64)).toEqual([1, 2, 3]);
    expect(v(widenColumn(columnFromValues(T.date, [0, 1, null]), T.date, T.timestamp, 'c'), T.timestamp)).toEqual([0n, 86_400_000_000n, null]);
    expect(v(widenColumn(columnFromValues(decimal(10, 2), [12345, -1, null]), decimal(10, 2), decimal(12, 5), 'c'), decimal(12, 5))).toEqual([12345000, -1000, null]);
    expect(v(widenColumn(columnFromValues(T.int64, [5n, 6n, 7n]), T.int64, decimal(20, 1), 'c'), decimal(20, 1))).toEqual([50n, 60n, 70n]);
  });
});

describe('DESCRIBE HISTORY / DETAIL data and the change data feed', () => {
  it('history lists commits newest first with their commitInfo', async () => {
    const h = await describeHistory(path.join(CORPUS, 'dat-basic-append', 'table'));
    expect(h.map((e) => [e.version, e.operation, e.timestamp])).toEqual([[1, 'WRITE', 1668830177722], [0, 'WRITE', 1668830172528]]);
    expect(h[0]!.operationParameters).toEqual({ mode: 'Append', partitionBy: '[]' });
    expect(h[0]!.readVersion).toBe(0);
  });

  it('detail describes the snapshot', async () => {
    const d = await describeDetail(path.join(CORPUS, 'golden-dv-partitioned-with-checkpoint', 'table'));
    expect(d).toMatchObject({ format: 'delta', version: 15, partitionColumns: ['part'], minReaderVersion: 3, minWriterVersion: 7, tableFeatures: ['deletionVectors'] });
    expect(d.properties['delta.enableDeletionVectors']).toBe('true');
    expect(d.numFiles).toBeGreaterThan(0);
    expect(d.sizeInBytes).toBeGreaterThan(0);
    expect((await describeDetail(path.join(CORPUS, 'dat-basic-append', 'table'), { version: 0 })).numFiles).toBe(1);
  });

  it('the change feed reads cdc files and adds the change columns', async () => {
    const feed = await openChangeFeed(path.join(CORPUS, 'kernel-cdf-partitioned', 'table'), 1, 2);
    expect(feed.columns.map((c) => c.name)).toEqual(['id', 'name', 'birthday', '_change_type', '_commit_version', '_commit_timestamp']);
    const rows = await readRows(feed, [], [0, 3, 4]);
    expect(rows.every((r) => r[1] === 'update_preimage' || r[1] === 'update_postimage')).toBe(true);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set([1n, 2n]));
    await expect(openChangeFeed(path.join(CORPUS, 'kernel-cdf-partitioned', 'table'), 2, 9)).rejects.toMatchObject({ sqlState: '22023' });
  });
});
