/**
 * Type resolution for json / jsonb (issue 6): casts, the JSON operators and the
 * JSON functions. Both types are text-backed (`{ kind: 'text', json }`), so the
 * kernels (worker/expr/compile-json.ts) work on the stored text.
 *
 *   ->  ->>          json_get / json_get_text           (key text or array index int)
 *   #>  #>>          json_get_path / json_get_path_text (text[] path)
 *   @>  <@           jsonb_contains
 *   ?  ?|  ?&        jsonb_exists / jsonb_exists_any / jsonb_exists_all
 *   ||  -  #-        jsonb_concat / jsonb_delete / jsonb_delete_path
 */
import {
  type DataType, LochError, SqlState, T, arrayOf, isInteger, isNumeric, jsonbToScalar, normalizeJsonb, typeName,
  validateJson,
} from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import type { ResolvedAggregate } from './aggregates.ts';
import { castExpr, errorTypeName, isUnknownLiteral } from './casts.ts';

/** True for json and jsonb. */
export function isJsonType(t: DataType): boolean {
  return t.kind === 'text' && t.json !== undefined;
}

function isJsonb(t: DataType): boolean {
  return t.kind === 'text' && t.json === 'jsonb';
}

function cannotCast(from: DataType, to: DataType): LochError {
  return new LochError('42846', `cannot cast type ${typeName(from)} to ${typeName(to)}`);
}

/** Casts from or to json/jsonb; undefined when neither side is a JSON type. */
export function jsonCast(expr: Expr, to: DataType): Expr | undefined {
  const from = expr.type;
  const fromJson = isJsonType(from), toJson = isJsonType(to);
  if (!fromJson && !toJson) return undefined;
  if (fromJson && toJson && (from as { json: string }).json === (to as { json: string }).json) return expr;
  if (expr.kind === 'literal' && expr.value === null) return lit(null, to);
  const folded = expr.kind === 'literal' && typeof expr.value === 'string';
  if (toJson) {
    if (from.kind !== 'text' && from.kind !== 'null') throw cannotCast(from, to);
    const jsonb = isJsonb(to);
    if (folded) return lit(jsonb ? normalizeJsonb(expr.value as string) : validateJson(expr.value as string), to);
    // jsonb → json keeps the canonical text; text/json → jsonb normalizes; text → json validates
    if (fromJson && !jsonb) return call('json_relabel', [expr], to);
    return call(jsonb ? 'jsonb_in' : 'json_in', [expr], to);
  }
  if (to.kind === 'text') return folded ? lit(expr.value, to) : call('json_relabel', [expr], to);
  if (isJsonb(from) && (isNumeric(to) || to.kind === 'boolean')) {
    if (folded) return lit(jsonbToScalar(expr.value as string, to), to);
    return call('jsonb_to_scalar', [expr], to);
  }
  throw cannotCast(from, to);
}

function noOperator(op: string, a: Expr, b: Expr): LochError {
  return new LochError(SqlState.undefinedFunction, `operator does not exist: ${errorTypeName(a)} ${op} ${errorTypeName(b)}`, {
    hint: 'No operator matches the given name and argument types. You might need to add explicit type casts.',
  });
}

const TEXT_ARRAY = arrayOf(T.text);

/** A key (text) or index (integer) operand of -> / ->> / -. */
function keyOrIndex(e: Expr): Expr | undefined {
  if (isUnknownLiteral(e)) return castExpr(e, T.text, false);
  if (isInteger(e.type)) return castExpr(e, T.int32, false);
  if (e.type.kind === 'text' && !isJsonType(e.type)) return e;
  return undefined;
}

/** Resolves a JSON operator; undefined when no operand is json/jsonb (other resolvers then apply). */
export function resolveJsonOperator(op: string, args: readonly Expr[]): Expr | undefined {
  if (args.length !== 2) return undefined;
  let [a, b] = args as [Expr, Expr];
  if (!isJsonType(a.type) && !isJsonType(b.type)) return undefined;
  switch (op) {
    case '->': case '->>': {
      if (!isJsonType(a.type)) throw noOperator(op, a, b);
      const k = keyOrIndex(b);
      if (!k) throw noOperator(op, a, b);
      return call(op === '->' ? 'json_get' : 'json_get_text', [a, k], op === '->' ? a.type : T.text);
    }
    case '#>': case '#>>': {
      if (!isJsonType(a.type)) throw noOperator(op, a, b);
      return call(op === '#>' ? 'json_get_path' : 'json_get_path_text', [a, castExpr(b, TEXT_ARRAY, false)], op === '#>' ? a.type : T.text);
    }
    case '@>': case '<@': {
      if (isUnknownLiteral(a)) a = castExpr(a, T.jsonb, false);
      if (isUnknownLiteral(b)) b = castExpr(b, T.jsonb, false);
      if (!isJsonb(a.type) || !isJsonb(b.type)) throw noOperator(op, a, b);
      return call('jsonb_contains', op === '@>' ? [a, b] : [b, a], T.boolean);
    }
    case '?': case '?|': case '?&': {
      if (!isJsonb(a.type)) throw noOperator(op, a, b);
      if (op === '?') {
        if (isUnknownLiteral(b)) b = castExpr(b, T.text, false);
        if (b.type.kind !== 'text' || isJsonType(b.type)) throw noOperator(op, a, b);
        return call('jsonb_exists', [a, b], T.boolean);
      }
      return call(op === '?|' ? 'jsonb_exists_any' : 'jsonb_exists_all', [a, castExpr(b, TEXT_ARRAY, false)], T.boolean);
    }
    case '||': {
      if (isUnknownLiteral(a)) a = castExpr(a, T.jsonb, false);
      if (isUnknownLiteral(b)) b = castExpr(b, T.jsonb, false);
      if (!isJsonb(a.type) || !isJsonb(b.type)) return undefined; // jsonb || text is text concatenation
      return call('jsonb_concat', [a, b], T.jsonb);
    }
    case '-': {
      if (!isJsonb(a.type)) throw noOperator(op, a, b);
      if (b.type.kind === 'array') return call('jsonb_delete', [a, castExpr(b, TEXT_ARRAY, false)], T.jsonb);
      const k = keyOrIndex(b);
      if (!k) throw noOperator(op, a, b);
      return call('jsonb_delete', [a, k], T.jsonb);
    }
    case '#-': {
      if (!isJsonb(a.type)) throw noOperator(op, a, b);
      return call('jsonb_delete_path', [a, castExpr(b, TEXT_ARRAY, false)], T.jsonb);
    }
    default: return undefined;
  }
}

/** The first argument as json (json_* functions) or jsonb (jsonb_* functions); string constants adapt. */
function jsonArg(e: Expr, name: string): Expr | undefined {
  const want = name.startsWith('jsonb') ? T.jsonb : T.json;
  if (isUnknownLiteral(e)) return castExpr(e, want, false);
  if (!isJsonType(e.type)) return undefined;
  return isJsonb(want) === isJsonb(e.type) ? e : undefined;
}

function resultOf(name: string): DataType {
  return name.startsWith('jsonb') ? T.jsonb : T.json;
}

function toText(e: Expr): Expr {
  return isUnknownLiteral(e) ? castExpr(e, T.text, false) : e;
}

/** Arguments of any type for json_build_* / to_json (string constants are text). */
function anyArg(e: Expr): Expr {
  return isUnknownLiteral(e) && e.type.kind !== 'null' ? castExpr(e, T.text, false) : e;
}

/** Resolves a JSON function by name; undefined for other names or argument types that do not fit. */
export function resolveJsonFunction(name: string, args: readonly Expr[]): Expr | undefined {
  switch (name) {
    case 'json_extract_path': case 'jsonb_extract_path':
    case 'json_extract_path_text': case 'jsonb_extract_path_text': {
      if (args.length < 1) return undefined;
      const j = jsonArg(args[0]!, name);
      if (!j) return undefined;
      const path = args.slice(1).map((e) => castExpr(toText(e), T.text, false));
      return call(name.endsWith('_text') ? 'json_extract_path_text' : 'json_extract_path', [j, ...path], name.endsWith('_text') ? T.text : j.type);
    }
    case 'json_array_length': case 'jsonb_array_length': case 'json_typeof': case 'jsonb_typeof':
    case 'json_strip_nulls': case 'jsonb_strip_nulls': case 'jsonb_pretty': {
      if (args.length !== 1) return undefined;
      const j = jsonArg(args[0]!, name);
      if (!j) return undefined;
      const fn = name.replace(/^jsonb?_/, 'json_');
      const type = fn === 'json_array_length' ? T.int32 : fn === 'json_typeof' || name === 'jsonb_pretty' ? T.text : j.type;
      return call(name === 'jsonb_pretty' ? 'jsonb_pretty' : fn, [j], type);
    }
    case 'json_build_object': case 'jsonb_build_object': case 'json_build_array': case 'jsonb_build_array': {
      if (name.endsWith('object') && args.length % 2 !== 0) {
        throw new LochError(SqlState.invalidParameterValue, 'argument list must have even number of elements', {
          hint: `The arguments of ${name}() must consist of alternating keys and values.`,
        });
      }
      return call(name, args.map(anyArg), resultOf(name));
    }
    case 'to_json': case 'to_jsonb': case 'row_to_json':
      if (args.length !== 1) return undefined;
      return call(name === 'to_jsonb' ? 'to_jsonb' : 'to_json', [anyArg(args[0]!)], name === 'to_jsonb' ? T.jsonb : T.json);
    case 'jsonb_set': case 'jsonb_insert': {
      if (args.length < 3 || args.length > 4) return undefined;
      const j = jsonArg(args[0]!, name);
      const v = jsonArg(args[2]!, name);
      if (!j || !v) return undefined;
      const flag = args.length === 4 ? castExpr(args[3]!, T.boolean, false) : lit(name === 'jsonb_set', T.boolean);
      return call(name, [j, castExpr(args[1]!, TEXT_ARRAY, false), v, flag], T.jsonb);
    }
    case 'json_object_keys': case 'jsonb_object_keys': case 'json_each': case 'jsonb_each': case 'json_each_text':
    case 'jsonb_each_text': case 'json_array_elements': case 'jsonb_array_elements': case 'json_array_elements_text':
    case 'jsonb_array_elements_text':
      throw new LochError(SqlState.featureNotSupported, `${name}() is a set-returning function: Loch supports it in FROM only`);
    default: return undefined;
  }
}

/** json_agg(x) / jsonb_agg(x) / json_object_agg(k, v) / jsonb_object_agg(k, v); undefined for other aggregates. */
export function resolveJsonAggregate(fn: string, args: readonly Expr[]): ResolvedAggregate | undefined {
  const object = fn === 'json_object_agg' || fn === 'jsonb_object_agg';
  if (!object && fn !== 'json_agg' && fn !== 'jsonb_agg') return undefined;
  if (args.length !== (object ? 2 : 1)) {
    throw new LochError(SqlState.undefinedFunction, `function ${fn}(${args.map((a) => errorTypeName(a)).join(', ')}) does not exist`);
  }
  return { fn, args: args.map(anyArg), type: fn.startsWith('jsonb') ? T.jsonb : T.json };
}
