import { describe, expect, it } from 'vitest';
import {
  parseFloatBytes, parseIntegerBytes, parseScaledDecimalBytes, scaledDecimalFromString,
} from '../parse-bytes.ts';
import { parseBooleanBytes, parseDateBytes, parseTimestampBytes } from '../parse-datetime-bytes.ts';

const enc = new TextEncoder();
const on = <R>(f: (b: Uint8Array, s: number, e: number) => R) => (s: string): R => {
  // parse from the middle of a larger buffer to check start/end handling
  const b = enc.encode(`##${s}##`);
  return f(b, 2, b.length - 2);
};

describe('byte parsers', () => {
  it('parse integers with sign and blanks, reject junk', () => {
    const p = on(parseIntegerBytes);
    expect([p('42'), p(' -17 '), p('+0'), p('9007199254740991')]).toEqual([42, -17, 0, 9007199254740991]);
    expect([p(''), p('-'), p('1.0'), p('1e3'), p('12a')].every(Number.isNaN)).toBe(true);
  });

  it('parse doubles exactly like Number() on both fast and slow paths', () => {
    const p = on(parseFloatBytes);
    for (const s of ['0.1', '24710.35', '-0.04', '123456789012345', '1234567890123456789', '1e-7', '2.5E10', '.5', '5.', '0.000000000000000000000001']) {
      expect(p(s)).toBe(Number(s));
    }
    expect(p('Infinity')).toBe(Infinity);
    expect(p('-inf')).toBe(-Infinity);
    expect(Number.isNaN(p('1.2.3'))).toBe(true);
  });

  it('parse decimals to scaled integers, rounding half away from zero', () => {
    const p = (s: string, scale: number) => on((b, st, e) => parseScaledDecimalBytes(b, st, e, scale))(s);
    expect([p('24710.35', 2), p('-0.04', 2), p('7', 2), p('1.005', 2), p('-1.005', 2), p('1.004', 2), p('1e2', 1)]).toEqual([2471035, -4, 700, 101, -101, 100, 1000]);
    expect(Number.isNaN(p('abc', 2))).toBe(true);
    expect(scaledDecimalFromString('12345678901234567890.129', 2)).toBe(1234567890123456789013n);
  });

  it('parse ISO dates and timestamps (offsets only for timestamptz)', () => {
    const d = on(parseDateBytes);
    expect([d('1970-01-01'), d('1996-03-13'), d('2000-02-29'), d('1969-12-31'), d('1600-03-01')]).toEqual([0, 9568, 11016, -1, -135080]);
    expect([d('1999-02-29'), d('1996-13-01'), d('96-03-13')].every(Number.isNaN)).toBe(true);
    const ts = (s: string, tz: boolean) => on((b, st, e) => parseTimestampBytes(b, st, e, tz))(s);
    expect(ts('1970-01-01 00:00:01.25', false)).toBe(1_250_000);
    expect(ts('1970-01-01T01:00:00+01:00', true)).toBe(0);
    expect(ts('1970-01-01T01:00:00+01:00', false)).toBe(3_600_000_000);
    expect(ts('1970-01-02', false)).toBe(86_400_000_000);
    expect(Number.isNaN(ts('1970-01-01 25:61', false))).toBe(true);
  });

  it('parse PostgreSQL boolean spellings', () => {
    const p = on(parseBooleanBytes);
    expect(['t', 'TRUE', 'yes', 'on', '1', 'f', 'False', 'no', 'off', '0', 'maybe', 'o'].map(p)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, -1, -1]);
  });
});
