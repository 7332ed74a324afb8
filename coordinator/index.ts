/** coordinator/: sessions, the QueryEngine, the scheduler and the cluster side of distributed execution (issue 4). */
export type { QueryEngine, StatementResult, ExecuteOptions } from './query-engine.ts';
export { SqlEngine, type PlanExecutor, type ExecutionHandle } from './sql-engine.ts';
export { SessionCatalog, type TableOpener } from './session-catalog.ts';
export type { RowFunctions, RowFunctionsFactory } from './table-dml.ts';
export * from './cluster/index.ts';
