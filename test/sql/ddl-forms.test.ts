/** Issue 6: the DDL forms the sqllogictest corpus sets up its data with (DataFusion's, PostgreSQL's, SQLite's). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('DDL forms of the sqllogictest corpus', () => {
  let engine: QueryEngine;
  const dir = mkdtempSync(join(tmpdir(), 'loch-ddl-'));
  beforeAll(async () => {
    engine = await createLocalEngine();
    writeFileSync(join(dir, 'simple.csv'), 'c1,c2,c3\n1.5,2,true\n2.5,3,false\n');
    writeFileSync(join(dir, 'pipe.csv'), '1|a\n2|b\n');
  });
  afterAll(() => engine?.close());

  it('CREATE TABLE t (typed columns) AS VALUES casts to the declared types', async () => {
    await queryText(engine, "CREATE TABLE v1(a INT UNSIGNED, b VARCHAR, c TINYINT) AS VALUES (1, 'x', 3), (2, 'y', 4)");
    expect(await queryText(engine, 'SELECT a + 1, b, c FROM v1 ORDER BY a')).toEqual([['2', 'x', '3'], ['3', 'y', '4']]);
    const types = await queryText(engine, 'DESCRIBE v1');
    expect(types.map((r) => r[1])).toEqual(['bigint', 'text', 'smallint']);
  });

  it('CREATE TABLE t (names) AS SELECT names the columns (PostgreSQL)', async () => {
    await queryText(engine, 'CREATE TABLE v2(x, y) AS SELECT 1, 2');
    expect(await queryText(engine, 'SELECT x + y FROM v2')).toEqual([['3']]);
  });

  it('CREATE OR REPLACE TABLE replaces; OR REPLACE with IF NOT EXISTS is an error', async () => {
    await queryText(engine, 'CREATE OR REPLACE TABLE v2 AS VALUES (5)');
    expect(await queryText(engine, 'SELECT * FROM v2')).toEqual([['5']]);
    expect((await queryError(engine, 'CREATE OR REPLACE TABLE IF NOT EXISTS v2 AS VALUES (7)')).sqlState).toBe('42601');
  });

  it('SELECT … INTO creates a table', async () => {
    await queryText(engine, 'SELECT * INTO v3 FROM (VALUES (1, 2), (2, 3)) AS s(a, b)');
    expect(await queryText(engine, 'SELECT sum(b) FROM v3')).toEqual([['5']]);
  });

  it('CREATE EXTERNAL TABLE … STORED AS CSV LOCATION … OPTIONS (DataFusion)', async () => {
    await queryText(engine, `CREATE EXTERNAL TABLE ext1 (c1 DOUBLE, c2 BIGINT UNSIGNED, c3 BOOLEAN,) STORED AS CSV
      LOCATION '${join(dir, 'simple.csv')}' OPTIONS ('format.has_header' 'true')`);
    expect(await queryText(engine, 'SELECT c1, c2, c3 FROM ext1 ORDER BY c1')).toEqual([['1.5', '2', 't'], ['2.5', '3', 'f']]);
    await queryText(engine, `CREATE UNBOUNDED EXTERNAL TABLE ext2 (a INT NOT NULL, b VARCHAR) STORED AS CSV
      LOCATION '${join(dir, 'pipe.csv')}' OPTIONS ('format.has_header' 'false', 'format.delimiter' '|')`);
    expect(await queryText(engine, 'SELECT a, b FROM ext2 ORDER BY a')).toEqual([['1', 'a'], ['2', 'b']]);
  });

  it('temporary tables enforce PRIMARY KEY and UNIQUE (23505, the write undone; NULLs never collide)', async () => {
    await queryText(engine, 'CREATE TEMP TABLE tt (id int PRIMARY KEY, v text UNIQUE, w int)');
    await queryText(engine, "INSERT INTO tt VALUES (1, 'a', 1), (2, 'b', 2), (3, NULL, 3), (4, NULL, 4)");
    expect((await queryError(engine, "INSERT INTO tt VALUES (5, 'e', 5), (1, 'z', 9)")).sqlState).toBe('23505');
    expect((await queryError(engine, "UPDATE tt SET v = 'a' WHERE id = 2")).sqlState).toBe('23505');
    expect(await queryText(engine, 'SELECT id, v FROM tt ORDER BY id')).toEqual([['1', 'a'], ['2', 'b'], ['3', null], ['4', null]]);
    await queryText(engine, "UPDATE tt SET v = 'c' WHERE id = 2");
    await queryText(engine, 'DELETE FROM tt WHERE id = 1');
    await queryText(engine, "INSERT INTO tt VALUES (1, 'a', 0)");
    expect(await queryText(engine, 'SELECT count(*), sum(w) FROM tt')).toEqual([['4', '9']]);
    await queryText(engine, 'TRUNCATE tt');
    expect(await queryText(engine, 'SELECT count(*) FROM tt')).toEqual([['0']]);
  });

  it('a temporary table is visible to its own session only and goes when the session ends', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loch-temp-'));
    const first = await createLocalEngine({ dataDir });
    await queryText(first, 'CREATE TEMPORARY TABLE mine AS SELECT 1 AS x');
    await queryText(first, 'CREATE TABLE shared (x int)');
    expect(await queryText(first, 'SELECT x FROM mine')).toEqual([['1']]);
    const second = await createLocalEngine({ dataDir });
    expect((await queryError(second, 'SELECT x FROM mine')).sqlState).toBe('42P01');
    expect(await queryText(second, 'SELECT count(*) FROM shared')).toEqual([['0']]);
    await second.close();
    await first.close();
    expect(readdirSync(join(dataDir, 'warehouse')).filter((f) => f.includes('mine'))).toEqual([]);
  });

  it('PREPARE / EXECUTE / DEALLOCATE substitute typed arguments; errors as PostgreSQL', async () => {
    await queryText(engine, 'PREPARE q1(int, text) AS SELECT $1 + 1, $2 || \'!\'');
    expect(await queryText(engine, "EXECUTE q1(41, 'hi')")).toEqual([['42', 'hi!']]);
    expect((await queryError(engine, 'EXECUTE q1(1)')).sqlState).toBe('42601');
    expect((await queryError(engine, 'PREPARE q1 AS SELECT 1')).sqlState).toBe('42P05');
    expect((await queryError(engine, 'PREPARE bad(int) AS SELECT nosuch + $1')).sqlState).toBe('42703');
    await queryText(engine, 'DEALLOCATE q1');
    expect((await queryError(engine, 'EXECUTE q1(1, \'a\')')).sqlState).toBe('26000');
  });

  it('CREATE INDEX / DROP INDEX are accepted as no-ops, with PostgreSQL errors for bad names', async () => {
    await queryText(engine, 'CREATE TABLE ix (a int PRIMARY KEY, b int)');
    await queryText(engine, 'CREATE INDEX ix_b ON ix (b)');
    await queryText(engine, 'CREATE UNIQUE INDEX ix_a ON ix (a DESC)');
    expect((await queryError(engine, 'CREATE INDEX ix_b ON ix (a)')).sqlState).toBe('42P07');
    expect((await queryError(engine, 'CREATE INDEX ix_c ON nosuch (a)')).sqlState).toBe('42P01');
    await queryText(engine, 'DROP INDEX ix_b');
    expect((await queryError(engine, 'DROP INDEX ix_b')).sqlState).toBe('42704');
    await queryText(engine, 'DROP INDEX IF EXISTS ix_b');
    await queryText(engine, 'DROP TABLE ix');
    await queryText(engine, 'CREATE TABLE ix (a int)');
    await queryText(engine, 'CREATE INDEX ix_a ON ix (a)'); // the dropped table's index went with it
  });
});
