/**
 * Runs a physical plan in this process: builds the operator tree, creates the
 * ExecutionContext (cancellation, memory budget, metrics, CTE buffers) and
 * streams the root's batches. Metrics fill in as the stream is consumed.
 */
import type { Batch } from '../../core/index.ts';
import type { PhysicalPlan } from '../../planner/index.ts';
import { buildOperator } from '../operators/build-operator.ts';
import { type ExecutionContext, MemoryBudget, type OperatorMetrics, stream } from '../operators/physical-operator.ts';

/** Options of one in-process plan execution. */
export interface ExecuteOptions {
  readonly signal?: AbortSignal;
  /** Rows per batch for operators that build batches (default 4096). */
  readonly batchSize?: number;
  /** Memory budget in bytes (accounted, not enforced yet). */
  readonly memoryLimitBytes?: number;
}

/** A started execution: its result stream and live metrics. */
export interface PlanExecution {
  /** The result stream; consume once. Batches may carry a selection vector. */
  readonly batches: AsyncIterable<Batch>;
  /** Per-operator metrics by physical `nodeId`, complete once `batches` is exhausted. */
  readonly metrics: ReadonlyMap<number, OperatorMetrics>;
  readonly memory: MemoryBudget;
}

/** Executes `plan`; nothing runs until `batches` is iterated. */
export function executePhysicalPlan(plan: PhysicalPlan, options: ExecuteOptions = {}): PlanExecution {
  const ctx: ExecutionContext = {
    signal: options.signal ?? new AbortController().signal,
    memory: new MemoryBudget(options.memoryLimitBytes),
    batchSize: options.batchSize ?? 4096,
    metrics: new Map(),
    cteDefinitions: new Map(),
    cteBuffers: new Map(),
  };
  const root = buildOperator(plan);
  return { batches: stream(root, ctx), metrics: ctx.metrics, memory: ctx.memory };
}
