/**
 * Arithmetic with the `time` type, as PostgreSQL defines it:
 *
 *   time ± interval → time       (wraps around midnight; months and days are ignored)
 *   interval + time → time
 *   time - time     → interval
 *   date + time     → timestamp  (and time + date)
 *   date - time     → timestamp  (DataFusion's; PostgreSQL has no such operator)
 *
 * Kernel names: time_add_interval, time_subtract, date_add_time (worker/expr/compile-datetime-extra.ts).
 */
import { T } from '../../core/index.ts';
import { type Expr, call } from '../expr.ts';
import { castExpr, isUnknownLiteral } from './casts.ts';

/** A string constant next to a time: an interval unless it reads as a time (time - '10:00'). */
function adaptUnknown(e: Expr, fn: string): Expr {
  if (fn === 'subtract') {
    try { return castExpr(e, T.time, false); } catch { /* not a time: an interval */ }
  }
  return castExpr(e, T.interval, false);
}

/** Resolves `a op b` when one operand is a time, or undefined to let the general rules answer. */
export function resolveTimeArithmetic(fn: string, x: Expr, y: Expr): Expr | undefined {
  if (x.type.kind !== 'time' && y.type.kind !== 'time') return undefined;
  const a = isUnknownLiteral(x) ? adaptUnknown(x, 'add') : x;
  const b = isUnknownLiteral(y) ? adaptUnknown(y, fn) : y;
  const ka = a.type.kind, kb = b.type.kind;
  if (ka === 'time' && kb === 'interval' && (fn === 'add' || fn === 'subtract')) {
    return call('time_add_interval', [a, b, { kind: 'literal', value: fn === 'add' ? 1 : -1, type: T.int32 }], T.time);
  }
  if (ka === 'interval' && kb === 'time' && fn === 'add') {
    return call('time_add_interval', [b, a, { kind: 'literal', value: 1, type: T.int32 }], T.time);
  }
  if (ka === 'time' && kb === 'time' && fn === 'subtract') return call('time_subtract', [a, b], T.interval);
  if (ka === 'date' && kb === 'time' && (fn === 'add' || fn === 'subtract')) {
    return call('date_add_time', [a, b, { kind: 'literal', value: fn === 'add' ? 1 : -1, type: T.int32 }], T.timestamp);
  }
  if (ka === 'time' && kb === 'date' && fn === 'add') {
    return call('date_add_time', [b, a, { kind: 'literal', value: 1, type: T.int32 }], T.timestamp);
  }
  return undefined;
}
