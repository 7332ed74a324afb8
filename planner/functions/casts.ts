/**
 * Casts and type unification with PostgreSQL's rules:
 * - implicit numeric widening int2 → int4 → int8 → numeric → float4 → float8;
 * - date → timestamp → timestamptz;
 * - a string constant has type "unknown" and adapts to whatever it meets;
 * - casting a Literal folds right away (`date '1995-01-01'` is a date literal).
 */
import {
  type DataType, DECIMAL_MAX_PRECISION, LochError, NARROW_DECIMAL_MAX_PRECISION, SqlState, T, canCastType, castValue,
  decimal, isInteger, isNarrowDecimal, isNumeric, typeName, typesEqual,
} from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import { UNCONSTRAINED_NUMERIC } from './type-names.ts';
import { jsonCast } from './json-functions.ts';
import { zonedCast } from './session-zone.ts';

/** True for a string constant or NULL literal: PostgreSQL's "unknown" type that adapts to context. */
export function isUnknownLiteral(e: Expr): boolean {
  return e.kind === 'literal' && (e.type.kind === 'null' || (e.type.kind === 'text' && e.type.json === undefined && typeof e.value === 'string'));
}

/** Decimal type holding every value of an integer type (int4 → numeric(10,0)). */
export function integerAsDecimal(t: DataType): DataType {
  switch (t.kind) {
    case 'int16': return decimal(5, 0);
    case 'int32': return decimal(10, 0);
    case 'int64': return decimal(19, 0);
    default: return t;
  }
}

function numericRank(t: DataType): number {
  switch (t.kind) {
    case 'int16': return 1;
    case 'int32': return 2;
    case 'int64': return 3;
    case 'decimal': return 4;
    case 'float32': return 5;
    case 'float64': return 6;
    default: return 0;
  }
}

/** Smallest decimal holding both decimals (integer digits and scale of each). */
export function unifyDecimals(a: DataType, b: DataType): DataType {
  const da = integerAsDecimal(a) as { precision: number; scale: number };
  const db = integerAsDecimal(b) as { precision: number; scale: number };
  const scale = Math.max(da.scale, db.scale);
  const intDigits = Math.max(da.precision - da.scale, db.precision - db.scale);
  const narrow = isNarrowDecimal(integerAsDecimal(a)) && isNarrowDecimal(integerAsDecimal(b));
  const cap = narrow && intDigits + scale <= NARROW_DECIMAL_MAX_PRECISION ? NARROW_DECIMAL_MAX_PRECISION : DECIMAL_MAX_PRECISION;
  return decimal(Math.min(cap, intDigits + scale), Math.min(scale, cap));
}

function temporalRank(t: DataType): number {
  return t.kind === 'date' ? 1 : t.kind === 'timestamp' ? 2 : t.kind === 'timestamptz' ? 3 : 0;
}

/** Common type of two types, or undefined. */
export function unifyTypes(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (typesEqual(a, b)) return a;
  if (a.kind === 'array' && b.kind === 'array') {
    const element = unifyTypes(a.element, b.element);
    return element && { kind: 'array', element };
  }
  if (a.kind === 'struct' && b.kind === 'struct' && a.fields.length === b.fields.length) {
    // fields by position; the first operand names them (ROW(…) meets a named struct in VALUES/UNION)
    const fields = [];
    for (let i = 0; i < a.fields.length; i++) {
      const t = unifyTypes(a.fields[i]!.type, b.fields[i]!.type);
      if (!t) return undefined;
      fields.push({ name: a.fields[i]!.name, type: t });
    }
    return { kind: 'struct', fields };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const key = unifyTypes(a.key, b.key), value = unifyTypes(a.value, b.value);
    return key && value && { kind: 'map', key, value };
  }
  if (isNumeric(a) && isNumeric(b)) {
    const ra = numericRank(a), rb = numericRank(b);
    if (ra >= 5 || rb >= 5) return ra >= rb ? a : b;
    if (a.kind === 'decimal' || b.kind === 'decimal') return unifyDecimals(a, b);
    return ra >= rb ? a : b;
  }
  const ta = temporalRank(a), tb = temporalRank(b);
  if (ta > 0 && tb > 0) return ta >= tb ? a : b;
  return undefined;
}

/** Common supertype for CASE, COALESCE, IN lists, UNION, VALUES (42804 when there is none). */
export function commonSupertype(types: readonly DataType[], context: string): DataType {
  let acc: DataType = T.null;
  for (const t of types) {
    const u = unifyTypes(acc, t);
    if (u === undefined) {
      throw new LochError(SqlState.datatypeMismatch, `${context} types ${errorTypeName(acc)} and ${errorTypeName(t)} cannot be matched`);
    }
    acc = u;
  }
  return acc;
}

/** The type an unconstrained `numeric` cast gives `from` (keeps the input's scale where known). */
function unconstrainedFor(expr: Expr): DataType {
  const from = expr.type;
  if (from.kind === 'decimal') return from;
  if (isInteger(from)) return integerAsDecimal(from);
  if (expr.kind === 'literal' && typeof expr.value === 'string') {
    const m = /^\s*[+-]?(\d*)(?:\.(\d*))?\s*$/.exec(expr.value);
    if (m) {
      const scale = m[2]?.length ?? 0;
      const digits = Math.max(1, (m[1] ?? '').replace(/^0+/, '').length + scale);
      return decimal(Math.max(digits, NARROW_DECIMAL_MAX_PRECISION), scale);
    }
  }
  return UNCONSTRAINED_NUMERIC;
}

/**
 * `expr` cast to `to`. Literals fold immediately (parse errors surface at plan time, as in
 * PostgreSQL); impossible casts raise 42846.
 */
export function castExpr(expr: Expr, to: DataType, explicit: boolean): Expr {
  const target = to === UNCONSTRAINED_NUMERIC ? unconstrainedFor(expr) : to;
  const json = jsonCast(expr, target); // json / jsonb (json-functions.ts)
  if (json) return json;
  if (typesEqual(expr.type, target)) return expr;
  if (expr.kind === 'literal' && expr.value === null) return { kind: 'literal', value: null, type: target };
  const zoned = zonedCast(expr, target); // timestamptz through the session time zone (session-zone.ts)
  if (zoned) return zoned;
  if (expr.kind === 'literal') {
    if (!canCastType(expr.type, target, explicit || isUnknownLiteral(expr))) throw cannotCast(expr.type, target);
    return { kind: 'literal', value: castValue(expr.value, expr.type, target), type: target };
  }
  if (!canCastType(expr.type, target, explicit)) throw cannotCast(expr.type, target);
  return { kind: 'cast', input: expr, type: target };
}

function cannotCast(from: DataType, to: DataType): LochError {
  return new LochError('42846', `cannot cast type ${typeName(from)} to ${typeName(to)}`);
}

/**
 * Common supertype of expressions, with PostgreSQL's handling of string constants
 * ("unknown"): they take the type the other expressions agree on, and are text only
 * when nothing else has a type (COALESCE(int_col, '0') is integer).
 */
export function commonSupertypeOfExprs(exprs: readonly Expr[], context: string): DataType {
  const known = exprs.filter((e) => !isUnknownLiteral(e)).map((e) => e.type);
  if (known.length === 0) return exprs.some((e) => e.type.kind === 'text') ? T.text : T.null;
  return commonSupertype(known, context);
}

/** A type as PostgreSQL names it in resolution errors (numeric without its typmod; string constants are "unknown"). */
export function errorTypeName(e: Expr | DataType): string {
  if ('kind' in e && (e.kind === 'literal' || e.kind === 'column' || e.kind === 'call' || e.kind === 'cast' || e.kind === 'case' || e.kind === 'in_list' || e.kind === 'subquery')) {
    const x = e as Expr;
    if (isUnknownLiteral(x)) return 'unknown';
    return errorTypeName(x.type);
  }
  const t = e as DataType;
  return t.kind === 'decimal' ? 'numeric' : typeName(t);
}
