/**
 * Decoding deletion vector bitmaps (PROTOCOL.md "Deletion Vector Format").
 *
 *   RoaringBitmapArray ("portable" 64-bit format), little-endian:
 *     u64 bucket count
 *     per bucket: u32 high 32 bits (key) | a 32-bit RoaringBitmap in the portable
 *                 serialization (RoaringFormatSpec)
 *
 *   32-bit RoaringBitmap:
 *     u32 cookie: 12346 → u32 container count, no run containers
 *                 12347 | (count-1) << 16 → run-container bitset follows
 *     per container: u16 key, u16 cardinality-1
 *     [u32 offset per container]   (always for 12346; for 12347 when count ≥ 4)
 *     containers: run (u16 runs, then (start, length-1) pairs) | bitset (1024 u64,
 *                 when cardinality > 4096) | array (cardinality sorted u16)
 *
 * Output: the deleted row indexes as a sorted Float64Array (row indexes are
 * physical positions in the data file and may exceed 2^32 in theory).
 */
import { LochError, SqlState } from '../../core/index.ts';

const NO_RUN_COOKIE = 12346;
const RUN_COOKIE = 12347;

/** Decodes a portable RoaringBitmapArray starting at `offset` of `bytes`; `where` names the source in errors. */
export function decodeRoaringBitmapArray(bytes: Uint8Array, offset: number, where: string): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = offset;
  const need = (n: number): void => {
    if (pos + n > bytes.byteLength) throw corrupt(where, 'it ends inside a bitmap');
  };
  need(8);
  const buckets = Number(view.getBigUint64(pos, true));
  pos += 8;
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    need(4);
    const high = view.getUint32(pos, true) * 4294967296;
    pos += 4;
    pos = decodeRoaring32(view, pos, high, out, where);
  }
  const result = Float64Array.from(out);
  result.sort();
  return result;
}

function decodeRoaring32(view: DataView, start: number, high: number, out: number[], where: string): number {
  let pos = start;
  const need = (n: number): void => {
    if (pos + n > view.byteLength) throw corrupt(where, 'it ends inside a bitmap');
  };
  need(4);
  const cookie = view.getUint32(pos, true);
  pos += 4;
  let count: number;
  let runBits: Uint8Array | undefined;
  if ((cookie & 0xffff) === RUN_COOKIE) {
    count = (cookie >>> 16) + 1;
    const len = (count + 7) >> 3;
    need(len);
    runBits = new Uint8Array(view.buffer, view.byteOffset + pos, len);
    pos += len;
  } else if (cookie === NO_RUN_COOKIE) {
    need(4);
    count = view.getUint32(pos, true);
    pos += 4;
  } else {
    throw corrupt(where, `bitmap cookie ${cookie} is neither 12346 nor 12347`);
  }
  need(4 * count);
  const keys = new Array<number>(count);
  const cards = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    keys[i] = view.getUint16(pos, true);
    cards[i] = view.getUint16(pos + 2, true) + 1;
    pos += 4;
  }
  if (!runBits || count >= 4) { need(4 * count); pos += 4 * count; } // offsets: containers follow in order anyway
  for (let i = 0; i < count; i++) {
    const base = high + keys[i]! * 65536;
    const isRun = runBits !== undefined && ((runBits[i >> 3]! >> (i & 7)) & 1) === 1;
    if (isRun) {
      need(2);
      const runs = view.getUint16(pos, true);
      pos += 2;
      need(4 * runs);
      for (let r = 0; r < runs; r++) {
        const s = view.getUint16(pos, true), len = view.getUint16(pos + 2, true);
        pos += 4;
        for (let v = s; v <= s + len; v++) out.push(base + v);
      }
    } else if (cards[i]! > 4096) {
      need(8192);
      for (let w = 0; w < 2048; w++) {
        let word = view.getUint32(pos + 4 * w, true);
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          out.push(base + w * 32 + bit);
          word &= word - 1;
        }
      }
      pos += 8192;
    } else {
      need(2 * cards[i]!);
      for (let k = 0; k < cards[i]!; k++) out.push(base + view.getUint16(pos + 2 * k, true));
      pos += 2 * cards[i]!;
    }
  }
  return pos;
}

function corrupt(where: string, why: string): LochError {
  return new LochError(SqlState.dataCorrupted, `deletion vector ${where} is corrupt: ${why}`);
}
