/**
 * JSON values for the text-backed `json` and `jsonb` types (issue 6).
 *
 * Both types are stored as UTF-8 text. `json` keeps its input verbatim (after
 * validation); `jsonb` stores PostgreSQL's canonical output: object keys sorted
 * by (UTF-8 length, bytes), the last duplicate key wins, `", "` / `": "`
 * separators, numbers as numeric prints them. A parsed value is a JS tree:
 * strings are JS strings, numbers are `JsonNumber` (exact decimal text),
 * objects are `Map`s in canonical key order once normalized.
 */
import { LochError, SqlState } from './errors.ts';

/** A JSON number, kept as its decimal text so no precision is lost. */
export class JsonNumber {
  readonly text: string;
  constructor(text: string) { this.text = text; }
}

/** A parsed JSON value. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | Map<string, JsonValue>;

function invalidJson(text: string, detail: string): LochError {
  return new LochError(SqlState.invalidTextRepresentation, 'invalid input syntax for type json', { detail: `${detail} (input: ${text.length > 60 ? `${text.slice(0, 60)}…` : text})` });
}

/** Parses JSON text (RFC 8259; 22P02 "invalid input syntax for type json" on bad input). */
export function parseJson(text: string): JsonValue {
  const p = { s: text, i: 0 };
  const v = parseValue(p, 0);
  skipWs(p);
  if (p.i !== text.length) throw invalidJson(text, 'Expected end of input');
  return v;
}

interface Cursor { s: string; i: number }

function skipWs(p: Cursor): void {
  const s = p.s;
  let i = p.i;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  p.i = i;
}

function parseValue(p: Cursor, depth: number): JsonValue {
  if (depth > 6400) throw new LochError('54001', 'stack depth limit exceeded');
  skipWs(p);
  const s = p.s;
  const c = s.charCodeAt(p.i);
  if (c === 123) { // {
    p.i++;
    const obj = new Map<string, JsonValue>();
    skipWs(p);
    if (s.charCodeAt(p.i) === 125) { p.i++; return obj; }
    for (;;) {
      skipWs(p);
      if (s.charCodeAt(p.i) !== 34) throw invalidJson(s, 'Expected string');
      const key = parseString(p);
      skipWs(p);
      if (s.charCodeAt(p.i) !== 58) throw invalidJson(s, 'Expected ":"');
      p.i++;
      obj.delete(key); // a later duplicate replaces the earlier one (and takes its place in order)
      obj.set(key, parseValue(p, depth + 1));
      skipWs(p);
      const d = s.charCodeAt(p.i++);
      if (d === 125) return obj;
      if (d !== 44) throw invalidJson(s, 'Expected "," or "}"');
    }
  }
  if (c === 91) { // [
    p.i++;
    const arr: JsonValue[] = [];
    skipWs(p);
    if (s.charCodeAt(p.i) === 93) { p.i++; return arr; }
    for (;;) {
      arr.push(parseValue(p, depth + 1));
      skipWs(p);
      const d = s.charCodeAt(p.i++);
      if (d === 93) return arr;
      if (d !== 44) throw invalidJson(s, 'Expected "," or "]"');
    }
  }
  if (c === 34) return parseString(p);
  if (s.startsWith('true', p.i)) { p.i += 4; return true; }
  if (s.startsWith('false', p.i)) { p.i += 5; return false; }
  if (s.startsWith('null', p.i)) { p.i += 4; return null; }
  const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  m.lastIndex = p.i;
  const r = m.exec(s);
  if (!r) throw invalidJson(s, `Token "${s.slice(p.i, p.i + 10)}" is invalid`);
  p.i += r[0].length;
  const next = s.charCodeAt(p.i);
  if ((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 46) {
    throw invalidJson(s, 'Token is invalid');
  }
  return new JsonNumber(r[0]);
}

function parseString(p: Cursor): string {
  const s = p.s;
  let i = p.i + 1;
  let out = '';
  let start = i;
  for (;;) {
    if (i >= s.length) throw invalidJson(s, 'Unterminated string');
    const c = s.charCodeAt(i);
    if (c === 34) { out += s.slice(start, i); p.i = i + 1; return out; }
    if (c < 32) throw invalidJson(s, 'Character with value 0x' + c.toString(16).padStart(2, '0') + ' must be escaped');
    if (c !== 92) { i++; continue; }
    out += s.slice(start, i);
    const e = s[i + 1];
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        const hex = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw invalidJson(s, '"\\u" must be followed by four hexadecimal digits');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
        break;
      }
      default: throw invalidJson(s, `Escape sequence "\\${e ?? ''}" is invalid`);
    }
    i += 2;
    start = i;
  }
}

/** Canonical numeric text of a JSON number (jsonb stores numbers as numeric: 1e2 → 100). */
export function normalizeJsonNumber(text: string): string {
  if (!/[eE]/.test(text)) return text === '-0' ? '0' : text;
  const m = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(text)!;
  const neg = m[1]!, int = m[2]!, frac = m[3] ?? '', exp = Number(m[4]);
  let digits = int + frac;
  let point = int.length + exp; // position of the decimal point in digits
  const scale = Math.max(0, frac.length - exp);
  if (point <= 0) { digits = '0'.repeat(1 - point) + digits; point = 1; }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  let ip = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  let fp = digits.slice(point);
  fp = fp.length > scale ? fp.slice(0, scale) : fp.padEnd(scale, '0');
  if (ip === '') ip = '0';
  const out = fp.length > 0 ? `${ip}.${fp}` : ip;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Compares object keys in jsonb order: shorter UTF-8 first, then bytewise. */
export function compareJsonbKeys(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8'), bb = Buffer.from(b, 'utf8');
  if (ba.length !== bb.length) return ba.length - bb.length;
  return Buffer.compare(ba, bb);
}

/** Rebuilds a tree in jsonb's canonical form (sorted keys, normalized numbers). */
export function canonicalJson(v: JsonValue): JsonValue {
  if (v instanceof JsonNumber) return new JsonNumber(normalizeJsonNumber(v.text));
  if (Array.isArray(v)) return v.map(canonicalJson);
  if (v instanceof Map) {
    const keys = [...v.keys()].sort(compareJsonbKeys);
    const out = new Map<string, JsonValue>();
    for (const k of keys) out.set(k, canonicalJson(v.get(k)!));
    return out;
  }
  return v;
}

/** A JSON string literal with PostgreSQL's escaping (escape_json). */
export function quoteJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 34: out += '\\"'; break;
      case 92: out += '\\\\'; break;
      case 8: out += '\\b'; break;
      case 12: out += '\\f'; break;
      case 10: out += '\\n'; break;
      case 13: out += '\\r'; break;
      case 9: out += '\\t'; break;
      default: out += '\\u' + c.toString(16).padStart(4, '0');
    }
  }
  return out + s.slice(start) + '"';
}

/** Serializes a tree the way jsonb prints (`{"a": 1, "b": [1, 2]}`); keys are printed in the Map's order. */
export function jsonText(v: JsonValue): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return quoteJsonString(v);
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(', ')}]`;
  const parts: string[] = [];
  for (const [k, x] of v) parts.push(`${quoteJsonString(k)}: ${jsonText(x)}`);
  return `{${parts.join(', ')}}`;
}

/** The stored text of a jsonb value given any JSON text (22P02 on invalid input). */
export function normalizeJsonb(text: string): string {
  return jsonText(canonicalJson(parseJson(text)));
}

/** The stored text of a json value: the input itself, once validated. */
export function validateJson(text: string): string {
  parseJson(text);
  return text;
}

/** jsonb's type name of a value: object, array, string, number, boolean or null. */
export function jsonTypeName(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (v instanceof JsonNumber) return 'number';
  return Array.isArray(v) ? 'array' : 'object';
}
