/** worker/: expression evaluation, kernels, operators and in-process plan execution. */
export { executePhysicalPlan, explainAnalyze, type ExecuteOptions, type PlanExecution } from './execute/index.ts';
export {
  buildOperator, stream, layoutOf, MemoryBudget, MemoryTableScanner, GroupTable,
  type ExecutionContext, type OperatorMetrics, type PhysicalOperator,
} from './operators/index.ts';
export { take, materialize, concatData, concatBatches, nullData, emptyData } from './kernels/take.ts';
export { hashColumns, anyNull } from './kernels/hash.ts';
export { sortRows, type SortKeyColumn } from './operators/sort-permutation.ts';
export { makeSortComparator, valueComparator } from './kernels/sort-compare.ts';
export { compileExpr, compilePredicate, evaluateConstant, type CompiledExpr, type CompiledPredicate } from './expr/index.ts';
export * from './shuffle/index.ts';
export * from './task/index.ts';
export * from './server/index.ts';
export { type TaskOperatorContext } from './operators/build-operator.ts';
