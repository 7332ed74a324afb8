import { describe, expect, it } from 'vitest';
import { copyWithFreshIds } from '../copy-plan.ts';
import { explainLogical } from '../explain-logical.ts';
import { semiJoinReduction } from '../semi-join-reduction.ts';
import { agg, c, eq, lit, PlanBuilder } from './plan-builder.ts';

function q17Shape(partRows: number) {
  const b = new PlanBuilder();
  const l = b.scan('lineitem', ['l_partkey', 'l_quantity'], 6_000_000);
  const p = b.scan('part', ['p_partkey', 'p_brand:text'], partRows);
  const a = b.aggregate(l, [c(l, 'l_partkey')], [['avg', agg('avg', [c(l, 'l_quantity')])]]);
  const fp = b.filter(p, eq(c(p, 'p_brand'), lit('Brand#23')));
  return { b, plan: b.join('inner', a, fp, eq(c(a, 'l_partkey'), c(p, 'p_partkey'))) };
}

describe('semi-join reduction', () => {
  it('filters a grouped aggregate input by a copy of the small join side (Q17)', () => {
    const { b, plan } = q17Shape(200_000);
    const out = semiJoinReduction.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Join inner on (l_partkey#5 = p_partkey#3)',
      '  Aggregate group=[l_partkey#5 := l_partkey#1] aggs=[avg(l_quantity#2) AS avg#6]',
      '    Join semi on (l_partkey#1 = p_partkey#7)',
      '      Scan lineitem [l_partkey#1, l_quantity#2] rows=6000000',
      "      Filter (p_brand#8 = 'Brand#23')",
      '        Scan part [p_partkey#7, p_brand#8] rows=200000',
      "  Filter (p_brand#4 = 'Brand#23')",
      '    Scan part [p_partkey#3, p_brand#4] rows=200000',
    ].join('\n'));
    expect(semiJoinReduction.rewrite(out, b.ctx)).toBe(out);
  });

  it('does nothing when the other side is not much smaller than the aggregate input', () => {
    const { b, plan } = q17Shape(100_000_000);
    expect(semiJoinReduction.rewrite(plan, b.ctx)).toBe(plan);
  });

  it('does not copy a side whose rows are not reproducible (LIMIT, random())', () => {
    const { b, plan } = q17Shape(200_000);
    if (plan.kind !== 'join') throw new Error('join expected');
    const limited = { ...plan, right: { kind: 'limit' as const, input: plan.right, limit: 10, offset: 0 } };
    expect(semiJoinReduction.rewrite(limited, b.ctx)).toBe(limited);
  });

  it('copies a subtree with fresh ids for every column it defines', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b']);
    const p = b.project(b.filter(t, eq(c(t, 'a'), lit(1))), [['s', c(t, 'b')]]);
    const copy = copyWithFreshIds(p, b.ctx);
    expect(explainLogical(copy.plan)).toBe('Project [s#6 := b#5]\n  Filter (a#4 = 1)\n    Scan t [a#4, b#5]');
    expect([...copy.ids]).toEqual([[1, 4], [2, 5], [3, 6]]);
  });
});
