/**
 * Statistical, ordered and approximate aggregates end to end on TPC-H SF 0.01,
 * answers checked against DuckDB (which shares PostgreSQL's semantics for all
 * of these), plus array_agg / approx_count_distinct checked directly.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTextRows } from '../../bench/runner/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';
import { duckDbTblTables, lochTblTables } from '../support/tpch.ts';

const TABLES = ['nation', 'orders', 'lineitem'];

/** Float answers to 12 significant digits: float8 sums in another order differ in the last bits (DuckDB vs PostgreSQL arithmetic). */
function round(rows: (string | null)[][]): (string | null)[][] {
  return rows.map((r) => r.map((v) => (v !== null && /^-?\d+\.\d+(e[+-]?\d+)?$/.test(v) ? String(Number(Number(v).toPrecision(12))) : v)));
}

const QUERIES: [string, string][] = [
  ['variance and standard deviation, population and sample', `select o_orderpriority, stddev(o_totalprice), stddev_samp(o_totalprice), stddev_pop(o_totalprice),
      variance(o_totalprice), var_samp(o_totalprice), var_pop(o_totalprice)
    from orders group by 1 order by 1`],
  ['corr, covariance and regression over (y, x)', `select l_returnflag, corr(l_extendedprice, l_quantity), covar_pop(l_extendedprice, l_quantity), covar_samp(l_extendedprice, l_quantity),
      regr_slope(l_extendedprice, l_quantity), regr_intercept(l_extendedprice, l_quantity), regr_count(l_extendedprice, l_discount),
      regr_r2(l_extendedprice, l_quantity), regr_avgx(l_extendedprice, l_quantity), regr_avgy(l_extendedprice, l_quantity),
      regr_sxx(l_extendedprice, l_quantity), regr_syy(l_extendedprice, l_quantity), regr_sxy(l_extendedprice, l_quantity)
    from lineitem group by 1 order by 1`],
  ['bool_and, bool_or', `select o_orderstatus, bool_and(o_totalprice > 1000), bool_or(o_totalprice > 400000), bool_and(o_shippriority = 0)
    from orders group by 1 order by 1`],
  ['string_agg with ORDER BY, ascending and descending', `select n_regionkey, string_agg(n_name, ', ' order by n_name), string_agg(n_name, '|' order by n_nationkey desc)
    from nation group by 1 order by 1`],
  ['percentile_cont and percentile_disc WITHIN GROUP', `select o_orderpriority, percentile_cont(0.5) within group (order by o_totalprice::float8),
      percentile_cont(0.9) within group (order by o_totalprice::float8 desc), percentile_disc(0.25) within group (order by o_orderdate),
      percentile_disc(1.0) within group (order by o_clerk)
    from orders group by 1 order by 1`],
  ['mode() WITHIN GROUP over a column with a clear winner', `select l_returnflag, mode() within group (order by l_linestatus), mode() within group (order by l_quantity) from lineitem where l_quantity <> 0 group by 1 order by 1`],
];

describe('aggregate functions (answers from DuckDB)', () => {
  let engine: QueryEngine;
  let duck: DuckDBConnection;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, lochTblTables(TABLES));
    duck = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    for (const sql of duckDbTblTables(TABLES)) await duck.run(sql);
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    duck?.closeSync();
  });

  for (const [name, sql] of QUERIES) {
    it(name, async () => {
      const expected = round((await duck.runAndReadAll(sql)).getRows().map((r) => r.map((v) => (v === null ? null : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v)))));
      const actual = round(await queryText(engine, sql));
      expect(expected.length).toBeGreaterThan(0);
      expect(compareTextRows(actual, expected, [])).toEqual([]);
    }, 60_000);
  }

  it('array_agg keeps NULLs and follows its ORDER BY; empty input gives NULL', async () => {
    expect(await queryText(engine, `select g, array_agg(x), array_agg(x order by x desc nulls last) from (values (1, 3), (1, null), (1, 2), (2, 5)) t(g, x) group by g order by g`))
      .toEqual([['1', '{3,NULL,2}', '{3,2,NULL}'], ['2', '{5}', '{5}']]);
    expect(await queryText(engine, 'select array_agg(n_name order by n_name) from nation where n_regionkey = 0')).toEqual([['{ALGERIA,ETHIOPIA,KENYA,MOROCCO,MOZAMBIQUE}']]);
    expect(await queryText(engine, 'select array_agg(n_name) from nation where n_regionkey = 9')).toEqual([[null]]);
  });

  it('statistics of one row (corr, covar_samp: NULL as in PostgreSQL) and every()', async () => {
    expect(await queryText(engine, `select corr(o_totalprice, o_custkey), covar_samp(o_totalprice, o_custkey), regr_count(o_totalprice, o_custkey),
      covar_pop(o_totalprice, o_custkey), regr_slope(o_totalprice, o_custkey), regr_r2(o_totalprice, o_custkey), stddev_samp(o_totalprice) from orders where o_orderkey < 2`))
      .toEqual([[null, null, '1', '0', null, null, null]]);
    expect(await queryText(engine, 'select corr(o_totalprice, o_custkey), regr_count(o_totalprice, o_custkey) from orders where o_orderkey < 0')).toEqual([[null, '0']]);
    expect(await queryText(engine, 'select every(n_regionkey < 5), every(n_regionkey < 4) from nation')).toEqual([['t', 'f']]);
    // an Inf/NaN first input makes the sums NaN (PostgreSQL), not a variance of 0
    expect(await queryText(engine, "select corr(f, f), stddev_pop(f), var_samp(f) from (select 'nan'::float8 f) t")).toEqual([['NaN', 'NaN', null]]);
  });

  it('bit_and / bit_or / bit_xor (NULL without rows) and other engines\' spellings of percentiles', async () => {
    expect(await queryText(engine, 'select bit_and(x), bit_or(x), bit_xor(x), bit_and(x::bigint), bit_or(-x::bigint), bit_xor(x::smallint) from (values (3), (5), (7)) t(x)'))
      .toEqual([['1', '7', '1', '1', '-1', '1']]);
    expect(await queryText(engine, 'select bit_or(x) from (values (3)) t(x) where x > 4')).toEqual([[null]]);
    expect(await queryText(engine, 'select median(distinct x), median(x), percentile_cont(x, 0.5), quantile_disc(x, 0.5), mode(x), approx_distinct(x) from (values (1), (1), (2), (4)) t(x)'))
      .toEqual([['2', '1.5', '1.5', '1', '1', '3']]);
  });

  it('approx_count_distinct is within 3% of count(distinct)', async () => {
    const [[approx, exact]] = await queryText(engine, 'select approx_count_distinct(l_partkey), count(distinct l_partkey) from lineitem') as [[string, string]];
    expect(Math.abs(Number(approx) - Number(exact)) / Number(exact)).toBeLessThan(0.03);
    const [[names, nulls]] = await queryText(engine, 'select approx_count_distinct(n_name), approx_count_distinct(null::int) from nation') as [[string, string]];
    expect(Math.abs(Number(names) - 25)).toBeLessThanOrEqual(1);
    expect(nulls).toBe('0');
  });

  it('errors with PostgreSQL codes', async () => {
    await expect(query(engine, 'select percentile_cont(1.5) within group (order by o_totalprice) from orders')).rejects.toMatchObject({ sqlState: '22003' });
    await expect(query(engine, 'select percentile_cont(0.5) from orders')).rejects.toMatchObject({ sqlState: '42809' });
    await expect(query(engine, 'select sum(o_totalprice) within group (order by o_totalprice) from orders')).rejects.toMatchObject({ sqlState: '42809' });
    await expect(query(engine, 'select regr_count(*) from orders')).rejects.toMatchObject({ sqlState: '42809' });
  });
});
