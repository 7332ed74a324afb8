/**
 * Byte-level navigation of stored JSON text without building a tree: `->`,
 * `->>`, `#>`, `#>>` and json_typeof skip over the values they do not need.
 * Inputs are already valid JSON (json/jsonb values are validated on input), so
 * the scanner only has to find value boundaries. Results are returned through
 * `jsonSpan` (start/end offsets) to avoid allocating per row.
 */
import { parseJson } from './json-value.ts';

/** Offsets [start, end) of the last value found by `jsonField` / `jsonElement` / `jsonPath`. */
export const jsonSpan = { start: 0, end: 0 };

function ws(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
  return i;
}

function stringEnd(s: string, i: number): number {
  i++;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 34) return i + 1;
    i += c === 92 ? 2 : 1;
  }
}

/** Index just past the value starting at `i` (a non-space character). */
export function jsonValueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 34) return stringEnd(s, i);
  if (c !== 123 && c !== 91) {
    while (i < s.length) {
      const d = s.charCodeAt(i);
      if (d === 44 || d === 93 || d === 125 || d === 32 || d === 9 || d === 10 || d === 13) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  while (i < s.length) {
    const d = s.charCodeAt(i);
    if (d === 34) { i = stringEnd(s, i); continue; }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) { depth--; if (depth === 0) return i + 1; }
    i++;
  }
  return i;
}

/** Decodes the JSON string literal at [start, end). */
export function jsonStringAt(s: string, start: number, end: number): string {
  const raw = s.slice(start, end);
  return raw.indexOf('\\') < 0 ? raw.slice(1, -1) : parseJson(raw) as string;
}

/** Key of the object member spanning [i, end) compared with `key` (no decoding unless it has escapes). */
function keyEquals(s: string, i: number, end: number, key: string): boolean {
  for (let k = i + 1; k < end - 1; k++) {
    if (s.charCodeAt(k) === 92) return jsonStringAt(s, i, end) === key;
  }
  return end - i - 2 === key.length && s.startsWith(key, i + 1);
}

/** Finds member `key` of the object spanning [from, to); true with `jsonSpan` set (the last duplicate wins). */
export function jsonField(s: string, from: number, key: string): boolean {
  let i = ws(s, from);
  if (s.charCodeAt(i) !== 123) return false;
  i = ws(s, i + 1);
  let found = false;
  if (s.charCodeAt(i) === 125) return false;
  for (;;) {
    const kEnd = stringEnd(s, i);
    const hit = keyEquals(s, i, kEnd, key);
    i = ws(s, kEnd);
    i = ws(s, i + 1); // past ':'
    const vEnd = jsonValueEnd(s, i);
    if (hit) { jsonSpan.start = i; jsonSpan.end = vEnd; found = true; }
    i = ws(s, vEnd);
    if (s.charCodeAt(i) !== 44) return found;
    i = ws(s, i + 1);
  }
}

/** Finds element `index` (negative counts from the end) of the array at `from`; true with `jsonSpan` set. */
export function jsonElement(s: string, from: number, index: number): boolean {
  let i = ws(s, from);
  if (s.charCodeAt(i) !== 91) return false;
  if (index < 0) {
    const n = jsonArrayLength(s, i);
    index += n;
    if (index < 0) return false;
  }
  i = ws(s, i + 1);
  if (s.charCodeAt(i) === 93) return false;
  for (let k = 0; ; k++) {
    const vEnd = jsonValueEnd(s, i);
    if (k === index) { jsonSpan.start = i; jsonSpan.end = vEnd; return true; }
    i = ws(s, vEnd);
    if (s.charCodeAt(i) !== 44) return false;
    i = ws(s, i + 1);
  }
}

/** Number of elements of the array at `from`, or -1 when the value there is not an array. */
export function jsonArrayLength(s: string, from: number): number {
  let i = ws(s, from);
  if (s.charCodeAt(i) !== 91) return -1;
  i = ws(s, i + 1);
  if (s.charCodeAt(i) === 93) return 0;
  for (let k = 1; ; k++) {
    i = ws(s, jsonValueEnd(s, i));
    if (s.charCodeAt(i) !== 44) return k;
    i = ws(s, i + 1);
  }
}

/** Follows a text path (`#>`): object keys, or array indexes written as integers. */
export function jsonPath(s: string, path: readonly (string | null)[]): boolean {
  jsonSpan.start = ws(s, 0);
  jsonSpan.end = jsonValueEnd(s, jsonSpan.start);
  for (const step of path) {
    if (step === null) return false;
    const c = s.charCodeAt(jsonSpan.start);
    if (c === 123) {
      if (!jsonField(s, jsonSpan.start, step)) return false;
    } else if (c === 91) {
      if (!/^\s*-?\d+\s*$/.test(step)) return false;
      if (!jsonElement(s, jsonSpan.start, Number(step))) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** The text `->>` returns for the value at [start, end): strings unquoted, JSON null as SQL NULL. */
export function jsonSpanText(s: string, start: number, end: number): string | null {
  const c = s.charCodeAt(start);
  if (c === 34) return jsonStringAt(s, start, end);
  if (c === 110) return null; // null
  return s.slice(start, end);
}

/** json_typeof of stored text, from its first character. */
export function jsonTypeofText(s: string): string {
  const i = ws(s, 0);
  switch (s.charCodeAt(i)) {
    case 123: return 'object';
    case 91: return 'array';
    case 34: return 'string';
    case 116: case 102: return 'boolean';
    case 110: return 'null';
    default: return 'number';
  }
}

/** The members (key, value span) of the object at `from`, in stored order; null when the value is not an object. */
export function jsonMembers(s: string, from: number): { key: string; start: number; end: number }[] | null {
  let i = ws(s, from);
  if (s.charCodeAt(i) !== 123) return null;
  const out: { key: string; start: number; end: number }[] = [];
  i = ws(s, i + 1);
  if (s.charCodeAt(i) === 125) return out;
  for (;;) {
    const kEnd = stringEnd(s, i);
    const key = jsonStringAt(s, i, kEnd);
    i = ws(s, ws(s, kEnd) + 1);
    const vEnd = jsonValueEnd(s, i);
    out.push({ key, start: i, end: vEnd });
    i = ws(s, vEnd);
    if (s.charCodeAt(i) !== 44) return out;
    i = ws(s, i + 1);
  }
}

/** The element spans of the array at `from`; null when the value is not an array. */
export function jsonElements(s: string, from: number): { start: number; end: number }[] | null {
  let i = ws(s, from);
  if (s.charCodeAt(i) !== 91) return null;
  const out: { start: number; end: number }[] = [];
  i = ws(s, i + 1);
  if (s.charCodeAt(i) === 93) return out;
  for (;;) {
    const vEnd = jsonValueEnd(s, i);
    out.push({ start: i, end: vEnd });
    i = ws(s, vEnd);
    if (s.charCodeAt(i) !== 44) return out;
    i = ws(s, i + 1);
  }
}
