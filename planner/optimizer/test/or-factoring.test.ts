import { describe, expect, it } from 'vitest';
import { explainLogical } from '../explain-logical.ts';
import { factorOr, orFactoring } from '../or-factoring.ts';
import { and, c, eq, gt, lit, lt, or, PlanBuilder } from './plan-builder.ts';
import { exprToString } from '../explain-logical.ts';

describe('OR factoring', () => {
  it('factors conjuncts common to every disjunct', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b', 'c']);
    const A = eq(c(t, 'a'), lit(1));
    const B = gt(c(t, 'b'), lit(2));
    const C = lt(c(t, 'c'), lit(3));
    expect(exprToString(factorOr(or(and(A, B), and(C, A))))).toBe('((a#1 = 1) AND ((b#2 > 2) OR (c#3 < 3)))');
    expect(exprToString(factorOr(or(A, and(A, B))))).toBe('(a#1 = 1)');
    const none = or(B, C);
    expect(factorOr(none)).toBe(none);
  });

  it('Q19 shape: the join key comes out of the OR and each side gets a derived filter', () => {
    const b = new PlanBuilder();
    const l = b.scan('lineitem', ['l_partkey', 'l_quantity']);
    const p = b.scan('part', ['p_partkey', 'p_brand:text']);
    const key = eq(c(p, 'p_partkey'), c(l, 'l_partkey'));
    const plan = b.filter(b.join('cross', l, p), or(
      and(key, eq(c(p, 'p_brand'), lit('B12')), lt(c(l, 'l_quantity'), lit(11))),
      and(key, eq(c(p, 'p_brand'), lit('B23')), lt(c(l, 'l_quantity'), lit(20))),
    ));
    const out = orFactoring.rewrite(plan, b.ctx);
    expect(explainLogical(out).split('\n')[0]).toBe('Filter ((((p_partkey#3 = l_partkey#1) AND '
      + "(((p_brand#4 = 'B12') AND (l_quantity#2 < 11)) OR ((p_brand#4 = 'B23') AND (l_quantity#2 < 20)))) AND "
      + '((l_quantity#2 < 11) OR (l_quantity#2 < 20))) AND '
      + "((p_brand#4 = 'B12') OR (p_brand#4 = 'B23')))");
  });

  it('leaves a plan without ORs untouched', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a']);
    const plan = b.filter(t, gt(c(t, 'a'), lit(1)));
    expect(orFactoring.rewrite(plan, b.ctx)).toBe(plan);
  });
});
