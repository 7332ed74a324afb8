/**
 * Intervals compare, group, join and partition by their span (1 mon = 30 days = 720 hours), as PostgreSQL;
 * input range checks (the time part is limited to ±2^53 µs, where Arrow's int64 nanoseconds stay exact).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('interval operations', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['GROUP BY merges equal spans (first value kept)', "select t, count(*) from (values (interval '20 days'), (interval '1 year'), (interval '1 month'), (interval '30 days')) v(t) group by t order by t",
      [['20 days', '1'], ['1 mon', '2'], ['1 year', '1']]],
    ['COUNT(DISTINCT) and DISTINCT', "select count(distinct t) from (values (interval '20 days'), (interval '1 month'), (interval '30 days')) v(t)", [['2']]],
    ['window partitions', "select row_number() over (partition by t order by t) from (values (interval '1 day'), (interval '24 hours')) v(t) order by 1", [['1'], ['2']]],
    ['hash join keys', "select count(*) from (values (interval '1 day')) a(t) join (values (interval '24 hours'), (interval '25 hours')) b(t) on a.t = b.t", [['1']]],
    ['arithmetic and DuckDB unit spellings', "select interval '1 day 2 hours' * 2.5, interval '2 years 1 quarter 20 msecond 16 usecond', interval '1 day' > interval '23 hours'",
      [['2 days 17:00:00', '2 years 3 mons 00:00:00.020016', 't']]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  for (const text of ['100000000000000000 year', '4294967296 months', '1294967296 days 1294967296 days', '100000000000000000000 msecs', '999999999:54:32']) {
    it(`error: '${text}' is out of the interval fields' range (22015)`, async () => {
      await expect(query(engine, `select interval '${text}'`)).rejects.toMatchObject({ sqlState: '22015' });
    });
  }
});
