/** Issue 6: Parquet TIME columns written by other engines (DuckDB: INT64 TIME µs) scan as Loch's time type. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { T, formatValue, readValue } from '../../../core/index.ts';
import { openParquetTable } from '../../index.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-time-pq-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('Parquet TIME columns', () => {
  it('DuckDB TIME values read with the time type', async () => {
    const path = nodePath.join(dir, 'duck-time.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`COPY (SELECT * FROM (VALUES (1, TIME '00:00:00'), (2, TIME '12:34:56.789012'), (3, NULL), (4, TIME '23:59:59.999999')) t(id, t) ORDER BY id)
      TO '${path}' (FORMAT parquet)`);
    conn.closeSync();
    const scanner = await openParquetTable([path]);
    expect(scanner.columns[1]!.type).toEqual(T.time);
    const out: (string | null)[] = [];
    for await (const b of scanner.scan({ columns: [1], predicates: [] })) {
      for (let r = 0; r < b.numRows; r++) {
        const v = readValue(b.columns[0]!, T.time, r);
        out.push(v === null ? null : formatValue(v, T.time));
      }
    }
    expect(out).toEqual(['00:00:00', '12:34:56.789012', null, '23:59:59.999999']);
  });
});
