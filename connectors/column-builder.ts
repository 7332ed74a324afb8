/**
 * Column builders that parse field bytes directly into the typed arrays of
 * Loch's physical layout (core/data-type.ts) and hand out Arrow `Data` with
 * `makeData`. One builder per output column; `reset` after `finish` reuses
 * the builder for the next batch (buffers of a finished batch are not reused,
 * since the batch still owns them).
 *
 * `append` returns false when the bytes are not a value of the column's type,
 * so the reader can raise 22P02 with the file, line and column name.
 */
import * as arrow from 'apache-arrow';
import { type DataType, LochError, SqlState, isNarrowDecimal, toArrowType, typeName } from '../core/index.ts';
import {
  bytesToString, isNaNLiteral, parseBigIntBytes, parseFloatBytes, parseIntegerBytes, parseScaledDecimalBytes, scaledDecimalFromString,
} from './parse-bytes.ts';
import { parseBooleanBytes, parseDateBytes, parseTimestampBytes } from './parse-datetime-bytes.ts';

/** Field flag: the field was quoted in the source (never NULL, even when empty). */
export const FIELD_QUOTED = 1;
/** Field flag: the quoted field contains doubled quotes that must be collapsed. */
export const FIELD_ESCAPED = 2;

export interface ColumnBuilder {
  readonly type: DataType;
  readonly length: number;
  appendNull(): void;
  /** Parses `buf[start, end)`; false when it is not a valid value (nothing appended). */
  append(buf: Uint8Array, start: number, end: number, flags: number, quote: number): boolean;
  finish(): arrow.Data;
  reset(capacity: number): void;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const TWO32 = 4294967296;

/** Null bitmap handling shared by every builder (validity bit 1 = valid). */
abstract class BaseBuilder {
  readonly type: DataType;
  protected readonly arrowType: arrow.DataType;
  protected capacity: number;
  length = 0;
  protected nullCount = 0;
  protected validity: Uint8Array;

  constructor(type: DataType, capacity: number) {
    this.type = type;
    this.arrowType = toArrowType(type);
    this.capacity = capacity;
    this.validity = new Uint8Array((capacity + 7) >> 3).fill(255);
  }

  appendNull(): void {
    const i = this.length++;
    this.validity[i >> 3]! &= ~(1 << (i & 7));
    this.nullCount++;
    this.clearSlot(i);
  }

  protected abstract clearSlot(index: number): void;

  protected nullBitmap(): Uint8Array | undefined {
    return this.nullCount === 0 ? undefined : this.validity.subarray(0, (this.length + 7) >> 3);
  }

  reset(capacity: number): void {
    this.capacity = capacity;
    this.length = 0;
    this.nullCount = 0;
    this.validity = new Uint8Array((capacity + 7) >> 3).fill(255);
    this.allocate(capacity);
  }

  protected abstract allocate(capacity: number): void;
}

class Int32Builder extends BaseBuilder {
  private values!: Int32Array | Int16Array;
  private readonly min: number;
  private readonly max: number;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    const wide = type.kind === 'int32';
    this.min = wide ? -2147483648 : -32768;
    this.max = wide ? 2147483647 : 32767;
    this.allocate(capacity);
  }
  protected allocate(capacity: number): void {
    this.values = this.type.kind === 'int32' ? new Int32Array(capacity) : new Int16Array(capacity);
  }
  protected clearSlot(): void {}
  append(buf: Uint8Array, start: number, end: number): boolean {
    const v = parseIntegerBytes(buf, start, end);
    if (Number.isNaN(v)) return false;
    if (v < this.min || v > this.max) {
      throw new LochError(SqlState.numericValueOutOfRange,
        `value "${bytesToString(buf, start, end)}" is out of range for type ${typeName(this.type)}`);
    }
    this.values[this.length++] = v;
    return true;
  }
  finish(): arrow.Data {
    return arrow.makeData({ type: this.arrowType as arrow.Int32, length: this.length, nullCount: this.nullCount,
      nullBitmap: this.nullBitmap(), data: this.values.subarray(0, this.length) as Int32Array });
  }
}

/** int64 and timestamps: written as two Int32 words so the hot path stays BigInt-free. */
class Int64Builder extends BaseBuilder {
  private values!: BigInt64Array;
  private words!: Int32Array;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    this.allocate(capacity);
  }
  protected allocate(capacity: number): void {
    this.values = new BigInt64Array(capacity);
    this.words = new Int32Array(this.values.buffer);
  }
  protected clearSlot(i: number): void {
    this.words[2 * i] = 0;
    this.words[2 * i + 1] = 0;
  }
  private put(v: number): void {
    const hi = Math.floor(v / TWO32);
    const i = this.length++;
    this.words[2 * i] = (v - hi * TWO32) | 0;
    this.words[2 * i + 1] = hi | 0;
  }
  append(buf: Uint8Array, start: number, end: number): boolean {
    const k = this.type.kind;
    let v: number;
    if (k === 'int64') v = parseIntegerBytes(buf, start, end);
    else if (k === 'timestamp' || k === 'timestamptz') v = parseTimestampBytes(buf, start, end, k === 'timestamptz');
    else return false;
    if (Number.isNaN(v)) return false;
    if (v >= -SAFE && v <= SAFE) {
      this.put(v);
      return true;
    }
    if (k !== 'int64') {
      throw new LochError(SqlState.datetimeFieldOverflow, `timestamp out of range: "${bytesToString(buf, start, end)}"`);
    }
    const big = parseBigIntBytes(buf, start, end);
    if (big === null) return false;
    if (big !== BigInt.asIntN(64, big)) {
      throw new LochError(SqlState.numericValueOutOfRange,
        `value "${bytesToString(buf, start, end)}" is out of range for type bigint`);
    }
    this.values[this.length++] = big;
    return true;
  }
  finish(): arrow.Data {
    return arrow.makeData({ type: this.arrowType as arrow.Int64, length: this.length, nullCount: this.nullCount,
      nullBitmap: this.nullBitmap(), data: this.values.subarray(0, this.length) });
  }
}

/** float32/float64, narrow decimals (scaled integers) and dates (Int32 days). */
class NumberBuilder extends BaseBuilder {
  private values!: Float64Array | Float32Array | Int32Array;
  private readonly scale: number;
  private readonly limit: number;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    this.scale = type.kind === 'decimal' ? type.scale : 0;
    this.limit = type.kind === 'decimal' ? 10 ** type.precision : Infinity;
    this.allocate(capacity);
  }
  protected allocate(capacity: number): void {
    const k = this.type.kind;
    this.values = k === 'float32' ? new Float32Array(capacity) : k === 'date' ? new Int32Array(capacity) : new Float64Array(capacity);
  }
  protected clearSlot(): void {}
  append(buf: Uint8Array, start: number, end: number): boolean {
    const k = this.type.kind;
    let v: number;
    if (k === 'date') {
      v = parseDateBytes(buf, start, end);
      if (Number.isNaN(v)) return false;
    } else if (k === 'decimal') {
      v = parseScaledDecimalBytes(buf, start, end, this.scale);
      if (Number.isNaN(v)) return false;
      if (Math.abs(v) >= this.limit) {
        throw new LochError(SqlState.numericValueOutOfRange,
          `numeric field overflow: "${bytesToString(buf, start, end)}" does not fit ${typeName(this.type)}`);
      }
    } else {
      v = parseFloatBytes(buf, start, end);
      if (Number.isNaN(v) && !isNaNLiteral(buf, start, end)) return false;
    }
    this.values[this.length++] = v;
    return true;
  }
  finish(): arrow.Data {
    return arrow.makeData({ type: this.arrowType as arrow.Float64, length: this.length, nullCount: this.nullCount,
      nullBitmap: this.nullBitmap(), data: this.values.subarray(0, this.length) as Float64Array });
  }
}

/** Wide decimals: Decimal128, four little-endian 32-bit words per value (rare: BigInt is fine here). */
class WideDecimalBuilder extends BaseBuilder {
  private values!: Uint32Array;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    this.allocate(capacity);
  }
  protected allocate(capacity: number): void {
    this.values = new Uint32Array(capacity * 4);
  }
  protected clearSlot(): void {}
  append(buf: Uint8Array, start: number, end: number): boolean {
    const t = this.type;
    if (t.kind !== 'decimal') return false;
    const v = scaledDecimalFromString(bytesToString(buf, start, end), t.scale);
    if (v === null) return false;
    if ((v < 0n ? -v : v) >= 10n ** BigInt(t.precision)) {
      throw new LochError(SqlState.numericValueOutOfRange,
        `numeric field overflow: "${bytesToString(buf, start, end)}" does not fit ${typeName(t)}`);
    }
    let u = BigInt.asUintN(128, v);
    const at = this.length++ * 4;
    for (let w = 0; w < 4; w++) {
      this.values[at + w] = Number(u & 0xffffffffn);
      u >>= 32n;
    }
    return true;
  }
  finish(): arrow.Data {
    return arrow.makeData({ type: this.arrowType as arrow.Decimal, length: this.length, nullCount: this.nullCount,
      nullBitmap: this.nullBitmap(), data: this.values.subarray(0, this.length * 4) });
  }
}

class BooleanBuilder extends BaseBuilder {
  private values!: Uint8Array;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    this.allocate(capacity);
  }
  protected allocate(capacity: number): void {
    this.values = new Uint8Array((capacity + 7) >> 3);
  }
  protected clearSlot(): void {}
  append(buf: Uint8Array, start: number, end: number): boolean {
    const b = parseBooleanBytes(buf, start, end);
    if (b < 0) return false;
    const i = this.length++;
    if (b === 1) this.values[i >> 3]! |= 1 << (i & 7);
    return true;
  }
  finish(): arrow.Data {
    return arrow.makeData({ type: this.arrowType as arrow.Bool, length: this.length, nullCount: this.nullCount,
      nullBitmap: this.nullBitmap(), data: this.values.subarray(0, (this.length + 7) >> 3) });
  }
}

/** Text: Int32 offsets + UTF-8 bytes copied from the source (doubled quotes collapsed). */
class TextBuilder extends BaseBuilder {
  private offsets!: Int32Array;
  private bytes!: Uint8Array;
  private used = 0;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    this.allocate(capacity);
  }
  protected allocate(capacity: number): void {
    this.offsets = new Int32Array(capacity + 1);
    // size the next batch's bytes from the last one (plus headroom) to avoid regrowth copies
    const guess = this.used > 0 ? this.used + (this.used >> 3) : capacity * 16;
    this.bytes = new Uint8Array(Math.max(1024, guess));
    this.used = 0;
  }
  protected clearSlot(i: number): void {
    this.offsets[i + 1] = this.used;
  }
  private ensure(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + extra));
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }
  append(buf: Uint8Array, start: number, end: number, flags: number, quote: number): boolean {
    const n = end - start;
    this.ensure(n);
    const out = this.bytes;
    let at = this.used;
    if ((flags & FIELD_ESCAPED) !== 0) {
      for (let i = start; i < end; i++) {
        const c = buf[i]!;
        out[at++] = c;
        if (c === quote) i++; // a doubled quote stands for one
      }
    } else if (n < 32) {
      for (let i = start; i < end; i++) out[at++] = buf[i]!;
    } else {
      out.set(buf.subarray(start, end), at);
      at += n;
    }
    this.used = at;
    this.offsets[++this.length] = at;
    return true;
  }
  /** Appends a JS string (JSON sources). */
  appendString(s: string): void {
    this.ensure(s.length * 3);
    const r = encoder.encodeInto(s, this.bytes.subarray(this.used));
    this.used += r.written;
    this.offsets[++this.length] = this.used;
  }
  finish(): arrow.Data {
    return arrow.makeData({ type: this.arrowType as arrow.Utf8, length: this.length, nullCount: this.nullCount,
      nullBitmap: this.nullBitmap(), valueOffsets: this.offsets.subarray(0, this.length + 1),
      data: this.bytes.subarray(0, this.used) });
  }
}

const encoder = new TextEncoder();

/** True when `b` is the text builder (JSON sources append strings to it directly). */
export function isTextBuilder(b: ColumnBuilder): b is ColumnBuilder & { appendString(s: string): void } {
  return b instanceof TextBuilder;
}

/** A builder for one column of `type`, sized for `capacity` rows. */
export function createColumnBuilder(type: DataType, capacity: number, columnName: string): ColumnBuilder {
  switch (type.kind) {
    case 'int16': case 'int32': return new Int32Builder(type, capacity);
    case 'int64': case 'timestamp': case 'timestamptz': return new Int64Builder(type, capacity);
    case 'float32': case 'float64': case 'date': return new NumberBuilder(type, capacity);
    case 'decimal': return isNarrowDecimal(type) ? new NumberBuilder(type, capacity) : new WideDecimalBuilder(type, capacity);
    case 'boolean': return new BooleanBuilder(type, capacity);
    case 'text': return new TextBuilder(type, capacity);
    default:
      throw new LochError(SqlState.featureNotSupported,
        `column "${columnName}" has type ${typeName(type)}, which text file sources cannot read yet`);
  }
}
