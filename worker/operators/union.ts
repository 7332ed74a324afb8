/** UnionExec (UNION ALL): each input's batches in turn; columns match by position. */
import type { Batch } from '../../core/index.ts';
import type { UnionExec } from '../../planner/index.ts';
import { type ExecutionContext, type PhysicalOperator, stream } from './physical-operator.ts';

/** Runs UnionExec. */
export class UnionOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];

  constructor(plan: UnionExec, inputs: readonly PhysicalOperator[]) {
    this.nodeId = plan.nodeId;
    this.children = inputs;
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    for (const input of this.children) yield* stream(input, ctx);
  }
}
