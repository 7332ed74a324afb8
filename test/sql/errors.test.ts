/** Issue 2 §8: every error class reaches the caller with its SQLSTATE, and the engine keeps working afterwards. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LochError } from '../../core/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryText, query } from '../support/results.ts';
import { SHARED_TPCH } from '../support/tpch.ts';

async function sqlError(engine: QueryEngine, sql: string): Promise<LochError> {
  try {
    await query(engine, sql);
  } catch (e) {
    if (e instanceof LochError) return e;
    throw e;
  }
  throw new Error(`expected an error from: ${sql}`);
}

describe('SQL errors', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, `CREATE TABLE nation (n_nationkey int, n_name text, n_regionkey int, n_comment text)
      USING csv OPTIONS (delimiter '|', header 'false') LOCATION '${SHARED_TPCH}/dbgen-sf0.01/nation.tbl'`);
  });
  afterAll(() => engine?.close());

  it('malformed SQL → 42601 with the position of the offending token', async () => {
    const e = await sqlError(engine, 'select n_name fro nation');
    expect(e.sqlState).toBe('42601');
    expect(e.position).toBe(19);
  });

  it('unknown table → 42P01 with "did you mean"', async () => {
    const e = await sqlError(engine, 'select * from nations');
    expect(e.sqlState).toBe('42P01');
    expect(e.hint).toMatch(/nation/);
  });

  it('unknown column → 42703 with "did you mean"', async () => {
    const e = await sqlError(engine, 'select n_nam from nation');
    expect(e.sqlState).toBe('42703');
    expect(e.hint).toMatch(/n_name/);
  });

  it('operator on mismatched types → 42883', async () => {
    expect((await sqlError(engine, "select n_nationkey + date '2020-01-01' - true from nation")).sqlState).toBe('42883');
  });

  it('non-boolean WHERE → 42804', async () => {
    expect((await sqlError(engine, 'select 1 from nation where n_nationkey')).sqlState).toBe('42804');
  });

  it('division by zero at run time → 22012', async () => {
    expect((await sqlError(engine, 'select n_nationkey / (n_regionkey - n_regionkey) from nation')).sqlState).toBe('22012');
  });

  it('a bad cast → 22P02', async () => {
    expect((await sqlError(engine, "select n_name::int from nation")).sqlState).toBe('22P02');
  });

  it('keeps working after errors', async () => {
    expect(await queryText(engine, 'select count(*) from nation where n_regionkey = 1')).toEqual([['5']]);
  });
});
