/** Issue 6: query shapes of the DataFusion sqllogictest files that PostgreSQL's grammar lacks (Spark/DataFusion forms). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('DataFusion/Spark query shapes', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await queryText(engine, "CREATE TABLE a (k INT, s TEXT) AS VALUES (1, 'x'), (2, 'y'), (NULL, 'z'), (1, 'w')");
    await queryText(engine, 'CREATE TABLE b (k INT) AS VALUES (1), (3), (3)');
  });
  afterAll(() => engine?.close());

  it('LEFT SEMI / LEFT ANTI JOIN keep the left rows with / without a match (left columns only)', async () => {
    expect(await queryText(engine, 'SELECT * FROM a LEFT SEMI JOIN b ON a.k = b.k ORDER BY s')).toEqual([['1', 'w'], ['1', 'x']]);
    expect(await queryText(engine, 'SELECT s FROM a LEFT ANTI JOIN b ON (a.k = b.k) ORDER BY s')).toEqual([['y'], ['z']]);
    expect(await queryText(engine, 'SELECT s FROM a SEMI JOIN b ON a.k = b.k AND a.s <> \'x\'')).toEqual([['w']]);
    expect(await queryText(engine, 'SELECT count(*) FROM a ANTI JOIN b ON a.k = b.k')).toEqual([['2']]);
    expect((await queryError(engine, 'SELECT b.k FROM a LEFT SEMI JOIN b ON a.k = b.k')).sqlState).toBe('42P01');
  });

  it('RIGHT SEMI / RIGHT ANTI JOIN keep the right rows (no duplicates from several matches)', async () => {
    expect(await queryText(engine, 'SELECT * FROM a RIGHT SEMI JOIN b ON a.k = b.k')).toEqual([['1']]);
    expect(await queryText(engine, 'SELECT k FROM a RIGHT ANTI JOIN (SELECT k FROM b) AS bb ON a.k = bb.k')).toEqual([['3'], ['3']]);
  });

  it('semi/anti joins need ON; the words inside strings and other joins are left alone', async () => {
    expect((await queryError(engine, 'SELECT * FROM a LEFT SEMI JOIN b USING (k)')).message).toContain('needs an ON condition');
    expect(await queryText(engine, "SELECT 'left anti join' AS t")).toEqual([['left anti join']]);
    expect(await queryText(engine, 'SELECT count(*) FROM a JOIN b ON a.k = b.k LEFT ANTI JOIN b AS c ON a.k + 1 = c.k')).toEqual([['2']]);
  });

  it('LIMIT / OFFSET take constant integer expressions, evaluated once', async () => {
    expect(await queryText(engine, 'SELECT * FROM (VALUES (1), (2), (3), (4)) v(x) ORDER BY x LIMIT abs(-4) + 4 / -2')).toEqual([['1'], ['2']]);
    expect(await queryText(engine, 'SELECT * FROM (VALUES (1), (2), (3), (4)) v(x) ORDER BY x LIMIT 1 + 1 OFFSET CASE WHEN 1 < 2 THEN 1 ELSE 0 END')).toEqual([['2'], ['3']]);
    expect((await queryError(engine, 'SELECT 1 LIMIT 1.5')).sqlState).toBe('22023');
    expect((await queryError(engine, 'SELECT k FROM b LIMIT k')).sqlState).toBe('42703');
  });

  it('LEFT JOIN LATERAL over an aggregate with an ON condition NULL-extends the rows where it is not true', async () => {
    const sql = (on: string): string => `SELECT a.s, sub.cnt FROM a LEFT JOIN LATERAL (SELECT count(*) AS cnt FROM b WHERE b.k = a.k) sub ON ${on} ORDER BY a.s`;
    expect(await queryText(engine, sql('sub.cnt > 0'))).toEqual([['w', '1'], ['x', '1'], ['y', null], ['z', null]]);
    expect(await queryText(engine, sql("a.s <> 'x'"))).toEqual([['w', '1'], ['x', null], ['y', '0'], ['z', '0']]);
    expect(await queryText(engine, `SELECT a.s, sub.cnt FROM a JOIN LATERAL (SELECT count(*) AS cnt FROM b WHERE b.k = a.k) sub ON sub.cnt > 0 ORDER BY a.s`)).toEqual([['w', '1'], ['x', '1']]);
  });

  it('SELECT * EXCLUDE (…) / * EXCEPT (…) / t.* EXCEPT (…) leave columns out of the star', async () => {
    await queryText(engine, 'CREATE TABLE w AS SELECT 1 AS a, 10 AS b, 100 AS c');
    expect(await queryText(engine, 'SELECT * EXCLUDE (b) FROM (SELECT * EXCLUDE a FROM w)')).toEqual([['100']]);
    expect(await queryText(engine, 'SELECT w.* EXCEPT (a, c), 2 * 3 AS six FROM w')).toEqual([['10', '6']]);
    expect(await queryText(engine, 'SELECT * FROM w EXCEPT (SELECT 1, 10, 100)')).toEqual([]);
    expect((await queryError(engine, 'SELECT * EXCLUDE e FROM w')).sqlState).toBe('42703');
  });

  it('WITH RECURSIVE refuses a recursive term of another width or with two references to the CTE (PostgreSQL)', async () => {
    const width = await queryError(engine, "WITH RECURSIVE r AS (SELECT 1::bigint AS a UNION ALL SELECT a + 2, 'a', 'c' FROM r WHERE a < 3) SELECT * FROM r");
    expect([width.sqlState, width.message]).toEqual(['42601', expect.stringContaining('same number of columns')]);
    expect((await queryError(engine, 'WITH RECURSIVE r AS (SELECT 1 AS a UNION ALL SELECT r.a + 2 FROM r JOIN r c2 USING (a) WHERE r.a < 5) SELECT a FROM r')).sqlState).toBe('42P19');
    expect(await queryText(engine, 'WITH RECURSIVE r AS (SELECT 1 AS a UNION ALL SELECT a + 1 FROM r WHERE a < 3) SELECT sum(a) FROM r')).toEqual([['6']]);
  });

  it('CREATE TABLE … AS, CREATE VIEW and SELECT INTO refuse two output columns of one name (42701)', async () => {
    for (const sql of [
      'CREATE TABLE dup1 AS SELECT * FROM b JOIN b AS b2 ON b.k = b2.k',
      'CREATE VIEW dup2 AS SELECT k, k FROM b',
      'SELECT * INTO dup3 FROM b JOIN b AS b2 ON b.k = b2.k',
    ]) expect((await queryError(engine, sql)).sqlState).toBe('42701');
    expect((await queryError(engine, 'SELECT * FROM dup1')).sqlState).toBe('42P01');
    expect(await queryText(engine, 'SELECT count(*) FROM b JOIN b AS b2 ON b.k = b2.k')).toEqual([['5']]);
  });

  it('a scalar subquery inside an aggregate argument (uncorrelated or correlated) is computed per input row', async () => {
    expect(await queryText(engine, 'SELECT sum(k + (SELECT max(k) FROM b)) FROM a')).toEqual([['13']]);
    expect(await queryText(engine, 'SELECT sum((SELECT count(*) FROM b WHERE b.k > a.k)) FROM a')).toEqual([['6']]);
  });
});

