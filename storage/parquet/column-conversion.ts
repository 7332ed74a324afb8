/**
 * Decoded Arrow columns in WebAssembly memory (`FfiArray`) → Loch's layout
 * (core/data-type.ts) in JS memory, offset 0.
 *
 * Each buffer is copied once in bulk, never value by value, except where the
 * layouts differ and a conversion loop is the copy: Decimal128 → Float64 scaled
 * integers, ms/ns → µs timestamps, narrower integers. Nothing may keep a view on
 * `memory`: the next WebAssembly allocation may grow (detach) or reuse it.
 *
 * Output buffers come from an allocator: fresh arrays by default, or an arena in the
 * shared memory the worker's column cache will keep (decoded-column-arena.ts), so a
 * cached column is written once instead of decoded into fresh memory and copied again.
 */
import * as arrow from 'apache-arrow';
import { type DataType, LochError, SqlState, isNarrowDecimal, toArrowType } from '../../core/index.ts';
import type { FfiArray } from './ffi-array.ts';

/** A typed-array class of the layouts produced here. */
export type OutputArrayCtor<A> = (new (length: number) => A) & (new (buffer: ArrayBufferLike, byteOffset: number, length: number) => A) & { readonly BYTES_PER_ELEMENT: number };

/** Where converted buffers are allocated: an array of `length` elements of `Ctor` whose old contents (a reused buffer) the caller overwrites. */
export type ColumnAlloc = <A>(Ctor: OutputArrayCtor<A>, length: number) => A;

const freshAlloc: ColumnAlloc = (Ctor, length) => new Ctor(length);

/** A copy of `src` in memory from `alloc`. */
function copy<A extends { set(src: ArrayLike<number> | ArrayLike<bigint>): void }>(alloc: ColumnAlloc, Ctor: OutputArrayCtor<A>, src: ArrayLike<number> | ArrayLike<bigint>): A {
  const out = alloc(Ctor, src.length);
  out.set(src);
  return out;
}

/** A JS-memory copy of column `a` (Arrow type `st`) in the layout of Loch type `type`. */
export function toLochData(a: FfiArray, st: arrow.DataType, type: DataType, columnName: string, alloc: ColumnAlloc = freshAlloc): arrow.Data {
  const n = a.length;
  const nullCount = a.buffers[0] ? a.nullCount : 0;
  const nullBitmap = nullCount > 0 ? copyBits(alloc, a.memory, a.buffers[0]!, a.offset, n) : undefined;
  const target = toArrowType(type);
  const made = (data: ArrayBufferView, valueOffsets?: Int32Array): arrow.Data =>
    arrow.makeData({ type: target, length: n, nullCount, nullBitmap, data, valueOffsets } as unknown as Parameters<typeof arrow.makeData>[0]) as arrow.Data;
  const values = a.buffers[1] ?? 0;
  switch (type.kind) {
    case 'boolean':
      if (st.typeId === arrow.Type.Bool) return made(copyBits(alloc, a.memory, values, a.offset, n));
      break;
    case 'int16':
      if (isInt(st, 16, true)) return made(copy(alloc, Int16Array, new Int16Array(a.memory, values + 2 * a.offset, n)));
      if (isInt(st, 8, true)) return made(copy(alloc, Int16Array, new Int8Array(a.memory, values + a.offset, n)));
      break;
    case 'int32':
      if (isInt(st, 32, true)) return made(copy(alloc, Int32Array, new Int32Array(a.memory, values + 4 * a.offset, n)));
      if (isInt(st, 16, true)) return made(copy(alloc, Int32Array, new Int16Array(a.memory, values + 2 * a.offset, n)));
      if (isInt(st, 16, false)) return made(copy(alloc, Int32Array, new Uint16Array(a.memory, values + 2 * a.offset, n)));
      if (isInt(st, 8, true)) return made(copy(alloc, Int32Array, new Int8Array(a.memory, values + a.offset, n)));
      if (isInt(st, 8, false)) return made(copy(alloc, Int32Array, new Uint8Array(a.memory, values + a.offset, n)));
      break;
    case 'int64':
      if (isInt(st, 64, true) || isInt(st, 64, false)) return made(copy(alloc, BigInt64Array, new BigInt64Array(a.memory, values + 8 * a.offset, n)));
      if (isInt(st, 32, false)) {
        const src = new Uint32Array(a.memory, values + 4 * a.offset, n);
        const out = alloc(BigInt64Array, n);
        for (let i = 0; i < n; i++) out[i] = BigInt(src[i]!);
        return made(out);
      }
      if (isInt(st, 32, true)) {
        const src = new Int32Array(a.memory, values + 4 * a.offset, n);
        const out = alloc(BigInt64Array, n);
        for (let i = 0; i < n; i++) out[i] = BigInt(src[i]!);
        return made(out);
      }
      break;
    case 'float32':
      if (isFloat(st, arrow.Precision.SINGLE)) return made(copy(alloc, Float32Array, new Float32Array(a.memory, values + 4 * a.offset, n)));
      break;
    case 'float64':
      if (isFloat(st, arrow.Precision.DOUBLE)) return made(copy(alloc, Float64Array, new Float64Array(a.memory, values + 8 * a.offset, n)));
      if (isFloat(st, arrow.Precision.SINGLE)) return made(copy(alloc, Float64Array, new Float32Array(a.memory, values + 4 * a.offset, n)));
      break;
    case 'date':
      if (st.typeId === arrow.Type.Date && (st as arrow.Date_).unit === arrow.DateUnit.DAY) {
        return made(copy(alloc, Int32Array, new Int32Array(a.memory, values + 4 * a.offset, n)));
      }
      if (st.typeId === arrow.Type.Date) {
        const src = new BigInt64Array(a.memory, values + 8 * a.offset, n);
        const out = alloc(Int32Array, n);
        for (let i = 0; i < n; i++) out[i] = Math.floor(Number(src[i]!) / 86_400_000);
        return made(out);
      }
      break;
    case 'decimal':
      if (st.typeId === arrow.Type.Decimal && (st as arrow.Decimal).bitWidth === 128) {
        const words = new Uint32Array(a.memory, values + 16 * a.offset, 4 * n);
        return made(isNarrowDecimal(type) ? decimal128ToScaled(alloc, words, n) : copy(alloc, Uint32Array, words));
      }
      // Unscaled INT32/INT64 (row-group-file.ts strips the DECIMAL annotation): the integer is the scaled value.
      if (isNarrowDecimal(type) && isInt(st, 32, true)) return made(copy(alloc, Float64Array, new Int32Array(a.memory, values + 4 * a.offset, n)));
      if (isNarrowDecimal(type) && isInt(st, 64, true)) return made(int64ToFloat64(alloc, new Int32Array(a.memory, values + 8 * a.offset, 2 * n), n));
      // Already scaled integers: a narrow decimal written as DOUBLE with a loch.type tag.
      if (isNarrowDecimal(type) && isFloat(st, arrow.Precision.DOUBLE)) {
        return made(copy(alloc, Float64Array, new Float64Array(a.memory, values + 8 * a.offset, n)));
      }
      break;
    case 'timestamp':
    case 'timestamptz':
      if (st.typeId === arrow.Type.Timestamp) {
        return made(timestampMicros(alloc, new BigInt64Array(a.memory, values + 8 * a.offset, n), (st as arrow.Timestamp).unit));
      }
      break;
    case 'time':
      if (st.typeId === arrow.Type.Time) {
        const unit = (st as arrow.Time).unit;
        if ((st as arrow.Time).bitWidth === 32) {
          const src = new Int32Array(a.memory, values + 4 * a.offset, n);
          const scale = unit === arrow.TimeUnit.SECOND ? 1_000_000n : 1000n;
          const out = alloc(BigInt64Array, n);
          for (let i = 0; i < n; i++) out[i] = BigInt(src[i]!) * scale;
          return made(out);
        }
        return made(timestampMicros(alloc, new BigInt64Array(a.memory, values + 8 * a.offset, n), unit));
      }
      break;
    case 'interval':
      // written as 16 bytes a value (write-conversion.ts); a null may have been stored empty
      if (st.typeId === arrow.Type.Binary || st.typeId === arrow.Type.Utf8) {
        const offs = new Int32Array(a.memory, values + 4 * a.offset, n + 1);
        const src = new Uint8Array(a.memory, a.buffers[2]!, offs[n]!);
        const words = alloc(Int32Array, 4 * n);
        const out = new Uint8Array(words.buffer, words.byteOffset, 16 * n);
        out.fill(0);
        for (let i = 0; i < n; i++) {
          const s = offs[i]!;
          if (offs[i + 1]! - s === 16) out.set(src.subarray(s, s + 16), 16 * i);
        }
        return made(words);
      }
      break;
    case 'text':
      if (st.typeId === arrow.Type.Utf8 || st.typeId === arrow.Type.Binary) {
        const offs = new Int32Array(a.memory, values + 4 * a.offset, n + 1);
        const start = offs[0]!, end = offs[n]!;
        const outOffsets = copy(alloc, Int32Array, offs);
        if (start !== 0) for (let i = 0; i <= n; i++) outOffsets[i]! -= start;
        return made(copy(alloc, Uint8Array, new Uint8Array(a.memory, a.buffers[2]! + start, end - start)), outOffsets);
      }
      if (st.typeId === arrow.Type.LargeUtf8 || st.typeId === arrow.Type.LargeBinary) {
        const offs = new BigInt64Array(a.memory, values + 8 * a.offset, n + 1);
        const start = Number(offs[0]!), end = Number(offs[n]!);
        if (end - start > 0x7fffffff) break;
        const outOffsets = alloc(Int32Array, n + 1);
        for (let i = 0; i <= n; i++) outOffsets[i] = Number(offs[i]!) - start;
        return made(copy(alloc, Uint8Array, new Uint8Array(a.memory, a.buffers[2]! + start, end - start)), outOffsets);
      }
      break;
    default:
      break;
  }
  throw new LochError(SqlState.featureNotSupported, `column "${columnName}": cannot read Arrow ${String(st)} as ${type.kind}`);
}

function isInt(t: arrow.DataType, bits: number, signed: boolean): boolean {
  return t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === bits && (t as arrow.Int).isSigned === signed;
}

function isFloat(t: arrow.DataType, precision: arrow.Precision): boolean {
  return t.typeId === arrow.Type.Float && (t as arrow.Float).precision === precision;
}

/** Copies `length` bits starting at bit `offset` of the bitmap at `ptr` into a fresh bitmap starting at bit 0. */
function copyBits(alloc: ColumnAlloc, memory: ArrayBuffer, ptr: number, offset: number, length: number): Uint8Array {
  const bytes = (length + 7) >> 3;
  if ((offset & 7) === 0) return copy(alloc, Uint8Array, new Uint8Array(memory, ptr + (offset >> 3), bytes));
  const src = new Uint8Array(memory, ptr, ((offset + length + 7) >> 3));
  const out = alloc(Uint8Array, bytes);
  out.fill(0);
  for (let i = 0; i < length; i++) {
    const j = offset + i;
    if ((src[j >> 3]! >> (j & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}

const TWO_32 = 4294967296;

/** Decimal128 words → Float64 scaled integers (exact below 2^53, the narrow-decimal contract). */
function decimal128ToScaled(alloc: ColumnAlloc, words: Uint32Array, n: number): Float64Array {
  const out = alloc(Float64Array, n);
  const signed = new Int32Array(words.buffer, words.byteOffset, words.length);
  for (let i = 0; i < n; i++) out[i] = signed[4 * i + 1]! * TWO_32 + words[4 * i]!;
  return out;
}

/** Int64 values (as little-endian Int32 pairs) → Float64, exact below 2^53, without BigInt. */
function int64ToFloat64(alloc: ColumnAlloc, pairs: Int32Array, n: number): Float64Array {
  const out = alloc(Float64Array, n);
  for (let i = 0, j = 0; i < n; i++, j += 2) out[i] = pairs[j + 1]! * TWO_32 + (pairs[j]! >>> 0);
  return out;
}

/** Any timestamp unit → µs since the epoch (floor division for ns). */
function timestampMicros(alloc: ColumnAlloc, v: BigInt64Array, unit: arrow.TimeUnit): BigInt64Array {
  if (unit === arrow.TimeUnit.MICROSECOND) return copy(alloc, BigInt64Array, v);
  const n = v.length;
  const out = alloc(BigInt64Array, n);
  if (unit === arrow.TimeUnit.MILLISECOND) for (let i = 0; i < n; i++) out[i] = v[i]! * 1000n;
  else if (unit === arrow.TimeUnit.SECOND) for (let i = 0; i < n; i++) out[i] = v[i]! * 1_000_000n;
  else {
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      const q = x / 1000n;
      out[i] = x < 0n && q * 1000n !== x ? q - 1n : q;
    }
  }
  return out;
}
