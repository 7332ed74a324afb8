/**
 * Runs a physical plan in this process: builds the operator tree, creates the
 * ExecutionContext (cancellation, memory budget, metrics, CTE buffers) and
 * streams the root's batches. Metrics fill in as the stream is consumed.
 */
import type { Batch } from '../../core/index.ts';
import type { PhysicalPlan } from '../../planner/index.ts';
import { buildOperator } from '../operators/build-operator.ts';
import { type ExecutionContext, MemoryBudget, type OperatorMetrics, defaultMemoryLimitBytes, stream } from '../operators/physical-operator.ts';
import { SpillManager } from '../operators/spill/spill-manager.ts';

/** Options of one in-process plan execution. */
export interface ExecuteOptions {
  readonly signal?: AbortSignal;
  /** Rows per batch for operators that build batches (default 4096). */
  readonly batchSize?: number;
  /**
   * Memory budget in bytes (default: half the heap limit). Sort, aggregate and join spill to
   * disk rather than go over it; other operators are only accounted.
   */
  readonly memoryLimitBytes?: number;
  /** Folder in which the execution's spill directory is created (default: the system temp folder). */
  readonly spillRoot?: string;
}

/** A started execution: its result stream and live metrics. */
export interface PlanExecution {
  /** The result stream; consume once. Batches may carry a selection vector. */
  readonly batches: AsyncIterable<Batch>;
  /** Per-operator metrics by physical `nodeId`, complete once `batches` is exhausted. */
  readonly metrics: ReadonlyMap<number, OperatorMetrics>;
  readonly memory: MemoryBudget;
  /** The spill directory (removed when `batches` ends, fails or is abandoned). */
  readonly spill: SpillManager;
}

/** Executes `plan`; nothing runs until `batches` is iterated. */
export function executePhysicalPlan(plan: PhysicalPlan, options: ExecuteOptions = {}): PlanExecution {
  const spill = new SpillManager(options.spillRoot);
  const ctx: ExecutionContext = {
    signal: options.signal ?? new AbortController().signal,
    memory: new MemoryBudget(options.memoryLimitBytes ?? defaultMemoryLimitBytes()),
    spill,
    batchSize: options.batchSize ?? 4096,
    metrics: new Map(),
    cteDefinitions: new Map(),
    cteBuffers: new Map(),
  };
  const root = buildOperator(plan);
  return { batches: closingSpill(stream(root, ctx), spill), metrics: ctx.metrics, memory: ctx.memory, spill };
}

/** Passes `batches` through and removes the spill directory however the stream ends. */
async function* closingSpill(batches: AsyncGenerator<Batch>, spill: SpillManager): AsyncGenerator<Batch> {
  try {
    yield* batches;
  } finally {
    spill.close();
  }
}
