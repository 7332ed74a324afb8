/**
 * Array, struct and map functions (issue 6), under the Call names that
 * planner/functions/array-functions.ts resolves to. They run row by row over
 * core/literal.ts values (JS arrays, StructValue, MapValue): nested values are
 * built and taken apart per row anyway, so a typed kernel would buy little.
 *
 * Comparisons of nested values (`nested_eq` …) order arrays element by element
 * (a NULL element sorts after every value, as in PostgreSQL), then by length;
 * structs field by field; maps by their entries in stored order.
 */
import type * as arrow from 'apache-arrow';
import {
  type Batch, type DataType, type LiteralValue, LochError, MapValue, SqlState, StructValue, formatValue,
} from '../../core/index.ts';
import { compareNested } from '../kernels/nested-values.ts';
import type { Node } from './node.ts';
import { rowwise } from './rowwise.ts';

type Evaluate = (batch: Batch) => arrow.Data;
type Values = LiteralValue[];

/** IS NOT DISTINCT FROM for values of `type`. */
function same(a: LiteralValue, b: LiteralValue, type: DataType): boolean {
  if (a === null || b === null) return a === b;
  return compareNested(a, b, type) === 0;
}

function test(op: string, c: number): boolean {
  switch (op) {
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
    case 'lt': return c < 0;
    case 'le': return c <= 0;
    case 'gt': return c > 0;
    default: return c >= 0;
  }
}

/** `x op ANY/ALL (arr)` with SQL's three-valued logic. */
function anyAll(x: LiteralValue, arr: readonly LiteralValue[] | null, op: string, type: DataType, all: boolean): LiteralValue {
  if (arr === null) return null;
  if (arr.length === 0) return all;
  if (x === null) return null;
  let sawNull = false;
  for (const e of arr) {
    if (e === null) { sawNull = true; continue; }
    const r = test(op, compareNested(x, e, type));
    if (all && !r) return false;
    if (!all && r) return true;
  }
  return sawNull ? null : all;
}

const asArray = (v: LiteralValue): readonly LiteralValue[] => v as readonly LiteralValue[];

/** The implementation of nested function `fn`, or undefined when `fn` is not one. */
export function compileArrayFunction(fn: string, args: readonly Node[], type: DataType): Evaluate | undefined {
  const t = args.map((a) => a.type);
  const elementOf = (k: number): DataType => {
    const at = t[k]!;
    return at.kind === 'array' ? at.element : at;
  };
  const strict = (f: (v: Values) => LiteralValue): Evaluate => rowwise(args, type, f, true);
  const lenient = (f: (v: Values) => LiteralValue): Evaluate => rowwise(args, type, f, false);
  if (fn.startsWith('nested_')) {
    const op = fn.slice('nested_'.length);
    return strict((v) => test(op, compareNested(v[0]!, v[1]!, t[0]!)));
  }
  switch (fn) {
    case 'array_construct': return lenient((v) => [...v]);
    case 'struct_construct': return lenient((v) => new StructValue([...v]));
    case 'array_subscript': return strict((v) => asArray(v[0]!)[(v[1] as number) - 1] ?? null);
    case 'element_at': return strict((v) => {
      const a = asArray(v[0]!), i = v[1] as number;
      if (i === 0) throw new LochError(SqlState.invalidParameterValue, 'element_at: the index 0 is invalid (indexes start at 1)');
      return (i > 0 ? a[i - 1] : a[a.length + i]) ?? null;
    });
    case 'array_slice': return lenient((v) => {
      if (v[0] === null) return null;
      const a = asArray(v[0]);
      const lo = Math.max(1, v[1] === null ? 1 : (v[1] as number));
      const hi = Math.min(a.length, v[2] === null ? a.length : (v[2] as number));
      return hi < lo ? [] : a.slice(lo - 1, hi);
    });
    case 'struct_field': {
      const index = args[1]!.constant?.value as number;
      return lenient((v) => (v[0] === null ? null : (v[0] as StructValue).values[index] ?? null));
    }
    case 'map_get': return strict((v) => {
      const m = v[0] as MapValue;
      for (let i = 0; i < m.keys.length; i++) if (same(m.keys[i]!, v[1]!, (t[0] as { key: DataType }).key)) return m.values[i] ?? null;
      return null;
    });
    case 'array_any': case 'array_all': {
      const op = args[2]!.constant?.value as string;
      const all = fn === 'array_all';
      return lenient((v) => anyAll(v[0]!, v[1] === null ? null : asArray(v[1]), op, t[0]!, all));
    }
    case 'cardinality': return strict((v) => (v[0] instanceof MapValue ? v[0].keys.length : asArray(v[0]!).length));
    case 'array_length': return strict((v) => {
      let a = asArray(v[0]!);
      for (let d = v[1] as number; d > 1; d--) a = Array.isArray(a[0]) ? asArray(a[0]!) : [];
      return d1(v[1] as number) && a.length > 0 ? a.length : null;
    });
    case 'array_lower': return strict((v) => (asArray(v[0]!).length > 0 && (v[1] as number) >= 1 ? 1 : null));
    case 'array_ndims': return strict((v) => {
      if (asArray(v[0]!).length === 0) return null;
      let n = 0;
      for (let x: DataType = t[0]!; x.kind === 'array'; x = x.element) n++;
      return n;
    });
    case 'array_position': return lenient((v) => {
      if (v[0] === null) return null;
      const a = asArray(v[0]), start = args.length > 2 ? (v[2] as number | null) ?? 1 : 1;
      for (let i = Math.max(1, start); i <= a.length; i++) if (same(a[i - 1] ?? null, v[1]!, elementOf(0))) return i;
      return null;
    });
    case 'array_contains': return strict((v) => {
      let sawNull = false;
      for (const e of asArray(v[0]!)) {
        if (e === null) sawNull = true;
        else if (compareNested(e, v[1]!, elementOf(0)) === 0) return true;
      }
      return sawNull ? null : false;
    });
    case 'array_append': return lenient((v) => [...(v[0] === null ? [] : asArray(v[0])), v[1]!]);
    case 'array_prepend': return lenient((v) => [v[0]!, ...(v[1] === null ? [] : asArray(v[1]))]);
    case 'array_cat': return lenient((v) => (v[0] === null && v[1] === null ? null : [...(v[0] === null ? [] : asArray(v[0])), ...(v[1] === null ? [] : asArray(v[1]))]));
    case 'array_remove': return lenient((v) => (v[0] === null ? null : asArray(v[0]).filter((e) => !same(e, v[1]!, elementOf(0)))));
    case 'array_to_string': return lenient((v) => {
      if (v[0] === null || v[1] === null) return null;
      const nullText = args.length > 2 ? (v[2] as string | null) : null;
      const parts: string[] = [];
      const flat = (a: readonly LiteralValue[], et: DataType): void => {
        for (const e of a) {
          if (e === null) { if (nullText !== null) parts.push(nullText); continue; }
          if (et.kind === 'array') flat(asArray(e), et.element);
          else parts.push(et.kind === 'text' ? (e as string) : formatValue(e, et));
        }
      };
      flat(asArray(v[0]), elementOf(0));
      return parts.join(v[1] as string);
    });
    case 'array_sort': {
      // [array, descending, nulls first] (planner/functions/array-functions.ts)
      const descending = args[1]!.constant?.value === true, nullsFirst = args[2]!.constant?.value === true;
      return strict((v) => [...asArray(v[0]!)].sort((a, b) => {
        if (a === null || b === null) return a === b ? 0 : (a === null) === nullsFirst ? -1 : 1;
        const c = compareNested(a, b, elementOf(0));
        return descending ? -c : c;
      }));
    }
    case 'array_overlap': return strict((v) => asArray(v[0]!).some((x) => x !== null && asArray(v[1]!).some((y) => y !== null && compareNested(x, y, elementOf(0)) === 0)));
    case 'array_contains_all': return strict((v) => asArray(v[1]!).every((y) => y !== null && asArray(v[0]!).some((x) => x !== null && compareNested(x, y, elementOf(0)) === 0)));
    case 'map_construct': return lenient((v) => {
      const keys: LiteralValue[] = [], values: LiteralValue[] = [];
      for (let i = 0; i < v.length; i += 2) {
        if (v[i] === null) throw new LochError('22004', 'map() keys cannot be NULL');
        keys.push(v[i]!);
        values.push(v[i + 1]!);
      }
      return new MapValue(keys, values);
    });
    case 'map_from_arrays': return strict((v) => {
      const k = asArray(v[0]!), x = asArray(v[1]!);
      if (k.length !== x.length) throw new LochError(SqlState.invalidParameterValue, 'map_from_arrays: the key and value arrays differ in length');
      if (k.some((e) => e === null)) throw new LochError('22004', 'map keys cannot be NULL');
      return new MapValue([...k], [...x]);
    });
    case 'map_keys': return strict((v) => [...(v[0] as MapValue).keys]);
    case 'map_values': return strict((v) => [...(v[0] as MapValue).values]);
    default: return undefined;
  }
}

function d1(dimension: number): boolean {
  return dimension >= 1;
}
