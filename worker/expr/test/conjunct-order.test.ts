import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../core/index.ts';
import { type Expr, call, lit } from '../../../planner/index.ts';
import { resolveOperator as op } from '../../../planner/functions/index.ts';
import { isErrorFree } from '../compile.ts';
import { compilePredicate } from '../index.ts';
import { ConjunctOrder } from '../conjunct-order.ts';
import { rangePairs } from '../compile-range.ts';
import { table } from './helpers.ts';

describe('adaptive conjunct order', () => {
  it('moves the conjunct that drops more rows per unit of time first, and back when the data changes', () => {
    const o = new ConjunctOrder(3);
    for (let b = 0; b < 16; b++) {
      o.record(0, 100, 90, 1); // keeps 90%
      o.record(1, 90, 9, 1); // keeps 10% at the same cost
      o.record(2, 9, 9, 0.1); // keeps everything: never worth running early
      o.endBatch();
    }
    expect(o.order).toEqual([1, 0, 2]);
    for (let b = 0; b < 64; b++) {
      o.record(1, 100, 95, 1);
      o.record(0, 95, 5, 1);
      o.record(2, 5, 5, 0.1);
      o.endBatch();
    }
    expect(o.order).toEqual([0, 1, 2]);
  });

  it('keeps the written order when a conjunct may raise an error, and gives the same rows either way', () => {
    const n = 64;
    const t = table([['x', T.int32, Array.from({ length: n }, (_, i) => i % 16)], ['y', T.int32, Array.from({ length: n }, (_, i) => i % 5)]]);
    const [x, y] = t.cols;
    // x <> 0 AND 8 / x = 1: the division drops far more rows than the guard, but must never run before it
    const guarded = call('and', [op('<>', [x!, lit(0, T.int32)]), op('=', [op('/', [lit(8, T.int32), x!]), lit(1, T.int32)])], T.boolean);
    const p = compilePredicate(guarded, t.layout);
    const want = Array.from({ length: n }, (_, i) => i).filter((i) => i % 16 >= 5 && i % 16 <= 8);
    for (let b = 0; b < 40; b++) expect(Array.from(p.select(t.batch))).toEqual(want);
    expect(isErrorFree(guarded)).toBe(false);
    // error-free conjuncts reorder freely and keep the same answer
    const free = call('and', [call('and', [op('>=', [x!, lit(1, T.int32)]), op('<', [x!, lit(16, T.int32)])], T.boolean), op('=', [y!, lit(1, T.int32)])], T.boolean);
    const q = compilePredicate(free, t.layout);
    const want2 = Array.from({ length: n }, (_, i) => i).filter((i) => i % 16 >= 1 && i % 5 === 1);
    for (let b = 0; b < 40; b++) expect(Array.from(q.select(t.batch))).toEqual(want2);
    expect(isErrorFree(free)).toBe(true);
    const inList: Expr = { kind: 'in_list', input: y!, list: [lit(1, T.int32), lit(2, T.int32)], negated: false, type: T.boolean };
    expect(isErrorFree(call('and', [inList, op('<>', [x!, y!])], T.boolean))).toBe(true);
    expect(isErrorFree(call('and', [inList, op('<>', [op('+', [x!, y!]), lit(1, T.int32)])], T.boolean))).toBe(false);
  });

  it('fuses bounds on one column into a range pass (strict, inclusive, flipped, NULLs, dates and decimals)', () => {
    const n = 50;
    const xs = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : i - 10));
    const t = table([
      ['x', T.int32, xs],
      ['d', T.date, Array.from({ length: n }, (_, i) => 19000 + i)],
      ['m', decimal(15, 2), Array.from({ length: n }, (_, i) => i * 50)],
      ['y', T.int32, Array.from({ length: n }, (_, i) => i % 3)],
    ]);
    const [x, d, m, y] = t.cols;
    const and = (...a: Expr[]): Expr => a.reduce((l, r) => call('and', [l, r], T.boolean));
    const cases: [Expr, (i: number) => boolean][] = [
      [and(op('>', [x!, lit(-3, T.int32)]), op('=', [y!, lit(1, T.int32)]), op('<=', [x!, lit(20, T.int32)])),
        (i) => xs[i] !== null && xs[i]! > -3 && xs[i]! <= 20 && i % 3 === 1],
      [and(op('<=', [lit(5, T.int32), x!]), op('>', [lit(30, T.int32), x!])), (i) => xs[i] !== null && xs[i]! >= 5 && xs[i]! < 30],
      [and(op('>=', [d!, lit(19010, T.date)]), op('<', [d!, lit(19020, T.date)])), (i) => i >= 10 && i < 20],
      [and(op('>=', [m!, lit(500, decimal(15, 2))]), op('<=', [m!, lit(1200, decimal(15, 2))]), op('<', [m!, lit(1000, decimal(15, 2))])),
        (i) => i * 50 >= 500 && i * 50 < 1000],
    ];
    for (const [e, keep] of cases) {
      const p = compilePredicate(e, t.layout);
      const want = Array.from({ length: n }, (_, i) => i).filter(keep);
      for (let b = 0; b < 20; b++) expect(Array.from(p.select(t.batch))).toEqual(want);
    }
    // pairs: one lower and one upper bound of the same column, each conjunct used once
    const node = (e: Expr) => ({ type: e.type, constant: null, evaluate: () => t.batch.column(0) });
    expect(rangePairs([op('>', [x!, lit(1, T.int32)]), op('<', [y!, lit(2, T.int32)]), op('<', [x!, lit(9, T.int32)])], node).map((r) => [r.first, r.second])).toEqual([[0, 2]]);
    expect(rangePairs([op('>', [x!, lit(1, T.int32)]), op('>', [x!, lit(2, T.int32)])], node)).toEqual([]);
  });
});
