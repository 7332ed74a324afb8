/**
 * Building blocks shared by the kernels: selections, validity bitmaps, output
 * columns and "number lanes".
 *
 * Conventions: a kernel receives the physical length `n` and a selection
 * (strictly increasing physical row indexes; `selectionOf` turns "all rows" into
 * an identity selection so every kernel has one loop shape). Outputs have
 * physical length `n`; rows outside the selection hold garbage.
 * Validity bitmaps are Arrow's (bit set = valid); `null` means "no NULLs".
 */
import * as arrow from 'apache-arrow';
import { type DataType, isNarrowDecimal, toArrowType } from '../../core/index.ts';

let identity = new Int32Array(0);

/** The first `n` natural numbers (shared, read-only). */
export function identitySelection(n: number): Int32Array {
  if (identity.length < n) {
    identity = new Int32Array(Math.max(n, identity.length * 2, 1024));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, n);
}

let scratch = new Int32Array(1024);

/**
 * A shared scratch buffer for building selections of up to n rows. Select kernels
 * write into it and return `takeScratch(m)` (an exact-size copy): allocating only
 * the result is much cheaper than a full-size array per call. Leaf kernels only —
 * never hold it across a call into another kernel.
 */
export function scratchIndexes(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/** Copies the first m scratch entries out as a new selection. */
export function takeScratch(m: number): Int32Array {
  return scratch.slice(0, m);
}

/** The batch's selection, or the identity selection over `numRows`. */
export function selectionOf(selection: Int32Array | null, numRows: number): Int32Array {
  return selection ?? identitySelection(numRows);
}

/** Validity bitmap of a column (offset 0), or null when it has no NULLs. */
export function validityOf(data: arrow.Data): Uint8Array | null {
  if (data.typeId === arrow.Type.Null) return new Uint8Array((data.length + 7) >> 3);
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return null;
  return bitmap;
}

/** Validity bit of row i. */
export function isValid(bitmap: Uint8Array, i: number): boolean {
  return (bitmap[i >> 3]! & (1 << (i & 7))) !== 0;
}

/** Bitwise AND of validity bitmaps (null inputs mean all valid). */
export function andValidity(n: number, a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (a === null) return b;
  if (b === null) return a;
  const bytes = (n + 7) >> 3;
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** A new all-valid bitmap (for kernels that introduce NULLs). */
export function allValid(n: number): Uint8Array {
  return new Uint8Array((n + 7) >> 3).fill(255);
}

/** Clears the validity bit of row i. */
export function setInvalid(bitmap: Uint8Array, i: number): void {
  bitmap[i >> 3]! &= ~(1 << (i & 7));
}

/** Sets the validity bit of row i. */
export function setValid(bitmap: Uint8Array, i: number): void {
  bitmap[i >> 3]! |= 1 << (i & 7);
}

/** The rows of `sel` that are valid in `bitmap`. */
export function filterValid(sel: Int32Array, bitmap: Uint8Array | null): Int32Array {
  if (bitmap === null) return sel;
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    if ((bitmap[i >> 3]! & (1 << (i & 7))) !== 0) out[m++] = i;
  }
  return m === sel.length ? sel : takeScratch(m);
}

/** The rows of `sel` that are NOT in `subset` (both increasing). */
export function selectionMinus(sel: Int32Array, subset: Int32Array): Int32Array {
  if (subset.length === 0) return sel;
  const out = scratchIndexes(sel.length);
  let m = 0, j = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    if (j < subset.length && subset[j] === i) j++;
    else out[m++] = i;
  }
  return takeScratch(m);
}

/** Wraps a values buffer as a column of `type` (physical length n). */
export function makeColumn(type: DataType, n: number, values: ArrayBufferView, validity: Uint8Array | null): arrow.Data {
  return arrow.makeData({
    type: toArrowType(type) as arrow.Int,
    length: n,
    nullCount: validity === null ? 0 : -1,
    nullBitmap: validity ?? undefined,
    data: values as Int32Array,
  });
}

/** Wraps text offsets and bytes as a Utf8 column. */
export function makeTextColumn(n: number, offsets: Int32Array, bytes: Uint8Array, validity: Uint8Array | null): arrow.Data {
  return arrow.makeData({
    type: new arrow.Utf8(),
    length: n,
    nullCount: validity === null ? 0 : -1,
    nullBitmap: validity ?? undefined,
    valueOffsets: offsets,
    data: bytes,
  });
}

/** A boolean column whose TRUE rows are `trues` (increasing), FALSE elsewhere. */
export function booleanFromSelection(n: number, trues: Int32Array, validity: Uint8Array | null): arrow.Data {
  const bits = new Uint8Array((n + 7) >> 3);
  for (let k = 0; k < trues.length; k++) {
    const i = trues[k]!;
    bits[i >> 3]! |= 1 << (i & 7);
  }
  return makeColumn({ kind: 'boolean' }, n, bits, validity);
}

/** Typed-array constructor for the values buffer of fixed-width types stored as numbers. */
export type NumberArray = Int16Array | Int32Array | Float32Array | Float64Array;

/** Allocates the output values array for a number-valued type (ints, floats, narrow decimals, dates). */
export function allocNumbers(type: DataType, n: number): NumberArray {
  switch (type.kind) {
    case 'int16': return new Int16Array(n);
    case 'int32': case 'date': return new Int32Array(n);
    case 'float32': return new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'decimal':
      if (isNarrowDecimal(type)) return new Float64Array(n);
      break;
    default: break;
  }
  throw new Error(`allocNumbers: ${type.kind} is not stored as numbers`);
}

const TWO_32 = 4294967296;
/** Largest |hi word| of an int64 whose value is exactly representable as a double. */
const SAFE_HI = 0x1fffff;

/**
 * The values of an int64-like column (int64, timestamp) as doubles, at the selected rows, or
 * null when some selected value is beyond ±2^53 (callers then take a BigInt path).
 */
export function int64ToNumbers(values: BigInt64Array, sel: Int32Array, n: number): Float64Array | null {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  const out = new Float64Array(n);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const hi = words[2 * i + 1]!;
    if (hi > SAFE_HI || hi < -SAFE_HI - 1) return null;
    out[i] = hi * TWO_32 + (words[2 * i]! >>> 0);
  }
  return out;
}

/** Writes doubles holding integers (|v| ≤ 2^53) into a new BigInt64Array without BigInt arithmetic. */
export function numbersToInt64(values: ArrayLike<number>, sel: Int32Array, n: number): BigInt64Array {
  const out = new BigInt64Array(n);
  const words = new Int32Array(out.buffer);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const v = values[i]!;
    const hi = Math.floor(v / TWO_32);
    words[2 * i] = (v - hi * TWO_32) | 0;
    words[2 * i + 1] = hi;
  }
  return out;
}

/** Copies src[from, to) to dst at `at`; short runs by hand (subarray + set allocates a view per call). */
export function copyBytes(dst: Uint8Array, at: number, src: Uint8Array, from: number, to: number): void {
  const len = to - from;
  if (len > 64) { dst.set(src.subarray(from, to), at); return; }
  for (let j = 0; j < len; j++) dst[at + j] = src[from + j]!;
}

/** True when every byte is below 0x80 (so bytes are characters); checks 4 bytes at a time. */
export function isAscii(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  if ((bytes.byteOffset & 3) === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, n >> 2);
    for (let w = 0; w < words.length; w++) if ((words[w]! & 0x80808080) !== 0) return false;
    i = words.length << 2;
  }
  for (; i < n; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** Decimal128 values at the selected rows as doubles, or null when one is beyond ±2^53 (exactness). */
export function decimal128ToNumbers(words: Uint32Array, sel: Int32Array, n: number): Float64Array | null {
  const out = new Float64Array(n);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const o = i * 4;
    const w1 = words[o + 1]!, w2 = words[o + 2]!, w3 = words[o + 3]!;
    if (w3 === 0 && w2 === 0 && w1 < 0x200000) out[i] = w1 * TWO_32 + words[o]!;
    else if (w3 === 0xffffffff && w2 === 0xffffffff && w1 >= 0xffe00000) out[i] = (w1 - TWO_32) * TWO_32 + words[o]!;
    else return null;
  }
  return out;
}

/** Doubles holding integers within ±2^53 as Decimal128 words (sign-extended). */
export function numbersToDecimal128(values: ArrayLike<number>, sel: Int32Array, n: number): Uint32Array {
  const words = new Uint32Array(n * 4);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const v = values[i]!;
    const hi = Math.floor(v / TWO_32);
    const o = i * 4;
    words[o] = v - hi * TWO_32;
    words[o + 1] = hi >>> 0;
    const ext = v < 0 ? 0xffffffff : 0;
    words[o + 2] = ext;
    words[o + 3] = ext;
  }
  return words;
}
