import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { explainLogical } from '../explain-logical.ts';
import { limitPushdown } from '../limit-pushdown.ts';
import { c, eq, PlanBuilder } from './plan-builder.ts';

const limit = (input: LogicalPlan, n: number | null, offset = 0): LogicalPlan => ({ kind: 'limit', input, limit: n, offset });

describe('limit pushdown', () => {
  it('turns Limit over Sort into a top-k sort, through a projection', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b']);
    const sort: LogicalPlan = { kind: 'sort', input: t, keys: [{ expr: c(t, 'a'), ascending: false, nullsFirst: false }] };
    const plan = limit(b.project(sort, [['b', c(t, 'b')]]), 10, 5);
    const out = limitPushdown.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [b#3 := b#2]',
      '  Limit 10 offset 5',
      '    Sort [a#1 DESC NULLS LAST] fetch=15',
      '      Scan t [a#1, b#2]',
    ].join('\n'));
    expect(limitPushdown.rewrite(out, b.ctx)).toBe(out);
  });

  it('LIMIT 0 becomes Empty; nested limits merge', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a']);
    expect(explainLogical(limitPushdown.rewrite(limit(t, 0), b.ctx))).toBe('Empty [a#1]');
    expect(explainLogical(limitPushdown.rewrite(limit(limit(t, 10, 2), 5, 3), b.ctx))).toBe('Limit 5 offset 5\n  Scan t [a#1]');
    expect(explainLogical(limitPushdown.rewrite(limit(limit(t, 4), 5, 3), b.ctx))).toBe('Limit 1 offset 3\n  Scan t [a#1]');
  });

  it('copies the limit into the preserved side of a left join and into UNION ALL inputs, not into inner joins', () => {
    const b = new PlanBuilder();
    const l = b.scan('l', ['k']);
    const r = b.scan('r', ['k']);
    const out = limitPushdown.rewrite(limit(b.join('left', l, r, eq(c(l, 'k'), c(r, 'k'))), 3), b.ctx);
    expect(explainLogical(out)).toBe([
      'Limit 3',
      '  Join left on (k#1 = k#2)',
      '    Limit 3',
      '      Scan l [k#1]',
      '    Scan r [k#2]',
    ].join('\n'));
    const inner = limit(b.join('inner', l, r, eq(c(l, 'k'), c(r, 'k'))), 3);
    expect(limitPushdown.rewrite(inner, b.ctx)).toBe(inner);
    const un: LogicalPlan = { kind: 'set_operation', op: 'union', all: true, left: l, right: r, columns: [{ id: 99, name: 'k', type: T.int32, nullable: true }] };
    const u = limitPushdown.rewrite(limit(un, 2), b.ctx);
    expect(explainLogical(u).match(/Limit 2/g)).toHaveLength(3);
    const distinctUnion: LogicalPlan = { ...un, all: false } as LogicalPlan;
    const du = limit(distinctUnion, 2);
    expect(limitPushdown.rewrite(du, b.ctx)).toBe(du);
  });
});
