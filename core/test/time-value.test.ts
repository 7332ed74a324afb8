/** time values: PostgreSQL input forms, output, range errors, and the casts of time-cast.ts. */
import { describe, expect, it } from 'vitest';
import { T, castValue, canCastType, formatTimeOfDay, parseTimeOfDay, wrapTimeOfDay } from '../index.ts';

describe('time values', () => {
  it('parses PostgreSQL time input', () => {
    expect(parseTimeOfDay('12:34:56.789')).toBe(45_296_789_000n);
    expect(parseTimeOfDay('1:2')).toBe(3_720_000_000n);
    expect(parseTimeOfDay('12:00 AM')).toBe(0n);
    expect(parseTimeOfDay('12:30 pm')).toBe(45_000_000_000n);
    expect(parseTimeOfDay('2020-01-01 10:00:00+02')).toBe(36_000_000_000n);
    expect(parseTimeOfDay('allballs')).toBe(0n);
    expect(parseTimeOfDay('24:00')).toBe(86_400_000_000n);
  });

  it('rejects bad syntax (22007) and fields out of range (22008)', () => {
    expect(() => parseTimeOfDay('')).toThrow(expect.objectContaining({ sqlState: '22007' }));
    expect(() => parseTimeOfDay('14-42-04')).toThrow(expect.objectContaining({ sqlState: '22007' }));
    expect(() => parseTimeOfDay('24:00:01')).toThrow(expect.objectContaining({ sqlState: '22008' }));
    expect(() => parseTimeOfDay('13:00 PM')).toThrow(expect.objectContaining({ sqlState: '22008' }));
  });

  it('formats with trimmed fractions and wraps negative values', () => {
    expect(formatTimeOfDay(45_296_780_000n)).toBe('12:34:56.78');
    expect(formatTimeOfDay(0n)).toBe('00:00:00');
    expect(wrapTimeOfDay(-1n)).toBe(86_399_999_999n);
  });

  it('casts: timestamp → time, time ↔ interval, numbers → timestamp (explicit only)', () => {
    expect(castValue(86_400_000_000n + 5_000_000n, T.timestamp, T.time)).toBe(5_000_000n);
    expect(castValue(90_000_000_000n, T.time, T.interval)).toEqual({ months: 0, days: 0, micros: 90_000_000_000 });
    expect(castValue({ months: 1, days: 1, micros: 90_000_000_000 }, T.interval, T.time)).toBe(3_600_000_000n);
    expect(castValue(2, T.int32, T.timestamp)).toBe(2_000_000n);
    expect(canCastType(T.int32, T.timestamp, false)).toBe(false);
    expect(canCastType(T.time, T.interval, false)).toBe(true);
    expect(canCastType(T.time, T.timestamp, true)).toBe(false);
  });
});
