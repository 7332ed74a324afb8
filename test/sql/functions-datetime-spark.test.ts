/** Spark / Databricks SQL date functions and hashes (the values Spark returns). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { javaPatternToTemplate } from '../../planner/index.ts';
import { queryText } from '../support/results.ts';

describe('Spark date functions', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['field functions', "select year(d), month(d), day(d), dayofmonth(d), quarter(d), dayofweek(d), dayofyear(d), weekofyear(d), hour(t), minute(t), second(t) from (values (date '2020-03-04', timestamp '2020-03-04 05:06:07.9')) v(d, t)",
      [['2020', '3', '4', '4', '1', '4', '64', '10', '5', '6', '7']]],
    ['strings are read as dates', "select year('2021-12-31'), dayofweek('2024-06-09')", [['2021', '1']]],
    ['date arithmetic', "select date_add(date '2020-03-04', 3), date_sub(date '2020-03-04', 3), datediff(date '2020-03-04', date '2020-02-01'), add_months(date '2020-01-31', 1), add_months('2020-03-31', -1), last_day(date '2020-02-04'), last_day('2021-12-15')",
      [['2020-03-07', '2020-03-01', '32', '2020-02-29', '2020-02-29', '2020-02-29', '2021-12-31']]],
    ['date_add with an interval (DuckDB) gives a timestamp', "select date_add(date '2008-12-25', interval '5 day'), date_sub(timestamp '2008-12-25 01:00', interval '1 hour')",
      [['2008-12-30 00:00:00', '2008-12-25 00:00:00']]],
    ['epoch conversions', "select unix_timestamp(timestamp '2020-03-04 05:06:07'), timestamp_seconds(1), timestamp_millis(1500), timestamp_micros(2), unix_date(date '1970-01-02'), date_from_unix_date(-1)",
      [['1583298367', '1970-01-01 00:00:01', '1970-01-01 00:00:01.5', '1970-01-01 00:00:00.000002', '1', '1969-12-31']]],
    ['from_unixtime (text), unix_seconds/millis/micros (floored), dayname, current_timezone',
      "select from_unixtime(0), from_unixtime(1599572549, 'yyyy/MM/dd'), to_unix_timestamp(timestamp '2020-01-01'), unix_seconds(timestamptz '1969-12-31 23:59:59.5+00'), unix_millis(timestamptz '2020-01-01 00:00:00.0015+00'), unix_micros(timestamp '1970-01-01 00:00:01'), current_timezone(), dayname(date '2024-06-09'), monthname(date '2024-06-09')",
      [['1970-01-01 00:00:00', '2020/09/08', '1577836800', '-1', '1577836800001', '1000000', 'UTC', 'Sun', 'June']]],
    ['date_format with Java patterns', "select date_format(timestamp '2020-03-04 15:06:07', 'yyyy-MM-dd HH:mm:ss'), date_format(date '2020-03-04', 'MMM d, yyyy'), date_format(timestamp '2020-03-04 15:06:07', 'hh:mm a')",
      [['2020-03-04 15:06:07', 'Mar 4, 2020', '03:06 PM']]],
    ['sha1, sha2 (hex text) and sha256 (bytea)', "select sha1('abc'), sha2('abc', 256), sha2('abc', 0) = sha2('abc', 256), sha2('abc', 1), sha256('abc'::bytea)",
      [['a9993e364706816aba3e25717850c26c9cd0d89d', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 't', null, '\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  it('Java patterns become to_char templates', () => {
    expect(javaPatternToTemplate("yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe('YYYY-MM-DD"T"HH24:MI:SS.MS');
    expect(() => javaPatternToTemplate('yyyy Q')).toThrow(/pattern letter "Q"/);
  });
});
