/** Value-level kernels of datetime-extra.ts: time arithmetic, date_bin, zones, chrono formats. */
import { describe, expect, it } from 'vitest';
import { T, parseValue } from '../../../core/index.ts';
import { dateBin, dateBinTime, localToUtc, makeTime, timeAddInterval, utcToLocal, zoneOffsetAt } from '../datetime-extra.ts';
import { chronoDate, chronoTime, chronoTimestamp, parseChrono } from '../chrono-format.ts';
import { parseWithFormat } from '../datetime-format.ts';

const ts = (s: string): bigint => parseValue(s, T.timestamp) as bigint;
const iv = (s: string) => parseValue(s, T.interval) as { months: number; days: number; micros: number };
const HOUR = 3_600_000_000n;

describe('datetime-extra kernels', () => {
  it('time ± interval wraps at midnight and ignores months and days', () => {
    expect(timeAddInterval(22n * HOUR, iv('3 hours'), 1)).toBe(HOUR);
    expect(timeAddInterval(HOUR, iv('2 hours'), -1)).toBe(23n * HOUR);
    expect(timeAddInterval(HOUR, iv('1 month 2 days'), 1)).toBe(HOUR);
  });

  it('make_time checks its fields', () => {
    expect(makeTime(8, 15, 23.5)).toBe(8n * HOUR + 15n * 60_000_000n + 23_500_000n);
    expect(() => makeTime(24, 0, 1)).toThrow(/out of range/);
    expect(() => makeTime(1, 60, 0)).toThrow(/out of range/);
  });

  it('date_bin floors towards the origin on both sides and steps calendar months', () => {
    expect(dateBin(iv('15 minutes'), ts('2020-02-11 15:44:17'), ts('2001-01-01'))).toBe(ts('2020-02-11 15:30:00'));
    expect(dateBin(iv('15 minutes'), ts('1969-12-31 23:59:59'), 0n)).toBe(ts('1969-12-31 23:45:00'));
    expect(dateBin(iv('1 month'), ts('2022-03-31'), ts('1970-12-31 00:15'))).toBe(ts('2022-02-28 00:15'));
    expect(() => dateBin(iv('0 seconds'), 0n, 0n)).toThrow(/greater than zero/);
    expect(() => dateBinTime(iv('1 day'), 0n, 0n)).toThrow(/shorter than a day/);
  });

  it('time zones: fixed offsets, IANA zones with daylight saving time', () => {
    expect(zoneOffsetAt('+05:30', 0n)).toBe(5n * HOUR + 30n * 60_000_000n);
    expect(zoneOffsetAt('UTC', 0n)).toBe(0n);
    expect(zoneOffsetAt('Europe/Paris', ts('2024-01-15 12:00'))).toBe(HOUR);
    expect(zoneOffsetAt('Europe/Paris', ts('2024-07-15 12:00'))).toBe(2n * HOUR);
    expect(utcToLocal('America/Los_Angeles', ts('2024-03-20 16:15:30'))).toBe(ts('2024-03-20 09:15:30'));
    expect(localToUtc('America/Los_Angeles', ts('2024-03-20 09:15:30'))).toBe(ts('2024-03-20 16:15:30'));
    expect(() => zoneOffsetAt('Nowhere/Atlantis', 0n)).toThrow(/not recognized/);
    // PostgreSQL: a skipped wall-clock time takes the offset before the jump, a repeated one the offset after it
    expect(localToUtc('America/New_York', ts('2024-03-10 02:30'))).toBe(ts('2024-03-10 07:30'));
    expect(localToUtc('America/New_York', ts('2024-11-03 01:30'))).toBe(ts('2024-11-03 06:30'));
    expect(localToUtc('America/New_York', ts('2024-11-03 00:30'))).toBe(ts('2024-11-03 04:30'));
  });

  it('chrono formats: fields, AM/PM, fractions, offsets, and no partial matches', () => {
    expect(parseChrono('02:30:45 PM', '%I:%M:%S %p')).toMatchObject({ hour: 14, minute: 30, second: 45 });
    expect(parseChrono('2020-09-08', '%Y-%m-%d %H')).toBeNull();
    expect(chronoTimestamp('08 Sep 2020 12:13:14.25 +0200', ['%d %b %Y %H:%M:%S%.f %z'], parseWithFormat)).toBe(ts('2020-09-08 10:13:14.25'));
    expect(chronoTimestamp('1599566400', ['%s'], parseWithFormat)).toBe(ts('2020-09-08 12:00:00'));
    expect(chronoDate('2020/09/08', ['%Y-%m-%d', '%Y/%m/%d'], parseWithFormat)).toBe(parseValue('2020-09-08', T.date));
    expect(chronoDate('05 Dec 2000', ['DD Mon YYYY'], parseWithFormat)).toBe(parseValue('2000-12-05', T.date));
    expect(chronoTime('14/25/30', ['%H/%M/%S'])).toBe(14n * HOUR + 25n * 60_000_000n + 30_000_000n);
    expect(() => chronoDate('2020.09.08', ['%Y-%m-%d'], parseWithFormat)).toThrow(/matches none of the formats/);
  });
});
