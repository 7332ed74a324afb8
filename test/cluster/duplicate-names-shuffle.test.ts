/**
 * Issue 7: TPC-H Q2 returned no rows on the cluster at SF 10 (correct in one process). Its
 * decorrelated subquery puts two `ps_partkey` columns in one row set (partsupp's, NOT NULL,
 * and the aggregate's group key, nullable), and at SF 10 that row set crossed a hash shuffle.
 * Arrow JS's RecordBatch constructor merges schema fields by name, so the batch written took
 * the second column's nullability for the first: its IPC schema message was 8 bytes longer
 * than the stream's, the writer cut the batch message at the wrong offset and every reducer
 * decoded the files as zero rows. Here the same shapes are forced at SF 0.01: tables with
 * many row groups split one task per row group and no join is broadcast, so joins hash both
 * sides and their outputs, duplicate names included, go through shuffle files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryText } from '../support/results.ts';
import { startShuffleTpch, type ShuffleTpch } from '../support/shuffle-tpch.ts';
import { tpchQuery } from '../support/tpch.ts';

const TABLES = ['part', 'supplier', 'partsupp', 'nation', 'region'] as const;
const ROW_GROUP_SIZE = 1000;

describe('join outputs with two columns of one name through shuffle files (2 worker processes)', () => {
  let data: ShuffleTpch;
  let engine: QueryEngine;
  let local: QueryEngine;
  beforeAll(async () => {
    // 1,000-row row groups: partsupp (8,000 rows) scans as 8 tasks, part as 2.
    data = await startShuffleTpch(TABLES, ROW_GROUP_SIZE);
    ({ engine, local } = data);
  }, 120_000);
  afterAll(async () => { await data?.close(); }, 60_000);

  it('the scans run as several tasks and no join is broadcast (the shape that failed)', async () => {
    // EXPLAIN ANALYZE shows the stages the cluster ran (plain EXPLAIN plans with the default knobs).
    const plan = (await queryText(engine, `EXPLAIN ANALYZE ${tpchQuery(2)}`)).map((r) => r[0]).join('\n');
    expect(plan).toMatch(/table=partsupp, .*partitions=8/);
    expect(plan).not.toMatch(/broadcast/);
    // the decorrelated subquery's group key and partsupp's key are both hash-shuffled together
    expect(plan).toMatch(/hash\(\[ps_partkey, ps_partkey\], \d+\)/);
  }, 60_000);

  it('TPC-H Q2 returns the one-process answer (it returned no rows)', async () => {
    const expected = await queryText(local, tpchQuery(2));
    expect(expected.length).toBeGreaterThan(0);
    expect(await queryText(engine, tpchQuery(2))).toEqual(expected);
  }, 60_000);

  it('two columns of one name with different types and nullability keep their values through a shuffle', async () => {
    // x.v is an int, y.v text; y's columns are nullable (outer join); the x⋈y output is
    // shuffled again on p_size for the join with nation.
    const sql = `SELECT x.k, x.v, y.k, y.v, n_name
      FROM (SELECT ps_partkey AS k, ps_availqty AS v FROM partsupp) x
      LEFT JOIN (SELECT p_partkey AS k, p_name AS v, p_size FROM part WHERE p_size < 30) y ON x.k = y.k
      JOIN nation ON n_nationkey = y.p_size
      ORDER BY x.k, x.v, n_name`;
    const expected = await queryText(local, sql);
    expect(expected.length).toBeGreaterThan(1000);
    expect(await queryText(engine, sql)).toEqual(expected);
  }, 60_000);
});
