/** ScanExec: streams a TableScanner's batches for the plan's columns and pushed predicates. */
import type { Batch } from '../../core/index.ts';
import type { ScanExec } from '../../planner/index.ts';
import type { ExecutionContext, PhysicalOperator } from './physical-operator.ts';

/** Runs ScanExec. */
export class ScanOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[] = [];
  private readonly plan: ScanExec;

  constructor(plan: ScanExec) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    yield* this.plan.source.scan({
      columns: this.plan.sourceColumns,
      predicates: this.plan.predicates,
      batchSize: ctx.batchSize,
      signal: ctx.signal,
      ...(this.plan.limit !== undefined ? { limit: this.plan.limit } : {}),
    });
  }
}
