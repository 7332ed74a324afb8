/**
 * Regression tests for engine bugs found through sqllogictest "wrong result"
 * records (issue 6): each case names the corpus record that exposed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryText } from '../support/results.ts';

let engine: QueryEngine;

beforeAll(async () => {
  engine = await createLocalEngine();
  await queryText(engine, 'CREATE TABLE slt_wr_pairs AS SELECT * FROM (VALUES (1, 3), (1, 2), (NULL, 1)) AS v(a, b)');
});

afterAll(async () => {
  await queryText(engine, 'DROP TABLE IF EXISTS slt_wr_pairs');
  await engine.close();
});

describe('IN lists of nested values (DataFusion expr.slt struct(…) IN (struct(…)))', () => {
  it('compares structs field by field instead of calling every pair equal', async () => {
    expect(await queryText(engine, 'SELECT struct(1, 3) IN (struct(1, 2)), struct(1, 3) IN (struct(1, 2), struct(1, 3)), row(4, 4) NOT IN (row(1, 2))'))
      .toEqual([['f', 't', 't']]);
    expect(await queryText(engine, 'SELECT a, b, struct(a, b) IN (struct(1, 2), struct(7, 7)) FROM slt_wr_pairs ORDER BY b'))
      .toEqual([[null, '1', 'f'], ['1', '2', 't'], ['1', '3', 'f']]);
  });
  it('compares arrays element by element', async () => {
    expect(await queryText(engine, 'SELECT ARRAY[1, 2] IN (ARRAY[1, 3], ARRAY[2, 1]), ARRAY[1, 2] IN (ARRAY[1, 3], ARRAY[1, 2])'))
      .toEqual([['f', 't']]);
  });
});

describe('numeric constants (DuckDB test_decimal_2975)', () => {
  it('a negative constant of 38 digits fits numeric(38, s): the sign is not a digit', async () => {
    expect(await queryText(engine, 'SELECT -9999999999999999899999999999.9999999999, -0.05'))
      .toEqual([['-9999999999999999899999999999.9999999999', '-0.05']]);
    await queryText(engine, 'CREATE TABLE slt_wr_big (big decimal(38, 10))');
    await queryText(engine, 'INSERT INTO slt_wr_big VALUES (-9999999999999999899999999999.9999999999)');
    expect(await queryText(engine, 'SELECT big FROM slt_wr_big')).toEqual([['-9999999999999999899999999999.9999999999']]);
    await queryText(engine, 'DROP TABLE slt_wr_big');
  });
});

describe('WITH RECURSIVE (DuckDB test_nested_recursive_cte)', () => {
  it('two recursive CTEs of one name in different subqueries keep their own rows', async () => {
    const sql = `WITH RECURSIVE c(x, y) AS (
        SELECT x, 0 FROM (WITH RECURSIVE n(t) AS (SELECT 1 UNION ALL SELECT t + 1 FROM n WHERE t < 3) SELECT * FROM n) AS a(x)
        UNION ALL
        SELECT x, y + p FROM c, (WITH RECURSIVE n(t) AS (SELECT 1 UNION ALL SELECT t + 1 FROM n WHERE t < 1) SELECT * FROM n) AS b(p) WHERE y < 1)
      SELECT x, y FROM c ORDER BY x, y`;
    expect(await queryText(engine, sql)).toEqual([['1', '0'], ['1', '1'], ['2', '0'], ['2', '1'], ['3', '0'], ['3', '1']]);
  });
  it('a renamed recursive CTE is still addressed by its own name', async () => {
    expect(await queryText(engine, 'WITH RECURSIVE n(t) AS (SELECT 1 UNION ALL SELECT t + 1 FROM n WHERE t < 3) SELECT n.t, m.t FROM n, n AS m WHERE n.t = m.t ORDER BY 1'))
      .toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
  });
});

describe('correlated scalar subqueries over no rows (DataFusion subquery.slt regr_count / approx_distinct)', () => {
  it('regr_count and approx_distinct give 0 for an outer row without matches, like count', async () => {
    await queryText(engine, 'CREATE TABLE slt_wr_o AS SELECT * FROM (VALUES (11, 1), (22, 2)) AS v(id, k)');
    await queryText(engine, 'CREATE TABLE slt_wr_i AS SELECT * FROM (VALUES (1), (1)) AS v(k)');
    const sql = `SELECT id,
        (SELECT regr_count(1.0, 1.0) FROM slt_wr_i WHERE slt_wr_i.k = slt_wr_o.k),
        (SELECT approx_distinct(k) FROM slt_wr_i WHERE slt_wr_i.k = slt_wr_o.k),
        (SELECT count(*) FROM slt_wr_i WHERE slt_wr_i.k = slt_wr_o.k),
        (SELECT sum(k) FROM slt_wr_i WHERE slt_wr_i.k = slt_wr_o.k)
      FROM slt_wr_o ORDER BY id`;
    expect(await queryText(engine, sql)).toEqual([['11', '2', '1', '2', '2'], ['22', '0', '0', '0', null]]);
    await queryText(engine, 'DROP TABLE slt_wr_o');
    await queryText(engine, 'DROP TABLE slt_wr_i');
  });
});

describe('uncorrelated scalar subqueries with volatile calls (DataFusion subquery.slt (SELECT random()))', () => {
  it('are computed once for the query, while a bare random() is computed per row', async () => {
    const values = '(VALUES (1), (2), (3), (4)) AS t(x)';
    expect(await queryText(engine, `SELECT count(DISTINCT r) FROM (SELECT (SELECT random()) AS r FROM ${values}) q`)).toEqual([['1']]);
    expect(await queryText(engine, `SELECT count(DISTINCT r) FROM (SELECT random() AS r FROM ${values}) q`)).toEqual([['4']]);
    expect(await queryText(engine, `SELECT x, (SELECT x + 1) FROM ${values} ORDER BY x LIMIT 2`)).toEqual([['1', '2'], ['2', '3']]);
  });
});
