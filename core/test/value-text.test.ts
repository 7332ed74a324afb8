import { describe, expect, it } from 'vitest';
import { T, decimal } from '../data-type.ts';
import { formatValue, parseInterval, parseValue } from '../value-text.ts';
import { addMonthsToDays, civilFromDays, daysFromCivil } from '../calendar.ts';
import { columnFromValues, readValue } from '../value-read.ts';
import type { LiteralValue } from '../literal.ts';
import type { DataType } from '../data-type.ts';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return (e as { sqlState?: string }).sqlState; }
  return undefined;
}

describe('formatValue', () => {
  it('numeric keeps its scale', () => {
    expect(formatValue(1234, decimal(15, 2))).toBe('12.34');
    expect(formatValue(-5, decimal(15, 2))).toBe('-0.05');
    expect(formatValue(7, decimal(10, 0))).toBe('7');
    expect(formatValue(123456789012345678901234567890n, decimal(38, 4))).toBe('12345678901234567890123456.7890');
  });
  it('floats as PostgreSQL 12+', () => {
    expect(formatValue(0.1, T.float64)).toBe('0.1');
    expect(formatValue(1e20, T.float64)).toBe('1e+20');
    expect(formatValue(1e15, T.float64)).toBe('1e+15');
    expect(formatValue(123456789012345, T.float64)).toBe('123456789012345');
    expect(formatValue(0.0001, T.float64)).toBe('0.0001');
    expect(formatValue(0.00001, T.float64)).toBe('1e-05');
    expect(formatValue(Infinity, T.float64)).toBe('Infinity');
    expect(formatValue(NaN, T.float64)).toBe('NaN');
    expect(formatValue(Math.fround(0.1), T.float32)).toBe('0.1');
    expect(formatValue(1 / 3, T.float64)).toBe('0.3333333333333333');
  });
  it('dates and timestamps', () => {
    expect(formatValue(daysFromCivil(1995, 3, 15), T.date)).toBe('1995-03-15');
    expect(formatValue(daysFromCivil(-43, 3, 15), T.date)).toBe('0044-03-15 BC');
    const ts = BigInt(daysFromCivil(1995, 3, 15)) * 86_400_000_000n + 36_000_000_000n;
    expect(formatValue(ts, T.timestamp)).toBe('1995-03-15 10:00:00');
    expect(formatValue(ts + 500_000n, T.timestamp)).toBe('1995-03-15 10:00:00.5');
    expect(formatValue(ts, T.timestamptz)).toBe('1995-03-15 10:00:00+00');
    expect(formatValue(-1n, T.timestamp)).toBe('1969-12-31 23:59:59.999999');
  });
  it('intervals in postgres style', () => {
    expect(formatValue({ months: 14, days: 3, micros: (4 * 3600 + 5 * 60 + 6) * 1e6 }, T.interval)).toBe('1 year 2 mons 3 days 04:05:06');
    expect(formatValue({ months: 0, days: 0, micros: 0 }, T.interval)).toBe('00:00:00');
    expect(formatValue({ months: 1, days: 0, micros: 0 }, T.interval)).toBe('1 mon');
    expect(formatValue({ months: -1, days: 2, micros: -3_600_000_000 }, T.interval)).toBe('-1 mons +2 days -01:00:00');
    expect(formatValue({ months: 0, days: 1, micros: 1_500_000 }, T.interval)).toBe('1 day 00:00:01.5');
  });
  it('booleans, ints, text', () => {
    expect(formatValue(true, T.boolean)).toBe('t');
    expect(formatValue(9007199254740993n, T.int64)).toBe('9007199254740993');
    expect(formatValue('x y', T.text)).toBe('x y');
  });
});

describe('parseValue', () => {
  it('integers with range errors', () => {
    expect(parseValue(' 42 ', T.int32)).toBe(42);
    expect(parseValue('-9223372036854775808', T.int64)).toBe(-9223372036854775808n);
    expect(code(() => parseValue('abc', T.int32))).toBe('22P02');
    expect(code(() => parseValue('99999', T.int16))).toBe('22003');
    expect(code(() => parseValue('9223372036854775808', T.int64))).toBe('22003');
  });
  it('numeric rounds half away from zero and checks precision', () => {
    expect(parseValue('12.345', decimal(15, 2))).toBe(1235);
    expect(parseValue('-12.345', decimal(15, 2))).toBe(-1235);
    expect(parseValue('1e2', decimal(15, 2))).toBe(10000);
    expect(parseValue('.5', decimal(15, 2))).toBe(50);
    expect(parseValue('12345678901234567890.5', decimal(38, 1))).toBe(123456789012345678905n);
    expect(code(() => parseValue('1000', decimal(4, 2)))).toBe('22003');
    expect(code(() => parseValue('1.2.3', decimal(4, 2)))).toBe('22P02');
  });
  it('floats and booleans', () => {
    expect(parseValue('1e20', T.float64)).toBe(1e20);
    expect(parseValue('-Infinity', T.float64)).toBe(-Infinity);
    expect(code(() => parseValue('1e400', T.float64))).toBe('22003');
    expect(code(() => parseValue('x', T.float64))).toBe('22P02');
    expect(parseValue('yes', T.boolean)).toBe(true);
    expect(parseValue('f', T.boolean)).toBe(false);
    expect(code(() => parseValue('maybe', T.boolean))).toBe('22P02');
  });
  it('dates and timestamps', () => {
    expect(parseValue('1995-03-15', T.date)).toBe(daysFromCivil(1995, 3, 15));
    expect(parseValue('0044-03-15 BC', T.date)).toBe(daysFromCivil(-43, 3, 15));
    expect(code(() => parseValue('1995-02-30', T.date))).toBe('22008');
    expect(code(() => parseValue('hello', T.date))).toBe('22007');
    expect(parseValue('1970-01-02 01:00:00.25', T.timestamp)).toBe(86_400_000_000n + 3_600_250_000n);
    expect(parseValue('1970-01-01 02:00:00+02', T.timestamptz)).toBe(0n);
    expect(parseValue('1970-01-01T00:00:01', T.timestamp)).toBe(1_000_000n);
  });
  it('intervals', () => {
    expect(parseInterval('1 year 2 months 3 days 04:05:06')).toEqual({ months: 14, days: 3, micros: 14706e6 });
    expect(parseInterval('3 days')).toEqual({ months: 0, days: 3, micros: 0 });
    expect(parseInterval('3', 'month')).toEqual({ months: 3, days: 0, micros: 0 });
    expect(parseInterval('1.5 months')).toEqual({ months: 1, days: 15, micros: 0 });
    expect(parseInterval('P1Y2M3DT4H')).toEqual({ months: 14, days: 3, micros: 4 * 3600e6 });
    expect(parseInterval('@ 2 days ago')).toEqual({ months: 0, days: -2, micros: 0 });
    expect(code(() => parseInterval('3 fortnights'))).toBe('22007');
  });
});

describe('calendar', () => {
  it('round-trips day numbers and clamps month ends', () => {
    for (const d of [-800000, -1, 0, 1, 9204, 2932896]) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
    expect(addMonthsToDays(daysFromCivil(2020, 1, 31), 1)).toBe(daysFromCivil(2020, 2, 29));
    expect(addMonthsToDays(daysFromCivil(2020, 3, 31), -13)).toBe(daysFromCivil(2019, 2, 28));
  });
});

describe('readValue / columnFromValues', () => {
  const cases: [DataType, LiteralValue[]][] = [
    [T.boolean, [true, null, false]],
    [T.int16, [1, -2, null]],
    [T.int32, [7, null]],
    [T.int64, [1n, null, -(2n ** 62n)]],
    [T.float64, [0.5, null]],
    [decimal(15, 2), [1234, null, -1]],
    [decimal(38, 2), [10n ** 30n, null, -5n]],
    [T.text, ['héllo', null, '']],
    [T.date, [9204, null]],
    [T.timestamp, [123n, null]],
    [T.interval, [{ months: 1, days: -2, micros: 3_000_000_000_000 }, null]],
  ];
  for (const [type, values] of cases) {
    it(`round-trips ${type.kind}`, () => {
      const data = columnFromValues(type, values);
      expect(values.map((_, i) => readValue(data, type, i))).toEqual(values);
      const sliced = data.slice(1, values.length - 1);
      expect(readValue(sliced, type, 0)).toEqual(values[1]);
    });
  }
});

describe('Decimal128 words', () => {
  it('round-trip small, large and negative values on both paths', async () => {
    const { readDecimal128, writeDecimal128, approxDecimal128 } = await import('../value-read.ts');
    const words = new Uint32Array(4);
    for (const v of [0n, 1n, -1n, 2n ** 53n - 1n, -(2n ** 53n - 1n), 2n ** 53n, -(2n ** 53n), 2n ** 100n + 7n, -(2n ** 120n) - 3n, 10n ** 37n, -(10n ** 37n)]) {
      writeDecimal128(words, 0, v);
      expect(readDecimal128(words, 0)).toBe(v);
      expect(approxDecimal128(words, 0)).toBeCloseTo(Number(v), -Math.max(0, Math.floor(Math.log10(Math.abs(Number(v)) + 1)) - 14));
    }
  });
});

describe('date input styles', () => {
  it('accepts the common PostgreSQL spellings (DateStyle ISO, MDY)', () => {
    const d = daysFromCivil(1999, 1, 8);
    for (const s of ['1999-01-08', '19990108', '01/08/1999', '1999/01/08', 'January 8, 1999', 'Jan 8 1999', '8-Jan-1999', '08 jan 1999']) {
      expect([s, parseValue(s, T.date)]).toEqual([s, d]);
    }
    expect(code(() => parseValue('Foo 8 1999', T.date))).toBe('22007');
    expect(code(() => parseValue('02/30/1999', T.date))).toBe('22008');
  });
});

describe('special date/time inputs', () => {
  it('today, tomorrow, yesterday, now', () => {
    const today = Math.floor(Date.now() / 86_400_000);
    expect(parseValue('today', T.date)).toBe(today);
    expect(parseValue('Tomorrow', T.date)).toBe(today + 1);
    expect(parseValue('yesterday', T.timestamp)).toBe(BigInt(today - 1) * 86_400_000_000n);
    const now = parseValue('now', T.timestamptz) as bigint;
    expect(Number(now / 1000n) - Date.now()).toBeLessThan(5000);
  });
});
