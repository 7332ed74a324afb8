/** coordinator/: sessions and the QueryEngine (in-process for now; scheduling comes with issue 4). */
export type { QueryEngine, StatementResult, ExecuteOptions } from './query-engine.ts';
export { SqlEngine, type PlanExecutor, type ExecutionHandle } from './sql-engine.ts';
export { SessionCatalog, type TableOpener } from './session-catalog.ts';
export type { RowFunctions, RowFunctionsFactory } from './table-dml.ts';
