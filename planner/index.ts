/** planner/: SQL text → bound logical plan → optimized plan → physical plan description. */
export * from './expr.ts';
export * from './logical/logical-plan.ts';
export { PlanContext, type ConstantEvaluator } from './plan-context.ts';
export * from './sql/index.ts';
export * from './binder/index.ts';
export * from './optimizer/index.ts';
export * from './physical/index.ts';
export { parseTypeName, aggregateOrder, distinctArgument, javaPatternToTemplate, type AggregateOrder } from './functions/index.ts';
export * from './distributed/index.ts';
export * from './serde/index.ts';
export * from './logical/window-function.ts';
