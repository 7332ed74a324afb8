/**
 * JS values of single SQL values, in the same representation as one element of
 * the column's physical array (core/data-type.ts):
 * boolean → boolean; int16/int32/float → number; int64 → bigint;
 * narrow decimal → number holding the *scaled* integer; wide decimal → bigint (scaled);
 * text → string; date → number (days since epoch); timestamp(tz) → bigint (µs since epoch);
 * interval → Interval; NULL → null.
 */
export interface Interval {
  readonly months: number;
  readonly days: number;
  readonly micros: number;
}

export type LiteralValue = null | boolean | number | bigint | string | Interval;

export function isInterval(v: LiteralValue): v is Interval {
  return typeof v === 'object' && v !== null;
}
