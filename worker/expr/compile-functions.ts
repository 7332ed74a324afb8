/**
 * Named scalar functions (the Call names planner/functions resolves to). Hot ones
 * get typed-array kernels (compile-text.ts, compile-datetime.ts, COALESCE here);
 * the rest run row by row over the value-level implementations in
 * kernels/scalar-values.ts, kernels/datetime.ts and kernels/datetime-format.ts.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, type Interval, type LiteralValue, LochError, SqlState, castValue } from '../../core/index.ts';
import { makeDate, truncInterval, truncMicros } from '../kernels/datetime.ts';
import { age, justifyDays, justifyHours, justifyInterval, parseWithFormat, toDate } from '../kernels/datetime-format.ts';
import { mergeColumns, type MergePiece } from '../kernels/merge.ts';
import { LENIENT_FUNCTIONS, MATH_FUNCTIONS, STRING_FUNCTIONS } from '../kernels/scalar-values.ts';
import { EXTRA_LENIENT_FUNCTIONS, EXTRA_STRICT_FUNCTIONS, toNumber } from '../kernels/scalar-values-extra.ts';
import { toCharInterval, toCharNumber, toCharTimestamp } from '../kernels/to-char.ts';
import { filterValid, selectionMinus, selectionOf, validityOf } from '../kernels/vector.ts';
import { compareValues } from './compile-compare.ts';
import { compileNumericUnary } from './compile-math.ts';
import { compileDateTrunc, compileExtract, temporalArith } from './compile-datetime.ts';
import { compileDateTimeExtra } from './compile-datetime-extra.ts';
import { compileCaseFold, compileLength, compileSubstring, compileTextConcat } from './compile-text.ts';
import type { Node } from './node.ts';
import { rowwise } from './rowwise.ts';
import { compileArrayFunction } from './compile-array.ts';
import { compileJsonFunction } from './compile-json.ts';
import { compileBitwise } from './compile-bitwise.ts';
import { SPARK_SCALAR_FUNCTIONS } from '../kernels/scalar-values-spark.ts';

type Evaluate = (batch: Batch) => arrow.Data;

const VOLATILE = new Set(['random', 'gen_random_uuid']);

/** Functions that must not be folded or evaluated once. */
export function isVolatileFunction(fn: string): boolean {
  return VOLATILE.has(fn);
}

/** COALESCE: each argument is evaluated only on the rows still NULL. */
function compileCoalesce(args: readonly Node[], type: DataType): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    let remaining = selectionOf(batch.selection, n);
    const pieces: MergePiece[] = [];
    for (const a of args) {
      if (remaining.length === 0) break;
      const data = a.evaluate(batch.withSelection(remaining));
      const valid = filterValid(remaining, validityOf(data));
      if (valid.length > 0) pieces.push({ rows: valid, data });
      remaining = valid.length === remaining.length ? new Int32Array(0) : selectionMinus(remaining, valid);
    }
    if (remaining.length > 0) pieces.push({ rows: remaining, data: null });
    return mergeColumns(type, n, pieces);
  };
}

/** Compiles a named function call with already-compiled arguments. */
export function compileFunction(fn: string, args: readonly Node[], type: DataType): Evaluate {
  const temporal = temporalArith(fn, args, type);
  if (temporal) return temporal;
  const datetime = compileDateTimeExtra(fn, args, type); // time type, date_bin, timezone, … (compile-datetime-extra.ts)
  if (datetime) return datetime;
  const bitwise = compileBitwise(fn, args, type); // & | # ~ << >> on integers (compile-bitwise.ts)
  if (bitwise) return bitwise;
  const argTypes = args.map((a) => a.type);
  switch (fn) {
    case 'extract': return compileExtract(args, type);
    case 'coalesce': return compileCoalesce(args, type);
    case 'text_concat': return compileTextConcat(args[0]!, args[1]!);
    case 'substring': return compileSubstring(args, type);
    case 'length': return compileLength(args[0]!, type, false);
    case 'octet_length': return compileLength(args[0]!, type, true);
    case 'upper': case 'lower':
      return compileCaseFold(args[0]!, type, fn === 'upper', rowwise(args, type, (v) => STRING_FUNCTIONS[fn]!(v, argTypes, type), true));
    case 'date_trunc': {
      const field = args[0]!.constant?.value;
      if (typeof field !== 'string') throw new LochError(SqlState.featureNotSupported, 'date_trunc() needs a constant field');
      const slow = rowwise([args[1]!], type, (v) => (type.kind === 'interval' ? truncInterval(field, v[0] as Interval) : truncMicros(field, v[0] as bigint)), true);
      return compileDateTrunc(field, args[1]!, type, slow);
    }
    case 'try_cast': return rowwise(args, type, (v) => { // TRY_CAST: a value that does not convert gives NULL
      try { return castValue(v[0]!, argTypes[0]!, type); } catch (e) { if (e instanceof LochError && e.sqlState.startsWith('22')) return null; throw e; }
    }, true);
    case 'to_date': return rowwise(args, type, (v) => toDate(v[0] as string, v[1] as string), true);
    case 'to_number': return rowwise(args, type, (v) => toNumber(v[0] as string, v[1] as string, type.kind === 'decimal' ? type.scale : 0), true);
    case 'to_timestamp_text': return rowwise(args, type, (v) => parseWithFormat(v[0] as string, v[1] as string), true);
    case 'age': return rowwise(args, type, (v) => age(v[0] as bigint, v[1] as bigint), true);
    case 'justify_days': return rowwise(args, type, (v) => justifyDays(v[0] as Interval), true);
    case 'justify_hours': return rowwise(args, type, (v) => justifyHours(v[0] as Interval), true);
    case 'justify_interval': return rowwise(args, type, (v) => justifyInterval(v[0] as Interval), true);
    case 'make_date': return rowwise(args, type, (v) => makeDate(v[0] as number, v[1] as number, v[2] as number), true);
    case 'to_char': return rowwise(args, type, (v) => {
      const t = argTypes[0]!;
      if (t.kind === 'timestamp' || t.kind === 'timestamptz') return toCharTimestamp(v[0] as bigint, v[1] as string);
      if (t.kind === 'interval') return toCharInterval(v[0] as Interval, v[1] as string);
      return toCharNumber(v[0]!, t, v[1] as string);
    }, true);
    case 'nullif': return rowwise(args, type, (v) => (v[0] === null || (v[1] !== null && compareValues(v[0], v[1], type) === 0) ? null : v[0]!), false);
    case 'greatest': case 'least': {
      const sign = fn === 'greatest' ? 1 : -1;
      return rowwise(args, type, (v) => {
        let best: LiteralValue = null;
        for (const x of v) if (x !== null && (best === null || sign * compareValues(x, best, type) > 0)) best = x;
        return best;
      }, false);
    }
    default: break;
  }
  if (fn === 'abs' || fn === 'round' || fn === 'trunc' || fn === 'floor' || fn === 'ceil' || fn === 'sign') {
    const fast = compileNumericUnary(fn, args, type);
    if (fast) return fast;
  }
  const strict = STRING_FUNCTIONS[fn] ?? MATH_FUNCTIONS[fn];
  if (strict) return rowwise(args, type, (v) => strict(v, argTypes, type), true);
  const lenient = LENIENT_FUNCTIONS[fn];
  if (lenient) return rowwise(args, type, (v) => lenient(v, argTypes, type), false);
  const extraStrict = EXTRA_STRICT_FUNCTIONS[fn];
  if (extraStrict) return rowwise(args, type, extraStrict, true);
  const spark = SPARK_SCALAR_FUNCTIONS[fn]; // log2, numeric gcd/lcm, substring_index, … (scalar-values-spark.ts)
  if (spark) return rowwise(args, type, (v) => spark(v, argTypes, type), true);
  const extraLenient = EXTRA_LENIENT_FUNCTIONS[fn];
  if (extraLenient) return rowwise(args, type, extraLenient, false);
  const nested = compileArrayFunction(fn, args, type); // arrays, structs, maps (compile-array.ts)
  if (nested) return nested;
  const json = compileJsonFunction(fn, args, type); // json / jsonb (compile-json.ts)
  if (json) return json;
  throw new LochError(SqlState.undefinedFunction, `function ${fn} has no implementation in the worker`);
}
