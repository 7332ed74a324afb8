import { describe, expect, it } from 'vitest';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { PlanContext } from '../../plan-context.ts';
import { explainLogical } from '../explain-logical.ts';
import { optimize } from '../optimize.ts';
import { and, c, eq, gt, lit, PlanBuilder, subquery, testEvaluator } from './plan-builder.ts';

describe('optimize', () => {
  it('runs the phases in order and reports every rule that changed the plan', () => {
    const b = new PlanBuilder(new PlanContext({ evaluateConstant: testEvaluator }));
    const o = b.scan('orders', ['o_orderkey', 'o_total', 'o_note:text'], 1_500_000);
    const l = b.scan('lineitem', ['l_orderkey', 'l_qty'], 6_000_000);
    const sq = b.filter(l, and(eq(c(l, 'l_orderkey'), c(o, 'o_orderkey')), gt(c(l, 'l_qty'), lit(10))));
    const where = b.filter(o, and(gt(c(o, 'o_total'), { kind: 'call', fn: 'add', args: [lit(1), lit(2)], type: c(o, 'o_total').type }),
      subquery('exists', sq, [c(o, 'o_orderkey')])));
    const sorted: LogicalPlan = { kind: 'sort', input: b.project(where, [['o_orderkey', c(o, 'o_orderkey')]]), keys: [{ expr: c(o, 'o_orderkey'), ascending: true, nullsFirst: false }] };
    const plan: LogicalPlan = { kind: 'limit', input: sorted, limit: 5, offset: 0 };
    const trace: string[] = [];
    const out = optimize(plan, b.ctx, { trace: (rule, p) => { trace.push(rule); expect(p).toBeDefined(); } });
    expect(trace[0]).toBe('decorrelation');
    expect(trace).toContain('constant_folding');
    expect(trace).toContain('predicate_pushdown');
    expect(trace).toContain('limit_pushdown');
    expect(trace).toContain('projection_pruning');
    // the semi join's inputs are narrowed to the columns read above them (join_input_narrowing)
    expect(trace).toContain('join_input_narrowing');
    expect(explainLogical(out)).toBe([
      'Limit 5',
      '  Sort [o_orderkey#1 ASC NULLS LAST] fetch=5',
      '    Project [o_orderkey#6 := o_orderkey#1]',
      '      Join semi on (l_orderkey#4 = o_orderkey#1)',
      '        Project [o_orderkey#1]',
      '          Filter (o_total#2 > 3)',
      '            Scan orders [o_orderkey#1, o_total#2] pushed=[o_total > 3] rows=1500000',
      '        Project [l_orderkey#4]',
      '          Filter (l_qty#5 > 10)',
      '            Scan lineitem [l_orderkey#4, l_qty#5] pushed=[l_qty > 10] rows=6000000',
    ].join('\n'));
    // A plan that is already optimal comes back as the same object, with no trace.
    const again: string[] = [];
    expect(optimize(out, b.ctx, { trace: (r) => again.push(r) })).toBe(out);
    expect(again).toEqual([]);
  });
});
