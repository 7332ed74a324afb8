/**
 * Kernels for json / jsonb (issue 6; resolution in planner/functions/json-functions.ts).
 * Both types are stored as text. `->`, `->>`, `#>`, `#>>`, json_typeof and
 * json_array_length navigate the text with core/json-scan.ts (no tree is
 * built); the rest parse the value once per row.
 */
import * as arrow from 'apache-arrow';
import {
  type Batch, type DataType, type JsonValue, type LiteralValue, LochError, SqlState, canonicalJson, embedJson,
  jsonArrayLength, jsonCompactText, jsonElement, jsonField, jsonPath, jsonSpan, jsonSpanText, jsonText, jsonTypeofText,
  jsonbToScalar, normalizeJsonb, parseJson, quoteJsonString, sqlToJson, toJsonText, validateJson,
} from '../../core/index.ts';
import {
  jsonbConcat, jsonbContains, jsonbDelete, jsonbDeletePath, jsonbExists, jsonbSetPath, prettyJson, stripNulls,
} from '../kernels/json-values.ts';
import { jsonGetColumn } from '../kernels/json-bytes.ts';
import { selectionOf } from '../kernels/vector.ts';
import type { Node } from './node.ts';
import { rowwise } from './rowwise.ts';

type Evaluate = (batch: Batch) => arrow.Data;

function isJsonb(t: DataType): boolean {
  return t.kind === 'text' && t.json === 'jsonb';
}

/** Stored text of a tree for the result type (jsonb canonical, json compact). */
function out(v: JsonValue, type: DataType): string {
  return isJsonb(type) ? jsonText(canonicalJson(v)) : jsonCompactText(v);
}

function get(s: string, key: LiteralValue): boolean {
  return typeof key === 'number' ? jsonElement(s, 0, key) : jsonField(s, 0, key as string);
}

function pathOf(v: readonly LiteralValue[], from: number): (string | null)[] {
  const p: (string | null)[] = [];
  for (let k = from; k < v.length; k++) p.push(v[k] as string | null);
  return p;
}

/** Compiles a JSON function or operator; undefined for other names. */
export function compileJsonFunction(fn: string, args: readonly Node[], type: DataType): Evaluate | undefined {
  const argTypes = args.map((a) => a.type);
  switch (fn) {
    case 'json_in': return rowwise(args, type, (v) => validateJson(v[0] as string), true);
    case 'jsonb_in': return rowwise(args, type, (v) => normalizeJsonb(v[0] as string), true);
    case 'json_relabel': return rowwise(args, type, (v) => v[0]!, true);
    case 'jsonb_to_scalar': return rowwise(args, type, (v) => jsonbToScalar(v[0] as string, type), true);
    case 'json_get': return withConstantKey(args, false, rowwise(args, type, (v) => {
      const s = v[0] as string;
      return get(s, v[1]!) ? s.slice(jsonSpan.start, jsonSpan.end) : null;
    }, true));
    case 'json_get_text': return withConstantKey(args, true, rowwise(args, type, (v) => {
      const s = v[0] as string;
      return get(s, v[1]!) ? jsonSpanText(s, jsonSpan.start, jsonSpan.end) : null;
    }, true));
    case 'json_get_path': case 'json_get_path_text': case 'json_extract_path': case 'json_extract_path_text': {
      const asText = fn.endsWith('_text');
      const variadic = fn.startsWith('json_extract');
      return rowwise(args, type, (v) => {
        const s = v[0] as string;
        const path = variadic ? pathOf(v, 1) : pathOf(v[1] as readonly LiteralValue[], 0);
        if (!jsonPath(s, path)) return null;
        return asText ? jsonSpanText(s, jsonSpan.start, jsonSpan.end) : s.slice(jsonSpan.start, jsonSpan.end);
      }, true);
    }
    case 'json_typeof': return rowwise(args, type, (v) => jsonTypeofText(v[0] as string), true);
    case 'json_array_length': return rowwise(args, type, (v) => {
      const n = jsonArrayLength(v[0] as string, 0);
      if (n < 0) {
        const scalar = isJsonb(argTypes[0]!) && jsonTypeofText(v[0] as string) !== 'object';
        throw new LochError(SqlState.invalidParameterValue, `cannot get array length of a ${scalar ? 'scalar' : 'non-array'}`);
      }
      return n;
    }, true);
    case 'json_strip_nulls': return rowwise(args, type, (v) => out(stripNulls(parseJson(v[0] as string)), type), true);
    case 'jsonb_pretty': return rowwise(args, type, (v) => prettyJson(parseJson(v[0] as string)), true);
    case 'json_build_object': case 'jsonb_build_object': return rowwise(args, type, (v) => {
      const parts: string[] = [];
      const tree = new Map<string, JsonValue>();
      for (let k = 0; k < v.length; k += 2) {
        if (v[k] === null) throw new LochError('22004', `argument ${k + 1}: key must not be null`);
        const key = typeof v[k] === 'string' ? v[k] as string : embedJson(v[k]!, argTypes[k]!).replace(/^"|"$/g, '');
        if (fn === 'jsonb_build_object') tree.set(key, sqlToJson(v[k + 1]!, argTypes[k + 1]!));
        else parts.push(`${quoteJsonString(key)} : ${embedJson(v[k + 1]!, argTypes[k + 1]!)}`);
      }
      return fn === 'jsonb_build_object' ? jsonText(canonicalJson(tree)) : `{${parts.join(', ')}}`;
    }, false);
    case 'json_build_array': case 'jsonb_build_array': return rowwise(args, type, (v) => {
      if (fn === 'jsonb_build_array') return jsonText(canonicalJson(v.map((x, k) => sqlToJson(x, argTypes[k]!))));
      return `[${v.map((x, k) => embedJson(x, argTypes[k]!)).join(', ')}]`;
    }, false);
    case 'to_json': case 'to_jsonb': return rowwise(args, type, (v) => toJsonText(v[0]!, argTypes[0]!, fn === 'to_jsonb'), true);
    case 'jsonb_contains': return rowwise(args, type, (v) => jsonbContains(parseJson(v[0] as string), parseJson(v[1] as string)), true);
    case 'jsonb_exists': return rowwise(args, type, (v) => jsonbExists(parseJson(v[0] as string), v[1] as string), true);
    case 'jsonb_exists_any': case 'jsonb_exists_all': return rowwise(args, type, (v) => {
      const j = parseJson(v[0] as string);
      const keys = (v[1] as readonly LiteralValue[]).filter((k): k is string => k !== null);
      return fn === 'jsonb_exists_any' ? keys.some((k) => jsonbExists(j, k)) : keys.every((k) => jsonbExists(j, k));
    }, true);
    case 'jsonb_concat': return rowwise(args, type, (v) => jsonText(jsonbConcat(parseJson(v[0] as string), parseJson(v[1] as string))), true);
    case 'jsonb_delete': return rowwise(args, type, (v) => {
      let j = parseJson(v[0] as string);
      if (Array.isArray(v[1])) {
        for (const k of v[1] as readonly LiteralValue[]) if (typeof k === 'string') j = jsonbDelete(j, k);
      } else {
        j = jsonbDelete(j, v[1] as string | number);
      }
      return jsonText(j);
    }, true);
    case 'jsonb_delete_path': return rowwise(args, type, (v) => jsonText(jsonbDeletePath(parseJson(v[0] as string), pathOf(v[1] as readonly LiteralValue[], 0))), true);
    case 'jsonb_set': case 'jsonb_insert': return rowwise(args, type, (v) => {
      const path = pathOf(v[1] as readonly LiteralValue[], 0);
      return jsonText(jsonbSetPath(parseJson(v[0] as string), path, parseJson(v[2] as string), v[3] as boolean, fn === 'jsonb_insert'));
    }, true);
    default: return undefined;
  }
}

/** `->` / `->>` with a constant key or index: a byte scan of the column (json-bytes.ts); `slow` otherwise. */
function withConstantKey(args: readonly Node[], asText: boolean, slow: Evaluate): Evaluate {
  const key = args[1]!.constant?.value;
  if (args[0]!.constant || (typeof key !== 'string' && typeof key !== 'number')) return slow;
  return (batch) => {
    const data = args[0]!.evaluate(batch);
    if (data.typeId !== arrow.Type.Utf8 || data.offset !== 0 || data.length !== batch.numRows) return slow(batch);
    return jsonGetColumn(data, selectionOf(batch.selection, batch.numRows), batch.numRows, key, asText);
  };
}
