/**
 * Adaptive order of an AND's conjuncts in select form (the filters of a scan: TPC-H Q6's
 * `l_shipdate >= …` keeps 85% of the rows, `l_discount between …` 27%, `l_quantity < 24` 46%).
 * Each conjunct's rows in, rows kept and time are recorded; every few batches the conjuncts
 * are sorted by cost per row / share of rows dropped, so the cheap and selective ones run first
 * and the rest see fewer rows. Only conjuncts that cannot raise an error may move (compile.ts
 * isErrorFree): evaluating `1 / x > 2` before `x <> 0` could divide by zero on rows the written
 * order would have dropped. Such conjuncts also fuse where one column is bounded from below and
 * above (compile-range.ts).
 */
import type { Batch } from '../../core/index.ts';
import type { Expr } from '../../planner/index.ts';
import type { CompiledBoolean, Selector } from './compile-compare.ts';
import { rangePairs } from './compile-range.ts';
import type { Node } from './node.ts';
/** Re-sort after this many batches; the statistics then halve so the order follows the data. */
const PERIOD = 16;

/** Run order of n conjuncts, learnt from the batches. */
export class ConjunctOrder {
  /** Conjunct indexes in run order. */
  readonly order: number[];
  private readonly rowsIn: Float64Array;
  private readonly rowsOut: Float64Array;
  private readonly time: Float64Array;
  private batches = 0;

  constructor(n: number) {
    this.order = Array.from({ length: n }, (_, i) => i);
    this.rowsIn = new Float64Array(n);
    this.rowsOut = new Float64Array(n);
    this.time = new Float64Array(n);
  }

  /** Records one run of conjunct j. */
  record(j: number, rowsIn: number, rowsOut: number, ms: number): void {
    this.rowsIn[j]! += rowsIn;
    this.rowsOut[j]! += rowsOut;
    this.time[j]! += ms;
  }

  /** Ends a batch; every PERIOD batches re-sorts by cost per dropped row. */
  endBatch(): void {
    if (++this.batches % PERIOD !== 0) return;
    const rank = this.order.map((j) => {
      const seen = this.rowsIn[j]!;
      // never reached (earlier conjuncts kept nothing): leave it where it is relative to the others
      if (seen === 0) return Number.POSITIVE_INFINITY;
      const dropped = 1 - this.rowsOut[j]! / seen;
      return dropped <= 0 ? Number.POSITIVE_INFINITY : this.time[j]! / seen / dropped;
    });
    const byRank = this.order.map((j, k) => ({ j, r: rank[k]!, k }));
    // stable: ties keep the current order
    byRank.sort((a, b) => (a.r === b.r ? a.k - b.k : a.r < b.r ? -1 : 1));
    for (let k = 0; k < byRank.length; k++) this.order[k] = byRank[k]!.j;
    for (let j = 0; j < this.order.length; j++) { this.rowsIn[j]! /= 2; this.rowsOut[j]! /= 2; this.time[j]! /= 2; }
  }
}

/**
 * The select form of an AND whose conjuncts `args` (compiled as `parts`) cannot raise errors:
 * bounded columns fused into ranges, the order learnt from the batches.
 */
export function adaptiveConjunction(args: readonly Expr[], parts: readonly CompiledBoolean[], columnNode: (e: Expr) => Node): Selector {
  const selectors: Selector[] = parts.map((p) => p.select);
  for (const r of rangePairs(args, columnNode)) {
    selectors[r.first] = r.select;
    selectors[r.second] = (_batch, rows) => rows;
  }
  const order = new ConjunctOrder(selectors.length);
  return (batch: Batch, sel: Int32Array): Int32Array => {
    let rows = sel;
    for (const j of order.order) {
      if (rows.length === 0) break;
      const t = performance.now(), before = rows.length;
      rows = selectors[j]!(batch, rows);
      order.record(j, before, rows.length, performance.now() - t);
    }
    order.endBatch();
    return rows;
  };
}
