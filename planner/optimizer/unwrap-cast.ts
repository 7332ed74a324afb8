/**
 * Removes a widening cast from a column compared with a literal, so the
 * comparison reads the column directly (and can be pushed into the scan):
 *
 *   CAST(l_shipdate AS timestamp) <= TIMESTAMP '1998-09-02 00:00'  →  l_shipdate <= DATE '1998-09-02'
 *   CAST(o_orderdate AS timestamp) < TIMESTAMP '1993-10-01 12:00'  →  o_orderdate < DATE '1993-10-02'
 *   CAST(i AS bigint) = 5::bigint                                   →  i = 5
 *
 * The PostgreSQL rule `date + interval → timestamp` puts such casts on most
 * TPC-H date filters. Only exact rewrites: dates against timestamps (rounding
 * the bound the right way), integers against wider integers within range.
 */
import { T } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import { COMPARISON_FLIP } from './expr-utils.ts';

const MICROS_PER_DAY = 86_400_000_000n;
const INT_RANGE: Readonly<Record<string, [number, number]>> = {
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
};

/** The comparison without the cast, or `e` itself when no exact rewrite applies. */
export function unwrapCastComparison(e: Expr & { kind: 'call' }): Expr {
  if (COMPARISON_FLIP[e.fn] === undefined || e.args.length !== 2) return e;
  let [a, b] = e.args as [Expr, Expr];
  let fn = e.fn;
  if (a.kind === 'literal') { [a, b] = [b, a]; fn = COMPARISON_FLIP[fn]!; }
  if (a.kind !== 'cast' || b.kind !== 'literal' || b.value === null) return e;
  const inner = a.input;
  if (inner.type.kind === 'date' && (a.type.kind === 'timestamp') && typeof b.value === 'bigint') {
    const r = dateBound(fn, b.value);
    if (r === null) return e;
    if (r === false) return { kind: 'literal', value: false, type: T.boolean };
    return { kind: 'call', fn: r.fn, args: [inner, { kind: 'literal', value: r.day, type: T.date }], type: e.type };
  }
  const range = INT_RANGE[inner.type.kind];
  if (range && a.type.kind === 'int64' && (typeof b.value === 'bigint' || typeof b.value === 'number')) {
    const v = Number(b.value);
    if (!Number.isInteger(v) || v < range[0] || v > range[1]) return e;
    return { kind: 'call', fn, args: [inner, { kind: 'literal', value: v, type: inner.type }], type: e.type };
  }
  return e;
}

/** `date op ts` as `date op' day`; false when never true (`=` off midnight); null when unsupported. */
function dateBound(fn: string, micros: bigint): { fn: string; day: number } | false | null {
  const floor = Number(micros >= 0n ? micros / MICROS_PER_DAY : -((-micros + MICROS_PER_DAY - 1n) / MICROS_PER_DAY));
  const exact = BigInt(floor) * MICROS_PER_DAY === micros;
  const ceil = exact ? floor : floor + 1;
  switch (fn) {
    case 'lt': return { fn, day: ceil };
    case 'ge': case 'gte': return { fn, day: ceil };
    case 'le': case 'lte': return { fn, day: floor };
    case 'gt': return { fn, day: floor };
    case 'eq': return exact ? { fn, day: floor } : false;
    default: return null;
  }
}
