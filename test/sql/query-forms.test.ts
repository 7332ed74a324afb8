/**
 * Issue 6 query forms (WITH RECURSIVE, generate_series/range, GROUPING SETS/ROLLUP/CUBE, …)
 * end to end; answers checked against DuckDB, which shares PostgreSQL's semantics for
 * every query listed here. Each query orders its output.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTextRows } from '../../bench/runner/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryError, queryText } from '../support/results.ts';

const SETUP = `CREATE TABLE emp AS SELECT * FROM (VALUES (1, NULL, 'ann', 'x', 10), (2, 1, 'bob', 'x', 20), (3, 1, 'cid', 'y', 30),
  (4, 2, 'dan', 'y', 40), (5, 4, 'eve', 'x', 50), (6, NULL, 'fay', 'z', 60)) AS t(id, boss, name, dept, pay)`;

const QUERIES: [string, string][] = [
  ['WITH RECURSIVE counting with UNION ALL', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n, n * n FROM t ORDER BY n'],
  ['WITH RECURSIVE with UNION stops at a fixed point of a cycle', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT (n % 4) + 1 FROM t) SELECT n FROM t ORDER BY n'],
  ['WITH RECURSIVE over a table: the reports of each manager', `WITH RECURSIVE chain(id, root, depth) AS (
      SELECT id, id, 0 FROM emp WHERE boss IS NULL
      UNION ALL SELECT e.id, c.root, c.depth + 1 FROM emp e JOIN chain c ON e.boss = c.id)
    SELECT root, count(*), max(depth), sum(id) FROM chain GROUP BY root ORDER BY root`],
  ['a plain CTE feeding a recursive one, and a CTE built on an earlier CTE', `WITH RECURSIVE base AS (SELECT 2 AS x), twice AS (SELECT x * 2 AS y FROM base),
      t(v) AS (SELECT y FROM twice UNION ALL SELECT v * 3 FROM t WHERE v < 500) SELECT v FROM t ORDER BY v`],
  ['WITH RECURSIVE nested in a FROM subquery', 'SELECT s.m * 10 FROM (WITH RECURSIVE t(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM t WHERE m < 3) SELECT m FROM t) s ORDER BY 1'],
  ['generate_series with and without step, joined', 'SELECT a.x, b.y FROM generate_series(1, 5) a(x) JOIN generate_series(2, 10, 2) b(y) ON a.x = b.y ORDER BY 1'],
  ['generate_series counting down, and its sum', 'SELECT sum(x), count(*), min(x) FROM generate_series(100, -7, -3) t(x)'],
  ['range excludes its end', 'SELECT x FROM range(0, 10, 3) t(x) ORDER BY x'],
  ['ROLLUP with grouping() masks', `SELECT dept, boss, sum(pay), count(*), grouping(dept), grouping(dept, boss) FROM emp
    GROUP BY ROLLUP (dept, boss) ORDER BY dept NULLS LAST, boss NULLS LAST, 6`],
  ['CUBE with HAVING on an aggregate', 'SELECT dept, boss IS NULL AS top, max(pay) FROM emp GROUP BY CUBE (dept, boss IS NULL) HAVING count(*) > 1 ORDER BY 1, 2, 3'],
  ['GROUPING SETS with (), ordered by an aggregate not in the select list', `SELECT dept, sum(pay) FROM emp GROUP BY GROUPING SETS ((dept), ())
    ORDER BY max(pay) DESC, dept`],
  ['a plain key crossed with ROLLUP, LIMIT on the result', `SELECT dept, name, pay > 30, count(*) FROM emp GROUP BY dept, ROLLUP (name, pay > 30)
    ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST LIMIT 6`],
  ['DISTINCT ON keeps the first row of each key in ORDER BY order', 'SELECT DISTINCT ON (dept) dept, name, pay FROM emp ORDER BY dept, pay DESC'],
  ['DISTINCT ON an expression with an alias key, LIMIT', 'SELECT DISTINCT ON (big) pay > 25 AS big, name FROM emp ORDER BY big, name DESC LIMIT 1'],
  ['a CTE read inside a derived table of the same level', 'WITH d AS (SELECT dept, pay FROM emp) SELECT s.dept, s.total FROM (SELECT dept, sum(pay) AS total FROM d GROUP BY dept) s ORDER BY 1'],
  ['LATERAL subquery correlated in its WHERE (comma form)', `SELECT e.name, r.name FROM emp e, LATERAL (SELECT name FROM emp x WHERE x.boss = e.id) r ORDER BY 1, 2`],
  ['LEFT JOIN LATERAL … ON true keeps outer rows without matches', `SELECT e.name, r.name FROM emp e LEFT JOIN LATERAL (SELECT name FROM emp x WHERE x.boss = e.id) r ON true ORDER BY 1, 2 NULLS FIRST`],
  ['LATERAL over a global aggregate gives every outer row one row (count 0, sum NULL)', `SELECT e.name, r.n, r.total FROM emp e, LATERAL (SELECT count(*) AS n, sum(pay) AS total FROM emp x WHERE x.boss = e.id) r ORDER BY 1`],
  ['JOIN LATERAL over an aggregate with an ON condition on its values', `SELECT e.name, r.n FROM emp e JOIN LATERAL (SELECT count(*) AS n FROM emp x WHERE x.boss = e.id) r ON r.n < 2 ORDER BY 1`],
  ['GROUPING SETS without aggregates and over an empty input', `SELECT dept, grouping(dept) FROM emp WHERE pay > 1000 GROUP BY GROUPING SETS ((dept), ()) ORDER BY 2`],
];

describe('query forms (answers from DuckDB)', () => {
  let engine: QueryEngine;
  let duck: DuckDBConnection;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, SETUP);
    duck = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    await duck.run(SETUP);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    duck?.closeSync();
  });

  for (const [name, sql] of QUERIES) {
    it(name, async () => {
      const expected = (await duck.runAndReadAll(sql)).getRows().map((r) => r.map((v) => (v === null ? null : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v))));
      const actual = await queryText(engine, sql);
      expect(expected.length).toBeGreaterThan(0);
      expect(compareTextRows(actual, expected, [])).toEqual([]);
    }, 60_000);
  }

  it('a recursion that never stops fails with 54001 unless the query only needs its first rows', async () => {
    expect(await queryText(engine, 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t LIMIT 3')).toEqual([['1'], ['2'], ['3']]);
    expect((await queryError(engine, 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n FROM t, generate_series(1, 10)) SELECT count(*) FROM t')).sqlState).toBe('54001');
  }, 120_000);

  it('generate_series: NULL gives no rows, a zero step is 22023, timestamps step by intervals as in PostgreSQL', async () => {
    expect(await queryText(engine, 'SELECT * FROM generate_series(1, NULL)')).toEqual([]);
    expect((await queryError(engine, 'SELECT * FROM generate_series(1, 5, 0)')).sqlState).toBe('22023');
    expect(await queryText(engine, "SELECT * FROM generate_series(timestamp '2020-01-31', timestamp '2020-05-01', interval '1 month')"))
      .toEqual([['2020-01-31 00:00:00'], ['2020-02-29 00:00:00'], ['2020-03-29 00:00:00'], ['2020-04-29 00:00:00']]);
  });
});
