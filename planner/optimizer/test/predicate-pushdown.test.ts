import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import { predicatePushdown } from '../predicate-pushdown.ts';
import { explainLogical } from '../explain-logical.ts';
import type { LogicalPlan, Scan } from '../../logical/logical-plan.ts';
import { add, agg, and, c, eq, gt, isNull, lit, lt, or, PlanBuilder } from './plan-builder.ts';

function findScan(plan: LogicalPlan, table: string): Scan {
  let found: Scan | undefined;
  const walk = (p: LogicalPlan): void => {
    if (p.kind === 'scan' && p.tableName === table) found = p;
    for (const k of Object.values(p)) if (k && typeof k === 'object' && 'kind' in k) walk(k as LogicalPlan);
  };
  walk(plan);
  return found!;
}

describe('predicate pushdown', () => {
  it('splits a filter over a cross join into scan filters and a join condition', () => {
    const b = new PlanBuilder();
    const o = b.scan('orders', ['o_orderkey', 'o_date:date']);
    const l = b.scan('lineitem', ['l_orderkey', 'l_qty']);
    const plan = b.filter(b.join('cross', o, l), and(eq(c(o, 'o_orderkey'), c(l, 'l_orderkey')), gt(c(l, 'l_qty'), lit(5)), lt(c(o, 'o_date'), lit(100, T.date))));
    const out = predicatePushdown.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Join inner on (o_orderkey#1 = l_orderkey#3)',
      "  Filter (o_date#2 < DATE '1970-04-11')",
      "    Scan orders [o_orderkey#1, o_date#2] pushed=[o_date < DATE '1970-04-11']",
      '  Filter (l_qty#4 > 5)',
      '    Scan lineitem [l_orderkey#3, l_qty#4] pushed=[l_qty > 5]',
    ].join('\n'));
    // Idempotent: a second run changes nothing and returns the same object.
    expect(predicatePushdown.rewrite(out, b.ctx)).toBe(out);
  });

  it('pushes IN lists and IS NULL into the scan, but not mismatched-type literals', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a', 'b:bigint', 's:text']);
    const plan = b.filter(t, and(
      { kind: 'in_list', input: c(t, 'a'), list: [lit(1), lit(2)], negated: false, type: T.boolean },
      isNull(c(t, 's')),
      eq(c(t, 'b'), lit(3)), // int32 literal against a bigint column: not pushed
      eq(lit(4), c(t, 'a')),
    ));
    const out = predicatePushdown.rewrite(plan, b.ctx);
    expect(findScan(out, 't').pushedPredicates).toEqual([
      { kind: 'in', column: 0, values: [1, 2] },
      { kind: 'is_null', column: 2, negated: false },
      { kind: 'compare', column: 0, op: '=', value: 4 },
    ]);
    expect(out.kind).toBe('filter');
  });

  it('never pushes a WHERE conjunct into the null-supplying side of a left join', () => {
    const b = new PlanBuilder();
    const l = b.scan('l', ['k', 'v']);
    const r = b.scan('r', ['k', 'w']);
    const j = b.join('left', l, r, and(eq(c(l, 'k'), c(r, 'k')), gt(c(r, 'w'), lit(1)), gt(c(l, 'v'), lit(2))));
    const plan = b.filter(j, and(gt(c(l, 'v'), lit(0)), or(isNull(c(r, 'w')), gt(c(r, 'w'), lit(9)))));
    const out = predicatePushdown.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Filter ((w#4 IS NULL) OR (w#4 > 9))',
      '  Join left on ((k#1 = k#3) AND (v#2 > 2))',
      '    Filter (v#2 > 0)',
      '      Scan l [k#1, v#2] pushed=[v > 0]',
      '    Filter (w#4 > 1)',
      '      Scan r [k#3, w#4] pushed=[w > 1]',
    ].join('\n'));
  });

  it('turns a left join inner when a predicate above rejects NULLs of the right side', () => {
    const b = new PlanBuilder();
    const l = b.scan('l', ['k']);
    const r = b.scan('r', ['k', 'w']);
    const plan = b.filter(b.join('left', l, r, eq(c(l, 'k'), c(r, 'k'))), gt(c(r, 'w'), lit(1)));
    const out = predicatePushdown.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Join inner on (k#1 = k#2)',
      '  Scan l [k#1]',
      '  Filter (w#3 > 1)',
      '    Scan r [k#2, w#3] pushed=[w > 1]',
    ].join('\n'));
  });

  it('pushes through projections by substitution and below aggregates on group keys only', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k', 'x']);
    const a = b.aggregate(t, [c(t, 'k')], [['s', agg('sum', [c(t, 'x')])]]);
    const p = b.project(a, [['k2', add(c(a, 'k'), lit(1))], ['s', c(a, 's')]]);
    const plan = b.filter(p, and(gt(c(p, 'k2'), lit(10)), gt(c(p, 's'), lit(100))));
    const out = predicatePushdown.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [k2#5 := (k#3 + 1), s#6 := s#4]',
      '  Filter (s#4 > 100)',
      '    Aggregate group=[k#3 := k#1] aggs=[sum(x#2) AS s#4]',
      '      Filter ((k#1 + 1) > 10)',
      '        Scan t [k#1, x#2]',
    ].join('\n'));
  });

  it('does not push below a global aggregate, a limit, or a volatile projection', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['x']);
    const g = b.aggregate(t, [], [['s', agg('sum', [c(t, 'x')])]]);
    const p1 = b.filter(g, gt(c(g, 's'), lit(1)));
    expect(predicatePushdown.rewrite(p1, b.ctx)).toBe(p1);
    const lim: LogicalPlan = { kind: 'limit', input: t, limit: 5, offset: 0 };
    const p2 = b.filter(lim, gt(c(t, 'x'), lit(1)));
    expect(predicatePushdown.rewrite(p2, b.ctx)).toBe(p2);
    const vp = b.project(t, [['r', { kind: 'call', fn: 'random', args: [], type: T.float64 }]]);
    const p3 = b.filter(vp, gt(c(vp, 'r'), lit(0.5, T.float64)));
    expect(predicatePushdown.rewrite(p3, b.ctx)).toBe(p3);
  });

  it('pushes into both inputs of a union by position, and into the left of a semi join', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['a']);
    const u = b.scan('u', ['b']);
    const cols = [{ id: b.ctx.newColumnId(), name: 'x', type: T.int32, nullable: true }];
    const un: LogicalPlan = { kind: 'set_operation', op: 'union', all: true, left: t, right: u, columns: cols };
    const out = predicatePushdown.rewrite(b.filter(un, gt(c(un, 'x'), lit(1))), b.ctx);
    expect(explainLogical(out)).toContain('Filter (a#1 > 1)');
    expect(explainLogical(out)).toContain('Filter (b#2 > 1)');
    const s = b.join('semi', t, u, and(eq(c(t, 'a'), c(u, 'b')), gt(c(u, 'b'), lit(3))));
    const out2 = predicatePushdown.rewrite(b.filter(s, gt(c(t, 'a'), lit(2))), b.ctx);
    expect(explainLogical(out2)).toBe([
      'Join semi on (a#1 = b#2)',
      '  Filter (a#1 > 2)',
      '    Scan t [a#1] pushed=[a > 2]',
      '  Filter (b#2 > 3)',
      '    Scan u [b#2] pushed=[b > 3]',
    ].join('\n'));
  });

  it('sinks a semi join onto the inner-join input its condition reads (Q18)', () => {
    const b = new PlanBuilder();
    const o = b.scan('orders', ['o_orderkey', 'o_custkey'], 1500);
    const l = b.scan('lineitem', ['l_orderkey', 'l_quantity'], 6000);
    const big = b.scan('big', ['k'], 200);
    const j = b.join('inner', l, o, eq(c(o, 'o_orderkey'), c(l, 'l_orderkey')));
    const p = b.project(j, [['o_orderkey', c(o, 'o_orderkey')], ['l_quantity', c(l, 'l_quantity')]]);
    const pass = { ...p, columns: p.kind === 'project' ? [{ ...p.columns[0]!, id: c(o, 'o_orderkey').id }, p.columns[1]!] : [] } as typeof p;
    const semi = b.join('semi', pass, big, eq(c(o, 'o_orderkey'), c(big, 'k')));
    const out = predicatePushdown.rewrite(semi, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [o_orderkey#1, l_quantity#7 := l_quantity#4]',
      '  Join inner on (o_orderkey#1 = l_orderkey#3)',
      '    Scan lineitem [l_orderkey#3, l_quantity#4] rows=6000',
      '    Join semi on (o_orderkey#1 = k#5)',
      '      Scan orders [o_orderkey#1, o_custkey#2] rows=1500',
      '      Scan big [k#5] rows=200',
    ].join('\n'));
    // Against a build side bigger than orders it stays where it is.
    const huge = b.scanOf('huge', big.source, 100_000);
    const semiHuge = b.join('semi', pass, huge, eq(c(o, 'o_orderkey'), c(huge, 'k')));
    expect(predicatePushdown.rewrite(semiHuge, b.ctx)).toBe(semiHuge);
    expect(predicatePushdown.rewrite(out, b.ctx)).toBe(out);
    // A semi join reading both sides of the inner join stays above it.
    const both = b.join('semi', j, big, and(eq(c(o, 'o_orderkey'), c(big, 'k')), gt(c(l, 'l_quantity'), c(big, 'k'))));
    expect(predicatePushdown.rewrite(both, b.ctx)).toBe(both);
  });
});
