/** Issue 6: DataFusion's COPY … TO, file tables over folders that INSERT fills, and CREATE/DROP SCHEMA. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('COPY TO and file tables', () => {
  let engine: QueryEngine;
  const dir = mkdtempSync(join(tmpdir(), 'loch-copy-'));
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('COPY (query) TO a CSV file returns the row count and writes a header', async () => {
    const file = join(dir, 't1.csv');
    expect(await queryText(engine, `COPY (VALUES (1, 'a,b'), (2, NULL)) TO '${file}' STORED AS CSV`)).toEqual([['2']]);
    expect(readFileSync(file, 'utf8')).toBe('column1,column2\n1,"a,b"\n2,\n');
    await queryText(engine, `CREATE EXTERNAL TABLE c1 (a INT, b TEXT) STORED AS CSV LOCATION '${file}' OPTIONS ('format.has_header' 'true')`);
    expect(await queryText(engine, 'SELECT a, b FROM c1 ORDER BY a')).toEqual([['1', 'a,b'], ['2', null]]);
  });

  it('COPY table TO a .parquet file infers the format from the extension; has_header false drops the header', async () => {
    await queryText(engine, 'CREATE TABLE src AS VALUES (1, true), (2, false), (3, NULL)');
    const file = join(dir, 'src.parquet');
    expect(await queryText(engine, `COPY src TO '${file}'`)).toEqual([['3']]);
    await queryText(engine, `CREATE EXTERNAL TABLE p1 STORED AS PARQUET LOCATION '${file}'`);
    expect(await queryText(engine, 'SELECT count(*), sum(column1) FROM p1 WHERE column2 IS NOT NULL')).toEqual([['2', '3']]);
    const csv = join(dir, 'noheader.csv');
    await queryText(engine, `COPY (SELECT 7 AS x) TO '${csv}' STORED AS CSV OPTIONS ('format.has_header' 'false')`);
    expect(readFileSync(csv, 'utf8')).toBe('7\n');
  });

  it('COPY TO a folder path (trailing / or no extension) writes a new file inside it', async () => {
    const folder = join(dir, 'out_folder');
    await queryText(engine, `COPY (VALUES (1), (2)) TO '${folder}' STORED AS PARQUET`);
    await queryText(engine, `COPY (VALUES (3)) TO '${folder}/' STORED AS PARQUET`);
    expect(readdirSync(folder).filter((f) => f.endsWith('.parquet'))).toHaveLength(2);
    await queryText(engine, `CREATE EXTERNAL TABLE p2 STORED AS PARQUET LOCATION '${folder}/'`);
    expect(await queryText(engine, 'SELECT sum(column1) FROM p2')).toEqual([['6']]);
    const json = join(dir, 'rows.json');
    await queryText(engine, `COPY (SELECT 1 AS a, 'x"y' AS b, 2.5 AS c) TO '${json}'`);
    expect(readFileSync(json, 'utf8')).toBe('{"a":1,"b":"x\\"y","c":2.5}\n');
  });

  it('a file table with declared columns over a missing folder is empty until INSERT adds files', async () => {
    const folder = join(dir, 'new_empty_table');
    await queryText(engine, `CREATE EXTERNAL TABLE ne (x INT) STORED AS PARQUET LOCATION '${folder}/'`);
    expect(await queryText(engine, 'SELECT * FROM ne')).toEqual([]);
    expect(await queryText(engine, 'INSERT INTO ne VALUES (1), (2)')).toEqual([]);
    await queryText(engine, 'INSERT INTO ne SELECT 3');
    expect(await queryText(engine, 'SELECT sum(x), count(*) FROM ne')).toEqual([['6', '3']]);
    const csvFolder = join(dir, 'csv_folder');
    await queryText(engine, `CREATE EXTERNAL TABLE nc (x INT, y TEXT) STORED AS CSV LOCATION '${csvFolder}/' OPTIONS ('format.has_header' 'true')`);
    await queryText(engine, "INSERT INTO nc VALUES (1, 'a')");
    await queryText(engine, "INSERT INTO nc VALUES (2, 'b')");
    expect(await queryText(engine, 'SELECT x, y FROM nc ORDER BY x')).toEqual([['1', 'a'], ['2', 'b']]);
  });

  it('INSERT into a file table over one file is refused', async () => {
    await queryText(engine, `CREATE EXTERNAL TABLE one (x INT) STORED AS PARQUET LOCATION '${join(dir, 'one_file.parquet')}'`);
    expect((await queryError(engine, 'INSERT INTO one VALUES (1)')).sqlState).toBe('0A000');
  });

  it('CREATE SCHEMA keeps s.t apart from t; DROP SCHEMA refuses a non-empty schema unless CASCADE', async () => {
    await queryText(engine, 'CREATE SCHEMA foo_schema');
    await queryText(engine, 'CREATE VIEW foo_schema.bar AS SELECT 1 AS a');
    await queryText(engine, 'CREATE VIEW bar AS VALUES (3, 4)');
    expect(await queryText(engine, 'SELECT foo_schema.bar.a FROM foo_schema.bar')).toEqual([['1']]);
    expect(await queryText(engine, 'SELECT * FROM bar')).toEqual([['3', '4']]);
    expect((await queryError(engine, 'CREATE SCHEMA foo_schema')).sqlState).toBe('42P06');
    await queryText(engine, 'CREATE SCHEMA IF NOT EXISTS foo_schema');
    expect((await queryError(engine, 'DROP SCHEMA foo_schema')).sqlState).toBe('2BP01');
    await queryText(engine, 'DROP SCHEMA foo_schema CASCADE');
    await queryText(engine, 'CREATE SCHEMA foo_schema');
    expect((await queryError(engine, 'SELECT * FROM foo_schema.bar')).sqlState).toBe('42P01');
    expect(await queryText(engine, 'SELECT * FROM bar')).toEqual([['3', '4']]);
    expect((await queryError(engine, 'DROP SCHEMA doesnt_exist')).sqlState).toBe('3F000');
    await queryText(engine, 'DROP SCHEMA IF EXISTS doesnt_exist');
  });
});
