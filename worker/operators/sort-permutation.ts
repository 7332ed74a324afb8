/**
 * Fast stable sort permutations for ORDER BY.
 *
 * Each key column becomes a dense integer *rank* per row (direction and NULL
 * placement folded in):
 *   - int16/int32/date/narrow decimal: the value itself, offset by the min
 *     (or max − value for DESC), when the range is small enough;
 *   - anything else (text, int64, floats, wide decimals…): distinct values
 *     via a GroupTable, sorted once with the typed comparators, rank = position.
 * When Π(ranges) · n < 2^53 the ranks and the row index pack into one float64
 *
 *   packed = ((rank_0 · R_1 + rank_1) · R_2 + …) · n + row
 *
 * and a native Float64Array sort (no JS comparator) gives a stable order.
 * Otherwise rows are sorted with a comparator over the rank arrays.
 */
import * as arrow from 'apache-arrow';
import { makeSortComparator, sortPermutation } from '../kernels/sort-compare.ts';
import { validityOf } from '../kernels/take.ts';
import { GroupTable } from './group-table.ts';

/** One evaluated sort key. */
export interface SortKeyColumn {
  readonly data: arrow.Data;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

const MAX_EXACT = 9007199254740992; // 2^53
const MAX_DIRECT_RANGE = 1 << 24;

function isDirectNumeric(t: arrow.DataType): boolean {
  if (t.typeId === arrow.Type.Int) return (t as arrow.Int).bitWidth <= 32;
  if (t.typeId === arrow.Type.Date) return (t as arrow.Date_).unit === arrow.DateUnit.DAY;
  return false;
}

/** Ranks straight from integer values (returns null when the range is too wide or values are not integers). */
function directRanks(key: SortKeyColumn, n: number): { ranks: Float64Array; range: number } | null {
  const d = key.data;
  const isFloat = d.typeId === arrow.Type.Float;
  if (!isDirectNumeric(d.type) && !isFloat) return null;
  const v = d.values as Float64Array | Int32Array | Int16Array;
  const valid = validityOf(d);
  let min = Infinity, max = -Infinity, hasNull = false;
  for (let i = 0; i < n; i++) {
    if (valid !== null && ((valid[i >> 3]! >> (i & 7)) & 1) === 0) { hasNull = true; continue; }
    const x = v[i]!;
    if (isFloat && !Number.isInteger(x)) return null; // NaN, ±Infinity, fractions
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const span = max >= min ? max - min + 1 : 0;
  if (span > MAX_DIRECT_RANGE) return null;
  const ranks = new Float64Array(n);
  const shift = hasNull && key.nullsFirst ? 1 : 0;
  const nullRank = key.nullsFirst ? 0 : span;
  for (let i = 0; i < n; i++) {
    if (valid !== null && ((valid[i >> 3]! >> (i & 7)) & 1) === 0) { ranks[i] = nullRank; continue; }
    const x = v[i]!;
    ranks[i] = (key.ascending ? x - min : max - x) + shift;
  }
  return { ranks, range: span + (hasNull ? 1 : 0) };
}

/** Dense ranks through the distinct values (any type). */
function denseRanks(key: SortKeyColumn, n: number): { ranks: Float64Array; range: number } {
  const table = new GroupTable([key.data.type], Math.min(n, 1 << 16));
  const gids = new Int32Array(n);
  table.insert([key.data], null, n, null, gids);
  const distinct = table.keyColumns()[0]!;
  const d = table.size;
  const order = sortPermutation(d, makeSortComparator(distinct, key.ascending, key.nullsFirst));
  const rankOf = new Float64Array(d);
  for (let i = 0; i < d; i++) rankOf[order[i]!] = i;
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = rankOf[gids[i]!]!;
  return { ranks, range: d };
}

/** The stable sort permutation of rows 0..n-1 (physical rows of the key columns). */
export function sortRows(keys: readonly SortKeyColumn[], n: number): Int32Array {
  if (n <= 1 || keys.length === 0) {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return p;
  }
  const ranked = keys.map((k) => directRanks(k, n) ?? denseRanks(k, n));
  let product = n;
  for (const r of ranked) product *= Math.max(1, r.range);
  const perm = new Int32Array(n);
  if (product < MAX_EXACT) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let p = 0;
      for (let k = 0; k < ranked.length; k++) p = p * Math.max(1, ranked[k]!.range) + ranked[k]!.ranks[i]!;
      packed[i] = p * n + i;
    }
    packed.sort();
    for (let i = 0; i < n; i++) perm[i] = packed[i]! % n;
    return perm;
  }
  const arrays = ranked.map((r) => r.ranks);
  if (arrays.length === 1) {
    const a = arrays[0]!;
    return sortPermutation(n, (x, y) => a[x]! - a[y]!);
  }
  return sortPermutation(n, (x, y) => {
    for (let k = 0; k < arrays.length; k++) {
      const d = arrays[k]![x]! - arrays[k]![y]!;
      if (d !== 0) return d;
    }
    return 0;
  });
}
