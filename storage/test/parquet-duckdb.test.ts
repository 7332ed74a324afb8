import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { T, decimal } from '../../core/index.ts';
import { openParquetTable } from '../index.ts';
import { values } from './columns.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-duck-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function duck(sql: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(sql);
  conn.closeSync();
}

describe('Parquet written by DuckDB', () => {
  it('reads decimals, dates, strings, ints, doubles, timestamps and nulls with the right values', async () => {
    const path = nodePath.join(dir, 'duck.parquet');
    await duck(`COPY (SELECT * FROM (VALUES
        (1, 10::BIGINT, 12.50::DECIMAL(15,2), DATE '1995-03-15', 'alpha', 1.5::DOUBLE, 7::SMALLINT, TRUE, 123456789012345678901234.5678::DECIMAL(38,4), 1.25::DECIMAL(4,2), TIMESTAMP '2001-02-03 04:05:06.789', TIMESTAMPTZ '1960-01-01 00:00:00+00'),
        (2, NULL, -0.01::DECIMAL(15,2), DATE '1969-12-31', '', NULL, NULL, NULL, -1::DECIMAL(38,4), NULL, NULL, NULL),
        (3, -5::BIGINT, NULL, NULL, NULL, -2.75::DOUBLE, -7::SMALLINT, FALSE, NULL, -99.99::DECIMAL(4,2), TIMESTAMP '1900-01-01 00:00:00', TIMESTAMPTZ '2030-06-01 12:00:00+00'),
        (4, 9223372036854775807::BIGINT, 9999999999999.99::DECIMAL(15,2), DATE '0001-01-01', 'ünï ✓', 1e300::DOUBLE, 32767::SMALLINT, TRUE, 0::DECIMAL(38,4), 0::DECIMAL(4,2), TIMESTAMP '2262-04-11 00:00:00', TIMESTAMPTZ '1970-01-01 00:00:00.000001+00')
      ) t(i, b, m, d, s, f, sm, bo, w, nd, ts, tz) ORDER BY i) TO '${path}' (FORMAT parquet)`);
    const scanner = await openParquetTable([path]);
    expect(scanner.columns.map((c) => [c.name, c.type])).toEqual([
      ['i', T.int32], ['b', T.int64], ['m', decimal(15, 2)], ['d', T.date], ['s', T.text], ['f', T.float64],
      ['sm', T.int16], ['bo', T.boolean], ['w', decimal(38, 4)], ['nd', decimal(4, 2)], ['ts', T.timestamp], ['tz', T.timestamptz],
    ]);
    const cols = scanner.columns.map((_, i) => i);
    const got: unknown[][] = cols.map(() => []);
    for await (const b of scanner.scan({ columns: cols, predicates: [] })) {
      b.columns.forEach((d, j) => got[j]!.push(...values(scanner.columns[j]!.type, d)));
    }
    const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    const micros = (iso: string) => BigInt(Date.parse(`${iso}Z`)) * 1000n;
    expect(got).toEqual([
      [1, 2, 3, 4],
      [10n, null, -5n, 9223372036854775807n],
      [1250, -1, null, 999999999999999],
      [day('1995-03-15'), -1, null, day('0001-01-01')],
      ['alpha', '', null, 'ünï ✓'],
      [1.5, null, -2.75, 1e300],
      [7, null, -7, 32767],
      [true, null, false, true],
      [1234567890123456789012345678n, -10000n, null, 0n],
      [125, null, -9999, 0],
      [micros('2001-02-03T04:05:06.789'), null, micros('1900-01-01T00:00:00'), micros('2262-04-11T00:00:00')],
      [micros('1960-01-01T00:00:00'), null, micros('2030-06-01T12:00:00'), 1n],
    ]);
  });

  it('reads DuckDB files with data page v2, delta encodings and zstd/gzip/uncompressed pages', async () => {
    for (const options of ['COMPRESSION zstd, PARQUET_VERSION V2', 'COMPRESSION gzip', 'COMPRESSION uncompressed, PARQUET_VERSION V2']) {
      const path = nodePath.join(dir, `v2-${options.replace(/[^a-z0-9]+/gi, '-')}.parquet`);
      await duck(`COPY (SELECT i::INTEGER AS k, i::BIGINT * 1000003 AS big, 'str' || (i % 1000)::VARCHAR AS s,
          CASE WHEN i % 7 = 0 THEN NULL ELSE (i / 8.0)::DECIMAL(15,3) END AS m, DATE '1990-01-01' + (i % 5000)::INTEGER AS d
        FROM range(0, 20000) t(i)) TO '${path}' (FORMAT parquet, ${options})`);
      const scanner = await openParquetTable([path]);
      const got: unknown[][] = [[], [], [], [], []];
      for await (const b of scanner.scan({ columns: [0, 1, 2, 3, 4], predicates: [] })) {
        b.columns.forEach((c, j) => { for (const v of values(scanner.columns[j]!.type, c)) got[j]!.push(v); });
      }
      const ids = Array.from({ length: 20000 }, (_, i) => i);
      expect(got[0]).toEqual(ids);
      expect(got[1]).toEqual(ids.map((i) => BigInt(i) * 1000003n));
      expect(got[2]).toEqual(ids.map((i) => `str${i % 1000}`));
      expect(got[3]).toEqual(ids.map((i) => (i % 7 === 0 ? null : i * 125)));
      expect(got[4]).toEqual(ids.map((i) => 7305 + (i % 5000)));
    }
  });

  it('converts millisecond and nanosecond timestamps to microseconds (floor), and prunes on them', async () => {
    const path = nodePath.join(dir, 'units.parquet');
    await duck(`COPY (SELECT * FROM (VALUES
        (1, '2001-02-03 04:05:06.789'::TIMESTAMP_MS, '2001-02-03 04:05:06.123456789'::TIMESTAMP_NS),
        (2, '1969-12-31 23:59:59.999'::TIMESTAMP_MS, '1969-12-31 23:59:59.999999999'::TIMESTAMP_NS)
      ) t(i, ms, ns)) TO '${path}' (FORMAT parquet)`);
    const scanner = await openParquetTable([path]);
    expect(scanner.columns.map((c) => c.type.kind)).toEqual(['int32', 'timestamp', 'timestamp']);
    const got: unknown[][] = [[], [], []];
    for await (const b of scanner.scan({ columns: [0, 1, 2], predicates: [] })) b.columns.forEach((d, j) => got[j]!.push(...values(scanner.columns[j]!.type, d)));
    const base = BigInt(Date.parse('2001-02-03T04:05:06Z')) * 1000n;
    expect(got[1]).toEqual([base + 789000n, -1000n]);
    expect(got[2]).toEqual([base + 123456n, -1n]);
    // The ns maximum 04:05:06.123456789 rounds up to …457 µs: a predicate > …456 µs must keep the row group.
    const pruned = await openParquetTable([path]);
    for await (const _ of pruned.scan({ columns: [2], predicates: [{ kind: 'compare', column: 2, op: '>', value: base + 123456n }] })) { /* drain */ }
    expect(pruned.metrics.rowGroupsRead).toBe(1);
    const skipped = await openParquetTable([path]);
    for await (const _ of skipped.scan({ columns: [2], predicates: [{ kind: 'compare', column: 2, op: '>', value: base + 123457n }] })) { /* drain */ }
    expect(skipped.metrics.rowGroupsRead).toBe(0);
  });

  it('prunes DuckDB row groups by their statistics', async () => {
    const path = nodePath.join(dir, 'groups.parquet');
    await duck(`COPY (SELECT i::INTEGER AS k, (i * 1.5)::DECIMAL(12,2) AS price, DATE '2000-01-01' + i::INTEGER AS d FROM range(0, 100000) t(i))
      TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
    const scanner = await openParquetTable([path]);
    const keys: number[] = [];
    // price >= 140000.00 ⇔ k >= 93334: only the row group(s) holding those keys
    for await (const b of scanner.scan({ columns: [0, 1], predicates: [{ kind: 'compare', column: 1, op: '>=', value: 14_000_000 }] })) {
      keys.push(...(b.columns[0]!.values as Int32Array));
      expect((b.columns[1]!.values as Float64Array)[0]).toBe((b.columns[0]!.values as Int32Array)[0]! * 150);
    }
    const { rowGroupsRead, rowGroupsSkipped } = scanner.metrics;
    expect(rowGroupsRead + rowGroupsSkipped).toBeGreaterThanOrEqual(8);
    expect(rowGroupsRead).toBe(1);
    expect(keys.filter((k) => k >= 93334)).toHaveLength(100000 - 93334);
    expect(keys.length).toBeLessThan(20000);
    const byDate = await openParquetTable([path]);
    for await (const b of byDate.scan({ columns: [2], predicates: [{ kind: 'compare', column: 2, op: '<', value: 10957 + 5 }] })) expect(b.numRows).toBeGreaterThan(0);
    expect(byDate.metrics.rowGroupsRead).toBe(1);
  });
});
