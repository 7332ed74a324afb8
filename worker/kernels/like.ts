/**
 * LIKE on UTF-8 bytes. A pattern compiles once into a matcher specialised for its
 * shape:
 *
 *   'abc'      exact          'abc%'  prefix         '%abc'  suffix
 *   '%abc%'    contains       '%a%b%' ordered segments (each found after the last)
 *   anything with '_' (one character, 1-4 bytes) → a small backtracking matcher
 *
 * Backslash escapes the next character, as in PostgreSQL's default ESCAPE.
 */
import { scratchIndexes, selectionMinus, takeScratch } from './vector.ts';

const STAR = -2;
const ANY = -1;

/** Tests whether bytes[start,end) matches. */
export type ByteMatcher = ((bytes: Uint8Array, start: number, end: number) => boolean) & {
  /** Bytes every match contains (lets selectLike skip rows with one native search over the buffer). */
  needle?: Uint8Array;
  /** True when containing `needle` is the whole test ('%abc%'). */
  needleOnly?: boolean;
};

const encoder = new TextEncoder();

/** Tokens: byte values, ANY for '_', STAR for a run of '%'. */
function tokenize(pattern: string): number[] {
  const bytes = encoder.encode(pattern);
  const tokens: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x5c /* \ */ && i + 1 < bytes.length) tokens.push(bytes[++i]!);
    else if (b === 0x25 /* % */) { if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR); }
    else if (b === 0x5f /* _ */) tokens.push(ANY);
    else tokens.push(b);
  }
  return tokens;
}

/** Byte length of the UTF-8 character starting with byte b. */
function charLength(b: number): number {
  return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

function startsWithAt(bytes: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let j = 0; j < needle.length; j++) if (bytes[at + j] !== needle[j]) return false;
  return true;
}

/** First position >= from where needle occurs wholly before end, or -1. */
export function findBytes(bytes: Uint8Array, from: number, end: number, needle: Uint8Array): number {
  const n = needle.length;
  if (n === 0) return from;
  const first = needle[0]!;
  const last = end - n;
  for (let p = from; p <= last; p++) {
    if (bytes[p] === first && startsWithAt(bytes, p, needle)) return p;
  }
  return -1;
}

/** Compiles a LIKE pattern to a byte matcher. */
export function compileLike(pattern: string): ByteMatcher {
  const tokens = tokenize(pattern);
  if (tokens.includes(ANY)) return generalMatcher(Int32Array.from(tokens));
  // split into literal segments around STARs
  const segments: Uint8Array[] = [];
  let current: number[] = [];
  for (const t of tokens) {
    if (t === STAR) { segments.push(Uint8Array.from(current)); current = []; } else current.push(t);
  }
  segments.push(Uint8Array.from(current));
  if (segments.length === 1) {
    const lit = segments[0]!;
    return (bytes, start, end) => end - start === lit.length && startsWithAt(bytes, start, lit);
  }
  const head = segments[0]!, tail = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((s) => s.length > 0);
  if (middle.length === 0 && tail.length === 0) {
    return (bytes, start, end) => end - start >= head.length && startsWithAt(bytes, start, head);
  }
  if (middle.length === 0 && head.length === 0) {
    return (bytes, start, end) => end - start >= tail.length && startsWithAt(bytes, end - tail.length, tail);
  }
  if (middle.length === 1 && head.length === 0 && tail.length === 0) {
    const needle = middle[0]!;
    const contains: ByteMatcher = (bytes, start, end) => findBytes(bytes, start, end, needle) >= 0;
    contains.needle = needle;
    contains.needleOnly = true;
    return contains;
  }
  const sequence: ByteMatcher = (bytes, start, end) => {
    if (end - start < head.length + tail.length || !startsWithAt(bytes, start, head)) return false;
    if (!startsWithAt(bytes, end - tail.length, tail)) return false;
    let pos = start + head.length;
    const limit = end - tail.length;
    for (const seg of middle) {
      const at = findBytes(bytes, pos, limit, seg);
      if (at < 0) return false;
      pos = at + seg.length;
    }
    return true;
  };
  if (middle.length > 0) sequence.needle = middle[0]!;
  return sequence;
}

/** Iterative wildcard matching with backtracking to the last '%'. */
function generalMatcher(tokens: Int32Array): ByteMatcher {
  const np = tokens.length;
  return (bytes, start, end) => {
    let si = start, pi = 0, starPi = -1, starSi = 0;
    while (si < end) {
      const t = pi < np ? tokens[pi]! : -3;
      if (t >= 0 && bytes[si] === t) { si++; pi++; }
      else if (t === ANY) { si += charLength(bytes[si]!); pi++; }
      else if (t === STAR) { starPi = pi++; starSi = si; }
      else if (starPi >= 0) { pi = starPi + 1; starSi += charLength(bytes[starSi]!); si = starSi; }
      else return false;
    }
    while (pi < np && tokens[pi] === STAR) pi++;
    return pi === np;
  };
}

/**
 * Rows of `sel` containing `needle`, found with Buffer.indexOf over the whole values
 * buffer (native search) instead of a JS scan of every row.
 */
export function rowsContaining(offsets: Int32Array, bytes: Uint8Array, sel: Int32Array, needle: Uint8Array): Int32Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nb = Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength);
  const len = needle.length;
  const out = scratchIndexes(sel.length);
  let m = 0, k = 0;
  let pos = sel.length > 0 ? buf.indexOf(nb, offsets[sel[0]!]!) : -1;
  while (pos >= 0 && k < sel.length) {
    const row = sel[k]!;
    const start = offsets[row]!, end = offsets[row + 1]!;
    if (pos < start) { pos = buf.indexOf(nb, start); continue; }
    if (pos + len <= end) {
      out[m++] = row;
      k++;
      if (k < sel.length) pos = buf.indexOf(nb, offsets[sel[k]!]!);
      continue;
    }
    // the hit starts in or after this row but does not fit inside it
    k++;
    if (k < sel.length && pos < offsets[sel[k]!]!) pos = buf.indexOf(nb, offsets[sel[k]!]!);
  }
  return takeScratch(m);
}

/** Rows of `sel` whose text matches (or, with negate, does not match). */
export function selectLike(matcher: ByteMatcher, offsets: Int32Array, bytes: Uint8Array, sel: Int32Array, negate: boolean): Int32Array {
  if (matcher.needle !== undefined && matcher.needle.length > 0) {
    const candidates = rowsContaining(offsets, bytes, sel, matcher.needle);
    const hits = !matcher.needleOnly && candidates.length > 0 ? filterMatches(matcher, offsets, bytes, candidates) : candidates;
    return negate ? selectionMinus(sel, hits) : hits;
  }
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    if (matcher(bytes, offsets[i]!, offsets[i + 1]!) !== negate) out[m++] = i;
  }
  return takeScratch(m);
}

function filterMatches(matcher: ByteMatcher, offsets: Int32Array, bytes: Uint8Array, rows: Int32Array): Int32Array {
  const out = scratchIndexes(rows.length);
  let m = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (matcher(bytes, offsets[i]!, offsets[i + 1]!)) out[m++] = i;
  }
  return takeScratch(m);
}
