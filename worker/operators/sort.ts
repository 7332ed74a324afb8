/**
 * SortExec: buffers its whole input, then sorts a permutation Int32Array
 * (sort-permutation.ts: keys ranked, packed and sorted natively when they fit;
 * text by UTF-8 bytes = C collation; ties keep input order) and gathers the
 * output in batches.
 * TopKExec (top-k.ts) reuses `sortBuffered`.
 *
 * External sort: when the memory budget refuses the next batch, the buffered
 * rows are sorted and written out as a run (spill/spill-file.ts); at the end
 * the runs and the last in-memory run are k-way merged (spill/sorted-run-merge.ts).
 */
import type * as arrow from 'apache-arrow';
import { Batch, toArrowType } from '../../core/index.ts';
import type { PlanColumn, SortExec, SortKey } from '../../planner/index.ts';
import { type CompiledExpr, compileExpr } from '../expr/index.ts';
import { batchBytes, concatBatches, take } from '../kernels/take.ts';
import { sortRows } from './sort-permutation.ts';
import { type ExecutionContext, type OperatorMetrics, type PhysicalOperator, layoutOf, metricsOf, stream } from './physical-operator.ts';
import { type SpillFile, deleteSpillFile, readSpillFile, writeSpillFile } from './spill/spill-file.ts';
import { spillFieldsOf } from './spill/spill-fields.ts';
import { mergeSortedRuns } from './spill/sorted-run-merge.ts';
import { minSpillBytes } from './spill/spill-threshold.ts';

/** Compiles the sort key expressions against input `columns`. */
export function compileSortKeys(keys: readonly SortKey[], columns: readonly PlanColumn[]): CompiledExpr[] {
  const layout = layoutOf(columns);
  return keys.map((k) => compileExpr(k.expr, layout));
}

/** Evaluates compiled sort keys over `batch`. */
export function evaluateSortKeys(batch: Batch, keys: readonly CompiledExpr[]): arrow.Data[] {
  return keys.map((k) => k.evaluate(batch));
}

/** The stable permutation of rows 0..n-1 ordered by the evaluated key columns. */
export function permutationOf(keyData: readonly arrow.Data[], keys: readonly SortKey[], n: number): Int32Array {
  return sortRows(keyData.map((data, i) => ({ data, ascending: keys[i]!.ascending, nullsFirst: keys[i]!.nullsFirst })), n);
}

/** Sorts `batch` (no selection) by `keys`; returns the stable permutation of its rows. */
export function sortPermutationOf(batch: Batch, keys: readonly SortKey[], columns: readonly PlanColumn[]): Int32Array {
  return permutationOf(evaluateSortKeys(batch, compileSortKeys(keys, columns)), keys, batch.numRows);
}

/** Gathers rows `perm[0..limit)` of `batch` in batches of `batchSize` rows. */
export function* gatherInBatches(batch: Batch, perm: Int32Array, limit: number, batchSize: number): Generator<Batch> {
  const n = Math.min(limit, perm.length);
  for (let start = 0; start < n; start += batchSize) {
    const idx = perm.subarray(start, Math.min(n, start + batchSize));
    yield new Batch(batch.columns.map((c: arrow.Data) => take(c, idx)), idx.length, null);
  }
}

/** Runs SortExec. */
export class SortOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: SortExec;
  private readonly input: PhysicalOperator;

  constructor(plan: SortExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const metrics = metricsOf(ctx, this.nodeId);
    let parts: Batch[] = [];
    let bytes = 0;
    const runs: SpillFile[] = [];
    const types = this.plan.columns.map((c) => toArrowType(c.type));
    try {
      for await (const b of stream(this.input, ctx)) {
        const n = batchBytes(b);
        if (!ctx.memory.tryReserve(metrics, n)) {
          if (ctx.spill !== undefined && parts.length > 0 && bytes >= minSpillBytes(ctx.memory.limitBytes)) {
            runs.push(this.spillRun(parts, types, ctx, metrics));
            parts = [];
            ctx.memory.release(metrics, bytes);
            bytes = 0;
          }
          ctx.memory.account(metrics, n); // one batch is always held, even over the budget
        }
        parts.push(b);
        bytes += n;
      }
      if (runs.length === 0) {
        if (parts.length === 0) return;
        const all = concatBatches(parts, types);
        parts = [];
        const perm = sortPermutationOf(all, this.plan.keys, this.plan.input.columns);
        yield* gatherInBatches(all, perm, perm.length, ctx.batchSize);
        return;
      }
      const sources: AsyncIterable<Batch>[] = runs.map((f) => readSpillFile(f));
      if (parts.length > 0) {
        const all = concatBatches(parts, types);
        parts = [];
        const perm = sortPermutationOf(all, this.plan.keys, this.plan.input.columns);
        sources.push(toAsync(gatherInBatches(all, perm, perm.length, ctx.batchSize)));
      }
      const compiled = compileSortKeys(this.plan.keys, this.plan.input.columns);
      yield* mergeSortedRuns(sources, this.plan.keys, (b) => evaluateSortKeys(b, compiled), types, ctx.batchSize);
    } finally {
      ctx.memory.release(metrics, bytes);
      for (const f of runs) deleteSpillFile(f);
    }
  }

  /** Sorts the buffered `parts` and writes them to a spill file (one sorted run). */
  private spillRun(parts: readonly Batch[], types: readonly arrow.DataType[], ctx: ExecutionContext, metrics: OperatorMetrics): SpillFile {
    const all = concatBatches(parts, types);
    const perm = sortPermutationOf(all, this.plan.keys, this.plan.input.columns);
    const file = writeSpillFile(ctx.spill!, spillFieldsOf(this.plan.columns), `sort${this.nodeId}`, gatherInBatches(all, perm, perm.length, ctx.batchSize));
    metrics.spilledBytes = (metrics.spilledBytes ?? 0) + file.bytes;
    return file;
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
