/**
 * The physical plan: a tree of operator descriptions. Each node says which
 * operator runs, with what expressions, and declares its output columns (ids
 * and types); the worker turns a node into a running operator
 * (worker/operators) and resolves column ids to batch positions through the
 * input's `columns`.
 *
 * Nodes are plain data (no closures) apart from `ScanExec.source`, so a later
 * issue can add partitioning/distribution fields and serialize them to proto;
 * `nodeId` (unique within a plan, pre-order) keys per-operator metrics.
 *
 *   HashAggregateExec(mode=final)          ◄ merges partial states by key
 *     [exchange: hash(keys)]                (distributed issue)
 *       HashAggregateExec(mode=partial)    ◄ outputs keys + state columns
 */
import type { TableScanner, ScanPredicate, ScanSplit } from '../../core/index.ts';
import type { DistributionExec } from '../distributed/exchange-exec.ts';
import type { AggregateCall, Expr } from '../expr.ts';
import type { JoinType, PlanColumn, SortKey } from '../logical/logical-plan.ts';
import type { WindowFunctionCall } from '../logical/window-function.ts';

interface ExecBase {
  /** Unique within one plan; metrics are keyed by it. */
  readonly nodeId: number;
  /** Output columns in batch order. */
  readonly columns: readonly PlanColumn[];
  /** Estimated output rows (the optimizer's estimate of the logical node), for broadcast decisions. */
  readonly rowEstimate?: number;
}

/** Reads a table through its TableScanner. */
export interface ScanExec extends ExecBase {
  readonly kind: 'scan';
  readonly tableName: string;
  readonly source: TableScanner;
  /** Indexes into `source.columns`, in output order. */
  readonly sourceColumns: readonly number[];
  /** Predicates the reader may use to skip data (a FilterExec above re-applies them). */
  readonly predicates: readonly ScanPredicate[];
  /** Rows needed at most (set when a LIMIT sits directly on the scan); a hint for the reader. */
  readonly limit?: number;
  /**
   * Set by the distributed planner: `splits[p]` is what task p reads (its
   * length is the scan's partition count). Absent: one task reads everything.
   */
  readonly splits?: readonly (readonly ScanSplit[])[];
}

/** Literal rows (VALUES). */
export interface ValuesExec extends ExecBase {
  readonly kind: 'values';
  readonly rows: readonly (readonly Expr[])[];
}

/** Keeps the rows where `predicate` is TRUE (narrows the selection). */
export interface FilterExec extends ExecBase {
  readonly kind: 'filter';
  readonly input: PhysicalPlan;
  readonly predicate: Expr;
}

/** Computes one expression per output column. */
export interface ProjectExec extends ExecBase {
  readonly kind: 'project';
  readonly input: PhysicalPlan;
  readonly exprs: readonly Expr[];
}

/**
 * `single` aggregates raw rows to final values. `partial` outputs the group
 * keys then each aggregate's state columns (`partialStateColumns`); `final`
 * reads those columns and merges states of equal keys.
 */
export type AggregateMode = 'single' | 'partial' | 'final';

/** GROUP BY / DISTINCT / aggregates with a hash table of groups. */
export interface HashAggregateExec extends ExecBase {
  readonly kind: 'hash_aggregate';
  readonly mode: AggregateMode;
  readonly input: PhysicalPlan;
  readonly groupBy: readonly Expr[];
  readonly aggregates: readonly AggregateCall[];
}

/** Equi-join: hash table on the right input, left input streamed. */
export interface HashJoinExec extends ExecBase {
  readonly kind: 'hash_join';
  readonly joinType: JoinType;
  /** Probe side (streamed). */
  readonly left: PhysicalPlan;
  /** Build side (buffered in a hash table): the optimizer puts the smaller input here. */
  readonly right: PhysicalPlan;
  /** leftKeys[i] = rightKeys[i]; left keys read left columns only, right keys right columns only. */
  readonly leftKeys: readonly Expr[];
  readonly rightKeys: readonly Expr[];
  /** Non-equi rest of the condition, over left ++ right columns, evaluated on candidate pairs. */
  readonly residual: Expr | null;
  /**
   * NOT IN / IN semantics (anti_null_aware, and mark joins with a nullable mark
   * column): key pair 0 is the IN equality, where a NULL makes the comparison
   * unknown rather than false; the other keys and the residual are the
   * subquery's correlation conditions (NULL there = no match).
   */
  readonly nullAware: boolean;
}

/** Join without equi-keys: every pair of left row and buffered right row. */
export interface NestedLoopJoinExec extends ExecBase {
  readonly kind: 'nested_loop_join';
  readonly joinType: JoinType;
  readonly left: PhysicalPlan;
  /** Buffered side. */
  readonly right: PhysicalPlan;
  /** Over left ++ right columns; null joins every pair (cross). */
  readonly condition: Expr | null;
  /** For NOT IN / IN joins: the IN equality, evaluated three-valued on pairs passing `condition`. */
  readonly nullAwareCondition: Expr | null;
}

/** Full sort of its input. */
export interface SortExec extends ExecBase {
  readonly kind: 'sort';
  readonly input: PhysicalPlan;
  readonly keys: readonly SortKey[];
}

/** ORDER BY … LIMIT: the first `fetch` rows in key order. */
export interface TopKExec extends ExecBase {
  readonly kind: 'top_k';
  readonly input: PhysicalPlan;
  readonly keys: readonly SortKey[];
  readonly fetch: number;
}

/** OFFSET / LIMIT. */
export interface LimitExec extends ExecBase {
  readonly kind: 'limit';
  readonly input: PhysicalPlan;
  readonly limit: number | null;
  readonly offset: number;
}

/** UNION ALL: the inputs' batches in order; input column i becomes output column i. */
export interface UnionExec extends ExecBase {
  readonly kind: 'union';
  readonly inputs: readonly PhysicalPlan[];
}

/** INTERSECT / EXCEPT [ALL] by counting each distinct row on both sides (NULLs equal). */
export interface HashSetOpExec extends ExecBase {
  readonly kind: 'hash_set_op';
  readonly op: 'intersect' | 'except';
  readonly all: boolean;
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
}

/** Makes CTE `cteId` available to the CteScanExecs inside `input`; computed once, on first read. */
export interface CteAnchorExec extends ExecBase {
  readonly kind: 'cte_anchor';
  readonly cteId: number;
  readonly name: string;
  readonly definition: PhysicalPlan;
  readonly input: PhysicalPlan;
}

/** Reads the buffered result of CTE `cteId` (column i of the definition is column i here). */
export interface CteScanExec extends ExecBase {
  readonly kind: 'cte_scan';
  readonly cteId: number;
  readonly name: string;
}

/**
 * Window functions over one PARTITION BY / ORDER BY: buffers its input (all
 * rows of a partition must be in the same task: the distributed planner
 * hashes by the partition keys, or gathers to one task without PARTITION BY),
 * sorts it once, and outputs the input columns then one column per function.
 */
export interface WindowExec extends ExecBase {
  readonly kind: 'window';
  readonly input: PhysicalPlan;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortKey[];
  readonly functions: readonly WindowFunctionCall[];
}

/**
 * `unnest` per input row (logical Unnest): outputs the input columns repeated
 * once per element, one element column per array, then the ordinality column
 * when set. Per row: needs no particular distribution.
 */
export interface UnnestExec extends ExecBase {
  readonly kind: 'unnest';
  readonly input: PhysicalPlan;
  readonly arrays: readonly Expr[];
  readonly ordinality: boolean;
  /** A row without elements yields one row of NULLs (LEFT JOIN LATERAL … ON true). */
  readonly outer?: boolean;
}

/** One row, no columns (SELECT without FROM). */
export interface SingleRowExec extends ExecBase {
  readonly kind: 'single_row';
}

/** No rows. */
export interface EmptyExec extends ExecBase {
  readonly kind: 'empty';
}

/** Any physical plan node. */
export type PhysicalPlan =
  | ScanExec | ValuesExec | FilterExec | ProjectExec | HashAggregateExec | HashJoinExec | NestedLoopJoinExec
  | SortExec | TopKExec | LimitExec | UnionExec | HashSetOpExec | CteAnchorExec | CteScanExec | SingleRowExec | EmptyExec
  | DistributionExec | WindowExec | UnnestExec;

/** Direct inputs of a physical node, in execution order (a CTE definition before its anchor's input). */
export function physicalChildren(plan: PhysicalPlan): readonly PhysicalPlan[] {
  switch (plan.kind) {
    case 'filter': case 'project': case 'hash_aggregate': case 'sort': case 'top_k': case 'limit': case 'exchange': case 'shuffle_write': case 'window': case 'unnest':
      return [plan.input];
    case 'hash_join': case 'nested_loop_join': case 'hash_set_op':
      return [plan.left, plan.right];
    case 'union':
      return plan.inputs;
    case 'cte_anchor':
      return [plan.definition, plan.input];
    default:
      return [];
  }
}
