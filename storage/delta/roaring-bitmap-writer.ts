/**
 * Encoding deletion vector bitmaps: sorted row indexes → the "portable"
 * RoaringBitmapArray that roaring-bitmap.ts decodes (PROTOCOL.md "Deletion Vector
 * Format"; RoaringFormatSpec). Containers are arrays (≤ 4096 values) or bitsets;
 * run containers are never written (optional in the format), so the cookie is
 * always 12346 and container offsets are always present.
 */

const NO_RUN_COOKIE = 12346;
const TWO_32 = 4294967296;

/** Serializes sorted, distinct row indexes (each < 2^63) as a portable 64-bit RoaringBitmapArray. */
export function encodeRoaringBitmapArray(rows: Float64Array): Uint8Array {
  // Group by high 32 bits (buckets), then by high 16 of the low 32 bits (containers).
  const buckets: Array<{ key: number; from: number; to: number }> = [];
  for (let i = 0; i < rows.length;) {
    const key = Math.floor(rows[i]! / TWO_32);
    let j = i;
    while (j < rows.length && Math.floor(rows[j]! / TWO_32) === key) j++;
    buckets.push({ key, from: i, to: j });
    i = j;
  }
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(8);
  new DataView(head.buffer).setBigUint64(0, BigInt(buckets.length), true);
  parts.push(head);
  for (const b of buckets) {
    const key = new Uint8Array(4);
    new DataView(key.buffer).setUint32(0, b.key, true);
    parts.push(key, encodeRoaring32(rows, b.from, b.to, b.key * TWO_32));
  }
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function encodeRoaring32(rows: Float64Array, from: number, to: number, base: number): Uint8Array {
  const containers: Array<{ key: number; from: number; to: number }> = [];
  for (let i = from; i < to;) {
    const key = Math.floor((rows[i]! - base) / 65536);
    let j = i;
    while (j < to && Math.floor((rows[j]! - base) / 65536) === key) j++;
    containers.push({ key, from: i, to: j });
    i = j;
  }
  const n = containers.length;
  let size = 8 + 4 * n + 4 * n;
  for (const c of containers) size += c.to - c.from > 4096 ? 8192 : 2 * (c.to - c.from);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, NO_RUN_COOKIE, true);
  view.setUint32(4, n, true);
  let pos = 8;
  for (const c of containers) {
    view.setUint16(pos, c.key, true);
    view.setUint16(pos + 2, c.to - c.from - 1, true);
    pos += 4;
  }
  let data = pos + 4 * n;
  for (const c of containers) {
    view.setUint32(pos, data, true);
    pos += 4;
    const low = base + c.key * 65536;
    if (c.to - c.from > 4096) {
      for (let i = c.from; i < c.to; i++) {
        const v = rows[i]! - low;
        out[data + (v >> 3)]! |= 1 << (v & 7);
      }
      data += 8192;
    } else {
      for (let i = c.from; i < c.to; i++) { view.setUint16(data, rows[i]! - low, true); data += 2; }
    }
  }
  return out;
}

/** Sorted union of two sorted row index sets. */
export function sortedUnion(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0, j = 0, o = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity, y = j < b.length ? b[j]! : Infinity;
    const v = x <= y ? x : y;
    if (x === v) i++;
    if (y === v) j++;
    if (o === 0 || out[o - 1] !== v) out[o++] = v;
  }
  return out.subarray(0, o);
}
