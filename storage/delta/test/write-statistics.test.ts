import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../core/index.ts';
import { createTable, startTransaction, tableConstraints, openDeltaTable } from '../index.ts';
import { deltaLocation } from '../delta-location.ts';
import { loadSnapshot } from '../delta-snapshot.ts';
import { StatisticsCollector } from '../statistics-collector.ts';
import { serializePartitionValue } from '../partition-path.ts';
import { tempDir } from './delta-fixture.ts';
import { batchOf } from './write-helpers.ts';

describe('add statistics', () => {
  it('are written as Delta writes them: typed JSON, truncated strings, millisecond timestamps', () => {
    const types = [T.int32, T.int64, T.float64, decimal(10, 2), T.text, T.date, T.timestamptz, T.timestamp, T.boolean];
    const c = new StatisticsCollector(types.map((type, i) => ({ physicalName: `c${i}`, type })));
    const long = `${'a'.repeat(31)}ü${'z'.repeat(10)}`;
    const b = batchOf(types, [
      [5, 2n ** 60n, NaN, 1234, long, 0, 1_700_000_000_123_999n, 1_000n, true],
      [-3, 7n, 1.5, -5, 'Z', 19000, -1n, 999n, false],
      [null, null, null, null, null, null, null, null, null],
    ]);
    c.add(b.columns, b.numRows);
    const s = JSON.parse(c.toJson()) as { numRecords: number; minValues: Record<string, unknown>; maxValues: Record<string, unknown>; nullCount: Record<string, number> };
    expect(s.numRecords).toBe(3);
    expect(s.nullCount).toEqual({ c0: 1, c1: 1, c2: 1, c3: 1, c4: 1, c5: 1, c6: 1, c7: 1, c8: 1 });
    expect(s.minValues).toEqual({
      c0: -3, c1: 7, c2: 1.5, c3: -0.05, c4: 'Z', c5: '1970-01-01', c6: '1969-12-31T23:59:59.999Z', c7: '1970-01-01T00:00:00.000', c8: false,
    });
    const minOnly = new StatisticsCollector([{ physicalName: 't', type: T.text }]);
    const tb = batchOf([T.text], [[long]]);
    minOnly.add(tb.columns, 1);
    expect(JSON.parse(minOnly.toJson()).minValues.t).toBe(`${'a'.repeat(31)}ü`); // 32 characters
    // int64 beyond 2^53 has no exact JSON number: left out; the long string's max gets a tie-breaker.
    expect(s.maxValues).toEqual({
      c0: 5, c2: 1.5, c3: 12.34, c4: `${'a'.repeat(31)}ü\u{10FFFF}`, c5: '2022-01-08', c6: '2023-11-14T22:13:20.123Z', c7: '1970-01-01T00:00:00.001', c8: true,
    });
  });

  it('cover the first delta.dataSkippingNumIndexedCols data columns', async () => {
    const dir = tempDir();
    await createTable(dir, {
      schema: [{ name: 'p', type: T.int32, nullable: true }, { name: 'a', type: T.int32, nullable: true }, { name: 'b', type: T.int32, nullable: true }],
      partitionColumns: ['p'], properties: { 'delta.dataSkippingNumIndexedCols': '1' },
    });
    const txn = await startTransaction(dir);
    await txn.addFiles([batchOf([T.int32, T.int32, T.int32], [[1, 2, 3]])]);
    await txn.commit();
    expect(JSON.parse(txn.addedFiles[0]!.stats!)).toEqual({ numRecords: 1, minValues: { a: 2 }, maxValues: { a: 2 }, nullCount: { a: 0 } });
  });

  it('let the reader skip files', async () => {
    const dir = tempDir();
    await createTable(dir, { schema: [{ name: 'x', type: T.int32, nullable: true }] });
    for (const base of [0, 100, 200]) {
      const txn = await startTransaction(dir);
      await txn.addFiles([batchOf([T.int32], [[base], [base + 50]])]);
      await txn.commit();
    }
    const scanner = await openDeltaTable(dir);
    let rows = 0;
    for await (const b of scanner.scan({ columns: [0], predicates: [{ kind: 'compare', column: 0, op: '>', value: 120 }] })) rows += b.length;
    expect(rows).toBe(4); // files [100,150] and [200,250]; [0,50] is skipped by its max
    expect(scanner.metrics.filesSkipped).toBe(1);
  });

  it('serializes partition values as PROTOCOL.md says', () => {
    expect(serializePartitionValue(1_700_000_000_123_456n, T.timestamptz)).toBe('2023-11-14T22:13:20.123456Z');
    expect(serializePartitionValue(1_700_000_000_000_000n, T.timestamp)).toBe('2023-11-14 22:13:20');
    expect(serializePartitionValue(19000, T.date)).toBe('2022-01-08');
    expect(serializePartitionValue(-5, decimal(10, 2))).toBe('-0.05');
    expect(serializePartitionValue('', T.text)).toBeNull();
    expect(serializePartitionValue(true, T.boolean)).toBe('true');
  });
});

describe('protocol and constraints from what the table uses', () => {
  const schema = [{ name: 'a', type: T.int32, nullable: false }, { name: 'g', type: T.int32, nullable: true, generationExpression: 'a * 2' }];
  it('chooses legacy versions or table features', async () => {
    const cases: Array<[Record<string, string>, object]> = [
      [{}, { minReaderVersion: 1, minWriterVersion: 4 }], // generated column
      [{ 'delta.enableChangeDataFeed': 'true' }, { minReaderVersion: 1, minWriterVersion: 4 }],
      [{ 'delta.columnMapping.mode': 'name' }, { minReaderVersion: 2, minWriterVersion: 5 }],
      [{ 'delta.enableDeletionVectors': 'true' }, { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['deletionVectors'], writerFeatures: ['deletionVectors', 'generatedColumns'] }],
      [{ 'delta.enableDeletionVectors': 'true', 'delta.columnMapping.mode': 'name', 'delta.appendOnly': 'true' }, {
        minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['columnMapping', 'deletionVectors'],
        writerFeatures: ['appendOnly', 'columnMapping', 'deletionVectors', 'generatedColumns'],
      }],
    ];
    for (const [properties, protocol] of cases) {
      const dir = tempDir();
      await createTable(dir, { schema, properties });
      expect((await loadSnapshot(deltaLocation(dir))).protocol).toEqual(protocol);
    }
  });

  it('exposes constraints for the SQL layer and enforces append-only', async () => {
    const dir = tempDir();
    await createTable(dir, { schema, constraints: { Pos: 'a > 0' }, properties: { 'delta.appendOnly': 'true' } });
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 4 });
    expect(tableConstraints(s.metadata)).toEqual({
      checks: [{ name: 'pos', expression: 'a > 0' }], invariants: [], generated: [{ column: 'g', expression: 'a * 2' }], notNull: ['a'], appendOnly: true,
    });
    const txn = await startTransaction(dir);
    await txn.addFiles([batchOf([T.int32, T.int32], [[1, 2]])]);
    await txn.commit();
    const del = await startTransaction(dir);
    del.removeFiles(del.snapshot!.files);
    await expect(del.commit()).rejects.toMatchObject({ sqlState: '0A000' });
  });
});
