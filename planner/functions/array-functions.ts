/**
 * Arrays, structs and maps in expressions (issue 6): constructors, subscripts,
 * field access, `op ANY/ALL (array)`, comparisons of nested values and the
 * array/map/struct function library. Resolution yields Calls that
 * worker/expr/compile-array.ts implements under the same names.
 *
 * PostgreSQL semantics where dialects differ: arrays are 1-based, an index out
 * of range gives NULL, `ROW(a, b)` is a struct with fields f1, f2. Spark's
 * `element_at` (negative indexes count from the end), `struct`, `named_struct`,
 * `map`, `map_keys`, `map_values`, `size` and DataFusion's `make_array` are
 * offered under their own names.
 */
import {
  type DataType, type LiteralValue, type StructField, LochError, SqlState, StructValue, T,
  arrayOf, isInteger, mapOf, structOf, typeName,
} from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import { castExpr, commonSupertypeOfExprs, isUnknownLiteral } from './casts.ts';

function mismatch(message: string): LochError {
  return new LochError(SqlState.datatypeMismatch, message);
}

/** `ARRAY[e1, e2, …]`: elements cast to their common type; all-literal arrays fold to a literal. */
export function resolveArrayConstructor(elements: readonly Expr[]): Expr {
  if (elements.length === 0) {
    throw new LochError('42P18', 'cannot determine type of empty array', { hint: 'Explicitly cast to the desired type, for example ARRAY[]::integer[].' });
  }
  let element = commonSupertypeOfExprs(elements, 'ARRAY');
  if (element.kind === 'null') element = T.text;
  const args = elements.map((e) => castExpr(e, element, false));
  const type = arrayOf(element);
  if (args.every((a) => a.kind === 'literal')) return lit(args.map((a) => (a as { value: LiteralValue }).value), type);
  return call('array_construct', args, type);
}

/** A struct from values: `ROW(a, b)` (fields f1, f2, …) or Spark's `struct(a, b)` / `named_struct('a', x, …)`. */
export function resolveStructConstructor(args: readonly Expr[], names?: readonly string[]): Expr {
  const typed = args.map((a) => (isUnknownLiteral(a) ? castExpr(a, T.text, false) : a.type.kind === 'null' ? castExpr(a, T.text, false) : a));
  const fields: StructField[] = typed.map((a, i) => ({ name: names?.[i] ?? `f${i + 1}`, type: a.type }));
  const type = structOf(fields);
  if (typed.every((a) => a.kind === 'literal')) return lit(new StructValue(typed.map((a) => (a as { value: LiteralValue }).value)), type);
  return call('struct_construct', typed, type);
}

/** An unknown string literal used where an array/map of `hint` is expected: cast it (`'{1,2}'`). */
function asNested(e: Expr, hint: DataType | undefined): Expr {
  if (isUnknownLiteral(e) && hint) return castExpr(e, hint, true);
  return e;
}

/** `base[index]`: array element (1-based) or map value by key. */
export function resolveSubscript(base: Expr, index: Expr): Expr {
  const t = base.type;
  if (t.kind === 'array') return call('array_subscript', [base, toInt(index, 'array subscript')], t.element);
  if (t.kind === 'map') return call('map_get', [base, castExpr(index, t.key, false)], t.value);
  if (t.kind === 'struct' && index.kind === 'literal' && typeof index.value === 'string') {
    // DuckDB/Spark `s['field']`
    const field = resolveFieldAccess(base, index.value);
    if (field) return field;
    throw noSuchField(base, index.value);
  }
  if (t.kind === 'null') return lit(null, T.null);
  throw mismatch(`cannot subscript type ${typeName(t)} because it does not support subscripting`);
}

/** `base[lo:hi]` (either bound may be omitted): a sub-array, bounds inclusive and clamped. */
export function resolveSlice(base: Expr, lo: Expr | null, hi: Expr | null): Expr {
  if (base.type.kind !== 'array') throw mismatch(`cannot subscript type ${typeName(base.type)} because it does not support subscripting`);
  const bound = (e: Expr | null): Expr => (e ? toInt(e, 'array subscript') : lit(null, T.int32));
  return call('array_slice', [base, bound(lo), bound(hi)], base.type);
}

function toInt(e: Expr, what: string): Expr {
  if (isUnknownLiteral(e) || e.type.kind === 'null') return castExpr(e, T.int32, true);
  if (!isInteger(e.type)) throw mismatch(`${what} must be type integer`);
  return castExpr(e, T.int32, false);
}

/** `(base).name` on a struct (field names match case-insensitively when no exact match). */
export function resolveFieldAccess(base: Expr, name: string): Expr | undefined {
  const t = base.type;
  if (t.kind !== 'struct') return undefined;
  let i = t.fields.findIndex((f) => f.name === name);
  if (i < 0) i = t.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  if (i < 0) return undefined;
  return call('struct_field', [base, lit(i, T.int32)], t.fields[i]!.type);
}

/** The error for a field that `resolveFieldAccess` could not find. */
export function noSuchField(base: Expr, name: string): LochError {
  if (base.type.kind !== 'struct') {
    return new LochError(SqlState.datatypeMismatch, `column notation .${name} applied to type ${typeName(base.type)}, which is not a composite type`);
  }
  return new LochError(SqlState.undefinedColumn, `column "${name}" not found in data type ${typeName(base.type)}`);
}

const COMPARE_OPS: Readonly<Record<string, string>> = { '=': 'eq', '<>': 'ne', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** `left op ANY (right)` / `left op ALL (right)` with an array on the right. */
export function resolveArrayComparison(op: string, left: Expr, right: Expr, all: boolean): Expr {
  const cmp = COMPARE_OPS[op];
  if (!cmp) throw new LochError(SqlState.featureNotSupported, `operator ${op} ${all ? 'ALL' : 'ANY'} (array) is not supported`);
  let l = left, r = right;
  if (isUnknownLiteral(r)) r = castExpr(r, arrayOf(isUnknownLiteral(l) ? T.text : l.type), true);
  if (r.type.kind === 'null') return lit(null, T.boolean);
  if (r.type.kind !== 'array') throw mismatch(`op ANY/ALL (array) requires array on right side`);
  const common = commonSupertypeOfExprs([l, { kind: 'literal', value: null, type: r.type.element }], 'ANY/ALL');
  l = castExpr(l, common, false);
  r = castExpr(r, arrayOf(common), false);
  return call(all ? 'array_all' : 'array_any', [l, r, lit(cmp, T.text)], T.boolean);
}

/** Comparisons and `||` where an operand is an array, struct or map (undefined: not a nested operator). */
export function resolveNestedOperator(op: string, args: readonly Expr[]): Expr | undefined {
  if (args.length !== 2) return undefined;
  let [a, b] = args as [Expr, Expr];
  const nested = (t: DataType): boolean => t.kind === 'array' || t.kind === 'struct' || t.kind === 'map';
  if (!nested(a.type) && !nested(b.type)) return undefined;
  a = asNested(a, b.type);
  b = asNested(b, a.type);
  const cmp = COMPARE_OPS[op];
  if (cmp) {
    const common = commonSupertypeOfExprs([a, b], 'comparison');
    return call(`nested_${cmp}`, [castExpr(a, common, false), castExpr(b, common, false)], T.boolean);
  }
  if (op === '||') {
    if (a.type.kind === 'array' && b.type.kind === 'array') {
      const t = commonSupertypeOfExprs([a, b], 'array concatenation');
      return call('array_cat', [castExpr(a, t, false), castExpr(b, t, false)], t);
    }
    if (a.type.kind === 'array') return call('array_append', [a, castExpr(b, a.type.element, false)], a.type);
    if (b.type.kind === 'array') return call('array_prepend', [castExpr(a, b.type.element, false), b], b.type);
  }
  if ((op === '@>' || op === '<@' || op === '&&') && a.type.kind === 'array' && b.type.kind === 'array') {
    const t = commonSupertypeOfExprs([a, b], op);
    const [x, y] = op === '<@' ? [b, a] : [a, b];
    return call(op === '&&' ? 'array_overlap' : 'array_contains_all', [castExpr(x, t, false), castExpr(y, t, false)], T.boolean);
  }
  return undefined;
}

type NestedResolver = (args: Expr[]) => Expr | undefined;

/**
 * `array_sort(a [, 'ASC' | 'DESC' [, 'NULLS FIRST' | 'NULLS LAST']])`: Spark's array_sort (ascending,
 * NULLs last) with DataFusion's optional direction and NULL placement (constants).
 */
function resolveArraySort(args: Expr[]): Expr | undefined {
  if (!arrayArg(args[0]) || args.length > 3) return undefined;
  const word = (e: Expr | undefined): string | null | undefined => {
    if (!e) return null;
    return e.kind === 'literal' && typeof e.value === 'string' ? e.value.trim().toUpperCase().replace(/\s+/g, ' ') : undefined;
  };
  const direction = word(args[1]), nulls = word(args[2]);
  if (direction === undefined || nulls === undefined) return undefined;
  if (direction !== null && direction !== 'ASC' && direction !== 'DESC') throw mismatch(`array_sort: the sort direction must be 'ASC' or 'DESC', not '${direction}'`);
  if (nulls !== null && nulls !== 'NULLS FIRST' && nulls !== 'NULLS LAST') throw mismatch(`array_sort: NULLs must be 'NULLS FIRST' or 'NULLS LAST', not '${nulls}'`);
  return call('array_sort', [args[0]!, lit(direction === 'DESC', T.boolean), lit(nulls === 'NULLS FIRST', T.boolean)], args[0]!.type);
}

function arrayArg(e: Expr | undefined): Expr | undefined {
  return e && e.type.kind === 'array' ? e : undefined;
}

const FUNCTIONS: Readonly<Record<string, NestedResolver>> = {
  make_array: (args) => (args.length > 0 ? resolveArrayConstructor(args) : undefined),
  array: (args) => (args.length > 0 ? resolveArrayConstructor(args) : undefined),
  cardinality: (args) => (arrayArg(args[0]) && args.length === 1 ? call('cardinality', args, T.int32) : undefined),
  size: (args) => (args.length === 1 && (args[0]!.type.kind === 'array' || args[0]!.type.kind === 'map') ? call('cardinality', args, T.int32) : undefined),
  array_length: (args) => {
    if (!arrayArg(args[0])) return undefined;
    if (args.length === 1) return call('cardinality', args, T.int32);
    return args.length === 2 ? call('array_length', [args[0]!, toInt(args[1]!, 'dimension')], T.int32) : undefined;
  },
  array_upper: (args) => (arrayArg(args[0]) && args.length === 2 ? call('array_length', [args[0]!, toInt(args[1]!, 'dimension')], T.int32) : undefined),
  array_lower: (args) => (arrayArg(args[0]) && args.length === 2 ? call('array_lower', [args[0]!, toInt(args[1]!, 'dimension')], T.int32) : undefined),
  array_ndims: (args) => (arrayArg(args[0]) && args.length === 1 ? call('array_ndims', args, T.int32) : undefined),
  array_position: (args) => {
    const a = arrayArg(args[0]);
    if (!a || args.length < 2 || args.length > 3) return undefined;
    const el = (a.type as { element: DataType }).element;
    const rest = [castExpr(args[1]!, el, false), ...(args[2] ? [toInt(args[2], 'start position')] : [])];
    return call('array_position', [a, ...rest], T.int32);
  },
  array_contains: (args) => {
    const a = arrayArg(args[0]);
    if (!a || args.length !== 2) return undefined;
    return call('array_contains', [a, castExpr(args[1]!, (a.type as { element: DataType }).element, false)], T.boolean);
  },
  array_append: (args) => {
    const a = arrayArg(args[0]);
    return a && args.length === 2 ? call('array_append', [a, castExpr(args[1]!, (a.type as { element: DataType }).element, false)], a.type) : undefined;
  },
  array_prepend: (args) => {
    const a = arrayArg(args[1]);
    return a && args.length === 2 ? call('array_prepend', [castExpr(args[0]!, (a.type as { element: DataType }).element, false), a], a.type) : undefined;
  },
  array_cat: (args) => (args.length === 2 ? resolveNestedOperator('||', args) : undefined),
  array_concat: (args) => (args.length === 2 ? resolveNestedOperator('||', args) : undefined),
  array_remove: (args) => {
    const a = arrayArg(args[0]);
    return a && args.length === 2 ? call('array_remove', [a, castExpr(args[1]!, (a.type as { element: DataType }).element, false)], a.type) : undefined;
  },
  array_to_string: (args) => {
    if (!arrayArg(args[0]) || args.length < 2 || args.length > 3) return undefined;
    return call('array_to_string', [args[0]!, ...args.slice(1).map((e) => castExpr(e, T.text, false))], T.text);
  },
  array_sort: (args) => resolveArraySort(args),
  sort_array: (args) => {
    // Spark's sort_array(a [, ascending]): NULLs first ascending, last descending
    if (!arrayArg(args[0]) || args.length > 2) return undefined;
    const asc = args[1] ?? lit(true, T.boolean);
    if (asc.kind !== 'literal' || typeof asc.value !== 'boolean') return undefined;
    return call('array_sort', [args[0]!, lit(!asc.value, T.boolean), lit(asc.value, T.boolean)], args[0]!.type);
  },
  element_at: (args) => {
    if (args.length !== 2) return undefined;
    if (args[0]!.type.kind === 'map') return resolveSubscript(args[0]!, args[1]!);
    return arrayArg(args[0]) ? call('element_at', [args[0]!, toInt(args[1]!, 'index')], (args[0]!.type as { element: DataType }).element) : undefined;
  },
  struct: (args) => (args.length > 0 ? resolveStructConstructor(args, args.map((a, i) => (a.kind === 'column' ? a.name.split('.').pop()! : `col${i + 1}`))) : undefined),
  row: (args) => resolveStructConstructor(args),
  named_struct: (args) => {
    if (args.length === 0 || args.length % 2 !== 0) return undefined;
    const names: string[] = [];
    const values: Expr[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const n = args[i]!;
      if (n.kind !== 'literal' || typeof n.value !== 'string') throw mismatch('named_struct() field names must be string constants');
      names.push(n.value);
      values.push(args[i + 1]!);
    }
    return resolveStructConstructor(values, names);
  },
  map: (args) => {
    if (args.length % 2 !== 0) return undefined;
    if (args.length === 0) return lit(null, mapOf(T.text, T.text));
    const keys = args.filter((_, i) => i % 2 === 0), values = args.filter((_, i) => i % 2 === 1);
    let kt = commonSupertypeOfExprs(keys, 'map keys'), vt = commonSupertypeOfExprs(values, 'map values');
    if (kt.kind === 'null') kt = T.text;
    if (vt.kind === 'null') vt = T.text;
    const cast = args.map((a, i) => castExpr(a, i % 2 === 0 ? kt : vt, false));
    return call('map_construct', cast, mapOf(kt, vt));
  },
  map_from_arrays: (args) => {
    const k = arrayArg(args[0]), v = arrayArg(args[1]);
    if (!k || !v || args.length !== 2) return undefined;
    return call('map_from_arrays', [k, v], mapOf((k.type as { element: DataType }).element, (v.type as { element: DataType }).element));
  },
  map_keys: (args) => (args.length === 1 && args[0]!.type.kind === 'map' ? call('map_keys', args, arrayOf(args[0]!.type.key)) : undefined),
  map_values: (args) => (args.length === 1 && args[0]!.type.kind === 'map' ? call('map_values', args, arrayOf(args[0]!.type.value)) : undefined),
};

/**
 * Resolves an array/map/struct function by name, or undefined when `name` is
 * not one of them. A known name with unfitting arguments raises 42883.
 */
export function resolveNestedFunction(name: string, args: readonly Expr[]): Expr | undefined {
  const f = FUNCTIONS[name];
  if (!f) return undefined;
  const e = f([...args]);
  if (!e) {
    throw new LochError(SqlState.undefinedFunction, `function ${name}(${args.map((a) => (isUnknownLiteral(a) ? 'unknown' : typeName(a.type))).join(', ')}) does not exist`, {
      hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
    });
  }
  return e;
}

/** True for the names `resolveNestedFunction` knows. */
export function isNestedFunctionName(name: string): boolean {
  return name in FUNCTIONS;
}
