/**
 * A generic Thrift compact-protocol decoder/encoder over raw structs
 * (`{ field_1: …, field_4: … }`), enough to re-write Parquet footers.
 *
 * Values: i32 → number, i64 → bigint, binary → Uint8Array, bool → boolean,
 * list → array, struct → ThriftStruct; byte, i16 and double keep their wire
 * type in a `ThriftTyped` wrapper (e.g. LogicalType INTEGER's bitWidth is a
 * byte), so decode → encode reproduces what the reader expects.
 */

/** A byte, i16 or double value, wrapped so it is re-encoded with its own wire type. */
export class ThriftTyped {
  readonly wire: number;
  readonly value: number;
  constructor(wire: number, value: number) {
    this.wire = wire;
    this.value = value;
  }
}

/** A decoded struct: field id → value. */
export type ThriftStruct = { [field: `field_${number}`]: ThriftValue };
/** Any decoded Thrift value. */
export type ThriftValue = number | bigint | boolean | Uint8Array | ThriftTyped | ThriftValue[] | ThriftStruct;

const STOP = 0, TRUE = 1, FALSE = 2, BYTE = 3, I16 = 4, I32 = 5, I64 = 6, DOUBLE = 7, BINARY = 8, LIST = 9, SET = 10, STRUCT = 12;

interface Cursor { bytes: Uint8Array; view: DataView; pos: number }

/** Decodes the struct at the start of `bytes`; throws Error on malformed input (never loops forever). */
export function decodeThrift(bytes: Uint8Array): { value: ThriftStruct; length: number } {
  const c: Cursor = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), pos: 0 };
  const value = readStruct(c, 0);
  return { value, length: c.pos };
}

function byte(c: Cursor): number {
  if (c.pos >= c.bytes.length) throw new Error('thrift data ends unexpectedly');
  return c.bytes[c.pos++]!;
}

function varint(c: Cursor): number {
  let result = 0, mul = 1;
  for (let i = 0; i < 10; i++) {
    const b = byte(c);
    result += (b & 0x7f) * mul;
    if (!(b & 0x80)) return result;
    mul *= 128;
  }
  throw new Error('thrift varint too long');
}

function varbig(c: Cursor): bigint {
  let result = 0n, shift = 0n;
  for (let i = 0; i < 10; i++) {
    const b = byte(c);
    result |= BigInt(b & 0x7f) << shift;
    if (!(b & 0x80)) return result;
    shift += 7n;
  }
  throw new Error('thrift varint too long');
}

function zigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

function readStruct(c: Cursor, depth: number): ThriftStruct {
  if (depth > 32) throw new Error('thrift nesting too deep');
  const out: ThriftStruct = {};
  let fid = 0;
  for (;;) {
    const b = byte(c);
    const type = b & 0x0f;
    if (type === STOP) return out;
    const delta = b >> 4;
    fid = delta ? fid + delta : zigzag(varint(c));
    out[`field_${fid}`] = readValue(c, type, depth);
  }
}

function readValue(c: Cursor, type: number, depth: number): ThriftValue {
  switch (type) {
    case TRUE: return true;
    case FALSE: return false;
    case BYTE: return new ThriftTyped(BYTE, (byte(c) << 24) >> 24);
    case I16: return new ThriftTyped(I16, zigzag(varint(c)));
    case I32: return zigzag(varint(c));
    case I64: { const z = varbig(c); return (z >> 1n) ^ -(z & 1n); }
    case DOUBLE: {
      if (c.pos + 8 > c.bytes.length) throw new Error('thrift data ends unexpectedly');
      const v = c.view.getFloat64(c.pos, true);
      c.pos += 8;
      return new ThriftTyped(DOUBLE, v);
    }
    case BINARY: {
      const n = varint(c);
      if (c.pos + n > c.bytes.length) throw new Error(`thrift binary of ${n} bytes exceeds the data`);
      const v = c.bytes.subarray(c.pos, c.pos + n);
      c.pos += n;
      return v;
    }
    case LIST:
    case SET: {
      const h = byte(c);
      const elem = h & 0x0f;
      const n = (h >> 4) === 15 ? varint(c) : h >> 4;
      if (n > c.bytes.length - c.pos) throw new Error(`thrift list of ${n} elements exceeds the data`);
      const out: ThriftValue[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = elem === TRUE || elem === FALSE ? byte(c) === 1 : readValue(c, elem, depth + 1);
      return out;
    }
    case STRUCT: return readStruct(c, depth + 1);
    default: throw new Error(`thrift type ${type} is not supported`);
  }
}

/** Encodes a raw struct (fields written in ascending id order). */
export function encodeThrift(value: ThriftStruct): Uint8Array {
  const out: number[] = [];
  writeStruct(out, value);
  return Uint8Array.from(out);
}

function typeOf(v: ThriftValue): number {
  if (typeof v === 'boolean') return v ? TRUE : FALSE;
  if (typeof v === 'number') return I32;
  if (typeof v === 'bigint') return I64;
  if (v instanceof Uint8Array) return BINARY;
  if (v instanceof ThriftTyped) return v.wire;
  if (Array.isArray(v)) return LIST;
  return STRUCT;
}

function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) { out.push((n % 128) | 0x80); n = Math.floor(n / 128); }
  out.push(n);
}

function writeVarbig(out: number[], n: bigint): void {
  while (n >= 0x80n) { out.push(Number(n & 0x7fn) | 0x80); n >>= 7n; }
  out.push(Number(n));
}

function writeStruct(out: number[], s: ThriftStruct): void {
  const ids = Object.keys(s).map((k) => Number(k.slice(6))).sort((a, b) => a - b);
  let last = 0;
  for (const id of ids) {
    const v = s[`field_${id}`];
    if (v === undefined) continue;
    const t = typeOf(v);
    const delta = id - last;
    if (delta > 0 && delta <= 15) out.push((delta << 4) | t);
    else { out.push(t); writeVarint(out, id >= 0 ? id * 2 : -id * 2 - 1); }
    last = id;
    if (t !== TRUE && t !== FALSE) writeValue(out, v, t);
  }
  out.push(STOP);
}

function writeValue(out: number[], v: ThriftValue, t: number): void {
  switch (t) {
    case I32: { const n = v as number; writeVarint(out, n >= 0 ? n * 2 : -n * 2 - 1); return; }
    case I16: { const n = (v as ThriftTyped).value; writeVarint(out, n >= 0 ? n * 2 : -n * 2 - 1); return; }
    case BYTE: out.push((v as ThriftTyped).value & 0xff); return;
    case DOUBLE: {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, (v as ThriftTyped).value, true);
      for (let i = 0; i < 8; i++) out.push(b[i]!);
      return;
    }
    case I64: { const n = v as bigint; writeVarbig(out, n >= 0n ? n << 1n : ((-n) << 1n) - 1n); return; }
    case BINARY: { const b = v as Uint8Array; writeVarint(out, b.length); for (let i = 0; i < b.length; i++) out.push(b[i]!); return; }
    case LIST: {
      const list = v as ThriftValue[];
      const elem = list.length === 0 ? I32 : typeOf(list[0]!);
      const wire = elem === TRUE || elem === FALSE ? TRUE : elem;
      if (list.length < 15) out.push((list.length << 4) | wire);
      else { out.push(0xf0 | wire); writeVarint(out, list.length); }
      for (const item of list) {
        if (wire === TRUE) out.push(item ? 1 : 2);
        else writeValue(out, item, elem);
      }
      return;
    }
    case STRUCT: writeStruct(out, v as ThriftStruct); return;
    default: throw new Error(`cannot encode thrift type ${t}`);
  }
}
