/**
 * The client query a plan execution belongs to. The QueryService runs each request inside
 * `runInQuery`; the DistributedExecutor reads `currentQuery()` to name its scheduler jobs
 * after the query (so CancelQuery, `loch status` and logs line up) without widening the
 * PlanExecutor interface every SqlEngine call site uses.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A query as its client submitted it. */
export interface QueryContext {
  /** The id the client sees (JobAccepted.job_id); scheduler jobs are `<queryId>-<n>`. */
  readonly queryId: string;
  readonly principal: string;
  readonly sql: string;
}

const storage = new AsyncLocalStorage<QueryContext>();

/** Runs `fn` (and everything it awaits) as part of `query`. */
export function runInQuery<T>(query: QueryContext, fn: () => T): T {
  return storage.run(query, fn);
}

/** The query being run, when inside `runInQuery`. */
export function currentQuery(): QueryContext | undefined {
  return storage.getStore();
}
