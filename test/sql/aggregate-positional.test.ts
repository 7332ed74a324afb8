/**
 * first_value / last_value / nth_value as ordered aggregates (DataFusion; Spark's first, last,
 * any_value), IGNORE NULLS / RESPECT NULLS on aggregate calls, array_agg of arrays, the other
 * engines' aggregate names (mean, covar, var_sample, var_population), count() and count(a, b),
 * percentiles with ORDER BY inside the call, FROM VALUES without parentheses. Issue 6.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

const ROWS = `(values (1, 10, 3), (1, null, 1), (1, 30, 2), (1, null, 7), (2, 5, 1), (2, null, 2)) t(g, x, y)`;

describe('positional aggregates and null treatment', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(async () => { await engine?.close(); });

  it('first_value / last_value / nth_value follow the call\'s ORDER BY and keep NULLs', async () => {
    expect(await queryText(engine, `select g, first_value(x order by y), last_value(x order by y), nth_value(x, 2 order by y),
        nth_value(x, -1 order by y desc), nth_value(x, 9 order by y), first_value(x order by x desc nulls last)
      from ${ROWS} group by g order by g`)).toEqual([
      ['1', null, null, '30', null, null, '30'],
      ['2', '5', null, null, '5', null, '5'],
    ]);
  });

  it('IGNORE NULLS after or inside the call skips NULL values; RESPECT NULLS is the default', async () => {
    expect(await queryText(engine, `select g, first_value(x order by y) ignore nulls, last_value(x order by y) IGNORE NULLS,
        nth_value(x, 2 order by y) ignore nulls, first_value(x order by y) respect nulls, array_agg(x order by y) ignore nulls,
        array_agg(distinct x ignore nulls), array_agg(x) filter (where y > 1) ignore nulls
      from ${ROWS} group by g order by g`)).toEqual([
      ['1', '30', '10', '10', null, '{30,10}', '{10,30}', '{10,30}'],
      ['2', '5', '5', null, '5', '{5}', '{5}', null],
    ]);
    expect((await queryError(engine, `select median(x) ignore nulls from ${ROWS}`)).message).toBe('IGNORE NULLS is not permitted for median');
    expect((await queryError(engine, `select percentile_cont(0.5) within group (order by x) respect nulls from ${ROWS}`)).message)
      .toBe('RESPECT NULLS is not permitted for percentile_cont');
  });

  it("Spark's first / last (with ignoreNulls) and any_value, which skips NULLs", async () => {
    expect(await queryText(engine, `select first(x), last(x), first(x, true), last(x, true), any_value(x) from (values (null), (4), (6), (null)) t(x)`))
      .toEqual([[null, null, '4', '6', '4']]);
  });

  it('array_agg of arrays, and the other engines\' names of avg, covar_samp, var_samp, var_pop', async () => {
    expect(await queryText(engine, `select array_agg(a order by k desc) from (values (1, array[1, 2]), (2, array[3])) t(k, a)`)).toEqual([['{{3},{1,2}}']]);
    expect(await queryText(engine, `select mean(y), covar(x, y), var_sample(y), var_population(y), covar_samp(x, y), var_samp(y), var_pop(y)
      from (values (1, 2), (2, 4), (3, 9)) t(x, y)`)).toEqual([['5.0000000000000000', '3.5', '13', '8.666666666666666', '3.5', '13', '8.666666666666666']]);
  });

  it('count() is count(*); count(a, b) counts the rows where every argument is non-NULL', async () => {
    expect(await queryText(engine, `select count(), count(a, b), count(null, null), count(a, b) filter (where a > 1) from (values (1, 2), (2, null), (3, 4)) t(a, b)`))
      .toEqual([['3', '2', '0', '1']]);
    expect(await queryText(engine, `select g, count() over (partition by g), count(a, b) over (partition by g) from (values (1, 1, 2), (1, 2, null), (2, 3, 4)) t(g, a, b) order by g, a`))
      .toEqual([['1', '2', '1'], ['1', '2', '1'], ['2', '1', '1']]);
    expect((await queryError(engine, 'select count(distinct a, b) from (values (1, 2)) t(a, b)')).sqlState).toBe('0A000');
  });

  it('quantile_cont(p ORDER BY x) and quantile_cont(x, p ORDER BY x DESC) are WITHIN GROUP; FROM VALUES needs no parentheses', async () => {
    expect(await queryText(engine, `select quantile_cont(col0, 0.75 order by col0 desc), quantile_cont(0.75 order by col0), percentile_disc(0.5 order by col0 desc)
      from values (1, 3), (2, 2), (3, 1) t(col0, col1)`)).toEqual([['1.5', '2.5', '2']]);
    expect(await queryText(engine, `select * from values (1, 'a'), (2, 'b') as v(n, s) join values (2) w(m) on n = m`)).toEqual([['2', 'b', '2']]);
  });

  it('GROUP BY ALL groups by the select list\'s items without aggregates; a trailing comma before FROM is allowed', async () => {
    expect(await queryText(engine, `select x, upper(y), 1, count(*), sum(length(x)) + 1 from (values ('a', 'b'), ('a', 'b'), ('c', 'd')) t(x, y) group by all order by x`))
      .toEqual([['a', 'B', '1', '2', '3'], ['c', 'D', '1', '1', '2']]);
    expect(await queryText(engine, `select count(*), from (values (1), (2)) t(x) group by all`)).toEqual([['2']]);
  });

  it('count(DISTINCT bytea) and min/max of named structs built with STRUCT(x AS name)', async () => {
    expect(await queryText(engine, `select count(distinct b) from (values ('\\x01'::bytea), ('\\x01'::bytea), ('\\x0203'::bytea), (null)) t(b)`)).toEqual([['2']]);
    expect(await queryText(engine, `select min(c), max(c) from (select struct(i as 'a', 10 - i as b) as c from generate_series(1, 3) t(i))`)).toEqual([['(1,9)', '(3,7)']]);
  });

  it('one name for two relations of a join is refused, as between FROM items (PostgreSQL)', async () => {
    const err = await queryError(engine, `select t1.x from (values (1)) t1(x) join (values (1)) t1(x) using (x) cross join (select struct('foo' as x) as t1)`);
    expect([err.sqlState, err.message]).toEqual(['42P07', 'table name "t1" specified more than once']);
    expect(await queryText(engine, `select a.x, b.x from (values (1)) a(x) join (values (1)) b(x) using (x) join (values (2)) c(y) on true`)).toEqual([['1', '1']]);
  });

  it('HAVING may name a select-list alias that no input column has (Spark, MySQL, DataFusion)', async () => {
    const rows = '(values (1, 5), (1, -200), (2, 3)) t(g, x)';
    expect(await queryText(engine, `select g, min(x) as m from ${rows} group by g having m < -100 and max(x) > 4`)).toEqual([['1', '-200']]);
    // an input column of the same name wins, as in the select list's own expressions
    expect(await queryText(engine, `select g, min(x) as x from ${rows} group by g having min(x) > 0`)).toEqual([['2', '3']]);
  });

  it("array_sort (Spark: ascending, NULLs last; DataFusion's direction and NULL placement) and Spark's sort_array", async () => {
    expect(await queryText(engine, `select array_sort(array[3, null, 1, 2]), array_sort(array[3, null, 1], 'DESC'), array_sort(array['b', null, 'a'], 'asc', 'nulls first'),
        sort_array(array[2, null, 1]), sort_array(array[2, null, 1], false), array_sort(null::int[]), array_sort(array_agg(distinct x)) from (values (2), (1), (2)) t(x)`))
      .toEqual([['{1,2,3,NULL}', '{3,1,NULL}', '{NULL,a,b}', '{NULL,1,2}', '{2,1,NULL}', null, '{1,2}']]);
  });

  it('first_value / last_value without ORDER BY keep the first / last row in input order over many batches', async () => {
    expect(await queryText(engine, `select g, first_value(x), last_value(x), any_value(x), last(x, true), count(*)
      from (select i % 3 as g, case when i % 7 = 0 then null else i end as x from generate_series(1, 100000) t(i)) s group by g order by g`))
      .toEqual([['0', '3', '99999', '3', '99999', '33333'], ['1', '1', '100000', '1', '100000', '33334'], ['2', '2', '99998', '2', '99998', '33333']]);
    expect(await queryText(engine, `select first_value(x), last_value(x), first_value(x) filter (where x > 0) from (values (null), (2), (null)) t(x)`)).toEqual([[null, null, '2']]);
  });

  it('SELECT DISTINCT … ORDER BY an expression the select list aliases (PostgreSQL); other expressions stay 42P10', async () => {
    expect(await queryText(engine, `select distinct t as "first_seen" from (values (2), (1), (2)) v(t) order by t desc`)).toEqual([['2'], ['1']]);
    expect((await queryError(engine, 'select distinct t from (values (2, 1), (1, 2)) v(t, u) order by u')).sqlState).toBe('42P10');
  });

  it('ORDER BY ALL [DESC] sorts by every select-list column in order; a written ORDER BY 0 stays an error', async () => {
    const rows = `(values ('b', 2), ('a', 9), ('a', 1)) t(address, zip)`;
    expect(await queryText(engine, `select * from ${rows} order by all`)).toEqual([['a', '1'], ['a', '9'], ['b', '2']]);
    expect(await queryText(engine, `select zip, address from ${rows} order by all desc`)).toEqual([['9', 'a'], ['2', 'b'], ['1', 'a']]);
    expect((await queryError(engine, `select * from ${rows} order by 0`)).sqlState).toBe('42P10');
  });

  it('DISTINCT ON keys and ORDER BY items that are window functions (one more level computes them first)', async () => {
    expect(await queryText(engine, `with t(id, v) as (values (1, 10), (2, 20), (3, 10), (4, 30), (5, 20))
      select distinct on (v) v, row_number() over (order by id) as rn from t order by v, rn`)).toEqual([['10', '1'], ['20', '2'], ['30', '4']]);
    expect(await queryText(engine, `with t(id, v) as (values (1, 10), (2, 20), (3, 30))
      select distinct on (row_number() over (order by id desc)) id, v from t order by row_number() over (order by id desc)`)).toEqual([['3', '30'], ['2', '20'], ['1', '10']]);
  });

  it('CUBE / ROLLUP over two relations\' columns of the same name (a.c1, b.c1) keep them apart; t.c1 still matches c1', async () => {
    expect(await queryText(engine, `select a.c1, b.c1, sum(a.c2) from (values ('a', 1), ('b', 2)) as a(c1, c2) cross join (values ('a', 1), ('c', 2)) as b(c1, c2)
      group by rollup (a.c1, b.c1) order by a.c1, b.c1`)).toEqual([
      ['a', 'a', '1'], ['a', 'c', '1'], ['a', null, '2'], ['b', 'a', '2'], ['b', 'c', '2'], ['b', null, '4'], [null, null, '6'],
    ]);
    expect(await queryText(engine, `select c1, sum(c2) from (values ('a', 1), ('b', 2)) as t(c1, c2) group by rollup (t.c1) order by c1`))
      .toEqual([['a', '1'], ['b', '2'], [null, '3']]);
  });
});
