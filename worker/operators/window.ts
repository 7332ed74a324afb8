/**
 * WindowExec: window functions over one PARTITION BY / ORDER BY.
 *
 * Buffers its input, gives each row a partition id and a peer id (dense ids
 * of the PARTITION BY and ORDER BY values through GroupTables, NULLs equal),
 * sorts once by (PARTITION BY keys, ORDER BY keys) with sort-permutation.ts, and
 * derives partition and peer bounds as typed arrays (window-frames.ts). Each
 * function then fills one output column in sorted order (window-ranking.ts,
 * window-aggregate.ts); the output is the input gathered in that order plus
 * those columns. No row objects.
 */
import * as arrow from 'apache-arrow';
import { Batch, toArrowType } from '../../core/index.ts';
import { WINDOW_ONLY_FUNCTIONS, type WindowExec, type WindowFunctionCall } from '../../planner/index.ts';
import { compileExpr, compilePredicate } from '../expr/index.ts';
import { batchBytes, concatBatches, take } from '../kernels/take.ts';
import { GroupTable } from './group-table.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf, metricsOf, stream } from './physical-operator.ts';
import { sortRows, type SortKeyColumn } from './sort-permutation.ts';
import { windowAggregateColumn } from './window-aggregate.ts';
import { type WindowLayout, buildLayout, computeFrames, rangeKeyOf } from './window-frames.ts';
import { frameValueColumn, lagLeadColumn, ntileColumn, rankingColumn } from './window-ranking.ts';

/** Dense ids of equal key tuples (all zero without keys). */
function keyIds(keys: readonly arrow.Data[], n: number): Int32Array {
  const ids = new Int32Array(n);
  if (keys.length === 0) return ids;
  const table = new GroupTable(keys.map((k) => k.type), Math.min(n, 1 << 16));
  table.insert(keys, null, n, null, ids);
  return ids;
}

/**
 * A descending ORDER BY visits peers (rows with equal keys) in reverse input order: the
 * order of a backward scan of the ascending sort, which is how DataFusion computes
 * descending windows over sorted input (issue 6). Peers are reordered in place.
 */
function reversePeerRuns(perm: Int32Array, part: Int32Array, peer: Int32Array): void {
  const n = perm.length;
  for (let s = 0; s < n;) {
    let e = s + 1;
    while (e < n && part[e] === part[s] && peer[e] === peer[s]) e++;
    for (let a = s, b = e - 1; a < b; a++, b--) { const t = perm[a]!; perm[a] = perm[b]!; perm[b] = t; }
    s = e;
  }
}

/** Runs WindowExec. */
export class WindowOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: WindowExec;
  private readonly input: PhysicalOperator;

  constructor(plan: WindowExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const metrics = metricsOf(ctx, this.nodeId);
    const parts: Batch[] = [];
    let bytes = 0;
    for await (const b of stream(this.input, ctx)) {
      parts.push(b);
      const size = batchBytes(b);
      bytes += size;
      ctx.memory.account(metrics, size);
    }
    try {
      if (parts.length === 0) return;
      const all = concatBatches(parts, this.plan.input.columns.map((c) => toArrowType(c.type)));
      parts.length = 0;
      const n = all.numRows;
      if (n === 0) return;
      const { perm, layout } = this.arrange(all);
      const outputs = this.plan.functions.map((f) => this.compute(f, all, perm, layout));
      for (let start = 0; start < n; start += ctx.batchSize) {
        const end = Math.min(n, start + ctx.batchSize);
        const rows = perm.subarray(start, end);
        const positions = new Int32Array(end - start);
        for (let i = 0; i < positions.length; i++) positions[i] = start + i;
        const cols = [...all.columns.map((c) => take(c, rows)), ...outputs.map((o) => take(o, positions))];
        yield new Batch(cols, end - start, null);
      }
    } finally {
      ctx.memory.account(metrics, -bytes);
    }
  }

  /** Sort permutation and partition/peer layout of the buffered rows. */
  private arrange(all: Batch): { perm: Int32Array; layout: WindowLayout } {
    const plan = this.plan;
    const n = all.numRows;
    const layout = layoutOf(plan.input.columns);
    const partData = plan.partitionBy.map((e) => compileExpr(e, layout).evaluate(all));
    const orderData = plan.orderBy.map((k) => compileExpr(k.expr, layout).evaluate(all));
    const partIds = keyIds(partData, n);
    const peerIds = keyIds(orderData, n);
    const keys: SortKeyColumn[] = [];
    // Partitions come out in key order (ascending, NULLs last), as PostgreSQL's sort-based plans give them.
    for (const d of partData) keys.push({ data: d, ascending: true, nullsFirst: false });
    plan.orderBy.forEach((k, i) => keys.push({ data: orderData[i]!, ascending: k.ascending, nullsFirst: k.nullsFirst }));
    const perm = sortRows(keys, n);
    const sortedPart = new Int32Array(n), sortedPeer = new Int32Array(n);
    for (let p = 0; p < n; p++) { sortedPart[p] = partIds[perm[p]!]!; sortedPeer[p] = peerIds[perm[p]!]!; }
    if (plan.orderBy.length > 0 && !plan.orderBy[0]!.ascending) reversePeerRuns(perm, sortedPart, sortedPeer);
    this.orderData = orderData;
    return { perm, layout: buildLayout(n, sortedPart, sortedPeer) };
  }

  private orderData: arrow.Data[] = [];

  /** One function's output column, in sorted-position order. */
  private compute(f: WindowFunctionCall, all: Batch, perm: Int32Array, L: WindowLayout): arrow.Data {
    const layout = layoutOf(this.plan.input.columns);
    const arg = (i: number): arrow.Data => compileExpr(f.args[i]!, layout).evaluate(all);
    const frames = () => {
      const needsKey = f.frame.mode === 'range' && (f.frame.start.offset !== null || f.frame.end.offset !== null);
      const key = this.plan.orderBy[0];
      const rangeKey = needsKey && key ? rangeKeyOf(this.orderData[0]!, perm, key.ascending, key.expr.type.kind) : null;
      return computeFrames(f.frame, L, rangeKey);
    };
    if (WINDOW_ONLY_FUNCTIONS.has(f.fn)) {
      switch (f.fn) {
        case 'ntile': return ntileColumn(L, arg(0), perm);
        case 'lag': case 'lead': return lagLeadColumn(f.fn === 'lead', L, perm, arg(0), arg(1), f.args.length > 2 ? arg(2) : null, f.ignoreNulls === true);
        case 'first_value': case 'last_value': return frameValueColumn(f.fn, frames(), L.n, perm, arg(0), null, f.ignoreNulls === true);
        case 'nth_value': return frameValueColumn(f.fn, frames(), L.n, perm, arg(0), arg(1), f.ignoreNulls === true);
        default: return rankingColumn(f.fn, L);
      }
    }
    let filterMask: Uint8Array | null = null;
    if (f.filter) {
      filterMask = new Uint8Array(all.numRows);
      for (const r of compilePredicate(f.filter, layout).select(all)) filterMask[r] = 1;
    }
    return windowAggregateColumn(f, L, frames(), perm, {
      arg: f.args.length > 0 ? arg(0) : null, arg2: f.args.length > 1 ? arg(1) : null, filterMask, args: f.args.map((_, i) => arg(i)),
    });
  }
}
