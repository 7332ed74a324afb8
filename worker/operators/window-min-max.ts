/**
 * min / max over window frames with a sparse table of "best position" per
 * power-of-two range: O(n log n) comparisons to build, two per frame range
 * to answer, for any comparable type. Values that fit a float64 exactly
 * (int16/int32/float/date/narrow decimal) compare as numbers (NaN above every
 * number, as PostgreSQL orders it); others through the typed comparator.
 * NULLs never win; a frame without a non-NULL value gives NULL.
 */
import * as arrow from 'apache-arrow';
import { valueComparator } from '../kernels/sort-compare.ts';
import { take, validityOf } from '../kernels/take.ts';
import type { Frames } from './window-frames.ts';

function isFloat64Exact(d: arrow.Data): boolean {
  const t = d.type;
  if (t.typeId === arrow.Type.Int) return (t as arrow.Int).bitWidth <= 32;
  return t.typeId === arrow.Type.Float || t.typeId === arrow.Type.Date;
}

/**
 * The min or max of `arg` over every position's frame, in sorted-position
 * order. `ok[p]` is 0 for positions a FILTER leaves out.
 */
export function windowMinMaxColumn(max: boolean, f: Frames, perm: Int32Array, arg: arrow.Data, ok: Uint8Array | null): arrow.Data {
  const n = perm.length;
  const valid = validityOf(arg);
  const allNull = arg.typeId === arrow.Type.Null;
  // better(a, b): position a beats position b (both valid).
  let better: (a: number, b: number) => boolean;
  if (isFloat64Exact(arg) || (arg.typeId === arrow.Type.Float)) {
    const src = arg.values as Float64Array;
    const v = new Float64Array(n);
    for (let p = 0; p < n; p++) v[p] = src[perm[p]!]!;
    better = max
      ? (a, b) => { const x = v[a]!, y = v[b]!; return x > y || (x !== x && y === y); }
      : (a, b) => { const x = v[a]!, y = v[b]!; return x < y || (y !== y && x === x); };
  } else {
    const cmp = valueComparator(arg.type);
    better = max ? (a, b) => cmp(arg, perm[a]!, arg, perm[b]!) > 0 : (a, b) => cmp(arg, perm[a]!, arg, perm[b]!) < 0;
  }
  const pick = (a: number, b: number): number => (a < 0 ? b : b < 0 ? a : better(b, a) ? b : a);
  const levels: Int32Array[] = [];
  const base = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const r = perm[p]!;
    const isValid = !allNull && (valid === null || ((valid[r >> 3]! >> (r & 7)) & 1) === 1) && (ok === null || ok[p] === 1);
    base[p] = isValid ? p : -1;
  }
  levels.push(base);
  for (let k = 1; (1 << k) <= n; k++) {
    const prev = levels[k - 1]!;
    const half = 1 << (k - 1);
    const len = n - (1 << k) + 1;
    const cur = new Int32Array(len);
    for (let p = 0; p < len; p++) cur[p] = pick(prev[p]!, prev[p + half]!);
    levels.push(cur);
  }
  const query = (a: number, b: number): number => {
    if (b <= a) return -1;
    const k = 31 - Math.clz32(b - a);
    const t = levels[k]!;
    return pick(t[a]!, t[b - (1 << k)]!);
  };
  const idx = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const s = f.start[p]!, e = f.end[p]!;
    let best = query(s, Math.min(e, f.exStart[p]!));
    if (f.ties && p >= s && p < e) best = pick(best, base[p]!);
    best = pick(best, query(Math.max(s, f.exEnd[p]!), e));
    idx[p] = best < 0 ? -1 : perm[best]!;
  }
  return take(arg, idx);
}
