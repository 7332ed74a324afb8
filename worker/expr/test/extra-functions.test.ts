/** format, overlay, width_bucket, make_*, text[]-returning regex functions and to_char patterns, with PostgreSQL's results. */
import { describe, expect, it } from 'vitest';
import { T, parseValue } from '../../../core/index.ts';
import { type Expr, lit } from '../../../planner/index.ts';
import { resolveFunction as fn } from '../../../planner/functions/index.ts';
import { evaluateConstant } from '../index.ts';
import { sqlState } from './helpers.ts';

const text = (s: string | null): Expr => lit(s, s === null ? T.null : T.text);
const int = (n: number): Expr => lit(n, T.int32);
const f8 = (n: number): Expr => lit(n, T.float64);
const k = (e: Expr) => evaluateConstant(e);
const ts = (s: string): Expr => lit(parseValue(s, T.timestamp), T.timestamp);

describe('format()', () => {
  it('%s, %I, %L and %% as in the PostgreSQL docs', () => {
    expect(k(fn('format', [text('Hello %s, %1$s'), text('World')]))).toBe('Hello World, World');
    expect(k(fn('format', [text('INSERT INTO %I VALUES(%L)'), text('Foo bar'), text("O'Reilly")]))).toBe(`INSERT INTO "Foo bar" VALUES('O''Reilly')`);
    expect(k(fn('format', [text('INSERT INTO %I VALUES(%L)'), text('locations'), text('C:\\Program Files')]))).toBe(`INSERT INTO locations VALUES(E'C:\\\\Program Files')`);
    expect(k(fn('format', [text('|%10s|'), text('foo')]))).toBe('|       foo|');
    expect(k(fn('format', [text('|%-10s|'), text('foo')]))).toBe('|foo       |');
    expect(k(fn('format', [text('|%*s|'), int(10), text('foo')]))).toBe('|       foo|');
    expect(k(fn('format', [text('|%-*s|'), int(10), text('foo')]))).toBe('|foo       |');
    expect(k(fn('format', [text('Testing %3$s, %2$s, %s'), text('one'), text('two'), text('three')]))).toBe('Testing three, two, three');
    expect(k(fn('format', [text('100%% %s %L'), text(null), text(null)]))).toBe('100%  NULL');
  });
  it('errors: too few arguments, bad specifier, NULL identifier', () => {
    expect(sqlState(() => k(fn('format', [text('%s %s'), text('a')])))).toBe('22023');
    expect(sqlState(() => k(fn('format', [text('%x'), text('a')])))).toBe('22023');
    expect(sqlState(() => k(fn('format', [text('%I'), text(null)])))).toBe('22004');
  });
});

describe('string functions', () => {
  it('overlay, quote_*, string_to_array, regexp_match/split/count', () => {
    expect(k(fn('overlay', [text('Txxxxas'), text('hom'), int(2), int(4)]))).toBe('Thomas');
    expect(k(fn('overlay', [text('abcdef'), text('XY'), int(3)]))).toBe('abXYef');
    expect(k(fn('quote_ident', [text('Foo bar')]))).toBe('"Foo bar"');
    expect(k(fn('quote_ident', [text('foo')]))).toBe('foo');
    expect(k(fn('quote_literal', [text("O'Reilly")]))).toBe("'O''Reilly'");
    expect(k(fn('quote_nullable', [text(null)]))).toBe('NULL');
    expect(k(fn('string_to_array', [text('xx~~yy~~zz'), text('~~'), text('yy')]))).toEqual(['xx', null, 'zz']);
    expect(k(fn('string_to_array', [text('abc'), text(null)]))).toEqual(['a', 'b', 'c']);
    expect(k(fn('string_to_array', [text(''), text(',')]))).toEqual([]);
    expect(k(fn('regexp_match', [text('foobarbequebaz'), text('(bar)(beque)')]))).toEqual(['bar', 'beque']);
    expect(k(fn('regexp_match', [text('foobarbequebaz'), text('barbeque')]))).toEqual(['barbeque']);
    expect(k(fn('regexp_match', [text('abc'), text('x')]))).toBeNull();
    expect(k(fn('regexp_split_to_array', [text('hello world'), text('\\s+')]))).toEqual(['hello', 'world']);
    expect(k(fn('regexp_count', [text('123456789012'), text('\\d\\d\\d'), int(2)]))).toBe(3);
    // PostgreSQL 15 docs
    expect(k(fn('regexp_substr', [text('number of your street, town zip, FR'), text('[^,]+'), int(1), int(2)]))).toBe(' town zip');
    expect(k(fn('regexp_substr', [text('ABCDEFGHI'), text('(c..)(...)'), int(1), int(1), text('i'), int(2)]))).toBe('FGH');
    expect(k(fn('regexp_substr', [text('abc'), text('x')]))).toBeNull();
  });
});

describe('math functions', () => {
  it('width_bucket and cot', () => {
    expect(k(fn('width_bucket', [f8(5.35), f8(0.024), f8(10.06), int(5)]))).toBe(3);
    expect(k(fn('width_bucket', [f8(-1), f8(0), f8(10), int(5)]))).toBe(0);
    expect(k(fn('width_bucket', [f8(10), f8(0), f8(10), int(5)]))).toBe(6);
    expect(k(fn('width_bucket', [f8(9), f8(10), f8(0), int(5)]))).toBe(1);
    expect(sqlState(() => k(fn('width_bucket', [f8(1), f8(0), f8(10), int(0)])))).toBe('2201G');
    expect(sqlState(() => k(fn('width_bucket', [f8(1), f8(3), f8(3), int(2)])))).toBe('2201G');
    expect(k(fn('cot', [f8(1)])) as number).toBeCloseTo(0.6420926159343306, 14);
  });
});

describe('integer and hyperbolic functions, regex options', () => {
  const big = (n: bigint): Expr => lit(n, T.int64);
  it('gcd, lcm (22003 on overflow), to_hex of negative int4/int8, bit_length', () => {
    expect(k(fn('gcd', [int(-12), int(18)]))).toBe(6);
    expect(k(fn('lcm', [int(4), int(6)]))).toBe(12);
    expect(k(fn('gcd', [big(12n), int(18)]))).toBe(6n);
    expect(sqlState(() => k(fn('lcm', [int(2147483647), int(2147483646)])))).toBe('22003');
    expect(sqlState(() => k(fn('gcd', [int(-2147483648), int(0)])))).toBe('22003');
    expect(k(fn('to_hex', [int(-1)]))).toBe('ffffffff');
    expect(k(fn('to_hex', [big(-1n)]))).toBe('ffffffffffffffff');
    expect(k(fn('bit_length', [text('jose')]))).toBe(32);
  });
  it('sinh/acosh/atanh with range errors', () => {
    expect(k(fn('sinh', [f8(1)])) as number).toBeCloseTo(1.1752011936438014, 15);
    expect(sqlState(() => k(fn('acosh', [f8(0.5)])))).toBe('22003');
    expect(sqlState(() => k(fn('atanh', [f8(2)])))).toBe('22003');
  });
  it('embedded (?i) options; "global" refused where PostgreSQL refuses it', () => {
    expect(k(fn('regexp_like', [text('ABC'), text('(?i)abc')]))).toBe(true);
    expect(sqlState(() => k(fn('regexp_like', [text('a'), text('a'), text('g')])))).toBe('22023');
    expect(sqlState(() => k(fn('regexp_match', [text('a'), text('a'), text('g')])))).toBe('22023');
    expect(sqlState(() => k(fn('regexp_like', [text('a'), text('a'), text('z')])))).toBe('22023');
    expect(k(fn('chr', [int(0)]))).toBe('\u0000'); // Spark's and DuckDB's NUL (PostgreSQL: 54000)
    expect(sqlState(() => k(fn('chr', [int(-1)])))).toBe('22023');
  });
});

describe('date/time constructors and to_char', () => {
  it('make_timestamp, make_interval', () => {
    expect(k(fn('make_timestamp', [int(2013), int(7), int(15), int(8), int(15), f8(23.5)]))).toBe(parseValue('2013-07-15 08:15:23.5', T.timestamp));
    expect(sqlState(() => k(fn('make_timestamp', [int(2013), int(2), int(30), int(8), int(15), f8(0)])))).toBe('22008');
    expect(sqlState(() => k(fn('make_timestamp', [int(2013), int(2), int(3), int(25), int(15), f8(0)])))).toBe('22008');
    expect(k(fn('make_interval', [int(1), int(2), int(3), int(4), int(5), int(6), f8(7.5)]))).toEqual({ months: 14, days: 25, micros: 18367500000 });
  });
  it('to_char fill mode, ordinals, ISO weeks and Julian days', () => {
    expect(k(fn('to_char', [ts('2002-04-20 17:31:12.66'), text('FMDay, FMDD  HH12:MI:SS')]))).toBe('Saturday, 20  05:31:12');
    expect(k(fn('to_char', [ts('2002-04-20 17:31:12.66'), text('Day, DD  HH12:MI:SS')]))).toBe('Saturday , 20  05:31:12');
    expect(k(fn('to_char', [ts('2020-02-03 00:00:00'), text('FMMonth FMDDth, YYYY')]))).toBe('February 3rd, 2020');
    expect(k(fn('to_char', [ts('2021-01-01 00:00:00'), text('IYYY-IW-ID')]))).toBe('2020-53-5');
    expect(k(fn('to_char', [ts('2021-01-01 00:00:00'), text('J CC Q WW')]))).toBe('2459216 21 1 01');
    expect(k(fn('to_char', [ts('2002-04-20 17:31:12.66'), text('HH:MI a.m. "at" FF2')]))).toBe('05:31 p.m. at 66');
  });
});
