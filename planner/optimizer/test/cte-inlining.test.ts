import { describe, expect, it } from 'vitest';
import type { LogicalPlan, PlanColumn } from '../../logical/logical-plan.ts';
import { cteInlining } from '../cte-inlining.ts';
import { distinctToAggregate } from '../distinct-to-aggregate.ts';
import { explainLogical } from '../explain-logical.ts';
import { agg, c, gt, lit, PlanBuilder, subquery } from './plan-builder.ts';

function ref(b: PlanBuilder, cteId: number, def: LogicalPlan & { columns: readonly PlanColumn[] }): LogicalPlan {
  return { kind: 'cte_ref', cteId, name: 'r0', columns: def.columns.map((x) => ({ ...x, id: b.ctx.newColumnId() })) };
}

describe('CTE inlining', () => {
  it('inlines a CTE referenced once under a renaming projection', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k', 'v']);
    const def = b.aggregate(t, [c(t, 'k')], [['s', agg('sum', [c(t, 'v')])]]) as LogicalPlan & { kind: 'aggregate' };
    const r = ref(b, 1, def);
    const plan: LogicalPlan = { kind: 'cte_anchor', cteId: 1, name: 'r0', definition: def, input: b.filter(r, gt(c(r, 's'), lit(5))) };
    const out = cteInlining.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Filter (s#6 > 5)',
      '  Project [k#5 := k#3, s#6 := s#4]',
      '    Aggregate group=[k#3 := k#1] aggs=[sum(v#2) AS s#4]',
      '      Scan t [k#1, v#2]',
    ].join('\n'));
  });

  it('keeps a CTE referenced twice (Q15), counting refs inside subqueries', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k', 'v']);
    const def = b.aggregate(t, [c(t, 'k')], [['s', agg('sum', [c(t, 'v')])]]) as LogicalPlan & { kind: 'aggregate' };
    const r1 = ref(b, 1, def);
    const r2 = ref(b, 1, def);
    const mx = b.aggregate(r2, [], [['m', agg('max', [c(r2, 's')])]]);
    const plan: LogicalPlan = { kind: 'cte_anchor', cteId: 1, name: 'r0', definition: def, input: b.filter(r1, gt(c(r1, 's'), subquery('scalar', mx, []))) };
    expect(cteInlining.rewrite(plan, b.ctx)).toBe(plan);
  });

  it('drops an unreferenced CTE', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k']);
    const plan: LogicalPlan = { kind: 'cte_anchor', cteId: 7, name: 'unused', definition: t, input: b.scan('u', ['x']) };
    expect(explainLogical(cteInlining.rewrite(plan, b.ctx))).toBe('Scan u [x#2]');
  });
});

describe('DISTINCT to aggregate', () => {
  it('groups by every column, or disappears over a keys-only aggregate', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b']);
    const d: LogicalPlan = { kind: 'distinct', input: t };
    expect(explainLogical(distinctToAggregate.rewrite(d, b.ctx))).toBe('Aggregate group=[a#1, b#2] aggs=[]\n  Scan t [a#1, b#2]');
    const g = b.aggregate(t, [c(t, 'a')], []);
    expect(distinctToAggregate.rewrite({ kind: 'distinct', input: g }, b.ctx)).toBe(g);
    expect(distinctToAggregate.rewrite(t, b.ctx)).toBe(t);
  });
});
