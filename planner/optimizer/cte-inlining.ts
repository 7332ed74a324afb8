/**
 * CTE inlining. The binder emits a CteAnchor (definition computed once) with
 * CteRefs for every CTE that is referenced. A CTE read only once gains
 * nothing from being shared, and a shared definition hides it from the other
 * rules, so its single ref is replaced by the definition under a renaming
 * Project (the ref's column ids ← the definition's output ids) and the anchor
 * disappears. Unreferenced anchors are dropped. CTEs read two or more times
 * (TPC-H Q15's revenue0) stay shared.
 */
import type { Expr } from '../expr.ts';
import { outputColumns, type CteAnchor, type LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { mapExpr } from './expr-utils.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { colRef, mapNodeExprs, transformUp, visitPlan } from './plan-utils.ts';

/** Inlines CTEs referenced once; removes unreferenced ones. */
export const cteInlining: OptimizerRule = {
  name: 'cte_inlining',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    const refs = new Map<number, number>();
    const anchors = new Map<number, CteAnchor>();
    visitPlan(plan, (n) => {
      if (n.kind === 'cte_ref') refs.set(n.cteId, (refs.get(n.cteId) ?? 0) + 1);
      if (n.kind === 'cte_anchor') anchors.set(n.cteId, n);
    });
    const inline = new Map<number, LogicalPlan>();
    for (const [id, anchor] of anchors) if ((refs.get(id) ?? 0) <= 1) inline.set(id, anchor.definition);
    if (inline.size === 0) return plan;
    const replace = (node: LogicalPlan): LogicalPlan => {
      if (node.kind === 'cte_anchor' && inline.has(node.cteId)) return node.input;
      if (node.kind === 'cte_ref' && inline.has(node.cteId)) {
        // The definition may itself read other inlined CTEs.
        const definition = transformDeep(inline.get(node.cteId)!, replace);
        const outs = outputColumns(definition);
        return { kind: 'project', input: definition, exprs: outs.map(colRef), columns: node.columns };
      }
      return node;
    };
    return transformDeep(plan, replace);
  },
};

/** transformUp that also rewrites plans nested in subquery expressions. */
function transformDeep(plan: LogicalPlan, fn: (node: LogicalPlan) => LogicalPlan): LogicalPlan {
  return transformUp(plan, (node) => fn(mapNodeExprs(node, (e) => mapExpr(e, (x): Expr => {
    if (x.kind !== 'subquery') return x;
    const p = transformDeep(x.plan, fn);
    return p === x.plan ? x : { ...x, plan: p };
  }))));
}
