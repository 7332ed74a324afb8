/**
 * Transitive predicates: within one WHERE clause, `a = b AND a < 10` implies
 * `b < 10` (a true equality means equal, non-NULL values). The implied
 * conjunct is added so that pushdown can move it to b's relation, where a
 * reader may prune files by it (e.g. a fact table's date key equated to a
 * filtered dimension key). Derives `column op literal` and `column IN
 * (literals)` along chains of column equalities.
 *
 * Runs once, on Filter nodes (before pushdown spreads the conjuncts out), so
 * nothing is derived twice.
 */
import type { ColumnId, ColumnRef, Expr } from '../expr.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { COMPARISON_FLIP, conjoin, exprEquals, isVolatile, splitConjuncts } from './expr-utils.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { transformUp } from './plan-utils.ts';

/** Adds conjuncts implied by column equalities and column-vs-literal conjuncts of the same filter. */
export const transitivePredicates: OptimizerRule = {
  name: 'transitive_predicates',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return transformUp(plan, (node) => {
      if (node.kind !== 'filter') return node;
      const conj = splitConjuncts(node.predicate);
      const derived = derive(conj);
      return derived.length === 0 ? node : { ...node, predicate: conjoin([...conj, ...derived])! };
    });
  },
};

function derive(conj: readonly Expr[]): Expr[] {
  // Equivalence classes of columns equated by the conjuncts.
  const parent = new Map<ColumnId, ColumnId>();
  const refs = new Map<ColumnId, ColumnRef>();
  const find = (x: ColumnId): ColumnId => {
    const p = parent.get(x);
    if (p === undefined || p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  for (const c of conj) {
    if (c.kind !== 'call' || c.fn !== 'eq' || c.args.length !== 2) continue;
    const [a, b] = c.args as [Expr, Expr];
    if (a.kind !== 'column' || b.kind !== 'column' || a.id === b.id || a.type.kind !== b.type.kind) continue;
    if (JSON.stringify(a.type) !== JSON.stringify(b.type)) continue;
    refs.set(a.id, a);
    refs.set(b.id, b);
    parent.set(find(a.id), find(b.id));
  }
  if (refs.size === 0) return [];
  const out: Expr[] = [];
  const present = (e: Expr): boolean => conj.some((x) => exprEquals(x, e)) || out.some((x) => exprEquals(x, e));
  for (const c of conj) {
    const bound = columnBound(c);
    if (bound === null || !refs.has(bound.column.id)) continue;
    const root = find(bound.column.id);
    for (const [id, ref] of refs) {
      if (id === bound.column.id || find(id) !== root) continue;
      const e = bound.rebuild(ref);
      if (!present(e)) out.push(e);
    }
  }
  return out;
}

/** `column op literal` / `column IN (literals)`: the column and a way to restate it for another column. */
function columnBound(e: Expr): { column: ColumnRef; rebuild: (c: ColumnRef) => Expr } | null {
  if (isVolatile(e)) return null;
  if (e.kind === 'in_list' && !e.negated && e.input.kind === 'column' && e.list.every((x) => x.kind === 'literal' && x.value !== null)) {
    const column = e.input;
    return { column, rebuild: (c) => ({ ...e, input: c }) };
  }
  if (e.kind !== 'call' || e.args.length !== 2 || COMPARISON_FLIP[e.fn] === undefined) return null;
  const [a, b] = e.args as [Expr, Expr];
  if (a.kind === 'column' && b.kind === 'literal' && b.value !== null) return { column: a, rebuild: (c) => ({ ...e, args: [c, b] }) };
  if (b.kind === 'column' && a.kind === 'literal' && a.value !== null) return { column: b, rebuild: (c) => ({ ...e, args: [a, c] }) };
  return null;
}
