/**
 * Merges disjoint row sets taken from several columns into one column: the output
 * step of CASE and COALESCE, whose branches are evaluated on narrowed selections.
 *
 *   pieces: [{rows:[1,4], data:A}, {rows:[2], data:B}, {rows:[3], data:null → NULL}]
 *   out[i] = piece.data[i] for i in piece.rows        (same physical positions)
 */
import type * as arrow from 'apache-arrow';
import { type DataType, type LiteralValue, columnFromValues, isNarrowDecimal, readValue } from '../../core/index.ts';
import { copyBytes, makeColumn, makeTextColumn, validityOf } from './vector.ts';

/** Rows of the output taken from one column (or NULL). */
export interface MergePiece {
  readonly rows: Int32Array;
  /** Column valid at `rows`, or null for NULL. */
  readonly data: arrow.Data | null;
}

function words32(data: arrow.Data): Int32Array {
  const v = data.values as ArrayBufferView;
  return new Int32Array(v.buffer, v.byteOffset, v.byteLength >> 2);
}

/** Builds the merged column of `type` and physical length n. */
export function mergeColumns(type: DataType, n: number, pieces: readonly MergePiece[]): arrow.Data {
  const validity = new Uint8Array((n + 7) >> 3);
  for (const p of pieces) {
    if (p.data === null) continue;
    const v = validityOf(p.data);
    const rows = p.rows;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      if (v === null || (v[i >> 3]! & (1 << (i & 7))) !== 0) validity[i >> 3]! |= 1 << (i & 7);
    }
  }
  switch (type.kind) {
    case 'null': return makeColumn(type, n, new Uint8Array(0), validity);
    case 'boolean': {
      const bits = new Uint8Array((n + 7) >> 3);
      for (const p of pieces) {
        if (p.data === null) continue;
        const src = p.data.values as Uint8Array;
        const rows = p.rows;
        for (let k = 0; k < rows.length; k++) {
          const i = rows[k]!;
          if ((src[i >> 3]! & (1 << (i & 7))) !== 0) bits[i >> 3]! |= 1 << (i & 7);
        }
      }
      return makeColumn(type, n, bits, validity);
    }
    case 'text': return mergeText(n, pieces, validity);
    case 'binary': case 'array': case 'struct': case 'map': return mergeValues(type, n, pieces);
    default: break;
  }
  // fixed width: copy 32-bit words (stride 1 for 32-bit, 2 for 64-bit, 4 for 128-bit types)
  const stride = type.kind === 'interval' || (type.kind === 'decimal' && !isNarrowDecimal(type)) ? 4
    : type.kind === 'int64' || type.kind === 'timestamp' || type.kind === 'timestamptz' || type.kind === 'time' || type.kind === 'float64' || type.kind === 'decimal' ? 2
      : type.kind === 'int16' ? 0 : 1;
  if (stride === 0) {
    const out = new Int16Array(n);
    for (const p of pieces) {
      if (p.data === null) continue;
      const src = p.data.values as Int16Array;
      for (let k = 0; k < p.rows.length; k++) { const i = p.rows[k]!; out[i] = src[i]!; }
    }
    return makeColumn(type, n, out, validity);
  }
  const buffer = new ArrayBuffer(n * stride * 4);
  const out = new Int32Array(buffer);
  for (const p of pieces) {
    if (p.data === null) continue;
    const src = words32(p.data);
    const rows = p.rows;
    for (let k = 0; k < rows.length; k++) {
      const o = rows[k]! * stride;
      for (let w = 0; w < stride; w++) out[o + w] = src[o + w]!;
    }
  }
  const ctor = type.kind === 'float32' ? Float32Array : type.kind === 'float64' || type.kind === 'decimal' && isNarrowDecimal(type) ? Float64Array
    : type.kind === 'int64' || type.kind === 'timestamp' || type.kind === 'timestamptz' || type.kind === 'time' ? BigInt64Array
      : type.kind === 'decimal' ? Uint32Array : Int32Array;
  return makeColumn(type, n, new ctor(buffer), validity);
}

function mergeText(n: number, pieces: readonly MergePiece[], validity: Uint8Array): arrow.Data {
  const lengths = new Int32Array(n);
  for (const p of pieces) {
    if (p.data === null) continue;
    const off = p.data.valueOffsets as Int32Array;
    for (let k = 0; k < p.rows.length; k++) { const i = p.rows[k]!; lengths[i] = off[i + 1]! - off[i]!; }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + lengths[i]!;
  const bytes = new Uint8Array(offsets[n]!);
  for (const p of pieces) {
    if (p.data === null) continue;
    const off = p.data.valueOffsets as Int32Array;
    const src = p.data.values as Uint8Array;
    for (let k = 0; k < p.rows.length; k++) {
      const i = p.rows[k]!;
      copyBytes(bytes, offsets[i]!, src, off[i]!, off[i + 1]!);
    }
  }
  return makeTextColumn(n, offsets, bytes, validity);
}

/** Variable-width and nested types (binary, arrays, structs, maps): value by value (rare in CASE/COALESCE). */
function mergeValues(type: DataType, n: number, pieces: readonly MergePiece[]): arrow.Data {
  const values = new Array<LiteralValue>(n).fill(null);
  for (const p of pieces) {
    if (p.data === null) continue;
    for (let k = 0; k < p.rows.length; k++) { const i = p.rows[k]!; values[i] = readValue(p.data, type, i); }
  }
  return columnFromValues(type, values);
}
