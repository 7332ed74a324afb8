/**
 * Aggregates as window functions, over each row's frame (window-frames.ts),
 * reusing the hash aggregate's accumulators (aggregate-accumulator.ts):
 *
 * - every frame is its whole partition: one pass with group = partition,
 *   then each row takes its partition's result (O(n));
 * - count / count(*): prefix counts, frame count = difference (O(n));
 * - otherwise a segment tree of accumulator states (sum, avg, min, max,
 *   variance, bool_and…): leaves are the rows, each inner node merges its two
 *   children (built level block by level block through `state`/`merge`), and a
 *   frame is the merge of O(log n) nodes, in order (O(n log n) in all);
 * - string_agg has no mergeable state: each row's frame is fed row by row.
 *
 * Results come out in sorted-position order.
 */
import * as arrow from 'apache-arrow';
import type { AggregateCall, WindowFunctionCall } from '../../planner/index.ts';
import { take } from '../kernels/take.ts';
import { type Accumulator, createAccumulator } from './aggregate-accumulator.ts';
import { StringAggAccumulator } from './aggregate-extra.ts';
import { type Frames, type WindowLayout } from './window-frames.ts';
import { int64Column } from './window-ranking.ts';

/** Evaluated inputs of one windowed aggregate (physical rows of the buffered input). */
export interface WindowAggregateInput {
  readonly arg: arrow.Data | null;
  /** string_agg's separator. */
  readonly arg2: arrow.Data | null;
  /** Per physical row: 1 when the FILTER lets it in (null: no FILTER). */
  readonly filterMask: Uint8Array | null;
}

function accumulatorFor(call: WindowFunctionCall): Accumulator {
  const agg: AggregateCall = { fn: call.fn, args: call.args, distinct: false, filter: null, type: call.type };
  return createAccumulator(agg);
}

/** Sorted positions whose rows pass the FILTER (all when none). */
function passing(perm: Int32Array, mask: Uint8Array | null, arg: arrow.Data | null, countNonNull: boolean): Uint8Array {
  const n = perm.length;
  const ok = new Uint8Array(n).fill(1);
  const bm = countNonNull && arg !== null ? (arg.typeId === arrow.Type.Null ? 'all-null' : arg.nullCount > 0 ? arg.nullBitmap : null) : null;
  for (let p = 0; p < n; p++) {
    const r = perm[p]!;
    if (mask !== null && mask[r] === 0) ok[p] = 0;
    else if (bm === 'all-null') ok[p] = 0;
    else if (bm !== null && ((bm[r >> 3]! >> (r & 7)) & 1) === 0) ok[p] = 0;
  }
  return ok;
}

/** The aggregate's value for every position's frame. */
export function windowAggregateColumn(call: WindowFunctionCall, L: WindowLayout, f: Frames, perm: Int32Array, input: WindowAggregateInput): arrow.Data {
  const n = L.n;
  if (call.fn === 'count' || call.fn === 'count_star') return countColumn(L, f, passing(perm, input.filterMask, input.arg, call.fn === 'count'));
  if (f.wholePartition) return wholePartition(call, L, perm, input);
  if (call.fn === 'string_agg') return rowByRow(call, f, n, perm, input);
  return segmentTree(call, f, n, perm, input);
}

function countColumn(L: WindowLayout, f: Frames, ok: Uint8Array): arrow.Data {
  const n = L.n;
  const prefix = new Float64Array(n + 1);
  for (let p = 0; p < n; p++) prefix[p + 1] = prefix[p]! + ok[p]!;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const s = f.start[p]!, e = f.end[p]!;
    const aEnd = Math.min(e, f.exStart[p]!), cStart = Math.max(s, f.exEnd[p]!);
    let c = (aEnd > s ? prefix[aEnd]! - prefix[s]! : 0) + (e > cStart ? prefix[e]! - prefix[cStart]! : 0);
    if (f.ties && p >= s && p < e) c += ok[p]!;
    out[p] = c;
  }
  return int64Column(out);
}

/** Rows of `perm` that pass the filter, as (physical row, group) pairs. */
function feed(acc: Accumulator, call: WindowFunctionCall, input: WindowAggregateInput, rows: Int32Array, groups: Int32Array, count: number): void {
  let r = rows, g = groups, k = count;
  if (input.filterMask !== null) {
    r = new Int32Array(count); g = new Int32Array(count); k = 0;
    for (let i = 0; i < count; i++) if (input.filterMask[rows[i]!] === 1) { r[k] = rows[i]!; g[k++] = groups[i]!; }
  }
  if (acc instanceof StringAggAccumulator) acc.setSeparators(input.arg2, r, k);
  acc.update(call.fn === 'count_star' ? null : input.arg, r, g, k);
}

function wholePartition(call: WindowFunctionCall, L: WindowLayout, perm: Int32Array, input: WindowAggregateInput): arrow.Data {
  const n = L.n;
  const groups = new Int32Array(n);
  let parts = 0;
  for (let p = 0; p < n; p++) {
    if (p > 0 && L.partStart[p] !== L.partStart[p - 1]) parts++;
    groups[p] = parts;
  }
  const numParts = n === 0 ? 0 : parts + 1;
  const acc = accumulatorFor(call);
  acc.resize(numParts);
  feed(acc, call, input, perm, groups, n);
  return take(acc.finish(numParts), groups);
}

/** Feeds each frame's rows one by one (for accumulators without mergeable state). */
function rowByRow(call: WindowFunctionCall, f: Frames, n: number, perm: Int32Array, input: WindowAggregateInput): arrow.Data {
  const acc = accumulatorFor(call);
  acc.resize(n);
  const rows: number[] = [], groups: number[] = [];
  for (let p = 0; p < n; p++) forEachSegment(f, p, (a, b) => { for (let q = a; q < b; q++) { rows.push(perm[q]!); groups.push(p); } });
  feed(acc, call, input, Int32Array.from(rows), Int32Array.from(groups), rows.length);
  return acc.finish(n);
}

/** Calls `visit(a, b)` for the position ranges of p's frame, in order. */
function forEachSegment(f: Frames, p: number, visit: (a: number, b: number) => void): void {
  const s = f.start[p]!, e = f.end[p]!;
  const aEnd = Math.min(e, f.exStart[p]!);
  if (aEnd > s) visit(s, aEnd);
  if (f.ties && p >= s && p < e) visit(p, p + 1);
  const cStart = Math.max(s, f.exEnd[p]!);
  if (e > cStart) visit(cStart, e);
}

function segmentTree(call: WindowFunctionCall, f: Frames, n: number, perm: Int32Array, input: WindowAggregateInput): arrow.Data {
  // Node i (1 ≤ i < 2n): leaves n..2n-1 are positions 0..n-1; node i merges 2i and 2i+1.
  const tree = accumulatorFor(call);
  tree.resize(2 * n);
  const leaves = new Int32Array(n);
  for (let p = 0; p < n; p++) leaves[p] = n + p;
  feed(tree, call, input, perm, leaves, n);
  // Children of every node in [lo, hi) lie at or above hi when lo ≥ hi / 2: build in such blocks, top-down order of ids.
  let hi = n;
  while (hi > 1) {
    const lo = Math.max(1, Math.ceil(hi / 2));
    const states = tree.state(2 * n);
    const count = (hi - lo) * 2;
    const rows = new Int32Array(count), groups = new Int32Array(count);
    let k = 0;
    for (let i = lo; i < hi; i++) { rows[k] = 2 * i; groups[k++] = i; rows[k] = 2 * i + 1; groups[k++] = i; }
    tree.merge(states, rows, groups, count);
    hi = lo;
  }
  const states = tree.state(2 * n);
  // Each frame range [a, b) decomposes into O(log n) nodes: left ones in order, right ones reversed.
  let nodes = new Int32Array(Math.max(16, n * 4)), outs = new Int32Array(nodes.length);
  let k = 0;
  const right: number[] = [];
  const push = (node: number, p: number): void => {
    if (k === nodes.length) {
      const a = new Int32Array(k * 2); a.set(nodes); nodes = a;
      const b = new Int32Array(k * 2); b.set(outs); outs = b;
    }
    nodes[k] = node; outs[k++] = p;
  };
  for (let p = 0; p < n; p++) {
    forEachSegment(f, p, (a, b) => {
      right.length = 0;
      for (let l = a + n, r = b + n; l < r; l >>= 1, r >>= 1) {
        if (l & 1) push(l++, p);
        if (r & 1) right.push(--r);
      }
      for (let i = right.length - 1; i >= 0; i--) push(right[i]!, p);
    });
  }
  const out = accumulatorFor(call);
  out.resize(n);
  out.merge(states, nodes, outs, k);
  return out.finish(n);
}
