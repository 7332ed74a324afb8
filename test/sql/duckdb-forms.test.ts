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
});
