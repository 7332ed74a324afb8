/**
 * A correlated subquery above GROUP BY (in HAVING, the select list or ORDER BY)
 * reads the outer query's grouped columns: `HAVING sum(a) = (SELECT sum(a) FROM
 * t WHERE t.b = test.b)`. Its outer references to the input columns are
 * renamed to the Aggregate's group columns, in the subquery's plan too; a
 * reference to an input column that is not grouped is 42803.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { ColumnId, Expr, SubqueryExpr } from '../expr.ts';
import type { LogicalPlan, PlanColumn } from '../logical/logical-plan.ts';
import { mapExpr } from '../optimizer/expr-utils.ts';
import { mapNodeExprs, transformUp } from '../optimizer/plan-utils.ts';

/** `sub` with its outer references to grouped input columns renamed to the group columns. */
export function regroupSubquery(sub: SubqueryExpr, groupOf: ReadonlyMap<ColumnId, PlanColumn>, inputIds: ReadonlySet<ColumnId>): SubqueryExpr {
  const renames = new Map<ColumnId, PlanColumn>();
  for (const id of sub.outerRefs) {
    if (!inputIds.has(id)) continue;
    const g = groupOf.get(id);
    if (!g) throw new LochError(SqlState.groupingError, `subquery uses ungrouped column #${id} from outer query`);
    renames.set(id, g);
  }
  if (renames.size === 0) return sub;
  return { ...sub, plan: renamePlan(sub.plan, renames), outerRefs: sub.outerRefs.map((id) => renames.get(id)?.id ?? id) };
}

function renamePlan(plan: LogicalPlan, renames: ReadonlyMap<ColumnId, PlanColumn>): LogicalPlan {
  return transformUp(plan, (node) => mapNodeExprs(node, (e) => renameExpr(e, renames)));
}

function renameExpr(e: Expr, renames: ReadonlyMap<ColumnId, PlanColumn>): Expr {
  return mapExpr(e, (x) => {
    if (x.kind === 'column') {
      const g = renames.get(x.id);
      return g ? { kind: 'column', id: g.id, name: g.name, type: g.type } : x;
    }
    if (x.kind === 'subquery') return { ...x, plan: renamePlan(x.plan, renames), outerRefs: x.outerRefs.map((id) => renames.get(id)?.id ?? id) };
    return x;
  });
}
