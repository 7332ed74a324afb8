/**
 * Growable column buffers of one shuffle output partition. A map task's rows are gathered
 * straight into them (no per-batch, per-partition arrays: with 200 partitions a batch of 8K
 * rows gives each partition ~40 rows, and allocating arrays that small dominated the time),
 * and a flush hands them out as one batch whose columns view the buffers.
 *
 *   column buffer:  validity bits │ values (fixed width: 16/32-bit words, stride per value)
 *                                 │ or offsets + UTF-8 bytes (text) │ or bits (boolean)
 *
 * Buffers double when full. At a flush they are either kept for the next fill (`clear(true)`:
 * fresh memory costs a page fault per 4 KB on first touch — ~10 ms per MB on the benchmark's
 * VM, more than gathering the rows — so a map task that flushes a partition many times reuses
 * the pages it already touched) or dropped (the next fill allocates the size the last one
 * reached). Memory held stays within about twice the bytes accounted (`byteLength`) plus the
 * kept buffers, which the writer bounds.
 */
import * as arrow from 'apache-arrow';
import { Batch } from '../../core/index.ts';
import { validityOf } from '../kernels/take.ts';

/** `a` with room for `needed` elements: at least doubled, and at least `hint` (the size reached before the last flush). */
function grow<A extends Uint8Array | Int32Array | Int16Array>(a: A, needed: number, hint: number): A {
  if (needed <= a.length) return a;
  const next = new (a.constructor as new (n: number) => A)(Math.max(needed, a.length * 2, hint, 64));
  next.set(a);
  return next;
}

/** Bytes per value of a fixed-width type (0 for variable-width and null). */
function fixedWidth(type: arrow.DataType): number {
  switch (type.typeId) {
    case arrow.Type.Int: return (type as arrow.Int).bitWidth >> 3;
    case arrow.Type.Float: return (type as arrow.Float).precision === arrow.Precision.SINGLE ? 4 : (type as arrow.Float).precision === arrow.Precision.HALF ? 2 : 8;
    case arrow.Type.Decimal: return (type as arrow.Decimal).bitWidth >> 3;
    case arrow.Type.Date: return (type as arrow.Date_).unit === arrow.DateUnit.DAY ? 4 : 8;
    case arrow.Type.Timestamp: return 8;
    case arrow.Type.Time: return (type as arrow.Time).bitWidth >> 3;
    case arrow.Type.Interval: {
      const unit = (type as arrow.Interval).unit;
      return unit === arrow.IntervalUnit.MONTH_DAY_NANO ? 16 : unit === arrow.IntervalUnit.DAY_TIME ? 8 : 4;
    }
    default: return 0;
  }
}

const KIND = { nul: 0, bool: 1, text: 2, words32: 3, words16: 4 } as const;
type Kind = (typeof KIND)[keyof typeof KIND];

class ColumnBuffer {
  readonly type: arrow.DataType;
  private readonly kind: Kind;
  /** 32-bit (or 16-bit) words per value for fixed-width kinds. */
  private readonly stride: number;
  private validity = new Uint8Array(0);
  private nulls = 0;
  private words32 = new Int32Array(0);
  private words16 = new Int16Array(0);
  private bits = new Uint8Array(0);
  private offsets = new Int32Array(1);
  private bytes = new Uint8Array(0);
  private byteCount = 0;
  /** Rows and text bytes held at the last `clear`: the next fill starts at that size instead of doubling up to it. */
  private rowHint = 0;
  private byteHint = 0;

  constructor(type: arrow.DataType) {
    this.type = type;
    const width = fixedWidth(type);
    if (type.typeId === arrow.Type.Null) { this.kind = KIND.nul; this.stride = 0; }
    else if (type.typeId === arrow.Type.Bool) { this.kind = KIND.bool; this.stride = 0; }
    else if (type.typeId === arrow.Type.Utf8 || type.typeId === arrow.Type.Binary) { this.kind = KIND.text; this.stride = 0; }
    else if (width % 4 === 0 && width > 0) { this.kind = KIND.words32; this.stride = width >> 2; }
    else if (width === 2) { this.kind = KIND.words16; this.stride = 1; }
    else throw new Error(`shuffle cannot buffer Arrow type ${String(type)}`);
  }

  /** Appends physical rows idx[start..end) of `data` at row `at` (the buffer's current length). */
  append(data: arrow.Data, idx: Int32Array, start: number, end: number, at: number): void {
    const count = end - start;
    if (this.kind === KIND.nul) { this.nulls += count; return; }
    const total = at + count;
    this.validity = grow(this.validity, (total + 7) >> 3, (this.rowHint + 7) >> 3);
    const out = this.validity;
    const valid = validityOf(data);
    if (valid === null) {
      for (let i = 0; i < count; i++) { const b = at + i; out[b >> 3]! |= 1 << (b & 7); }
    } else {
      for (let i = 0; i < count; i++) {
        const r = idx[start + i]!, b = at + i;
        if (((valid[r >> 3]! >> (r & 7)) & 1) === 1) out[b >> 3]! |= 1 << (b & 7);
        else this.nulls++;
      }
    }
    switch (this.kind) {
      case KIND.bool: {
        this.bits = grow(this.bits, (total + 7) >> 3, (this.rowHint + 7) >> 3);
        const dst = this.bits, src = data.values as Uint8Array;
        for (let i = 0; i < count; i++) {
          const r = idx[start + i]!, b = at + i;
          if (((src[r >> 3]! >> (r & 7)) & 1) === 1) dst[b >> 3]! |= 1 << (b & 7);
        }
        return;
      }
      case KIND.text: {
        const offs = data.valueOffsets as Int32Array, src = data.values as Uint8Array;
        let need = 0;
        for (let i = start; i < end; i++) { const r = idx[i]!; need += offs[r + 1]! - offs[r]!; }
        this.offsets = grow(this.offsets, total + 1, this.rowHint + 1);
        this.bytes = grow(this.bytes, this.byteCount + need, this.byteHint);
        const o = this.offsets, dst = this.bytes;
        let pos = this.byteCount;
        for (let i = 0; i < count; i++) {
          const r = idx[start + i]!;
          const s = offs[r]!, e = offs[r + 1]!;
          if (e - s > 32) dst.set(src.subarray(s, e), pos);
          else for (let k = s, p = pos; k < e; k++, p++) dst[p] = src[k]!;
          pos += e - s;
          o[at + i + 1] = pos;
        }
        this.byteCount = pos;
        return;
      }
      case KIND.words16: {
        this.words16 = grow(this.words16, total, this.rowHint);
        const dst = this.words16, src = data.values as Int16Array;
        for (let i = 0; i < count; i++) dst[at + i] = src[idx[start + i]!]!;
        return;
      }
      default: {
        const s = this.stride;
        this.words32 = grow(this.words32, total * s, this.rowHint * s);
        const dst = this.words32;
        const v = data.values as ArrayBufferView;
        const src = new Int32Array(v.buffer, v.byteOffset, data.length * s);
        if (s === 1) for (let i = 0; i < count; i++) dst[at + i] = src[idx[start + i]!]!;
        else if (s === 2) {
          for (let i = 0; i < count; i++) { const r = idx[start + i]! * 2, w = (at + i) * 2; dst[w] = src[r]!; dst[w + 1] = src[r + 1]!; }
        } else {
          for (let i = 0; i < count; i++) {
            const r = idx[start + i]! * s, w = (at + i) * s;
            for (let k = 0; k < s; k++) dst[w + k] = src[r + k]!;
          }
        }
      }
    }
  }

  /** Bytes of `rows` buffered values. */
  byteLength(rows: number): number {
    if (rows === 0) return 0;
    const bitmap = (rows + 7) >> 3;
    switch (this.kind) {
      case KIND.nul: return 0;
      case KIND.bool: return 2 * bitmap;
      case KIND.text: return bitmap + 4 * (rows + 1) + this.byteCount;
      case KIND.words16: return bitmap + 2 * rows;
      default: return bitmap + 4 * this.stride * rows;
    }
  }

  /** The buffered `rows` as a column (views of the buffers, valid until `clear`). */
  toData(rows: number): arrow.Data {
    const type = this.type;
    if (this.kind === KIND.nul) return arrow.makeData({ type: type as arrow.Null, length: rows, nullCount: rows });
    const nullCount = this.nulls;
    const nullBitmap = nullCount > 0 ? this.validity.subarray(0, (rows + 7) >> 3) : null;
    const props: Record<string, unknown> = { type, length: rows, nullCount, nullBitmap };
    switch (this.kind) {
      case KIND.bool: props['data'] = this.bits.subarray(0, (rows + 7) >> 3); break;
      case KIND.text: props['valueOffsets'] = this.offsets.subarray(0, rows + 1); props['data'] = this.bytes.subarray(0, this.byteCount); break;
      case KIND.words16: props['data'] = this.words16.subarray(0, rows); break;
      default: {
        const w = this.words32;
        // Re-viewed by makeData as the type's own array (BigInt64Array, Float64Array, …).
        props['data'] = new Uint8Array(w.buffer, w.byteOffset, rows * this.stride * 4);
      }
    }
    return arrow.makeData(props as unknown as { type: arrow.Int; length: number; data: Int32Array });
  }

  /**
   * Forgets the `rows` buffered. `keep`: the buffers stay for the next fill (bitmaps zeroed, as
   * appends only set bits); otherwise they are released and the next fill starts at this size.
   */
  clear(rows: number, keep = false): void {
    this.rowHint = rows;
    this.byteHint = this.byteCount;
    if (keep) {
      const bitmap = (rows + 7) >> 3;
      this.validity.fill(0, 0, bitmap);
      this.bits.fill(0, 0, bitmap);
      this.nulls = 0;
      this.byteCount = 0;
      return;
    }
    this.validity = new Uint8Array(0);
    this.nulls = 0;
    this.words32 = new Int32Array(0);
    this.words16 = new Int16Array(0);
    this.bits = new Uint8Array(0);
    this.offsets = new Int32Array(1);
    this.bytes = new Uint8Array(0);
    this.byteCount = 0;
  }
}

/** Buffered rows of one output partition. */
export class PartitionBuffer {
  rows = 0;
  private readonly columns: ColumnBuffer[];

  constructor(types: readonly arrow.DataType[]) {
    this.columns = types.map((t) => new ColumnBuffer(t));
  }

  /** Appends physical rows idx[start..end) of `batch`'s columns. */
  append(batch: Batch, idx: Int32Array, start: number, end: number): void {
    if (end <= start) return;
    for (let c = 0; c < this.columns.length; c++) this.columns[c]!.append(batch.column(c), idx, start, end, this.rows);
    this.rows += end - start;
  }

  /** Bytes buffered (values, offsets and validity). */
  byteLength(): number {
    let n = 0;
    for (const c of this.columns) n += c.byteLength(this.rows);
    return n;
  }

  /** The buffered rows as a batch; its columns view the buffers, so use it before `clear`. */
  toBatch(): Batch {
    return new Batch(this.columns.map((c) => c.toData(this.rows)), this.rows, null);
  }

  /** Forgets the buffered rows; `keep`: their buffers stay allocated for the next rows, else they are released. */
  clear(keep = false): void {
    for (const c of this.columns) c.clear(this.rows, keep);
    this.rows = 0;
  }
}
