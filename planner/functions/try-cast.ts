/**
 * `TRY_CAST(x AS type)`: the cast PostgreSQL's rules allow (an impossible type
 * pair is still 42846), but a value that cannot be converted — a data
 * exception, SQLSTATE class 22 — gives NULL. Bound as the `try_cast` call,
 * which the worker evaluates row by row.
 */
import { LochError, type DataType } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import { castExpr } from './casts.ts';

/** True for errors TRY_CAST turns into NULL: data exceptions (class 22). */
export function isDataException(e: unknown): boolean {
  return e instanceof LochError && e.sqlState.startsWith('22');
}

/** Binds `TRY_CAST(expr AS to)`. */
export function tryCastExpr(expr: Expr, to: DataType): Expr {
  let cast: Expr;
  try {
    cast = castExpr(expr, to, true);
  } catch (e) {
    // a constant that does not convert: castExpr folded it and failed
    if (expr.kind === 'literal' && isDataException(e)) return { kind: 'literal', value: null, type: to };
    throw e;
  }
  if (cast.kind !== 'cast') return cast;
  return { kind: 'call', fn: 'try_cast', args: [cast.input], type: cast.type };
}
