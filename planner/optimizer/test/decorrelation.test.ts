import { describe, expect, it } from 'vitest';
import { decimal, T } from '../../../core/index.ts';
import { LochError } from '../../../core/index.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { decorrelation } from '../decorrelation.ts';
import { explainLogical } from '../explain-logical.ts';
import { add, agg, and, c, eq, gt, lit, lt, mul, neq, not, or, PlanBuilder, subquery } from './plan-builder.ts';

function hasSubquery(plan: LogicalPlan): boolean {
  return explainLogical(plan).includes('subquery');
}

describe('decorrelation', () => {
  it('Q4: correlated EXISTS becomes a semi join on the correlation predicate', () => {
    const b = new PlanBuilder();
    const o = b.scan('orders', ['o_orderkey', 'o_orderpriority:text']);
    const l = b.scan('lineitem', ['l_orderkey', 'l_commitdate:date', 'l_receiptdate:date']);
    const sq = b.project(b.filter(l, and(eq(c(l, 'l_orderkey'), c(o, 'o_orderkey')), lt(c(l, 'l_commitdate'), c(l, 'l_receiptdate')))),
      [['l_orderkey', c(l, 'l_orderkey')]]);
    const plan = b.filter(o, and(gt(c(o, 'o_orderkey'), lit(0)), subquery('exists', sq, [c(o, 'o_orderkey')])));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Join semi on (l_orderkey#3 = o_orderkey#1)',
      '  Filter (o_orderkey#1 > 0)',
      '    Scan orders [o_orderkey#1, o_orderpriority#2]',
      '  Filter (l_commitdate#4 < l_receiptdate#5)',
      '    Scan lineitem [l_orderkey#3, l_commitdate#4, l_receiptdate#5]',
    ].join('\n'));
  });

  it('Q21: EXISTS and NOT EXISTS with a <> correlation become semi and anti joins with residual conditions', () => {
    const b = new PlanBuilder();
    const l1 = b.scan('lineitem', ['l_orderkey', 'l_suppkey', 'l_commitdate:date', 'l_receiptdate:date']);
    const l2 = b.scanOf('lineitem', l1.source);
    const l3 = b.scanOf('lineitem', l1.source);
    const ex = b.filter(l2, and(eq(c(l2, 'l_orderkey'), c(l1, 'l_orderkey')), neq(c(l2, 'l_suppkey'), c(l1, 'l_suppkey'))));
    const nex = b.filter(l3, and(eq(c(l3, 'l_orderkey'), c(l1, 'l_orderkey')), neq(c(l3, 'l_suppkey'), c(l1, 'l_suppkey')),
      gt(c(l3, 'l_receiptdate'), c(l3, 'l_commitdate'))));
    const outer = [c(l1, 'l_orderkey'), c(l1, 'l_suppkey')];
    const plan = b.filter(l1, and(subquery('exists', ex, outer), not(subquery('exists', nex, outer))));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Join anti on ((l_orderkey#9 = l_orderkey#1) AND (l_suppkey#10 <> l_suppkey#2))',
      '  Join semi on ((l_orderkey#5 = l_orderkey#1) AND (l_suppkey#6 <> l_suppkey#2))',
      '    Scan lineitem [l_orderkey#1, l_suppkey#2, l_commitdate#3, l_receiptdate#4]',
      '    Scan lineitem [l_orderkey#5, l_suppkey#6, l_commitdate#7, l_receiptdate#8]',
      '  Filter (l_receiptdate#12 > l_commitdate#11)',
      '    Scan lineitem [l_orderkey#9, l_suppkey#10, l_commitdate#11, l_receiptdate#12]',
    ].join('\n'));
  });

  it('Q17: correlated scalar aggregate is grouped by the correlation key and left-joined', () => {
    const b = new PlanBuilder();
    const p = b.scan('part', ['p_partkey', 'p_brand:text']);
    const l = b.scan('lineitem', ['l_partkey', 'l_quantity:money']);
    const a = b.aggregate(b.filter(l, eq(c(l, 'l_partkey'), c(p, 'p_partkey'))), [], [['avg', agg('avg', [c(l, 'l_quantity')])]]);
    const sq = b.project(a, [['x', mul(lit(2, decimal(2, 1)), c(a, 'avg'))]]);
    const plan = b.filter(p, lt(lit(5), subquery('scalar', sq, [c(p, 'p_partkey')])));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [p_partkey#1, p_brand#2]',
      '  Filter (5 < x#6)',
      '    Join left on (l_partkey#3 = p_partkey#1)',
      '      Scan part [p_partkey#1, p_brand#2]',
      '      Project [x#6 := (0.2 * avg#5), l_partkey#3]',
      '        Aggregate group=[l_partkey#3] aggs=[avg(l_quantity#4) AS avg#5]',
      '          Scan lineitem [l_partkey#3, l_quantity#4]',
    ].join('\n'));
  });

  it('COUNT bug: a correlated count(*) yields 0, not NULL, for outer rows without matches', () => {
    const b = new PlanBuilder();
    const cst = b.scan('customer', ['c_custkey']);
    const o = b.scan('orders', ['o_custkey']);
    const a = b.aggregate(b.filter(o, eq(c(o, 'o_custkey'), c(cst, 'c_custkey'))), [], [['cnt', agg('count_star', [], T.int64)]]);
    const plan = b.project(cst, [['n', subquery('scalar', a, [c(cst, 'c_custkey')])]]);
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [n#4 := CASE WHEN (matched#5 IS NULL) THEN 0 ELSE cnt#3 END]',
      '  Join left on (o_custkey#2 = c_custkey#1)',
      '    Scan customer [c_custkey#1]',
      '    Project [o_custkey#2, cnt#3, matched#5 := true]',
      '      Aggregate group=[o_custkey#2] aggs=[count_star() AS cnt#3]',
      '        Scan orders [o_custkey#2]',
    ].join('\n'));
    // Correlation on outer columns only: no key to test, the marker still tells.
    const flag = b.scan('c2', ['c_flag']);
    const o2 = b.scan('orders', ['o_x']);
    const cnt = b.aggregate(b.filter(o2, eq(c(flag, 'c_flag'), lit(1))), [], [['cnt', agg('count_star', [], T.int64)]]);
    const out2 = decorrelation.rewrite(b.project(flag, [['n', subquery('scalar', cnt, [c(flag, 'c_flag')])]]), b.ctx);
    expect(explainLogical(out2)).toContain('CASE WHEN (matched#');
    expect(explainLogical(out2)).toContain('Join left on (c_flag#6 = 1)');
  });

  it('Q22: uncorrelated scalar aggregate becomes a cross join; NOT EXISTS an anti join', () => {
    const b = new PlanBuilder();
    const cst = b.scan('customer', ['c_custkey', 'c_acctbal:money']);
    const c2 = b.scanOf('customer', cst.source);
    const o = b.scan('orders', ['o_custkey']);
    const avg = b.aggregate(b.filter(c2, gt(c(c2, 'c_acctbal'), lit(0, decimal(15, 2)))), [], [['avg', agg('avg', [c(c2, 'c_acctbal')])]]);
    const ne = b.filter(o, eq(c(o, 'o_custkey'), c(cst, 'c_custkey')));
    const plan = b.filter(cst, and(gt(c(cst, 'c_acctbal'), subquery('scalar', avg, [])), not(subquery('exists', ne, [c(cst, 'c_custkey')]))));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [c_custkey#1, c_acctbal#2]',
      '  Filter (c_acctbal#2 > avg#6)',
      '    Join anti on (o_custkey#5 = c_custkey#1)',
      '      Join cross',
      '        Scan customer [c_custkey#1, c_acctbal#2]',
      '        Aggregate group=[] aggs=[avg(c_acctbal#4) AS avg#6]',
      '          Filter (c_acctbal#4 > 0.00)',
      '            Scan customer [c_custkey#3, c_acctbal#4]',
      '      Scan orders [o_custkey#5]',
    ].join('\n'));
  });

  it('Q16/Q18: NOT IN becomes anti_null_aware, IN over a grouped subquery a semi join', () => {
    const b = new PlanBuilder();
    const ps = b.scan('partsupp', ['ps_suppkey']);
    const s = b.scan('supplier', ['s_suppkey', 's_comment:text']);
    const sq = b.project(b.filter(s, gt(c(s, 's_comment'), lit('x'))), [['s_suppkey', c(s, 's_suppkey')]]);
    const plan = b.filter(ps, not(subquery('in', sq, [], c(ps, 'ps_suppkey'))));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out).split('\n')[0]).toBe('Join anti_null_aware on (ps_suppkey#1 = s_suppkey#4)');

    const o = b.scan('orders', ['o_orderkey']);
    const l = b.scan('lineitem', ['l_orderkey', 'l_quantity']);
    const g = b.aggregate(l, [c(l, 'l_orderkey')], [['sq', agg('sum', [c(l, 'l_quantity')])]]);
    const having = b.project(b.filter(g, gt(c(g, 'sq'), lit(300))), [['l_orderkey', c(g, 'l_orderkey')]]);
    const q18 = b.filter(o, subquery('in', having, [], c(o, 'o_orderkey')));
    const out18 = decorrelation.rewrite(q18, b.ctx);
    expect(explainLogical(out18).split('\n')[0]).toBe('Join semi on (o_orderkey#5 = l_orderkey#10)');
  });

  it('Q20: nested IN with a correlated scalar inside is decorrelated inside out', () => {
    const b = new PlanBuilder();
    const s = b.scan('supplier', ['s_suppkey', 's_name:text']);
    const ps = b.scan('partsupp', ['ps_partkey', 'ps_suppkey', 'ps_availqty']);
    const p = b.scan('part', ['p_partkey', 'p_name:text']);
    const l = b.scan('lineitem', ['l_partkey', 'l_suppkey', 'l_quantity']);
    const parts = b.project(b.filter(p, gt(c(p, 'p_name'), lit('forest'))), [['p_partkey', c(p, 'p_partkey')]]);
    const sumq = b.aggregate(b.filter(l, and(eq(c(l, 'l_partkey'), c(ps, 'ps_partkey')), eq(c(l, 'l_suppkey'), c(ps, 'ps_suppkey')))), [],
      [['s', agg('sum', [c(l, 'l_quantity')])]]);
    const half = b.project(sumq, [['h', mul(lit(1), c(sumq, 's'))]]);
    const inner = b.project(b.filter(ps, and(subquery('in', parts, [], c(ps, 'ps_partkey')),
      gt(c(ps, 'ps_availqty'), subquery('scalar', half, [c(ps, 'ps_partkey'), c(ps, 'ps_suppkey')])))), [['ps_suppkey', c(ps, 'ps_suppkey')]]);
    const plan = b.filter(s, subquery('in', inner, [], c(s, 's_suppkey')));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(hasSubquery(out)).toBe(false);
    const text = explainLogical(out);
    expect(text).toContain('Join semi on (s_suppkey#1 = ps_suppkey#14)');
    expect(text).toContain('Join semi on (ps_partkey#3 = p_partkey#11)');
    expect(text).toContain('Join left on ((l_partkey#8 = ps_partkey#3) AND (l_suppkey#9 = ps_suppkey#4))');
    expect(text).toContain('Aggregate group=[l_partkey#8, l_suppkey#9] aggs=[sum(l_quantity#10) AS s#12]');
  });

  it('Q2: correlated min over a join of four tables', () => {
    const b = new PlanBuilder();
    const p = b.scan('part', ['p_partkey']);
    const ps = b.scan('partsupp', ['ps_partkey', 'ps_suppkey', 'ps_supplycost:money']);
    const s = b.scan('supplier', ['s_suppkey']);
    const ps2 = b.scanOf('partsupp', ps.source);
    const s2 = b.scanOf('supplier', s.source);
    const j2 = b.filter(b.join('cross', ps2, s2), and(eq(c(p, 'p_partkey'), c(ps2, 'ps_partkey')), eq(c(s2, 's_suppkey'), c(ps2, 'ps_suppkey'))));
    const mn = b.aggregate(j2, [], [['m', agg('min', [c(ps2, 'ps_supplycost')])]]);
    const j = b.filter(b.join('cross', b.join('cross', p, ps), s),
      and(eq(c(p, 'p_partkey'), c(ps, 'ps_partkey')), eq(c(ps, 'ps_supplycost'), subquery('scalar', mn, [c(p, 'p_partkey')]))));
    const out = decorrelation.rewrite(j, b.ctx);
    const text = explainLogical(out);
    expect(hasSubquery(out)).toBe(false);
    expect(text).toContain('Filter (ps_supplycost#4 = m#10)');
    expect(text).toContain('Join left on (p_partkey#1 = ps_partkey#6)');
    expect(text).toContain('Aggregate group=[ps_partkey#6] aggs=[min(ps_supplycost#8) AS m#10]');
    expect(text).toContain('Filter (s_suppkey#9 = ps_suppkey#7)');
  });

  it('non-aggregate scalar subqueries go through single_value (the 21000 check)', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k']);
    const u = b.scan('u', ['k', 'v']);
    const sq = b.project(b.filter(u, eq(c(u, 'k'), c(t, 'k'))), [['v', c(u, 'v')]]);
    const out = decorrelation.rewrite(b.project(t, [['x', subquery('scalar', sq, [c(t, 'k')])]]), b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [x#5 := v#6]',
      '  Join left on (k#2 = k#1)',
      '    Scan t [k#1]',
      '    Aggregate group=[k#2] aggs=[single_value(v#4) AS v#6]',
      '      Project [v#4 := v#3, k#2]',
      '        Scan u [k#2, v#3]',
    ].join('\n'));
    const un = decorrelation.rewrite(b.project(t, [['y', subquery('scalar', b.project(u, [['v', c(u, 'v')]]), [])]]), b.ctx);
    expect(explainLogical(un)).toContain('Aggregate group=[] aggs=[single_value(v#');
    expect(explainLogical(un)).toContain('Join cross');
  });

  it('EXISTS under OR becomes a mark join', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k', 'a']);
    const u = b.scan('u', ['k']);
    const ex = b.filter(u, eq(c(u, 'k'), c(t, 'k')));
    const plan = b.filter(t, or(gt(c(t, 'a'), lit(1)), subquery('exists', ex, [c(t, 'k')])));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [k#1, a#2]',
      '  Filter ((a#2 > 1) OR exists_mark#4)',
      '    Join mark on (k#3 = k#1) mark=exists_mark#4',
      '      Scan t [k#1, a#2]',
      '      Scan u [k#3]',
    ].join('\n'));
  });

  it('x IN (subquery) under OR becomes a mark join on the IN equality', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k', 'a']);
    const u = b.scan('u', ['v']);
    const plan = b.filter(t, or(gt(c(t, 'a'), lit(1)), not(subquery('in', u, [], c(t, 'k')))));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [k#1, a#2]',
      '  Filter ((a#2 > 1) OR NOT in_mark#4)',
      '    Join mark on (k#1 = v#3) mark=in_mark#4',
      '      Scan t [k#1, a#2]',
      '      Scan u [v#3]',
    ].join('\n'));
  });

  it('EXISTS ignores ORDER BY and LIMIT at the top of its subquery', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k']);
    const u = b.scan('u', ['k']);
    const sorted: LogicalPlan = { kind: 'sort', input: b.filter(u, eq(c(u, 'k'), c(t, 'k'))), keys: [{ expr: c(u, 'k'), ascending: true, nullsFirst: false }] };
    const limited: LogicalPlan = { kind: 'limit', input: sorted, limit: 1, offset: 0 };
    const out = decorrelation.rewrite(b.filter(t, subquery('exists', limited, [c(t, 'k')])), b.ctx);
    expect(explainLogical(out)).toBe('Join semi on (k#2 = k#1)\n  Scan t [k#1]\n  Scan u [k#2]');
    // With an OFFSET the limit matters: refused rather than answered wrongly.
    const offset: LogicalPlan = { kind: 'limit', input: sorted, limit: 1, offset: 1 };
    expect(() => decorrelation.rewrite(b.filter(t, subquery('exists', offset, [c(t, 'k')])), b.ctx)).toThrow(LochError);
  });

  it('non-equality correlation through an aggregate joins the domain of the outer columns', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k', 'x']);
    const u = b.scan('u', ['k', 'y']);
    const a = b.aggregate(b.filter(u, and(eq(c(u, 'k'), c(t, 'k')), gt(c(u, 'y'), c(t, 'x')))), [], [['n', agg('count_star', [], T.int64)]]);
    const out = decorrelation.rewrite(b.project(t, [['n', subquery('scalar', a, [c(t, 'k'), c(t, 'x')])]]), b.ctx);
    expect(explainLogical(out)).toBe([
      'Project [n#6 := CASE WHEN (matched#9 IS NULL) THEN 0 ELSE n#5 END]',
      '  Join left on ((((coalesce(k#7, 0) = coalesce(k#1, 0)) AND ((k#7 IS NULL) = (k#1 IS NULL)))'
        + ' AND (coalesce(x#8, 0) = coalesce(x#2, 0))) AND ((x#8 IS NULL) = (x#2 IS NULL)))',
      '    Scan t [k#1, x#2]',
      '    Project [k#7, x#8, n#5, matched#9 := true]',
      '      Aggregate group=[k#7, x#8] aggs=[count_star() AS n#5]',
      '        Filter ((k#3 = k#7) AND (y#4 > x#8))',
      '          Join cross',
      '            Scan u [k#3, y#4]',
      '            Aggregate group=[k#7, x#8] aggs=[]',
      '              Scan t [k#7, x#8]',
    ].join('\n'));
  });

  it('a subquery in an inner join ON condition is decorrelated like a WHERE conjunct', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k']);
    const u = b.scan('u', ['k']);
    const w = b.scan('w', ['v']);
    const plan = b.join('inner', t, u, and(eq(c(t, 'k'), c(u, 'k')), subquery('in', w, [], c(u, 'k'))));
    const out = decorrelation.rewrite(plan, b.ctx);
    expect(explainLogical(out)).toBe([
      'Join semi on (k#2 = v#3)',
      '  Join inner on (k#1 = k#2)',
      '    Scan t [k#1]',
      '    Scan u [k#2]',
      '  Scan w [v#3]',
    ].join('\n'));
    // LEFT JOIN: the subquery reads only the right side, so it becomes a mark column computed over it
    const left = b.join('left', t, u, and(eq(c(t, 'k'), c(u, 'k')), subquery('in', w, [], c(u, 'k'))));
    const leftOut = explainLogical(decorrelation.rewrite(left, b.ctx));
    expect(leftOut).toMatch(/^Project \[k#1, k#2\]\n {2}Join left on \(\(k#1 = k#2\) AND subquery#\d+\)/);
    expect(leftOut).toContain('Join mark on (k#2 = v#3)');
    const both = b.join('left', t, u, subquery('exists', b.filter(w, eq(c(w, 'v'), add(c(t, 'k'), c(u, 'k')))), [c(t, 'k'), c(u, 'k')]));
    expect(() => decorrelation.rewrite(both, b.ctx)).toThrow(LochError);
  });

  it('returns the same object without subqueries, and refuses correlation it cannot remove', () => {
    const b = new PlanBuilder();
    const t = b.scan('t', ['k']);
    const plan = b.filter(t, gt(c(t, 'k'), lit(1)));
    expect(decorrelation.rewrite(plan, b.ctx)).toBe(plan);
    const u = b.scan('u', ['k']);
    const sel = b.project(b.filter(u, eq(c(u, 'k'), c(t, 'k'))), [['s', add(c(u, 'k'), c(t, 'k'))]]);
    expect(() => decorrelation.rewrite(b.project(t, [['x', subquery('scalar', sel, [c(t, 'k')])]]), b.ctx)).toThrow(LochError);
  });
});
