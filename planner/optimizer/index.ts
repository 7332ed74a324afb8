/**
 * planner/optimizer: logical rewrite rules (one per file), the driver that
 * runs them in phases to a fixed point (optimize.ts), cardinality estimation
 * (estimate-rows.ts) and EXPLAIN of logical plans (explain-logical.ts).
 *
 * Rules: cte_inlining, decorrelation (+ correlation-pullup), or_factoring, transitive_predicates,
 * constant_folding (+ unwrap-cast), predicate_pushdown (+ scan-predicates,
 * null-rejection), limit_pushdown, distinct_to_aggregate, projection_pruning,
 * join_reorder (+ join-graph), semi_join_reduction (+ copy-plan).
 */
export type { OptimizerRule } from './optimizer-rule.ts';
export { optimize, OPTIMIZER_PHASES, type OptimizeOptions } from './optimize.ts';
export { explainLogical } from './explain-logical.ts';
export { constantFolding } from './constant-folding.ts';
export { joinInputNarrowing, projectionPruning } from './projection-pruning.ts';
export { predicatePushdown } from './predicate-pushdown.ts';
export { decorrelation } from './decorrelation.ts';
export { joinReorder, planJoinGraph } from './join-reorder.ts';
export { estimateRows, selectivity as estimateSelectivity } from './estimate-rows.ts';
export { limitPushdown } from './limit-pushdown.ts';
export { cteInlining } from './cte-inlining.ts';
export { distinctToAggregate } from './distinct-to-aggregate.ts';
export { orFactoring } from './or-factoring.ts';
export { semiJoinReduction } from './semi-join-reduction.ts';
export { transitivePredicates } from './transitive-predicates.ts';
export { toScanPredicate } from './scan-predicates.ts';
