/**
 * Issue 5: DataFrame actions (collect, toArrow, toArrowStream, count, first,
 * show, explain, schema), sources (table, read.*, createDataFrame, sql), writes
 * and errors, on the embedded engine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { F, Loch, LochError, col, lit, type DataFrame } from 'loch/client';

let loch: Loch;
let df: DataFrame;
const dir = mkdtempSync(path.join(tmpdir(), 'loch-client-'));

beforeAll(async () => {
  loch = await Loch.embedded();
  df = loch.createDataFrame([{ k: 1, v: 'apple', p: 1.25 }, { k: 2, v: 'banana', p: null }, { k: 3, v: 'cherry', p: 3 }]);
});
afterAll(async () => {
  await loch?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('actions', () => {
  it('collect returns plain objects with JS values', async () => {
    expect(await df.orderBy('k').collect()).toEqual([{ k: 1n, v: 'apple', p: 1.25 }, { k: 2n, v: 'banana', p: null }, { k: 3n, v: 'cherry', p: 3 }]);
    const typed = await loch.sql("SELECT CAST(12.34 AS decimal(10,2)) AS d, DATE '2024-02-29' AS day, TRUE AS b, CAST(7 AS integer) AS i").collect();
    expect(typed).toEqual([{ d: 12.34, day: new Date('2024-02-29T00:00:00Z'), b: true, i: 7 }]);
    expect(await loch.sql("SELECT TIME '07:08:09.5' AS t").collect()).toEqual([{ t: '07:08:09.5' }]);
  });

  it('toArrow returns an Arrow table; toArrowStream yields record batches', async () => {
    const table = await df.orderBy('k').toArrow();
    expect(table).toBeInstanceOf(arrow.Table);
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['k', 'v', 'p']);
    expect(table.getChild('v')!.toArray()).toEqual(['apple', 'banana', 'cherry']);
    let rows = 0;
    for await (const batch of loch.range(50_000).toArrowStream()) {
      expect(batch).toBeInstanceOf(arrow.RecordBatch);
      rows += batch.numRows;
    }
    expect(rows).toBe(50_000);
    expect((await df.filter(lit(false)).toArrow()).numRows).toBe(0);
  });

  it('count, first, take', async () => {
    expect(await df.count()).toBe(3);
    expect(await df.filter(col('k').gt(5)).count()).toBe(0);
    expect(await df.orderBy(col('k').desc()).first()).toEqual({ k: 3n, v: 'cherry', p: 3 });
    expect(await df.filter(col('k').gt(5)).first()).toBeNull();
    expect(await df.orderBy('k').take(2)).toHaveLength(2);
  });

  it('show prints an aligned table', async () => {
    const text = await df.orderBy('k').show(2, { print: false });
    expect(text).toBe([
      '+---+------+----+',
      '|  k|     v|   p|',
      '+---+------+----+',
      '|  1| apple|1.25|',
      '|  2|banana|NULL|',
      '+---+------+----+',
      'only showing top 2 rows',
      '',
    ].join('\n'));
    expect(await loch.createDataFrame([{ s: 'x'.repeat(30) }]).show(20, { print: false })).toContain('|xxxxxxxxxxxxxxxxx...|');
  });

  it('explain shows the engine plan; analyze runs it', async () => {
    const plan = await df.filter(col('k').gt(1)).explain();
    expect(plan).toMatch(/Logical plan:/);
    expect(plan).toMatch(/Filter/);
    expect(await df.explain('analyze')).toMatch(/rows=3/);
  });

  it('dtypes, printSchema and typed collect', async () => {
    expect(await df.dtypes()).toEqual([['k', 'bigint'], ['v', 'text'], ['p', 'double precision']]);
    expect(await df.printSchema({ print: false })).toBe('root\n |-- k: bigint (nullable = true)\n |-- v: text (nullable = true)\n |-- p: double precision (nullable = true)\n');
    const rows = await df.orderBy('k').collect<{ k: bigint; v: string; p: number | null }>();
    expect(rows[0]!.v.toUpperCase()).toBe('APPLE');
  });

  it('schema is known without running the query', async () => {
    const s = await df.select(col('k').cast('integer').alias('i'), col('v')).schema;
    expect(s.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['i:Int32', 'v:Utf8']);
    // A query that would fail at run time (division by zero) still has a schema: LIMIT 0 scans nothing.
    expect((await loch.range(10).select(col('id').divide(0).alias('boom')).schema).fields[0]!.name).toBe('boom');
  });
});

describe('sources', () => {
  it('table(), sql() and createDataFrame from an Arrow table', async () => {
    await loch.runStatement("CREATE TABLE fruit (k int, name text) USING delta");
    await loch.runStatement("INSERT INTO fruit VALUES (1, 'fig'), (2, 'kiwi')");
    expect(await loch.table('fruit').filter(col('k').eq(2)).select('name').collect()).toEqual([{ name: 'kiwi' }]);
    expect(await loch.sql('SELECT k FROM fruit WHERE k = 1').collect()).toEqual([{ k: 1 }]);
    const t = arrow.tableFromArrays({ a: Int32Array.from([1, 2]), b: ['x', 'y'] });
    expect(await loch.createDataFrame(t).orderBy('a').collect()).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  });

  it('createDataFrame with many rows goes through a temporary Parquet file on the embedded engine', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: i, name: i % 5 === 0 ? null : `n${i}`, x: i / 4, on: i % 2 === 0, at: new Date(Date.UTC(2024, 0, 1) + i * 1000) }));
    const big = loch.createDataFrame(rows);
    expect(await big.toSql()).toMatch(/^SELECT \* FROM read_parquet\('.*\.parquet'\)$/);
    expect(await big.dtypes()).toEqual([['id', 'bigint'], ['name', 'text'], ['x', 'double precision'], ['on', 'boolean'], ['at', 'timestamp with time zone']]);
    expect(await big.filter(col('id').eq(4999)).collect()).toEqual([{ id: 4999n, name: 'n4999', x: 1249.75, on: false, at: new Date(Date.UTC(2024, 0, 1) + 4999_000) }]);
    expect(await big.filter(col('name').isNull()).count()).toBe(1000);
    // The same rows as a VALUES list (small data) give the same types.
    expect(await loch.createDataFrame(rows.slice(0, 3)).dtypes()).toEqual(await big.dtypes());
  });

  it('read.csv, read.json, read.parquet and read.delta by path', async () => {
    writeFileSync(path.join(dir, 'a.csv'), 'id,name\n1,x\n2,y\n');
    writeFileSync(path.join(dir, 'b.csv'), '1|x\n2|y\n');
    writeFileSync(path.join(dir, 'c.json'), '{"id": 1, "name": "x"}\n{"id": 2, "name": "y"}\n');
    expect(await loch.read.csv(path.join(dir, 'a.csv')).count()).toBe(2);
    expect(await loch.read.csv(path.join(dir, 'b.csv'), { header: false, delimiter: '|' }).count()).toBe(2);
    expect(await loch.read.json(path.join(dir, 'c.json')).filter(col('name').eq('y')).count()).toBe(1);
    for (const part of [0, 1]) {
      const buffer = parquetWriteBuffer({ columnData: [{ name: 'n', type: 'INT32', data: Int32Array.from([part * 10, part * 10 + 1]) }] });
      writeFileSync(path.join(dir, `p${part}.parquet`), new Uint8Array(buffer));
    }
    expect(await loch.read.parquet(path.join(dir, 'p*.parquet')).agg(F.sum('n').alias('s')).collect()).toEqual([{ s: 22n }]);
    // Delta by path, written through the DataFrame writer.
    const deltaPath = path.join(dir, 'delta-t');
    await df.write.format('delta').mode('error').save(deltaPath);
    expect(await loch.read.delta(deltaPath).count()).toBe(3);
    await df.filter(col('k').eq(1)).write.mode('append').save(deltaPath);
    expect(await loch.read.delta(deltaPath).count()).toBe(4);
    expect(await loch.read.delta(deltaPath, { versionAsOf: 0 }).count()).toBe(3);
    expect(await loch.read.format('delta').load(deltaPath).count()).toBe(4);
    await expect(df.write.save(deltaPath)).rejects.toMatchObject({ sqlState: '42P07', message: expect.stringContaining(deltaPath) });
    await df.write.mode('ignore').save(deltaPath);
    expect(await loch.read.delta(deltaPath).count()).toBe(4);
    await df.filter(col('k').eq(2)).write.mode('overwrite').save(deltaPath);
    expect(await loch.read.delta(deltaPath).collect()).toEqual([{ k: 2n, v: 'banana', p: null }]);
    expect(await loch.read.delta(deltaPath, { versionAsOf: 1 }).count()).toBe(4);
  });
});

describe('writes', () => {
  it('saveAsTable with modes error, ignore, overwrite, append; partitionBy; insertInto', async () => {
    await df.write.format('delta').partitionBy('k').saveAsTable('w1');
    expect(await loch.table('w1').count()).toBe(3);
    await expect(df.write.saveAsTable('w1')).rejects.toMatchObject({ sqlState: '42P07' });
    await df.filter(col('k').eq(1)).write.mode('ignore').saveAsTable('w1');
    expect(await loch.table('w1').count()).toBe(3);
    await df.filter(col('k').eq(1)).write.mode('overwrite').saveAsTable('w1');
    expect(await loch.table('w1').count()).toBe(1);
    await df.write.mode('append').saveAsTable('w1');
    expect(await loch.table('w1').count()).toBe(4);
    await df.write.mode('append').saveAsTable('w2');
    expect(await loch.table('w2').count()).toBe(3);
    await df.filter(col('k').eq(3)).write.insertInto('w2');
    expect(await loch.table('w2').filter(col('k').eq(3)).count()).toBe(2);
    await df.write.format('delta').partitionBy('k').saveAsTable('w3');
    expect((await loch.sql('DESCRIBE DETAIL w3').collect())[0]?.partitionColumns).toBe('["k"]');
  });

  it('bad write mode is refused', () => {
    expect(() => df.write.mode('sideways' as never)).toThrow(/append, overwrite, error, ignore/);
  });
});

describe('errors', () => {
  it('unknown column → 42703 with the server message', async () => {
    const err = await df.select(col('nope')).collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LochError);
    expect(err).toMatchObject({ sqlState: '42703', message: 'column "nope" does not exist' });
    await expect(df.select('nope').schema).rejects.toMatchObject({ sqlState: '42703' });
  });

  it('wrong types → the server SQLSTATE', async () => {
    await expect(df.select(col('v').plus(col('k'))).collect()).rejects.toMatchObject({ sqlState: expect.stringMatching(/^42/) });
    await expect(df.filter(col('k')).collect()).rejects.toMatchObject({ sqlState: '42804' });
    await expect(loch.table('no_such_table').collect()).rejects.toMatchObject({ sqlState: '42P01' });
  });

  it('a cancelled action stops with 57014', async () => {
    const controller = new AbortController();
    const stream = loch.range(10_000_000).toArrowStream({ signal: controller.signal });
    const seen = stream.next();
    await seen;
    controller.abort();
    await expect((async () => { for await (const _ of stream) { /* keep reading */ } })()).rejects.toMatchObject({ sqlState: '57014' });
  });

  it('streaming is API shape only: starting fails with 0A000', async () => {
    const reader = loch.readStream.format('delta').option('maxFilesPerTrigger', 1);
    expect(reader.source).toEqual({ format: 'delta', options: { maxFilesPerTrigger: '1' } });
    await expect(reader.table('events')).rejects.toMatchObject({ sqlState: '0A000', message: expect.stringContaining('ingestion issue') });
    const writer = df.writeStream.format('delta').outputMode('append').option('checkpointLocation', '/tmp/cp').trigger({ availableNow: true });
    expect(writer.settings.outputMode).toBe('append');
    await expect(writer.toTable('out')).rejects.toMatchObject({ sqlState: '0A000' });
  });
});
