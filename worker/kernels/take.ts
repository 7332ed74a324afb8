/**
 * Gather kernels: `take` rows of any column by an index vector, drop a batch's
 * selection (`materialize`), and `concatData` columns of many batches.
 *
 * Every fixed-width layout (core/data-type.ts) is copied as raw words through a
 * typed-array view of the values buffer, so int64/timestamp (BigInt64Array),
 * Decimal128 (4 × Uint32) and intervals (4 × Int32) never touch a BigInt:
 *
 *   values bytes  | w0 w1 | w0 w1 | w0 w1 |   (stride = bytes per value / word size)
 *   take [2, -1]  → | w0 w1 (row 2) | 0 0 (null) |
 *
 * Booleans are bit-packed; text copies offsets + UTF-8 bytes. Nested columns (issue 6)
 * recurse: a list or map gathers its offsets and then its child by the expanded
 * element ranges; a struct gathers each field with the same indexes.
 */
import * as arrow from 'apache-arrow';
import { Batch } from '../../core/index.ts';

type WordArray = Int32Array | Int16Array | Uint8Array;

/** A view of a fixed-width values buffer as words, and the number of words per value. */
function wordView(values: ArrayBufferView, length: number, bytesPerValue: number): { words: WordArray; stride: number } {
  if (bytesPerValue % 4 === 0 && values.byteOffset % 4 === 0) {
    return { words: new Int32Array(values.buffer, values.byteOffset, (length * bytesPerValue) >> 2), stride: bytesPerValue >> 2 };
  }
  if (bytesPerValue === 2 && values.byteOffset % 2 === 0) {
    return { words: new Int16Array(values.buffer, values.byteOffset, length), stride: 1 };
  }
  return { words: new Uint8Array(values.buffer, values.byteOffset, length * bytesPerValue), stride: bytesPerValue };
}

/** Bytes per value of a fixed-width Arrow type. */
function bytesPerValue(type: arrow.DataType): number {
  switch (type.typeId) {
    case arrow.Type.Int: return (type as arrow.Int).bitWidth >> 3;
    case arrow.Type.Float: return (type as arrow.Float).precision === arrow.Precision.SINGLE ? 4 : (type as arrow.Float).precision === arrow.Precision.HALF ? 2 : 8;
    case arrow.Type.Decimal: return (type as arrow.Decimal).bitWidth >> 3;
    case arrow.Type.Date: return (type as arrow.Date_).unit === arrow.DateUnit.DAY ? 4 : 8;
    case arrow.Type.Timestamp: return 8;
    case arrow.Type.Time: return (type as arrow.Time).bitWidth >> 3;
    case arrow.Type.Interval: return (type as arrow.Interval).unit === arrow.IntervalUnit.MONTH_DAY_NANO ? 16 : (type as arrow.Interval).unit === arrow.IntervalUnit.DAY_TIME ? 8 : 4;
    default: return 8;
  }
}

/** Allocates a values buffer of `type` for `length` values (zeroed). */
function allocValues(type: arrow.DataType, length: number): ArrayBufferView {
  const bpv = bytesPerValue(type);
  const Ctor = (type as { ArrayType: (new (n: number) => ArrayBufferView) & { BYTES_PER_ELEMENT: number } }).ArrayType;
  return new Ctor((length * bpv) / Ctor.BYTES_PER_ELEMENT);
}

/** True when some index in indexes[0..count) is negative (a NULL row). */
function hasNegative(indexes: Int32Array, count: number): boolean {
  let neg = 0;
  // branch-free OR of the sign bits: one sequential pass, no early exit needed in the common case
  for (let i = 0; i < count; i++) neg |= indexes[i]!;
  return neg < 0;
}

const NO_BITMAP = new Uint8Array(0);

/** True when physical row `i` of `data` is valid (not NULL). */
export function isValid(data: arrow.Data, i: number): boolean {
  const bm = data.nullBitmap;
  if (!bm || bm.length === 0 || data.nullCount === 0) return true;
  return ((bm[i >> 3]! >> (i & 7)) & 1) === 1;
}

/** The validity bitmap of `data`, or null when it has no NULLs. */
export function validityOf(data: arrow.Data): Uint8Array | null {
  if (data.typeId === arrow.Type.Null) return null;
  const bm = data.nullBitmap;
  return bm && bm.length > 0 && data.nullCount !== 0 ? bm : null;
}

function finish(type: arrow.DataType, length: number, nulls: number, bitmap: Uint8Array, extra: Record<string, unknown>): arrow.Data {
  return arrow.makeData({ type, length, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : null, ...extra } as never);
}

/**
 * Gathers physical rows `indexes[0..count)` of `data` into a new column; an
 * index of -1 produces NULL.
 */
export function take(data: arrow.Data, indexes: Int32Array, count = indexes.length): arrow.Data {
  return takeRows(data, indexes, count, true);
}

/** `take`, told whether `indexes` may hold -1 (a selection vector never does). */
function takeRows(data: arrow.Data, indexes: Int32Array, count: number, mayBeNegative: boolean): arrow.Data {
  const type = data.type;
  if (type.typeId === arrow.Type.Null) return arrow.makeData({ type, length: count, nullCount: count } as never);
  const inBitmap = validityOf(data);
  let bitmap = NO_BITMAP;
  let nulls = 0;
  // the output validity pass costs as much as a fixed-width gather: skip it when nothing can be NULL
  if (inBitmap !== null || (mayBeNegative && hasNegative(indexes, count))) {
    bitmap = new Uint8Array((count + 7) >> 3);
    for (let i = 0; i < count; i++) {
      const r = indexes[i]!;
      if (r < 0 || (inBitmap !== null && ((inBitmap[r >> 3]! >> (r & 7)) & 1) === 0)) nulls++;
      else bitmap[i >> 3]! |= 1 << (i & 7);
    }
  }
  switch (type.typeId) {
    case arrow.Type.Bool: {
      const src = data.values as Uint8Array;
      const out = new Uint8Array((count + 7) >> 3);
      for (let i = 0; i < count; i++) {
        const r = indexes[i]!;
        if (r >= 0 && ((src[r >> 3]! >> (r & 7)) & 1) === 1) out[i >> 3]! |= 1 << (i & 7);
      }
      return finish(type, count, nulls, bitmap, { data: out });
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const offs = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      const outOffs = new Int32Array(count + 1);
      let total = 0;
      for (let i = 0; i < count; i++) {
        const r = indexes[i]!;
        if (r >= 0) total += offs[r + 1]! - offs[r]!;
        outOffs[i + 1] = total;
      }
      const outBytes = new Uint8Array(total);
      for (let i = 0; i < count; i++) {
        const r = indexes[i]!;
        if (r < 0) continue;
        const s = offs[r]!, e = offs[r + 1]!;
        // Byte loop: a subarray per value would allocate; long values are rare.
        if (e - s < 256) { let o = outOffs[i]!; for (let k = s; k < e; k++) outBytes[o++] = bytes[k]!; }
        else outBytes.set(bytes.subarray(s, e), outOffs[i]!);
      }
      return finish(type, count, nulls, bitmap, { valueOffsets: outOffs, data: outBytes });
    }
    case arrow.Type.List:
    case arrow.Type.Map: {
      const offs = data.valueOffsets as Int32Array;
      const outOffs = new Int32Array(count + 1);
      let total = 0;
      for (let i = 0; i < count; i++) {
        const r = indexes[i]!;
        if (r >= 0) total += offs[r + 1]! - offs[r]!;
        outOffs[i + 1] = total;
      }
      const childIdx = new Int32Array(total);
      for (let i = 0, o = 0; i < count; i++) {
        const r = indexes[i]!;
        if (r < 0) continue;
        for (let k = offs[r]!; k < offs[r + 1]!; k++) childIdx[o++] = k;
      }
      return finish(type, count, nulls, bitmap, { valueOffsets: outOffs, child: takeRows(data.children[0]!, childIdx, total, false) });
    }
    case arrow.Type.Struct:
      return finish(type, count, nulls, bitmap, { children: data.children.map((c) => takeRows(c, indexes, count, mayBeNegative)) });
    default: {
      const out = allocValues(type, count);
      const bpv = bytesPerValue(type);
      const src = wordView(data.values as ArrayBufferView, data.length, bpv);
      const dst = wordView(out, count, bpv);
      const s = src.stride;
      // One monomorphic gather per word size (mixing array kinds in one loop deoptimizes it).
      if (src.words instanceof Int32Array) gather32(src.words, dst.words as Int32Array, indexes, count, s);
      else if (src.words instanceof Int16Array) gather16(src.words, dst.words as Int16Array, indexes, count);
      else gather8(src.words, dst.words as Uint8Array, indexes, count, s);
      return finish(type, count, nulls, bitmap, { data: out });
    }
  }
}

function gather32(sw: Int32Array, dw: Int32Array, indexes: Int32Array, count: number, s: number): void {
  if (s === 1) {
    for (let i = 0; i < count; i++) { const r = indexes[i]!; if (r >= 0) dw[i] = sw[r]!; }
  } else if (s === 2) {
    for (let i = 0; i < count; i++) {
      const r = indexes[i]!;
      if (r >= 0) { dw[2 * i] = sw[2 * r]!; dw[2 * i + 1] = sw[2 * r + 1]!; }
    }
  } else {
    for (let i = 0; i < count; i++) {
      const r = indexes[i]!;
      if (r < 0) continue;
      const a = r * s, b = i * s;
      for (let k = 0; k < s; k++) dw[b + k] = sw[a + k]!;
    }
  }
}

function gather16(sw: Int16Array, dw: Int16Array, indexes: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) { const r = indexes[i]!; if (r >= 0) dw[i] = sw[r]!; }
}

function gather8(sw: Uint8Array, dw: Uint8Array, indexes: Int32Array, count: number, s: number): void {
  for (let i = 0; i < count; i++) {
    const r = indexes[i]!;
    if (r < 0) continue;
    const a = r * s, b = i * s;
    for (let k = 0; k < s; k++) dw[b + k] = sw[a + k]!;
  }
}

/** The identity index vector 0..n-1. */
export function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

let sharedIdentityArray = identity(8192);

/**
 * A read-only identity vector 0..n-1 shared between callers (never mutate it);
 * saves allocating one per batch for "all rows selected".
 */
export function sharedIdentity(n: number): Int32Array {
  if (n > sharedIdentityArray.length) sharedIdentityArray = identity(Math.max(n, sharedIdentityArray.length * 2));
  return sharedIdentityArray.subarray(0, n);
}

/** Returns a batch without a selection (gathers the selected rows). */
export function materialize(batch: Batch): Batch {
  const sel = batch.selection;
  if (sel === null) return batch;
  return new Batch(batch.columns.map((c) => takeRows(c, sel, sel.length, false)), sel.length, null);
}

/** Concatenates columns of the same type (each with offset 0) into one. */
export function concatData(parts: readonly arrow.Data[], type?: arrow.DataType): arrow.Data {
  if (parts.length === 1) return parts[0]!;
  const t = type ?? parts[0]?.type;
  if (!t) throw new Error('concatData needs a type for zero parts');
  let length = 0;
  for (const p of parts) length += p.length;
  if (t.typeId === arrow.Type.Null) return arrow.makeData({ type: t, length, nullCount: length } as never);
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  let base = 0;
  const anyNulls = parts.some((p) => validityOf(p) !== null);
  for (const p of anyNulls ? parts : []) {
    const bm = validityOf(p);
    for (let i = 0; i < p.length; i++) {
      if (bm === null || ((bm[i >> 3]! >> (i & 7)) & 1) === 1) bitmap[(base + i) >> 3]! |= 1 << ((base + i) & 7);
      else nulls++;
    }
    base += p.length;
  }
  switch (t.typeId) {
    case arrow.Type.Bool: {
      const out = new Uint8Array((length + 7) >> 3);
      base = 0;
      for (const p of parts) {
        const src = p.values as Uint8Array;
        for (let i = 0; i < p.length; i++) if (((src[i >> 3]! >> (i & 7)) & 1) === 1) out[(base + i) >> 3]! |= 1 << ((base + i) & 7);
        base += p.length;
      }
      return finish(t, length, nulls, bitmap, { data: out });
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      let total = 0;
      for (const p of parts) { const o = p.valueOffsets as Int32Array; total += o[p.length]! - o[0]!; }
      const outOffs = new Int32Array(length + 1);
      const outBytes = new Uint8Array(total);
      let row = 0, pos = 0;
      for (const p of parts) {
        const o = p.valueOffsets as Int32Array;
        const start = o[0]!;
        outBytes.set((p.values as Uint8Array).subarray(start, o[p.length]!), pos);
        for (let i = 0; i < p.length; i++) outOffs[row + i + 1] = pos + o[i + 1]! - start;
        pos += o[p.length]! - start;
        row += p.length;
      }
      return finish(t, length, nulls, bitmap, { valueOffsets: outOffs, data: outBytes });
    }
    case arrow.Type.List:
    case arrow.Type.Map: {
      const outOffs = new Int32Array(length + 1);
      const children: arrow.Data[] = [];
      let row = 0, pos = 0;
      for (const p of parts) {
        const o = p.valueOffsets as Int32Array;
        const start = o[0]!, end = o[p.length]!;
        for (let i = 0; i < p.length; i++) outOffs[row + i + 1] = pos + o[i + 1]! - start;
        // the element range as an offset-0 column (concatData's contract)
        const range = new Int32Array(end - start);
        for (let k = 0; k < range.length; k++) range[k] = start + k;
        children.push(take(p.children[0]!, range));
        pos += end - start;
        row += p.length;
      }
      const childType = (t as arrow.List).children[0]!.type;
      return finish(t, length, nulls, bitmap, { valueOffsets: outOffs, child: children.length === 0 ? emptyData(childType) : concatData(children, childType) });
    }
    case arrow.Type.Struct: {
      const fields = (t as arrow.Struct).children;
      return finish(t, length, nulls, bitmap, { children: fields.map((f, k) => concatData(parts.map((p) => p.children[k]!), f.type)) });
    }
    default: {
      const out = allocValues(t, length);
      const bpv = bytesPerValue(t);
      const dst = wordView(out, length, bpv);
      let w = 0;
      for (const p of parts) {
        if (p.length === 0) continue;
        const src = wordView(p.values as ArrayBufferView, p.length, bpv);
        (dst.words as Int32Array).set(src.words.subarray(0, p.length * src.stride) as Int32Array, w);
        w += p.length * src.stride;
      }
      return finish(t, length, nulls, bitmap, { data: out });
    }
  }
}

/** Concatenates batches (materializing selections) into one batch of `types`. */
export function concatBatches(batches: readonly Batch[], types: readonly arrow.DataType[]): Batch {
  const mats = batches.map(materialize).filter((b) => b.numRows > 0);
  if (mats.length === 1) return mats[0]!;
  let n = 0;
  for (const b of mats) n += b.numRows;
  const cols = types.map((t, c) => mats.length === 0 ? emptyData(t) : concatData(mats.map((b) => b.column(c)), t));
  return new Batch(cols, n, null);
}

/** A zero-length column of `type`. */
export function emptyData(type: arrow.DataType): arrow.Data {
  if (type.typeId === arrow.Type.List || type.typeId === arrow.Type.Map) {
    return arrow.makeData({ type, length: 0, nullCount: 0, valueOffsets: new Int32Array(1), child: emptyData(type.children[0]!.type) } as never);
  }
  if (type.typeId === arrow.Type.Struct) {
    return arrow.makeData({ type, length: 0, nullCount: 0, children: type.children.map((f) => emptyData(f.type)) } as never);
  }
  if (type.typeId === arrow.Type.Binary) return arrow.makeData({ type, length: 0, nullCount: 0, valueOffsets: new Int32Array(1), data: new Uint8Array(0) } as never);
  return take(arrow.makeData({ type, length: 0, nullCount: 0, ...(type.typeId === arrow.Type.Utf8 ? { valueOffsets: new Int32Array(1) } : {}) } as never), new Int32Array(0));
}

/** A column of `count` NULLs of `type`. */
export function nullData(type: arrow.DataType, count: number): arrow.Data {
  const idx = new Int32Array(count).fill(-1);
  return take(emptyData(type), idx);
}

/** Approximate bytes held by a batch's buffers (for memory accounting). */
export function batchBytes(batch: Batch): number {
  let n = 0;
  for (const c of batch.columns) n += c.byteLength;
  if (batch.selection) n += batch.selection.byteLength;
  return n;
}
