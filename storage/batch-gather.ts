/**
 * Gathers the selected rows of a batch into plain columns (offset 0, no selection).
 * The Parquet writer needs materialized columns; operators have their own
 * gather kernels in worker/, storage cannot import them (layout rule).
 */
import * as arrow from 'apache-arrow';
import { Batch } from '../core/index.ts';

/** The batch itself when it has no selection, otherwise a copy holding only the selected rows. */
export function materializeBatch(batch: Batch): Batch {
  const sel = batch.selection;
  if (!sel) return batch;
  return new Batch(batch.columns.map((c) => gatherData(c, sel)), sel.length, null);
}

/** The rows `sel` of one column as a new Data of the same type. */
export function gatherData(data: arrow.Data, sel: Int32Array): arrow.Data {
  const n = sel.length;
  const nullBitmap = gatherValidity(data, sel);
  const nullCount = nullBitmap ? n - popcount(nullBitmap, n) : 0;
  const type = data.type;
  if (type.typeId === arrow.Type.Null) return arrow.makeData({ type: type as arrow.Null, length: n, nullCount: n });
  if (type.typeId === arrow.Type.Bool) {
    const src = data.values as Uint8Array;
    const out = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++) {
      const r = sel[i]!;
      if ((src[r >> 3]! >> (r & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
    }
    return arrow.makeData({ type: type as arrow.Bool, length: n, nullCount, nullBitmap, data: out });
  }
  if (type.typeId === arrow.Type.List || type.typeId === arrow.Type.Map) {
    // offsets of the selected rows, then the child gathered by the expanded element ranges
    const offsets = data.valueOffsets as Int32Array;
    const outOffsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) outOffsets[i + 1] = outOffsets[i]! + offsets[sel[i]! + 1]! - offsets[sel[i]!]!;
    const childSel = new Int32Array(outOffsets[n]!);
    for (let i = 0, o = 0; i < n; i++) for (let k = offsets[sel[i]!]!; k < offsets[sel[i]! + 1]!; k++) childSel[o++] = k;
    return arrow.makeData({ type: type as arrow.List, length: n, nullCount, nullBitmap, valueOffsets: outOffsets, child: gatherData(data.children[0]!, childSel) });
  }
  if (type.typeId === arrow.Type.Struct) {
    return arrow.makeData({ type: type as arrow.Struct, length: n, nullCount, nullBitmap, children: data.children.map((c) => gatherData(c, sel)) });
  }
  if (type.typeId === arrow.Type.Utf8 || type.typeId === arrow.Type.Binary) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    let total = 0;
    for (let i = 0; i < n; i++) total += offsets[sel[i]! + 1]! - offsets[sel[i]!]!;
    const outOffsets = new Int32Array(n + 1);
    const outBytes = new Uint8Array(total);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      const s = offsets[sel[i]!]!, e = offsets[sel[i]! + 1]!;
      outBytes.set(bytes.subarray(s, e), pos);
      pos += e - s;
      outOffsets[i + 1] = pos;
    }
    return arrow.makeData({ type: type as arrow.Utf8, length: n, nullCount, nullBitmap, valueOffsets: outOffsets, data: outBytes });
  }
  // Fixed width: stride = typed-array elements per value (4 for Decimal128 and intervals).
  const values = data.values as Int32Array;
  const stride = data.length === 0 ? 1 : Math.max(1, Math.round(values.length / data.length));
  const Ctor = values.constructor as new (n: number) => Int32Array;
  const out = new Ctor(n * stride);
  if (stride === 1) {
    for (let i = 0; i < n; i++) out[i] = values[sel[i]!]!;
  } else {
    for (let i = 0; i < n; i++) {
      const r = sel[i]! * stride;
      for (let k = 0; k < stride; k++) out[i * stride + k] = values[r + k]!;
    }
  }
  return arrow.makeData({ type: type as arrow.Int32, length: n, nullCount, nullBitmap, data: out });
}

function gatherValidity(data: arrow.Data, sel: Int32Array): Uint8Array | undefined {
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return undefined;
  const src = data.nullBitmap;
  const out = new Uint8Array((sel.length + 7) >> 3);
  for (let i = 0; i < sel.length; i++) {
    const r = sel[i]!;
    if ((src[r >> 3]! >> (r & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}

/** Number of set bits among the first n bits. */
export function popcount(bits: Uint8Array, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) count += (bits[i >> 3]! >> (i & 7)) & 1;
  return count;
}
