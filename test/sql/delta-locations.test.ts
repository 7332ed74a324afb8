/**
 * Issue 3 through SQL: schema evolution on INSERT (Databricks' session setting),
 * Spark's path tables (delta.`/path`), and Delta tables on S3 named by s3:// URLs
 * (a real S3-compatible server on loopback; the store is configured, as the
 * `loch` processes configure it from LOCH_S3_* variables).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { configureS3, s3DefaultsFromEnv } from '../../storage/index.ts';
import { query, queryError, queryText } from '../support/results.ts';
import { startS3Server, type S3Service } from '../support/services/s3-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'loch-delta-locations-'));
let engine: QueryEngine;
beforeAll(async () => { engine = await createLocalEngine({ dataDir: join(dir, 'data') }); });
afterAll(async () => { await engine?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('schema evolution on INSERT', () => {
  it('refuses extra columns unless spark.databricks.delta.schema.autoMerge.enabled is on', async () => {
    await query(engine, 'create table evo (a int, b text) using delta');
    await query(engine, "insert into evo values (1, 'x')");
    const e = await queryError(engine, "insert into evo select 2 as a, 'y' as b, 2.5::float8 as c");
    expect(e.sqlState).toBe('42601');
    expect(await queryText(engine, 'select count(*) from evo')).toEqual([['1']]);
  });

  it('adds the columns the query brings, by position and by name, in the same commit as the rows', async () => {
    await query(engine, 'set spark.databricks.delta.schema.autoMerge.enabled = true');
    await query(engine, "insert into evo select 2 as a, 'y' as b, 2.5::float8 as c");
    await query(engine, "insert into evo (a, d) values (3, date '2024-01-02')");
    expect(await queryText(engine, 'select a, b, c, d from evo order by a')).toEqual([
      ['1', 'x', null, null], ['2', 'y', '2.5', null], ['3', null, null, '2024-01-02'],
    ]);
    const history = await queryText(engine, 'describe history evo');
    expect(history.map((h) => h[2])).toEqual(['WRITE', 'WRITE', 'WRITE', 'CREATE TABLE']);
    // Existing columns keep their type: a value that does not convert is refused and writes nothing.
    const e = await queryError(engine, "insert into evo (a, c) values (4, 'text')");
    expect(e.sqlState).toBe('22P02');
    const unnamed = await queryError(engine, 'insert into evo select 5, null, null, null, 1 + 1');
    expect(unnamed.sqlState).toBe('42601');
    expect(await queryText(engine, 'select count(*) from evo')).toEqual([['3']]);
    await query(engine, 'set spark.databricks.delta.schema.autoMerge.enabled = false');
  });
});

describe('path tables', () => {
  it('reads, writes and time-travels delta.`<path>` without registering it', async () => {
    const path = join(dir, 'by-path');
    await query(engine, `create table bp (k int) using delta location '${path}'`);
    await query(engine, 'insert into bp values (1), (2)');
    expect(await queryText(engine, `select sum(k) from delta.\`${path}\``)).toEqual([['3']]);
    await query(engine, `insert into delta.\`${path}\` values (10)`);
    expect(await queryText(engine, 'select sum(k) from bp')).toEqual([['13']]);
    expect(await queryText(engine, `select count(*) from delta.\`${path}\` version as of 1`)).toEqual([['2']]);
    const missing = await queryError(engine, `select * from delta.\`${join(dir, 'nothing-here')}\``);
    expect(missing.message).toMatch(/nothing-here/);
  });

  it('keeps backticks inside strings and double-quoted identifiers as they are', async () => {
    expect(await queryText(engine, 'select \'a`b\' as "x`y"')).toEqual([['a`b']]);
  });
});

describe('Delta tables on S3 from SQL', () => {
  let s3: S3Service;
  beforeAll(async () => { s3 = await startS3Server({ conditionalPuts: true }); });
  afterAll(async () => { await configureS3(undefined); await s3?.stop(); });

  it('names the missing configuration when no S3 store is configured', async () => {
    await configureS3(undefined);
    const e = await queryError(engine, "create table s3t (a int) using delta location 's3://loch-test/sql/s3t'");
    expect(e.sqlState).toBe('22023');
    expect(e.message).toMatch(/no S3 store is configured/);
  });

  it('creates, fills, updates and reads a table at an s3:// location', async () => {
    const c = s3.connection;
    const defaults = s3DefaultsFromEnv({
      LOCH_S3_REGION: c.region, LOCH_S3_ENDPOINT: c.endpoint, LOCH_S3_ACCESS_KEY_ID: c.credentials.accessKeyId,
      LOCH_S3_SECRET_ACCESS_KEY: c.credentials.secretAccessKey, LOCH_S3_FORCE_PATH_STYLE: 'true', LOCH_S3_LIST_API: 'v1',
      LOCH_S3_CONDITIONAL_PUTS: 'true',
    });
    await configureS3(defaults);
    await query(engine, "create table s3t (id int, v text) using delta partitioned by (id) location 's3://loch-test/sql/s3t'");
    await query(engine, "insert into s3t values (1, 'a'), (2, 'b'), (3, 'c')");
    await query(engine, "update s3t set v = 'B' where id = 2");
    await query(engine, 'delete from s3t where id = 3');
    expect(await queryText(engine, 'select id, v from s3t order by id')).toEqual([['1', 'a'], ['2', 'B']]);
    expect(await queryText(engine, 'select count(*) from delta.`s3://loch-test/sql/s3t` version as of 1')).toEqual([['3']]);
    const history = await queryText(engine, 'describe history s3t');
    expect(history.map((h) => h[2])).toEqual(['DELETE', 'UPDATE', 'WRITE', 'CREATE TABLE']);
  });

  it('rejects schemes without a store with 0A000', async () => {
    const e = await queryError(engine, "select * from delta.`gs://bucket/t`");
    expect(e.sqlState).toBe('0A000');
  });
});
