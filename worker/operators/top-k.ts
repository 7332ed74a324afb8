/**
 * TopKExec (ORDER BY … LIMIT k): keeps at most k candidate rows. Input batches
 * are buffered until they hold max(2k, 4096) rows; then the buffer is sorted
 * and cut back to its best k rows. Memory stays O(k + batch) and the total
 * work O(n log k) amortized, without a per-row heap of row objects.
 */
import { Batch, toArrowType } from '../../core/index.ts';
import type { TopKExec } from '../../planner/index.ts';
import { batchBytes, concatBatches, take } from '../kernels/take.ts';
import { type ExecutionContext, type PhysicalOperator, metricsOf, stream } from './physical-operator.ts';
import { gatherInBatches, sortPermutationOf } from './sort.ts';

export class TopKOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: TopKExec;
  private readonly input: PhysicalOperator;

  constructor(plan: TopKExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const plan = this.plan;
    const k = plan.fetch;
    if (k <= 0) return;
    const metrics = metricsOf(ctx, this.nodeId);
    const types = plan.columns.map((c) => toArrowType(c.type));
    const threshold = Math.max(2 * k, 4096);
    let parts: Batch[] = [];
    let rows = 0;
    let bytes = 0;
    const compact = (): void => {
      const all = concatBatches(parts, types);
      const perm = sortPermutationOf(all, plan.keys, plan.input.columns);
      const keep = perm.subarray(0, Math.min(k, perm.length));
      // Keep the survivors in input order so ties stay stable across compactions.
      const sortedKeep = Int32Array.from(keep).sort();
      const best = new Batch(all.columns.map((c) => take(c, sortedKeep)), sortedKeep.length, null);
      parts = [best];
      rows = best.numRows;
      const b = batchBytes(best);
      ctx.memory.account(metrics, b - bytes);
      bytes = b;
    };
    try {
      for await (const batch of stream(this.input, ctx)) {
        parts.push(batch);
        rows += batch.length;
        const b = batchBytes(batch);
        bytes += b;
        ctx.memory.account(metrics, b);
        if (rows >= threshold) compact();
      }
      if (rows === 0) return;
      const all = concatBatches(parts, types);
      const perm = sortPermutationOf(all, plan.keys, plan.input.columns);
      yield* gatherInBatches(all, perm, k, ctx.batchSize);
    } finally {
      ctx.memory.account(metrics, -bytes);
    }
  }
}
