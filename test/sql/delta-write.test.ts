/** Issue 3 (write side) through SQL: CREATE TABLE, CTAS, INSERT [OVERWRITE], DROP, and a catalog that persists. */
import { mkdtempSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('writing Delta tables with SQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loch-delta-write-'));
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine({ dataDir }); });
  afterAll(async () => { await engine?.close(); rmSync(dataDir, { recursive: true, force: true }); });

  it('CREATE TABLE makes a managed Delta table that INSERT fills', async () => {
    await query(engine, 'create table t (id int not null, name text, amount numeric(10,2), d date)');
    await query(engine, "insert into t values (1, 'a', 1.5, date '2020-01-01'), (2, 'b', null, null)");
    await query(engine, "insert into t (id, name) select 3, 'c'");
    expect(await queryText(engine, 'select * from t order by id')).toEqual([
      ['1', 'a', '1.50', '2020-01-01'], ['2', 'b', null, null], ['3', 'c', null, null],
    ]);
    expect(existsSync(join(dataDir, 'warehouse', 't', '_delta_log', '00000000000000000002.json'))).toBe(true);
  });

  it('reports INSERT row counts and CTAS row counts in the command tag', async () => {
    const tags: string[] = [];
    for await (const r of engine.execute("insert into t values (4, 'd', 4, null); create table t4 as select * from t where id > 2")) {
      if (r.kind === 'status') tags.push(r.tag);
    }
    expect(tags).toEqual(['INSERT 0 1', 'SELECT 2']);
  });

  it('CREATE TABLE … USING delta PARTITIONED BY … AS SELECT writes partition directories', async () => {
    await query(engine, 'create table s using delta partitioned by (k) as select id % 2 as k, name from t');
    expect(await queryText(engine, 'select k, count(*) from s group by k order by k')).toEqual([['0', '2'], ['1', '2']]);
    expect(readdirSync(join(dataDir, 'warehouse', 's')).filter((f) => f.startsWith('k=')).sort()).toEqual(['k=0', 'k=1']);
  });

  it('INSERT OVERWRITE replaces the rows; the old version stays readable by time travel', async () => {
    await query(engine, "insert overwrite s select 9, 'z'");
    expect(await queryText(engine, 'select * from s')).toEqual([['9', 'z']]);
    expect(await queryText(engine, 'select count(*) from s version as of 0')).toEqual([['4']]);
    const history = await queryText(engine, 'describe history s');
    expect(history.map((h) => [h[0], h[2]])).toEqual([['1', 'WRITE'], ['0', 'CREATE TABLE']]);
  });

  it('writes Parquet files DuckDB reads with the same values', async () => {
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const reader = await duck.runAndReadAll(`select sum(amount)::varchar, count(*)::varchar from read_parquet('${join(dataDir, 'warehouse', 't')}/*.parquet')`);
    expect(reader.getRows().map((r) => r.map(String))).toEqual([['5.50', '4']]);
    duck.closeSync();
  });

  it('rejects bad inserts with PostgreSQL errors and leaves the table unchanged', async () => {
    await expect(query(engine, "insert into t values ('x', 1, 2, 3)")).rejects.toMatchObject({ sqlState: '42804' });
    await expect(query(engine, 'insert into t (nope) values (1)')).rejects.toMatchObject({ sqlState: '42703' });
    await expect(query(engine, 'insert into t (id, name) values (1)')).rejects.toMatchObject({ sqlState: '42601' });
    await query(engine, 'insert into t values (5, 2)'); // fewer values than columns: the rest are NULL, 2 is assigned to text
    expect(await queryText(engine, 'select name, amount from t where id = 5')).toEqual([['2', null]]);
    await expect(query(engine, 'insert into t select id / 0, name, amount, d from t')).rejects.toMatchObject({ sqlState: '22012' });
    expect(await queryText(engine, 'select count(*) from t')).toEqual([['5']]);
  });

  it('refuses to create a table that exists (42P07) unless IF NOT EXISTS or OR REPLACE', async () => {
    await expect(query(engine, 'create table t (a int)')).rejects.toMatchObject({ sqlState: '42P07' });
    await query(engine, 'create table if not exists t (a int)');
    expect(await queryText(engine, 'select count(*) from t')).toEqual([['5']]);
  });

  it('DROP TABLE removes a managed table and its data', async () => {
    await query(engine, 'drop table s');
    await expect(query(engine, 'select * from s')).rejects.toMatchObject({ sqlState: '42P01' });
    expect(existsSync(join(dataDir, 'warehouse', 's'))).toBe(false);
  });

  it('DELETE and UPDATE rewrite files copy-on-write and report row counts', async () => {
    await query(engine, "create table c (id int, name text, amount numeric(10,2)); insert into c select x, 'n' || x, x * 1.5 from (values (1),(2),(3),(4),(5),(6)) v(x)");
    const tags: string[] = [];
    for await (const r of engine.execute('delete from c where id % 2 = 0; update c set amount = amount * 2, name = upper(name) where id > 1')) {
      if (r.kind === 'status') tags.push(r.tag);
    }
    expect(tags).toEqual(['DELETE 3', 'UPDATE 2']);
    expect(await queryText(engine, 'select * from c order by id')).toEqual([['1', 'n1', '1.50'], ['3', 'N3', '9.00'], ['5', 'N5', '15.00']]);
    expect(await queryText(engine, 'select count(*) from c version as of 1')).toEqual([['6']]);
  });

  it('DELETE and UPDATE with deletion vectors feed the change data feed', async () => {
    await query(engine, `create table d (id int, v text) tblproperties ('delta.enableDeletionVectors' = 'true', 'delta.enableChangeDataFeed' = 'true');
      insert into d values (1,'a'),(2,'b'),(3,'c'); delete from d where id = 2; update d set v = 'z' where id = 3`);
    expect(await queryText(engine, 'select * from d order by id')).toEqual([['1', 'a'], ['3', 'z']]);
    expect(await queryText(engine, "select _change_type, _commit_version, id, v from table_changes('d', 2) order by 2, 1, 3")).toEqual([
      ['delete', '2', '2', 'b'], ['update_postimage', '3', '3', 'z'], ['update_preimage', '3', '3', 'c'],
    ]);
    const files = readdirSync(join(dataDir, 'warehouse', 'd'));
    expect(files.some((f) => f.startsWith('deletion_vector_'))).toBe(true);
  });

  it('a failing UPDATE leaves the table as it was; TRUNCATE empties it', async () => {
    await expect(query(engine, 'update c set amount = amount / (id - id)')).rejects.toMatchObject({ sqlState: '22012' });
    expect(await queryText(engine, 'select sum(amount) from c')).toEqual([['25.50']]);
    await expect(query(engine, 'delete from c where nope = 1')).rejects.toMatchObject({ sqlState: '42703' });
    await query(engine, 'truncate table c');
    expect(await queryText(engine, 'select count(*) from c')).toEqual([['0']]);
  });

  it('OPTIMIZE compacts, RESTORE goes back to a version, VACUUM refuses a short retention', async () => {
    await query(engine, "create table m (id int, g text); insert into m values (1,'a'); insert into m values (2,'b'); insert into m values (3,'c')");
    const [optimized] = await queryText(engine, 'optimize m');
    expect(optimized!.slice(1)).toEqual(['4', '3', '1']);
    expect(await queryText(engine, 'select count(*) from m')).toEqual([['3']]);
    const [restored] = await queryText(engine, 'restore table m to version as of 2');
    expect(restored![0]).toBe('5');
    expect(await queryText(engine, 'select id from m order by id')).toEqual([['1'], ['2']]);
    await expect(query(engine, 'vacuum m retain 0 hours')).rejects.toMatchObject({ sqlState: '22023' });
    expect(await queryText(engine, 'vacuum m dry run')).toEqual([]);
    expect((await queryText(engine, 'describe history m limit 2')).map((h) => h[2])).toEqual(['RESTORE', 'OPTIMIZE']);
  });

  it('ALTER TABLE adds columns; renames and drops need column mapping, as in Delta Lake', async () => {
    await query(engine, "create table a (id int, g text); insert into a values (1,'a'); alter table a add column c numeric(5,1); insert into a values (2, 'b', 2.5)");
    expect(await queryText(engine, 'select * from a order by id')).toEqual([['1', 'a', null], ['2', 'b', '2.5']]);
    await expect(query(engine, 'alter table a rename column g to name')).rejects.toMatchObject({ sqlState: '0A000' });
    await query(engine, "create table b (id int, x text) tblproperties ('delta.columnMapping.mode' = 'name'); insert into b values (1, 'x')");
    await query(engine, 'alter table b rename column id to key; alter table b drop column x');
    expect(await queryText(engine, 'select * from b')).toEqual([['1']]);
    expect((await queryText(engine, 'describe b')).map((r) => r[0])).toEqual(['key']);
  });

  it('enforces NOT NULL and CHECK constraints on INSERT and UPDATE (23502, 23514) and stores them in the log', async () => {
    await query(engine, 'create table k (id int not null check (id > 0), qty int, constraint qty_small check (qty < 100 or qty is null))');
    await query(engine, 'insert into k values (1, 5), (3, null)');
    await expect(query(engine, 'insert into k values (0, 5)')).rejects.toMatchObject({ sqlState: '23514', message: expect.stringContaining('"k_id_check"') });
    await expect(query(engine, 'insert into k values (2, 500)')).rejects.toMatchObject({ sqlState: '23514', message: expect.stringContaining('"qty_small"') });
    await expect(query(engine, 'update k set qty = qty * 100 where id = 1')).rejects.toMatchObject({ sqlState: '23514' });
    await expect(query(engine, 'insert into k values (null, 1)')).rejects.toMatchObject({ sqlState: '23502' });
    expect(await queryText(engine, 'select * from k order by id')).toEqual([['1', '5'], ['3', null]]);
    const [detail] = await queryText(engine, 'describe detail k');
    expect(JSON.parse(detail![8]!)).toEqual({ 'delta.constraints.k_id_check': 'id > 0', 'delta.constraints.qty_small': 'qty < 100 or qty is null' });
    await expect(query(engine, 'create table k2 (a int check (nosuch > 0))')).rejects.toMatchObject({ sqlState: '42703' });
  });

  it('MERGE INTO applies the first matching WHEN clause per row, including NOT MATCHED BY SOURCE', async () => {
    await query(engine, `create table mt (id int, v text, n int); insert into mt values (1,'a',1),(2,'b',2),(3,'c',3),(4,'d',4);
      create table ms (id int, v text); insert into ms values (2,'B'),(3,'del'),(5,'E')`);
    const tags: string[] = [];
    for await (const r of engine.execute(`merge into mt using ms on mt.id = ms.id
        when matched and ms.v = 'del' then delete
        when matched then update set v = ms.v, n = mt.n * 10
        when not matched then insert (id, v, n) values (ms.id, ms.v, 0)
        when not matched by source and mt.id = 4 then update set v = 'orphan'`)) if (r.kind === 'status') tags.push(r.tag);
    expect(tags).toEqual(['MERGE 4']);
    expect(await queryText(engine, 'select * from mt order by id')).toEqual([['1', 'a', '1'], ['2', 'B', '20'], ['4', 'orphan', '4'], ['5', 'E', '0']]);
  });

  it('MERGE fails with 21000 when several source rows match one target row, changing nothing', async () => {
    await query(engine, "insert into ms values (2, 'again')");
    await expect(query(engine, 'merge into mt using ms on mt.id = ms.id when matched then update set v = ms.v')).rejects.toMatchObject({ sqlState: '21000' });
    expect(await queryText(engine, "select v from mt where id = 2")).toEqual([['B']]);
  });

  it('MERGE on a table with deletion vectors and change data feed records pre- and post-images', async () => {
    await query(engine, `create table md (id int, v text) tblproperties ('delta.enableDeletionVectors' = 'true', 'delta.enableChangeDataFeed' = 'true');
      insert into md values (1, 'a'), (2, 'b');
      merge into md using (values (2, 'B'), (3, 'C')) src(id, v) on md.id = src.id
        when matched then update set v = src.v when not matched then insert values (src.id, src.v)`);
    expect(await queryText(engine, 'select * from md order by id')).toEqual([['1', 'a'], ['2', 'B'], ['3', 'C']]);
    expect(await queryText(engine, "select _change_type, id, v from table_changes('md', 2) order by 1, 2")).toEqual([
      ['insert', '3', 'C'], ['update_postimage', '2', 'B'], ['update_preimage', '2', 'b'],
    ]);
  });

  it('INSERT INTO … REPLACE WHERE replaces only the matching partitions and checks the written rows', async () => {
    await query(engine, "create table rp using delta partitioned by (d) as select * from (values (1, 'a'), (2, 'b'), (3, 'a')) v(id, d)");
    await query(engine, "insert into rp replace where d = 'a' select 10, 'a'");
    expect(await queryText(engine, 'select * from rp order by id')).toEqual([['2', 'b'], ['10', 'a']]);
    await expect(query(engine, "insert into rp replace where d = 'a' select 11, 'b'")).rejects.toMatchObject({ sqlState: '44000' });
    await expect(query(engine, "insert into rp replace where id = 1 select 1, 'a'")).rejects.toMatchObject({ sqlState: '0A000' });
    expect(await queryText(engine, 'select * from rp order by id')).toEqual([['2', 'b'], ['10', 'a']]);
  });

  it('computes generated columns on INSERT, UPDATE and MERGE and refuses explicit values (428C9)', async () => {
    await query(engine, `create table gc (id int, price numeric(10,2), total numeric(12,2) generated always as (price * 2) stored,
      d date, y int generated always as (extract(year from d)) stored)`);
    await query(engine, "insert into gc (id, price, d) values (1, 1.25, date '2024-05-01'); insert into gc values (2, 3.00)");
    await query(engine, 'update gc set price = 10 where id = 1');
    await query(engine, 'merge into gc using (values (2, 7.5)) s(id, p) on gc.id = s.id when matched then update set price = s.p');
    expect(await queryText(engine, 'select * from gc order by id')).toEqual([['1', '10.00', '20.00', '2024-05-01', '2024'], ['2', '7.50', '15.00', null, null]]);
    await expect(query(engine, 'insert into gc (id, total) values (3, 1)')).rejects.toMatchObject({ sqlState: '428C9' });
    await expect(query(engine, 'update gc set total = 1')).rejects.toMatchObject({ sqlState: '428C9' });
    await expect(query(engine, 'create table gc2 (a int, b int generated always as (nosuch + 1) stored)')).rejects.toMatchObject({ sqlState: '42703' });
  });

  it('keeps the catalog across engine restarts', async () => {
    await engine.close();
    engine = await createLocalEngine({ dataDir });
    expect(await queryText(engine, 'select count(*) from t')).toEqual([['5']]);
  });
});
