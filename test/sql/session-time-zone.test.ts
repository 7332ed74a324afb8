/** The session time zone (SET TIME ZONE, SET timezone, DataFusion's datafusion.execution.time_zone) in casts, date_trunc and extract (issue 6). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../core/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { renderValue } from '../slt/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('session time zone', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  it('reads zone-less text and timestamps as wall-clock time in the zone; explicit offsets win', async () => {
    expect(await queryText(engine, "SET TIME ZONE = '+08'; SELECT TIMESTAMPTZ '2000-01-01T01:01:01', TIMESTAMPTZ '2000-01-01T01:01:01+07:00', TIMESTAMPTZ '2000-01-01T01:01:01Z', timestamp '2000-01-01 00:00'::timestamptz, (timestamptz '2000-01-01 20:00:00+00')::date, (timestamptz '2000-01-01 20:00:00+00')::timestamp"))
      .toEqual([['1999-12-31 17:01:01+00', '1999-12-31 18:01:01+00', '2000-01-01 01:01:01+00', '1999-12-31 16:00:00+00', '2000-01-02', '2000-01-02 04:00:00']]);
  });

  it('truncates and extracts on the wall clock of the zone', async () => {
    expect(await queryText(engine, "set timezone to '+07'; SELECT date_trunc('day', TIMESTAMPTZ '2000-01-01T01:01:01Z'), date_part('hour', TIMESTAMPTZ '2000-01-01T01:01:01Z'), extract(epoch from TIMESTAMPTZ '1970-01-01T00:00:01Z'), date_trunc('hour', TIMESTAMPTZ '2000-01-01T01:01:01')"))
      .toEqual([['1999-12-31 17:00:00+00', '8', '1.000000', '1999-12-31 18:00:00+00']]);
  });

  it("takes DataFusion's setting name, and RESET goes back to UTC", async () => {
    expect(await queryText(engine, "set datafusion.execution.time_zone = '+05:00'; show timezone")).toEqual([['+05:00']]);
    expect(await queryText(engine, "RESET datafusion.execution.time_zone; SELECT TIMESTAMPTZ '2000-01-01T01:01:01'")).toEqual([['2000-01-01 01:01:01+00']]);
  });

  it('checks the zone when it is set; LOCAL / DEFAULT are UTC, a bare number counts hours east', async () => {
    expect((await queryError(engine, "SET TIME ZONE 'Mars/Olympus'")).sqlState).toBe('22023');
    expect(await queryText(engine, 'SET TIME ZONE 8; SHOW timezone')).toEqual([['+08:00']]);
    expect(await queryText(engine, "SET TIME ZONE 'Europe/Paris'; SELECT TIMESTAMPTZ '2024-07-01 12:00'")).toEqual([['2024-07-01 10:00:00+00']]);
    expect(await queryText(engine, 'SET TIME ZONE LOCAL; SHOW timezone')).toEqual([['UTC']]);
  });

  it('the DataFusion sqllogictest dialect prints a timestamptz in the session zone', () => {
    const micros = 946_688_461_000_000n; // 2000-01-01T01:01:01Z
    expect(renderValue(micros, T.timestamptz, 'P', 'datafusion', '+08')).toBe('2000-01-01T09:01:01+08:00');
    expect(renderValue(micros, T.timestamptz, 'P', 'datafusion', 'America/New_York')).toBe('1999-12-31T20:01:01-05:00');
    expect(renderValue(micros, T.timestamptz, 'P', 'datafusion', 'UTC')).toBe('2000-01-01T01:01:01Z');
    expect(renderValue(micros, T.timestamptz, 'P', 'datafusion')).toBe('2000-01-01T01:01:01Z');
    expect(renderValue(2_933_289, T.date, 'D', 'datafusion')).toBe('+10001-01-27'); // chrono signs years past 9999
    expect(renderValue(0, T.date, 'D', 'datafusion')).toBe('1970-01-01');
  });
});

describe('session time zones of concurrent sessions', () => {
  it('each statement binds with its own session\'s zone while other sessions plan in between', async () => {
    const berlin = await createLocalEngine();
    const utc = await createLocalEngine();
    try {
      await queryText(berlin, "SET TIME ZONE 'Europe/Berlin'");
      await queryText(berlin, 'CREATE TABLE tz_probe AS SELECT 1 AS x');
      await queryText(utc, 'CREATE TABLE tz_probe AS SELECT 1 AS x');
      // a table reference makes binding await the catalog, so the statements of both sessions interleave
      const sql = "SELECT TIMESTAMPTZ '2024-07-01 12:00' FROM tz_probe";
      const runs = Array.from({ length: 16 }, (_, i) => queryText(i % 2 === 0 ? berlin : utc, sql));
      const results = await Promise.all(runs);
      results.forEach((rows, i) => expect(rows).toEqual([[i % 2 === 0 ? '2024-07-01 10:00:00+00' : '2024-07-01 12:00:00+00']]));
    } finally {
      await berlin.close();
      await utc.close();
    }
  });
});
