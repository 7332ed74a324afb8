/**
 * Ranking and value window functions over sorted positions (window-frames.ts):
 * row_number, rank, dense_rank, percent_rank, cume_dist, ntile (frames do
 * not apply, as in PostgreSQL) and lag, lead, first_value, last_value,
 * nth_value (value functions gather the argument through an index column).
 * Every result is in sorted-position order.
 */
import * as arrow from 'apache-arrow';
import { LochError } from '../../core/index.ts';
import { concatData, take, validityOf } from '../kernels/take.ts';
import { int64At } from './aggregate-accumulator.ts';
import { type Frames, type WindowLayout, framePosition } from './window-frames.ts';

/** An int64 column from small non-negative integers (no BigInt per row: low words only). */
export function int64Column(values: Float64Array, valid: Uint8Array | null = null): arrow.Data {
  const n = values.length;
  const words = new Int32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    words[2 * i] = v | 0;
    words[2 * i + 1] = v < 0 ? -1 : Math.floor(v / 4294967296);
  }
  const nulls = valid === null ? 0 : n - countBits(valid, n);
  return arrow.makeData({
    type: new arrow.Int64(), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null,
    data: new BigInt64Array(words.buffer),
  } as never);
}

function countBits(bm: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) c += (bm[i >> 3]! >> (i & 7)) & 1;
  return c;
}

/** Reads row r of an integer column (int16/int32/int64) as a number; null when NULL. */
function intAt(d: arrow.Data, r: number): number | null {
  if (d.typeId === arrow.Type.Null) return null;
  const valid = validityOf(d);
  if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) return null;
  return (d.values as ArrayBufferView).constructor === BigInt64Array ? int64At(d, r) : (d.values as Int32Array)[r]!;
}

/** row_number, rank, dense_rank, percent_rank, cume_dist. */
export function rankingColumn(fn: string, L: WindowLayout): arrow.Data {
  const n = L.n;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const ps = L.partStart[p]!;
    switch (fn) {
      case 'row_number': out[p] = p - ps + 1; break;
      case 'rank': out[p] = L.peerStart[p]! - ps + 1; break;
      case 'dense_rank': out[p] = L.peerGroup[p]! - L.peerGroup[ps]! + 1; break;
      case 'percent_rank': {
        const size = L.partEnd[p]! - ps;
        out[p] = size > 1 ? (L.peerStart[p]! - ps) / (size - 1) : 0;
        break;
      }
      case 'cume_dist': out[p] = (L.peerEnd[p]! - ps) / (L.partEnd[p]! - ps); break;
      default: throw new LochError('42883', `window function ${fn} is not implemented`);
    }
  }
  if (fn === 'percent_rank' || fn === 'cume_dist') return arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: out });
  return int64Column(out);
}

/** ntile(buckets): buckets read at each partition's first row (PostgreSQL evaluates it once per partition). */
export function ntileColumn(L: WindowLayout, buckets: arrow.Data, perm: Int32Array): arrow.Data {
  const n = L.n;
  const out = new Int32Array(n);
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let ps = 0; ps < n; ps = L.partEnd[ps]!) {
    const pe = L.partEnd[ps]!;
    const k = intAt(buckets, perm[ps]!);
    if (k === null) { nulls += pe - ps; continue; }
    if (k <= 0) throw new LochError('22014', 'argument of ntile must be greater than zero');
    const size = pe - ps;
    const q = Math.floor(size / k), r = size % k;
    const big = r * (q + 1);
    for (let p = ps; p < pe; p++) {
      const i = p - ps;
      out[p] = i < big ? Math.floor(i / (q + 1)) + 1 : r + Math.floor((i - big) / q) + 1;
      valid[p >> 3]! |= 1 << (p & 7);
    }
  }
  return arrow.makeData({ type: new arrow.Int32(), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null, data: out } as never);
}

/**
 * lag / lead: the argument `offset` rows before / after in the partition,
 * else the default (NULL without one). A NULL offset gives NULL.
 */
export function lagLeadColumn(lead: boolean, L: WindowLayout, perm: Int32Array, arg: arrow.Data, offset: arrow.Data, dflt: arrow.Data | null, ignoreNulls = false): arrow.Data {
  const n = L.n;
  const idx = new Int32Array(n);
  const source = dflt === null ? arg : concatData([arg, dflt], arg.type);
  const base = arg.length;
  const nn = ignoreNulls ? nonNullPositions(arg, perm) : null;
  for (let p = 0; p < n; p++) {
    const r = perm[p]!;
    const off = intAt(offset, r);
    if (off === null) { idx[p] = -1; continue; }
    const step = lead ? off : -off;
    let q: number;
    if (nn === null || step === 0) q = p + step;
    else if (step > 0) { const k = nn.before[p + 1]! + step - 1; q = k < nn.positions.length ? nn.positions[k]! : L.partEnd[p]!; }
    else { const k = nn.before[p]! + step; q = k >= 0 ? nn.positions[k]! : -1; }
    if (q >= L.partStart[p]! && q < L.partEnd[p]!) idx[p] = perm[q]!;
    else idx[p] = dflt === null ? -1 : base + r;
  }
  return take(source, idx);
}

/** Sorted positions whose argument is not NULL, and how many lie before each position. */
function nonNullPositions(arg: arrow.Data, perm: Int32Array): { positions: Int32Array; before: Int32Array } {
  const n = perm.length;
  const valid = validityOf(arg);
  const allNull = arg.typeId === arrow.Type.Null;
  const before = new Int32Array(n + 1);
  const positions = new Int32Array(n);
  let k = 0;
  for (let p = 0; p < n; p++) {
    before[p] = k;
    const r = perm[p]!;
    if (!allNull && (valid === null || ((valid[r >> 3]! >> (r & 7)) & 1) === 1)) positions[k++] = p;
  }
  before[n] = k;
  return { positions: positions.subarray(0, k), before };
}

/** Position of the k-th (0-based) non-NULL row of p's frame, or -1. */
function frameNonNullPosition(f: Frames, p: number, k: number, nn: { positions: Int32Array; before: Int32Array }): number {
  const s = f.start[p]!, e = f.end[p]!;
  const ranges: [number, number][] = [[s, Math.min(e, f.exStart[p]!)]];
  if (f.ties && p >= s && p < e) ranges.push([p, p + 1]);
  ranges.push([Math.max(s, f.exEnd[p]!), e]);
  for (const [a, b] of ranges) {
    if (b <= a) continue;
    const c = nn.before[b]! - nn.before[a]!;
    if (k < c) return nn.positions[nn.before[a]! + k]!;
    k -= c;
  }
  return -1;
}

function frameNonNullCount(f: Frames, p: number, nn: { before: Int32Array }): number {
  const s = f.start[p]!, e = f.end[p]!;
  const count = (a: number, b: number): number => (b > a ? nn.before[b]! - nn.before[a]! : 0);
  return count(s, Math.min(e, f.exStart[p]!)) + (f.ties && p >= s && p < e ? count(p, p + 1) : 0) + count(Math.max(s, f.exEnd[p]!), e);
}

/** first_value / last_value / nth_value(arg, k) over each row's frame. */
export function frameValueColumn(fn: string, f: Frames, n: number, perm: Int32Array, arg: arrow.Data, nth: arrow.Data | null, ignoreNulls = false): arrow.Data {
  const idx = new Int32Array(n);
  const nn = ignoreNulls ? nonNullPositions(arg, perm) : null;
  for (let p = 0; p < n; p++) {
    let k: number;
    if (fn === 'first_value') k = 0;
    else if (fn === 'last_value' && nn !== null) k = frameNonNullCount(f, p, nn) - 1;
    else if (fn === 'last_value') {
      const s = f.start[p]!, e = f.end[p]!;
      const a = Math.max(0, Math.min(e, f.exStart[p]!) - s) + Math.max(0, e - Math.max(s, f.exEnd[p]!)) + (f.ties && p >= s && p < e ? 1 : 0);
      k = a - 1;
    } else {
      const v = intAt(nth!, perm[p]!);
      if (v === null) { idx[p] = -1; continue; }
      if (v <= 0) throw new LochError('22016', 'argument of nth_value must be greater than zero');
      k = v - 1;
    }
    const q = k < 0 ? -1 : nn !== null ? frameNonNullPosition(f, p, k, nn) : framePosition(f, p, k);
    idx[p] = q < 0 ? -1 : perm[q]!;
  }
  return take(arg, idx);
}
