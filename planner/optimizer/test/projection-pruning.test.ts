import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { joinInputNarrowing, projectionPruning } from '../projection-pruning.ts';
import { explainLogical } from '../explain-logical.ts';
import { add, agg, c, eq, gt, lit, PlanBuilder } from './plan-builder.ts';

describe('projection pruning', () => {
  it('scans read only the columns used above', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b', 'c', 'd']);
    const plan = b.project(b.filter(t, gt(c(t, 'b'), lit(1))), [['a', c(t, 'a')]]);
    const out = projectionPruning.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [a#5 := a#1]',
      '  Filter (b#2 > 1)',
      '    Scan t [a#1, b#2]',
    ].join('\n'));
  });

  it('drops unused aggregate calls but keeps group keys', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k', 'x', 'y']);
    const a = b.aggregate(t, [c(t, 'k')], [['sx', agg('sum', [c(t, 'x')])], ['sy', agg('sum', [c(t, 'y')])]]);
    const plan = b.project(a, [['sx', c(a, 'sx')]]);
    const out = projectionPruning.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [sx#7 := sx#5]',
      '  Aggregate group=[k#4 := k#1] aggs=[sum(x#2) AS sx#5]',
      '    Scan t [k#1, x#2]',
    ].join('\n'));
  });

  it('collapses project of project', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b']);
    const p1 = b.project(t, [['a1', add(c(t, 'a'), lit(1))], ['b1', c(t, 'b')]]);
    const p2 = b.project(p1, [['z', add(c(p1, 'a1'), c(p1, 'b1'))]]);
    const out = projectionPruning.rewrite(p2, b.ctx);
    expect(explainLogical(out)).toBe('Project [z#5 := ((a#1 + 1) + b#2)]\n  Scan t [a#1, b#2]');
  });

  it('does not duplicate an expensive expression used twice', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a']);
    const p1 = b.project(t, [['a1', add(c(t, 'a'), lit(1))]]);
    const p2 = b.project(p1, [['x', add(c(p1, 'a1'), c(p1, 'a1'))]]);
    expect(projectionPruning.rewrite(p2, b.ctx)).toBe(p2);
  });

  it('prunes both sides of a join, keeping condition columns', () => {
    const b = new PlanBuilder();
    const l = b.scan('l', ['k', 'v', 'w']);
    const r = b.scan('r', ['k', 'name', 'junk']);
    const j = b.join('inner', l, r, eq(c(l, 'k'), c(r, 'k')));
    const plan = b.project(j, [['name', c(r, 'name')], ['v', c(l, 'v')]]);
    const out = projectionPruning.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toContain('Scan l [k#1, v#2]');
    expect(explainLogical(out)).toContain('Scan r [k#4, name#5]');
  });

  it('returns the same object when everything is used', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b']);
    const plan = b.project(t, [['s', add(c(t, 'a'), c(t, 'b'))]]);
    expect(projectionPruning.rewrite(plan, b.ctx)).toBe(plan);
    const j = b.join('inner', t, b.scan('u', ['x']), null);
    expect(projectionPruning.rewrite(j, b.ctx)).toBe(j);
  });

  it('keeps one column of a scan feeding count(*)', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['name:text', 'n']);
    const a = b.aggregate(t, [], [['cnt', agg('count_star', [])]]);
    const out = projectionPruning.rewrite(a, b.ctx);
    expect(explainLogical(out)).toContain('Scan t [n#2]');
  });

  it('keeps one call of a global aggregate nobody reads (its row still counts)', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['x']);
    const a = b.aggregate(t, [], [['s', agg('sum', [c(t, 'x')])], ['m', agg('max', [c(t, 'x')])]]);
    const plan = b.project(a, [['one', lit(1)]]);
    const out = projectionPruning.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toContain('Aggregate group=[] aggs=[sum(x#1) AS s#2]');
  });

  it('drops unused positions of UNION ALL from both inputs, but not of UNION', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b', 'c']);
    const cols = ['p', 'q', 'r'].map((name) => ({ id: b.ctx.newColumnId(), name, type: T.int32, nullable: true }));
    const un: LogicalPlan = { kind: 'set_operation', op: 'union', all: true, left: t, right: b.scan('u', ['x', 'y', 'z']), columns: cols };
    const plan = b.project(un, [['q', c(un, 'q')]]);
    const out = projectionPruning.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [q#10 := q#5]',
      '  SetOperation union all [q#5]',
      '    Scan t [b#2]',
      '    Scan u [y#8]',
    ].join('\n'));
    expect(projectionPruning.rewrite(out, b.ctx)).toBe(out);
    const distinct = b.project({ ...un, all: false } as LogicalPlan, [['q', c(un, 'q')]]);
    expect(projectionPruning.rewrite(distinct, b.ctx)).toBe(distinct);
  });

  it('join input narrowing puts a Project under an outer join side carrying a column only its filter reads', () => {
    const b = new PlanBuilder();
    const cu = b.scan('customer', ['c_custkey', 'c_name']);
    const o = b.scan('orders', ['o_orderkey', 'o_custkey', 'o_comment']);
    const filtered = b.filter(o, gt(c(o, 'o_comment'), lit('x')));
    const j = b.join('left', cu, filtered, eq(c(cu, 'c_custkey'), c(o, 'o_custkey')));
    const plan = b.project(j, [['k', c(cu, 'c_custkey')], ['ok', c(o, 'o_orderkey')]]);
    // plain pruning keeps o_comment flowing into the join (the filter outputs it)
    expect(explainLogical(projectionPruning.rewrite(plan, b.ctx))).toContain('Join left on (c_custkey#1 = o_custkey#4)\n    Scan customer [c_custkey#1]\n    Filter');
    const out = joinInputNarrowing.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [k#6 := c_custkey#1, ok#7 := o_orderkey#3]',
      '  Join left on (c_custkey#1 = o_custkey#4)',
      '    Scan customer [c_custkey#1]',
      '    Project [o_orderkey#3, o_custkey#4]',
      "      Filter (o_comment#5 > 'x')",
      '        Scan orders [o_orderkey#3, o_custkey#4, o_comment#5]',
    ].join('\n'));
    // a fixed point: narrowing the result again changes nothing
    expect(joinInputNarrowing.rewrite(out, b.ctx)).toBe(out);
  });

  it('join input narrowing leaves inner joins alone (join reordering works on whole inner-join trees)', () => {
    const b = new PlanBuilder();
    const cu = b.scan('customer', ['c_custkey']);
    const o = b.scan('orders', ['o_orderkey', 'o_custkey', 'o_comment']);
    const j = b.join('inner', cu, b.filter(o, gt(c(o, 'o_comment'), lit('x'))), eq(c(cu, 'c_custkey'), c(o, 'o_custkey')));
    const plan = b.project(j, [['ok', c(o, 'o_orderkey')]]);
    expect(explainLogical(joinInputNarrowing.rewrite(plan, b.ctx))).toBe(explainLogical(projectionPruning.rewrite(plan, b.ctx)));
  });
});
