/**
 * Window partitions, peers and frames over the sorted rows of a WindowExec.
 *
 * Rows are addressed by *position* p in the sorted order (partition keys,
 * then ORDER BY). `WindowLayout` holds, per position, the bounds of its
 * partition and of its peer group (rows equal on ORDER BY), and the peer
 * group number, all as typed arrays. `computeFrames` turns a frame clause
 * into per-position [start, end) plus the EXCLUDE range [exStart, exEnd) and
 * whether the current row is added back (EXCLUDE TIES): the frame of p is
 *
 *   [start, min(end, exStart))  ∪  {p if ties and start <= p < end}  ∪  [max(start, exEnd), end)
 *
 * which every frame-aware function walks in that order.
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState, type Interval, type LiteralValue } from '../../core/index.ts';
import type { FrameBound, WindowFrame } from '../../planner/index.ts';
import { evaluateConstant } from '../expr/index.ts';
import { int64At } from './aggregate-accumulator.ts';
import { validityOf } from '../kernels/take.ts';

/** Partition and peer structure of n sorted positions. */
export interface WindowLayout {
  readonly n: number;
  readonly partStart: Int32Array;
  readonly partEnd: Int32Array;
  readonly peerStart: Int32Array;
  readonly peerEnd: Int32Array;
  /** Peer group number of each position (increasing over the whole input). */
  readonly peerGroup: Int32Array;
  /** Start and end position of each peer group. */
  readonly groupStart: Int32Array;
  readonly groupEnd: Int32Array;
}

/**
 * Builds the layout from per-position partition ids and peer ids (ids of
 * equal key values; they change exactly at the boundaries in sorted order).
 */
export function buildLayout(n: number, partitionIds: Int32Array, peerIds: Int32Array): WindowLayout {
  const partStart = new Int32Array(n), partEnd = new Int32Array(n);
  const peerStart = new Int32Array(n), peerEnd = new Int32Array(n);
  const peerGroup = new Int32Array(n);
  const starts: number[] = [];
  let ps = 0, gs = 0, g = -1;
  for (let p = 0; p < n; p++) {
    const newPart = p === 0 || partitionIds[p] !== partitionIds[p - 1];
    if (newPart) ps = p;
    if (newPart || peerIds[p] !== peerIds[p - 1]) { gs = p; g++; starts.push(p); }
    partStart[p] = ps;
    peerStart[p] = gs;
    peerGroup[p] = g;
  }
  const groups = starts.length;
  const groupStart = Int32Array.from(starts);
  const groupEnd = new Int32Array(groups);
  for (let k = 0; k < groups; k++) groupEnd[k] = k + 1 < groups ? groupStart[k + 1]! : n;
  let pe = n;
  for (let p = n - 1; p >= 0; p--) {
    if (p === n - 1 || partStart[p + 1] !== partStart[p]) pe = p + 1;
    partEnd[p] = pe;
    peerEnd[p] = groupEnd[peerGroup[p]!]!;
  }
  return { n, partStart, partEnd, peerStart, peerEnd, peerGroup, groupStart, groupEnd };
}

/** Per-position frames of one frame clause. */
export interface Frames {
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Excluded range; exStart === exEnd when nothing is excluded. */
  readonly exStart: Int32Array;
  readonly exEnd: Int32Array;
  /** EXCLUDE TIES: the current row stays in. */
  readonly ties: boolean;
  /** No EXCLUDE and every frame is its whole partition. */
  readonly wholePartition: boolean;
}

/** The ORDER BY key (sorted positions → values as numbers) for RANGE offsets. */
export interface RangeKey {
  readonly values: Float64Array;
  /** 1 where the key is NULL. */
  readonly isNull: Uint8Array;
  readonly ascending: boolean;
  /** Microseconds per key unit for interval offsets (1 for timestamps, 86400e6 for dates); 0 for numeric keys. */
  readonly microsPerUnit: number;
}

function offsetValue(b: FrameBound, which: 'starting' | 'ending'): LiteralValue {
  const v = evaluateConstant(b.offset!);
  if (v === null) throw new LochError('22004', `frame ${which} offset must not be null`);
  return v;
}

function rowsOffset(b: FrameBound, which: 'starting' | 'ending'): number {
  const v = Number(offsetValue(b, which));
  if (v < 0) throw new LochError('22013', `frame ${which} offset must not be negative`);
  return v;
}

function rangeOffset(b: FrameBound, which: 'starting' | 'ending', key: RangeKey): number {
  const v = offsetValue(b, which);
  let x: number;
  if (typeof v === 'object') {
    const iv = v as Interval;
    if (iv.months !== 0) throw new LochError(SqlState.featureNotSupported, 'RANGE offsets with months are not supported yet');
    x = (iv.days * 86400e6 + iv.micros) / key.microsPerUnit;
    if (iv.days < 0 || iv.micros < 0) x = -1;
  } else {
    x = Number(v);
  }
  if (x < 0 || Number.isNaN(x)) throw new LochError('22013', 'invalid preceding or following size in window function');
  return x;
}

/** First position q in [lo, hi) whose key is past `bound` in sort order (`inclusive`: at or past). */
function searchKey(values: Float64Array, lo: number, hi: number, bound: number, ascending: boolean, inclusive: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    const before = ascending ? (inclusive ? v < bound : v <= bound) : (inclusive ? v > bound : v >= bound);
    if (before) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Computes every position's frame. `rangeKey` is needed for RANGE with offsets. */
export function computeFrames(frame: WindowFrame, layout: WindowLayout, rangeKey: RangeKey | null): Frames {
  const { n, partStart, partEnd, peerStart, peerEnd, peerGroup, groupStart, groupEnd } = layout;
  const start = new Int32Array(n), end = new Int32Array(n);
  const mode = frame.mode;
  const sOff = frame.start.offset ? (mode === 'range' ? rangeOffset(frame.start, 'starting', rangeKey!) : rowsOffset(frame.start, 'starting')) : 0;
  const eOff = frame.end.offset ? (mode === 'range' ? rangeOffset(frame.end, 'ending', rangeKey!) : rowsOffset(frame.end, 'ending')) : 0;
  // RANGE offsets: per partition, the positions whose key is not NULL.
  let nnStart: Int32Array | null = null, nnEnd: Int32Array | null = null;
  if (mode === 'range' && (frame.start.offset || frame.end.offset)) {
    nnStart = new Int32Array(n); nnEnd = new Int32Array(n);
    for (let p = 0; p < n; p = partEnd[p]!) {
      let a = p, b = partEnd[p]!;
      while (a < b && rangeKey!.isNull[a] === 1) a++;
      while (b > a && rangeKey!.isNull[b - 1] === 1) b--;
      nnStart.fill(a, p, partEnd[p]!); nnEnd.fill(b, p, partEnd[p]!);
    }
  }
  const bound = (b: FrameBound, p: number, isStart: boolean, off: number): number => {
    const ps = partStart[p]!, pe = partEnd[p]!;
    switch (b.kind) {
      case 'unbounded_preceding': return ps;
      case 'unbounded_following': return pe;
      case 'current_row':
        if (mode === 'rows') return isStart ? p : p + 1;
        return isStart ? peerStart[p]! : peerEnd[p]!;
      case 'preceding': case 'following': {
        const sign = b.kind === 'preceding' ? -1 : 1;
        if (mode === 'rows') {
          const q = p + sign * off + (isStart ? 0 : 1);
          return q < ps ? ps : q > pe ? pe : q;
        }
        if (mode === 'groups') {
          const g = peerGroup[p]! + sign * off;
          const first = peerGroup[ps]!, last = peerGroup[pe - 1]!;
          if (g < first) return ps;
          if (g > last) return pe;
          return isStart ? groupStart[g]! : groupEnd[g]!;
        }
        const key = rangeKey!;
        // A NULL key's frame is its peers (the NULLs); other rows never reach the NULLs through an offset.
        if (key.isNull[p] === 1) return isStart ? peerStart[p]! : peerEnd[p]!;
        const dir = key.ascending ? sign : -sign;
        const target = key.values[p]! + dir * off;
        return searchKey(key.values, nnStart![p]!, nnEnd![p]!, target, key.ascending, isStart);
      }
    }
  };
  let whole = frame.exclude === 'no_others';
  for (let p = 0; p < n; p++) {
    const s = bound(frame.start, p, true, sOff);
    const e = bound(frame.end, p, false, eOff);
    start[p] = s;
    end[p] = e < s ? s : e;
    if (whole && (s !== partStart[p] || e !== partEnd[p])) whole = false;
  }
  let exStart: Int32Array, exEnd: Int32Array;
  switch (frame.exclude) {
    case 'no_others': exStart = exEnd = new Int32Array(n); break;
    case 'current_row': {
      exStart = new Int32Array(n); exEnd = new Int32Array(n);
      for (let p = 0; p < n; p++) { exStart[p] = p; exEnd[p] = p + 1; }
      break;
    }
    default: exStart = peerStart; exEnd = peerEnd;
  }
  return { start, end, exStart, exEnd, ties: frame.exclude === 'ties', wholePartition: whole };
}

/** Number of rows in the frame of p. */
export function frameSize(f: Frames, p: number): number {
  const s = f.start[p]!, e = f.end[p]!;
  const a = Math.min(e, f.exStart[p]!) - s;
  const c = e - Math.max(s, f.exEnd[p]!);
  return (a > 0 ? a : 0) + (c > 0 ? c : 0) + (f.ties && p >= s && p < e ? 1 : 0);
}

/** Position of the k-th (0-based) row of p's frame, or -1. */
export function framePosition(f: Frames, p: number, k: number): number {
  const s = f.start[p]!, e = f.end[p]!;
  const aEnd = Math.min(e, f.exStart[p]!);
  const a = aEnd - s;
  if (a > 0) { if (k < a) return s + k; k -= a; }
  if (f.ties && p >= s && p < e) { if (k === 0) return p; k--; }
  const cStart = Math.max(s, f.exEnd[p]!);
  return cStart + k < e ? cStart + k : -1;
}

/** The ORDER BY key of a RANGE-with-offset frame as numbers in sorted order. */
export function rangeKeyOf(data: arrow.Data, perm: Int32Array, ascending: boolean, kind: string): RangeKey {
  const n = perm.length;
  const values = new Float64Array(n);
  const isNull = new Uint8Array(n);
  const valid = validityOf(data);
  const int64 = data.typeId === arrow.Type.Int || data.typeId === arrow.Type.Timestamp || data.typeId === arrow.Type.Time ? (data.values as ArrayBufferView).constructor === BigInt64Array : false;
  if (data.typeId === arrow.Type.Decimal) throw new LochError(SqlState.featureNotSupported, 'RANGE offsets over wide decimals are not supported yet');
  const src = data.values as Float64Array;
  for (let p = 0; p < n; p++) {
    const r = perm[p]!;
    if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) { isNull[p] = 1; continue; }
    values[p] = int64 ? int64At(data, r) : src[r]!;
  }
  const microsPerUnit = kind === 'date' ? 86400e6 : kind === 'timestamp' || kind === 'timestamptz' || kind === 'time' ? 1 : 0;
  return { values, isNull, ascending, microsPerUnit };
}
