/**
 * The DataFrame's logical plan (issue 5): a lazy, immutable tree that
 * sql-compiler.ts turns into one SQL statement. Decision: the client does not
 * send its own plan format; it compiles to SQL (PostgreSQL dialect, identifiers
 * quoted) and submits it through the same QueryService.ExecuteQuery path as SQL
 * text, so DataFrames get the same binder, optimizer and authorization check
 * (the approach Ibis takes). Nodes reference expressions as `ColumnExpr`.
 */
import type * as arrow from 'apache-arrow';
import type { ColumnExpr } from './column.ts';

/** How a join combines rows (PySpark names). */
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'semi' | 'anti' | 'cross';

/** Set operations between two DataFrames. */
export type SetOperation = 'UNION ALL' | 'UNION' | 'INTERSECT' | 'INTERSECT ALL' | 'EXCEPT' | 'EXCEPT ALL';

/** A relation the SQL can name directly in FROM (a table, a table function call, VALUES). */
export interface FromItem {
  /** FROM-clause text, e.g. `"tpch"."lineitem"` or `read_parquet('a/*.parquet')`. */
  readonly text: string;
  /** Whether `text` must be given an alias to appear in FROM (VALUES lists do). */
  readonly needsAlias: boolean;
  /** Column names to attach to the alias (`AS t("a","b")`), for VALUES. */
  readonly columnNames?: readonly string[];
}

/** One node of the plan. Children are plan nodes; the tree is never mutated. */
export type PlanNode =
  | { readonly kind: 'from'; readonly item: () => Promise<FromItem> }
  | { readonly kind: 'sql'; readonly text: string }
  | { readonly kind: 'alias'; readonly input: PlanNode; readonly name: string }
  | { readonly kind: 'project'; readonly input: PlanNode; readonly columns: readonly ColumnExpr[] }
  | { readonly kind: 'filter'; readonly input: PlanNode; readonly condition: ColumnExpr }
  | { readonly kind: 'aggregate'; readonly input: PlanNode; readonly groupBy: readonly ColumnExpr[]; readonly aggregates: readonly ColumnExpr[] }
  | { readonly kind: 'join'; readonly left: PlanNode; readonly right: PlanNode; readonly how: JoinType; readonly on: readonly string[] | ColumnExpr | null }
  | { readonly kind: 'sort'; readonly input: PlanNode; readonly keys: readonly ColumnExpr[] }
  | { readonly kind: 'limit'; readonly input: PlanNode; readonly count: number; readonly offset: number }
  | { readonly kind: 'distinct'; readonly input: PlanNode }
  | { readonly kind: 'setOp'; readonly op: SetOperation; readonly left: PlanNode; readonly right: PlanNode }
  /** A node whose columns depend on the input's schema (withColumn, drop, rename, fillna …): expanded at compile time. */
  | { readonly kind: 'schemaDependent'; readonly input: PlanNode; readonly expand: (schema: arrow.Schema, input: PlanNode) => PlanNode }
  /** A node built at compile time from the schemas of other plans (unionByName). */
  | { readonly kind: 'deferred'; readonly make: (schemaOf: (node: PlanNode) => Promise<arrow.Schema>) => Promise<PlanNode> };
