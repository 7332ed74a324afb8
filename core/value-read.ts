/**
 * Single-value access to Arrow columns in the core/literal.ts representation:
 * `readValue` (results, constant folding, tests) and `columnFromValues`
 * (tests, VALUES lists, broadcasting constants). Not for hot loops.
 */
import * as arrow from 'apache-arrow';
import { type DataType, isNarrowDecimal } from './data-type.ts';
import { toArrowType } from './arrow-type.ts';
import { type Interval, type LiteralValue, MapValue, StructValue } from './literal.ts';

/** True when physical row `index` of `data` is not NULL. */
export function isValidAt(data: arrow.Data, index: number): boolean {
  if (data.typeId === arrow.Type.Null) return false;
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0) return true;
  const i = data.offset + index;
  return (bitmap[i >> 3]! & (1 << (i & 7))) !== 0;
}

const TWO_32 = 4294967296;

/** Reads a Decimal128 value (4 little-endian 32-bit words, two's complement) as a BigInt. */
export function readDecimal128(words: Uint32Array, index: number): bigint {
  const o = index * 4;
  const w0 = words[o]!, w1 = words[o + 1]!, w2 = words[o + 2]!, w3 = words[o + 3]!;
  // values within ±2^53 (nearly all of them) convert with one BigInt(number)
  if (w3 === 0 && w2 === 0 && w1 < 0x200000) return BigInt(w1 * TWO_32 + w0);
  if (w3 === 0xffffffff && w2 === 0xffffffff && w1 >= 0xffe00000) return BigInt((w1 - TWO_32) * TWO_32 + w0);
  const v = (BigInt(w3) << 96n) | (BigInt(w2) << 64n) | (BigInt(w1) << 32n) | BigInt(w0);
  return v >= (1n << 127n) ? v - (1n << 128n) : v;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Writes a BigInt into Decimal128 words at `index`. */
export function writeDecimal128(words: Uint32Array, index: number, value: bigint): void {
  const o = index * 4;
  if (value <= SAFE && value >= -SAFE) {
    const n = Number(value);
    const hi = Math.floor(n / TWO_32);
    words[o] = n - hi * TWO_32;
    words[o + 1] = hi >>> 0;
    const ext = n < 0 ? 0xffffffff : 0;
    words[o + 2] = ext;
    words[o + 3] = ext;
    return;
  }
  let v = value < 0n ? value + (1n << 128n) : value;
  for (let k = 0; k < 4; k++) { words[o + k] = Number(v & 0xffffffffn); v >>= 32n; }
}

/** Approximate value of a Decimal128 (as a double, from its words; for filtering before exact checks). */
export function approxDecimal128(words: Uint32Array, index: number): number {
  const o = index * 4;
  const w3 = words[o + 3]! | 0;
  return ((w3 * TWO_32 + words[o + 2]!) * TWO_32 + words[o + 1]!) * TWO_32 + words[o]!;
}

/** One physical row of `data` (logical `type`) as a LiteralValue; NULL → null. */
export function readValue(data: arrow.Data, type: DataType, index: number): LiteralValue {
  if (!isValidAt(data, index)) return null;
  // Arrow slices value and offset buffers but not validity or boolean bits (those keep `offset`).
  const i = index;
  const values = data.values as ArrayLike<number | bigint> & { buffer: ArrayBufferLike };
  switch (type.kind) {
    case 'null': return null;
    case 'boolean': {
      const b = data.offset + index;
      return ((data.values as Uint8Array)[b >> 3]! & (1 << (b & 7))) !== 0;
    }
    case 'int16': case 'int32': case 'float32': case 'float64': case 'date':
      return values[i] as number;
    case 'int64': case 'timestamp': case 'timestamptz': case 'time':
      return values[i] as bigint;
    case 'decimal':
      return isNarrowDecimal(type) ? (values[i] as number) : readDecimal128(data.values as Uint32Array, i);
    case 'text': {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      return textDecoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
    }
    case 'interval': {
      const w = data.values as Int32Array;
      const o = i * 4;
      const nanos = BigInt(w[o + 2]! >>> 0) | (BigInt(w[o + 3]!) << 32n);
      return { months: w[o]!, days: w[o + 1]!, micros: Number(nanos / 1000n) };
    }
    case 'binary': {
      const offsets = data.valueOffsets as Int32Array;
      return (data.values as Uint8Array).slice(offsets[i]!, offsets[i + 1]!);
    }
    case 'array': {
      // list children are not sliced with their parent: offsets index the whole child
      const offsets = data.valueOffsets as Int32Array;
      const child = data.children[0]!;
      const out: LiteralValue[] = [];
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) out.push(readValue(child, type.element, k));
      return out;
    }
    case 'struct':
      // struct children are sliced with their parent: the same index
      return new StructValue(type.fields.map((f, k) => readValue(data.children[k]!, f.type, i)));
    case 'map': {
      const offsets = data.valueOffsets as Int32Array;
      const entries = data.children[0]!;
      const keys: LiteralValue[] = [];
      const vals: LiteralValue[] = [];
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        keys.push(readValue(entries.children[0]!, type.key, k));
        vals.push(readValue(entries.children[1]!, type.value, k));
      }
      return new MapValue(keys, vals);
    }
  }
}

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

/** Builds a column of `type` from JS values (null → NULL). */
export function columnFromValues(type: DataType, values: readonly LiteralValue[]): arrow.Data {
  const n = values.length;
  const arrowType = toArrowType(type);
  if (type.kind === 'null') return arrow.makeData({ type: arrowType as arrow.Null, length: n });
  let nullCount = 0;
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  const nullBitmap = nullCount > 0 ? bitmap : undefined;
  const make = (props: Record<string, unknown>): arrow.Data =>
    arrow.makeData({ type: arrowType, length: n, nullCount, nullBitmap, ...props } as unknown as { type: arrow.Int });
  switch (type.kind) {
    case 'boolean': {
      const data = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
      return make({ data });
    }
    case 'int16': return make({ data: Int16Array.from(values, (v) => Number(v ?? 0)) });
    case 'int32': case 'date': return make({ data: Int32Array.from(values, (v) => Number(v ?? 0)) });
    case 'float32': return make({ data: Float32Array.from(values, (v) => Number(v ?? 0)) });
    case 'float64': return make({ data: Float64Array.from(values, (v) => Number(v ?? 0)) });
    case 'int64': case 'timestamp': case 'timestamptz': case 'time':
      return make({ data: BigInt64Array.from(values, (v) => BigInt((v ?? 0) as number | bigint)) });
    case 'decimal': {
      if (isNarrowDecimal(type)) return make({ data: Float64Array.from(values, (v) => Number(v ?? 0)) });
      const words = new Uint32Array(n * 4);
      for (let i = 0; i < n; i++) if (values[i] !== null) writeDecimal128(words, i, BigInt(values[i] as number | bigint));
      return make({ data: words });
    }
    case 'text': {
      const parts = values.map((v) => (v === null ? new Uint8Array(0) : textEncoder.encode(String(v))));
      const offsets = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + parts[i]!.length;
      const data = new Uint8Array(offsets[n]!);
      for (let i = 0; i < n; i++) data.set(parts[i]!, offsets[i]!);
      return make({ valueOffsets: offsets, data });
    }
    case 'interval': {
      const w = new Int32Array(n * 4);
      for (let i = 0; i < n; i++) {
        const v = values[i] as Interval | null;
        if (v === null) continue;
        const nanos = BigInt(v.micros) * 1000n;
        w[i * 4] = v.months;
        w[i * 4 + 1] = v.days;
        w[i * 4 + 2] = Number(BigInt.asIntN(32, nanos));
        w[i * 4 + 3] = Number(BigInt.asIntN(32, nanos >> 32n));
      }
      return make({ data: w });
    }
    case 'binary': {
      const parts = values.map((v) => (v instanceof Uint8Array ? v : v === null ? new Uint8Array(0) : textEncoder.encode(String(v))));
      const offsets = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + parts[i]!.length;
      const data = new Uint8Array(offsets[n]!);
      for (let i = 0; i < n; i++) data.set(parts[i]!, offsets[i]!);
      return make({ valueOffsets: offsets, data });
    }
    case 'array': {
      const offsets = new Int32Array(n + 1);
      const flat: LiteralValue[] = [];
      for (let i = 0; i < n; i++) {
        const v = values[i] as readonly LiteralValue[] | null;
        if (v !== null) for (const x of v) flat.push(x);
        offsets[i + 1] = flat.length;
      }
      return make({ valueOffsets: offsets, child: columnFromValues(type.element, flat) });
    }
    case 'struct': {
      const children = type.fields.map((f, k) =>
        columnFromValues(f.type, values.map((v) => (v === null ? null : (v as StructValue).values[k] ?? null))));
      return make({ children });
    }
    case 'map': {
      const offsets = new Int32Array(n + 1);
      const keys: LiteralValue[] = [];
      const vals: LiteralValue[] = [];
      for (let i = 0; i < n; i++) {
        const v = values[i] as MapValue | null;
        if (v !== null) for (let k = 0; k < v.keys.length; k++) { keys.push(v.keys[k]!); vals.push(v.values[k] ?? null); }
        offsets[i + 1] = keys.length;
      }
      const entriesType = (arrowType as arrow.Map_).children[0]!.type as arrow.Struct;
      const child = arrow.makeData({
        type: entriesType, length: keys.length, nullCount: 0,
        children: [columnFromValues(type.key, keys), columnFromValues(type.value, vals)],
      });
      return make({ valueOffsets: offsets, child });
    }
  }
}
