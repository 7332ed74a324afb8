/**
 * Copies a plan subtree with fresh column ids, so the copy can appear in the
 * same plan as the original (semi-join reduction reuses a join input as a
 * filter elsewhere). Every column a node of the subtree defines gets a new id
 * and every reference inside the subtree follows; references to columns
 * defined outside (none in a self-contained subtree) are left alone.
 */
import type { ColumnId, Expr } from '../expr.ts';
import { children, withChildren, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { mapExpr } from './expr-utils.ts';
import { mapNodeExprs } from './plan-utils.ts';

/** The copy and the mapping from old to new ids of the columns it defines. */
export interface PlanCopy {
  readonly plan: LogicalPlan;
  readonly ids: ReadonlyMap<ColumnId, ColumnId>;
}

/** Copies `plan` with fresh ids for every column defined inside it. */
export function copyWithFreshIds(plan: LogicalPlan, ctx: PlanContext): PlanCopy {
  const ids = new Map<ColumnId, ColumnId>();
  const fresh = <C extends PlanColumn>(c: C): C => {
    let id = ids.get(c.id);
    if (id === undefined) { id = ctx.newColumnId(); ids.set(c.id, id); }
    return { ...c, id };
  };
  const rewriteExpr = (e: Expr): Expr => mapExpr(e, (x) => {
    if (x.kind === 'column') {
      const id = ids.get(x.id);
      return id === undefined ? x : { ...x, id };
    }
    return x;
  });
  const copy = (p: LogicalPlan): LogicalPlan => {
    const kids = children(p).map(copy);
    // Inputs first, so their ids are mapped before this node's expressions are rewritten.
    let node = withChildren(p, kids);
    if (node === p) node = { ...p } as LogicalPlan;
    node = mapNodeExprs(node, rewriteExpr);
    switch (node.kind) {
      case 'scan': return { ...node, columns: node.columns.map(fresh) };
      case 'values': case 'project': case 'aggregate': case 'set_operation': case 'cte_ref': case 'empty': case 'window':
        return { ...node, columns: node.columns.map(fresh) } as LogicalPlan;
      case 'unnest':
        return { ...node, columns: node.columns.map(fresh), ...(node.passThrough ? { passThrough: node.passThrough.map((id) => ids.get(id) ?? id) } : {}) };
      case 'join': return node.markColumn ? { ...node, markColumn: fresh(node.markColumn) } : node;
      default: return node;
    }
  };
  return { plan: copy(plan), ids };
}
