/**
 * TopKExec (ORDER BY … LIMIT k): keeps at most k candidate rows.
 *
 * Input batches are buffered until they hold max(2k, 4096) rows; then the
 * buffer is sorted and cut back to its best k rows, and the k-th of them
 * becomes the *boundary*. From then on an incoming row is buffered only if it
 * sorts strictly before the boundary (ties lose: earlier rows win, which keeps
 * the result identical to a stable sort), so most rows of a large input cost
 * one comparison. Memory stays O(k + batch).
 */
import type * as arrow from 'apache-arrow';
import { Batch, toArrowType } from '../../core/index.ts';
import type { TopKExec } from '../../planner/index.ts';
import { type RowComparator, combineComparators, makeCrossComparator } from '../kernels/sort-compare.ts';
import { batchBytes, concatBatches, materialize, take } from '../kernels/take.ts';
import { type ExecutionContext, type PhysicalOperator, metricsOf, stream } from './physical-operator.ts';
import { compileSortKeys, evaluateSortKeys, gatherInBatches, permutationOf } from './sort.ts';

/** Runs TopKExec. */
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
    const compiled = compileSortKeys(plan.keys, plan.input.columns);
    let parts: Batch[] = [];
    let rows = 0;
    let bytes = 0;
    /** Key values (one row each) of the current k-th best row. */
    let boundary: arrow.Data[] | null = null;
    const compact = (): void => {
      const all = concatBatches(parts, types);
      const keyData = evaluateSortKeys(all, compiled);
      const perm = permutationOf(keyData, plan.keys, all.numRows);
      const keep = perm.subarray(0, Math.min(k, perm.length));
      if (keep.length === k) boundary = keyData.map((d) => take(d, keep.subarray(k - 1, k)));
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
      for await (const input of stream(this.input, ctx)) {
        let batch = input;
        if (boundary !== null) {
          const bound: arrow.Data[] = boundary;
          const keyData = evaluateSortKeys(batch, compiled);
          const beats: RowComparator = combineComparators(keyData.map((d, i) => makeCrossComparator(d, bound[i]!, plan.keys[i]!.ascending, plan.keys[i]!.nullsFirst)));
          const sel = batch.selection;
          const n = batch.length;
          const keepRows = new Int32Array(n);
          let m = 0;
          for (let i = 0; i < n; i++) { const r = sel ? sel[i]! : i; if (beats(r, 0) < 0) keepRows[m++] = r; }
          if (m === 0) continue;
          // Gather the few survivors so a kept row does not pin its whole input batch.
          batch = materialize(batch.withSelection(keepRows.subarray(0, m)));
        }
        parts.push(batch);
        rows += batch.length;
        const b = batchBytes(batch);
        bytes += b;
        ctx.memory.account(metrics, b);
        if (rows >= threshold) compact();
      }
      if (rows === 0) return;
      const all = concatBatches(parts, types);
      const perm = permutationOf(evaluateSortKeys(all, compiled), plan.keys, all.numRows);
      yield* gatherInBatches(all, perm, k, ctx.batchSize);
    } finally {
      ctx.memory.account(metrics, -bytes);
    }
  }
}
