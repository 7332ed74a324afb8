import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import { explainLogical } from '../explain-logical.ts';
import { transitivePredicates } from '../transitive-predicates.ts';
import { and, c, eq, gt, lit, lt, PlanBuilder } from './plan-builder.ts';

describe('transitive predicates', () => {
  it('restates column-vs-literal conjuncts for equated columns, along chains', () => {
    const b = new PlanBuilder();
    const f = b.scan('fact', ['date_key', 'v']);
    const d = b.scan('dim', ['date_key', 'year']);
    const x = b.scan('x', ['k']);
    const where = and(eq(c(f, 'date_key'), c(d, 'date_key')), eq(c(d, 'date_key'), c(x, 'k')), lt(lit(20240101), c(d, 'date_key')),
      { kind: 'in_list', input: c(x, 'k'), list: [lit(1), lit(2)], negated: false, type: T.boolean });
    const plan = b.filter(b.join('cross', b.join('cross', f, d), x), where);
    const out = transitivePredicates.rewrite(plan, b.ctx);
    const line = explainLogical(out).split('\n')[0]!;
    expect(line).toContain('(20240101 < date_key#1)');
    expect(line).toContain('(20240101 < k#5)');
    expect(line).toContain('date_key#1 IN (1, 2)');
    expect(line).toContain('date_key#3 IN (1, 2)');
  });

  it('changes nothing without an equality between columns or a bound on them', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b']);
    const p1 = b.filter(t, and(gt(c(t, 'a'), lit(1)), gt(c(t, 'b'), lit(2))));
    expect(transitivePredicates.rewrite(p1, b.ctx)).toBe(p1);
    const p2 = b.filter(t, and(eq(c(t, 'a'), c(t, 'b')), gt(c(t, 'a'), c(t, 'b'))));
    expect(transitivePredicates.rewrite(p2, b.ctx)).toBe(p2);
    // Already stated for both columns: nothing new.
    const p3 = b.filter(t, and(eq(c(t, 'a'), c(t, 'b')), gt(c(t, 'a'), lit(1)), gt(c(t, 'b'), lit(1))));
    expect(transitivePredicates.rewrite(p3, b.ctx)).toBe(p3);
  });
});
