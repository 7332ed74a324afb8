/**
 * Operator resolution: SQL operator + argument types → a Call with the registry
 * name the kernels implement (worker/expr) and arguments already cast.
 *
 *   + - * / %        add subtract multiply divide modulo   (numbers, dates, timestamps, intervals)
 *   unary - +        negate / identity
 *   = <> < <= > >=   eq ne lt le gt ge
 *   ||               text_concat
 *   ^  |/  ||/  @    power sqrt cbrt abs
 *   ~~ !~~ ~~* !~~*  like not_like ilike not_ilike
 *   ~ !~ ~* !~*      regex_match not_regex_match regex_imatch not_regex_imatch
 *
 * Decimal results: add/subtract/modulo keep max(s1,s2); multiply s1+s2; both stay
 * narrow (precision ≤ 18, Float64 layout) when both inputs are narrow (add/subtract
 * only while their result needs at most 18 digits), and the
 * kernel raises 22003 if a value leaves the exact range. Division of decimals gives
 * numeric(38, max(16, s1, s2)) like PostgreSQL's at-least-16-significant-digits rule.
 */
import {
  type DataType, DECIMAL_MAX_PRECISION, LochError, NARROW_DECIMAL_MAX_PRECISION, SqlState, T, decimal,
  isInteger, isNarrowDecimal, isNumeric,
} from '../../core/index.ts';
import { type Expr, call, lit } from '../expr.ts';
import { castExpr, errorTypeName, integerAsDecimal, isUnknownLiteral, unifyTypes } from './casts.ts';
import { resolveNestedOperator } from './array-functions.ts';
import { resolveJsonOperator } from './json-functions.ts';
import { resolveTimeArithmetic } from './time-operators.ts';
import { resolveBitwiseNot, resolveBitwiseOperator } from './bitwise-operators.ts';

const COMPARISONS: Record<string, string> = { '=': 'eq', '==': 'eq', '<>': 'ne', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
const ARITHMETIC: Record<string, string> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'modulo' };
const LIKES: Record<string, string> = {
  '~~': 'like', '!~~': 'not_like', '~~*': 'ilike', '!~~*': 'not_ilike',
  '~': 'regex_match', '!~': 'not_regex_match', '~*': 'regex_imatch', '!~*': 'not_regex_imatch', '^@': 'starts_with',
};

function noOperator(op: string, args: readonly Expr[]): LochError {
  const sig = args.length === 1 ? `${op} ${errorTypeName(args[0]!)}` : `${errorTypeName(args[0]!)} ${op} ${errorTypeName(args[1]!)}`;
  return new LochError(SqlState.undefinedFunction, `operator does not exist: ${sig}`, {
    hint: 'No operator matches the given name and argument types. You might need to add explicit type casts.',
  });
}

/** Resolves "unknown" operands (string constants, NULL) against the other side's type. */
function adaptUnknowns(a: Expr, b: Expr): [Expr, Expr] {
  const ua = isUnknownLiteral(a), ub = isUnknownLiteral(b);
  if (ua && ub) {
    const text = (e: Expr): Expr => (e.type.kind === 'null' ? castExpr(e, T.text, false) : e);
    return [text(a), text(b)];
  }
  if (ua) return [castExpr(a, b.type, false), b];
  if (ub) return [a, castExpr(b, a.type, false)];
  return [a, b];
}

/** Resolves a unary or binary operator. */
export function resolveOperator(op: string, args: readonly Expr[]): Expr {
  if (args.length === 1) return resolveUnary(op, args[0]!);
  if (args.length !== 2) throw new LochError(SqlState.internalError, `operator ${op} takes one or two arguments`);
  const json = resolveJsonOperator(op, args); // json / jsonb (json-functions.ts)
  if (json) return json;
  const nested = resolveNestedOperator(op, args); // arrays, structs, maps (array-functions.ts)
  if (nested) return nested;
  if (op === '<=>') return nullSafeEqual(args[0]!, args[1]!);
  const cmp = COMPARISONS[op];
  if (cmp) return resolveComparison(cmp, op, args[0]!, args[1]!);
  const arith = ARITHMETIC[op];
  if (arith) return resolveArithmetic(arith, op, args[0]!, args[1]!);
  const like = LIKES[op];
  if (like) {
    const toText = (e: Expr): Expr => (isUnknownLiteral(e) ? castExpr(e, T.text, false) : e);
    const a = toText(args[0]!), b = toText(args[1]!);
    // bytea LIKE 'pattern' (PostgreSQL's bytea ~~ bytea): the kernel matches the bytes either way
    if (a.type.kind === 'binary' && isUnknownLiteral(args[1]!) && (like === 'like' || like === 'not_like')) return call(like, [a, b], T.boolean);
    if (a.type.kind !== 'text' || b.type.kind !== 'text') throw noOperator(op, [a, b]);
    return call(like, [a, b], T.boolean);
  }
  if (op === '^') {
    const [a, b] = adaptUnknowns(args[0]!, args[1]!);
    if (!isNumeric(a.type) || !isNumeric(b.type)) throw noOperator(op, [a, b]);
    return call('power', [castExpr(a, T.float64, false), castExpr(b, T.float64, false)], T.float64);
  }
  if (op === '||') {
    let [a, b] = args as [Expr, Expr];
    if (isUnknownLiteral(a)) a = castExpr(a, T.text, false);
    if (isUnknownLiteral(b)) b = castExpr(b, T.text, false);
    if (a.type.kind !== 'text' && b.type.kind !== 'text') throw noOperator(op, [a, b]);
    return call('text_concat', [castExpr(a, T.text, true), castExpr(b, T.text, true)], T.text);
  }
  const bitwise = resolveBitwiseOperator(op, args); // & | # << >> on integers (bitwise-operators.ts)
  if (bitwise) return bitwise;
  throw noOperator(op, args);
}

function resolveUnary(op: string, x: Expr): Expr {
  // unary + on a text column is the identity (SQLite, whose corpus writes `SELECT + col2`);
  // PostgreSQL has no such operator, and accepting it changes no answer PostgreSQL gives
  if (op === '+' && x.type.kind === 'text' && !isUnknownLiteral(x)) return x;
  const not = resolveBitwiseNot(op, x); // ~ on integers (bitwise-operators.ts)
  if (not) return not;
  const a = isUnknownLiteral(x) ? castExpr(x, x.type.kind === 'null' ? T.int32 : T.float64, false) : x;
  if (!isNumeric(a.type) && a.type.kind !== 'interval') throw noOperator(op, [a]);
  if (op === '+') return a;
  if ((op === '|/' || op === '||/') && isNumeric(a.type)) return call(op === '|/' ? 'sqrt' : 'cbrt', [castExpr(a, T.float64, false)], T.float64);
  if (op === '@' && isNumeric(a.type)) return call('abs', [a], a.type);
  if (op !== '-') throw noOperator(op, [a]);
  if (a.kind === 'literal' && a.value !== null) {
    const v = a.value;
    if (typeof v === 'number') return { kind: 'literal', value: -v === 0 ? 0 : -v, type: a.type };
    if (typeof v === 'bigint') return { kind: 'literal', value: -v, type: a.type };
  }
  return call('negate', [a], a.type);
}

/** An integer, or numeric(p, 0) (DataFusion's unsigned BIGINT): a day count next to a date. */
function isWholeNumber(t: DataType): boolean {
  return isInteger(t) || (t.kind === 'decimal' && t.scale === 0);
}

function isDateTime(t: DataType): boolean {
  return t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamptz' || t.kind === 'time';
}

function resolveComparison(fn: string, op: string, x: Expr, y: Expr): Expr {
  const [a, b] = adaptUnknowns(x, y);
  // an integer constant compared with a decimal only needs its own digits
  const common = a.type.kind === 'decimal' && isInteger(b.type) && b.kind === 'literal' ? unifyTypes(a.type, decimalOperandType(b))
    : b.type.kind === 'decimal' && isInteger(a.type) && a.kind === 'literal' ? unifyTypes(decimalOperandType(a), b.type)
      : unifyTypes(a.type, b.type);
  if (common === undefined || common.kind === 'null') {
    if (common?.kind === 'null') return call(fn, [castExpr(a, T.boolean, false), castExpr(b, T.boolean, false)], T.boolean);
    // a text column against a date/time value reads the text as that type (Spark, DataFusion; PostgreSQL has no such operator)
    if (a.type.kind === 'text' && isDateTime(b.type)) return call(fn, [castExpr(a, b.type, true), b], T.boolean);
    if (b.type.kind === 'text' && isDateTime(a.type)) return call(fn, [a, castExpr(b, a.type, true)], T.boolean);
    throw noOperator(op, [a, b]);
  }
  return call(fn, [castExpr(a, common, false), castExpr(b, common, false)], T.boolean);
}

/** Result type of decimal arithmetic (inputs already decimals). */
function decimalResult(fn: string, a: DataType & { precision: number; scale: number }, b: DataType & { precision: number; scale: number }): DataType {
  const narrow = isNarrowDecimal(a) && isNarrowDecimal(b);
  const cap = narrow ? NARROW_DECIMAL_MAX_PRECISION : DECIMAL_MAX_PRECISION;
  switch (fn) {
    case 'multiply': {
      const scale = Math.min(a.scale + b.scale, cap);
      return decimal(Math.min(a.precision + b.precision, cap), scale);
    }
    case 'divide':
      return decimal(DECIMAL_MAX_PRECISION, Math.min(Math.max(16, a.scale, b.scale), DECIMAL_MAX_PRECISION));
    default: {
      const scale = Math.max(a.scale, b.scale);
      const intDigits = Math.max(a.precision - a.scale, b.precision - b.scale) + (fn === 'modulo' ? 0 : 1);
      // a sum or difference of narrow decimals that needs more than 18 digits (numeric(18,1) + numeric(18,1))
      // is wide, as Spark's p + 1: capped at 18 digits it could not hold the values of its own operands
      return decimal(Math.min(intDigits + scale, fn === 'modulo' ? cap : DECIMAL_MAX_PRECISION), scale);
    }
  }
}

function resolveArithmetic(fn: string, op: string, x: Expr, y: Expr): Expr {
  const timed = resolveTimeArithmetic(fn, x, y); // the time type (time-operators.ts)
  if (timed) return timed;
  let [a, b] = adaptUnknownsForArithmetic(fn, x, y);
  const ta = a.type, tb = b.type;
  if (isNumeric(ta) && isNumeric(tb)) return numericArithmetic(fn, a, b);
  // dates and times (swap commutative forms so the temporal operand comes first)
  if ((fn === 'add') && (isWholeNumber(ta) || ta.kind === 'interval') && tb.kind !== 'interval' && (tb.kind === 'date' || tb.kind === 'timestamp' || tb.kind === 'timestamptz')) {
    [a, b] = [b, a];
  }
  if (fn === 'multiply' && isNumeric(ta) && tb.kind === 'interval') [a, b] = [b, a];
  const ka = a.type.kind, kb = b.type.kind;
  if (ka === 'date') {
    if (isWholeNumber(b.type) && (fn === 'add' || fn === 'subtract')) return call(fn, [a, castExpr(b, T.int32, !isInteger(b.type))], T.date);
    if (kb === 'date' && fn === 'subtract') return call('subtract', [a, b], T.int32);
    if (kb === 'interval' && (fn === 'add' || fn === 'subtract')) return call(fn, [castExpr(a, T.timestamp, false), b], T.timestamp);
    if ((kb === 'timestamp' || kb === 'timestamptz') && fn === 'subtract') return call(fn, [castExpr(a, b.type, false), b], T.interval);
  }
  if (ka === 'timestamp' || ka === 'timestamptz') {
    if (kb === 'interval' && (fn === 'add' || fn === 'subtract')) return call(fn, [a, b], a.type);
    if ((kb === 'timestamp' || kb === 'timestamptz' || kb === 'date') && fn === 'subtract') {
      const common = unifyTypes(a.type, b.type)!;
      return call(fn, [castExpr(a, common, false), castExpr(b, common, false)], T.interval);
    }
  }
  if (ka === 'interval') {
    if (kb === 'interval' && (fn === 'add' || fn === 'subtract')) return call(fn, [a, b], T.interval);
    if (isNumeric(b.type) && (fn === 'multiply' || fn === 'divide')) return call(fn, [a, castExpr(b, T.float64, false)], T.interval);
  }
  throw noOperator(op, [x.kind === 'literal' && isUnknownLiteral(x) ? a : x, y.kind === 'literal' && isUnknownLiteral(y) ? b : y]);
}

/** Unknown literals in arithmetic: against a number they become that number type; against
 * a date with a number-like string they become an integer; against a timestamp, an interval. */
function adaptUnknownsForArithmetic(fn: string, x: Expr, y: Expr): [Expr, Expr] {
  const guess = (unknown: Expr, other: Expr): DataType => {
    const k = other.type.kind;
    if (k === 'date' || k === 'timestamp' || k === 'timestamptz') {
      const text = unknown.kind === 'literal' && typeof unknown.value === 'string' ? unknown.value : '';
      if (/^\s*[+-]?\d+\s*$/.test(text)) return T.int32;
      // PostgreSQL first tries the other operand's own type (date - '2020-01-01' is date - date)
      if (fn === 'subtract' && unknown.kind === 'literal') {
        try { castExpr(unknown, other.type, false); return other.type; } catch { /* not a date: an interval */ }
      }
      return T.interval;
    }
    return other.type;
  };
  const ux = isUnknownLiteral(x), uy = isUnknownLiteral(y);
  if (ux && uy) return [castExpr(x, T.float64, false), castExpr(y, T.float64, false)];
  if (ux) return [castExpr(x, guess(x, y), false), y];
  if (uy) return [x, castExpr(y, guess(y, x), false)];
  return [x, y];
}

/** Decimal type for an operand: an integer constant only needs its own digits (keeps results narrow). */
function decimalOperandType(e: Expr): DataType {
  if (e.kind === 'literal' && isInteger(e.type) && e.value !== null) {
    const digits = String(e.value).replace('-', '').length;
    return decimal(Math.max(1, digits), 0);
  }
  return integerAsDecimal(e.type);
}

function numericArithmetic(fn: string, a: Expr, b: Expr): Expr {
  const ta = a.type, tb = b.type;
  if (ta.kind === 'float32' || ta.kind === 'float64' || tb.kind === 'float32' || tb.kind === 'float64') {
    const t = ta.kind === 'float32' && tb.kind === 'float32' ? T.float32 : T.float64;
    // float % (Spark, DuckDB, DataFusion; PostgreSQL has none): C fmod, the sign of the dividend
    return call(fn, [castExpr(a, t, false), castExpr(b, t, false)], t);
  }
  if (ta.kind === 'decimal' || tb.kind === 'decimal') {
    const da = decimalOperandType(a) as DataType & { precision: number; scale: number };
    const db = decimalOperandType(b) as DataType & { precision: number; scale: number };
    const type = decimalResult(fn, da, db);
    if (fn === 'multiply' || fn === 'divide') return call(fn, [castExpr(a, da, false), castExpr(b, db, false)], type);
    // add/subtract/modulo: align both operands on the result scale
    const scale = (type as { scale: number }).scale;
    const align = (e: Expr, d: { precision: number; scale: number }): Expr =>
      castExpr(e, isNarrowDecimal(type) ? decimal(Math.min(d.precision + scale - d.scale, (type as { precision: number }).precision), scale) : type, false);
    return call(fn, [align(a, da), align(b, db)], type);
  }
  // integers: the wider type (int2 + int2 = int2, as PostgreSQL)
  const t = unifyTypes(ta, tb)!;
  return call(fn, [castExpr(a, t, false), castExpr(b, t, false)], t);
}

/** Spark's `a <=> b`: IS NOT DISTINCT FROM (true for two NULLs, false for one). */
function nullSafeEqual(a: Expr, b: Expr): Expr {
  const eq = resolveOperator('=', [a, b]);
  const [x, y] = eq.kind === 'call' && eq.args.length === 2 ? [eq.args[0]!, eq.args[1]!] : [a, b];
  const aNull = call('is_null', [x], T.boolean), bNull = call('is_null', [y], T.boolean);
  return {
    kind: 'case',
    whens: [
      { when: call('and', [aNull, bNull], T.boolean), then: lit(true, T.boolean) },
      { when: call('or', [aNull, bNull], T.boolean), then: lit(false, T.boolean) },
    ],
    otherwise: eq,
    type: T.boolean,
  };
}
