/**
 * Row-level helpers for nested columns (array, struct, map; issue 6) in the
 * generic kernels: a total order (ORDER BY, comparisons, MIN/MAX), a canonical
 * key text (hashing and equality for GROUP BY, DISTINCT, joins, set operations).
 * Nested values are read per row as core/literal.ts values: grouping or sorting
 * by a nested column is rare enough that a typed kernel would not pay off.
 *
 * Order: arrays element by element (a NULL element after every value, as in
 * PostgreSQL), then shorter first; structs field by field; maps entry by entry.
 */
import * as arrow from 'apache-arrow';
import { type DataType, type Interval, type LiteralValue, MapValue, StructValue, fromArrowType, readValue } from '../../core/index.ts';

/** True for Arrow List, Struct and Map types. */
export function isNestedArrowType(t: arrow.DataType): boolean {
  return t.typeId === arrow.Type.List || t.typeId === arrow.Type.Struct || t.typeId === arrow.Type.Map;
}

/** Reads row `i` of a nested column as a LiteralValue (with its Loch type, computed once per Arrow type). */
export function nestedRowReader(type: arrow.DataType): { readonly type: DataType; read(data: arrow.Data, i: number): LiteralValue } {
  const loch = fromArrowType(type);
  return { type: loch, read: (data, i) => readValue(data, loch, i) };
}

const encoder = new TextEncoder();

/** Total order of two non-NULL values of `type`. */
export function compareNested(a: LiteralValue, b: LiteralValue, type: DataType): number {
  switch (type.kind) {
    case 'array': return compareLists(a as readonly LiteralValue[], b as readonly LiteralValue[], () => type.element);
    case 'struct': return compareLists((a as StructValue).values, (b as StructValue).values, (i) => type.fields[i]!.type);
    case 'map': {
      const x = a as MapValue, y = b as MapValue;
      const k = compareLists(x.keys, y.keys, () => type.key);
      return k !== 0 ? k : compareLists(x.values, y.values, () => type.value);
    }
    case 'binary': return compareBytes(a as Uint8Array, b as Uint8Array);
    case 'text': return compareBytes(encoder.encode(a as string), encoder.encode(b as string));
    case 'interval': return span(a as Interval) - span(b as Interval);
    case 'boolean': return Number(a) - Number(b);
    default: {
      if (typeof a === 'bigint' || typeof b === 'bigint') {
        const x = BigInt(a as number | bigint), y = BigInt(b as number | bigint);
        return x < y ? -1 : x > y ? 1 : 0;
      }
      const x = a as number, y = b as number;
      if (x !== x || y !== y) return (x !== x ? 1 : 0) - (y !== y ? 1 : 0);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

function span(v: Interval): number {
  return (v.months * 30 + v.days) * 86_400_000_000 + v.micros;
}

function compareBytes(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function compareLists(x: readonly LiteralValue[], y: readonly LiteralValue[], typeAt: (i: number) => DataType): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i] ?? null, q = y[i] ?? null;
    if (p === null || q === null) {
      if (p === null && q === null) continue;
      return p === null ? 1 : -1;
    }
    const c = compareNested(p, q, typeAt(i));
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** A text that is equal for equal values (-0 = 0; NaN = NaN), for hashing and key equality. */
export function nestedKeyText(v: LiteralValue): string {
  return JSON.stringify(v, (_, x: unknown) => {
    if (typeof x === 'bigint') return `${x}n`;
    if (typeof x === 'number') return Object.is(x, -0) ? 0 : x !== x ? 'NaN' : x;
    if (x instanceof Uint8Array) return `b:${Buffer.from(x).toString('hex')}`;
    if (x instanceof StructValue) return { s: x.values };
    if (x instanceof MapValue) return { k: x.keys, v: x.values };
    return x;
  });
}
