/**
 * Typed-array row comparators for sort, top-k and min/max.
 *
 * `compareValues` orders two non-NULL values of the same logical type read
 * straight from their buffers: numbers numerically (NaN above everything, as in
 * PostgreSQL), int64/timestamp as (signed hi, unsigned lo) words, Decimal128 as
 * four words, text as unsigned UTF-8 bytes (= C collation), intervals by their
 * total length. `makeSortComparator` adds direction and NULL placement.
 */
import { compareNested, nestedRowReader } from './nested-values.ts';
import * as arrow from 'apache-arrow';
import { validityOf } from './take.ts';

/** Compares physical rows `i` of `a` and `j` of `b`; negative, zero or positive. */
export type ValueComparator = (a: arrow.Data, i: number, b: arrow.Data, j: number) => number;

function cmpNumber(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = x !== x, yn = y !== y;
  return xn === yn ? 0 : xn ? 1 : -1;
}

function words(d: arrow.Data): Int32Array {
  const v = d.values as ArrayBufferView;
  return new Int32Array(v.buffer, v.byteOffset, v.byteLength >> 2);
}

const cmpPlain: ValueComparator = (a, i, b, j) => cmpNumber((a.values as Float64Array)[i]!, (b.values as Float64Array)[j]!);

/** int64 row i of word array `wa` against row j of `wb` (signed high word, unsigned low word). */
function cmpInt64Words(wa: Int32Array, i: number, wb: Int32Array, j: number): number {
  const ha = wa[2 * i + 1]!, hb = wb[2 * j + 1]!;
  if (ha !== hb) return ha < hb ? -1 : 1;
  const la = wa[2 * i]! >>> 0, lb = wb[2 * j]! >>> 0;
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/** Decimal128 row i of word array `wa` against row j of `wb` (4 little-endian words per value, signed top word). */
function cmpDecimalWords(wa: Int32Array, i: number, wb: Int32Array, j: number): number {
  const ha = wa[4 * i + 3]!, hb = wb[4 * j + 3]!;
  if (ha !== hb) return ha < hb ? -1 : 1;
  for (let k = 2; k >= 0; k--) {
    const x = wa[4 * i + k]! >>> 0, y = wb[4 * j + k]! >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Types held as 64-bit integers (compared word by word). */
function isInt64Layout(t: arrow.DataType): boolean {
  return t.typeId === arrow.Type.Timestamp || ((t.typeId === arrow.Type.Int || t.typeId === arrow.Type.Time) && (t as arrow.Int).bitWidth === 64);
}

const cmpInt64: ValueComparator = (a, i, b, j) => cmpInt64Words(words(a), i, words(b), j);

const cmpDecimal128: ValueComparator = (a, i, b, j) => cmpDecimalWords(words(a), i, words(b), j);

const cmpText: ValueComparator = (a, i, b, j) => {
  const oa = a.valueOffsets as Int32Array, ob = b.valueOffsets as Int32Array;
  const ba = a.values as Uint8Array, bb = b.values as Uint8Array;
  let p = oa[i]!, q = ob[j]!;
  const pe = oa[i + 1]!, qe = ob[j + 1]!;
  for (; p < pe && q < qe; p++, q++) {
    const x = ba[p]!, y = bb[q]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return (pe - p) - (qe - q);
};

const cmpBool: ValueComparator = (a, i, b, j) =>
  (((a.values as Uint8Array)[i >> 3]! >> (i & 7)) & 1) - (((b.values as Uint8Array)[j >> 3]! >> (j & 7)) & 1);

function intervalLength(w: Int32Array, r: number): number {
  const nanos = w[4 * r + 3]! * 4294967296 + (w[4 * r + 2]! >>> 0);
  return (w[4 * r]! * 30 + w[4 * r + 1]!) * 86400e9 + nanos;
}

const cmpInterval: ValueComparator = (a, i, b, j) => cmpNumber(intervalLength(words(a), i), intervalLength(words(b), j));

/** The comparator for non-NULL values of an Arrow type (Loch layouts, core/data-type.ts). */
export function valueComparator(type: arrow.DataType): ValueComparator {
  switch (type.typeId) {
    case arrow.Type.Bool: return cmpBool;
    case arrow.Type.Utf8: case arrow.Type.Binary: return cmpText;
    case arrow.Type.Decimal: return cmpDecimal128;
    case arrow.Type.Interval: return cmpInterval;
    case arrow.Type.Timestamp: return cmpInt64;
    case arrow.Type.Time: return (type as arrow.Time).bitWidth === 64 ? cmpInt64 : cmpPlain;
    case arrow.Type.Int: return (type as arrow.Int).bitWidth === 64 ? cmpInt64 : cmpPlain;
    case arrow.Type.Null: return () => 0;
    case arrow.Type.List: case arrow.Type.Struct: case arrow.Type.Map: {
      const reader = nestedRowReader(type);
      return (a, i, b, j) => compareNested(reader.read(a, i), reader.read(b, j), reader.type);
    }
    default: return cmpPlain;
  }
}

/** Compares physical rows a and b of one sort key column, with direction and NULL placement applied. */
export type RowComparator = (a: number, b: number) => number;

/**
 * A comparator over rows of one column for ORDER BY. NULLs go first or last
 * regardless of direction (the binder fills PostgreSQL's default).
 */
export function makeSortComparator(data: arrow.Data, ascending: boolean, nullsFirst: boolean): RowComparator {
  const valid = validityOf(data);
  const sign = ascending ? 1 : -1;
  const nullSign = nullsFirst ? -1 : 1;
  const t = data.type;
  let base: RowComparator;
  if (t.typeId === arrow.Type.Null) return () => 0;
  if (t.typeId === arrow.Type.Float || t.typeId === arrow.Type.Date
    || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth < 64)) {
    const v = data.values as Float64Array;
    base = (a, b) => { const x = v[a]!, y = v[b]!; return x < y ? -1 : x > y ? 1 : x === y ? 0 : cmpNumber(x, y); };
  } else if (t.typeId === arrow.Type.Decimal) {
    // one word view for the whole sort (a view per comparison dominated ORDER BY sum(...) DESC)
    const w = words(data);
    base = (a, b) => cmpDecimalWords(w, a, w, b);
  } else if (isInt64Layout(t)) {
    const w = words(data);
    base = (a, b) => cmpInt64Words(w, a, w, b);
  } else {
    const cmp = valueComparator(t);
    base = (a, b) => cmp(data, a, data, b);
  }
  if (valid === null) return ascending ? base : (a, b) => -base(a, b);
  return (a, b) => {
    const na = ((valid[a >> 3]! >> (a & 7)) & 1) === 0, nb = ((valid[b >> 3]! >> (b & 7)) & 1) === 0;
    if (na || nb) return na === nb ? 0 : na ? nullSign : -nullSign;
    return sign * base(a, b);
  };
}

/** Combines per-key comparators lexicographically. */
export function combineComparators(cmps: readonly RowComparator[]): RowComparator {
  if (cmps.length === 1) return cmps[0]!;
  return (a, b) => {
    for (let k = 0; k < cmps.length; k++) {
      const c = cmps[k]!(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * A stable sort permutation of rows 0..n-1 under `cmp` (ties keep input order).
 */
export function sortPermutation(n: number, cmp: RowComparator): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  perm.sort((a, b) => cmp(a, b) || a - b);
  return perm;
}

/**
 * Compares row `i` of column `a` with row `j` of column `b` (same type) under
 * ORDER BY direction and NULL placement; top-k uses it against its boundary row.
 */
export function makeCrossComparator(a: arrow.Data, b: arrow.Data, ascending: boolean, nullsFirst: boolean): RowComparator {
  const va = validityOf(a), vb = validityOf(b);
  const t = a.type;
  let cmp = valueComparator(t);
  // word views made once, not per comparison (top-k compares every input row with its boundary)
  if (t.typeId === arrow.Type.Decimal) {
    const wa = words(a), wb = words(b);
    cmp = (_a, i, _b, j) => cmpDecimalWords(wa, i, wb, j);
  } else if (isInt64Layout(t)) {
    const wa = words(a), wb = words(b);
    cmp = (_a, i, _b, j) => cmpInt64Words(wa, i, wb, j);
  }
  const sign = ascending ? 1 : -1;
  const nullSign = nullsFirst ? -1 : 1;
  return (i, j) => {
    const na = va !== null && ((va[i >> 3]! >> (i & 7)) & 1) === 0;
    const nb = vb !== null && ((vb[j >> 3]! >> (j & 7)) & 1) === 0;
    if (na || nb) return na === nb ? 0 : na ? nullSign : -nullSign;
    return sign * cmp(a, i, b, j);
  };
}
