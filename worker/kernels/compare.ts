/**
 * Comparison kernels in "select" form: given candidate rows (already filtered to
 * rows where both operands are valid), return the rows where the comparison holds.
 * Boolean-valued comparisons are built from that (vector.booleanFromSelection).
 *
 * Number lanes cover ints, floats, dates, narrow decimals and int64/timestamps that
 * fit 2^53. Text compares UTF-8 bytes (byte order = code point order, PostgreSQL's
 * "C" collation); a constant side is encoded once and never decoded per row.
 * When every candidate row passes, a kernel returns its input selection itself
 * (selections are read-only) instead of copying it.
 */
import { identitySelection, scratchIndexes, takeScratch } from './vector.ts';

/** Comparison operators, by registry name. */
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

type Num = ArrayLike<number>;

/** The operator with its operands swapped (c < x  ⇔  x > c). */
export function flipCompare(op: CompareOp): CompareOp {
  switch (op) {
    case 'lt': return 'gt';
    case 'le': return 'ge';
    case 'gt': return 'lt';
    case 'ge': return 'le';
    default: return op;
  }
}

/** Rows of `sel` where a[i] op b[i]. */
export function selectCompareNumbers(op: CompareOp, a: Num, b: Num, sel: Int32Array): Int32Array {
  const out = scratchIndexes(sel.length);
  let m = 0;
  switch (op) {
    case 'eq': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i] === b[i]) out[m++] = i; } break;
    case 'ne': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i] !== b[i]) out[m++] = i; } break;
    case 'lt': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! < b[i]!) out[m++] = i; } break;
    case 'le': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! <= b[i]!) out[m++] = i; } break;
    case 'gt': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! > b[i]!) out[m++] = i; } break;
    case 'ge': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! >= b[i]!) out[m++] = i; } break;
  }
  return m === sel.length ? sel : takeScratch(m);
}

/** Rows of `sel` where a[i] op c. */
export function selectCompareNumberScalar(op: CompareOp, a: Num, c: number, sel: Int32Array): Int32Array {
  const out = scratchIndexes(sel.length);
  let m = 0;
  switch (op) {
    case 'eq': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i] === c) out[m++] = i; } break;
    case 'ne': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i] !== c) out[m++] = i; } break;
    case 'lt': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! < c) out[m++] = i; } break;
    case 'le': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! <= c) out[m++] = i; } break;
    case 'gt': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! > c) out[m++] = i; } break;
    case 'ge': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if (a[i]! >= c) out[m++] = i; } break;
  }
  return m === sel.length ? sel : takeScratch(m);
}

/** Rows 0..n-1 where a[i] op c (the common first filter over a fresh batch: no selection indirection). */
export function selectCompareNumberScalarAll(op: CompareOp, a: Num, c: number, n: number): Int32Array {
  const out = scratchIndexes(n);
  let m = 0;
  switch (op) {
    case 'eq': for (let i = 0; i < n; i++) if (a[i] === c) out[m++] = i; break;
    case 'ne': for (let i = 0; i < n; i++) if (a[i] !== c) out[m++] = i; break;
    case 'lt': for (let i = 0; i < n; i++) if (a[i]! < c) out[m++] = i; break;
    case 'le': for (let i = 0; i < n; i++) if (a[i]! <= c) out[m++] = i; break;
    case 'gt': for (let i = 0; i < n; i++) if (a[i]! > c) out[m++] = i; break;
    case 'ge': for (let i = 0; i < n; i++) if (a[i]! >= c) out[m++] = i; break;
  }
  return m === n ? identitySelection(n) : takeScratch(m);
}

/**
 * Rows of `sel` with lo <= a[i] <= hi (a range of two conjuncts in one pass: `d >= x AND d < y`);
 * `all`: sel is every row 0..sel.length-1, read without indirection.
 */
export function selectRangeNumbers(a: Num, lo: number, hi: number, sel: Int32Array, all: boolean): Int32Array {
  const n = sel.length;
  const out = scratchIndexes(n);
  let m = 0;
  if (all) {
    for (let i = 0; i < n; i++) { const v = a[i]!; if (v >= lo && v <= hi) out[m++] = i; }
  } else {
    for (let k = 0; k < n; k++) { const i = sel[k]!; const v = a[i]!; if (v >= lo && v <= hi) out[m++] = i; }
  }
  return m === n ? sel : takeScratch(m);
}

function words64(values: BigInt64Array): Int32Array {
  return new Int32Array(values.buffer, values.byteOffset, values.length * 2);
}

/** Rows of `sel` where int64 a[i] op c, comparing (hi, lo) word pairs: no BigInt, no conversion. */
export function selectCompareInt64Scalar(op: CompareOp, values: BigInt64Array, c: bigint, sel: Int32Array): Int32Array {
  const w = words64(values);
  const cHi = Number(BigInt.asIntN(32, c >> 32n)), cLo = Number(BigInt.asUintN(32, c));
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const hi = w[2 * i + 1]!;
    const d = hi !== cHi ? hi - cHi : (w[2 * i]! >>> 0) - cLo;
    if (testCmp(op, d)) out[m++] = i;
  }
  return m === sel.length ? sel : takeScratch(m);
}

/** Rows of `sel` where int64 a[i] op b[i]. */
export function selectCompareInt64(op: CompareOp, a: BigInt64Array, b: BigInt64Array, sel: Int32Array): Int32Array {
  const wa = words64(a), wb = words64(b);
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const ha = wa[2 * i + 1]!, hb = wb[2 * i + 1]!;
    const d = ha !== hb ? ha - hb : (wa[2 * i]! >>> 0) - (wb[2 * i]! >>> 0);
    if (testCmp(op, d)) out[m++] = i;
  }
  return m === sel.length ? sel : takeScratch(m);
}

/** Three-way byte comparison of a[aStart,aEnd) and b[bStart,bEnd). */
export function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const la = aEnd - aStart, lb = bEnd - bStart;
  const len = la < lb ? la : lb;
  for (let k = 0; k < len; k++) {
    const d = a[aStart + k]! - b[bStart + k]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

function testCmp(op: CompareOp, c: number): boolean {
  switch (op) {
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
    case 'lt': return c < 0;
    case 'le': return c <= 0;
    case 'gt': return c > 0;
    case 'ge': return c >= 0;
  }
}

/** Rows of `sel` where text a[i] op c (c given as UTF-8 bytes). */
export function selectCompareTextScalar(op: CompareOp, offsets: Int32Array, bytes: Uint8Array, c: Uint8Array, sel: Int32Array): Int32Array {
  const out = scratchIndexes(sel.length);
  let m = 0;
  const cl = c.length;
  if (op === 'eq' || op === 'ne') {
    const want = op === 'eq';
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const s = offsets[i]!;
      let equal = offsets[i + 1]! - s === cl;
      for (let j = 0; equal && j < cl; j++) if (bytes[s + j] !== c[j]) equal = false;
      if (equal === want) out[m++] = i;
    }
  } else {
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      if (testCmp(op, compareBytes(bytes, offsets[i]!, offsets[i + 1]!, c, 0, cl))) out[m++] = i;
    }
  }
  return m === sel.length ? sel : takeScratch(m);
}

/**
 * Rows of `sel` whose text equals one of `consts` (UTF-8 bytes): one pass over the
 * rows, testing each constant of the same length (a short list: IN ('MAIL', 'SHIP')).
 */
export function selectTextInList(offsets: Int32Array, bytes: Uint8Array, consts: readonly Uint8Array[], sel: Int32Array): Int32Array {
  const out = scratchIndexes(sel.length);
  const nc = consts.length;
  const lens = new Int32Array(nc);
  let minLen = 0x7fffffff, maxLen = -1;
  for (let j = 0; j < nc; j++) {
    const l = consts[j]!.length;
    lens[j] = l;
    if (l < minLen) minLen = l;
    if (l > maxLen) maxLen = l;
  }
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const s = offsets[i]!;
    const len = offsets[i + 1]! - s;
    if (len < minLen || len > maxLen) continue;
    for (let j = 0; j < nc; j++) {
      if (lens[j] !== len) continue;
      const c = consts[j]!;
      let p = 0;
      while (p < len && bytes[s + p] === c[p]) p++;
      if (p === len) { out[m++] = i; break; }
    }
  }
  return m === sel.length ? sel : takeScratch(m);
}

/** Rows of `sel` where text a[i] op b[i]. */
export function selectCompareText(op: CompareOp, aOffsets: Int32Array, aBytes: Uint8Array, bOffsets: Int32Array, bBytes: Uint8Array, sel: Int32Array): Int32Array {
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const c = compareBytes(aBytes, aOffsets[i]!, aOffsets[i + 1]!, bBytes, bOffsets[i]!, bOffsets[i + 1]!);
    if (testCmp(op, c)) out[m++] = i;
  }
  return m === sel.length ? sel : takeScratch(m);
}

/** Slow path: rows of `sel` where cmp(i) op 0, for a three-way comparator over any representation. */
export function selectCompareWith(op: CompareOp, cmp: (i: number) => number, sel: Int32Array): Int32Array {
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    if (testCmp(op, cmp(i))) out[m++] = i;
  }
  return m === sel.length ? sel : takeScratch(m);
}
