/** Issue 6: Parquet files with list, struct and map columns (written by DuckDB and by Loch) scan into Loch's nested layouts. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  Batch, type DataType, type LiteralValue, MapValue, StructValue, T, arrayOf, columnFromValues, decimal, mapOf, readValue, structOf,
} from '../../../core/index.ts';
import { openParquetTable, writeParquetFile } from '../../index.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-nested-pq-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function duck(sql: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(sql);
  conn.closeSync();
}

async function rows(path: string, columns?: number[], batchSize?: number, limit?: number): Promise<LiteralValue[][]> {
  const scanner = await openParquetTable([path]);
  const cols = columns ?? scanner.columns.map((_, i) => i);
  const out: LiteralValue[][] = [];
  for await (const b of scanner.scan({ columns: cols, predicates: [], ...(batchSize ? { batchSize } : {}), ...(limit ? { limit } : {}) })) {
    for (let r = 0; r < b.numRows; r++) out.push(cols.map((c, k) => readValue(b.columns[k]!, scanner.columns[c]!.type, r)));
  }
  return out;
}

describe('nested Parquet columns', () => {
  it('DuckDB lists, structs, maps and lists of structs read with their types and values', async () => {
    const path = nodePath.join(dir, 'duck-nested.parquet');
    await duck(`COPY (SELECT * FROM (VALUES
        (1, [1, NULL, 3], {'a': 'x', 'b': 1.5::DECIMAL(4,1)}, MAP {'k': 10::BIGINT}, [{'p': 1::SMALLINT}], [[1], []], 'ab'::BLOB),
        (2, NULL, NULL, NULL, NULL, NULL, NULL),
        (3, [], {'a': NULL, 'b': -2.0::DECIMAL(4,1)}, MAP {'k': NULL, 'z': 5::BIGINT}, [NULL, {'p': NULL}], [NULL, [2, 3]], ''::BLOB)
      ) t(id, l, s, m, ls, ll, bin) ORDER BY id) TO '${path}' (FORMAT parquet)`);
    const scanner = await openParquetTable([path]);
    expect(scanner.columns.map((c) => c.type)).toEqual<DataType[]>([
      T.int32, arrayOf(T.int32), structOf([{ name: 'a', type: T.text }, { name: 'b', type: decimal(4, 1) }]),
      mapOf(T.text, T.int64), arrayOf(structOf([{ name: 'p', type: T.int16 }])), arrayOf(arrayOf(T.int32)), T.binary,
    ]);
    expect(await rows(path)).toEqual([
      [1, [1, null, 3], new StructValue(['x', 15]), new MapValue(['k'], [10n]), [new StructValue([1])], [[1], []], new TextEncoder().encode('ab')],
      [2, null, null, null, null, null, null],
      [3, [], new StructValue([null, -20]), new MapValue(['k', 'z'], [null, 5n]), [null, new StructValue([null])], [null, [2, 3]], new Uint8Array(0)],
    ]);
  });

  it('projection, small batches and LIMIT', async () => {
    const path = nodePath.join(dir, 'duck-many.parquet');
    await duck(`COPY (SELECT i AS id, [i, i * 2] AS l, {'v': i} AS s FROM range(0, 1000) r(i)) TO '${path}' (FORMAT parquet)`);
    const all = await rows(path, [2, 1], 64);
    expect(all.length).toBe(1000);
    expect(all[999]).toEqual([new StructValue([999n]), [999n, 1998n]]);
    expect((await rows(path, [1], 64, 70)).length).toBe(70);
  });

  it("Loch's writer keeps nested columns (narrow decimals inside too) for itself and for DuckDB", async () => {
    const path = nodePath.join(dir, 'loch-nested.parquet');
    const types: DataType[] = [arrayOf(decimal(10, 2)), structOf([{ name: 'n', type: T.text }, { name: 'd', type: decimal(12, 3) }]), mapOf(T.int32, arrayOf(T.text))];
    const values: LiteralValue[][] = [
      [[125, null], new StructValue(['a', 1500]), new MapValue([1], [['x', null]])],
      [null, null, null],
      [[], new StructValue([null, -1]), new MapValue([], [])],
    ];
    const batch = new Batch(types.map((t, c) => columnFromValues(t, values.map((r) => r[c]!))), values.length);
    await writeParquetFile(path, types.map((type, i) => ({ name: `c${i}`, type, nullable: true })), [batch]);
    expect(await rows(path)).toEqual(values);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const r = await conn.runAndReadAll(`SELECT c0::VARCHAR, c1.d::VARCHAR, c2[1][1] FROM '${path}'`);
    expect(r.getRows()[0]).toEqual(['[1.25, NULL]', '1.500', 'x']);
    conn.closeSync();
  });
});
