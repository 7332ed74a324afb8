/**
 * FilterExec: narrows each batch's selection to the rows where the predicate
 * is TRUE. When few rows survive (< 1/8 of a batch of 1024+ rows) it gathers
 * them into a compact batch so downstream kernels stop skipping over dead rows.
 */
import type { Batch } from '../../core/index.ts';
import type { FilterExec } from '../../planner/index.ts';
import { compilePredicate } from '../expr/index.ts';
import { materialize } from '../kernels/take.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf, stream } from './physical-operator.ts';

const COMPACT_MIN_ROWS = 1024;
const COMPACT_SELECTIVITY = 1 / 8;

/** Runs FilterExec. */
export class FilterOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: FilterExec;
  private readonly input: PhysicalOperator;

  constructor(plan: FilterExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const predicate = compilePredicate(this.plan.predicate, layoutOf(this.plan.input.columns));
    for await (const batch of stream(this.input, ctx)) {
      const sel = predicate.select(batch);
      if (sel.length === 0) continue;
      if (sel.length === batch.numRows) { yield batch.withSelection(null); continue; }
      const narrowed = batch.withSelection(sel);
      yield batch.numRows >= COMPACT_MIN_ROWS && sel.length < batch.numRows * COMPACT_SELECTIVITY ? materialize(narrowed) : narrowed;
    }
  }
}
