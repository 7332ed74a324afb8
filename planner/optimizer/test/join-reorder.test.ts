import { describe, expect, it } from 'vitest';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { estimateRows } from '../estimate-rows.ts';
import { explainLogical } from '../explain-logical.ts';
import { joinReorder } from '../join-reorder.ts';
import { predicatePushdown } from '../predicate-pushdown.ts';
import { add, c, eq, PlanBuilder } from './plan-builder.ts';
import { q5, q8, q9 } from './tpch-graphs.ts';

function joins(plan: LogicalPlan): (LogicalPlan & { kind: 'join' })[] {
  const out: (LogicalPlan & { kind: 'join' })[] = [];
  const walk = (p: LogicalPlan): void => {
    if (p.kind === 'join') out.push(p);
    if ('input' in p) walk(p.input);
    if ('left' in p) { walk(p.left); walk(p.right); }
  };
  walk(plan);
  return out;
}

function optimizeJoins(plan: LogicalPlan, b: PlanBuilder): LogicalPlan {
  return joinReorder.rewrite(predicatePushdown.rewrite(plan, b.ctx), b.ctx);
}

describe('join reordering', () => {
  for (const [name, build, tables] of [['Q5', q5, 6], ['Q8', q8, 8], ['Q9', q9, 6]] as const) {
    it(`${name}: no cross product, every build side is the smaller input`, () => {
      const b = new PlanBuilder();
      const out = optimizeJoins(build(b), b);
      const js = joins(out);
      expect(js).toHaveLength(tables - 1);
      for (const j of js) {
        expect(j.joinType).toBe('inner');
        expect(j.condition).not.toBeNull();
        expect(estimateRows(j.right)).toBeLessThanOrEqual(estimateRows(j.left));
      }
      // Stable: reordering the result again changes nothing.
      expect(joinReorder.rewrite(out, b.ctx)).toBe(out);
    });
  }

  it('Q5: region and nation are joined first, lineitem meets the small supplier side, customer comes last', () => {
    const b = new PlanBuilder();
    const out = optimizeJoins(q5(b), b);
    const top = joins(out)[0]!;
    expect(explainLogical(top).split('\n')[0])
      .toBe('Join inner on ((c_custkey#1 = o_custkey#4) AND (c_nationkey#2 = s_nationkey#14))');
    expect(explainLogical(out)).toMatch(/Join inner on \(l_suppkey#8 = s_suppkey#13\)\n\s+Scan lineitem/);
    const text = explainLogical(out);
    // region joins nation before either meets a big table.
    expect(text).toMatch(/Join inner on \(n_regionkey#\d+ = r_regionkey#\d+\)\n\s+Scan nation[^\n]*\n\s+Filter \(r_name/);
  });

  it('puts the smaller side on the right of a two-way join and keeps the output column order', () => {
    const b = new PlanBuilder();
    const small = b.scan('small', ['k'], 10);
    const big = b.scan('big', ['k', 'v'], 1_000_000);
    const plan = b.join('inner', small, big, eq(c(small, 'k'), c(big, 'k')));
    const out = joinReorder.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [k#1, k#2, v#3]',
      '  Join inner on (k#1 = k#2)',
      '    Scan big [k#2, v#3] rows=1000000',
      '    Scan small [k#1] rows=10',
    ].join('\n'));
    const already = b.join('inner', big, small, eq(c(small, 'k'), c(big, 'k')));
    expect(joinReorder.rewrite(already, b.ctx)).toBe(already);
  });

  it('cross-joins disconnected components only at the top', () => {
    const b = new PlanBuilder();
    const t1 = b.scan('t1', ['a'], 100), t2 = b.scan('t2', ['a'], 1000), t3 = b.scan('t3', ['x'], 50);
    const plan = b.join('cross', b.join('cross', t1, t3), t2);
    const out = joinReorder.rewrite(b.filter(plan, eq(c(t1, 'a'), c(t2, 'a'))), b.ctx);
    const pushed = joinReorder.rewrite(predicatePushdown.rewrite(b.filter(plan, eq(c(t1, 'a'), c(t2, 'a'))), b.ctx), b.ctx);
    expect(out.kind).toBe('filter'); // a Filter is not part of the graph: only the cross joins below it are reordered
    const js = joins(pushed);
    expect(js[0]!.joinType).toBe('cross');
    expect(js[1]!.joinType).toBe('inner');
  });

  it('plans a chain of 12 relations greedily without cross products', () => {
    const b = new PlanBuilder();
    const rels = Array.from({ length: 12 }, (_, i) => b.scan(`t${String(i).padStart(2, '0')}`, ['a', 'b'], 1000 * (i + 1)));
    let acc: LogicalPlan = rels[0]!;
    for (let i = 1; i < rels.length; i++) acc = b.join('inner', acc, rels[i]!, eq(c(rels[i - 1]!, 'b'), c(rels[i]!, 'a')));
    const out = joinReorder.rewrite(acc, b.ctx);
    const js = joins(out);
    expect(js).toHaveLength(11);
    for (const j of js) expect(j.joinType).toBe('inner');
  });

  it('keeps a conjunct over three relations (a hyperedge) as a join condition', () => {
    const b = new PlanBuilder();
    const t1 = b.scan('t1', ['a'], 100), t2 = b.scan('t2', ['b'], 200), t3 = b.scan('t3', ['c'], 300);
    const hyper = eq(add(c(t1, 'a'), c(t2, 'b')), c(t3, 'c'));
    const plan = b.join('inner', b.join('cross', t1, t2), t3, hyper);
    const out = joinReorder.rewrite(plan, b.ctx);
    const js = joins(out);
    expect(js).toHaveLength(2);
    expect(js.filter((j) => j.condition !== null).map((j) => explainLogical(j).split('\n')[0])).toEqual(['Join inner on ((a#1 + b#2) = c#3)']);
  });
});
