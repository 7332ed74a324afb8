/** planner/physical: physical plan descriptions, logical → physical mapping, EXPLAIN text. */
export * from './physical-plan.ts';
export { createPhysicalPlan, assertNoSubquery } from './create-physical-plan.ts';
export { explainPhysical, describeNode, formatPartitioning } from './explain-physical.ts';
export { extractEquiKeys, splitConjuncts, referencedColumns, conjunction, hashCompatible, type EquiJoinKeys } from './join-keys.ts';
export { formatExpr, formatAggregate } from './format-expr.ts';
export { aggregateStateColumns, isSplittable, splitAggregate, type AggregateStateColumn } from './aggregate-states.ts';
