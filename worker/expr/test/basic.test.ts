import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../core/index.ts';
import { type Expr, call, lit } from '../../../planner/index.ts';
import { castExpr, resolveOperator as op, resolveFunction as fn } from '../../../planner/functions/index.ts';
import { evaluateConstant } from '../index.ts';
import { evalAt, selectRows, sqlState, table } from './helpers.ts';

const money = decimal(15, 2);

describe('comparisons and predicates', () => {
  const t = table([
    ['i', T.int32, [1, 5, null, 7, 3]],
    ['d', money, [100, 250, 300, null, 5]],
    ['s', T.text, ['apple', 'banana', null, 'cherry', 'apple pie']],
    ['dt', T.date, [9000, 9100, 9200, 9300, null]],
    ['b', T.int64, [1n, 2n, 3n, 2n ** 60n, null]],
  ]);
  const [i, d, s, dt, b] = t.cols as [Expr, Expr, Expr, Expr, Expr];

  it('compare with constants (NULL is never selected)', () => {
    expect(selectRows(t, op('>', [i, lit(2, T.int32)]))).toEqual([1, 3, 4]);
    expect(selectRows(t, op('<=', [d, lit('2.50', T.text)]))).toEqual([0, 1, 4]);
    expect(selectRows(t, op('=', [s, lit('apple', T.text)]))).toEqual([0]);
    expect(selectRows(t, op('<', [s, lit('b', T.text)]))).toEqual([0, 4]);
    expect(selectRows(t, op('>=', [dt, lit('1994-09-01', T.text)]))).toEqual([1, 2, 3]);
    expect(selectRows(t, op('>', [b, lit(2, T.int32)]))).toEqual([2, 3]);
    expect(selectRows(t, op('<', [lit(2, T.int32), i]))).toEqual([1, 3, 4]);
  });

  it('compare two columns and evaluate to booleans with NULLs', () => {
    expect(evalAt(t, op('>', [i, op('/', [d, lit(2, T.int32)])]))).toEqual([true, true, null, null, true]);
    expect(evalAt(t, op('<', [op('*', [i, lit(100, T.int32)]), d]))).toEqual([false, false, null, null, false]);
    expect(evalAt(t, op('=', [i, d]))).toEqual([true, false, null, null, false]);
  });

  it('AND / OR / NOT are three-valued', () => {
    const p = op('>', [i, lit(2, T.int32)]);
    const q = op('=', [s, lit('apple', T.text)]);
    expect(evalAt(t, call('and', [p, q], T.boolean))).toEqual([false, false, null, false, false]);
    expect(evalAt(t, call('or', [p, q], T.boolean))).toEqual([true, true, null, true, true]);
    expect(evalAt(t, call('not', [p], T.boolean))).toEqual([true, false, null, false, false]);
    expect(selectRows(t, call('or', [p, q], T.boolean))).toEqual([0, 1, 3, 4]);
    expect(selectRows(t, call('and', [p, call('is_not_null', [s], T.boolean)], T.boolean))).toEqual([1, 3, 4]);
    const nullOrTrue = call('or', [lit(null, T.boolean), op('=', [i, lit(1, T.int32)])], T.boolean);
    expect(evalAt(t, nullOrTrue)).toEqual([true, null, null, null, null]);
  });

  it('IS NULL / IS NOT NULL', () => {
    expect(evalAt(t, call('is_null', [s], T.boolean))).toEqual([false, false, true, false, false]);
    expect(selectRows(t, call('is_null', [dt], T.boolean))).toEqual([4]);
  });

  it('respects an input selection', () => {
    const sel = table([['i', T.int32, [1, 5, null, 7, 3]]], [1, 2, 4]);
    expect(selectRows(sel, op('>', [sel.cols[0]!, lit(2, T.int32)]))).toEqual([1, 4]);
    expect(evalAt(sel, op('*', [sel.cols[0]!, lit(10, T.int32)]))).toEqual([50, null, 30]);
  });
});

describe('arithmetic', () => {
  const t = table([
    ['a', T.int32, [7, -7, 2147483647, null]],
    ['b', T.int32, [2, 2, 1, 3]],
    ['x', money, [10, 20, 12345, null]],
    ['dt', T.date, [0, 31, 59, null]],
    ['f', T.float64, [0.5, 1.5, -2, null]],
  ]);
  const [a, b, x, dt, f] = t.cols as [Expr, Expr, Expr, Expr, Expr];
  const first2 = table([['a', T.int32, [7, -7]], ['b', T.int32, [2, 2]]]);
  const [a2, b2] = first2.cols as [Expr, Expr];

  it('integer division truncates, % follows the dividend sign', () => {
    expect(evalAt(first2, op('/', [a2, b2]))).toEqual([3, -3]);
    expect(evalAt(first2, op('%', [a2, b2]))).toEqual([1, -1]);
  });

  it('integer overflow raises 22003 and division by zero 22012', () => {
    expect(sqlState(() => evalAt(t, op('+', [a, b])))).toBe('22003');
    expect(sqlState(() => evalAt(first2, op('/', [a2, lit(0, T.int32)])))).toBe('22012');
    expect(sqlState(() => evalAt(first2, op('%', [a2, lit(0, T.int32)])))).toBe('22012');
    expect(sqlState(() => evalAt(t, op('/', [f, lit(0, T.int32)])))).toBe('22012');
  });

  it('decimals are exact', () => {
    expect(evaluateConstant(op('+', [castExpr(lit('0.1', T.text), money, true), castExpr(lit('0.2', T.text), money, true)]))).toBe(30);
    const e = op('*', [x, op('-', [lit(1, T.int32), castExpr(lit('0.06', T.text), money, true)])]);
    expect(e.type).toEqual(decimal(18, 4));
    expect(evalAt(t, e)).toEqual([940, 1880, 1160430, null]);
    expect(evalAt(t, op('+', [x, lit(1, T.int32)]))).toEqual([110, 120, 12445, null]);
    expect(evalAt(t, op('-', [x]))).toEqual([-10, -20, -12345, null]);
  });

  it('0.1 + 0.2 = 0.3 with numeric constants as the binder types them', () => {
    const e = op('+', [lit(1, decimal(1, 1)), lit(2, decimal(1, 1))]);
    expect(e.type).toEqual(decimal(2, 1));
    expect(evaluateConstant(castExpr(e, T.text, true))).toBe('0.3');
  });

  it('decimal overflow beyond 2^53 raises 22003', () => {
    const big = table([['x', decimal(18, 0), [2 ** 52, 3]]]);
    expect(sqlState(() => evalAt(big, op('*', [big.cols[0]!, lit(4, T.int32)])))).toBe('22003');
    // narrow decimal × narrow decimal and + run the Float64 loops that report their largest result
    const w = table([['p', decimal(15, 2), [99999999999999, 5]], ['q', decimal(3, 2), [999, 2]], ['s', decimal(17, 0), [2 ** 52 + 2 ** 51, 1]]]);
    const [p, q, sx] = w.cols as [Expr, Expr, Expr];
    expect(sqlState(() => evalAt(w, op('*', [p, q])))).toBe('22003');
    expect(sqlState(() => evalAt(w, op('+', [sx, sx])))).toBe('22003');
    expect(evalAt(w, op('-', [sx, sx]))).toEqual([0, 0]);
    expect(evalAt(w, op('*', [q, q]))).toEqual([998001, 4]);
  });

  it('decimal division gives a wide numeric', () => {
    const e = op('/', [x, lit(3, T.int32)]);
    expect(e.type).toEqual(decimal(38, 16));
    expect(evalAt(t, e)).toEqual([333333333333333n, 666666666666667n, 411500000000000000n, null]);
  });

  it('date + int, date - date', () => {
    expect(evalAt(t, op('+', [dt, lit(1, T.int32)]))).toEqual([1, 32, 60, null]);
    expect(evalAt(t, op('-', [dt, lit('1970-01-01', T.text)]))).toEqual([0, 31, 59, null]);
    expect(evalAt(t, op('+', [lit(1, T.int32), dt]))).toEqual([1, 32, 60, null]);
  });

  it('mixed int and float', () => {
    expect(evalAt(t, op('*', [f, b]))).toEqual([1, 3, -2, null]);
  });

  it('int64 beyond 2^53 stays exact', () => {
    const big = table([['b', T.int64, [2n ** 60n, 5n]]]);
    expect(evalAt(big, op('+', [big.cols[0]!, lit(1, T.int32)]))).toEqual([2n ** 60n + 1n, 6n]);
    expect(sqlState(() => evalAt(big, op('*', [big.cols[0]!, lit(16, T.int32)])))).toBe('22003');
  });
});

describe('constants and temporal arithmetic', () => {
  it('folds date + interval month-end rules as PostgreSQL', () => {
    const d = castExpr(lit('2020-01-31', T.text), T.date, true);
    const e = op('+', [d, lit({ months: 1, days: 0, micros: 0 }, T.interval)]);
    expect(e.type).toEqual(T.timestamp);
    expect(evaluateConstant(castExpr(e, T.text, true))).toBe('2020-02-29 00:00:00');
    expect(evaluateConstant(castExpr(op('-', [castExpr(lit('1998-12-01', T.text), T.date, true), lit({ months: 0, days: 90, micros: 0 }, T.interval)]), T.text, true))).toBe('1998-09-02 00:00:00');
  });

  it('date column compared with date + interval (timestamp)', () => {
    const t = table([['d', T.date, [8766, 9131, 9130, null]]]);
    const limit = op('+', [castExpr(lit('1994-01-01', T.text), T.date, true), lit({ months: 12, days: 0, micros: 0 }, T.interval)]);
    expect(selectRows(t, op('<', [t.cols[0]!, limit]))).toEqual([0, 2]);
  });

  it('CASE evaluates branches only where needed', () => {
    const t = table([['x', T.int32, [0, 2, null, 4]]]);
    const x = t.cols[0]!;
    const e: Expr = { kind: 'case', whens: [{ when: op('<>', [x, lit(0, T.int32)]), then: op('/', [lit(8, T.int32), x]) }], otherwise: lit(-1, T.int32), type: T.int32 };
    expect(evalAt(t, e)).toEqual([-1, 4, -1, 2]);
    const noElse: Expr = { kind: 'case', whens: [{ when: op('>', [x, lit(1, T.int32)]), then: lit('big', T.text) }], otherwise: null, type: T.text };
    expect(evalAt(t, noElse)).toEqual([null, 'big', null, 'big']);
  });

  it('unknown functions and operators raise 42883', () => {
    expect(sqlState(() => fn('nosuch', [lit(1, T.int32)]))).toBe('42883');
    expect(sqlState(() => op('+', [lit(true, T.boolean), lit(1, T.int32)]))).toBe('42883');
    expect(sqlState(() => castExpr(lit('abc', T.text), T.int32, true))).toBe('22P02');
  });
});

describe('int64 division near 2^53', () => {
  it('truncates exactly', () => {
    const a = 2n ** 53n - 1n;
    const t = table([['a', T.int64, [a, -a, 9007199254740990n]], ['b', T.int64, [3n, 3n, 7n]]]);
    expect(evalAt(t, op('/', [t.cols[0]!, t.cols[1]!]))).toEqual([a / 3n, -a / 3n, 9007199254740990n / 7n]);
    expect(evalAt(t, op('%', [t.cols[0]!, t.cols[1]!]))).toEqual([a % 3n, -a % 3n, 9007199254740990n % 7n]);
  });
});
