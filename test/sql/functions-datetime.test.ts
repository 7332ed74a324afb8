/** date_bin, timezone()/AT TIME ZONE, chrono-format parsing, nvl/nvl2, regexp_extract, encode/decode/digest and Spark's number → timestamp casts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('date/time and conversion functions', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['date_bin (PostgreSQL 14 examples, origin before and after the source)',
      "select date_bin('15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01'), date_bin('15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01 00:02:30'), date_bin(interval '15 minutes', timestamp '2022-08-03 14:38:50', timestamp '2022-08-03 14:40:00'), date_bin('7 days', timestamp '2022-08-03 14:38:50', timestamp '1970-01-01')",
      [['2020-02-11 15:30:00', '2020-02-11 15:32:30', '2022-08-03 14:25:00', '2022-07-28 00:00:00']]],
    ['date_bin over a column, two-argument form, timestamptz and time',
      "select date_bin('1 hour', t), date_bin('1 hour', t::timestamptz, timestamptz '2000-01-01 00:30:00+00'), date_bin('15 minutes', t::time, time '00:00') from (values (timestamp '2024-05-06 07:08:09'), (null)) v(t)",
      [['2024-05-06 07:00:00', '2024-05-06 06:30:00+00', '07:00:00'], [null, null, null]]],
    ['date_bin with month strides (DataFusion: calendar months from the origin, month ends clamped)',
      "select date_bin('1 month', timestamp '2022-03-31 00:00:00', timestamp '1970-12-31 00:15:00'), date_bin('3 month', timestamp '2022-04-01', timestamp '2021-05-31 00:04:00'), date_bin('1 month', timestamp '2000-01-31', timestamp '2000-02-29'), date_bin('3 years 1 month', timestamp '2022-09-01')",
      [['2022-02-28 00:15:00', '2022-02-28 00:04:00', '2000-01-29 00:00:00', '2022-06-01 00:00:00']]],
    ['timezone() and AT TIME ZONE (session zone UTC)',
      "select timestamp '2024-03-20 09:15:30' at time zone 'America/Los_Angeles', timestamptz '2024-03-20 09:15:30+00' at time zone 'Asia/Kolkata', timezone('+05:00', timestamptz '2024-01-01 00:00:00+00'), timestamp '2024-01-15 12:00:00' at time zone 'Europe/Paris'",
      [['2024-03-20 16:15:30+00', '2024-03-20 14:45:30', '2024-01-01 05:00:00', '2024-01-15 11:00:00+00']]],
    ['to_date / to_timestamp with one or several chrono formats',
      "select to_date('2020-09-08'), to_date('2020/09/08', '%Y-%m-%d', '%Y/%m/%d'), to_timestamp('08-09-2020 12:13:14.5', '%d-%m-%Y %H:%M:%S%.f'), to_timestamp('2020-09-08T12:13:14+02:00', '%Y-%m-%dT%H:%M:%S%:z'), to_date(timestamp '2020-01-02 03:04:05')",
      [['2020-09-08', '2020-09-08', '2020-09-08 12:13:14.5+00', '2020-09-08 10:13:14+00', '2020-01-02']]],
    ['several formats mixing chrono and PostgreSQL templates, a format column, %+ and %#z',
      "select to_date(t, f), to_date('2020-09-08 12/00/00+00:00', '%Y-%m-%dT%H', '%Y-%m-%d %H/%M/%S%#z'), to_timestamp('2020-09-08T12:00:00+02:00', '%+') from (values ('2020-09-08', '%Y-%m-%d'), ('08 Sep 2020', 'DD Mon YYYY')) v(t, f)",
      [['2020-09-08', '2020-09-08', '2020-09-08 10:00:00+00'], ['2020-09-08', '2020-09-08', '2020-09-08 10:00:00+00']]],
    ['date_trunc on time, today(), to_timestamp(timestamp)',
      "select date_trunc('hour', time '10:11:12'), date_trunc('second', t), today() = current_date, to_timestamp(timestamp '2020-01-01') from (values (time '01:02:03.5')) v(t)",
      [['10:00:00', '01:02:03', 't', '2020-01-01 00:00:00+00']]],
    ['to_timestamp(text), long fractions', "select to_timestamp('2024-01-15 14:30:45'), to_timestamp('1.5'), timestamp '2001-04-20 14:42:11.12300000000000000000'",
      [['2024-01-15 14:30:45+00', '1970-01-01 00:00:01.5+00', '2001-04-20 14:42:11.123']]],
    ['nvl and nvl2 (Spark)', "select nvl(null, 2), nvl(1, 2), nvl2(1, 'a', 'b'), nvl2(null, 'a', 'b'), nvl(null::text, 'x')",
      [['2', '1', 'a', 'b', 'x']]],
    ['regexp_extract (Spark: group 1 by default, empty when nothing matches)',
      "select regexp_extract('100-200', '(\\d+)-(\\d+)', 2), regexp_extract('100-200', '(\\d+)-(\\d+)'), regexp_extract('foo', 'x(\\d)', 1), regexp_extract('100-200', '(\\d+)', 0)",
      [['200', '100', '', '100']]],
    ['encode, decode, digest', "select encode('abc'::bytea, 'hex'), encode('abc'::bytea, 'base64'), decode('616263', 'hex'), convert_from_hex, encode(digest('abc', 'sha256'), 'hex'), encode(digest('abc', 'md5'), 'hex'), encode(digest('', 'blake2b'), 'hex') from (select encode(decode('YWJj', 'base64'), 'escape') as convert_from_hex) s",
      [['616263', 'YWJj', '\\x616263', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', '900150983cd24fb0d6963f7d28e17f72', '786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce']]],
    ['Spark casts of numbers to timestamps (seconds since the epoch)',
      'select cast(1 as timestamp), cast(1.5::float8 as timestamp), cast(-1.25 as timestamp), cast(86400::bigint as timestamptz)',
      [['1970-01-01 00:00:01', '1970-01-01 00:00:01.5', '1969-12-31 23:59:58.75', '1970-01-02 00:00:00+00']]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  const errors: [string, string, string][] = [
    ['date_bin with months and days in the stride', "select date_bin('1 month 1 day', timestamp '2020-01-01', timestamp '2000-01-01')", '0A000'],
    ['date_bin with a zero stride', "select date_bin('0 minutes', timestamp '2020-01-01', timestamp '2000-01-01')", '22008'],
    ['date_bin of a time with a stride of a day or more', "select date_bin('7 days', time '10:00', time '00:00')", '22023'],
    ['date_trunc of a time to a day', "select date_trunc('day', time '10:00')", '22023'],
    ['a date past PostgreSQL\'s range', "select '5881580-07-11'::date", '22008'],
    ['unknown time zone', "select timestamp '2020-01-01' at time zone 'Mars/Olympus'", '22023'],
    ['no chrono format matches', "select to_date('2020.01.01', '%Y-%m-%d', '%Y/%m/%d')", '22007'],
    ['invalid hex', "select decode('6g', 'hex')", '22023'],
    ['unknown digest', "select digest('abc', 'whirlpool')", '22023'],
    ['number to timestamp needs an explicit cast', 'select date_bin(interval \'1 hour\', 1)', '42883'],
  ];
  for (const [name, sql, code] of errors) {
    it(`error: ${name} (${code})`, async () => {
      await expect(query(engine, sql)).rejects.toMatchObject({ sqlState: code });
    });
  }
});
