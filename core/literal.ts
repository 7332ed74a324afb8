/**
 * JS values of single SQL values, in the same representation as one element of
 * the column's physical array (core/data-type.ts):
 * boolean → boolean; int16/int32/float → number; int64 → bigint;
 * narrow decimal → number holding the *scaled* integer; wide decimal → bigint (scaled);
 * text → string; date → number (days since epoch); timestamp(tz) → bigint (µs since epoch);
 * interval → Interval; binary → Uint8Array; array → a JS array of element values;
 * struct → StructValue (field values by position); map → MapValue; NULL → null.
 */
export interface Interval {
  readonly months: number;
  readonly days: number;
  readonly micros: number;
}

export type LiteralValue = null | boolean | number | bigint | string | Interval | Uint8Array | readonly LiteralValue[] | StructValue | MapValue;

/** A struct (row) value: its field values in the struct type's field order. */
export class StructValue {
  readonly values: readonly LiteralValue[];
  constructor(values: readonly LiteralValue[]) { this.values = values; }
}

/** A map value: keys and values, entry by entry, in their stored order. */
export class MapValue {
  readonly keys: readonly LiteralValue[];
  readonly values: readonly LiteralValue[];
  constructor(keys: readonly LiteralValue[], values: readonly LiteralValue[]) { this.keys = keys; this.values = values; }
}

export function isInterval(v: LiteralValue): v is Interval {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) &&
    !(v instanceof StructValue) && !(v instanceof MapValue);
}

/** True for array, struct and map values. */
export function isNestedValue(v: LiteralValue): v is readonly LiteralValue[] | StructValue | MapValue {
  return Array.isArray(v) || v instanceof StructValue || v instanceof MapValue;
}
