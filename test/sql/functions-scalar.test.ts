/** PostgreSQL's string, math, date/time and conditional functions end to end, with the values PostgreSQL returns. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('scalar functions (PostgreSQL results)', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[]][] = [
    ['concat, concat_ws, format', "select concat('abcde', 2, null, 22), concat_ws(',', 'abcde', 2, null, 22), format('Hello %s, %I, %L', 'World', 'My Col', 'O''Reilly')",
      ['abcde222', 'abcde,2,22', `Hello World, "My Col", 'O''Reilly'`]],
    ['left, right, lpad, rpad, repeat, reverse', "select left('abcde', 2), right('abcde', -2), lpad('hi', 5, 'xy'), rpad('hi', 5, 'xy'), repeat('Pg', 4), reverse('abcde')",
      ['ab', 'cde', 'xyxhi', 'hixyx', 'PgPgPgPg', 'edcba']],
    ['split_part, string_to_array, translate, initcap', "select split_part('abc~@~def~@~ghi', '~@~', 2), split_part('abc,def,ghi', ',', -1), string_to_array('xx~~yy~~zz', '~~', 'yy'), translate('12345', '143', 'ax'), initcap('hi THOMAS')",
      ['def', 'ghi', '{xx,NULL,zz}', 'a2x5', 'Hi Thomas']],
    ['md5, ascii, chr, starts_with, strpos, overlay', "select md5('abc'), ascii('x'), chr(65), starts_with('alphabet', 'alph'), strpos('high', 'ig'), overlay('Txxxxas' placing 'hom' from 2 for 4)",
      ['900150983cd24fb0d6963f7d28e17f72', '120', 'A', 't', '2', 'Thomas']],
    ['regular expressions', "select regexp_replace('Thomas', '.[mN]a.', 'M'), regexp_replace('fooBarbaz', 'b..', 'X', 'gi'), regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_like('Hello World', 'world$', 'i')",
      ['ThM', 'fooXX', '{bar,beque}', 't']],
    ['abs, sign, round, trunc, floor, ceil', 'select abs(-17.4), sign(-8.4), round(42.4382, 2), round(-42.5), trunc(42.4382, 2), trunc(-42.8), floor(-42.8), ceil(-42.8)',
      ['17.4', '-1', '42.44', '-43', '42.43', '-42', '-43', '-42']],
    ['power, sqrt, cbrt, exp, ln, log, log10, mod', 'select power(9, 3), sqrt(2::float8), cbrt(64.0), exp(1.0::float8), ln(2.0::float8), log(2.0, 64.0), log10(1000::float8), mod(9, 4)',
      ['729', '1.4142135623730951', '4', '2.718281828459045', '0.6931471805599453', '6', '3', '1']],
    ['pi, degrees, radians, trigonometry, width_bucket', 'select pi(), degrees(0.5), radians(45.0), atan2(1, 0), cot(0.5), width_bucket(5.35, 0.024, 10.06, 5)',
      ['3.141592653589793', '28.64788975654116', '0.7853981633974483', '1.5707963267948966', '1.830487721712452', '3']],
    ['date_trunc, date_part, extract', "select date_trunc('hour', timestamp '2001-02-16 20:38:40'), date_trunc('year', timestamp '2001-02-16 20:38:40'), date_part('hour', timestamp '2001-02-16 20:38:40'), extract(dow from timestamp '2001-02-16 20:38:40'), extract(isodow from date '2001-02-18')",
      ['2001-02-16 20:00:00', '2001-01-01 00:00:00', '20', '5', '7']],
    ['age, make_date, make_timestamp, justify', "select age(timestamp '2001-04-10', timestamp '1957-06-13'), make_date(2013, 7, 15), make_timestamp(2013, 7, 15, 8, 15, 23.5), justify_days(interval '35 days'), justify_hours(interval '27 hours'), justify_interval(interval '1 mon -1 hour')",
      ['43 years 9 mons 27 days', '2013-07-15', '2013-07-15 08:15:23.5', '1 mon 5 days', '1 day 03:00:00', '29 days 23:00:00']],
    ['to_char, to_date, to_timestamp', "select to_char(timestamp '2002-04-20 17:31:12.66', 'HH12:MI:SS'), to_char(125.8::real, '999D9'), to_char(timestamp '2020-02-03', 'FMMonth FMDDth'), to_date('05 Dec 2000', 'DD Mon YYYY'), to_timestamp('05 Dec 2000', 'DD Mon YYYY')",
      ['05:31:12', ' 125.8', 'February 3rd', '2000-12-05', '2000-12-05 00:00:00+00']],
    ['to_number, to_date without separators, extract(timezone)', "select to_number('12,454.8-', '99G999D9S'), to_date('20200315', 'YYYYMMDD'), extract(timezone from timestamptz '2020-01-01 00:00:00+00')",
      ['-12454.8', '2020-03-15', '0']],
    ['round far beyond the digits', "select round(1.0, -2147483648), round(42::float8, -1000), round(42.1235::float8, 1000)",
      ['0', '0', '42.1235']],
    ['interval arithmetic', "select date '2001-09-28' + interval '1 hour', timestamp '2001-09-28 01:00' + interval '23 hours', interval '1 day' - interval '1 hour', 21 * interval '1 day', date '2001-10-01' - date '2001-09-28'",
      ['2001-09-28 01:00:00', '2001-09-29 00:00:00', '1 day -01:00:00', '21 days', '3']],
    ['extract(milliseconds) counts the seconds field in ms', "select extract(milliseconds from timestamp '2020-01-01 00:00:33.42'), extract(microseconds from interval '1 minute 2.5 seconds'), extract(julian from date '2021-01-01')",
      ['33420.000', '2500000', '2459216']],
    ['^@, gcd, lcm, factorial, to_hex', "select 'alphabet' ^@ 'alph', gcd(1071, 462), lcm(1071, 462), factorial(20), to_hex(2147483647)",
      ['t', '21', '23562', '2432902008176640000', '7fffffff']],
    ['Spark spellings: if, instr, contains, round(double, n), <=>', "select if(1 > 2, 'a', 'b'), instr('hello', 'll'), contains('hello', 'ell'), round(1.2345::float8, 2), null <=> null",
      ['b', '3', 't', '1.23', 't']],
    ['GREATEST, LEAST, NULLIF, COALESCE', "select greatest(1, 2.5, null), least('b', 'a', null), nullif(1, 1), nullif('a', 'b'), coalesce(null, 2, 3)",
      ['2.5', 'a', null, 'a', '2']],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual([expected]);
    });
  }

  const errors: [string, string, string][] = [
    ['integer overflow', 'select 2147483647::int + 1', '22003'],
    ['square root of a negative number', 'select sqrt(-1::float8)', '2201F'],
    ['logarithm of a negative number', 'select ln(-1::float8)', '2201E'],
    ['logarithm of zero', 'select log10(0::float8)', '2201E'],
    ['width_bucket with equal bounds', 'select width_bucket(1, 2, 2, 3)', '2201G'],
    ['format with too few arguments', "select format('%s %s', 1)", '22023'],
    ['make_date out of range', 'select make_date(2013, 2, 30)', '22008'],
    ['COALESCE of integer and text', "select coalesce(1, 'a')", '22P02'],
  ];
  for (const [name, sql, code] of errors) {
    it(`error: ${name} (${code})`, async () => {
      await expect(query(engine, sql)).rejects.toMatchObject({ sqlState: code });
    });
  }

  it('random() is in [0, 1) and changes per row', async () => {
    const rows = await queryText(engine, 'select random() from (values (1), (2), (3), (4)) t(x)');
    const values = rows.map((r) => Number(r[0]));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it('now(), current_date and current_timestamp agree', async () => {
    const [[same, day]] = await queryText(engine, 'select now() = current_timestamp, current_date = now()::date') as [[string, string]];
    expect([same, day]).toEqual(['t', 't']);
  });
});
