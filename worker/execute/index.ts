/** worker/execute: run a physical plan in process; EXPLAIN ANALYZE text. */
export { executePhysicalPlan, type ExecuteOptions, type PlanExecution } from './execute-plan.ts';
export { explainAnalyze } from './explain-analyze.ts';
