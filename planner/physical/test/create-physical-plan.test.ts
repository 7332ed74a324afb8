import { describe, expect, it } from 'vitest';
import { T, type DataType, type TableScanner } from '../../../core/index.ts';
import type { Expr } from '../../expr.ts';
import type { LogicalPlan, PlanColumn, Scan } from '../../logical/logical-plan.ts';
import { createPhysicalPlan } from '../create-physical-plan.ts';
import { explainPhysical } from '../explain-physical.ts';
import type { PhysicalPlan } from '../physical-plan.ts';

const source: TableScanner = {
  columns: [],
  statistics: async () => ({}),
  scan: async function* () { /* no rows */ },
};

let nextId = 1;
function scan(name: string, cols: [string, DataType][]): Scan {
  return {
    kind: 'scan', tableName: name, source, pushedPredicates: [],
    columns: cols.map(([n, type], i) => ({ id: nextId++, name: n, type, nullable: true, sourceIndex: i })),
  };
}
const ref = (c: PlanColumn): Expr => ({ kind: 'column', id: c.id, name: c.name, type: c.type });
const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args, type: T.boolean });
const lit = (v: number): Expr => ({ kind: 'literal', value: v, type: T.int32 });

describe('createPhysicalPlan', () => {
  const l = scan('l', [['a', T.int32], ['b', T.int32]]);
  const r = scan('r', [['x', T.int64], ['y', T.text]]);
  const a = l.columns[0]!, b = l.columns[1]!;
  const x = r.columns[0]!, y = r.columns[1]!;

  it('extracts equi-keys in either orientation and leaves the rest as residual', () => {
    const cond = call('and', call('and', call('eq', ref(x), ref(a)), call('gt', ref(b), lit(3))), call('lt', ref(a), ref(x)));
    const p = createPhysicalPlan({ kind: 'join', joinType: 'inner', left: l, right: r, condition: cond });
    expect(p.kind).toBe('hash_join');
    if (p.kind !== 'hash_join') return;
    expect(p.leftKeys).toEqual([ref(a)]);
    expect(p.rightKeys).toEqual([ref(x)]);
    expect(explainPhysical(p)).toBe([
      'HashJoinExec: type=inner, on=[(a, x)], filter=(b > 3) AND (a < x)',
      '  ScanExec: table=l, columns=[a, b]',
      '  ScanExec: table=r, columns=[x, y]',
    ].join('\n'));
    expect(p.columns.map((c) => c.name)).toEqual(['a', 'b', 'x', 'y']);
  });

  it('uses a nested-loop join without equi-conjuncts, for cross joins and for same-side equalities', () => {
    for (const [joinType, cond] of [['inner', call('lt', ref(a), ref(x))], ['cross', null], ['left', call('eq', ref(a), ref(b))]] as const) {
      const p = createPhysicalPlan({ kind: 'join', joinType, left: l, right: r, condition: cond });
      expect(p.kind).toBe('nested_loop_join');
    }
  });

  it('keeps only left columns for semi/anti joins and adds the mark column', () => {
    const cond = call('eq', ref(a), ref(x));
    const semi = createPhysicalPlan({ kind: 'join', joinType: 'anti_null_aware', left: l, right: r, condition: cond });
    expect(semi.columns.map((c) => c.name)).toEqual(['a', 'b']);
    const markColumn = { id: 99, name: 'mark', type: T.boolean, nullable: true };
    const mark = createPhysicalPlan({ kind: 'join', joinType: 'mark', left: l, right: r, condition: cond, markColumn });
    expect(mark.columns.map((c) => c.name)).toEqual(['a', 'b', 'mark']);
  });

  it('marks IN / NOT IN joins null-aware with the IN equality as key 0', () => {
    const corr = call('eq', ref(b), ref(x));
    const notIn = createPhysicalPlan({ kind: 'join', joinType: 'anti_null_aware', left: l, right: r, condition: call('and', call('eq', ref(a), ref(x)), corr) });
    expect(notIn.kind === 'hash_join' && notIn.nullAware && notIn.leftKeys).toEqual([ref(a), ref(b)]);
    expect(explainPhysical(notIn).split('\n')[0]).toBe('HashJoinExec: type=anti_null_aware (null-aware), on=[(a, x), (b, x)]');
    const existsMark = { id: 98, name: 'mark', type: T.boolean, nullable: false };
    const exists = createPhysicalPlan({ kind: 'join', joinType: 'mark', left: l, right: r, condition: call('eq', ref(a), ref(x)), markColumn: existsMark });
    expect(exists.kind === 'hash_join' && exists.nullAware).toBe(false);
    const unhashable = createPhysicalPlan({ kind: 'join', joinType: 'anti_null_aware', left: l, right: r, condition: call('and', call('lt', ref(a), ref(x)), corr) });
    expect(unhashable.kind === 'nested_loop_join' && unhashable.nullAwareCondition).toEqual(call('lt', ref(a), ref(x)));
    expect(unhashable.kind === 'nested_loop_join' && unhashable.condition).toEqual(corr);
  });

  it('maps sort with fetch to top-k, union to union(+aggregate), distinct to aggregate, and numbers nodes', () => {
    const sort: LogicalPlan = { kind: 'sort', input: l, keys: [{ expr: ref(a), ascending: false, nullsFirst: true }], fetch: 5 };
    const union: LogicalPlan = {
      kind: 'set_operation', op: 'union', all: false, left: sort, right: { kind: 'distinct', input: l },
      columns: [{ id: 50, name: 'a', type: T.int32, nullable: true }, { id: 51, name: 'b', type: T.int32, nullable: true }],
    };
    const p = createPhysicalPlan({ kind: 'limit', input: union, limit: 3, offset: 1 });
    expect(explainPhysical(p)).toBe([
      'LimitExec: limit=3, offset=1',
      '  HashAggregateExec: mode=single, gby=[a, b], aggr=[]',
      '    UnionExec',
      '      TopKExec: fetch=5, [a DESC NULLS FIRST]',
      '        ScanExec: table=l, columns=[a, b]',
      '      HashAggregateExec: mode=single, gby=[a, b], aggr=[]',
      '        ScanExec: table=l, columns=[a, b]',
    ].join('\n'));
    const ids: number[] = [];
    const walk = (n: PhysicalPlan): void => {
      ids.push(n.nodeId);
      if ('input' in n) walk(n.input);
      if ('inputs' in n) n.inputs.forEach(walk);
    };
    walk(p);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps CTE anchors and refs, intersect/except and aggregates', () => {
    const ref1: LogicalPlan = { kind: 'cte_ref', cteId: 1, name: 'w', columns: [{ id: 70, name: 'a', type: T.int32, nullable: true }] };
    const ref2: LogicalPlan = { kind: 'cte_ref', cteId: 1, name: 'w', columns: [{ id: 71, name: 'a', type: T.int32, nullable: true }] };
    const inter: LogicalPlan = { kind: 'set_operation', op: 'intersect', all: true, left: ref1, right: ref2, columns: [{ id: 72, name: 'a', type: T.int32, nullable: true }] };
    const agg: LogicalPlan = {
      kind: 'aggregate', input: l, groupBy: [ref(b)],
      aggregates: [{ fn: 'count_star', args: [], distinct: false, filter: null, type: T.int64 }, { fn: 'sum', args: [ref(a)], distinct: true, filter: call('gt', ref(a), lit(0)), type: T.int64 }],
      columns: [b, { id: 80, name: 'n', type: T.int64, nullable: false }, { id: 81, name: 's', type: T.int64, nullable: true }],
    };
    const anchor: LogicalPlan = { kind: 'cte_anchor', cteId: 1, name: 'w', definition: agg, input: inter };
    expect(explainPhysical(createPhysicalPlan(anchor))).toBe([
      'CteAnchorExec: w (cte 1)',
      '  HashAggregateExec: mode=single, gby=[b], aggr=[count(*), sum(DISTINCT a) FILTER (WHERE a > 0)]',
      '    ScanExec: table=l, columns=[a, b]',
      '  HashSetOpExec: intersect all',
      '    CteScanExec: w (cte 1), columns=[a]',
      '    CteScanExec: w (cte 1), columns=[a]',
    ].join('\n'));
  });

  it('rejects a subquery expression that survived decorrelation with 0A000', () => {
    const sub: Expr = { kind: 'subquery', subqueryKind: 'exists', plan: r, input: null, negated: false, outerRefs: [], type: T.boolean };
    expect(() => createPhysicalPlan({ kind: 'filter', input: l, predicate: sub })).toThrow(expect.objectContaining({ sqlState: '0A000' }));
  });
});

describe('equi-keys common to every branch of an OR', () => {
  it('hashes on the shared equality and keeps the disjunction as residual', () => {
    const l = scan('l', [['a', T.int32], ['b', T.int32]]);
    const r = scan('r', [['x', T.int32], ['y', T.int32]]);
    const a = ref(l.columns[0]!), b = ref(l.columns[1]!), x = ref(r.columns[0]!), y = ref(r.columns[1]!);
    const cond = call('or', call('and', call('eq', x, a), call('gt', b, lit(1))), call('and', call('lt', y, lit(2)), call('eq', a, x)));
    const p = createPhysicalPlan({ kind: 'join', joinType: 'inner', left: l, right: r, condition: cond });
    expect(p.kind).toBe('hash_join');
    if (p.kind !== 'hash_join') return;
    expect(p.leftKeys).toEqual([a]);
    expect(p.residual).toEqual(cond);
    const noCommon = call('or', call('eq', a, x), call('eq', b, y));
    expect(createPhysicalPlan({ kind: 'join', joinType: 'inner', left: l, right: r, condition: noCommon }).kind).toBe('nested_loop_join');
  });
});

describe('explainPhysical', () => {
  it('shows pushed scan predicates with the source column names and typed values', () => {
    const src: TableScanner = {
      columns: [{ name: 'd', type: T.date, nullable: true }, { name: 'm', type: { kind: 'decimal', precision: 15, scale: 2 }, nullable: true }, { name: 's', type: T.text, nullable: true }],
      statistics: async () => ({}),
      scan: async function* () { /* no rows */ },
    };
    const s: Scan = {
      kind: 'scan', tableName: 't', source: src,
      columns: [{ id: 900, name: 'd', type: T.date, nullable: true, sourceIndex: 0 }],
      pushedPredicates: [
        { kind: 'compare', column: 0, op: '>=', value: 8766 },
        { kind: 'compare', column: 1, op: '<', value: 2400 },
        { kind: 'in', column: 2, values: ["it's", 'b'] },
        { kind: 'is_null', column: 2, negated: true },
      ],
    };
    expect(explainPhysical(createPhysicalPlan(s))).toBe("ScanExec: table=t, columns=[d], predicates=[d >= '1994-01-01', m < 24.00, s IN ('it''s', 'b'), s IS NOT NULL]");
  });
});
