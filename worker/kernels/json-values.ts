/**
 * Value-level JSON operations that need a parsed tree (containment, concatenation,
 * deletion, jsonb_set/jsonb_insert, strip_nulls, pretty printing), with
 * PostgreSQL's semantics and errors. Navigation (->, #>) uses core/json-scan.ts instead.
 */
import { JsonNumber, type JsonValue, LochError, SqlState, canonicalJson, jsonText, quoteJsonString } from '../../core/index.ts';

function numEq(a: JsonNumber, b: JsonNumber): boolean {
  return a.text === b.text || Number(a.text) === Number(b.text);
}

function scalarEquals(a: JsonValue, b: JsonValue): boolean {
  if (a instanceof JsonNumber && b instanceof JsonNumber) return numEq(a, b);
  return a === b;
}

function isContainer(v: JsonValue): v is JsonValue[] | Map<string, JsonValue> {
  return Array.isArray(v) || v instanceof Map;
}

/** jsonb `a @> b`. */
export function jsonbContains(a: JsonValue, b: JsonValue, top = true): boolean {
  if (a instanceof Map) {
    if (!(b instanceof Map)) return false;
    for (const [k, bv] of b) {
      if (!a.has(k)) return false;
      const av = a.get(k)!;
      if (isContainer(bv) || isContainer(av)) {
        if (!jsonbContains(av, bv, false)) return false;
      } else if (!scalarEquals(av, bv)) return false;
    }
    return true;
  }
  if (Array.isArray(a)) {
    // a top-level array contains a bare scalar that is one of its elements
    const items = Array.isArray(b) ? b : top && !(b instanceof Map) ? [b] : null;
    if (!items) return false;
    return items.every((bv) => a.some((av) => (isContainer(bv) ? isContainer(av) && jsonbContains(av, bv, false) : !isContainer(av) && scalarEquals(av, bv))));
  }
  return !isContainer(b) && scalarEquals(a, b);
}

/** jsonb `a ? key`: an object key, or a string element of an array, or the string itself. */
export function jsonbExists(a: JsonValue, key: string): boolean {
  if (a instanceof Map) return a.has(key);
  if (Array.isArray(a)) return a.some((x) => x === key);
  return a === key;
}

/** jsonb `a || b`. */
export function jsonbConcat(a: JsonValue, b: JsonValue): JsonValue {
  if (a instanceof Map && b instanceof Map) {
    const out = new Map(a);
    for (const [k, v] of b) out.set(k, v);
    return canonicalJson(out);
  }
  const left = Array.isArray(a) ? a : [a];
  const right = Array.isArray(b) ? b : [b];
  return [...left, ...right];
}

/** jsonb `a - key` (text: object key or array string elements; number: array index). */
export function jsonbDelete(a: JsonValue, key: string | number): JsonValue {
  if (!isContainer(a)) throw new LochError(SqlState.invalidParameterValue, 'cannot delete from scalar');
  if (typeof key === 'number') {
    if (a instanceof Map) throw new LochError(SqlState.invalidParameterValue, 'cannot delete from object using integer index');
    const i = key < 0 ? a.length + key : key;
    return a.filter((_, k) => k !== i);
  }
  if (a instanceof Map) {
    const out = new Map(a);
    out.delete(key);
    return out;
  }
  return a.filter((x) => x !== key);
}

function indexOf(step: string, length: number): number | undefined {
  if (!/^\s*-?\d+\s*$/.test(step)) return undefined;
  const i = Number(step);
  return i < 0 ? length + i : i;
}

/** jsonb `a #- path`. */
export function jsonbDeletePath(a: JsonValue, path: readonly (string | null)[]): JsonValue {
  if (!isContainer(a)) throw new LochError(SqlState.invalidParameterValue, 'cannot delete path in scalar');
  if (path.length === 0) return a;
  const [step, ...rest] = path;
  if (step === null) throw new LochError('22004', 'path element at position 1 is null');
  if (a instanceof Map) {
    if (!a.has(step)) return a;
    const out = new Map(a);
    if (rest.length === 0) out.delete(step);
    else if (isContainer(a.get(step)!)) out.set(step, jsonbDeletePath(a.get(step)!, rest));
    return out;
  }
  const i = indexOf(step, a.length);
  if (i === undefined) throw new LochError(SqlState.invalidTextRepresentation, `path element at position 1 is not an integer: "${step}"`);
  if (i < 0 || i >= a.length) return a;
  if (rest.length === 0) return a.filter((_, k) => k !== i);
  const out = a.slice();
  if (isContainer(out[i]!)) out[i] = jsonbDeletePath(out[i]!, rest);
  return out;
}

/** jsonb_set(target, path, value, create_missing) and jsonb_insert(target, path, value, after). */
export function jsonbSetPath(a: JsonValue, path: readonly (string | null)[], value: JsonValue, flag: boolean, insert: boolean, pos = 1): JsonValue {
  if (!isContainer(a)) {
    if (pos === 1) throw new LochError(SqlState.invalidParameterValue, insert ? 'cannot insert into scalar' : 'cannot set path in scalar');
    return a;
  }
  if (path.length === 0) return a;
  const [step, ...rest] = path;
  if (step === null) throw new LochError('22004', `path element at position ${pos} is null`);
  if (a instanceof Map) {
    const out = new Map(a);
    if (rest.length === 0) {
      if (insert && a.has(step)) throw new LochError(SqlState.invalidParameterValue, 'cannot replace existing key', { hint: 'Try using the function jsonb_set to replace key value.' });
      if (a.has(step) || insert || flag) out.set(step, value);
      return canonicalJson(out);
    }
    if (a.has(step)) out.set(step, jsonbSetPath(a.get(step)!, rest, value, flag, insert, pos + 1));
    return out;
  }
  const idx = /^\s*-?\d+\s*$/.test(step) ? Number(step) : undefined;
  if (idx === undefined) throw new LochError(SqlState.invalidTextRepresentation, `path element at position ${pos} is not an integer: "${step}"`);
  const out = a.slice();
  let i = idx < 0 ? a.length + idx : idx;
  if (rest.length > 0) {
    if (i >= 0 && i < a.length) out[i] = jsonbSetPath(a[i]!, rest, value, flag, insert, pos + 1);
    return out;
  }
  if (insert) {
    if (i < 0) i = 0;
    else if (i >= a.length) i = a.length;
    else if (flag) i++;
    out.splice(i, 0, value);
    return out;
  }
  if (i >= 0 && i < a.length) out[i] = value;
  else if (flag) { if (i < 0) out.unshift(value); else out.push(value); }
  return out;
}

/** json_strip_nulls: drops object fields whose value is null, recursively. */
export function stripNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(stripNulls);
  if (v instanceof Map) {
    const out = new Map<string, JsonValue>();
    for (const [k, x] of v) if (x !== null) out.set(k, stripNulls(x));
    return out;
  }
  return v;
}

/** jsonb_pretty: four-space indentation, one member or element per line. */
export function prettyJson(v: JsonValue, indent = ''): string {
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[\n' + indent + ']';
    return `[\n${v.map((x) => inner + prettyJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v instanceof Map) {
    if (v.size === 0) return '{\n' + indent + '}';
    const parts: string[] = [];
    for (const [k, x] of v) parts.push(`${inner}${quoteJsonString(k)}: ${prettyJson(x, inner)}`);
    return `{\n${parts.join(',\n')}\n${indent}}`;
  }
  return jsonText(v);
}
