/**
 * HashSetOpExec: INTERSECT / EXCEPT, DISTINCT or ALL. Every distinct row of
 * the left input gets a group (NULLs compare equal, as set operations
 * require) and a count; the right input only counts rows of known groups.
 * Each group is then output
 *
 *   INTERSECT      once if cL > 0 and cR > 0     INTERSECT ALL  min(cL, cR) times
 *   EXCEPT         once if cL > 0 and cR = 0     EXCEPT ALL     max(cL − cR, 0) times
 *
 * in order of first appearance on the left.
 */
import { Batch, toArrowType } from '../../core/index.ts';
import type { HashSetOpExec } from '../../planner/index.ts';
import { sharedIdentity, take } from '../kernels/take.ts';
import { GroupTable } from './group-table.ts';
import { type ExecutionContext, type PhysicalOperator, metricsOf, stream } from './physical-operator.ts';

function grow(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** Runs HashSetOpExec. */
export class HashSetOpOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: HashSetOpExec;
  private readonly left: PhysicalOperator;
  private readonly right: PhysicalOperator;

  constructor(plan: HashSetOpExec, left: PhysicalOperator, right: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.left = left;
    this.right = right;
    this.children = [left, right];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const plan = this.plan;
    const metrics = metricsOf(ctx, this.nodeId);
    const table = new GroupTable(plan.columns.map((c) => toArrowType(c.type)));
    let countL: Float64Array = new Float64Array(64);
    let countR: Float64Array = new Float64Array(64);
    for (const [side, input] of [[0, this.left], [1, this.right]] as const) {
      for await (const batch of stream(input, ctx)) {
        const count = batch.length;
        const rows = batch.selection ?? sharedIdentity(batch.numRows);
        const gids = new Int32Array(count);
        if (side === 0) {
          table.insert(batch.columns, rows, count, null, gids);
          countL = grow(countL, table.size);
          countR = grow(countR, table.size);
          for (let i = 0; i < count; i++) countL[gids[i]!]!++;
        } else {
          table.lookup(batch.columns, rows, count, null, gids);
          for (let i = 0; i < count; i++) { const g = gids[i]!; if (g >= 0) countR[g]!++; }
        }
      }
      if (side === 0 && table.size === 0) return; // nothing on the left: nothing to output
    }
    ctx.memory.account(metrics, table.byteSize());
    const n = table.size;
    const times = new Float64Array(n);
    let total = 0;
    for (let g = 0; g < n; g++) {
      const l = countL[g]!, r = countR[g]!;
      const t = plan.op === 'intersect'
        ? (plan.all ? Math.min(l, r) : l > 0 && r > 0 ? 1 : 0)
        : (plan.all ? Math.max(l - r, 0) : l > 0 && r === 0 ? 1 : 0);
      times[g] = t;
      total += t;
    }
    if (total > 0) {
      const idx = new Int32Array(total);
      let k = 0;
      for (let g = 0; g < n; g++) for (let t = 0; t < times[g]!; t++) idx[k++] = g;
      const keys = table.keyColumns();
      for (let start = 0; start < total; start += ctx.batchSize) {
        const part = idx.subarray(start, Math.min(total, start + ctx.batchSize));
        yield new Batch(keys.map((c) => take(c, part)), part.length, null);
      }
    }
    ctx.memory.account(metrics, -table.byteSize());
  }
}
