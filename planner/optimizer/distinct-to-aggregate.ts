/**
 * SELECT DISTINCT as grouping: Distinct becomes an Aggregate grouped by every
 * input column with no aggregate calls, so it shares the hash aggregation
 * operator (and its two-phase distributed form). A Distinct whose input
 * already has distinct rows (an Aggregate outputting only its group keys) is
 * removed. Output ids are unchanged.
 */
import { outputColumns, type LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { colRef, transformUp } from './plan-utils.ts';

/** Rewrites Distinct into a group-keys-only Aggregate. */
export const distinctToAggregate: OptimizerRule = {
  name: 'distinct_to_aggregate',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return transformUp(plan, (node) => {
      if (node.kind !== 'distinct') return node;
      const input = node.input;
      if (input.kind === 'aggregate' && input.aggregates.length === 0) return input;
      const cols = outputColumns(input);
      return { kind: 'aggregate', input, groupBy: cols.map(colRef), aggregates: [], columns: cols };
    });
  },
};
