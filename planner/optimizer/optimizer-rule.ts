/**
 * The contract every optimizer rule implements (DESIGN.md "Key interfaces").
 */
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';

/** One logical rewrite. `rewrite` returns the very same object when it changed nothing. */
export interface OptimizerRule {
  readonly name: string;
  rewrite(plan: LogicalPlan, ctx: PlanContext): LogicalPlan;
}
