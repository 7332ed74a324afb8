/**
 * Issue 6, functions and forms the DuckDB corpus files use that Spark or PostgreSQL users
 * also expect: regexp_extract's options argument, ucase/lcase, GROUPING SETS with SELECT *.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('DuckDB-file functions and forms', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); }, 60_000);
  afterAll(async () => { await engine?.close(); });

  it("regexp_extract(s, pattern, group, options): i, c, s and k (the input when nothing matches)", async () => {
    expect(await queryText(engine, "SELECT regexp_extract('foobarbaz', 'B..', 0, 'i'), regexp_extract('foobarbaz', 'B..', 0, 'ic'), regexp_extract('FOOBARBAZ', '(zzz)', 1, 'ik'), regexp_extract('FOOBARBAZ', '(b..)', 1, 'ik'), regexp_extract('a\nb', 'a.b', 0, 's')"))
      .toEqual([['bar', '', 'FOOBARBAZ', 'BAR', 'a\nb']]);
    expect((await queryError(engine, "SELECT regexp_extract('a', 'a', 0, 'q')")).sqlState).toBe('22023');
  });

  it('GROUPING SETS: SELECT * (columns outside the set read as NULL) and NULLs typed like their column in every branch', async () => {
    await queryText(engine, 'CREATE TABLE gs_t AS SELECT i, i % 2 AS j FROM generate_series(0, 3) t(i)');
    // (), (i): both branches have NULL for j, which used to make the union's column text (then: integer vs text)
    expect(await queryText(engine, 'SELECT * FROM gs_t GROUP BY GROUPING SETS ((), (i), (i, j), (j)) ORDER BY i NULLS FIRST, j NULLS FIRST'))
      .toEqual([[null, null], [null, '0'], [null, '1'], ['0', null], ['0', '0'], ['1', null], ['1', '1'], ['2', null], ['2', '0'], ['3', null], ['3', '1']]);
    expect(await queryText(engine, 'SELECT j, i + 1 AS k, count(*) FROM gs_t GROUP BY GROUPING SETS ((), (i), (j)) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST LIMIT 3'))
      .toEqual([[null, null, '4'], [null, '1', '1'], [null, '2', '1']]);
    // a column in no grouping set is still an error
    expect((await queryError(engine, 'SELECT * FROM gs_t GROUP BY GROUPING SETS ((i), ())')).sqlState).toBe('42803');
  });

  it('WITH RECURSIVE whose queries never read themselves is an ordinary WITH (also inside a view)', async () => {
    const q = 'WITH RECURSIVE a(x) AS (VALUES (1), (2)), b(y) AS (SELECT x + 1 FROM a) SELECT * FROM a UNION ALL SELECT y FROM b';
    expect(await queryText(engine, `${q} ORDER BY 1`)).toEqual([['1'], ['2'], ['2'], ['3']]);
    await queryText(engine, `CREATE VIEW rec_v AS ${q}`);
    expect(await queryText(engine, 'SELECT * FROM rec_v ORDER BY 1')).toEqual([['1'], ['2'], ['2'], ['3']]);
  });

  it('a date beyond the timestamp range (int64 µs: after 294247-01-10) does not cast to timestamp (22008; TRY_CAST gives NULL)', async () => {
    expect(await queryText(engine, "SELECT '294247-01-10'::date::timestamp, try_cast('294247-01-11'::date AS timestamp)")).toEqual([['294247-01-10 00:00:00', null]]);
    expect((await queryError(engine, "SELECT '294247-01-11'::date::timestamp")).sqlState).toBe('22008');
    await queryText(engine, "CREATE TABLE far_dates AS SELECT * FROM (VALUES (date '2020-01-01'), (date '300000-01-01')) t(d)");
    expect((await queryError(engine, 'SELECT d::timestamptz FROM far_dates')).sqlState).toBe('22008');
    expect(await queryText(engine, 'SELECT try_cast(d AS timestamp) FROM far_dates ORDER BY d')).toEqual([['2020-01-01 00:00:00'], [null]]);
  });

  it('INTERVAL (n) unit; timestamp ± interval beyond int64 µs is 22008 instead of wrapping around', async () => {
    expect(await queryText(engine, "SELECT time '23:59:59.999999' + interval (1) second, date '294247-01-10' - interval (1) month"))
      .toEqual([['00:00:00.999999', '294246-12-10 00:00:00']]);
    expect((await queryError(engine, "SELECT date '294247-01-10' + interval (1) day")).sqlState).toBe('22008');
    expect((await queryError(engine, "SELECT timestamp '290000-01-01 00:00:00 BC' - interval '1000 years'")).sqlState).toBe('22008');
  });

  it('chr(0) is the NUL character (Spark, DuckDB): stored, compared and matched literally by LIKE / ILIKE', async () => {
    await queryText(engine, "CREATE TABLE nul_t AS SELECT 'goo' || chr(0) || 'se' AS a, 'GOO' || chr(0) || 'SE' AS b");
    expect(await queryText(engine, "SELECT length(a), a = 'goo' || chr(0) || 'se', a ILIKE b, a LIKE b, a LIKE 'goo' || chr(0) || '%', a LIKE 'goo_se' FROM nul_t"))
      .toEqual([['6', 't', 't', 'f', 't', 't']]);
  });

  it('a scalar subquery whose WHERE reads only outer columns checks at most one row per outer value, not over the whole inner side', async () => {
    await queryText(engine, 'CREATE TABLE sq_t AS SELECT * FROM (VALUES (1, 1), (2, 2), (NULL, 3)) t(x, y)');
    // no outer row has x = 5: the subquery is empty for every row (2 rows of sq_t are no error)
    expect(await queryText(engine, 'SELECT x, (SELECT y FROM sq_t t2 WHERE t1.x = 5) FROM sq_t t1 ORDER BY x')).toEqual([['1', null], ['2', null], [null, null]]);
    // a condition true for a NULL outer value, with an inner correlation too
    expect(await queryText(engine, 'SELECT x, (SELECT y FROM sq_t t2 WHERE t1.x IS NULL AND t2.y = t1.y) FROM sq_t t1 ORDER BY x')).toEqual([['1', null], ['2', null], [null, '3']]);
    // an outer row for which the subquery has three rows is still 21000
    expect((await queryError(engine, 'SELECT (SELECT y FROM sq_t t2 WHERE t1.x = 2) FROM sq_t t1')).sqlState).toBe('21000');
  });

  it("lateral column aliases (Databricks): a later select-list item may name an earlier alias; a FROM column of that name wins", async () => {
    expect(await queryText(engine, 'SELECT 1 AS a, a * 2, a + 1 AS b, b * 10')).toEqual([['1', '2', '2', '20']]);
    await queryText(engine, 'CREATE TABLE lca_t AS SELECT 5 AS a, 7 AS x');
    expect(await queryText(engine, 'SELECT x AS a, a * 2, sum(x) OVER () AS s, s + 1 FROM lca_t')).toEqual([['7', '10', '7', '8']]);
    expect((await queryError(engine, 'SELECT 1 AS q, z FROM lca_t')).sqlState).toBe('42703');
  });

  it('PREPARE with ? parameter markers (DuckDB, JDBC, Databricks) and EXECUTE', async () => {
    await queryText(engine, "CREATE TABLE prep_t AS SELECT * FROM (VALUES (1, 'hello world'), (2, 'Café'), (3, 'bye')) t(id, s)");
    await queryText(engine, "PREPARE prep_p AS SELECT id FROM prep_t WHERE s ILIKE '%' || ? || '%' AND id >= ? ORDER BY id");
    expect(await queryText(engine, "EXECUTE prep_p('CAFÉ', 1)")).toEqual([['2']]);
    expect(await queryText(engine, "EXECUTE prep_p('o', 2)")).toEqual([]);
  });

  it('ucase / lcase (Spark)', async () => {
    expect(await queryText(engine, "SELECT ucase('MotörHead'), lcase('MotörHead')")).toEqual([['MOTÖRHEAD', 'motörhead']]);
  });
});
