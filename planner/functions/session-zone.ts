/**
 * The session time zone (SET TIME ZONE, plan-context.ts sessionTimeZone()) in binding, as
 * PostgreSQL applies it: a timestamptz is an instant, and wall-clock views of it use the zone.
 *
 *   timestamp / date / zone-less text → timestamptz   read as wall-clock time in the zone
 *   timestamptz → timestamp / date / time               the wall-clock time in the zone
 *   date_trunc / extract on timestamptz                 on the wall-clock time in the zone
 *
 * Each is a call of `timezone(zone, …)` (AT TIME ZONE's kernel); nothing changes while the
 * zone is UTC, the default. Text columns cast to timestamptz are still read as UTC.
 */
import { type DataType, T } from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import { sessionTimeZone } from '../plan-context.ts';
import { castExpr, isUnknownLiteral } from './casts.ts';

/** True for the zone names that mean UTC (no rewriting needed). */
export function isUtcZone(zone: string): boolean {
  return /^(utc|z|gmt|zulu|etc\/utc|[+-]0{1,2}(:?00)?|)$/i.test(zone.trim());
}

/** The session zone, or null when it is UTC. */
function activeZone(): string | null {
  const zone = sessionTimeZone();
  return isUtcZone(zone) ? null : zone;
}

// a time of day followed by an explicit zone: Z, UTC, ±hh[:mm], or a named zone (Region/City)
const EXPLICIT_ZONE = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d*)?)?\s*(?:z|utc|gmt|[+-]\d{1,2}(?::?\d{2})?|[a-z]+\/[a-z_/+-]+)\s*$/i;
const SPECIAL = /^\s*(epoch|now|today|tomorrow|yesterday|[+-]?infinity)\s*$/i;

/** Wall-clock timestamp → instant in `zone`. */
function fromWallClock(zone: string, ts: Expr): Expr {
  return call('timezone', [lit(zone, T.text), ts], T.timestamptz);
}

/** Instant → wall-clock timestamp in `zone`. */
function toWallClock(zone: string, tstz: Expr): Expr {
  return call('timezone', [lit(zone, T.text), tstz], T.timestamp);
}

/** `expr` cast to `to` through the session zone, or undefined when the zone plays no part. */
export function zonedCast(expr: Expr, to: DataType): Expr | undefined {
  const from = expr.type.kind;
  if (to.kind !== 'timestamptz' && from !== 'timestamptz') return undefined;
  const zone = activeZone();
  if (zone === null) return undefined;
  if (to.kind === 'timestamptz') {
    if (from === 'timestamp') return fromWallClock(zone, expr);
    if (from === 'date') return fromWallClock(zone, castExpr(expr, T.timestamp, false));
    const text = expr.kind === 'literal' && isUnknownLiteral(expr) && typeof expr.value === 'string' ? expr.value : null;
    if (text !== null && !EXPLICIT_ZONE.test(text) && !SPECIAL.test(text)) {
      return fromWallClock(zone, castExpr(expr, T.timestamp, true));
    }
    return undefined;
  }
  if (to.kind === 'timestamp') return toWallClock(zone, expr);
  if (to.kind === 'date' || to.kind === 'time') return castExpr(toWallClock(zone, expr), to, true);
  return undefined;
}

/** date_trunc(field, timestamptz) on the session zone's wall clock, or undefined in UTC. */
export function zonedDateTrunc(field: Expr, src: Expr): Expr | undefined {
  const zone = src.type.kind === 'timestamptz' ? activeZone() : null;
  if (zone === null) return undefined;
  return fromWallClock(zone, call('date_trunc', [field, toWallClock(zone, src)], T.timestamp));
}

/** The source extract / date_part read for `field`: a timestamptz's wall-clock time in the session zone. */
export function zonedExtractSource(field: string, src: Expr): Expr {
  const zone = src.type.kind === 'timestamptz' && field !== 'epoch' && !field.startsWith('timezone') ? activeZone() : null;
  return zone === null ? src : toWallClock(zone, src);
}
