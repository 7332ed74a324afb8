/**
 * Integer bitwise operators (PostgreSQL's & | # ~ << >>) and the numeric operators and
 * functions the DataFusion corpus needs beyond PostgreSQL's (float %, …) and bytea LIKE, end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('bitwise and numeric operators', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['& | # ~ on integer constants (PostgreSQL values)', 'select 91 & 15, 32 | 3, 17 # 5, ~1, 1 << 4, 8 >> 2, -5 >> 1',
      [['11', '35', '20', '-2', '16', '2', '-3']]],
    ['a NULL operand gives NULL', 'select 2048 << null, null & 3, ~null::int', [[null, null, null]]],
    ['bigint: both 32-bit halves and 64-bit shifts', "select 6::bigint & 3, (-1)::bigint << 40, 1::bigint << 63, ~(4294967296::bigint), 4294967296::bigint | 1, (-4294967296)::bigint >> 32",
      [['2', '-1099511627776', '-9223372036854775808', '-4294967297', '4294967297', '-1']]],
    ['smallint results are truncated to 16 bits (PostgreSQL int2shl)', 'select 12::smallint << 14, 3::smallint << 14', [['0', '-16384']]],
    ['mixed widths unify (int & bigint is bigint)', 'select 5 & 12::bigint, pg_typeof_check from (values (1)) t(pg_typeof_check)', [['4', '1']]],
    ['over a column with NULLs, with a selection', 'select c & 856, c # 856, c << 2, c >> 1 from (values (1), (null), (-7), (1000)) t(c) where c is distinct from 1',
      [[null, null, null, null], ['856', '-863', '-28', '-4'], ['840', '176', '4000', '500']]],
    ['float % float and float % int: the sign of the dividend (fmod)', 'select 7.5::float8 % 2, -7.5::float8 % 2, 5.5::real % 2::real', [['1.5', '-1.5', '1.5']]],
    ['bytea [NOT] LIKE a pattern constant matches bytes (PostgreSQL)', "select x'666f6f' like 'foo', x'666f6f' like 'f%', x'666f6f' not like '_o', x'626172' like 'b_'", [['t', 't', 't', 'f']]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  const errors: [string, string, string][] = [
    ['& on floats', 'select 1.5::float8 & 1', '42883'],
    ['float % 0', 'select 1.5::float8 % 0', '22012'],
    ['bytea ILIKE (PostgreSQL has none)', "select x'666f6f' ilike 'FOO'", '42883'],
  ];
  for (const [name, sql, code] of errors) {
    it(`error: ${name} (${code})`, async () => {
      await expect(query(engine, sql)).rejects.toMatchObject({ sqlState: code });
    });
  }
});
