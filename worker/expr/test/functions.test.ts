import { describe, expect, it } from 'vitest';
import { T, decimal, daysFromCivil, parseValue } from '../../../core/index.ts';
import { type Expr, call, lit } from '../../../planner/index.ts';
import { castExpr, resolveFunction as fn, resolveOperator as op } from '../../../planner/functions/index.ts';
import { evaluateConstant } from '../index.ts';
import { evalAt, selectRows, sqlState, table } from './helpers.ts';

const text = (s: string | null): Expr => lit(s, s === null ? T.null : T.text);
const int = (n: number): Expr => lit(n, T.int32);
const k = (e: Expr) => evaluateConstant(e);

describe('LIKE and ILIKE', () => {
  const words = ['abc', 'abcdef', 'xabc', 'a%c', 'ébc', 'axbxc', null, ''];
  const t = table([['s', T.text, words]]);
  const s = t.cols[0]!;
  const like = (p: string) => selectRows(t, op('~~', [s, text(p)]));
  it('fast-path shapes', () => {
    expect(like('abc')).toEqual([0]);
    expect(like('abc%')).toEqual([0, 1]);
    expect(like('%abc')).toEqual([0, 2]);
    expect(like('%bc%')).toEqual([0, 1, 2, 4]);
    expect(like('%a%b%c%')).toEqual([0, 1, 2, 5]);
    expect(like('%')).toEqual([0, 1, 2, 3, 4, 5, 7]);
    expect(like('')).toEqual([7]);
  });
  it('underscore is one character (multi-byte too) and backslash escapes', () => {
    expect(like('_bc')).toEqual([0, 4]);
    expect(like('a_c')).toEqual([0, 3]);
    expect(like('a\\%c')).toEqual([3]);
    expect(like('%x_x%')).toEqual([5]);
    expect(like('a%_c')).toEqual([0, 3, 5]);
  });
  it('NOT LIKE keeps NULL out, ILIKE ignores case', () => {
    expect(selectRows(t, op('!~~', [s, text('%bc%')]))).toEqual([3, 5, 7]);
    const u = table([['s', T.text, ['ABC', 'aBc', 'xyz', 'ÉBC']]]);
    expect(selectRows(u, op('~~*', [u.cols[0]!, text('abc')]))).toEqual([0, 1]);
    expect(selectRows(u, op('~~*', [u.cols[0]!, text('éb%')]))).toEqual([3]);
    expect(evalAt(t, op('~~', [s, text(null)]))).toEqual(words.map(() => null));
  });
  it('pattern from a column', () => {
    const u = table([['s', T.text, ['abc', 'abc', null]], ['p', T.text, ['a%', 'x%', 'a%']]]);
    expect(evalAt(u, op('~~', [u.cols[0]!, u.cols[1]!]))).toEqual([true, false, null]);
  });
});

describe('string functions', () => {
  it('substring, position, length on characters', () => {
    expect(k(fn('substring', [text('hello'), int(2), int(3)]))).toBe('ell');
    expect(k(fn('substring', [text('hello'), int(0), int(2)]))).toBe('h');
    expect(k(fn('substring', [text('héllo'), int(2)]))).toBe('éllo');
    expect(sqlState(() => k(fn('substring', [text('x'), int(1), int(-1)])))).toBe('22011');
    expect(k(fn('position', [text('héllo'), text('l')]))).toBe(3);
    expect(k(fn('length', [text('héllo')]))).toBe(5);
    expect(k(fn('octet_length', [text('héllo')]))).toBe(6);
  });
  it('vectorized substring matches the general path', () => {
    const t = table([['s', T.text, ['25-989-741-2988', 'ab', null, '']]], [0, 1, 3]);
    expect(evalAt(t, fn('substring', [t.cols[0]!, int(1), int(2)]))).toEqual(['25', 'ab', '']);
    expect(evalAt(t, fn('substring', [t.cols[0]!, int(4)]))).toEqual(['989-741-2988', '', '']);
    const u = table([['s', T.text, ['ñandú', 'ab']]]);
    expect(evalAt(u, fn('substring', [u.cols[0]!, int(2), int(3)]))).toEqual(['and', 'b']);
  });
  it('case, trim, replace, pad, concat', () => {
    expect(k(fn('upper', [text('abc')]))).toBe('ABC');
    expect(k(fn('lower', [text('ÀB')]))).toBe('àb');
    expect(k(fn('btrim', [text('  x  ')]))).toBe('x');
    expect(k(fn('ltrim', [text('xxyx'), text('x')]))).toBe('yx');
    expect(k(fn('rtrim', [text('xxyx'), text('x')]))).toBe('xxy');
    expect(k(fn('replace', [text('abcabc'), text('b'), text('XY')]))).toBe('aXYcaXYc');
    expect(k(fn('lpad', [text('7'), int(3), text('0')]))).toBe('007');
    expect(k(fn('rpad', [text('abcdef'), int(3)]))).toBe('abc');
    expect(k(fn('left', [text('abcdef'), int(-2)]))).toBe('abcd');
    expect(k(fn('right', [text('abcdef'), int(2)]))).toBe('ef');
    expect(k(fn('starts_with', [text('abcdef'), text('abc')]))).toBe(true);
    expect(k(fn('concat', [text('a'), lit(null, T.null), int(1)]))).toBe('a1');
    expect(k(op('||', [text('a'), int(1)]))).toBe('a1');
    expect(k(op('||', [text('a'), lit(null, T.text)]))).toBe(null);
    expect(k(fn('split_part', [text('a,b,c'), text(','), int(-1)]))).toBe('c');
    expect(k(fn('initcap', [text('hello wORLD')]))).toBe('Hello World');
  });
  it('|| on columns', () => {
    const t = table([['a', T.text, ['x', null, 'é']], ['b', T.text, ['y', 'z', '']]]);
    expect(evalAt(t, op('||', [t.cols[0]!, t.cols[1]!]))).toEqual(['xy', null, 'é']);
  });
});

describe('math functions', () => {
  const num = (s: string, p: number, sc: number) => castExpr(text(s), decimal(p, sc), true);
  it('round, trunc, floor, ceil, abs, sign on numerics', () => {
    const r = fn('round', [num('2.345', 10, 3), int(2)]);
    expect(r.type).toMatchObject({ kind: 'decimal', scale: 2 });
    expect(k(r)).toBe(235);
    expect(k(fn('round', [num('-2.5', 10, 1)]))).toBe(-3);
    expect(k(fn('round', [lit(2.5, T.float64)]))).toBe(2);
    expect(k(fn('trunc', [num('-2.99', 10, 2)]))).toBe(-2);
    expect(k(fn('floor', [num('-2.01', 10, 2)]))).toBe(-3);
    expect(k(fn('ceil', [num('2.01', 10, 2)]))).toBe(3);
    expect(k(fn('abs', [num('-2.01', 10, 2)]))).toBe(201);
    expect(k(fn('sign', [num('-2.01', 10, 2)]))).toBe(-1);
    expect(sqlState(() => k(fn('abs', [lit(-2147483648, T.int32)])))).toBe('22003');
  });
  it('sqrt, power, mod and their errors', () => {
    expect(k(fn('sqrt', [int(16)]))).toBe(4);
    expect(sqlState(() => k(fn('sqrt', [int(-1)])))).toBe('2201F');
    expect(k(fn('power', [int(2), int(10)]))).toBe(1024);
    expect(k(fn('mod', [int(7), int(3)]))).toBe(1);
    expect(sqlState(() => k(fn('mod', [int(7), int(0)])))).toBe('22012');
    expect(sqlState(() => k(fn('ln', [int(0)])))).toBe('2201E');
  });
});

describe('conditional functions', () => {
  const t = table([['a', T.int32, [null, 2, null, 4]], ['b', T.int32, [1, null, null, 5]]]);
  const [a, b] = t.cols as [Expr, Expr];
  it('coalesce evaluates later arguments only where needed', () => {
    expect(evalAt(t, fn('coalesce', [a, b, int(0)]))).toEqual([1, 2, 0, 4]);
    // 1/a would divide by zero where a is 0: coalesce(b, 10/a) only evaluates 10/a where b is NULL
    const z = table([['a', T.int32, [0, 5]], ['b', T.int32, [7, null]]]);
    expect(evalAt(z, fn('coalesce', [z.cols[1]!, op('/', [int(10), z.cols[0]!])]))).toEqual([7, 2]);
  });
  it('nullif, greatest, least', () => {
    expect(evalAt(t, fn('nullif', [a, int(2)]))).toEqual([null, null, null, 4]);
    expect(evalAt(t, fn('greatest', [a, b]))).toEqual([1, 2, null, 5]);
    expect(evalAt(t, fn('least', [a, b, int(3)]))).toEqual([1, 2, 3, 3]);
  });
  it('IN lists with NULL semantics', () => {
    const inList = (negated: boolean, ...items: Expr[]): Expr => ({ kind: 'in_list', input: a, list: items, negated, type: T.boolean });
    expect(evalAt(t, inList(false, int(2), int(3)))).toEqual([null, true, null, false]);
    expect(evalAt(t, inList(false, int(2), lit(null, T.int32)))).toEqual([null, true, null, null]);
    expect(evalAt(t, inList(true, int(2), int(3)))).toEqual([null, false, null, true]);
    expect(evalAt(t, inList(false, b, int(4)))).toEqual([null, null, null, true]);
    const s = table([['s', T.text, ['MAIL', 'SHIP', 'AIR', null]]]);
    const items = ['MAIL', 'SHIP'].map(text).map((e) => castExpr(e, T.text, false));
    expect(selectRows(s, { kind: 'in_list', input: s.cols[0]!, list: items, negated: false, type: T.boolean })).toEqual([0, 1]);
    const many = Array.from({ length: 20 }, (_, i) => text(`v${i}`)).concat([text('AIR')]);
    expect(selectRows(s, { kind: 'in_list', input: s.cols[0]!, list: many, negated: false, type: T.boolean })).toEqual([2]);
    // WHERE form (select): TRUE rows only; NOT IN is never TRUE with a NULL item, and a NULL column item
    // makes a row NULL (not TRUE) where nothing else matched
    expect(selectRows(t, inList(false, int(2), int(3)))).toEqual([1]);
    expect(selectRows(t, inList(true, int(2), int(3)))).toEqual([3]);
    expect(selectRows(t, inList(true, int(2), lit(null, T.int32)))).toEqual([]);
    expect(selectRows(t, inList(true, b, int(1)))).toEqual([3]);
    expect(selectRows(t, inList(false, b, int(4)))).toEqual([3]);
    expect(selectRows(s, { kind: 'in_list', input: s.cols[0]!, list: items, negated: true, type: T.boolean })).toEqual([2]);
  });
});

describe('dates, timestamps, intervals', () => {
  const date = (s: string) => castExpr(text(s), T.date, true);
  const ts = (s: string) => castExpr(text(s), T.timestamp, true);
  const iv = (s: string) => castExpr(text(s), T.interval, true);
  const show = (e: Expr) => k(castExpr(e, T.text, true));
  it('extract from dates (vectorized) and timestamps', () => {
    const t = table([['d', T.date, [daysFromCivil(1995, 3, 15), daysFromCivil(-43, 3, 15), null]]]);
    expect(evalAt(t, fn('extract', [text('year'), t.cols[0]!]))).toEqual([1995, -44, null]);
    expect(evalAt(t, fn('extract', [text('month'), t.cols[0]!]))).toEqual([3, 3, null]);
    expect(evalAt(t, fn('extract', [text('dow'), t.cols[0]!]))).toEqual([3, expect.any(Number), null]);
    expect(k(fn('extract', [text('doy'), date('1995-03-15')]))).toBe(74);
    expect(k(fn('extract', [text('quarter'), date('1995-03-15')]))).toBe(1);
    expect(k(fn('extract', [text('week'), date('2021-01-03')]))).toBe(53);
    expect(show(fn('extract', [text('second'), ts('2020-01-01 10:11:12.5')]))).toBe('12.500000');
    expect(k(fn('date_part', [text('hour'), ts('2020-01-01 10:11:12.5')]))).toBe(10);
    expect(k(fn('extract', [text('day'), iv('1 year 2 mons 3 days')]))).toBe(3);
    expect(sqlState(() => fn('extract', [text('fortnight'), date('2020-01-01')]))).toBe('22023');
  });
  it('date_trunc and make_date', () => {
    expect(show(fn('date_trunc', [text('month'), ts('2020-02-17 10:11:12')]))).toBe('2020-02-01 00:00:00');
    expect(show(fn('date_trunc', [text('week'), ts('2020-02-20 10:11:12')]))).toBe('2020-02-17 00:00:00');
    expect(show(fn('date_trunc', [text('quarter'), date('2020-05-17')]))).toBe('2020-04-01 00:00:00+00');
    expect(show(fn('date_trunc', [text('hour'), iv('1 day 03:04:05')]))).toBe('1 day 03:00:00');
    expect(show(fn('make_date', [int(2020), int(2), int(29)]))).toBe('2020-02-29');
    expect(sqlState(() => k(fn('make_date', [int(2021), int(2), int(29)])))).toBe('22008');
  });
  it('timestamp and interval arithmetic', () => {
    expect(show(op('+', [date('2020-01-31'), iv('1 month')]))).toBe('2020-02-29 00:00:00');
    expect(show(op('-', [ts('2020-03-31 12:00:00'), iv('1 mon 1 day')]))).toBe('2020-02-28 12:00:00');
    expect(show(op('-', [ts('2020-03-02 12:00:00'), ts('2020-03-01 00:00:00')]))).toBe('1 day 12:00:00');
    expect(show(op('+', [iv('1 day'), iv('2 hours')]))).toBe('1 day 02:00:00');
    expect(show(op('*', [iv('1 mon'), lit(1.5, T.float64)]))).toBe('1 mon 15 days');
    expect(show(op('-', [iv('1 day')]))).toBe('-1 days');
    expect(k(op('-', [date('2020-03-01'), date('2020-02-01')]))).toBe(29);
    expect(show(op('+', [date('2020-02-28'), int(1)]))).toBe('2020-02-29');
  });
  it('date column vs timestamp constant compares exactly for every operator', () => {
    const days = [daysFromCivil(1994, 12, 31), daysFromCivil(1995, 1, 1), daysFromCivil(1995, 1, 2)];
    const t = table([['d', T.date, days]]);
    const noon = ts('1995-01-01 12:00:00');
    const midnight = ts('1995-01-01 00:00:00');
    const d = t.cols[0]!;
    expect(selectRows(t, op('<', [d, noon]))).toEqual([0, 1]);
    expect(selectRows(t, op('<=', [d, noon]))).toEqual([0, 1]);
    expect(selectRows(t, op('>', [d, noon]))).toEqual([2]);
    expect(selectRows(t, op('>=', [d, midnight]))).toEqual([1, 2]);
    expect(selectRows(t, op('=', [d, noon]))).toEqual([]);
    expect(selectRows(t, op('=', [d, midnight]))).toEqual([1]);
    expect(selectRows(t, op('<', [noon, d]))).toEqual([2]);
  });
});

describe('casts', () => {
  const t = table([['s', T.text, ['12', ' 7 ', 'x', null]]], [0, 1, 3]);
  it('text to int, with 22P02 on bad input only at selected rows', () => {
    expect(evalAt(t, castExpr(t.cols[0]!, T.int32, true))).toEqual([12, 7, null]);
    const all = table([['s', T.text, ['12', 'x']]]);
    expect(sqlState(() => evalAt(all, castExpr(all.cols[0]!, T.int32, true)))).toBe('22P02');
  });
  it('between numeric types with rounding and range checks', () => {
    const n = table([['d', decimal(10, 2), [250, -250, 149, null]], ['f', T.float64, [2.5, 3.5, -2.5, 1e20]]]);
    const [d, f] = n.cols as [Expr, Expr];
    expect(evalAt(n, castExpr(d, T.int32, true))).toEqual([3, -3, 1, null]);
    expect(evalAt(n, castExpr(d, decimal(10, 1), true))).toEqual([25, -25, 15, null]);
    expect(evalAt(n, castExpr(d, T.float64, true))).toEqual([2.5, -2.5, 1.49, null]);
    const few = table([['f', T.float64, [2.5, 3.5, -2.5]]]);
    expect(evalAt(few, castExpr(few.cols[0]!, T.int32, true))).toEqual([2, 4, -2]);
    expect(sqlState(() => evalAt(n, castExpr(f, T.int32, true)))).toBe('22003');
    expect(evalAt(few, castExpr(few.cols[0]!, decimal(5, 1), true))).toEqual([25, 35, -25]);
    expect(sqlState(() => evalAt(n, castExpr(d, decimal(2, 2), true)))).toBe('22003');
  });
  it('to text and back', () => {
    const n = table([['d', decimal(15, 2), [123456, -5]], ['dt', T.date, [0, 9204]], ['b', T.boolean, [true, false]]]);
    expect(evalAt(n, castExpr(n.cols[0]!, T.text, true))).toEqual(['1234.56', '-0.05']);
    expect(evalAt(n, castExpr(n.cols[1]!, T.text, true))).toEqual(['1970-01-01', '1995-03-15']);
    expect(evalAt(n, castExpr(n.cols[2]!, T.text, true))).toEqual(['true', 'false']);
    expect(k(castExpr(text('1 day'), T.interval, true))).toEqual(parseValue('1 day', T.interval));
    expect(sqlState(() => castExpr(lit(1, T.int32), T.date, true))).toBe('42846');
  });
  it('date ↔ timestamp', () => {
    const n = table([['dt', T.date, [0, -1]]]);
    const tsCol = castExpr(n.cols[0]!, T.timestamp, true);
    expect(evalAt(n, tsCol)).toEqual([0n, -86_400_000_000n]);
    expect(evalAt(n, castExpr(op('+', [tsCol, castExpr(text('12 hours'), T.interval, true)]), T.date, true))).toEqual([0, -1]);
  });
});

describe('wide decimals (after aggregation)', () => {
  const t = table([['s', decimal(38, 2), [10n ** 30n + 1n, -5n, null]]]);
  const s = t.cols[0]!;
  it('add, multiply, compare, divide exactly', () => {
    expect(evalAt(t, op('+', [s, lit(1, T.int32)]))).toEqual([10n ** 30n + 101n, 95n, null]);
    expect(evalAt(t, op('*', [s, castExpr(text('0.5'), decimal(2, 1), true)]))).toEqual([5n * 10n ** 30n + 5n, -25n, null]);
    expect(selectRows(t, op('>', [s, lit(0, T.int32)]))).toEqual([0]);
    // numeric division keeps 16 fraction digits; a quotient needing more than 38 digits raises 22003
    expect(sqlState(() => evalAt(t, op('/', [s, lit(2, T.int32)])))).toBe('22003');
    const small = table([['s', decimal(38, 2), [10n ** 20n + 1n, -5n, null]]]);
    expect(evalAt(small, op('/', [small.cols[0]!, lit(2, T.int32)]))).toEqual([5n * 10n ** 33n + 5n * 10n ** 13n, -25n * 10n ** 13n, null]);
    expect(k(castExpr(op('/', [lit(1, T.int32), castExpr(text('3'), decimal(1, 0), true)]), T.text, true))).toBe('0.3333333333333333');
  });
  it('sum-like products stay exact at the cent', () => {
    const p = table([['price', decimal(15, 2), [999999999999999, 1]], ['disc', decimal(15, 2), [5, 10]]]);
    const e = op('*', [p.cols[0]!, op('-', [lit(1, T.int32), p.cols[1]!])]);
    expect(sqlState(() => evalAt(p, e))).toBe('22003');
    const ok = table([['price', decimal(15, 2), [90071992547, 1]], ['disc', decimal(15, 2), [5, 10]]]);
    expect(evalAt(ok, call('multiply', [ok.cols[0]!, op('-', [lit(1, T.int32), ok.cols[1]!])], decimal(18, 4)))).toEqual([8556839291965, 90]);
  });
});

describe('narrow column compared with a widened constant', () => {
  it('decimal(15,2) against a numeric(38,16) constant, exactly', () => {
    const t = table([['x', decimal(15, 2), [-101, 100, 101, 102, null]]]);
    const x = t.cols[0]!;
    const c = lit(10100000000000001n, decimal(38, 16)); // 1.0100000000000001
    const exact = lit(10100000000000000n, decimal(38, 16)); // 1.01
    expect(selectRows(t, op('>', [x, c]))).toEqual([3]);
    expect(selectRows(t, op('>=', [x, c]))).toEqual([3]);
    expect(selectRows(t, op('<', [x, c]))).toEqual([0, 1, 2]);
    expect(selectRows(t, op('<=', [x, exact]))).toEqual([0, 1, 2]);
    expect(selectRows(t, op('=', [x, exact]))).toEqual([2]);
    expect(selectRows(t, op('=', [x, c]))).toEqual([]);
    expect(selectRows(t, op('<>', [x, c]))).toEqual([0, 1, 2, 3]);
    expect(selectRows(t, op('>', [x, lit(-10100000000000001n, decimal(38, 16))]))).toEqual([0, 1, 2, 3]);
    expect(evalAt(t, op('>', [x, c]))).toEqual([false, false, false, true, null]);
  });
  it('integer column against a decimal constant', () => {
    const t = table([['i', T.int32, [1, 2, 3]]]);
    expect(selectRows(t, op('<', [t.cols[0]!, castExpr(text('2.5'), decimal(2, 1), true)]))).toEqual([0, 1]);
    expect(selectRows(t, op('=', [t.cols[0]!, castExpr(text('2.0'), decimal(2, 1), true)]))).toEqual([1]);
  });
});

describe('to_char basics', () => {
  const ts = (s: string) => castExpr(text(s), T.timestamp, true);
  it('timestamps and dates', () => {
    expect(k(fn('to_char', [ts('2020-03-05 14:07:09'), text('YYYY-MM-DD HH24:MI:SS')]))).toBe('2020-03-05 14:07:09');
    expect(k(fn('to_char', [castExpr(text('2020-03-05'), T.date, true), text('Mon DD, YYYY')]))).toBe('Mar 05, 2020');
    expect(k(fn('to_char', [ts('2020-03-05 14:07:09'), text('HH12:MI AM "on" Dy')]))).toBe('02:07 PM on Thu');
  });
  it('numbers', () => {
    const n = (s: string, p: number, sc: number) => castExpr(text(s), decimal(p, sc), true);
    expect(k(fn('to_char', [n('1234.5', 10, 2), text('9999.99')]))).toBe(' 1234.50');
    expect(k(fn('to_char', [n('1234.5', 10, 2), text('FM9,999.99')]))).toBe('1,234.5');
    expect(k(fn('to_char', [lit(-5, T.int32), text('999')]))).toBe('  -5');
    expect(k(fn('to_char', [lit(5, T.int32), text('000')]))).toBe(' 005');
  });
  it('unknown function names suggest a close one', () => {
    let hint = '';
    try { fn('substrng', [text('x')]); } catch (e) { hint = (e as { hint: string }).hint; }
    expect(hint).toBe('Perhaps you meant substring().');
  });
});

describe('wide decimal comparisons', () => {
  it('decide near-ties exactly', () => {
    const big = 10n ** 30n;
    const t = table([['a', decimal(38, 2), [big, big + 1n, big - 1n, -big, null]], ['b', decimal(38, 2), [big, big, big, big, big]]]);
    const [a, b] = t.cols as [Expr, Expr];
    expect(selectRows(t, op('<', [a, b]))).toEqual([2, 3]);
    expect(selectRows(t, op('=', [a, b]))).toEqual([0]);
    expect(selectRows(t, op('>', [a, lit(big, decimal(38, 2))]))).toEqual([1]);
    expect(selectRows(t, op('>=', [a, lit(big, decimal(38, 2))]))).toEqual([0, 1]);
    expect(selectRows(t, op('>', [a, lit(300, T.int32)]))).toEqual([0, 1, 2]);
  });
});

describe('float NaN ordering as PostgreSQL', () => {
  it('NaN equals NaN and sorts above every number', () => {
    const t = table([['f', T.float64, [NaN, 1, Infinity, null]]]);
    const f = t.cols[0]!;
    expect(selectRows(t, op('>', [f, lit(1e308, T.float64)]))).toEqual([0, 2]);
    expect(selectRows(t, op('=', [f, lit(NaN, T.float64)]))).toEqual([0]);
    expect(selectRows(t, op('<', [f, lit(NaN, T.float64)]))).toEqual([1, 2]);
    expect(selectRows(t, op('=', [f, f]))).toEqual([0, 1, 2]);
  });
});

describe('timestamp column ± constant interval (vectorized)', () => {
  it('matches the exact calendar arithmetic', async () => {
    const { addIntervalToMicros, daysFromCivil: dfc } = await import('../../../core/index.ts');
    const D = 86_400_000_000n;
    const stamps = [dfc(2020, 1, 31), dfc(2019, 12, 31), dfc(2020, 2, 29), dfc(1969, 12, 31), dfc(1995, 3, 15)].map((d) => BigInt(d) * D + 3_600_000_123n);
    const t = table([['ts', T.timestamp, [...stamps, null]]]);
    for (const text of ['1 month', '-13 months 2 days 01:00:00', '3 days', '1 year', '-00:00:00.5']) {
      const iv = castExpr(lit(text, T.text), T.interval, true);
      const expected = stamps.map((s) => addIntervalToMicros(s, iv.kind === 'literal' ? iv.value as never : (null as never)));
      expect([text, evalAt(t, op('+', [t.cols[0]!, iv]))]).toEqual([text, [...expected, null]]);
    }
    const date = table([['d', T.date, [dfc(2020, 1, 31)]]]);
    expect(evalAt(date, castExpr(op('+', [date.cols[0]!, castExpr(lit('1 month', T.text), T.interval, true)]), T.text, true))).toEqual(['2020-02-29 00:00:00']);
  });
});

describe('extract from timestamp columns (vectorized)', () => {
  it('agrees with the exact field extraction', async () => {
    const { extractFromMicros } = await import('../../kernels/datetime.ts');
    const stamps = ['1995-03-15 10:11:12', '1969-12-31 23:59:59.5', '2000-02-29 00:00:00', '0044-03-15 01:02:03 BC'].map((s) => parseValue(s, T.timestamp) as bigint);
    const t = table([['ts', T.timestamp, [...stamps, null]]]);
    for (const field of ['year', 'month', 'day', 'hour', 'minute']) {
      expect([field, evalAt(t, fn('extract', [text(field), t.cols[0]!]))]).toEqual([field, [...stamps.map((s) => extractFromMicros(field, s).value), null]]);
    }
  });
});

describe('LIKE … ESCAPE', () => {
  it('rewrites the escape character (like_escape, folded at plan time)', () => {
    const t = table([['s', T.text, ['10%', '100', 'a\\b', 'a_b', 'axb']]]);
    const s = t.cols[0]!;
    const esc = (p: string, e: string) => fn('like_escape', [text(p), text(e)]);
    expect(selectRows(t, op('~~', [s, esc('10!%', '!')]))).toEqual([0]);
    expect(selectRows(t, op('~~', [s, esc('a\\b', '')]))).toEqual([2]);
    expect(selectRows(t, op('~~', [s, esc('a#_b', '#')]))).toEqual([3]);
    expect(sqlState(() => k(esc('abc!', '!')))).toBe('22025');
  });
});

describe('regular expressions and more functions', () => {
  it('~ operators, regexp_replace, substring from pattern', () => {
    const t = table([['s', T.text, ['abc123', 'ABC', 'xyz', null]]]);
    const s = t.cols[0]!;
    expect(evalAt(t, op('~', [s, text('^[a-z]+\\d+$')]))).toEqual([true, false, false, null]);
    expect(selectRows(t, op('~*', [s, text('^abc')]))).toEqual([0, 1]);
    expect(selectRows(t, op('!~', [s, text('b')]))).toEqual([1, 2]);
    expect(k(fn('regexp_replace', [text('a1b22c333'), text('\\d+'), text('#')]))).toBe('a#b22c333');
    expect(k(fn('regexp_replace', [text('a1b22c333'), text('(\\d+)'), text('<\\1>'), text('g')]))).toBe('a<1>b<22>c<333>');
    expect(k(fn('regexp_replace', [text('cost'), text('o'), text('$')]))).toBe('c$st');
    expect(k(fn('substring', [text('foobar'), text('o.b')]))).toBe('oob');
    expect(k(fn('substring', [text('foobar'), text('o(.)b')]))).toBe('o');
    expect(k(fn('substring', [text('foobar'), text('zz')]))).toBe(null);
    expect(k(fn('substring', [text('foobar'), text('3')]))).toBe('obar');
    expect(k(fn('translate', [text('12345'), text('143'), text('ax')]))).toBe('a2x5');
    expect(sqlState(() => k(op('~', [text('a'), text('(')])))).toBe('2201B');
  });
  it('function-style casts and math', () => {
    expect(k(fn('int4', [text('42')]))).toBe(42);
    expect(k(fn('date', [castExpr(text('2020-01-02 10:00:00'), T.timestamp, true)]))).toBe(daysFromCivil(2020, 1, 2));
    expect(k(fn('log', [int(100)]))).toBe(2);
    expect(k(fn('log', [int(2), int(8)]))).toBeCloseTo(3, 12);
    expect(k(fn('degrees', [lit(Math.PI, T.float64)]))).toBe(180);
    expect(sqlState(() => k(fn('asin', [int(2)])))).toBe('22003');
    expect(k(castExpr(fn('to_timestamp', [int(86400)]), T.text, true))).toBe('1970-01-02 00:00:00+00');
  });
});

describe('age, justify_*, to_date, to_timestamp', () => {
  const ts = (s: string) => castExpr(text(s), T.timestamp, true);
  const iv = (s: string) => castExpr(text(s), T.interval, true);
  const show = (e: Expr) => k(castExpr(e, T.text, true));
  it('match the PostgreSQL documentation examples', () => {
    expect(show(fn('age', [ts('2001-04-10'), ts('1957-06-13')]))).toBe('43 years 9 mons 27 days');
    expect(show(fn('age', [ts('2020-03-01'), ts('2020-01-31')]))).toBe('1 mon 1 day');
    expect(show(fn('age', [ts('1957-06-13'), ts('2001-04-10')]))).toBe('-43 years -9 mons -27 days');
    expect(show(fn('justify_days', [iv('35 days')]))).toBe('1 mon 5 days');
    expect(show(fn('justify_hours', [iv('27 hours')]))).toBe('1 day 03:00:00');
    expect(show(fn('justify_interval', [iv('1 mon -1 hour')]))).toBe('29 days 23:00:00');
    expect(show(fn('to_date', [text('05 Dec 2000'), text('DD Mon YYYY')]))).toBe('2000-12-05');
    expect(show(fn('to_timestamp', [text('2020-03-05 02:07:09 PM'), text('YYYY-MM-DD HH12:MI:SS AM')]))).toBe('2020-03-05 14:07:09+00');
    expect(show(fn('to_timestamp', [text('2020-03-05 14:07:09.25'), text('YYYY-MM-DD HH24:MI:SS.MS')]))).toBe('2020-03-05 14:07:09.25+00');
    expect(sqlState(() => k(fn('to_date', [text('2020-13-01'), text('YYYY-MM-DD')])))).toBe('22008');
    expect(sqlState(() => k(fn('to_date', [text('20x0-01-01'), text('YYYY-MM-DD')])))).toBe('22007');
  });
});

describe('vectorized length/upper/lower', () => {
  it('ASCII and UTF-8 batches give the same answers as the row-wise functions', () => {
    const ascii = table([['s', T.text, ['abC', '', null, 'Hello World']]], [0, 1, 2, 3]);
    const utf8 = table([['s', T.text, ['ñandú', 'aÉb', null, '']]]);
    expect(evalAt(ascii, fn('length', [ascii.cols[0]!]))).toEqual([3, 0, null, 11]);
    expect(evalAt(utf8, fn('length', [utf8.cols[0]!]))).toEqual([5, 3, null, 0]);
    expect(evalAt(utf8, fn('octet_length', [utf8.cols[0]!]))).toEqual([7, 4, null, 0]);
    expect(evalAt(ascii, fn('upper', [ascii.cols[0]!]))).toEqual(['ABC', '', null, 'HELLO WORLD']);
    expect(evalAt(ascii, fn('lower', [ascii.cols[0]!]))).toEqual(['abc', '', null, 'hello world']);
    expect(evalAt(utf8, fn('upper', [utf8.cols[0]!]))).toEqual(['ÑANDÚ', 'AÉB', null, '']);
  });
});

describe('int column widened to bigint or float8 against a constant', () => {
  it('compares on the int lanes', () => {
    const t = table([['i', T.int32, [1, 2, 3, null]]]);
    const i = t.cols[0]!;
    expect(selectRows(t, op('>', [i, lit(2n, T.int64)]))).toEqual([2]);
    expect(selectRows(t, op('<', [i, lit(2.5, T.float64)]))).toEqual([0, 1]);
    expect(selectRows(t, op('=', [i, lit(2.0, T.float64)]))).toEqual([1]);
    expect(selectRows(t, op('<', [i, lit(3000000000n, T.int64)]))).toEqual([0, 1, 2]);
    expect(evalAt(t, op('>=', [i, lit(2n, T.int64)]))).toEqual([false, true, true, null]);
  });
});

describe('date_trunc on timestamp columns (vectorized)', () => {
  it('agrees with the exact truncation for every field', async () => {
    const { truncMicros } = await import('../../kernels/datetime.ts');
    const stamps = ['1995-03-15 10:11:12.345678', '1969-12-31 23:59:59.5', '2000-02-29 00:00:00', '2021-01-03 05:06:07', '1900-01-01 00:00:00'].map((s) => parseValue(s, T.timestamp) as bigint);
    const t = table([['ts', T.timestamp, [...stamps, null]]]);
    for (const field of ['microseconds', 'milliseconds', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century']) {
      expect([field, evalAt(t, fn('date_trunc', [text(field), t.cols[0]!]))]).toEqual([field, [...stamps.map((s) => truncMicros(field, s)), null]]);
    }
  });
});

describe('rounding family on lanes', () => {
  it('matches the exact row-wise results', () => {
    const vals = [12345, -12345, 12350, -12350, 0, 99999, -1, 5, null];
    const t = table([['d', decimal(10, 3), vals], ['f', T.float64, [2.5, -2.5, 3.5, -0.4, 0, 1e15 + 0.5, -1.5, 0.49999999999999994, null]]]);
    const [d, f] = t.cols as [Expr, Expr];
    expect(evalAt(t, fn('round', [d]))).toEqual([12, -12, 12, -12, 0, 100, 0, 0, null]);
    expect(evalAt(t, fn('round', [d, int(2)]))).toEqual([1235, -1235, 1235, -1235, 0, 10000, 0, 1, null]);
    expect(evalAt(t, fn('trunc', [d, int(1)]))).toEqual([123, -123, 123, -123, 0, 999, 0, 0, null]);
    expect(evalAt(t, fn('floor', [d]))).toEqual([12, -13, 12, -13, 0, 99, -1, 0, null]);
    expect(evalAt(t, fn('ceil', [d]))).toEqual([13, -12, 13, -12, 0, 100, 0, 1, null]);
    expect(evalAt(t, fn('abs', [d]))).toEqual([12345, 12345, 12350, 12350, 0, 99999, 1, 5, null]);
    expect(evalAt(t, fn('sign', [d]))).toEqual([1, -1, 1, -1, 0, 1, -1, 1, null]);
    expect(evalAt(t, fn('round', [d, int(-1)]))).toEqual([10, -10, 10, -10, 0, 100, 0, 0, null]);
    expect(evalAt(t, fn('round', [f]))).toEqual([2, -2, 4, -0, 0, 1e15, -2, 0, null].map((x) => (x === null ? null : x)));
    expect(evalAt(t, fn('ceil', [f]))).toEqual([3, -2, 4, 0, 0, 1e15 + 1, -1, 1, null]);
  });
});

describe('wide decimal arithmetic on number lanes', () => {
  it('uses doubles while exact and BigInt beyond', () => {
    const t = table([['w', decimal(38, 2), [12345n, -5n, 2n ** 60n, null]], ['n', decimal(15, 4), [1, 2, 3, 4]]]);
    const [w, nn] = t.cols as [Expr, Expr];
    expect(evalAt(t, op('+', [w, nn]))).toEqual([1234501n, -498n, 2n ** 60n * 100n + 3n, null]);
    expect(evalAt(t, op('*', [w, lit(3, T.int32)]))).toEqual([37035n, -15n, 3n * 2n ** 60n, null]);
    const small = table([['w', decimal(38, 2), [12345n, -5n]]]);
    expect(evalAt(small, op('-', [small.cols[0]!, lit(1, T.int32)]))).toEqual([12245n, -105n]);
    // narrow operands whose sum needs more than 18 digits: the sum is wide (numeric(23,4)), exact
    const n2 = table([['a', decimal(18, 0), [2 ** 50 + 1]], ['b', decimal(18, 4), [-1]]]);
    expect(evalAt(n2, op('+', [n2.cols[0]!, n2.cols[1]!]))).toEqual([(2n ** 50n + 1n) * 10000n - 1n]);
    // still narrow while 18 digits hold the result; a value beyond 2^53 there raises 22003
    const n3 = table([['a', decimal(17, 0), [2 ** 53 - 1]], ['b', decimal(17, 0), [2 ** 53 - 1]]]);
    expect(sqlState(() => evalAt(n3, op('+', [n3.cols[0]!, n3.cols[1]!])))).toBe('22003');
  });
});
