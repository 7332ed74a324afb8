/**
 * Limit pushdown:
 * - `LIMIT 0` → Empty;
 * - Limit over Sort sets `Sort.fetch = limit + offset` (a top-k sort);
 * - Limit over Limit merges;
 * - Limit moves below projections (they keep row counts);
 * - a copy of `limit + offset` goes into the preserved side of a left join
 *   (each left row yields at least one output row) and into both inputs of
 *   UNION ALL; the original Limit stays above.
 */
import { outputColumns, type Limit, type LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { keepIfEqual, transformUp } from './plan-utils.ts';

/** Pushes LIMIT towards the scans and turns Limit over Sort into top-k. */
export const limitPushdown: OptimizerRule = {
  name: 'limit_pushdown',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return keepIfEqual(plan, transformUp(plan, (node) => (node.kind === 'limit' ? pushLimit(node) : node)));
  },
};

function pushLimit(limit: Limit): LogicalPlan {
  if (limit.limit === 0) return { kind: 'empty', columns: outputColumns(limit) };
  const input = limit.input;
  if (limit.limit === null) return limit.offset === 0 ? input : limit;
  const needed = limit.limit + limit.offset;
  switch (input.kind) {
    case 'limit': {
      // Outer (l1, o1) over inner (l2, o2): skip o2 + o1, keep min(l1, l2 - o1).
      const innerLimit = input.limit === null ? Infinity : Math.max(0, input.limit - limit.offset);
      const merged: Limit = { kind: 'limit', input: input.input, offset: input.offset + limit.offset, limit: Math.min(limit.limit, innerLimit) };
      return pushLimit(merged);
    }
    case 'sort':
      if (input.fetch !== undefined && input.fetch <= needed) return limit;
      return { ...limit, input: { ...input, fetch: needed } };
    case 'project':
      return { ...input, input: pushLimit({ ...limit, input: input.input }) };
    case 'join': {
      if (input.joinType !== 'left') return limit;
      const left = limitedCopy(input.left, needed);
      return left === input.left ? limit : { ...limit, input: { ...input, left } };
    }
    case 'set_operation': {
      if (input.op !== 'union' || !input.all) return limit;
      const left = limitedCopy(input.left, needed);
      const right = limitedCopy(input.right, needed);
      return left === input.left && right === input.right ? limit : { ...limit, input: { ...input, left, right } };
    }
    default:
      return limit;
  }
}

/** `plan` limited to `n` rows, unless it already yields at most `n`. */
function limitedCopy(plan: LogicalPlan, n: number): LogicalPlan {
  if (plan.kind === 'limit' && plan.limit !== null && plan.limit <= n) return plan;
  if (plan.kind === 'empty' || plan.kind === 'single_row') return plan;
  return pushLimit({ kind: 'limit', input: plan, limit: n, offset: 0 });
}
