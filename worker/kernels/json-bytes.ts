/**
 * `json -> 'key'`, `json ->> 'key'`, `json -> n`, `json ->> n` with a constant key
 * or index, directly over a Utf8 column's offsets and bytes: JSON's structural
 * characters are ASCII, so the value's byte span is found without decoding the
 * row, and the result bytes are copied out (no per-row strings). A string value
 * with escapes is the one case decoded (->> must unescape it).
 */
import * as arrow from 'apache-arrow';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function ws(b: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = b[i]!;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
  return i;
}

function stringEnd(b: Uint8Array, i: number): number {
  i++;
  for (;;) {
    const c = b[i]!;
    if (c === 34) return i + 1;
    i += c === 92 ? 2 : 1;
  }
}

function valueEnd(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  if (c === 34) return stringEnd(b, i);
  if (c !== 123 && c !== 91) {
    while (i < end) {
      const d = b[i]!;
      if (d === 44 || d === 93 || d === 125 || d === 32 || d === 9 || d === 10 || d === 13) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  while (i < end) {
    const d = b[i]!;
    if (d === 34) { i = stringEnd(b, i); continue; }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) { depth--; if (depth === 0) return i + 1; }
    i++;
  }
  return i;
}

function hasEscape(b: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (b[k] === 92) return true;
  return false;
}

function keyMatches(b: Uint8Array, i: number, kEnd: number, key: Uint8Array, keyText: string): boolean {
  if (hasEscape(b, i + 1, kEnd - 1)) return JSON.parse(decoder.decode(b.subarray(i, kEnd))) === keyText;
  if (kEnd - i - 2 !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[i + 1 + k] !== key[k]) return false;
  return true;
}

/** Span of member `key` (last duplicate) in the object at [from, end), or -1; the end goes to `spanEnd`. */
let spanEnd = 0;
function field(b: Uint8Array, from: number, end: number, key: Uint8Array, keyText: string): number {
  let i = ws(b, from, end);
  if (b[i] !== 123) return -1;
  i = ws(b, i + 1, end);
  if (b[i] === 125) return -1;
  let found = -1;
  for (;;) {
    const kEnd = stringEnd(b, i);
    const hit = keyMatches(b, i, kEnd, key, keyText);
    i = ws(b, ws(b, kEnd, end) + 1, end);
    const vEnd = valueEnd(b, i, end);
    if (hit) { found = i; spanEnd = vEnd; }
    i = ws(b, vEnd, end);
    if (b[i] !== 44 || i >= end) return found;
    i = ws(b, i + 1, end);
  }
}

function element(b: Uint8Array, from: number, end: number, index: number): number {
  let i = ws(b, from, end);
  if (b[i] !== 91) return -1;
  i = ws(b, i + 1, end);
  if (b[i] === 93) return -1;
  const start = i;
  if (index < 0) {
    let n = 1;
    for (let j = start; ; n++) {
      j = ws(b, valueEnd(b, j, end), end);
      if (b[j] !== 44 || j >= end) break;
      j = ws(b, j + 1, end);
    }
    index += n;
    if (index < 0) return -1;
  }
  for (let k = 0; ; k++) {
    const vEnd = valueEnd(b, i, end);
    if (k === index) { spanEnd = vEnd; return i; }
    i = ws(b, vEnd, end);
    if (b[i] !== 44 || i >= end) return -1;
    i = ws(b, i + 1, end);
  }
}

/**
 * `->` / `->>` with a constant key (string) or index (number) over a Utf8 column:
 * rows in `sel` with a value get the member's text; others are NULL.
 */
export function jsonGetColumn(data: arrow.Data, sel: Int32Array, n: number, key: string | number, asText: boolean): arrow.Data {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const valid = data.nullCount > 0 ? data.nullBitmap : null;
  const keyBytes = typeof key === 'string' ? encoder.encode(key) : new Uint8Array(0);
  const outOffsets = new Int32Array(n + 1);
  let out = new Uint8Array(Math.max(16, offsets[n]! - offsets[0]!));
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = n - sel.length;
  let pos = 0;
  let prev = 0;
  for (let k = 0; k < sel.length; k++) {
    const r = sel[k]!;
    for (let g = prev + 1; g <= r; g++) outOffsets[g] = pos;
    prev = r;
    const from = offsets[r]!, end = offsets[r + 1]!;
    if (valid !== null && valid !== undefined && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) { nulls++; outOffsets[r + 1] = pos; continue; }
    const s = typeof key === 'string' ? field(bytes, from, end, keyBytes, key) : element(bytes, from, end, key);
    let a = s, z = spanEnd;
    if (s >= 0 && asText) {
      const c = bytes[s]!;
      if (c === 110) a = -1; // JSON null → SQL NULL
      else if (c === 34) {
        if (hasEscape(bytes, s + 1, z - 1)) {
          const text = encoder.encode(JSON.parse(decoder.decode(bytes.subarray(s, z))) as string);
          if (pos + text.length > out.length) { const o = new Uint8Array((pos + text.length) * 2); o.set(out); out = o; }
          out.set(text, pos);
          pos += text.length;
          bitmap[r >> 3]! |= 1 << (r & 7);
          outOffsets[r + 1] = pos;
          continue;
        }
        a = s + 1; z = z - 1;
      }
    }
    if (a < 0) { nulls++; outOffsets[r + 1] = pos; continue; }
    if (pos + (z - a) > out.length) { const o = new Uint8Array((pos + z - a) * 2); o.set(out); out = o; }
    out.set(bytes.subarray(a, z), pos);
    pos += z - a;
    bitmap[r >> 3]! |= 1 << (r & 7);
    outOffsets[r + 1] = pos;
  }
  for (let g = prev + 1; g <= n; g++) outOffsets[g] = pos;
  return arrow.makeData({
    type: new arrow.Utf8(), length: n, valueOffsets: outOffsets, data: out.subarray(0, pos),
    nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : null,
  } as never);
}
