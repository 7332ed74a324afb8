/**
 * Growable columnar storage of distinct group keys, one store per key column,
 * indexed by group id. A hash table (group-table.ts) `bind`s the current
 * batch's key column, asks `equals(group, row)` on hash hits and `append(row)`
 * for new groups; `build()` returns the keys as one Arrow column.
 *
 * Layouts (compatible with the hashing rules of worker/kernels/hash.ts):
 *   ints, dates, timestamps → (lo, hi) Int32 word pairs, so an int32 probe
 *                             compares equal to an int64 stored key;
 *   floats, narrow decimals → Float64Array (-0 = 0, NaN = NaN);
 *   Decimal128, intervals   → 4 Int32 words; text → UTF-8 bytes + offsets.
 * NULL equals NULL here (GROUP BY, DISTINCT, set operations); joins drop rows
 * with NULL keys before they reach the table.
 */
import * as arrow from 'apache-arrow';
import { validityOf } from '../kernels/take.ts';
import { intervalSpan } from '../kernels/hash.ts';
import { nestedKeyText, nestedRowReader } from '../kernels/nested-values.ts';
import { type LiteralValue, columnFromValues } from '../../core/index.ts';

/** Key storage for one column. */
export interface KeyStore {
  readonly size: number;
  /** Sets the input column that `equals` and `append` read. */
  bind(data: arrow.Data): void;
  /** True when stored group `group` equals bound row `row` (NULL = NULL). */
  equals(group: number, row: number): boolean;
  /** Appends bound row `row` as the next group. */
  append(row: number): void;
  /** All stored keys as one column. */
  build(): arrow.Data;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let n = Math.max(16, a.length * 2);
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

abstract class BaseStore implements KeyStore {
  size = 0;
  protected nulls = new Uint8Array(16);
  protected hasNull = false;
  protected valid: Uint8Array | null = null;
  protected readonly type: arrow.DataType;

  constructor(type: arrow.DataType) { this.type = type; }

  bind(data: arrow.Data): void {
    this.valid = validityOf(data);
    this.bindValues(data);
  }

  protected rowIsNull(row: number): boolean {
    const v = this.valid;
    return v !== null && ((v[row >> 3]! >> (row & 7)) & 1) === 0;
  }

  equals(group: number, row: number): boolean {
    const rn = this.rowIsNull(row);
    if (rn || this.nulls[group] === 1) return rn && this.nulls[group] === 1;
    return this.valueEquals(group, row);
  }

  append(row: number): void {
    const g = this.size++;
    this.nulls = grow(this.nulls, this.size);
    if (this.rowIsNull(row)) { this.nulls[g] = 1; this.hasNull = true; this.appendNull(g); }
    else this.appendValue(g, row);
  }

  protected validity(): { nullCount: number; nullBitmap: Uint8Array | null } {
    if (!this.hasNull) return { nullCount: 0, nullBitmap: null };
    const bm = new Uint8Array((this.size + 7) >> 3);
    let n = 0;
    for (let g = 0; g < this.size; g++) {
      if (this.nulls[g] === 1) n++;
      else bm[g >> 3]! |= 1 << (g & 7);
    }
    return { nullCount: n, nullBitmap: bm };
  }

  protected abstract bindValues(data: arrow.Data): void;
  protected abstract valueEquals(group: number, row: number): boolean;
  protected abstract appendValue(group: number, row: number): void;
  protected abstract appendNull(group: number): void;
  abstract build(): arrow.Data;
}

/** int16/int32/int64/date/timestamp keys as (lo, hi) words. */
export class IntStore extends BaseStore {
  private words = new Int32Array(32);
  private inWide: Int32Array = new Int32Array(0);
  private inNarrow: Int32Array | Int16Array = new Int32Array(0);
  private wide = false;

  protected bindValues(data: arrow.Data): void {
    const v = data.values as ArrayBufferView;
    const t = data.type;
    this.wide = t.typeId === arrow.Type.Timestamp || t.typeId === arrow.Type.Time || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 64);
    if (this.wide) this.inWide = new Int32Array(v.buffer, v.byteOffset, data.length * 2);
    else this.inNarrow = v as Int32Array | Int16Array;
  }

  protected valueEquals(g: number, row: number): boolean {
    const w = this.words;
    if (this.wide) return w[2 * g] === this.inWide[2 * row] && w[2 * g + 1] === this.inWide[2 * row + 1];
    const x = this.inNarrow[row]!;
    return w[2 * g] === x && w[2 * g + 1] === x >> 31;
  }

  protected appendValue(g: number, row: number): void {
    this.words = grow(this.words, 2 * this.size);
    if (this.wide) { this.words[2 * g] = this.inWide[2 * row]!; this.words[2 * g + 1] = this.inWide[2 * row + 1]!; }
    else { const x = this.inNarrow[row]!; this.words[2 * g] = x; this.words[2 * g + 1] = x >> 31; }
  }

  protected appendNull(g: number): void {
    this.words = grow(this.words, 2 * this.size);
    this.words[2 * g] = 0; this.words[2 * g + 1] = 0;
  }

  /** Makes room for `groups` groups at once (a join build knows its row count): no regrowth copies. */
  reserve(groups: number): void {
    this.words = grow(this.words, 2 * groups);
    this.nulls = grow(this.nulls, groups);
  }

  /** Stored (lo, hi) words per group (fast path of GroupTable; re-read after appending). */
  get wordArray(): Int32Array { return this.words; }

  /** 1 where the stored key is NULL (re-read after appending). */
  get nullFlags(): Uint8Array { return this.nulls; }

  /** Appends a key given as words (fast path of GroupTable). */
  appendWords(lo: number, hi: number, isNull: boolean): void {
    const g = this.size++;
    this.nulls = grow(this.nulls, this.size);
    this.words = grow(this.words, 2 * this.size);
    if (isNull) { this.nulls[g] = 1; this.hasNull = true; lo = 0; hi = 0; }
    this.words[2 * g] = lo;
    this.words[2 * g + 1] = hi;
  }

  build(): arrow.Data {
    const n = this.size, t = this.type;
    const wide = t.typeId === arrow.Type.Timestamp || t.typeId === arrow.Type.Time || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 64);
    let data: ArrayBufferView;
    if (wide) { const b = new BigInt64Array(n); new Int32Array(b.buffer).set(this.words.subarray(0, 2 * n)); data = b; }
    else {
      const out = t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 16 ? new Int16Array(n) : new Int32Array(n);
      for (let g = 0; g < n; g++) out[g] = this.words[2 * g]!;
      data = out;
    }
    return arrow.makeData({ type: t, length: n, data, ...this.validity() } as never);
  }
}

/** float32/float64/narrow decimal keys. */
class FloatStore extends BaseStore {
  private values = new Float64Array(16);
  private input: Float64Array | Float32Array = new Float64Array(0);

  protected bindValues(data: arrow.Data): void { this.input = data.values as Float64Array | Float32Array; }

  protected valueEquals(g: number, row: number): boolean {
    const a = this.values[g]!, b = this.input[row]!;
    return a === b || (a !== a && b !== b);
  }

  protected appendValue(g: number, row: number): void { this.values = grow(this.values, this.size); this.values[g] = this.input[row]!; }
  protected appendNull(g: number): void { this.values = grow(this.values, this.size); this.values[g] = 0; }

  build(): arrow.Data {
    const n = this.size;
    const single = (this.type as arrow.Float).precision === arrow.Precision.SINGLE;
    const data = single ? Float32Array.from(this.values.subarray(0, n)) : this.values.slice(0, n);
    return arrow.makeData({ type: this.type, length: n, data, ...this.validity() } as never);
  }
}

/** Decimal128 / interval keys: 4 words each. */
class WordStore extends BaseStore {
  private words = new Int32Array(64);
  private input: Int32Array = new Int32Array(0);

  protected bindValues(data: arrow.Data): void {
    const v = data.values as ArrayBufferView;
    this.input = new Int32Array(v.buffer, v.byteOffset, data.length * 4);
  }

  protected valueEquals(g: number, row: number): boolean {
    const w = this.words, x = this.input;
    // intervals are equal when their spans are (1 mon = 30 days), as PostgreSQL's interval_eq
    if (this.type.typeId === arrow.Type.Interval) return intervalSpan(w, g) === intervalSpan(x, row);
    return w[4 * g] === x[4 * row] && w[4 * g + 1] === x[4 * row + 1] && w[4 * g + 2] === x[4 * row + 2] && w[4 * g + 3] === x[4 * row + 3];
  }

  protected appendValue(g: number, row: number): void {
    this.words = grow(this.words, 4 * this.size);
    for (let k = 0; k < 4; k++) this.words[4 * g + k] = this.input[4 * row + k]!;
  }

  protected appendNull(g: number): void {
    this.words = grow(this.words, 4 * this.size);
    this.words.fill(0, 4 * g, 4 * g + 4);
  }

  build(): arrow.Data {
    const n = this.size;
    const data = this.type.typeId === arrow.Type.Decimal ? new Uint32Array(4 * n) : new Int32Array(4 * n);
    new Int32Array(data.buffer).set(this.words.subarray(0, 4 * n));
    return arrow.makeData({ type: this.type, length: n, data, ...this.validity() } as never);
  }
}

/** Text keys: UTF-8 bytes + offsets. */
class TextStore extends BaseStore {
  private bytes = new Uint8Array(256);
  private offsets = new Int32Array(17);
  private inBytes: Uint8Array = new Uint8Array(0);
  private inOffsets: Int32Array = new Int32Array(1);

  protected bindValues(data: arrow.Data): void {
    this.inBytes = data.values as Uint8Array;
    this.inOffsets = data.valueOffsets as Int32Array;
  }

  protected valueEquals(g: number, row: number): boolean {
    const s = this.offsets[g]!, e = this.offsets[g + 1]!;
    const rs = this.inOffsets[row]!, re = this.inOffsets[row + 1]!;
    if (e - s !== re - rs) return false;
    const a = this.bytes, b = this.inBytes;
    for (let k = 0; k < e - s; k++) if (a[s + k] !== b[rs + k]) return false;
    return true;
  }

  protected appendValue(g: number, row: number): void {
    const rs = this.inOffsets[row]!, re = this.inOffsets[row + 1]!;
    const start = this.offsets[g]!;
    this.bytes = grow(this.bytes, start + re - rs);
    this.bytes.set(this.inBytes.subarray(rs, re), start);
    this.offsets = grow(this.offsets, this.size + 1);
    this.offsets[g + 1] = start + re - rs;
  }

  protected appendNull(g: number): void {
    this.offsets = grow(this.offsets, this.size + 1);
    this.offsets[g + 1] = this.offsets[g]!;
  }

  build(): arrow.Data {
    const n = this.size;
    const end = this.offsets[n]!;
    return arrow.makeData({ type: this.type, length: n, valueOffsets: this.offsets.slice(0, n + 1), data: this.bytes.slice(0, end), ...this.validity() } as never);
  }
}

/** Boolean keys. */
class BoolStore extends BaseStore {
  private values = new Uint8Array(16);
  private input: Uint8Array = new Uint8Array(0);

  protected bindValues(data: arrow.Data): void { this.input = data.values as Uint8Array; }
  private bit(row: number): number { return (this.input[row >> 3]! >> (row & 7)) & 1; }
  protected valueEquals(g: number, row: number): boolean { return this.values[g] === this.bit(row); }
  protected appendValue(g: number, row: number): void { this.values = grow(this.values, this.size); this.values[g] = this.bit(row); }
  protected appendNull(g: number): void { this.values = grow(this.values, this.size); this.values[g] = 0; }

  build(): arrow.Data {
    const n = this.size;
    const bits = new Uint8Array((n + 7) >> 3);
    for (let g = 0; g < n; g++) if (this.values[g] === 1) bits[g >> 3]! |= 1 << (g & 7);
    return arrow.makeData({ type: this.type, length: n, data: bits, ...this.validity() } as never);
  }
}

/** The NULL type: every key is NULL. */
class NullStore implements KeyStore {
  size = 0;
  private readonly type: arrow.DataType;
  constructor(type: arrow.DataType) { this.type = type; }
  bind(): void {}
  equals(): boolean { return true; }
  append(): void { this.size++; }
  build(): arrow.Data { return arrow.makeData({ type: this.type as arrow.Null, length: this.size, nullCount: this.size }); }
}

/** Nested keys (issue 6): stored as values, compared by their canonical key text (nested-values.ts). */
class NestedStore implements KeyStore {
  size = 0;
  private readonly type: arrow.DataType;
  private readonly reader: ReturnType<typeof nestedRowReader>;
  private readonly values: LiteralValue[] = [];
  private readonly keys: (string | null)[] = [];
  private input: arrow.Data | null = null;
  constructor(type: arrow.DataType) { this.type = type; this.reader = nestedRowReader(type); }
  bind(data: arrow.Data): void { this.input = data; }
  private key(row: number): string | null {
    const v = this.reader.read(this.input!, row);
    return v === null ? null : nestedKeyText(v);
  }
  equals(group: number, row: number): boolean { return this.keys[group] === this.key(row); }
  append(row: number): void {
    const v = this.reader.read(this.input!, row);
    this.values.push(v);
    this.keys.push(v === null ? null : nestedKeyText(v));
    this.size++;
  }
  build(): arrow.Data {
    const built = columnFromValues(this.reader.type, this.values);
    // keep the stored Arrow type (field names, metadata) of the input
    return built.clone(this.type as never);
  }
}

/** A key store for columns of Arrow type `type` (the stored/output type). */
export function createKeyStore(type: arrow.DataType): KeyStore {
  switch (type.typeId) {
    case arrow.Type.Null: return new NullStore(type);
    case arrow.Type.Bool: return new BoolStore(type);
    case arrow.Type.Int: case arrow.Type.Date: case arrow.Type.Timestamp: case arrow.Type.Time: return new IntStore(type);
    case arrow.Type.Float: return new FloatStore(type);
    case arrow.Type.Decimal: case arrow.Type.Interval: return new WordStore(type);
    case arrow.Type.Utf8: case arrow.Type.Binary: return new TextStore(type);
    case arrow.Type.List: case arrow.Type.Struct: case arrow.Type.Map: return new NestedStore(type);
    default: throw new Error(`no key store for Arrow type ${String(type)}`);
  }
}
