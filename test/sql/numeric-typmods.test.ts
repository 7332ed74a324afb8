/**
 * NUMERIC typmods beyond Loch's 38 stored digits: precision up to PostgreSQL's 1000 (stored
 * as a 38-digit decimal of the same scale, values needing more raise 22003) and PostgreSQL
 * 15's negative scales (casts round to tens, hundreds, …). Also a DataFusion CREATE TABLE
 * with a column list, block comments and AS VALUES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('NUMERIC precision and scale', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  it('negative scales round on cast, half away from zero (PostgreSQL 15)', async () => {
    expect(await queryText(engine, 'select cast(12345 as numeric(9, -2)), cast(15000.5 as decimal(5, -4)), cast(-15000 as numeric(5, -4)), cast(1e4 as decimal(9, -4)), cast(149.9::float8 as numeric(4, -2))'))
      .toEqual([['12300', '20000', '-20000', '10000', '100']]);
  });

  it('the result of a negative-scale cast feeds functions (log of numeric(18, -3))', async () => {
    expect(await queryText(engine, 'select round(log(cast(5e3 as decimal(18, -3)))::numeric, 6), log(2.0, cast(8e1 as decimal(38, -1)))::numeric(10, 6)'))
      .toEqual([['3.698970', '6.321928']]);
  });

  it('precision above 38 keeps its scale while the value fits in 38 digits', async () => {
    expect(await queryText(engine, 'select cast(1.5 as decimal(50, 6)), log(100000000000000000000000000000000000::decimal(76, 0)), 2::numeric(1000, 2)'))
      .toEqual([['1.500000', '35', '2.00']]);
  });

  it('CREATE TABLE with typed columns, block comments and AS VALUES', async () => {
    await query(engine, 'create table wide_decimals(c1 decimal(10, 2) /* narrow */, c2 decimal(76, 10) /* beyond 38 */) as values (1.5, 2), (null, null)');
    expect(await queryText(engine, 'select c1, c2 from wide_decimals order by c1')).toEqual([['1.50', '2.0000000000'], [null, null]]);
  });

  const errors: [string, string, string][] = [
    ['a value beyond 38 digits', "select '1234567890123456789012345678901234567890'::numeric(50, 0)", '22003'],
    ['precision 1001', 'select 1::numeric(1001, 0)', '22023'],
    ['precision 0', 'select 1::numeric(0, 0)', '22023'],
    ['scale above the precision', 'select 1::numeric(5, 6)', '22023'],
  ];
  for (const [name, sql, code] of errors) {
    it(`error: ${name} (${code})`, async () => {
      await expect(query(engine, sql)).rejects.toMatchObject({ sqlState: code });
    });
  }
});
