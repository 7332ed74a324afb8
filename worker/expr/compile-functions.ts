/**
 * Named scalar functions (the Call names planner/functions resolves to). Hot ones
 * get typed-array kernels: COALESCE (narrowing selections), extract() on dates,
 * substring on ASCII text, ||. The rest run row by row over the value-level
 * implementations in kernels/scalar-values.ts and kernels/datetime.ts.
 */
import type * as arrow from 'apache-arrow';
import {
  type Batch, type DataType, type Interval, type LiteralValue, LochError, SqlState, daysFromCivil, isNarrowDecimal,
} from '../../core/index.ts';
import {
  addInterval, extractFromDays, extractFromInterval, extractFromMicros, makeDate, multiplyInterval, negateInterval,
  subtractTimestamps, truncInterval, truncMicros, dayOfDays, monthOfDays, yearOfDays,
} from '../kernels/datetime.ts';
import { age, justifyDays, justifyHours, justifyInterval, parseWithFormat, toDate } from '../kernels/datetime-format.ts';
import { mergeColumns, type MergePiece } from '../kernels/merge.ts';
import { LENIENT_FUNCTIONS, MATH_FUNCTIONS, STRING_FUNCTIONS, toCharInterval, toCharNumber, toCharTimestamp } from '../kernels/scalar-values.ts';
import { copyBytes, filterValid, isAscii, makeColumn, numbersToInt64, makeTextColumn, selectionMinus, selectionOf, validityOf, andValidity } from '../kernels/vector.ts';
import { compareValues } from './compile-compare.ts';
import { type Node, numberLanes } from './node.ts';
import { rowwise } from './rowwise.ts';

type Evaluate = (batch: Batch) => arrow.Data;

const VOLATILE = new Set(['random']);

/** Functions that must not be folded or evaluated once. */
export function isVolatileFunction(fn: string): boolean {
  return VOLATILE.has(fn);
}

/** Converts an extracted field (value / 10^scale) to the result type (numeric or float8). */
function fieldToResult(v: { value: number; scale: number }, type: DataType): number {
  if (type.kind === 'decimal') {
    const diff = type.scale - v.scale;
    return diff === 0 ? v.value : Math.round(v.value * 10 ** diff);
  }
  return v.value / 10 ** v.scale;
}

function compileExtract(args: readonly Node[], type: DataType): Evaluate {
  const field = args[0]!.constant?.value;
  if (typeof field !== 'string') throw new LochError(SqlState.featureNotSupported, 'extract() needs a constant field');
  const src = args[1]!;
  if (src.type.kind === 'date' && (type.kind === 'float64' || (type.kind === 'decimal' && isNarrowDecimal(type)))) {
    const fast = field === 'year' ? yearOfDays : field === 'month' ? monthOfDays : field === 'day' ? dayOfDays : null;
    const scaleFactor = type.kind === 'decimal' ? 10 ** type.scale : 1;
    return (batch) => {
      const n = batch.numRows;
      const sel = selectionOf(batch.selection, n);
      const data = src.evaluate(batch);
      const days = data.values as Int32Array;
      const validity = validityOf(data);
      const out = new Float64Array(n);
      if (fast && field !== 'year') {
        for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = fast(days[i]!) * scaleFactor; }
      } else if (fast) {
        for (let k = 0; k < sel.length; k++) { const i = sel[k]!; const y = fast(days[i]!); out[i] = (y > 0 ? y : y - 1) * scaleFactor; }
      } else {
        const rows = filterValid(sel, validity);
        for (let k = 0; k < rows.length; k++) { const i = rows[k]!; out[i] = fieldToResult(extractFromDays(field, days[i]!), type); }
      }
      return makeColumn(type, n, out, validity);
    };
  }
  const tsField = field === 'year' || field === 'month' || field === 'day' || field === 'hour' || field === 'minute';
  if ((src.type.kind === 'timestamp' || src.type.kind === 'timestamptz') && tsField && (type.kind === 'float64' || isNarrowDecimal(type))) {
    const scaleFactor = type.kind === 'decimal' ? 10 ** type.scale : 1;
    const slow = extractRowwise(field, src, type);
    return (batch) => {
      const n = batch.numRows;
      const sel = selectionOf(batch.selection, n);
      const data = src.evaluate(batch);
      const lanes = numberLanes(data, src.type, sel);
      if (lanes === null) return slow(batch);
      const out = new Float64Array(n);
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k]!;
        const t = lanes[i]!;
        const day = Math.floor(t / DAY);
        let v: number;
        switch (field) {
          case 'year': { const y = yearOfDays(day); v = y > 0 ? y : y - 1; break; }
          case 'month': v = monthOfDays(day); break;
          case 'day': v = dayOfDays(day); break;
          case 'hour': v = Math.floor((t - day * DAY) / 3_600_000_000); break;
          default: v = Math.floor((t - day * DAY) / 60_000_000) % 60; break;
        }
        out[i] = v * scaleFactor;
      }
      return makeColumn(type, n, out, validityOf(data));
    };
  }
  return extractRowwise(field, src, type);
}

function extractRowwise(field: string, src: Node, type: DataType): Evaluate {
  return rowwise([src], type, (v) => {
    const x = v[0]!;
    const f = src.type.kind === 'date' ? extractFromDays(field, x as number)
      : src.type.kind === 'interval' ? extractFromInterval(field, x as Interval) : extractFromMicros(field, x as bigint);
    const r = fieldToResult(f, type);
    return type.kind === 'decimal' && !isNarrowDecimal(type) ? BigInt(r) : r;
  }, true);
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

/** text || text on bytes. */
function compileTextConcat(a: Node, b: Node): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch), db = b.evaluate(batch);
    const validity = andValidity(n, validityOf(da), validityOf(db));
    const ao = da.valueOffsets as Int32Array, ab = da.values as Uint8Array;
    const bo = db.valueOffsets as Int32Array, bb = db.values as Uint8Array;
    const offsets = new Int32Array(n + 1);
    const lengths = new Int32Array(n);
    for (let k = 0; k < sel.length; k++) { const i = sel[k]!; lengths[i] = ao[i + 1]! - ao[i]! + bo[i + 1]! - bo[i]!; }
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + lengths[i]!;
    const bytes = new Uint8Array(offsets[n]!);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const o = offsets[i]!;
      copyBytes(bytes, o, ab, ao[i]!, ao[i + 1]!);
      copyBytes(bytes, o + ao[i + 1]! - ao[i]!, bb, bo[i]!, bo[i + 1]!);
    }
    return makeTextColumn(n, offsets, bytes, validity);
  };
}

/** substring with constant bounds: byte slicing when the batch's text is ASCII. */
function compileSubstring(args: readonly Node[], type: DataType): Evaluate {
  const slow = rowwise(args, type, (v) => STRING_FUNCTIONS.substring!(v, [], type), true);
  const start = args[1]!.constant?.value, count = args.length > 2 ? args[2]!.constant?.value : undefined;
  if (typeof start !== 'number' || (args.length > 2 && typeof count !== 'number') || (typeof count === 'number' && count < 0)) return slow;
  return (batch) => {
    const n = batch.numRows;
    const data = args[0]!.evaluate(batch);
    const bytes = data.values as Uint8Array;
    if (!isAscii(bytes)) return slow(batch);
    const sel = selectionOf(batch.selection, n);
    const off = data.valueOffsets as Int32Array;
    const offsets = new Int32Array(n + 1);
    const starts = new Int32Array(n);
    const from = Math.max(start, 1) - 1;
    const endChar = typeof count === 'number' ? start + count - 1 : Infinity; // exclusive, 0-based
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const len = off[i + 1]! - off[i]!;
      const to = Math.min(endChar, len);
      starts[i] = off[i]! + from;
      offsets[i + 1] = to > from ? to - from : 0; // temporarily the length
    }
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + offsets[i + 1]!;
    const out = new Uint8Array(offsets[n]!);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const len = offsets[i + 1]! - offsets[i]!;
      if (len > 0) copyBytes(out, offsets[i]!, bytes, starts[i]!, starts[i]! + len);
    }
    return makeTextColumn(n, offsets, out, validityOf(data));
  };
}

function temporalArith(fn: string, args: readonly Node[], type: DataType): Evaluate | null {
  const [a, b] = args;
  const ka = a!.type.kind, kb = b?.type.kind;
  if (fn === 'negate' && ka === 'interval') return rowwise(args, type, (v) => negateInterval(v[0] as Interval), true);
  if ((ka === 'timestamp' || ka === 'timestamptz') && kb === 'interval' && (fn === 'add' || fn === 'subtract') && b!.constant?.value) {
    const iv = b!.constant.value as Interval;
    return timestampPlusConstantInterval(a!, fn === 'add' ? iv : negateInterval(iv), type,
      rowwise(args, type, (v) => addInterval(v[0] as bigint, v[1] as Interval, fn === 'add' ? 1 : -1), true));
  }
  if ((ka === 'timestamp' || ka === 'timestamptz') && kb === 'interval' && (fn === 'add' || fn === 'subtract')) {
    return rowwise(args, type, (v) => addInterval(v[0] as bigint, v[1] as Interval, fn === 'add' ? 1 : -1), true);
  }
  if ((ka === 'timestamp' || ka === 'timestamptz') && (kb === 'timestamp' || kb === 'timestamptz') && fn === 'subtract') {
    return rowwise(args, type, (v) => subtractTimestamps(v[0] as bigint, v[1] as bigint), true);
  }
  if (ka === 'interval' && kb === 'interval' && (fn === 'add' || fn === 'subtract')) {
    const s = fn === 'add' ? 1 : -1;
    return rowwise(args, type, (v) => {
      const x = v[0] as Interval, y = v[1] as Interval;
      return { months: x.months + s * y.months, days: x.days + s * y.days, micros: x.micros + s * y.micros };
    }, true);
  }
  if (ka === 'interval' && (fn === 'multiply' || fn === 'divide')) {
    return rowwise(args, type, (v) => {
      const f = Number(v[1]);
      if (fn === 'divide' && f === 0) throw new LochError(SqlState.divisionByZero, 'division by zero');
      return multiplyInterval(v[0] as Interval, fn === 'divide' ? 1 / f : f);
    }, true);
  }
  return null;
}

const DAY = 86_400_000_000;

/**
 * timestamp + constant interval on number lanes (µs fit doubles exactly for years
 * 1685..2255): months move the calendar date with month-end clamping, then days and time add.
 */
function timestampPlusConstantInterval(a: Node, iv: Interval, type: DataType, slow: Evaluate): Evaluate {
  const shift = iv.days * DAY + iv.micros;
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = a.evaluate(batch);
    const validity = validityOf(data);
    const lanes = numberLanes(data, a.type, sel);
    if (lanes === null) return slow(batch);
    const out = new Float64Array(n);
    if (iv.months === 0) {
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = lanes[i]! + shift; }
    } else {
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k]!;
        const t = lanes[i]!;
        const day = Math.floor(t / DAY);
        out[i] = addMonthsToDayNumber(day, iv.months) * DAY + (t - day * DAY) + shift;
      }
    }
    for (let k = 0; k < sel.length; k++) {
      const v = out[sel[k]!]!;
      if (v > Number.MAX_SAFE_INTEGER || v < -Number.MAX_SAFE_INTEGER) return slow(batch);
    }
    return makeColumn(type, n, numbersToInt64(out, sel, n), validity);
  };
}

/** Adds months to a day number with month-end clamping, allocation-free. */
function addMonthsToDayNumber(day: number, months: number): number {
  const y = yearOfDays(day), m = monthOfDays(day), d = dayOfDays(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const dim = month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28)
    : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return daysFromCivil(year, month, d < dim ? d : dim);
}

/** length / octet_length on bytes: characters are the bytes that do not continue a UTF-8 sequence. */
function compileLength(arg: Node, type: DataType, octets: boolean): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = arg.evaluate(batch);
    const off = data.valueOffsets as Int32Array, bytes = data.values as Uint8Array;
    const out = new Int32Array(n);
    if (octets || isAscii(bytes)) {
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = off[i + 1]! - off[i]!; }
    } else {
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k]!;
        let c = 0;
        for (let j = off[i]!, e = off[i + 1]!; j < e; j++) if ((bytes[j]! & 0xc0) !== 0x80) c++;
        out[i] = c;
      }
    }
    return makeColumn(type, n, out, validityOf(data));
  };
}

/** upper / lower: ASCII batches map bytes; others take the Unicode-aware row-wise path. */
function compileCase(arg: Node, type: DataType, upper: boolean, slow: Evaluate): Evaluate {
  const from = upper ? 0x61 : 0x41, to = upper ? 0x7a : 0x5a, delta = upper ? -32 : 32;
  return (batch) => {
    const data = arg.evaluate(batch);
    const bytes = data.values as Uint8Array;
    if (!isAscii(bytes)) return slow(batch);
    const out = new Uint8Array(bytes.length);
    for (let j = 0; j < bytes.length; j++) { const b = bytes[j]!; out[j] = b >= from && b <= to ? b + delta : b; }
    return makeTextColumn(batch.numRows, data.valueOffsets as Int32Array, out, validityOf(data));
  };
}

/** Compiles a named function call with already-compiled arguments. */
export function compileFunction(fn: string, args: readonly Node[], type: DataType): Evaluate {
  const temporal = temporalArith(fn, args, type);
  if (temporal) return temporal;
  const argTypes = args.map((a) => a.type);
  switch (fn) {
    case 'extract': return compileExtract(args, type);
    case 'coalesce': return compileCoalesce(args, type);
    case 'text_concat': return compileTextConcat(args[0]!, args[1]!);
    case 'substring': return compileSubstring(args, type);
    case 'length': return compileLength(args[0]!, type, false);
    case 'octet_length': return compileLength(args[0]!, type, true);
    case 'upper': case 'lower':
      return compileCase(args[0]!, type, fn === 'upper', rowwise(args, type, (v) => STRING_FUNCTIONS[fn]!(v, argTypes, type), true));
    case 'date_trunc': {
      const field = args[0]!.constant?.value;
      if (typeof field !== 'string') throw new LochError(SqlState.featureNotSupported, 'date_trunc() needs a constant field');
      return rowwise([args[1]!], type, (v) => (type.kind === 'interval' ? truncInterval(field, v[0] as Interval) : truncMicros(field, v[0] as bigint)), true);
    }
    case 'to_date': return rowwise(args, type, (v) => toDate(v[0] as string, v[1] as string), true);
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
  const strict = STRING_FUNCTIONS[fn] ?? MATH_FUNCTIONS[fn];
  if (strict) return rowwise(args, type, (v) => strict(v, argTypes, type), true);
  const lenient = LENIENT_FUNCTIONS[fn];
  if (lenient) return rowwise(args, type, (v) => lenient(v, argTypes, type), false);
  throw new LochError(SqlState.undefinedFunction, `function ${fn} has no implementation in the worker`);
}
