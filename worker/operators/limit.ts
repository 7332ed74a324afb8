/** LimitExec: skips `offset` rows, passes at most `limit`, and stops pulling its input once done. */
import type { Batch } from '../../core/index.ts';
import type { LimitExec } from '../../planner/index.ts';
import { sharedIdentity } from '../kernels/take.ts';
import { type ExecutionContext, type PhysicalOperator, stream } from './physical-operator.ts';

/** Runs LimitExec. */
export class LimitOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: LimitExec;
  private readonly input: PhysicalOperator;

  constructor(plan: LimitExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    let skip = this.plan.offset;
    let remaining = this.plan.limit ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    for await (const batch of stream(this.input, ctx)) {
      const n = batch.length;
      if (skip >= n) { skip -= n; continue; }
      const take = Math.min(n - skip, remaining);
      if (skip === 0 && take === n) yield batch;
      else {
        const sel = batch.selection ?? sharedIdentity(batch.numRows);
        yield batch.withSelection(sel.subarray(skip, skip + take));
      }
      skip = 0;
      remaining -= take;
      if (remaining <= 0) return;
    }
  }
}
