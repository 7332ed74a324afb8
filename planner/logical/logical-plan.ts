/**
 * The logical plan: an immutable tree (a DAG where a CTE is shared) of
 * relational nodes. Every node lists its output columns with ids
 * (planner/expr.ts); `outputColumns(plan)` derives them.
 *
 *   Scan ─► Filter ─► Join ─► Aggregate ─► Project ─► Sort ─► Limit
 *
 * Optimizer rules (planner/optimizer) rewrite it; the physical planner maps
 * each node to an operator. Nodes are plain objects so rules can pattern match
 * on `kind` and rebuild with spread.
 */
import type { DataType, ScanPredicate, TableScanner } from '../../core/index.ts';
import type { AggregateCall, ColumnId, Expr } from '../expr.ts';
import type { WindowFunctionCall } from './window-function.ts';

/** One output column of a plan node. */
export interface PlanColumn {
  readonly id: ColumnId;
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  /** Table alias the column came from, for name resolution and EXPLAIN. */
  readonly qualifier?: string;
}

export interface Scan {
  readonly kind: 'scan';
  /** Name shown in EXPLAIN, e.g. `lineitem` or `read_parquet('…')`. */
  readonly tableName: string;
  readonly source: TableScanner;
  /** Columns read: `sourceIndex` into `source.columns`, with the id the plan uses. */
  readonly columns: readonly (PlanColumn & { readonly sourceIndex: number })[];
  /** Predicates over this scan's columns that the reader may use to skip data (re-applied by a Filter). */
  readonly pushedPredicates: readonly ScanPredicate[];
  /** Estimated rows after pushed predicates, when known. */
  readonly rowEstimate?: number;
}

export interface Values {
  readonly kind: 'values';
  readonly columns: readonly PlanColumn[];
  readonly rows: readonly (readonly Expr[])[];
}

export interface Filter {
  readonly kind: 'filter';
  readonly input: LogicalPlan;
  readonly predicate: Expr;
}

export interface Project {
  readonly kind: 'project';
  readonly input: LogicalPlan;
  /** Output column i is exprs[i] under columns[i]'s id. */
  readonly exprs: readonly Expr[];
  readonly columns: readonly PlanColumn[];
}

export interface Aggregate {
  readonly kind: 'aggregate';
  readonly input: LogicalPlan;
  readonly groupBy: readonly Expr[];
  readonly aggregates: readonly AggregateCall[];
  /** Group keys first, then one column per aggregate. */
  readonly columns: readonly PlanColumn[];
}

/**
 * `semi`/`anti` output only left columns. `anti_null_aware` is NOT IN:
 * a NULL on either side of the equality makes the row not qualify.
 * `mark` adds one boolean column (`markColumn`) saying whether a match exists;
 * decorrelation uses it for subqueries under OR.
 */
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'semi' | 'anti' | 'anti_null_aware' | 'cross' | 'mark';

export interface Join {
  readonly kind: 'join';
  readonly joinType: JoinType;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  /** Join condition; null for a cross join. Equi-conjuncts are found by the physical planner. */
  readonly condition: Expr | null;
  readonly markColumn?: PlanColumn;
}

export interface SortKey {
  readonly expr: Expr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export interface Sort {
  readonly kind: 'sort';
  readonly input: LogicalPlan;
  readonly keys: readonly SortKey[];
  /** Set by limit pushdown: only the first `fetch` rows are needed (top-k). */
  readonly fetch?: number;
}

export interface Limit {
  readonly kind: 'limit';
  readonly input: LogicalPlan;
  readonly limit: number | null;
  readonly offset: number;
}

export interface SetOperation {
  readonly kind: 'set_operation';
  readonly op: 'union' | 'intersect' | 'except';
  readonly all: boolean;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  /** Output columns take fresh ids; input columns match by position. */
  readonly columns: readonly PlanColumn[];
}

/** Removes duplicate rows (SELECT DISTINCT); rules may turn it into an Aggregate. */
export interface Distinct {
  readonly kind: 'distinct';
  readonly input: LogicalPlan;
}

/**
 * A CTE computed once and read by every `CteRef` with the same `cteId`.
 * The definition sits at the root of the statement (`CteAnchor`) so the
 * tree stays a tree; refs rename its columns to their own ids.
 */
export interface CteRef {
  readonly kind: 'cte_ref';
  readonly cteId: number;
  readonly name: string;
  readonly columns: readonly PlanColumn[];
}

export interface CteAnchor {
  readonly kind: 'cte_anchor';
  readonly cteId: number;
  readonly name: string;
  /** The CTE body; its output column i becomes column i of every ref. */
  readonly definition: LogicalPlan;
  readonly input: LogicalPlan;
}

/**
 * Window functions sharing one PARTITION BY / ORDER BY: outputs the input's
 * columns then one column per call (`columns`). Rows keep no particular order.
 */
export interface Window {
  readonly kind: 'window';
  readonly input: LogicalPlan;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortKey[];
  readonly functions: readonly WindowFunctionCall[];
  /** One column per function, appended to the input's columns. */
  readonly columns: readonly PlanColumn[];
}

/**
 * `unnest(array, …)` per input row (PostgreSQL set-returning function): one output
 * row per element, the arrays zipped (shorter ones padded with NULL), no row for
 * an input row whose arrays are all empty or NULL. Outputs the input's columns,
 * then one column per array (`columns`), then the 1-based ordinality column when
 * `ordinality` is set (last of `columns`). Per row: keeps the input partitioning.
 */
export interface Unnest {
  readonly kind: 'unnest';
  readonly input: LogicalPlan;
  /** Array-typed expressions over the input's columns. */
  readonly arrays: readonly Expr[];
  readonly ordinality: boolean;
  /** One element column per array, then the ordinality column (int64) when set. */
  readonly columns: readonly PlanColumn[];
  /** The input columns output (in input order); all when absent. Projection pruning sets it: an array repeated per element is costly. */
  readonly passThrough?: readonly ColumnId[];
  /** LEFT JOIN LATERAL … ON true: a row without elements yields one row of NULL elements (and NULL ordinality). */
  readonly outer?: boolean;
}

/** A relation with one row and no columns (SELECT without FROM). */
export interface SingleRow {
  readonly kind: 'single_row';
}

export interface Empty {
  readonly kind: 'empty';
  readonly columns: readonly PlanColumn[];
}

export type LogicalPlan =
  | Scan | Values | Filter | Project | Aggregate | Join | Sort | Limit
  | SetOperation | Distinct | CteRef | CteAnchor | SingleRow | Empty | Window | Unnest;

/** The columns a node outputs, in order. */
export function outputColumns(plan: LogicalPlan): readonly PlanColumn[] {
  switch (plan.kind) {
    case 'scan': return plan.columns;
    case 'values': return plan.columns;
    case 'filter': return outputColumns(plan.input);
    case 'project': return plan.columns;
    case 'aggregate': return plan.columns;
    case 'join': {
      const left = outputColumns(plan.left);
      switch (plan.joinType) {
        case 'semi': case 'anti': case 'anti_null_aware': return left;
        case 'mark': return [...left, plan.markColumn!];
        default: {
          const right = outputColumns(plan.right);
          const nullLeft = plan.joinType === 'right' || plan.joinType === 'full';
          const nullRight = plan.joinType === 'left' || plan.joinType === 'full';
          return [
            ...(nullLeft ? left.map((c) => ({ ...c, nullable: true })) : left),
            ...(nullRight ? right.map((c) => ({ ...c, nullable: true })) : right),
          ];
        }
      }
    }
    case 'sort': return outputColumns(plan.input);
    case 'limit': return outputColumns(plan.input);
    case 'set_operation': return plan.columns;
    case 'distinct': return outputColumns(plan.input);
    case 'cte_ref': return plan.columns;
    case 'cte_anchor': return outputColumns(plan.input);
    case 'single_row': return [];
    case 'empty': return plan.columns;
    case 'window': return [...outputColumns(plan.input), ...plan.columns];
    case 'unnest': {
      const input = outputColumns(plan.input);
      const keep = plan.passThrough ? new Set(plan.passThrough) : null;
      return [...(keep ? input.filter((c) => keep.has(c.id)) : input), ...plan.columns];
    }
  }
}

/** Direct inputs of a node (the CTE definition counts as an input of its anchor). */
export function children(plan: LogicalPlan): LogicalPlan[] {
  switch (plan.kind) {
    case 'filter': case 'project': case 'aggregate': case 'sort': case 'limit': case 'distinct': case 'window': case 'unnest':
      return [plan.input];
    case 'join': case 'set_operation':
      return [plan.left, plan.right];
    case 'cte_anchor':
      return [plan.definition, plan.input];
    default:
      return [];
  }
}

/** Rebuilds a node with new inputs (same order as `children`); returns the node itself when nothing changed. */
export function withChildren(plan: LogicalPlan, inputs: readonly LogicalPlan[]): LogicalPlan {
  const old = children(plan);
  if (old.length === inputs.length && old.every((c, i) => c === inputs[i])) return plan;
  switch (plan.kind) {
    case 'filter': case 'project': case 'aggregate': case 'sort': case 'limit': case 'distinct': case 'window': case 'unnest':
      return { ...plan, input: inputs[0]! };
    case 'join': case 'set_operation':
      return { ...plan, left: inputs[0]!, right: inputs[1]! };
    case 'cte_anchor':
      return { ...plan, definition: inputs[0]!, input: inputs[1]! };
    default:
      return plan;
  }
}
