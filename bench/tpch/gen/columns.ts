/**
 * Column builders for generated batches: typed arrays filled row by row and
 * wrapped as Arrow `Data` in Loch's physical layouts (core/data-type.ts).
 *
 *   int32 / date      Int32Array (dates: days since 1970-01-01)
 *   decimal(15,2)     Float64Array of scaled integers (12.34 is stored as 1234)
 *   text              Int32 offsets + UTF-8 bytes (all TPC-H text is ASCII)
 */
import * as arrow from 'apache-arrow';

/** Wraps the first `length` values as an Int32 column. */
export function int32Column(values: Int32Array, length: number): arrow.Data {
  return arrow.makeData({ type: new arrow.Int32(), length, nullCount: 0, data: values.subarray(0, length) });
}

/** Wraps the first `length` day numbers as a DateDay column. */
export function dateColumn(values: Int32Array, length: number): arrow.Data {
  return arrow.makeData({ type: new arrow.DateDay(), length, nullCount: 0, data: values.subarray(0, length) });
}

/** Wraps the first `length` scaled integers as a narrow decimal (Float64) column. */
export function decimalColumn(values: Float64Array, length: number): arrow.Data {
  return arrow.makeData({ type: new arrow.Float64(), length, nullCount: 0, data: values.subarray(0, length) });
}

/** Builds one Utf8 column; values are appended whole or byte by byte then closed. */
export class TextColumnBuilder {
  private readonly offsets: Int32Array;
  private bytes: Uint8Array;
  private rows = 0;
  private pos = 0;

  /** `maxRows` is a hard capacity; `bytesPerRow` only sizes the first buffer. */
  constructor(maxRows: number, bytesPerRow: number) {
    this.offsets = new Int32Array(maxRows + 1);
    this.bytes = new Uint8Array(Math.max(64, maxRows * bytesPerRow));
  }

  /** Number of values appended. */
  get length(): number {
    return this.rows;
  }

  /** Makes room for `extra` more bytes. */
  reserve(extra: number): void {
    if (this.pos + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + extra));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
  }

  /** Appends `src[start, start + length)` as one value. */
  appendSlice(src: Uint8Array, start: number, length: number): void {
    this.reserve(length);
    const bytes = this.bytes;
    let p = this.pos;
    if (length > 48) {
      bytes.set(src.subarray(start, start + length), p);
      p += length;
    } else {
      for (let i = 0; i < length; i++) bytes[p++] = src[start + i] as number;
    }
    this.pos = p;
    this.offsets[++this.rows] = p;
  }

  /** Appends a whole byte string as one value. */
  appendBytes(src: Uint8Array): void {
    this.appendSlice(src, 0, src.length);
  }

  /** Appends a one-byte value (flags such as l_returnflag). */
  appendByte(b: number): void {
    this.reserve(1);
    this.bytes[this.pos++] = b;
    this.offsets[++this.rows] = this.pos;
  }

  /** Appends bytes to the value being built; call `reserve` first and `endValue` after. */
  put(b: number): void {
    this.bytes[this.pos++] = b;
  }

  /** Appends `prefix` then `n` zero-padded to `width` digits to the value being built. */
  putPadded(prefix: Uint8Array, n: number, width: number): void {
    this.reserve(prefix.length + width + 10);
    const bytes = this.bytes;
    let p = this.pos;
    for (let i = 0; i < prefix.length; i++) bytes[p++] = prefix[i] as number;
    let digits = 1;
    for (let v = n; v >= 10; v = Math.floor(v / 10)) digits++;
    for (let i = digits; i < width; i++) bytes[p++] = 48;
    let end = p + digits;
    for (let v = n; end > p; v = Math.floor(v / 10)) bytes[--end] = 48 + (v % 10);
    this.pos = p + digits;
  }

  /** The buffer and byte range of the last closed value, for in-place edits. */
  lastValue(): { bytes: Uint8Array; start: number; end: number } {
    return { bytes: this.bytes, start: this.offsets[this.rows - 1] as number, end: this.offsets[this.rows] as number };
  }

  /** Closes the value being built. */
  endValue(): void {
    this.offsets[++this.rows] = this.pos;
  }

  /** The finished column. Trims the byte buffer when it is mostly empty. */
  finish(): arrow.Data {
    const used = this.pos;
    const data = used * 4 < this.bytes.length * 3 ? this.bytes.slice(0, used) : this.bytes.subarray(0, used);
    return arrow.makeData({
      type: new arrow.Utf8(),
      length: this.rows,
      nullCount: 0,
      valueOffsets: this.offsets.subarray(0, this.rows + 1),
      data,
    });
  }
}
