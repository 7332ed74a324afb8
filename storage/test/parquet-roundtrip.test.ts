import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import * as arrow from 'apache-arrow';
import { mkdtemp, rm, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Batch, T, decimal, type BatchField, type LiteralValue, LochError, toArrowSchema, toRecordBatch } from '../../core/index.ts';
import { openParquetTable, writeParquetFile } from '../index.ts';
import { column, values } from './columns.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-pq-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const fields: BatchField[] = [
  { name: 'b', type: T.boolean, nullable: true },
  { name: 'i16', type: T.int16, nullable: true },
  { name: 'i32', type: T.int32, nullable: false },
  { name: 'i64', type: T.int64, nullable: true },
  { name: 'f32', type: T.float32, nullable: true },
  { name: 'f64', type: T.float64, nullable: true },
  { name: 'money', type: decimal(15, 2), nullable: true },
  { name: 'small', type: decimal(5, 3), nullable: true },
  { name: 'wide', type: decimal(38, 10), nullable: true },
  { name: 's', type: T.text, nullable: true },
  { name: 'd', type: T.date, nullable: true },
  { name: 'ts', type: T.timestamp, nullable: true },
  { name: 'tstz', type: T.timestamptz, nullable: true },
];

const rows: LiteralValue[][] = [
  [true, 1, 10, 1n, 1.5, 2.25, 123456789, 1234, 12345678901234567890123456789n, 'hello', 0, 0n, 1n],
  [false, -32768, -2147483648, -(2n ** 63n), -0.5, -1e300, -999999999999999, -99999, -(10n ** 37n) + 1n, '', -719162, -62135596800000000n, -1n],
  [null, null, 0, null, null, null, null, null, null, null, null, null, null],
  [true, 32767, 2147483647, 2n ** 63n - 1n, 3.4e38, Number.MIN_VALUE, 999999999999999, 99999, 10n ** 37n, 'ünïcödé ✓ 𝄞', 2932896, 253402300799999999n, 1700000000123456n],
  [false, 0, 7, 0n, 0, 0, -1, -1, -1n, ' spaced ', -1, -1n, -1700000000123456n],
];

function batchOf(rs: readonly LiteralValue[][]): Batch {
  return new Batch(fields.map((f, c) => column(f.type, rs.map((r) => r[c]!))), rs.length);
}

async function readAll(path: string, columns?: number[]): Promise<LiteralValue[][]> {
  const scanner = await openParquetTable([path]);
  const cols = columns ?? scanner.columns.map((_, i) => i);
  const out: LiteralValue[][] = [];
  for await (const b of scanner.scan({ columns: cols, predicates: [] })) {
    expect(b.selection).toBeNull();
    const vs = b.columns.map((d, j) => values(scanner.columns[cols[j]!]!.type, d));
    for (let r = 0; r < b.numRows; r++) out.push(vs.map((v) => v[r]!));
  }
  return out;
}

describe('Parquet round trip', () => {
  it('writes a batch whose columns share one Arrow buffer (SELECT x AS a, x AS b)', async () => {
    const path = nodePath.join(dir, 'shared-column.parquet');
    const shared = column(T.int32, Array.from({ length: 3000 }, (_, i) => i));
    const two: BatchField[] = [{ name: 'a', type: T.int32, nullable: true }, { name: 'b', type: T.int32, nullable: true }];
    await writeParquetFile(path, two, [new Batch([shared, shared], 3000)]);
    const back = await readAll(path);
    expect(back).toHaveLength(3000);
    expect(back[2999]).toEqual([2999, 2999]);
  });

  it('reads back every type, nulls, empty strings, negative and wide decimals, dates before 1970', async () => {
    for (const compression of ['snappy', 'zstd', 'none'] as const) {
      const path = nodePath.join(dir, `all-${compression}.parquet`);
      await writeParquetFile(path, fields, [batchOf(rows.slice(0, 2)), batchOf(rows.slice(2))], { compression });
      const scanner = await openParquetTable([path]);
      expect(scanner.columns.map((c) => [c.name, c.type, c.nullable])).toEqual(fields.map((f) => [f.name, f.type, f.nullable]));
      expect(await scanner.statistics()).toMatchObject({ rowCount: rows.length });
      const back = await readAll(path);
      const expected = rows.map((r) => r.map((v, c) => (fields[c]!.type.kind === 'float32' && typeof v === 'number' ? Math.fround(v) : v)));
      expect(back).toEqual(expected);
    }
  });

  it('writes real Parquet types that another engine reads (decimal, date, string)', async () => {
    const path = nodePath.join(dir, 'duck-check.parquet');
    await writeParquetFile(path, fields, [batchOf(rows)]);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const r = await conn.runAndReadAll(`SELECT typeof(money), CAST(money AS VARCHAR), typeof(d), CAST(d AS VARCHAR), typeof(s), typeof(wide), CAST(wide AS VARCHAR) FROM '${path}' ORDER BY i32 LIMIT 1`);
    expect(r.getRows()[0]).toEqual(['DECIMAL(15,2)', '-9999999999999.99', 'DATE', '0001-01-01', 'VARCHAR', 'DECIMAL(38,10)', '-999999999999999999999999999.9999999999']);
    conn.closeSync();
  });

  it('honours loch.type tags of an Arrow schema embedded by another writer', async () => {
    // A plain Arrow → Parquet writer stores Loch's narrow decimal (Float64 scaled integers) as DOUBLE.
    const pw = await import('parquet-wasm/node');
    const arrowSchema = toArrowSchema([{ name: 'price', type: decimal(15, 2), nullable: true }, { name: 'x', type: T.float64, nullable: true }]);
    const rb = toRecordBatch(new Batch([column(decimal(15, 2), [1250, -1, null]), column(T.float64, [0.5, 1, 2])], 3), arrowSchema);
    const bytes = pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(new arrow.Table(arrowSchema, [rb]), 'stream')));
    const path = nodePath.join(dir, 'arrow-tagged.parquet');
    await writeFile(path, bytes);
    const scanner = await openParquetTable([path]);
    expect(scanner.columns.map((c) => c.type)).toEqual([decimal(15, 2), T.float64]);
    expect(await readAll(path)).toEqual([[1250, 0.5], [-1, 1], [null, 2]]);
  });

  it('materializes a selection vector when writing', async () => {
    const path = nodePath.join(dir, 'selected.parquet');
    await writeParquetFile(path, fields, [batchOf(rows).withSelection(Int32Array.of(1, 3))]);
    const back = await readAll(path, [2, 9]);
    expect(back).toEqual([[-2147483648, ''], [2147483647, 'ünïcödé ✓ 𝄞']]);
  });

  it('projects requested columns in the requested order', async () => {
    const path = nodePath.join(dir, 'proj.parquet');
    await writeParquetFile(path, fields, [batchOf(rows)]);
    expect(await readAll(path, [9, 2, 9])).toEqual(rows.map((r) => [r[9], r[2], r[9]]));
    // No columns (count(*)): batches carry only row counts.
    const scanner = await openParquetTable([path]);
    let n = 0;
    for await (const b of scanner.scan({ columns: [], predicates: [] })) { expect(b.columns).toHaveLength(0); n += b.numRows; }
    expect(n).toBe(rows.length);
  });

  it('writes a readable empty file when there are no rows', async () => {
    const path = nodePath.join(dir, 'empty.parquet');
    await writeParquetFile(path, fields, []);
    const scanner = await openParquetTable([path]);
    expect(scanner.columns.map((c) => c.type)).toEqual(fields.map((f) => f.type));
    expect(await readAll(path)).toEqual([]);
  });

  it('cuts row groups, honours limit, batch size and abort', async () => {
    const path = nodePath.join(dir, 'big.parquet');
    const f: BatchField[] = [{ name: 'k', type: T.int32, nullable: false }];
    const batches = Array.from({ length: 10 }, (_, b) => new Batch([column(T.int32, Array.from({ length: 1000 }, (_, i) => b * 1000 + i))], 1000));
    await writeParquetFile(path, f, batches, { rowGroupSize: 3000 });
    const scanner = await openParquetTable([path]);
    const sizes: number[] = [];
    let last = -1;
    for await (const b of scanner.scan({ columns: [0], predicates: [], batchSize: 700 })) {
      sizes.push(b.numRows);
      const v = b.columns[0]!.values as Int32Array;
      expect(v[0]).toBe(last + 1);
      last = v[b.numRows - 1]!;
    }
    expect(last).toBe(9999);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(700);
    expect(scanner.metrics.rowGroupsRead).toBe(4);
    let limited = 0;
    for await (const b of scanner.scan({ columns: [0], predicates: [], limit: 3500 })) limited += b.numRows;
    expect(limited).toBe(3500);
    const controller = new AbortController();
    let seen = 0;
    for await (const b of scanner.scan({ columns: [0], predicates: [], batchSize: 500, signal: controller.signal })) {
      seen += b.numRows;
      controller.abort();
    }
    expect(seen).toBe(500);
  });

  it('never leaves a partial file when writing fails', async () => {
    const sub = await mkdtemp(nodePath.join(dir, 'fail-'));
    async function* failing(): AsyncGenerator<Batch> {
      yield new Batch([column(T.int32, [1, 2, 3])], 3);
      throw new Error('producer failed');
    }
    await expect(writeParquetFile(nodePath.join(sub, 'x.parquet'), [{ name: 'k', type: T.int32, nullable: false }], failing()))
      .rejects.toThrow(/producer failed/);
    await expect(writeParquetFile(nodePath.join(sub, 'y.parquet'), [{ name: 'n', type: T.null, nullable: true }], [])) // a column of unknown type has no Parquet form
      .rejects.toBeInstanceOf(LochError);
    const withNull = new Batch([column(T.int32, [1, null, 3])], 3);
    const notNull = await writeParquetFile(nodePath.join(sub, 'z.parquet'), [{ name: 'k', type: T.int32, nullable: false }], [withNull])
      .catch((e: unknown) => e);
    expect((notNull as LochError).sqlState).toBe('23502');
    expect((notNull as LochError).message).toContain('"k"');
    expect(await readdir(sub)).toEqual([]);
  });
});
