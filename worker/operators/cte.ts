/**
 * CTEs computed once: CteAnchorExec registers a lazy runner for its
 * definition; the first CteScanExec to run starts it and every reader awaits
 * the same buffered batches (a CTE referenced twice is computed once).
 */
import type { Batch } from '../../core/index.ts';
import type { CteAnchorExec, CteScanExec } from '../../planner/index.ts';
import { LochError, SqlState } from '../../core/index.ts';
import { batchBytes } from '../kernels/take.ts';
import { type ExecutionContext, type PhysicalOperator, metricsOf, stream } from './physical-operator.ts';

/** Registers its CTE definition, then runs its input. */
export class CteAnchorOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly cteId: number;
  private readonly definition: PhysicalOperator;
  private readonly input: PhysicalOperator;

  constructor(plan: CteAnchorExec, definition: PhysicalOperator, input: PhysicalOperator) {
    this.nodeId = plan.nodeId;
    this.cteId = plan.cteId;
    this.definition = definition;
    this.input = input;
    this.children = [definition, input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const metrics = metricsOf(ctx, this.nodeId);
    ctx.cteDefinitions.set(this.cteId, async () => {
      const out: Batch[] = [];
      for await (const b of stream(this.definition, ctx)) {
        ctx.memory.account(metrics, batchBytes(b));
        out.push(b);
      }
      return out;
    });
    yield* stream(this.input, ctx);
  }
}

/** Streams the CTE's buffered batches (computing them on first read). */
export class CteScanOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[] = [];
  private readonly plan: CteScanExec;

  constructor(plan: CteScanExec) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    let buffer = ctx.cteBuffers.get(this.plan.cteId);
    if (!buffer) {
      const run = ctx.cteDefinitions.get(this.plan.cteId);
      if (!run) throw new LochError(SqlState.internalError, `CTE "${this.plan.name}" (cte ${this.plan.cteId}) is read outside its anchor`);
      buffer = { batches: run() };
      ctx.cteBuffers.set(this.plan.cteId, buffer);
    }
    for (const b of await buffer.batches) yield b;
  }
}
