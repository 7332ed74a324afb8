import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../core/index.ts';
import { createTable, startCreateTable, startTransaction } from '../index.ts';
import { tempDir } from './delta-fixture.ts';
import { batchOf, expectRows, tableRows } from './write-helpers.ts';

const ALL_TYPES = [
  { name: 'b', type: T.boolean, nullable: true },
  { name: 's', type: T.int16, nullable: true },
  { name: 'i', type: T.int32, nullable: false },
  { name: 'l', type: T.int64, nullable: true },
  { name: 'f', type: T.float32, nullable: true },
  { name: 'd', type: T.float64, nullable: true },
  { name: 'n', type: decimal(10, 2), nullable: true },
  { name: 'w', type: decimal(30, 4), nullable: true },
  { name: 't', type: T.text, nullable: true },
  { name: 'dt', type: T.date, nullable: true },
  { name: 'ts', type: T.timestamptz, nullable: true },
  { name: 'ntz', type: T.timestamp, nullable: true },
] as const;

describe('Delta write round trip', () => {
  it('writes every type and reads it back', async () => {
    const dir = tempDir();
    const txn = await startCreateTable(dir, { schema: ALL_TYPES });
    const rows = [
      [true, 1, 10, 100n, 1.5, 2.25, 1234, 123456789012345678901234n, 'hello', 19000, 1_700_000_000_123_456n, 1_600_000_000_000_001n],
      [false, -2, 20, -(2n ** 62n), -0.5, Number.MAX_VALUE, -5, -1n, 'x'.repeat(40), -1, 0n, -1n],
      [null, null, 30, null, null, null, null, null, null, null, null, null],
    ];
    await txn.addFiles([batchOf(ALL_TYPES.map((c) => c.type), rows)]);
    const { version } = await txn.commit();
    expect(version).toBe(0);
    expect(await tableRows(dir)).toEqual(expectRows(rows));
    const p = txn.protocol;
    expect(p.minReaderVersion).toBe(3); // timestamp_ntz needs table features
    expect(p.writerFeatures).toContain('timestampNtz');
  });

  it('partitions by values with special characters and NULLs', async () => {
    const dir = tempDir();
    await createTable(dir, {
      schema: [{ name: 'id', type: T.int32, nullable: false }, { name: 'p', type: T.text, nullable: true }, { name: 'q', type: T.date, nullable: true }],
      partitionColumns: ['p', 'q'],
    });
    const txn = await startTransaction(dir);
    const rows = [
      [1, 'a b', 1], [2, 'x:y/z=%', 2], [3, null, null], [4, 'ünï', 1], [5, 'a b', 1], [6, '#?*', 3],
    ];
    await txn.addFiles([batchOf([T.int32, T.text, T.date], rows)]);
    await txn.commit();
    expect(await tableRows(dir)).toEqual(expectRows(rows));
    const paths = txn.addedFiles.map((f) => f.path);
    expect(paths.some((p) => p.startsWith('p=x%253Ay%252Fz%253D%2525/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('p=__HIVE_DEFAULT_PARTITION__/q=__HIVE_DEFAULT_PARTITION__/'))).toBe(true);
    expect(txn.addedFiles.find((f) => f.partitionValues.p === null)?.partitionValues.q).toBeNull();
    expect(txn.addedFiles.length).toBe(5);
  });

  it('rejects NULL in a NOT NULL column with 23502', async () => {
    const dir = tempDir();
    await createTable(dir, { schema: [{ name: 'id', type: T.int32, nullable: false }] });
    const txn = await startTransaction(dir);
    await expect(txn.addFiles([batchOf([T.int32], [[1], [null]])])).rejects.toMatchObject({ sqlState: '23502' });
  });

  it('refuses to create a table twice (42P07)', async () => {
    const dir = tempDir();
    await createTable(dir, { schema: [{ name: 'id', type: T.int32, nullable: false }] });
    await expect(createTable(dir, { schema: [{ name: 'id', type: T.int32, nullable: false }] })).rejects.toMatchObject({ sqlState: '42P07' });
  });
});

describe('addFiles input checks', () => {
  it('refuses rows whose column layout does not match the table types', async () => {
    const dir = tempDir();
    await createTable(dir, { schema: [{ name: 'id', type: T.int64, nullable: true }] });
    const txn = await startTransaction(dir);
    await expect(txn.addFiles([batchOf([T.int32], [[1]])])).rejects.toThrow(/bigint.*cast/);
  });
});
