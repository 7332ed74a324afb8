/**
 * Delta tables through the whole engine (binder → optimizer → operators).
 * Checks that scans with deletion-vector selections, partition constants and
 * pushed-down predicates give the same answers as the expected rows read with
 * read_parquet.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryText } from '../support/results.ts';
import { DEFAULT_CORPUS } from './run-corpus.ts';

const dv = path.join(DEFAULT_CORPUS, 'golden-dv-partitioned-with-checkpoint');

describe('Delta tables in SQL', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await queryText(engine, `CREATE TABLE dv USING delta LOCATION '${dv}/table'`);
    await queryText(engine, `CREATE TABLE dv_expected USING parquet LOCATION '${dv}/expected/latest/*.parquet'`);
    await queryText(engine, `CREATE TABLE tt USING delta LOCATION '${path.join(DEFAULT_CORPUS, 'golden-time-travel-appends', 'table')}'`);
  });
  afterAll(() => engine?.close());

  const groups = (table: string, where = '') =>
    queryText(engine, `SELECT part, count(*), sum(col1), min(col2) FROM ${table} ${where} GROUP BY part ORDER BY part`);

  it('aggregates over deletion vectors and partition columns match the expected rows', async () => {
    const got = await groups('dv');
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(await groups('dv_expected'));
  });

  it('filters on partition and data columns give the same answers as without skipping', async () => {
    for (const where of ['WHERE part = 3', 'WHERE col1 > 20', 'WHERE part IN (1, 4) AND col1 < 30', "WHERE col2 = 'foo5'"]) {
      expect(await groups('dv', where), where).toEqual(await groups('dv_expected', where));
    }
  });

  it('count(*) honours deletion vectors', async () => {
    expect(await queryText(engine, 'SELECT count(*) FROM dv')).toEqual([['35']]);
  });

  it('a time-travelled table reads its version', async () => {
    expect(await queryText(engine, 'SELECT count(*), min(id), max(id) FROM tt VERSION AS OF 1')).toEqual([['20', '0', '19']]);
  });
});
