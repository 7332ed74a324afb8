/**
 * Vectorized hashing of key columns (murmur3-style 32-bit mixing with Math.imul).
 *
 * One pass per key column over the selected rows, mixing into `out[i]`, then a
 * final avalanche. Hashes are defined on *values*, not layouts, wherever two
 * layouts can hold equal keys:
 *   - int16 / int32 / int64 / date / timestamp hash the 64-bit value as (lo, hi)
 *     words, so a join key int32 = int64 finds its match;
 *   - float32 / float64 / narrow decimals hash the float64 bits with -0 → 0 and
 *     one canonical NaN (PostgreSQL groups NaNs together);
 *   - text hashes its UTF-8 bytes; NULL hashes to a constant.
 * The group key stores (worker/operators/key-store.ts) compare with the same rules.
 */
import { nestedKeyText, nestedRowReader } from './nested-values.ts';
import * as arrow from 'apache-arrow';
import { validityOf } from './take.ts';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const NULL_WORD = 0x7f4a7c15;
const SEED = 0x9747b28c;

function mixWord(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's 32-bit finalizer: a bijection that spreads every input bit over the output. */
export function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const f64 = new Float64Array(1);
const f64Words = new Int32Array(f64.buffer);

/** Hash of one float64 value's normalized bits, mixed into h. */
function mixFloat(h: number, v: number): number {
  if (v === 0) v = 0; // -0 → +0
  else if (v !== v) v = NaN;
  f64[0] = v;
  return mixWord(mixWord(h, f64Words[0]!), f64Words[1]!);
}

/** Mixes column `data` at rows (physical indexes, or 0..count-1) into `out`. */
function mixColumn(data: arrow.Data, rows: Int32Array | null, count: number, out: Uint32Array): void {
  const valid = validityOf(data);
  const type = data.type;
  const values = data.values as ArrayBufferView;
  const nullRow = (r: number): boolean => valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0;
  switch (type.typeId) {
    case arrow.Type.Null:
      for (let i = 0; i < count; i++) out[i] = mixWord(out[i]!, NULL_WORD);
      return;
    case arrow.Type.Bool: {
      const bits = values as Uint8Array;
      for (let i = 0; i < count; i++) {
        const r = rows ? rows[i]! : i;
        out[i] = nullRow(r) ? mixWord(out[i]!, NULL_WORD) : mixWord(mixWord(out[i]!, (bits[r >> 3]! >> (r & 7)) & 1), 0);
      }
      return;
    }
    case arrow.Type.Float: {
      const v = values as Float64Array | Float32Array;
      for (let i = 0; i < count; i++) {
        const r = rows ? rows[i]! : i;
        out[i] = nullRow(r) ? mixWord(out[i]!, NULL_WORD) : mixFloat(out[i]!, v[r]!);
      }
      return;
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const offs = data.valueOffsets as Int32Array;
      const bytes = values as Uint8Array;
      for (let i = 0; i < count; i++) {
        const r = rows ? rows[i]! : i;
        if (nullRow(r)) { out[i] = mixWord(out[i]!, NULL_WORD); continue; }
        let h = out[i]!;
        const s = offs[r]!, e = offs[r + 1]!;
        let k = s;
        for (; k + 4 <= e; k += 4) h = mixWord(h, bytes[k]! | (bytes[k + 1]! << 8) | (bytes[k + 2]! << 16) | (bytes[k + 3]! << 24));
        let tail = 0;
        for (let sh = 0; k < e; k++, sh += 8) tail |= bytes[k]! << sh;
        out[i] = mixWord(h ^ (e - s), tail);
      }
      return;
    }
    case arrow.Type.List:
    case arrow.Type.Struct:
    case arrow.Type.Map: {
      // nested keys: hash a canonical text of each value (nested-values.ts)
      const reader = nestedRowReader(type);
      for (let i = 0; i < count; i++) {
        const r = rows ? rows[i]! : i;
        if (nullRow(r)) { out[i] = mixWord(out[i]!, NULL_WORD); continue; }
        const s = nestedKeyText(reader.read(data, r));
        let h = out[i]!;
        for (let k = 0; k < s.length; k++) h = mixWord(h, s.charCodeAt(k));
        out[i] = mixWord(h, s.length);
      }
      return;
    }
    default: {
      if (type.typeId === arrow.Type.Int || type.typeId === arrow.Type.Date || type.typeId === arrow.Type.Timestamp || type.typeId === arrow.Type.Time) {
        const wide = type.typeId === arrow.Type.Timestamp || (type.typeId === arrow.Type.Time && (type as arrow.Time).bitWidth === 64) || (type.typeId === arrow.Type.Int && (type as arrow.Int).bitWidth === 64)
          || (type.typeId === arrow.Type.Date && (type as arrow.Date_).unit !== arrow.DateUnit.DAY);
        if (wide) {
          const w = new Int32Array(values.buffer, values.byteOffset, data.length * 2);
          for (let i = 0; i < count; i++) {
            const r = rows ? rows[i]! : i;
            out[i] = nullRow(r) ? mixWord(out[i]!, NULL_WORD) : mixWord(mixWord(out[i]!, w[2 * r]!), w[2 * r + 1]!);
          }
        } else {
          const v = values as Int32Array | Int16Array;
          for (let i = 0; i < count; i++) {
            const r = rows ? rows[i]! : i;
            const x = v[r]!;
            out[i] = nullRow(r) ? mixWord(out[i]!, NULL_WORD) : mixWord(mixWord(out[i]!, x), x >> 31);
          }
        }
        return;
      }
      if (type.typeId === arrow.Type.Interval && (type as arrow.Interval).unit === arrow.IntervalUnit.MONTH_DAY_NANO) {
        // intervals hash by their span (1 mon = 30 days = 720 hours), as PostgreSQL compares them
        const w = new Int32Array(values.buffer, values.byteOffset, data.length * 4);
        for (let i = 0; i < count; i++) {
          const r = rows ? rows[i]! : i;
          if (nullRow(r)) { out[i] = mixWord(out[i]!, NULL_WORD); continue; }
          SPAN[0] = intervalSpan(w, r);
          out[i] = mixWord(mixWord(out[i]!, SPAN_WORDS[0]!), SPAN_WORDS[1]!);
        }
        return;
      }
      // Decimal128: raw 32-bit words.
      const stride = type.typeId === arrow.Type.Decimal ? (type as arrow.Decimal).bitWidth >> 5 : 4;
      const w = new Int32Array(values.buffer, values.byteOffset, data.length * stride);
      for (let i = 0; i < count; i++) {
        const r = rows ? rows[i]! : i;
        if (nullRow(r)) { out[i] = mixWord(out[i]!, NULL_WORD); continue; }
        let h = out[i]!;
        for (let k = 0; k < stride; k++) h = mixWord(h, w[r * stride + k]!);
        out[i] = h;
      }
    }
  }
}

/** The hash `hashColumns` gives one integer key of (lo, hi) words (GroupTable rebuilding its slots). */
export function hashIntWords(lo: number, hi: number): number {
  return avalanche(mixWord(mixWord(SEED, lo), hi));
}

/**
 * Hashes the key columns at `rows[0..count)` (physical row indexes; null means
 * rows 0..count-1) into `out[0..count)`. Allocates `out` when not given.
 */
export function hashColumns(columns: readonly arrow.Data[], rows: Int32Array | null, count: number, out?: Uint32Array): Uint32Array {
  const h = out && out.length >= count ? out : new Uint32Array(count);
  h.fill(SEED, 0, count);
  for (const c of columns) mixColumn(c, rows, count, h);
  for (let i = 0; i < count; i++) h[i] = avalanche(h[i]!);
  return h;
}

/**
 * Marks in `out[i]` (1/0) whether any key column is NULL at row `rows[i]`;
 * returns the number of such rows. Join keys with a NULL never match.
 */
export function anyNull(columns: readonly arrow.Data[], rows: Int32Array | null, count: number, out: Uint8Array): number {
  out.fill(0, 0, count);
  let n = 0;
  for (const c of columns) {
    if (c.typeId === arrow.Type.Null) { out.fill(1, 0, count); return count; }
    const valid = validityOf(c);
    if (valid === null) continue;
    for (let i = 0; i < count; i++) {
      const r = rows ? rows[i]! : i;
      if (((valid[r >> 3]! >> (r & 7)) & 1) === 0 && out[i] === 0) { out[i] = 1; n++; }
    }
  }
  return n;
}

const SPAN = new Float64Array(1);
const SPAN_WORDS = new Int32Array(SPAN.buffer);

/** An interval's length in µs with PostgreSQL's 30-day months (its words: months, days, nanos lo, nanos hi). */
export function intervalSpan(w: Int32Array, r: number): number {
  const nanos = (w[4 * r + 3]! * 4294967296 + (w[4 * r + 2]! >>> 0));
  return (w[4 * r]! * 30 + w[4 * r + 1]!) * 86_400_000_000 + nanos / 1000 + 0;
}
