/**
 * `QueryEngine`: the one entry point every front door (CLI, pg wire, DataFrame,
 * REST) uses to run SQL, so one authorization check covers every path.
 */
import type { Batch, BatchField } from '../core/index.ts';

/** The result of one SQL statement. */
export type StatementResult =
  | {
      readonly kind: 'rows';
      readonly fields: readonly BatchField[];
      /** Streams the result; consume it once. Rows are in `fields` order. */
      readonly batches: AsyncIterable<Batch>;
    }
  | {
      readonly kind: 'status';
      /** PostgreSQL command tag, e.g. `CREATE TABLE`, `DROP TABLE`. */
      readonly tag: string;
    };

export interface ExecuteOptions {
  readonly signal?: AbortSignal;
}

export interface QueryEngine {
  /**
   * Runs every statement of `sql` in order, yielding one result per statement.
   * A failing statement throws a LochError (with SQLSTATE) from the iterator;
   * statements before it have taken effect.
   */
  execute(sql: string, options?: ExecuteOptions): AsyncIterable<StatementResult>;
  close(): Promise<void>;
}
