/**
 * DataFusion's `arrow_cast(e, 'Type')` to a temporal Arrow type, which needs the
 * source type (planner/sql/arrow-cast.ts turns the other type names into plain
 * casts while parsing):
 *
 *   Timestamp(unit[, tz])  → timestamp [with time zone]; an integer counts `unit`s since 1970-01-01
 *   Time32/Time64(unit)    → time; an integer counts `unit`s since midnight
 *   Duration(unit)         → interval; an integer counts `unit`s
 *   Interval(…)            → interval
 *
 * Loch keeps microseconds, so nanosecond counts are floored to microseconds and
 * second / millisecond units truncate a finer source value, as Arrow's cast does.
 */
import { type DataType, T, isInteger } from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import { castExpr, isUnknownLiteral } from './casts.ts';
import { resolveOperator } from './operators.ts';

type Unit = 's' | 'ms' | 'us' | 'ns';

const UNITS: Record<string, Unit> = {
  s: 's', second: 's', ms: 'ms', millisecond: 'ms', us: 'us', µs: 'us', microsecond: 'us', ns: 'ns', nanosecond: 'ns',
};

/** The target of a temporal Arrow type name, or undefined for any other name. */
function temporalTarget(text: string): { readonly type: DataType; readonly unit: Unit | null } | undefined {
  const t = text.replace(/\s+/g, '').toLowerCase();
  const m = /^(timestamp|time32|time64|duration)\(([a-zµ]+)(?:,(.*))?\)$/.exec(t);
  if (m) {
    const unit = UNITS[m[2]!];
    if (!unit) return undefined;
    if (m[1] === 'timestamp') return { type: m[3] && m[3] !== 'none' ? T.timestamptz : T.timestamp, unit };
    if (m[3] !== undefined) return undefined;
    return { type: m[1] === 'duration' ? T.interval : T.time, unit };
  }
  return /^interval\((yearmonth|daytime|monthdaynano)\)$/.test(t) ? { type: T.interval, unit: null } : undefined;
}

/** An integer count of `unit`s as microseconds (bigint). */
function countToMicros(n: Expr, unit: Unit): { readonly micros: Expr; readonly perUnit: number } {
  const x = castExpr(n, T.int64, false);
  if (unit === 'ns') return { micros: call('floor_div_int64', [x, lit(1000n, T.int64)], T.int64), perUnit: 1 };
  return { micros: x, perUnit: unit === 's' ? 1_000_000 : unit === 'ms' ? 1000 : 1 };
}

const TRUNC_FIELD: Record<Unit, string | null> = { s: 'second', ms: 'milliseconds', us: null, ns: null };

/** Resolves `arrow_cast(e, '<temporal type>')`, or undefined when the type is not temporal. */
export function resolveArrowCastTemporal(args: readonly Expr[]): Expr | undefined {
  if (args.length !== 2) return undefined;
  const name = args[1]!;
  if (name.kind !== 'literal' || typeof name.value !== 'string') return undefined;
  const target = temporalTarget(name.value);
  if (!target) return undefined;
  const { type, unit } = target;
  let src = args[0]!;
  if (isUnknownLiteral(src)) src = castExpr(src, src.type.kind === 'null' ? type : T.text, false);
  if (unit !== null && isInteger(src.type)) {
    const { micros, perUnit } = countToMicros(src, unit);
    if (type.kind === 'interval') {
      return resolveOperator('*', [lit({ months: 0, days: 0, micros: perUnit }, T.interval), castExpr(micros, T.float64, false)]);
    }
    return call('epoch_to_timestamp', [micros, lit(perUnit, T.int32)], type);
  }
  const cast = castExpr(src, type, true);
  const field = unit && type.kind !== 'interval' ? TRUNC_FIELD[unit] : null;
  return field ? call('date_trunc', [lit(field, T.text), cast], type) : cast;
}
