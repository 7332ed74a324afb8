/**
 * Scalar functions Spark/Databricks users expect beyond PostgreSQL's (log2, signum, ifnull,
 * nanvl, substring_index, find_in_set, ends_with, levenshtein) and PostgreSQL's numeric
 * gcd/lcm and SIMILAR TO, end to end with Spark's (or PostgreSQL's) values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('Spark scalar functions', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['log2 of integers, decimals and NULL', 'select log2(8), log2(1), round(log2(2.0/3)::numeric, 6), log2(null)', [['3', '0', '-0.584963', null]]],
    ['signum is sign', 'select signum(-2), signum(0), signum(2.5)', [['-1', '0', '1']]],
    ['ifnull is nvl', "select ifnull(null, 3), ifnull(1, 3), ifnull(null::text, 'x')", [['3', '1', 'x']]],
    ['nanvl reads its second argument only for NaN', "select nanvl(2, null), nanvl(null, 1), nanvl('NaN'::float8, 5), nanvl('NaN'::float8, null)",
      [['2', null, '5', null]]],
    ['gcd/lcm over numeric (PostgreSQL 13)', 'select gcd(-15::numeric(38,0), -3::numeric(38,0)), lcm(2::numeric(38,0), 3::numeric(38,0)), gcd(15.3::numeric(5,1), 2.9::numeric(5,1)), gcd(2, 3.0), lcm(1.5, 0.4)',
      [['3', '6', '0.1', '1.0', '6.0']]],
    ['substring_index / substr_index', "select substring_index('www.apache.org', '.', 2), substring_index('www.apache.org', '.', -2), substr_index('Xiangpeng', 'a', 1), substring_index('abc', '.', 1), substring_index('a.b', '.', 0), substring_index('a.b', '.', -5)",
      [['www.apache', 'apache.org', 'Xi', 'abc', '', 'a.b']]],
    ['find_in_set', "select find_in_set('b', 'a,b,c'), find_in_set('x', 'a,b,c'), find_in_set('a,b', 'a,b,c'), find_in_set(null, 'a')", [['2', '0', '0', null]]],
    ['ends_with / endswith', "select ends_with('Andrew', 'w'), endswith('Andrew', 'x'), ends_with('datafusionДатаФусион', 'ион')", [['t', 'f', 't']]],
    ['levenshtein counts characters', "select levenshtein('kitten', 'sitting'), levenshtein('', 'abc'), levenshtein('datafusion数据融合', 'datafusion📊🔥'), levenshtein('a', null)",
      [['3', '3', '4', null]]],
    ['SIMILAR TO (PostgreSQL): % and _, alternation, a literal dot, ESCAPE', "select 'p1e1' similar to 'p[12]%', 'abc' similar to '%(b|d)%', 'abc' not similar to 'a_c', 'abc' similar to 'a.c', 'a.c' similar to 'a.c', 'a%c' similar to 'a#%c' escape '#', 'abc' similar to 'a#%c' escape '#', null similar to 'a'",
      [['t', 't', 'f', 'f', 't', 't', 'f', null]]],
    ['regular expressions with Unicode property classes (\\p{L}, \\p{Letter}, a script name alone)', "select regexp_replace('Düsseldorf', '[\\p{Letter}-]+', 'X', 'g'), regexp_count('Москва Köln', '[\\p{L}-]+'), 'إسرائيل' ~ '^\\p{Arabic}+$', 'abc' ~ '\\P{Lu}'",
      [['X', '2', 't', 't']]],
    ['regexp_replace replacement: \\1 a group, \\& the match, \\\\ one backslash (PostgreSQL)', "select regexp_replace('foobarbaz', 'b(..)', 'X\\1Y', 'g'), regexp_replace('foobarbaz', 'b(..)', 'X\\\\1Y', 'g'), regexp_replace('abc', 'b', '[\\&]')",
      [['fooXarYXazY', 'fooX\\1YX\\1Y', 'a[b]c']]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  const errors: [string, string, string][] = [
    ['log2 of zero', 'select log2(0)', '2201E'],
    ['log2 of a text column', "select log2(x) from (values ('a')) t(x)", '42883'],
    ['concat() without arguments (PostgreSQL has no such function)', 'select concat()', '42883'],
    ['pi() takes no argument', 'select pi(3.14)', '42883'],
    ['lcm beyond the precision', 'select lcm(99999999999999999999::numeric(20,0), 99999999999999999998::numeric(20,0))', '22003'],
  ];
  for (const [name, sql, code] of errors) {
    it(`error: ${name} (${code})`, async () => {
      await expect(query(engine, sql)).rejects.toMatchObject({ sqlState: code });
    });
  }
});
