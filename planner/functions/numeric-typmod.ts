/**
 * Casts to NUMERIC(p, s) with a negative scale (PostgreSQL 15+): the value is rounded to
 * 10^-s (numeric(9, -4) keeps ten-thousands) before the cast to the integer decimal that
 * parseTypeName gives such a type. Only casts round: a column declared so stores what
 * the integer type holds.
 */
import { T, isNumeric } from '../../core/index.ts';
import { type Expr, lit } from '../expr.ts';
import { castExpr } from './casts.ts';
import { resolveFunction } from './scalar-functions.ts';

/** The negative scale of a numeric type name's typmods, or null when there is none. */
export function negativeNumericScale(names: readonly string[], typmods: readonly number[]): number | null {
  const last = (names[names.length - 1] ?? '').toLowerCase();
  if (last !== 'numeric' && last !== 'decimal') return null;
  const scale = typmods[1];
  return scale !== undefined && scale < 0 ? scale : null;
}

/** `input` rounded half away from zero to `scale` (< 0) decimal digits, ready for the cast. */
export function roundToNegativeScale(input: Expr, scale: number): Expr {
  const numeric = isNumeric(input.type) ? input : castExpr(input, T.float64, true);
  return resolveFunction('round', [numeric, lit(scale, T.int32)]);
}
