import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../core/index.ts';
import { type Expr, call, lit } from '../../../planner/index.ts';
import { castExpr, resolveFunction as fn, resolveOperator as op } from '../../../planner/functions/index.ts';
import { evalAt, selectRows, table } from './helpers.ts';

/** Rows outside the selection hold values that would fail (0 divisors, bad text); they must never be evaluated into errors. */
describe('evaluation honours the batch selection', () => {
  const t = table([
    ['x', T.int32, [0, 4, 0, 2, 0]],
    ['s', T.text, ['bad', '12', 'worse', '7', 'x']],
    ['d', decimal(15, 2), [1, 250, 3, 125, 5]],
    ['big', decimal(18, 0), [2 ** 52, 2, 2 ** 52, 3, 2 ** 52]],
  ], [1, 3]);
  const [x, s, d, big] = t.cols as [Expr, Expr, Expr, Expr];

  it('arithmetic, casts and overflow checks only look at selected rows', () => {
    expect(evalAt(t, op('/', [lit(8, T.int32), x]))).toEqual([2, 4]);
    expect(evalAt(t, castExpr(s, T.int32, true))).toEqual([12, 7]);
    expect(evalAt(t, op('*', [big, lit(4, T.int32)]))).toEqual([8, 12]);
    expect(evalAt(t, op('/', [d, x]))).toEqual([6250000000000000n, 6250000000000000n]);
  });

  it('predicates return a subset of the selection', () => {
    expect(selectRows(t, op('>', [x, lit(0, T.int32)]))).toEqual([1, 3]);
    expect(selectRows(t, op('=', [op('/', [lit(8, T.int32), x]), lit(4, T.int32)]))).toEqual([3]);
    expect(selectRows(t, op('~~', [s, lit('1%', T.text)]))).toEqual([1]);
    expect(selectRows(t, call('or', [op('=', [x, lit(4, T.int32)]), op('=', [s, lit('7', T.text)])], T.boolean))).toEqual([1, 3]);
  });

  it('text results, CASE and COALESCE keep physical positions', () => {
    expect(evalAt(t, op('||', [s, lit('!', T.text)]))).toEqual(['12!', '7!']);
    expect(evalAt(t, fn('upper', [op('||', [s, lit('a', T.text)])]))).toEqual(['12A', '7A']);
    const c: Expr = { kind: 'case', whens: [{ when: op('>', [x, lit(3, T.int32)]), then: s }], otherwise: lit('small', T.text), type: T.text };
    expect(evalAt(t, c)).toEqual(['12', 'small']);
    expect(evalAt(t, fn('coalesce', [fn('nullif', [s, lit('12', T.text)]), lit('was 12', T.text)]))).toEqual(['was 12', '7']);
    const inList: Expr = { kind: 'in_list', input: s, list: [lit('7', T.text), lit('bad', T.text)], negated: false, type: T.boolean };
    expect(evalAt(t, inList)).toEqual([false, true]);
    expect(evalAt(t, fn('substring', [s, lit(1, T.int32), lit(1, T.int32)]))).toEqual(['1', '7']);
    expect(evalAt(t, fn('length', [s]))).toEqual([2, 1]);
  });

  it('an empty selection evaluates nothing', () => {
    const empty = table([['x', T.int32, [0, 0]]], []);
    expect(selectRows(empty, op('>', [op('/', [lit(1, T.int32), empty.cols[0]!]), lit(0, T.int32)]))).toEqual([]);
    expect(evalAt(empty, op('/', [lit(1, T.int32), empty.cols[0]!]))).toEqual([]);
  });
});

describe('NOT and IS [NOT] NULL in select form', () => {
  it('NOT selects FALSE rows only; IS NULL reads validity', () => {
    const t = table([['x', T.int32, [1, null, 3, 4]]], [0, 1, 2]);
    const x = t.cols[0]!;
    const gt = op('>', [x, lit(2, T.int32)]);
    expect(selectRows(t, call('not', [gt], T.boolean))).toEqual([0]);
    expect(evalAt(t, call('not', [gt], T.boolean))).toEqual([true, null, false]);
    expect(selectRows(t, call('is_null', [x], T.boolean))).toEqual([1]);
    expect(selectRows(t, call('is_not_null', [x], T.boolean))).toEqual([0, 2]);
    expect(selectRows(t, call('not', [call('is_null', [x], T.boolean)], T.boolean))).toEqual([0, 2]);
    const noNulls = table([['x', T.int32, [1, 2]]]);
    expect(selectRows(noNulls, call('is_null', [noNulls.cols[0]!], T.boolean))).toEqual([]);
    expect(selectRows(noNulls, call('is_not_null', [noNulls.cols[0]!], T.boolean))).toEqual([0, 1]);
  });
});
