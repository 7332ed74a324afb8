/**
 * The optimizer driver. Rules run in phases:
 *
 *   1. once:        CTE inlining, decorrelation (subqueries → joins), OR factoring,
 *                   transitive predicates
 *   2. fixed point: constant folding, predicate pushdown, limit pushdown,
 *                   DISTINCT → aggregate, projection pruning
 *   3. once:        join reordering (needs filters pushed to the scans), then
 *                   semi-join reduction below grouped aggregates, then join
 *                   reordering again with the reduced estimates
 *   4. fixed point: predicate pushdown, constant folding, limit pushdown,
 *                   projection pruning that also narrows join inputs
 *
 * A fixed-point phase stops when a whole pass changed nothing (every rule
 * returns the same object) or after `MAX_PASSES` passes.
 */
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { constantFolding } from './constant-folding.ts';
import { cteInlining } from './cte-inlining.ts';
import { decorrelation } from './decorrelation.ts';
import { distinctToAggregate } from './distinct-to-aggregate.ts';
import { joinReorder } from './join-reorder.ts';
import { limitPushdown } from './limit-pushdown.ts';
import { orFactoring } from './or-factoring.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { predicatePushdown } from './predicate-pushdown.ts';
import { joinInputNarrowing, projectionPruning } from './projection-pruning.ts';
import { semiJoinReduction } from './semi-join-reduction.ts';
import { transitivePredicates } from './transitive-predicates.ts';

/** Passes of a fixed-point phase before it gives up. */
export const MAX_PASSES = 10;

export interface OptimizeOptions {
  /** Called after every rule that changed the plan (EXPLAIN VERBOSE). */
  readonly trace?: (rule: string, plan: LogicalPlan) => void;
}

interface Phase {
  readonly rules: readonly OptimizerRule[];
  readonly fixedPoint: boolean;
}

/** The phases `optimize` runs, in order. */
export const OPTIMIZER_PHASES: readonly Phase[] = [
  { rules: [cteInlining, decorrelation, orFactoring, transitivePredicates], fixedPoint: false },
  { rules: [constantFolding, predicatePushdown, limitPushdown, distinctToAggregate, projectionPruning], fixedPoint: true },
  { rules: [joinReorder, semiJoinReduction, joinReorder], fixedPoint: false },
  { rules: [predicatePushdown, constantFolding, limitPushdown, joinInputNarrowing], fixedPoint: true },
];

/** Optimizes a bound logical plan. */
export function optimize(plan: LogicalPlan, ctx: PlanContext, options: OptimizeOptions = {}): LogicalPlan {
  let current = plan;
  for (const phase of OPTIMIZER_PHASES) {
    const passes = phase.fixedPoint ? MAX_PASSES : 1;
    for (let pass = 0; pass < passes; pass++) {
      let changed = false;
      for (const rule of phase.rules) {
        const next = rule.rewrite(current, ctx);
        if (next !== current) {
          changed = true;
          current = next;
          options.trace?.(rule.name, current);
        }
      }
      if (!changed) break;
    }
  }
  return current;
}
