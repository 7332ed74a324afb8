/**
 * Window functions end to end on TPC-H SF 0.01, each answer checked against
 * DuckDB over the same dbgen files (same column types; PostgreSQL semantics,
 * which DuckDB shares for everything queried here). Every query orders its
 * result by a unique key so rows compare one to one.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTextRows } from '../../bench/runner/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';
import { duckDbTblTables, lochTblTables } from '../support/tpch.ts';

const TABLES = ['nation', 'region', 'orders', 'lineitem', 'customer'];

const QUERIES: [string, string][] = [
  ['ranking functions with peers', `select o_orderkey, row_number() over (partition by o_orderstatus order by o_orderpriority, o_orderkey), rank() over w, dense_rank() over w, percent_rank() over w, cume_dist() over w
    from orders window w as (partition by o_orderstatus order by o_orderpriority) order by o_orderkey limit 500`],
  ['ROWS frame aggregates per customer', `select o_orderkey,
      sum(o_totalprice) over w, avg(o_totalprice) over w, min(o_totalprice) over w, max(o_totalprice) over w, count(*) over w
    from orders window w as (partition by o_custkey order by o_orderdate, o_orderkey rows between 2 preceding and 1 following)
    order by o_orderkey limit 2000`],
  ['default RANGE frame: running sum with peers over lineitem', `select l_orderkey, l_linenumber,
      sum(l_extendedprice) over (partition by l_orderkey order by l_quantity), count(*) over (partition by l_orderkey order by l_quantity)
    from lineitem order by 1, 2 limit 3000`],
  ['whole-partition aggregates over all of lineitem', `select l_orderkey, l_linenumber, sum(l_quantity) over (partition by l_suppkey), max(l_shipdate) over (partition by l_suppkey),
      count(l_comment) over ()
    from lineitem order by 1, 2 limit 1000`],
  ['running sum over 60k rows without PARTITION BY', `select l_orderkey, l_linenumber, sum(l_quantity) over (order by l_orderkey, l_linenumber)
    from lineitem order by 1, 2 offset 59000`],
  ['RANGE with an interval offset over dates', `select o_orderkey, sum(o_totalprice) over (order by o_orderdate range between interval '3 days' preceding and interval '1 day' following),
      count(*) over (order by o_orderdate range between interval '3 days' preceding and interval '1 day' following)
    from orders order by o_orderkey limit 1000`],
  ['RANGE with numeric offsets, descending', `select o_orderkey, count(*) over (partition by o_orderpriority order by o_totalprice desc range between 100 preceding and 50 following)
    from orders order by o_orderkey limit 1000`],
  ['GROUPS frames with EXCLUDE', `select o_orderkey,
      count(*) over (partition by o_orderpriority order by o_orderdate groups between 1 preceding and 1 following exclude group),
      sum(o_shippriority + 1) over (partition by o_orderpriority order by o_orderdate groups between current row and 2 following exclude ties),
      count(*) over (partition by o_orderpriority order by o_orderdate rows between 1 preceding and 1 following exclude current row)
    from orders order by o_orderkey limit 1000`],
  ['lag, lead with defaults, first/last/nth_value', `select o_orderkey, lag(o_totalprice) over w, lead(o_orderdate, 2) over w, lag(o_custkey, 3, -1) over w,
      first_value(o_clerk) over w, last_value(o_clerk) over w, nth_value(o_orderkey, 2) over w,
      last_value(o_orderkey) over (partition by o_orderpriority order by o_orderkey rows between unbounded preceding and unbounded following)
    from orders window w as (partition by o_orderpriority order by o_orderkey) order by o_orderkey limit 1000`],
  ['ntile over partitions of 5 nations', `select n_nationkey, ntile(2) over (partition by n_regionkey order by n_nationkey), ntile(3) over (order by n_name)
    from nation order by 1`],
  ['window functions over aggregates', `select o_orderpriority, sum(o_totalprice), sum(sum(o_totalprice)) over (), rank() over (order by count(*) desc),
      sum(count(*)) over (order by o_orderpriority rows unbounded preceding)
    from orders group by o_orderpriority order by o_orderpriority`],
  ['a window function in ORDER BY', `select n_name from nation order by row_number() over (order by n_name desc) limit 7`],
  ['min/max of text over sliding frames', `select l_orderkey, l_linenumber, max(l_shipmode) over w, min(l_comment) over w
    from lineitem window w as (order by l_orderkey, l_linenumber rows between 3 preceding and 2 following) order by 1, 2 limit 2000`],
  ['variance and FILTER over frames', `select o_orderkey, stddev_samp(o_totalprice) over w, count(*) filter (where o_orderstatus = 'F') over w,
      sum(o_totalprice) filter (where o_orderpriority like '1%') over w
    from orders window w as (partition by o_custkey order by o_orderkey rows between 3 preceding and current row) order by o_orderkey limit 1000`],
  ['partitioned by an expression, ordered by two keys', `select c_custkey, rank() over (partition by c_nationkey % 3 order by c_mktsegment, c_acctbal desc)
    from customer order by c_custkey limit 500`],
];

describe('window functions (answers from DuckDB)', () => {
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
      const expected = (await duck.runAndReadAll(sql)).getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
      const actual = await queryText(engine, sql);
      expect(expected.length).toBeGreaterThan(0);
      expect(compareTextRows(actual, expected, [])).toEqual([]);
    }, 60_000);
  }
});
