import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../core/index.ts';
import { decodePartitionValue, parseDeltaTimestamp } from '../partition-value.ts';
import { dataFileKey, deltaLocation } from '../delta-location.ts';
import { openDeltaTable } from '../delta-table-scanner.ts';
import { CORPUS, add, metadata, protocol, readRows, sortedRows, tempDir, writeCommit, writeDataFile } from './delta-fixture.ts';

describe('partition value decoding', () => {
  it('decodes each type from its serialized form', () => {
    expect(decodePartitionValue('42', T.int32, 'p')).toBe(42);
    expect(decodePartitionValue('-7', T.int16, 'p')).toBe(-7);
    expect(decodePartitionValue('9007199254740993', T.int64, 'p')).toBe(9007199254740993n);
    expect(decodePartitionValue('true', T.boolean, 'p')).toBe(true);
    expect(decodePartitionValue('1.5', T.float64, 'p')).toBe(1.5);
    expect(decodePartitionValue('123.45000', decimal(12, 5), 'p')).toBe(12345000);
    expect(decodePartitionValue('-0.01', decimal(5, 2), 'p')).toBe(-1);
    expect(decodePartitionValue('12345678901234567890.5', decimal(38, 1), 'p')).toBe(123456789012345678905n);
    expect(decodePartitionValue('2023-12-22', T.date, 'p')).toBe(19713);
    expect(decodePartitionValue('bar+%21', T.text, 'p')).toBe('bar+%21'); // never URI-decoded
  });

  it('decodes both timestamp forms, as UTC', () => {
    expect(parseDeltaTimestamp('1970-01-01 00:00:00')).toBe(0n);
    expect(parseDeltaTimestamp('1970-01-01 00:00:01.123456')).toBe(1_123_456n);
    expect(parseDeltaTimestamp('1970-01-01T00:00:00.000001Z')).toBe(1n);
    expect(parseDeltaTimestamp('1970-01-01T01:00:00+01:00')).toBe(0n);
    expect(decodePartitionValue('2021-11-18 02:30:00.123456', T.timestamp, 'p')).toBe(1637202600123456n);
  });

  it('a missing key, JSON null and the empty string are NULL', () => {
    expect(decodePartitionValue(undefined, T.int32, 'p')).toBeNull();
    expect(decodePartitionValue(null, T.text, 'p')).toBeNull();
    expect(decodePartitionValue('', T.text, 'p')).toBeNull();
  });

  it('a malformed value is XX001 naming the column', () => {
    expect(() => decodePartitionValue('abc', T.int32, 'year')).toThrow(/"abc" of column "year"/);
  });

  it('add paths are URI-decoded exactly once', () => {
    const loc = deltaLocation('/t');
    expect(dataFileKey(loc, '_2=bar+%252521/part-0.parquet')).toBe('_2=bar+%2521/part-0.parquet');
    expect(dataFileKey(loc, 'a%20b/c.parquet')).toBe('a b/c.parquet');
  });

  it('values come from the log, not from directory names (escaped characters corpus table)', async () => {
    const rows = sortedRows(await readRows(await openDeltaTable(path.join(CORPUS, 'golden-partition-escaped-chars', 'table'))));
    expect(rows).toEqual(['["foo1","bar+%21"]', '["foo2","bar+%22"]', '["foo3","bar+%23"]']);
  });

  it('partition columns become constant columns; null partitions read as NULL', async () => {
    const t = path.join(tempDir(), 't');
    const s1 = writeDataFile(t, 'p=1/a.parquet', [{ name: 'v', type: 'STRING', data: ['x', 'y'] }]);
    const s2 = writeDataFile(t, 'p=__HIVE_DEFAULT_PARTITION__/b.parquet', [{ name: 'v', type: 'STRING', data: ['z'] }]);
    writeCommit(t, 0, [
      protocol(), metadata([['p', 'integer'], ['v', 'string']], ['p']),
      add('p=1/a.parquet', s1, { partitionValues: { p: '1' } }),
      add('p=__HIVE_DEFAULT_PARTITION__/b.parquet', s2, { partitionValues: { p: null } }),
    ]);
    const scanner = await openDeltaTable(t);
    expect(scanner.columns.map((c) => `${c.name} ${c.type.kind}`)).toEqual(['p int32', 'v text']);
    expect(sortedRows(await readRows(scanner))).toEqual(['[1,"x"]', '[1,"y"]', '[null,"z"]']);
    // Only the partition column (no data column at all): rows still counted per file.
    expect(await readRows(scanner, [], [0])).toHaveLength(3);
  });
});
