/** The `time` type end to end: input/output, casts, ordering, grouping, arithmetic, extract, errors (PostgreSQL results). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { T, parseValue, formatValue } from '../../core/index.ts';
import { call, lit } from '../../planner/index.ts';
import { dataTypeFromProto, dataTypeToProto, exprFromProto, exprToProto } from '../../planner/serde/index.ts';
import { query, queryText } from '../support/results.ts';

describe('time type', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[][]][] = [
    ['literals and text output', "select time '12:34:56.789', '01:02'::time, '04:05 PM'::time, '24:00:00'::time, time '23:59:59.9999999'",
      [['12:34:56.789', '01:02:00', '16:05:00', '24:00:00', '24:00:00']]],
    ['casts', "select cast(timestamp '2020-01-01 10:11:12.5' as time), cast(time '01:30' as interval), cast(interval '25 hours 5 minutes' as time), cast(time '10:00' as text)",
      [['10:11:12.5', '01:30:00', '01:05:00', '10:00:00']]],
    ['ORDER BY with NULLs', "select t from (values (time '10:00'), (null), (time '09:00:00.5'), (time '00:00')) v(t) order by t",
      [['00:00:00'], ['09:00:00.5'], ['10:00:00'], [null]]],
    ['GROUP BY, DISTINCT, min/max', "select t, count(*) from (values (time '10:00'), (time '09:00'), (time '10:00')) v(t) group by t order by t",
      [['09:00:00', '1'], ['10:00:00', '2']]],
    ['comparisons with string constants', "select time '10:00' < time '11:00', time '10:00' = '10:00:00', time '10:00' between '09:00' and '10:30'",
      [['t', 't', 't']]],
    ['time ± interval wraps around midnight', "select time '10:00' + interval '3 hours', time '22:00' + interval '3 hours', time '01:00' - interval '2 hours', interval '1 hour' + time '23:30', time '23:59:59.999999' + interval '1 day'",
      [['13:00:00', '01:00:00', '23:00:00', '00:30:00', '23:59:59.999999']]],
    ['time - time and date + time', "select time '10:00' - time '09:30', time '01:00' - time '03:00', date '2001-09-28' + time '03:00', time '03:00' + date '2001-09-28'",
      [['00:30:00', '-02:00:00', '2001-09-28 03:00:00', '2001-09-28 03:00:00']]],
    ['extract and date_part', "select extract(hour from time '10:11:12.5'), extract(second from time '10:11:12.5'), date_part('minute', time '10:11:12'), extract(epoch from time '01:00')",
      [['10', '12.500000', '11', '3600.000000']]],
    ['make_time and to_time', "select make_time(8, 15, 23.5), to_time('12:30:45.123'), to_time('02:30:45 PM', '%I:%M:%S %p'), to_time(timestamp '2024-03-20 09:15:30')",
      [['08:15:23.5', '12:30:45.123', '14:30:45', '09:15:30']]],
    ['RANGE frames with interval offsets over a time key', "select t, count(*) over (order by t range between interval '1 hour' preceding and current row) from (values (time '10:00'), (time '10:30'), (time '11:15'), (time '13:00')) v(t) order by t",
      [['10:00:00', '1'], ['10:30:00', '2'], ['11:15:00', '2'], ['13:00:00', '1']]],
    ['precision typmods round half away from zero', "select timestamp '2020-01-01 10:00:00.56789'::timestamp(0), timestamp '2020-01-01 10:00:00.56789'::timestamp(2), '23:59:59.7'::time(0), cast(time '10:00:00.123456' as time(3)), timestamp '1960-01-01 00:00:00.5'::timestamp(0)",
      [['2020-01-01 10:00:01', '2020-01-01 10:00:00.57', '24:00:00', '10:00:00.123', '1960-01-01 00:00:00']]],
    ['to_char of a time (through interval)', "select to_char(time '14:05:06.5', 'HH24:MI:SS.MS'), to_char(time '14:05:06', 'HH12 AM')", [['14:05:06.500', '02 PM']]],
    ['CTAS-free VALUES join on time keys', "select a.x from (values (time '10:00', 1), (time '11:00', 2)) a(t, x) join (values (time '11:00')) b(t) on a.t = b.t",
      [['2']]],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => {
      expect(await queryText(engine, sql)).toEqual(expected);
    });
  }

  const errors: [string, string, string][] = [
    ['bad syntax', "select '1'::time", '22007'],
    ['hour out of range', "select '25:00'::time", '22008'],
    ['minute out of range', "select '14:70:04'::time", '22008'],
    ['make_time out of range', 'select make_time(25, 0, 0)', '22008'],
    ['extract of a date field', "select extract(day from time '10:00')", '22023'],
    ['time + time', "select time '10:00' + time '01:00'", '42883'],
  ];
  for (const [name, sql, code] of errors) {
    it(`error: ${name} (${code})`, async () => {
      await expect(query(engine, sql)).rejects.toMatchObject({ sqlState: code });
    });
  }

  it('a Delta table stores time and interval columns (tagged long / binary) and reads them back', async () => {
    await query(engine, 'create table time_col_tbl(t time, iv interval)');
    await query(engine, "insert into time_col_tbl values ('20:08:10.33', interval '1 year 2 days 00:00:01.5'), (null, null), ('00:01:20', interval '-3 hours')");
    expect(await queryText(engine, 'select t, iv from time_col_tbl order by t')).toEqual([['00:01:20', '-03:00:00'], ['20:08:10.33', '1 year 2 days 00:00:01.5'], [null, null]]);
    await query(engine, "update time_col_tbl set iv = iv * 2 where t = '00:01:20'");
    expect(await queryText(engine, "select extract(hour from iv) from time_col_tbl where t < '01:00'")).toEqual([['-6']]);
  });

  it('values round-trip through text and the plan wire format', () => {
    const v = parseValue('07:08:09.123456', T.time);
    expect(v).toBe(25_689_123_456n);
    expect(formatValue(v, T.time)).toBe('07:08:09.123456');
    expect(dataTypeFromProto(dataTypeToProto(T.time))).toEqual(T.time);
    const e = call('time_add_interval', [lit(v, T.time), lit({ months: 0, days: 0, micros: 1 }, T.interval), lit(1, T.int32)], T.time);
    expect(exprFromProto(exprToProto(e), { openSource: () => { throw new Error('no scans'); } })).toEqual(e);
  });
});
