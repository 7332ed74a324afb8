import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import type { Expr } from '../../expr.ts';
import { PlanContext } from '../../plan-context.ts';
import { constantFolding } from '../constant-folding.ts';
import { explainLogical } from '../explain-logical.ts';
import { add, and, c, eq, FALSE, gt, lit, mul, not, or, PlanBuilder, testEvaluator, TRUE } from './plan-builder.ts';

const ctx = new PlanContext({ evaluateConstant: testEvaluator });

describe('constant folding', () => {
  it('folds literal arithmetic through the injected evaluator', () => {
    const b = new PlanBuilder(new PlanContext({ evaluateConstant: testEvaluator }));
    const t = b.scan('t', ['a', 'b']);
    const plan = b.filter(t, gt(c(t, 'a'), add(lit(1), mul(lit(2), lit(3)))));
    const out = constantFolding.rewrite(plan, ctx);
    expect(explainLogical(out)).toBe('Filter (a#1 > 7)\n  Scan t [a#1, b#2]');
  });

  it('does not fold without an evaluator, nor volatile functions, nor failing evaluation', () => {
    const b = new PlanBuilder(new PlanContext());
    const t = b.scan('t', ['a']);
    const plan = b.filter(t, gt(c(t, 'a'), add(lit(1), lit(2))));
    expect(constantFolding.rewrite(plan, b.ctx)).toBe(plan);
    const rnd = b.filter(t, gt(c(t, 'a'), { kind: 'call', fn: 'random', args: [], type: T.float64 }));
    expect(constantFolding.rewrite(rnd, ctx)).toBe(rnd);
    const divZero = b.filter(t, gt(c(t, 'a'), { kind: 'call', fn: 'divide', args: [lit(1), lit(0)], type: T.int32 }));
    expect(constantFolding.rewrite(divZero, ctx)).toBe(divZero);
  });

  it('simplifies boolean connectives', () => {
    const b = new PlanBuilder(new PlanContext({ evaluateConstant: testEvaluator }));
    const t = b.scan('t', ['a', 'b']);
    const p = gt(c(t, 'a'), lit(1));
    const q = gt(c(t, 'b'), lit(2));
    const cases: [ReturnType<typeof and>, string][] = [
      [and(p, TRUE), '(a#1 > 1)'],
      [or(p, FALSE), '(a#1 > 1)'],
      [not(not(p)), '(a#1 > 1)'],
      [and(p, TRUE, q), '((a#1 > 1) AND (b#2 > 2))'],
      [or(q, and(p, FALSE)), '(b#2 > 2)'],
    ];
    for (const [pred, expected] of cases) {
      const out = constantFolding.rewrite(b.filter(t, pred), ctx);
      expect(explainLogical(out).split('\n')[0]).toBe(`Filter ${expected}`);
    }
  });

  it('removes constantly true filters and turns false/NULL filters into Empty', () => {
    const b = new PlanBuilder(new PlanContext({ evaluateConstant: testEvaluator }));
    const t = b.scan('t', ['a']);
    expect(constantFolding.rewrite(b.filter(t, or(gt(c(t, 'a'), lit(1)), TRUE)), ctx)).toBe(t);
    const f = constantFolding.rewrite(b.filter(t, and(gt(c(t, 'a'), lit(1)), FALSE)), ctx);
    expect(explainLogical(f)).toBe('Empty [a#1]');
    const n = constantFolding.rewrite(b.filter(t, eq(lit(1), lit(null))), ctx);
    expect(n.kind).toBe('empty');
    // Empty propagates through an inner join but not into a left join's preserved side.
    const u = b.scan('u', ['x']);
    const inner = b.join('inner', b.filter(t, FALSE), u, eq(c(t, 'a'), c(u, 'x')));
    expect(constantFolding.rewrite(inner, ctx).kind).toBe('empty');
    const left = b.join('left', t, b.filter(u, FALSE), eq(c(t, 'a'), c(u, 'x')));
    const out = constantFolding.rewrite(left, ctx);
    expect(out.kind).toBe('join');
    expect(explainLogical(out)).toContain('Empty [x#2]');
  });

  it('leaves a = a alone (NULL semantics) and returns the same object', () => {
    const b = new PlanBuilder(new PlanContext({ evaluateConstant: testEvaluator }));
    const t = b.scan('t', ['a']);
    const plan = b.filter(t, eq(c(t, 'a'), c(t, 'a')));
    expect(constantFolding.rewrite(plan, ctx)).toBe(plan);
  });

  it('drops dead CASE arms', () => {
    const b = new PlanBuilder(new PlanContext({ evaluateConstant: testEvaluator }));
    const t = b.scan('t', ['a']);
    const e = { kind: 'case' as const, whens: [{ when: FALSE, then: lit(1) }, { when: eq(c(t, 'a'), lit(2)), then: lit(2) }, { when: TRUE, then: lit(3) }], otherwise: lit(4), type: T.int32 };
    const out = constantFolding.rewrite(b.project(t, [['x', e]]), ctx);
    expect(explainLogical(out).split('\n')[0]).toBe('Project [x#2 := CASE WHEN (a#1 = 2) THEN 2 ELSE 3 END]');
  });

  it('unwraps date → timestamp casts against timestamp literals, rounding bounds exactly', () => {
    const b = new PlanBuilder(new PlanContext({ evaluateConstant: testEvaluator }));
    const t = b.scan('t', ['d:date', 'i']);
    const castD = { kind: 'cast' as const, input: c(t, 'd'), type: T.timestamp };
    const day = 86_400_000_000n;
    const ts = (v: bigint) => lit(v, T.timestamp);
    const call = (fn: string, x: Expr, y: Expr): Expr => ({ kind: 'call', fn, args: [x, y], type: T.boolean });
    const line = (pred: Expr): string => explainLogical(constantFolding.rewrite(b.filter(t, pred), b.ctx)).split('\n')[0]!;
    expect(line(call('le', castD, ts(10n * day)))).toBe("Filter (d#1 <= DATE '1970-01-11')");
    expect(line(call('lt', castD, ts(10n * day + 1n)))).toBe("Filter (d#1 < DATE '1970-01-12')");
    expect(line(call('gt', ts(10n * day + 1n), castD))).toBe("Filter (d#1 < DATE '1970-01-12')");
    expect(line(call('ge', castD, ts(10n * day + 1n)))).toBe("Filter (d#1 >= DATE '1970-01-12')");
    expect(line(call('gt', castD, ts(10n * day + 1n)))).toBe("Filter (d#1 > DATE '1970-01-11')");
    expect(constantFolding.rewrite(b.filter(t, call('eq', castD, ts(10n * day + 1n))), b.ctx).kind).toBe('empty');
    const castI = { kind: 'cast' as const, input: c(t, 'i'), type: T.int64 };
    expect(line(call('eq', castI, lit(5n, T.int64)))).toBe('Filter (i#2 = 5)');
    const big = b.filter(t, call('eq', castI, lit(5_000_000_000n, T.int64)));
    expect(constantFolding.rewrite(big, b.ctx)).toBe(big);
  });
});
