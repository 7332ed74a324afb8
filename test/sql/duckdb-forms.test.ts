/**
 * Issue 6, the DuckDB files' SQL forms: TRY_CAST, quantified (ANY/ALL) and row
 * comparisons with subqueries, subqueries in UPDATE/DELETE. Answers follow
 * PostgreSQL (and Spark for TRY_CAST).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryError, queryText } from '../support/results.ts';

describe('DuckDB-file SQL forms', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, 'CREATE TABLE qa AS SELECT * FROM (VALUES (1, 2), (1, 3), (NULL, 1), (2, 0)) AS t(x, y)');
    await query(engine, 'CREATE TABLE qb AS SELECT * FROM (VALUES (1, 2), (2, NULL)) AS t(p, q)');
    await query(engine, "CREATE TABLE tc AS SELECT * FROM (VALUES ('1', 'x'), ('a', '2004-02-29'), (NULL, '2001-02-29')) AS t(s, d)");
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('TRY_CAST gives NULL for values that do not convert, on constants and on columns', async () => {
    expect(await queryText(engine, "SELECT try_cast('' AS date), TRY_CAST('2004-02-29' AS date), Try_Cast('42x' AS interval), try_cast(12 AS text)"))
      .toEqual([[null, '2004-02-29', null, '12']]);
    expect(await queryText(engine, 'SELECT try_cast(s AS int), try_cast(d AS date) FROM tc ORDER BY s NULLS LAST'))
      .toEqual([['1', null], [null, '2004-02-29'], [null, null]]);
    // a plain CAST still fails, and TRY_CAST inside a string literal is left alone
    expect((await queryError(engine, 'SELECT cast(s AS int) FROM tc')).sqlState).toBe('22P02');
    expect(await queryText(engine, "SELECT 'try_cast(1 as int)'")).toEqual([['try_cast(1 as int)']]);
  });

  it('TRY_CAST keeps the type rules: an impossible type pair is still 42846', async () => {
    expect((await queryError(engine, 'SELECT try_cast(DATE \'2020-01-01\' AS boolean)')).sqlState).toBe('42846');
  });

  it('row IN / NOT IN a subquery and quantified ALL give SQL\'s three-valued answers', async () => {
    expect(await queryText(engine, `SELECT x, y, (x, y) IN (SELECT p, q FROM qb), (x, y) NOT IN (SELECT p, q FROM qb),
        x > ALL (SELECT p FROM qb WHERE q IS NOT NULL), 1 = ALL (SELECT NULL) FROM qa ORDER BY 1, 2`)).toEqual([
      ['1', '2', 't', 'f', 'f', null], ['1', '3', 'f', 't', 'f', null], ['2', '0', null, null, 't', null], [null, '1', null, null, null, null]]);
  });

  it('row comparisons with ANY/ALL are lexicographic; = and <> element-wise', async () => {
    expect(await queryText(engine, `SELECT (0, 0) < ANY (SELECT 1, 0), (1, 1) < ANY (SELECT 1, 1), (1, 1) <= ANY (SELECT 1, 1),
        (0, NULL) < ANY (SELECT 1, NULL), (1, NULL) < ANY (SELECT 1, 2), (2, 0) > ALL (SELECT * FROM (VALUES (1, 0), (3, 0))),
        ROW(1, 2) <> ANY (SELECT 1, 3), (1, 2) = ALL (SELECT * FROM (VALUES (1, 2), (1, 3)))`))
      .toEqual([['t', 'f', 't', 't', null, 'f', 't', 'f']]);
    expect((await queryError(engine, 'SELECT (1, 2) IN (SELECT 1)')).sqlState).toBe('42601');
  });

  it('in WHERE a quantified comparison becomes one semi/anti join, correlated too', async () => {
    expect(await queryText(engine, 'SELECT x, y FROM qa WHERE (x, y) IN (SELECT p, q FROM qb) ORDER BY 1, 2')).toEqual([['1', '2']]);
    expect(await queryText(engine, 'SELECT x, y FROM qa WHERE y >= ALL (SELECT p FROM qb) ORDER BY 1, 2')).toEqual([['1', '2'], ['1', '3']]);
    expect(await queryText(engine, 'SELECT x, y FROM qa WHERE y > ANY (SELECT p FROM qb WHERE p >= qa.x) ORDER BY 1, 2')).toEqual([['1', '2'], ['1', '3']]);
    const plan = (await queryText(engine, 'EXPLAIN SELECT x FROM qa WHERE (x, y) IN (SELECT p, q FROM qb)')).map((r) => r[0]).join('\n');
    expect(plan).toContain('Join semi');
    expect(plan).not.toContain('mark');
  });

  it('UPDATE and DELETE with correlated and uncorrelated subqueries read the table as it was before the statement', async () => {
    await query(engine, 'CREATE TABLE dml1 (id INTEGER, i INTEGER); INSERT INTO dml1 VALUES (1, 1), (2, 2), (3, 3), (4, NULL)');
    expect(await query(engine, 'UPDATE dml1 i1 SET i = (SELECT max(i) FROM dml1 WHERE i1.i <> i)')).toBeDefined();
    expect(await queryText(engine, 'SELECT id, i FROM dml1 ORDER BY id')).toEqual([['1', '3'], ['2', '3'], ['3', '2'], ['4', null]]);
    await query(engine, 'DELETE FROM dml1 WHERE i = (SELECT max(i) FROM dml1)');
    expect(await queryText(engine, 'SELECT id, i FROM dml1 ORDER BY id')).toEqual([['3', '2'], ['4', null]]);
    await query(engine, 'UPDATE dml1 SET i = DEFAULT WHERE id IN (SELECT 3)');
    expect(await queryText(engine, 'SELECT id, i FROM dml1 ORDER BY id')).toEqual([['3', null], ['4', null]]);
  });

  it('DELETE … USING deletes each matching row once; UPDATE … FROM and SET (a, b) = (…)', async () => {
    await query(engine, 'CREATE TABLE dml2 (id INTEGER, v TEXT); INSERT INTO dml2 VALUES (1, \'a\'), (2, \'b\'), (3, \'c\')');
    await query(engine, 'CREATE TABLE dml3 (k INTEGER, w TEXT); INSERT INTO dml3 VALUES (1, \'x\'), (1, \'y\'), (2, \'z\')');
    const deleted = await engine.execute('DELETE FROM dml2 USING dml3 WHERE dml2.id = dml3.k AND dml3.w <> \'z\'')[Symbol.asyncIterator]().next();
    expect(deleted.value).toMatchObject({ kind: 'status', tag: 'DELETE 1' });
    await query(engine, 'UPDATE dml2 SET v = dml3.w FROM dml3 WHERE dml2.id = dml3.k');
    expect(await queryText(engine, 'SELECT id, v FROM dml2 ORDER BY id')).toEqual([['2', 'z'], ['3', 'c']]);
    await query(engine, 'UPDATE dml2 SET (id, v) = (30, \'cc\') WHERE id = 3');
    await query(engine, 'UPDATE dml2 SET (v, id) = (SELECT \'zz\', 20) WHERE id = 2');
    expect(await queryText(engine, 'SELECT id, v FROM dml2 ORDER BY id')).toEqual([['20', 'zz'], ['30', 'cc']]);
    expect((await queryError(engine, 'UPDATE dml2 SET (id, v) = (1, \'a\', 3)')).sqlState).toBe('42601');
    expect((await queryError(engine, 'UPDATE dml2 SET (id, v) = 3')).sqlState).toBe('42601');
  });

  it('subqueries without FROM are expressions of the outer row, whatever they read', async () => {
    await query(engine, 'CREATE TABLE nf AS SELECT * FROM (VALUES (1, 2, 3, 4), (5, NULL, 7, 200)) AS t(a, b, c, d)');
    expect(await queryText(engine, `SELECT a, EXISTS (SELECT t1.b + t1.c), EXISTS (SELECT t1.c, t1.d WHERE t1.d < 100), (SELECT t1.a + 1 WHERE t1.b IS NOT NULL),
        a IN (SELECT t1.c - 2), NOT EXISTS (SELECT 1 WHERE t1.d > 100), (SELECT (SELECT (SELECT t1.a * 10))) FROM nf t1 ORDER BY a`))
      .toEqual([['1', 't', 't', '2', 't', 't', '10'], ['5', 't', 'f', null, 't', 'f', '50']]);
  });

  it('a correlation inside a derived table of the subquery, and in HAVING on a grouped column', async () => {
    await query(engine, 'CREATE TABLE ints AS SELECT * FROM (VALUES (1), (2), (3), (NULL)) AS t(i)');
    expect(await queryText(engine, `SELECT i, i IN (SELECT i1.i FROM (SELECT * FROM ints i1 WHERE i1.i = ints.i) i1 JOIN generate_series(1, 2, 1) tbl(i) ON i1.i = tbl.i)
        FROM ints ORDER BY i NULLS LAST`)).toEqual([['1', 't'], ['2', 't'], ['3', 'f'], [null, 'f']]);
    await query(engine, 'CREATE TABLE hv AS SELECT * FROM (VALUES (11, 1), (12, 2), (13, 3), (14, 3)) AS t(a, b)');
    expect(await queryText(engine, 'SELECT hv.b, sum(a) FROM hv GROUP BY hv.b HAVING sum(a) * 2 = (SELECT sum(a) + sum(t.a) FROM hv t WHERE hv.b = t.b) ORDER BY hv.b'))
      .toEqual([['1', '11'], ['2', '12'], ['3', '27']]);
    expect(await queryText(engine, 'SELECT hv.b FROM hv GROUP BY hv.b ORDER BY (SELECT sum(a) FROM hv t WHERE hv.b = t.b) DESC')).toEqual([['3'], ['2'], ['1']]);
    expect((await queryError(engine, 'SELECT b FROM hv GROUP BY b HAVING 1 = (SELECT count(*) FROM hv t WHERE t.a = hv.a)')).sqlState).toBe('42803');
  });

  it('subqueries in the ON condition of outer joins are computed on the side they read', async () => {
    await query(engine, 'CREATE TABLE oj_l AS SELECT * FROM (VALUES (1, 10), (2, 20), (3, 30)) AS t(i, j)');
    await query(engine, 'CREATE TABLE oj_r AS SELECT * FROM (VALUES (1, 10), (2, 20), (4, 40)) AS t(i, j)');
    await query(engine, 'CREATE TABLE oj_s AS SELECT * FROM (VALUES (1), (3)) AS t(i)');
    expect(await queryText(engine, 'SELECT l.i, r.i FROM oj_l l LEFT JOIN oj_r r ON l.i IN (SELECT s.i FROM oj_s s WHERE s.i = l.i) AND l.i = r.i ORDER BY 1, 2'))
      .toEqual([['1', '1'], ['2', null], ['3', null]]);
    expect(await queryText(engine, 'SELECT l.i, r.i FROM oj_l l RIGHT JOIN oj_r r ON r.i NOT IN (SELECT i FROM oj_s) AND l.i = r.i ORDER BY 2, 1'))
      .toEqual([[null, '1'], ['2', '2'], [null, '4']]);
    expect(await queryText(engine, 'SELECT l.i, r.i FROM oj_l l FULL JOIN oj_r r ON l.i + (SELECT 1) = r.i + (SELECT 0) ORDER BY 1 NULLS LAST, 2 NULLS LAST'))
      .toEqual([['1', '2'], ['2', null], ['3', '4'], [null, '1']]);
    expect((await queryError(engine, 'SELECT * FROM oj_l l LEFT JOIN oj_r r ON EXISTS (SELECT 1 FROM oj_s s WHERE s.i = l.i AND s.i = r.i)')).sqlState).toBe('0A000');
  });

  it('FROM-only queries and INTERVAL <n> <unit> (Spark forms)', async () => {
    await query(engine, 'CREATE TABLE ff AS FROM (VALUES (1, DATE \'2008-12-25\'), (2, DATE \'2020-02-28\')) AS t(k, d)');
    expect(await queryText(engine, 'WITH w AS (FROM ff) FROM w WHERE k = 2')).toEqual([['2', '2020-02-28']]);
    expect(await queryText(engine, 'SELECT d + INTERVAL 5 DAY, d - INTERVAL 2 MONTHS FROM ff ORDER BY k'))
      .toEqual([['2008-12-30 00:00:00', '2008-10-25 00:00:00'], ['2020-03-04 00:00:00', '2019-12-28 00:00:00']]);
  });

  it('a bare non-integer constant in ORDER BY is 42601, as in PostgreSQL; GROUP BY accepts it (Spark, DataFusion)', async () => {
    for (const sql of ["SELECT 42 ORDER BY 'a'", 'SELECT 42 ORDER BY -9223372036854775808']) {
      expect((await queryError(engine, sql)).sqlState).toBe('42601');
    }
    expect(await queryText(engine, "SELECT count(*) FROM (VALUES (2), (1)) t(x) GROUP BY 'a'")).toEqual([['2']]);
    expect(await queryText(engine, "SELECT x FROM (VALUES (2), (1)) t(x) ORDER BY 1, 'a'::text")).toEqual([['1'], ['2']]);
  });

  it('EXISTS over a correlated LIMIT 0 is false', async () => {
    expect(await queryText(engine, 'SELECT x FROM qa WHERE EXISTS (SELECT * FROM qb WHERE p = x LIMIT 0)')).toEqual([]);
    expect(await queryText(engine, 'SELECT count(*) FROM qa WHERE NOT EXISTS (SELECT * FROM qb WHERE p = x LIMIT 0)')).toEqual([['4']]);
  });
});
