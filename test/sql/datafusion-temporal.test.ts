/**
 * DataFusion's temporal conveniences (issue 6): arrow_cast to Timestamp/Time/Duration types, to_date of a day
 * count, make_date/make_time of text, chrono to_char, INTERVAL '8' MILLISECONDS, current_date().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('DataFusion temporal functions', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['arrow_cast of an integer to Timestamp(unit) counts units since the epoch (nanoseconds floored to µs)',
      "select arrow_cast(1599572549190855123, 'Timestamp(ns)'), arrow_cast(1599572549190855, 'Timestamp(µs)'), arrow_cast(1599572549190, 'Timestamp(ms)'), arrow_cast(1599572549, 'Timestamp(s)'), arrow_cast(-1, 'Timestamp(Nanosecond)'), arrow_cast(1599572549, 'Timestamp(Second, Some(\"UTC\"))')",
      [['2020-09-08 13:42:29.190855', '2020-09-08 13:42:29.190855', '2020-09-08 13:42:29.19', '2020-09-08 13:42:29', '1969-12-31 23:59:59.999999', '2020-09-08 13:42:29+00']]],
    ['arrow_cast of a timestamp or text to a coarser unit truncates; NULL stays NULL',
      "select arrow_cast(timestamp '2023-08-03 14:38:50.123456', 'Timestamp(s)'), arrow_cast('2023-08-03 14:38:50.123456', 'Timestamp(ms)'), arrow_cast(null, 'Timestamp(ns)')",
      [['2023-08-03 14:38:50', '2023-08-03 14:38:50.123', null]]],
    ['arrow_cast to Time32/Time64, Duration and Interval',
      "select arrow_cast(12345::int, 'Time32(Second)'), arrow_cast(12344567890000, 'Time64(Nanosecond)'), arrow_cast('03:00:00.123', 'Time32(Millisecond)'), arrow_cast(123456, 'Duration(Second)'), arrow_cast('60 minutes', 'Interval(DayTime)')",
      [['03:25:45', '03:25:44.56789', '03:00:00.123', '34:17:36', '01:00:00']]],
    ['a table created from arrow_cast timestamps keeps the values',
      "create table ts_units as select arrow_cast(ts / 1000, 'Timestamp(µs)') as ts from (values (1599572549190855123)) v(ts); select date_trunc('day', ts), ts from ts_units",
      [['2020-09-08 00:00:00', '2020-09-08 13:42:29.190855']]],
    ['to_date of a number: days since 1970-01-01, fractions truncated toward zero, formats ignored',
      "select to_date(19::smallint), to_date(-1), to_date(191234::bigint), to_date(19260.1::real), to_date(-1.1::double precision), to_date(0 - 1.1::numeric(10,2)), to_date(1, '%+', '%s'), to_date(null::int)",
      [['1970-01-20', '1969-12-31', '2493-07-31', '2022-09-25', '1969-12-31', '1969-12-31', '1970-01-02', null]]],
    ['make_date / make_time of text and numeric parts',
      "select make_date(y, m, d), make_time(m, d, '4'), make_date(null, 1::bigint, 14::numeric), make_time(22::numeric(20), 1::numeric(20), 27::numeric(20)) from (values ('2024', '1', '23'), ('2023', null, '30')) t(y, m, d)",
      [['2024-01-23', '01:23:04', null, '22:01:27'], [null, null, null, '22:01:27']]],
    ['to_char / date_format with chrono formats (dates, times, timestamps, a format column)',
      "select to_char('2000-02-03'::date, '%Y:%d:%m'), to_char(time '23:45:01', '%H-%M-%S'), to_char(timestamp '2020-01-01 00:10:20.123456', '%Y-%m-%d %H:%M:%S%.3f|%.f|%f|%a %b %e %j %U %V|%-m/%-d|%+'), date_format(date '2020-09-01', '%Y-%m-%d'), date_format(d, f), to_char(d, null) from (values (date '2001-02-03', '%d:%m:%Y')) v(d, f)",
      [['2000:03:02', '23-45-01', '2020-01-01 00:10:20.123|.123456|123456000|Wed Jan  1 001 00 01|1/1|2020-01-01T00:10:20.123456+00:00', '2020-09-01', '03:02:2001', null]]],
    ["INTERVAL 'n' <unit> for units PostgreSQL has no qualifier for, and whole-microsecond nanoseconds",
      "select timestamp '2018-07-01 06:00:00' - INTERVAL '8' MILLISECONDS, interval '3' days, interval '2' weeks, interval '1 day 7000 nanoseconds', 'interval ''8'' days'",
      [['2018-07-01 05:59:59.992', '3 days', '14 days', '1 day 00:00:00.000007', "interval '8' days"]]],
    ['current_date() and current_time() with empty parentheses', 'select current_date() = current_date, current_time() is not null',
      [['t', 't']]],
    ['to_timestamp(number, formats…) ignores the formats (seconds since the epoch)',
      "select to_timestamp(1926632005, '%s'), to_timestamp(-1, '%c', '%+', '%s'), to_timestamp(123.5, f) from (values ('foo')) v(f)",
      [['2031-01-19 23:33:25+00', '1969-12-31 23:59:59+00', '1970-01-01 00:02:03.5+00']]],
    ['AT TIME ZONE keeps the fraction of a second (the zone offset is whole seconds)',
      "select '2020-01-01 00:10:20.123'::timestamp at time zone 'America/New_York', timestamptz '2020-01-01 05:10:20.123+00' at time zone 'America/New_York'",
      [['2020-01-01 05:10:20.123+00', '2020-01-01 00:10:20.123']]],
    ['CAST(number AS timestamp(3|6|9)) counts milli/micro/nanoseconds; timestamp(0) and plain casts read seconds',
      'select cast(cast(1.125 as double precision) as timestamp(3)), cast(one as timestamp(6)), cast(cast(1 as numeric(17,2)) as timestamp(3)), cast(1999 as timestamp(9)), cast(1 as timestamp(0)), cast(1 as timestamp) from (values (2)) t(one)',
      [['1970-01-01 00:00:00.001', '1970-01-01 00:00:00.000002', '1970-01-01 00:00:00.001', '1970-01-01 00:00:00.000001', '1970-01-01 00:00:01', '1970-01-01 00:00:01']]],
    ["from_unixtime(n, zone) is the instant (DataFusion); with a Java pattern it stays Spark's text",
      "SELECT from_unixtime(1599572549, 'America/New_York'), from_unixtime(1599572549, 'UTC'), from_unixtime(1599572549, 'yyyy-MM-dd')",
      [['2020-09-08 13:42:29+00', '2020-09-08 13:42:29+00', '2020-09-08']]],
    ['a text column compared with a date, time or timestamp reads the text as that type (Spark, DataFusion)',
      "select t = '2024-08-09T12:13:14'::timestamp, d = '2024-08-08'::date, tm = '12:13:14'::time, timestamp '2020-09-08 12:00:01' > from_unixtime(1599566400) from (values ('2024-08-09T12:13:14', '2024-08-09', '12:13:14')) v(t, d, tm)",
      [['t', 'f', 't', 't']]],
    ['a date plus or minus an unsigned BIGINT (numeric(20)) day count',
      "SELECT 7::bigint unsigned + '2001-09-28'::date, date '2001-09-28' - 7::numeric(20), date '2001-09-28' + 2",
      [['2001-10-05', '2001-09-21', '2001-09-30']]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  it('rejects unknown chrono specifiers and nanoseconds that are not whole microseconds', async () => {
    expect((await queryError(engine, "select to_char(timestamp '2020-01-01', '%X%K')")).sqlState).toBe('22007');
    expect((await queryError(engine, "select interval '1 month 5 nanoseconds'")).sqlState).toBe('22007');
    expect((await queryError(engine, "select timestamptz '2022-01-01T01:10:00+42:00'")).sqlState).toBe('22007');
    expect((await queryError(engine, "select 'abc'::text = date '2020-01-01'")).sqlState).toBe('22007');
  });
});
