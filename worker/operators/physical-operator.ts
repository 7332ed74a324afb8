/**
 * The running-operator interface and what every operator receives at run time.
 *
 * An operator is a pull-based async stream of batches. A parent reads its
 * inputs through `stream(child, ctx)`, which checks cancellation and records
 * the child's metrics (rows, batches, inclusive time). Operators that buffer
 * (hash tables, sort runs) account their bytes with `ctx.memory`; those that
 * can spill ask `tryReserve` first and, refused, write what they hold to files
 * of `ctx.spill` (worker/operators/spill) before going on.
 */
import type { Batch } from '../../core/index.ts';
import { getHeapStatistics } from 'node:v8';
import { LochError, SqlState } from '../../core/index.ts';
import type { ColumnId, PlanColumn } from '../../planner/index.ts';
import type { SpillManager } from './spill/spill-manager.ts';

/** Per-operator counters for EXPLAIN ANALYZE. */
export interface OperatorMetrics {
  rowsOut: number;
  batchesOut: number;
  /** Wall time spent producing this operator's output, including its inputs. */
  elapsedMs: number;
  /** Largest number of bytes the operator held at once. */
  peakMemoryBytes: number;
  /** Bytes currently held. */
  memoryBytes: number;
  /** Bytes this operator wrote to spill files (absent when it never spilled). */
  spilledBytes?: number;
}

/** Zeroed metrics. */
export function newMetrics(): OperatorMetrics {
  return { rowsOut: 0, batchesOut: 0, elapsedMs: 0, peakMemoryBytes: 0, memoryBytes: 0 };
}

/** The default budget of an execution: half of this thread's heap limit (spillable operators keep under it). */
export function defaultMemoryLimitBytes(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * 0.5);
}

/**
 * A query-wide memory budget. `account` records bytes unconditionally (operators
 * that cannot spill); `tryReserve` refuses bytes beyond the limit, so that a
 * spilling operator writes out what it holds instead.
 */
export class MemoryBudget {
  readonly limitBytes: number;
  usedBytes = 0;
  peakBytes = 0;

  constructor(limitBytes = Number.POSITIVE_INFINITY) { this.limitBytes = limitBytes; }

  /** Records `bytes` more (negative to release) held by the operator with `metrics`. */
  account(metrics: OperatorMetrics, bytes: number): void {
    this.usedBytes += bytes;
    if (this.usedBytes > this.peakBytes) this.peakBytes = this.usedBytes;
    metrics.memoryBytes += bytes;
    if (metrics.memoryBytes > metrics.peakMemoryBytes) metrics.peakMemoryBytes = metrics.memoryBytes;
  }

  /** Reserves `bytes` for the operator with `metrics` if they fit under the limit; false (nothing reserved) otherwise. */
  tryReserve(metrics: OperatorMetrics, bytes: number): boolean {
    if (this.usedBytes + bytes > this.limitBytes) return false;
    this.account(metrics, bytes);
    return true;
  }

  /** Releases `bytes` reserved or accounted by the operator with `metrics`. */
  release(metrics: OperatorMetrics, bytes: number): void {
    this.account(metrics, -bytes);
  }
}

/** The buffered result of one CTE, shared by all its readers. */
export interface CteBuffer {
  readonly batches: Promise<readonly Batch[]>;
}

/** What a running operator can use. One per query execution. */
export interface ExecutionContext {
  readonly signal: AbortSignal;
  readonly memory: MemoryBudget;
  /** Target rows per batch for operators that build batches. */
  readonly batchSize: number;
  /** Metrics by physical `nodeId`. */
  readonly metrics: Map<number, OperatorMetrics>;
  /** CTE definitions registered by anchors (lazy runners), and their buffers once computed. */
  readonly cteDefinitions: Map<number, () => Promise<readonly Batch[]>>;
  readonly cteBuffers: Map<number, CteBuffer>;
  /** Where spilling operators write; without it they hold everything in memory. The executor closes it at the end. */
  readonly spill?: SpillManager;
}

/** A runnable operator for one physical plan node. */
export interface PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  /** Produces the operator's output. Call through `stream` to get metrics and cancellation. */
  execute(ctx: ExecutionContext): AsyncIterable<Batch>;
}

/** The metrics record of `nodeId`, created on first use. */
export function metricsOf(ctx: ExecutionContext, nodeId: number): OperatorMetrics {
  let m = ctx.metrics.get(nodeId);
  if (!m) { m = newMetrics(); ctx.metrics.set(nodeId, m); }
  return m;
}

/** Throws 57014 when the query was cancelled. */
export function checkCancelled(ctx: ExecutionContext): void {
  if (ctx.signal.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
}

/** Runs `op`, recording rows, batches and time, and checking cancellation between batches. Empty batches are dropped. */
export async function* stream(op: PhysicalOperator, ctx: ExecutionContext): AsyncGenerator<Batch> {
  const m = metricsOf(ctx, op.nodeId);
  checkCancelled(ctx);
  const it = op.execute(ctx)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const t0 = performance.now();
      const r = await it.next();
      m.elapsedMs += performance.now() - t0;
      if (r.done) return;
      checkCancelled(ctx);
      const b = r.value;
      if (b.length === 0) continue;
      m.rowsOut += b.length;
      m.batchesOut++;
      yield b;
    }
  } finally {
    await it.return?.();
  }
}

/** Maps column ids of `columns` to their positions (the layout expressions are compiled against). */
export function layoutOf(columns: readonly PlanColumn[]): Map<ColumnId, number> {
  const m = new Map<ColumnId, number>();
  columns.forEach((c, i) => m.set(c.id, i));
  return m;
}
