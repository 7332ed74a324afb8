/**
 * Aggregates as window functions, over each row's frame (window-frames.ts),
 * reusing the hash aggregate's accumulators (aggregate-accumulator.ts):
 *
 * - every frame is its whole partition: one pass with group = partition,
 *   then each row takes its partition's result (O(n));
 * - count / count(*): prefix counts, frame count = difference (O(n));
 * - sum / avg of integers and narrow decimals: exact float64 prefix sums,
 *   frame sum = difference (O(n)), finished by the hash aggregate's
 *   SumAccumulator from (sum, count) states so results round the same way;
 * - min / max: a sparse table of best positions (window-min-max.ts);
 * - otherwise a segment tree of accumulator states (sum, avg,
 *   variance, bool_and…): leaves are the rows, each inner node merges its two
 *   children (built level block by level block through `state`/`merge`), and a
 *   frame is the merge of O(log n) nodes, in order (O(n log n) in all);
 * - string_agg has no mergeable state: each row's frame is fed row by row.
 *
 * Results come out in sorted-position order.
 */
import * as arrow from 'apache-arrow';
import type { AggregateCall, WindowFunctionCall } from '../../planner/index.ts';
import { LochError, SqlState, decimal, isNarrowDecimal, toArrowType } from '../../core/index.ts';
import { take } from '../kernels/take.ts';
import { GroupTable } from './group-table.ts';
import { type Accumulator, createAccumulator, int64At } from './aggregate-accumulator.ts';
import { StringAggAccumulator } from './aggregate-extra.ts';
import { type Frames, type WindowLayout, frameSize } from './window-frames.ts';
import { avgDecimalColumn } from './window-avg.ts';
import { windowMinMaxColumn } from './window-min-max.ts';
import { int64Column } from './window-ranking.ts';

/** Evaluated inputs of one windowed aggregate (physical rows of the buffered input). */
export interface WindowAggregateInput {
  readonly arg: arrow.Data | null;
  /** string_agg's separator. */
  readonly arg2: arrow.Data | null;
  /** Every argument (for accumulators taking several, e.g. covar_pop). */
  readonly args: readonly arrow.Data[];
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
  if (call.distinct === true && input.arg !== null) return distinctRowByRow(call, f, n, perm, input);
  if (call.fn === 'count' || call.fn === 'count_star') return countColumn(L, f, passing(perm, input.filterMask, input.arg, call.fn === 'count'));
  if (f.wholePartition) return wholePartition(call, L, perm, input);
  if ((call.fn === 'min' || call.fn === 'max') && input.arg !== null) {
    return windowMinMaxColumn(call.fn === 'max', f, perm, input.arg, input.filterMask === null ? null : passing(perm, input.filterMask, null, false));
  }
  if (call.fn === 'sum' || call.fn === 'avg') {
    const fast = prefixSumColumn(call, f, perm, input);
    if (fast !== null) return fast;
  }
  if (call.fn === 'string_agg') return rowByRow(call, f, n, perm, input);
  try {
    return segmentTree(call, f, n, perm, input);
  } catch (e) {
    // Accumulators without mergeable states (ordered-set aggregates such as median) take the frames row by row.
    if (e instanceof LochError && e.sqlState === SqlState.featureNotSupported) return rowByRow(call, f, n, perm, input);
    throw e;
  }
}

const SAFE = 9007199254740992; // 2^53
const TWO32 = 4294967296;

/** sum/avg through prefix sums when the argument is an exact integer layout and every partial sum stays below 2^53; else null. */
function prefixSumColumn(call: WindowFunctionCall, f: Frames, perm: Int32Array, input: WindowAggregateInput): arrow.Data | null {
  const arg = input.arg;
  const t = call.args[0]?.type;
  if (arg === null || t === undefined || arg.typeId === arrow.Type.Null) return null;
  const int64 = t.kind === 'int64';
  if (!(t.kind === 'int16' || t.kind === 'int32' || int64 || (t.kind === 'decimal' && isNarrowDecimal(t)))) return null;
  const n = perm.length;
  const ok = passing(perm, input.filterMask, arg, true);
  const src = arg.values as Float64Array;
  const sums = new Float64Array(n + 1), counts = new Float64Array(n + 1);
  let abs = 0;
  for (let p = 0; p < n; p++) {
    let v = 0;
    if (ok[p] === 1) v = int64 ? int64At(arg, perm[p]!) : src[perm[p]!]!;
    abs += Math.abs(v);
    sums[p + 1] = sums[p]! + v;
    counts[p + 1] = counts[p]! + ok[p]!;
  }
  if (!(abs < SAFE)) return null;
  // One (sum, count) state per position, merged into a SumAccumulator that finishes exactly as GROUP BY would.
  const words = new Int32Array(4 * n);
  const cnt = new Float64Array(n);
  const frameSums = new Float64Array(n);
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  const range = (a: number, b: number): void => { if (b > a) { sumAcc += sums[b]! - sums[a]!; cntAcc += counts[b]! - counts[a]!; } };
  let sumAcc = 0, cntAcc = 0;
  for (let p = 0; p < n; p++) {
    const s = f.start[p]!, e = f.end[p]!;
    sumAcc = 0; cntAcc = 0;
    range(s, Math.min(e, f.exStart[p]!));
    if (f.ties && p >= s && p < e) range(p, p + 1);
    range(Math.max(s, f.exEnd[p]!), e);
    cnt[p] = cntAcc;
    frameSums[p] = sumAcc;
    if (cntAcc === 0) { nulls++; continue; }
    valid[p >> 3]! |= 1 << (p & 7);
    const hi = Math.floor(sumAcc / TWO32);
    words[4 * p] = (sumAcc - hi * TWO32) | 0;
    words[4 * p + 1] = hi | 0;
    const ext = hi < 0 ? -1 : 0;
    words[4 * p + 2] = ext;
    words[4 * p + 3] = ext;
  }
  const scale = t.kind === 'decimal' ? t.scale : 0;
  if (call.fn === 'avg' && call.type.kind === 'decimal' && call.type.scale >= scale && !isNarrowDecimal(call.type)) {
    return avgDecimalColumn(frameSums, cnt, scale, call.type);
  }
  const sumState = arrow.makeData({
    type: toArrowType(decimal(38, scale)), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null, data: new Uint32Array(words.buffer),
  } as never);
  const acc = accumulatorFor(call);
  acc.resize(n);
  const ids = new Int32Array(n);
  for (let p = 0; p < n; p++) ids[p] = p;
  acc.merge([sumState, int64Column(cnt)], ids, ids, n);
  return acc.finish(n);
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
  if (acc.updateArgs) { acc.updateArgs(input.args, r, g, k); return; }
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
  const { rows, groups } = framePairs(f, n, perm, null);
  feed(acc, call, input, rows, groups, rows.length);
  return acc.finish(n);
}

/** Every (physical row, frame position) pair, frame by frame in order; rows a FILTER drops (mask 0) are left out. */
function framePairs(f: Frames, n: number, perm: Int32Array, mask: Uint8Array | null): { rows: Int32Array; groups: Int32Array } {
  let total = 0;
  for (let p = 0; p < n; p++) total += frameSize(f, p);
  const rows = new Int32Array(total), groups = new Int32Array(total);
  let k = 0;
  for (let p = 0; p < n; p++) {
    forEachSegment(f, p, (a, b) => {
      for (let q = a; q < b; q++) {
        const r = perm[q]!;
        if (mask !== null && mask[r] === 0) continue;
        rows[k] = r; groups[k++] = p;
      }
    });
  }
  return { rows: rows.subarray(0, k), groups: groups.subarray(0, k) };
}

/**
 * DISTINCT aggregates (DataFusion's and DuckDB's extension): each frame's rows
 * are fed row by row, keeping the first occurrence of each (frame, value)
 * through a GroupTable.
 */
function distinctRowByRow(call: WindowFunctionCall, f: Frames, n: number, perm: Int32Array, input: WindowAggregateInput): arrow.Data {
  const { rows: r, groups: g } = framePairs(f, n, perm, input.filterMask);
  const count = r.length;
  const keys = [arrow.makeData({ type: new arrow.Int32(), length: count, nullCount: 0, data: g }), take(input.arg!, r)];
  const seen = new GroupTable(keys.map((k) => k.type), Math.max(16, Math.min(count, 1 << 16)));
  const ids = new Int32Array(count);
  seen.insert(keys, null, count, null, ids);
  const keepR = new Int32Array(count), keepG = new Int32Array(count);
  let k = 0, next = 0;
  for (let i = 0; i < count; i++) if (ids[i] === next) { keepR[k] = r[i]!; keepG[k++] = g[i]!; next++; }
  const acc = accumulatorFor(call);
  acc.resize(n);
  feed(acc, call, { ...input, filterMask: null }, keepR, keepG, k);
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
