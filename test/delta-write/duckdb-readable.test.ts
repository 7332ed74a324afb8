/**
 * Data files Loch writes into Delta tables are ordinary Parquet: DuckDB reads
 * them (read_parquet) with the same values Loch wrote, for every type.
 */
import { describe, expect, it } from 'vitest';
import * as nodePath from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { T, decimal } from '../../core/index.ts';
import { startCreateTable, validateDeltaLog } from '../../storage/index.ts';
import { tempDir, batchOf } from './helpers.ts';

const SCHEMA = [
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
  { name: 'part', type: T.text, nullable: true },
];

describe('Delta data files read by DuckDB', () => {
  it('hold the values Loch wrote, for every type, in every partition', async () => {
    const dir = tempDir();
    const txn = await startCreateTable(dir, { schema: SCHEMA, partitionColumns: ['part'] });
    await txn.addFiles([batchOf(SCHEMA.map((c) => c.type), [
      [true, 1, 10, 100n, 1.5, 2.25, 1234, 123456789012345678901234n, 'hello', 19000, 1_700_000_000_123_456n, 1_600_000_000_000_001n, 'a:b'],
      [false, -2, 20, -(2n ** 62n), -0.5, 1e300, -5, -1n, 'ünï ✓', -1, 0n, -1n, 'a:b'],
      [null, null, 30, null, null, null, null, null, null, null, null, null, null],
    ])]);
    await txn.commit();
    expect(await validateDeltaLog(dir)).toEqual([]);
    const files = txn.addedFiles.map((f) => `'${nodePath.join(dir, decodeURIComponent(f.path))}'`);
    expect(files).toHaveLength(2);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const r = await conn.runAndReadAll(`SELECT CAST(b AS VARCHAR), CAST(s AS VARCHAR), CAST(i AS VARCHAR), CAST(l AS VARCHAR), CAST(f AS VARCHAR),
      CAST(d AS VARCHAR), CAST(n AS VARCHAR), CAST(w AS VARCHAR), t, CAST(dt AS VARCHAR), CAST(epoch_us(ts) AS VARCHAR), CAST(epoch_us(ntz) AS VARCHAR),
      typeof(n), typeof(w), typeof(ts), typeof(ntz), typeof(s)
      FROM read_parquet([${files.join(', ')}]) ORDER BY i`);
    const rows = r.getRows();
    conn.closeSync();
    expect(rows).toEqual([
      ['true', '1', '10', '100', '1.5', '2.25', '12.34', '12345678901234567890.1234', 'hello', '2022-01-08', '1700000000123456', '1600000000000001',
        'DECIMAL(10,2)', 'DECIMAL(30,4)', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP', 'SMALLINT'],
      ['false', '-2', '20', String(-(2n ** 62n)), '-0.5', '1e+300', '-0.05', '-0.0001', 'ünï ✓', '1969-12-31', '0', '-1',
        'DECIMAL(10,2)', 'DECIMAL(30,4)', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP', 'SMALLINT'],
      [null, null, '30', null, null, null, null, null, null, null, null, null, 'DECIMAL(10,2)', 'DECIMAL(30,4)', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP', 'SMALLINT'],
    ]);
  });
});
