/**
 * Bound expressions: the output of the binder, rewritten by the optimizer and
 * evaluated by worker kernels. Every node carries its result type.
 *
 * Columns are referenced by `ColumnId`, a number unique within one query
 * (DuckDB's column bindings, simplified). Ids make rewrites local: pushing a
 * predicate through a join or pruning a projection never renumbers anything.
 * The physical planner turns ids into positions in the input batch.
 */
import type { DataType, LiteralValue } from '../core/index.ts';
import type { LogicalPlan } from './logical/logical-plan.ts';

export type ColumnId = number;

export interface ColumnRef {
  readonly kind: 'column';
  readonly id: ColumnId;
  /** Display name (qualified where that helps EXPLAIN); not used for resolution. */
  readonly name: string;
  readonly type: DataType;
}

export interface Literal {
  readonly kind: 'literal';
  readonly value: LiteralValue;
  readonly type: DataType;
}

/**
 * A scalar function or operator, by the name the function registry
 * (planner/functions) resolved it to, e.g. `add`, `eq`, `like`, `substring`.
 * Arguments are already cast to the types the implementation expects.
 */
export interface Call {
  readonly kind: 'call';
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly type: DataType;
}

export interface Cast {
  readonly kind: 'cast';
  readonly input: Expr;
  readonly type: DataType;
}

export interface Case {
  readonly kind: 'case';
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise: Expr | null;
  readonly type: DataType;
}

export interface InList {
  readonly kind: 'in_list';
  readonly input: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
  readonly type: DataType;
}

/**
 * A subquery inside an expression. Exists only between binding and
 * decorrelation: the decorrelation rules turn every one into a join, so
 * physical planning never sees it. `outerRefs` are the ids of outer columns
 * the subquery reads (empty when uncorrelated).
 */
export interface SubqueryExpr {
  readonly kind: 'subquery';
  readonly subqueryKind: 'scalar' | 'exists' | 'in';
  readonly plan: LogicalPlan;
  /** For `x [NOT] IN (subquery)`: the left operand. */
  readonly input: Expr | null;
  readonly negated: boolean;
  readonly outerRefs: readonly ColumnId[];
  readonly type: DataType;
}

export type Expr = ColumnRef | Literal | Call | Cast | Case | InList | SubqueryExpr;

/** An aggregate call inside an Aggregate node. */
export interface AggregateCall {
  /** Registry name: count, count_star, sum, avg, min, max, … */
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  readonly filter: Expr | null;
  readonly type: DataType;
}

export function col(id: ColumnId, name: string, type: DataType): ColumnRef {
  return { kind: 'column', id, name, type };
}

export function lit(value: LiteralValue, type: DataType): Literal {
  return { kind: 'literal', value, type };
}

export function call(fn: string, args: readonly Expr[], type: DataType): Call {
  return { kind: 'call', fn, args, type };
}
