/** Everyday SQL end to end through the embedded engine, with PostgreSQL's results. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';
import { SHARED_TPCH, TPCH_COLUMNS } from '../support/tpch.ts';

describe('everyday SQL', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    const ddl = ['nation', 'region'].map((t) => `CREATE TABLE ${t} (${TPCH_COLUMNS[t]}) USING csv OPTIONS (delimiter '|', header 'false') LOCATION '${SHARED_TPCH}/dbgen-sf0.01/${t}.tbl';`);
    await query(engine, ddl.join('\n'));
  });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['UNION removes duplicates, UNION ALL keeps them', 'select 1 union select 1 union all select 2 order by 1', [['1'], ['2']]],
    ['VALUES with column aliases and NULLS FIRST', "select * from (values (1,'a'),(2,null),(null,'c')) t(x,y) order by x nulls first", [[null, 'c'], ['1', 'a'], ['2', null]]],
    ['NOT IN over a subquery without NULLs', 'select x from (values (1),(2),(null)) a(x) where x not in (select 1)', [['2']]],
    ['NOT IN over a subquery with a NULL is never true', 'select x from (values (1),(2)) a(x) where x not in (select null::int)', []],
    ['LEFT JOIN pads with NULLs', "select a.x, b.y from (values (1),(2)) a(x) left join (values (1,'one')) b(x,y) on a.x=b.x order by 1", [['1', 'one'], ['2', null]]],
    ['FULL JOIN pads both sides', 'select a.x, b.x from (values (1),(2)) a(x) full join (values (2),(3)) b(x) on a.x=b.x order by 1, 2', [['1', null], ['2', '2'], [null, '3']]],
    ['a CTE joined with itself', 'with t as (select n_regionkey r, count(*) c from nation group by 1) select a.r, b.c from t a join t b on a.r = b.r order by 1 limit 2', [['0', '5'], ['1', '5']]],
    ['ORDER BY DESC with LIMIT and OFFSET', 'select n_name from nation order by n_name desc limit 3 offset 1', [['UNITED STATES'], ['UNITED KINGDOM'], ['SAUDI ARABIA']]],
    ['count(DISTINCT), FILTER, sum and avg', 'select count(distinct n_regionkey), count(*) filter (where n_nationkey > 20), sum(n_nationkey), avg(n_nationkey) from nation', [['5', '4', '300', '12.0000000000000000']]],
    ['date arithmetic with PostgreSQL month-end rules', "select date '2020-01-31' + interval '1 month', date '2020-03-01' - date '2020-02-01', extract(year from date '1998-12-01')", [['2020-02-29 00:00:00', '29', '1998']]],
    ['string functions', "select substring('hello world' from 7 for 5), upper('abc'), 'ab' || 'cd', length('héllo'), position('lo' in 'hello'), trim('  x  ')", [['world', 'ABC', 'abcd', '5', '4', 'x']]],
    ['LIKE, ILIKE, COALESCE, NULLIF, GREATEST, CASE', "select 'abc' like 'a%', 'ABC' ilike 'a_c', coalesce(null, 2, 3), nullif(1,1), greatest(1,5,3), case when 1>2 then 'a' else 'b' end", [['t', 't', '2', null, '5', 'b']]],
    ['casts and three-valued logic', "select cast('12.345' as numeric(10,2)), '42'::int + 1, 1::smallint + 1::bigint, true and null, false and null", [['12.35', '43', '2', null, 'f']]],
    ['exact decimals and integer division', 'select 0.1 + 0.2, 7 / 2, -7 / 2, 7 % 3', [['0.3', '3', '-3', '1']]],
    ['INTERSECT', 'select x from (select 1 x intersect select 1 x) t', [['1']]],
    ['EXCEPT ALL keeps surplus duplicates', 'select x from (values (1),(1),(2)) a(x) except all select 1 order by 1', [['1'], ['2']]],
    ['correlated scalar subquery in the select list', 'select n_name, (select r_name from region where r_regionkey = n_regionkey) from nation order by 1 limit 2', [['ALGERIA', 'AFRICA'], ['ARGENTINA', 'AMERICA']]],
    ['uncorrelated scalar subquery in WHERE', "select n_name from nation where n_regionkey = (select r_regionkey from region where r_name = 'ASIA') order by 1 limit 2", [['CHINA'], ['INDIA']]],
    ['a scalar subquery with no row is NULL', 'select (select r_regionkey from region where r_regionkey > 10)', [[null]]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  it('an ordered aggregate honours its ORDER BY', async () => {
    expect(await queryText(engine, "select string_agg(n_name, ',' order by n_name desc) from nation where n_regionkey = 0")).toEqual([['MOZAMBIQUE,MOROCCO,KENYA,ETHIOPIA,ALGERIA']]);
  });

  it('a scalar subquery returning two rows raises 21000', async () => {
    await expect(query(engine, 'select (select r_regionkey from region)')).rejects.toMatchObject({ sqlState: '21000' });
  });

  it('EXPLAIN shows the logical and the physical plan', async () => {
    const lines = (await queryText(engine, 'explain select n_regionkey, count(*) from nation where n_nationkey > 3 group by 1')).map((r) => r[0]);
    expect(lines[0]).toBe('Logical plan:');
    expect(lines).toContain('Physical plan:');
    expect(lines.join('\n')).toMatch(/HashAggregateExec/);
    expect(lines).toContain('Distributed plan:');
    expect(lines.join('\n')).toMatch(/Stage 1: .*\n(.*\n)*.*ShuffleWriteExec/);
  });

  it('EXPLAIN ANALYZE reports rows, batches, time and peak memory per operator', async () => {
    const text = (await queryText(engine, 'explain analyze select n_regionkey, count(*) from nation group by 1')).map((r) => r[0]).join('\n');
    expect(text).toMatch(/HashAggregateExec.*rows=5, batches=1, time=[\d.]+ms, peak_mem=/);
    expect(text).toMatch(/ScanExec.*rows=25/);
  });

  it('EXPLAIN VERBOSE shows the plan after each rule that changed it', async () => {
    const text = (await queryText(engine, 'explain verbose select n_name from nation where n_nationkey = 1')).map((r) => r[0]).join('\n');
    expect(text).toMatch(/-- after predicate_pushdown/);
    expect(text).toMatch(/-- after projection_pruning/);
  });
});
