/**
 * LATERAL derived tables: a subquery in FROM that reads columns of the FROM items
 * before it. When those references sit in predicates that the decorrelation
 * pull-up can lift (filters, equality correlations through aggregates), the
 * subquery becomes an ordinary one and the lifted predicates become the condition
 * of the join with the items before it:
 *
 *   FROM t1, LATERAL (SELECT t2.data FROM t2 WHERE t2.t1_id = t1.id) s
 *   → FROM t1 JOIN (SELECT t2.data, t2.t1_id FROM t2) s ON s.t1_id = t1.id
 *
 * A global aggregate (`LATERAL (SELECT count(*) FROM t2 WHERE t2.t1_id = t1.id)`)
 * yields one row for every outer row: it becomes grouped by the correlation keys,
 * the join a LEFT join, and above the join each aggregate column of an unmatched
 * row takes its value over no rows (count 0, others NULL), as in the scalar
 * subquery decorrelation. References the pull-up cannot lift fail with 0A000.
 */
import { T } from '../../core/index.ts';
import type { ColumnId, Expr } from '../expr.ts';
import { outputColumns, type Aggregate, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { firstOuterReference, pullCorrelated } from '../optimizer/correlation-pullup.ts';
import { isNullExpr, substitute } from '../optimizer/expr-utils.ts';
import { colRef } from '../optimizer/plan-utils.ts';
import type { Scope } from './scope.ts';

/** What a LATERAL item needs from the join that takes it in. */
export interface LateralItem {
  readonly plan: LogicalPlan;
  readonly lateralPredicates?: readonly Expr[];
  /** Global aggregate: the join must be LEFT, then `finish` restores unmatched rows' values under `columns`' new ids. */
  readonly outer?: { readonly columns: readonly PlanColumn[]; finish(join: LogicalPlan): LogicalPlan };
}

/** The columns a LATERAL item may read: those of the scopes between `lateral` and the query's own parent. */
function lateralColumns(lateral: Scope, scope: Scope): Set<ColumnId> {
  const ids = new Set<ColumnId>();
  for (let s: Scope | null = lateral; s && s !== scope.parent; s = s.parent) {
    for (const r of s.relations) for (const c of r.columns) ids.add(c.id);
  }
  return ids;
}

/** Lifts a LATERAL subquery's references to earlier FROM items into join predicates. `columns` are its scope columns. */
export function decorrelateLateral(plan: LogicalPlan, columns: readonly PlanColumn[], lateral: Scope, scope: Scope, ctx: PlanContext): LateralItem {
  const outer = lateralColumns(lateral, scope);
  if (outer.size === 0 || firstOuterReference(plan, outer) === null) return { plan };
  const pulled = pullCorrelated(plan, outer, true, ctx);
  if (pulled.predicates.length === 0) return { plan: pulled.plan };
  if (!pulled.globalAggregate) return { plan: pulled.plan, lateralPredicates: pulled.predicates };
  // One row per outer row: mark matched rows, restore the aggregates' empty-input values for the others.
  const marker: PlanColumn = { id: ctx.newColumnId(), name: 'matched', type: T.boolean, nullable: true };
  const cols = outputColumns(pulled.plan);
  const right: LogicalPlan = { kind: 'project', input: pulled.plan, exprs: [...cols.map(colRef), { kind: 'literal', value: true, type: T.boolean }], columns: [...cols, marker] };
  const restored = columns.map((c) => ({ old: c, empty: valueOverNoRows(pulled.plan, c, pulled.globalAggregate!) }));
  const newColumns = restored.map(({ old, empty }) => (empty ? { ...old, id: ctx.newColumnId(), nullable: true } : old));
  return {
    plan: right,
    lateralPredicates: pulled.predicates,
    outer: {
      columns: newColumns,
      finish(join: LogicalPlan): LogicalPlan {
        const through = outputColumns(join);
        const extra = restored.flatMap(({ old, empty }, i) => (empty
          ? [{ column: newColumns[i]!, expr: { kind: 'case', whens: [{ when: isNullExpr(colRef(marker)), then: empty }], otherwise: colRef(old), type: old.type } as Expr }]
          : []));
        return { kind: 'project', input: join, exprs: [...through.map(colRef), ...extra.map((e) => e.expr)], columns: [...through, ...extra.map((e) => e.column)] };
      },
    },
  };
}

/** A column's value when the global aggregate sees no rows (count → 0, other aggregates → NULL), null when it is a plain NULL. */
function valueOverNoRows(plan: LogicalPlan, column: PlanColumn, agg: Aggregate): Expr | null {
  let expr: Expr = colRef(column);
  let node = plan;
  while (node !== agg) {
    if (node.kind !== 'project') return null;
    const map = new Map<ColumnId, Expr>();
    const p = node;
    p.columns.forEach((c, i) => map.set(c.id, p.exprs[i]!));
    expr = substitute(expr, map);
    node = node.input;
  }
  const map = new Map<ColumnId, Expr>();
  agg.aggregates.forEach((a, i) => {
    const isCount = a.fn === 'count' || a.fn === 'count_star';
    map.set(agg.columns[agg.groupBy.length + i]!.id, { kind: 'literal', value: isCount ? (a.type.kind === 'int64' ? 0n : 0) : null, type: a.type });
  });
  const out = substitute(expr, map);
  return out.kind === 'literal' && out.value === null ? null : out;
}
