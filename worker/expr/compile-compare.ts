/**
 * Comparison operators (eq, ne, lt, le, gt, ge, plus is_distinct_from /
 * is_not_distinct_from) compiled to a select closure specialised for the operand
 * types and for a constant side. The planner casts both sides to one type first.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, type Interval, type LiteralValue, approxDecimal128, isNarrowDecimal, readDecimal128, readValue } from '../../core/index.ts';
import { type CompareOp, compareBytes, flipCompare, selectCompareInt64, selectCompareInt64Scalar, selectCompareNumberScalar, selectCompareNumberScalarAll, selectCompareNumbers, selectCompareTextScalar, selectCompareText, selectCompareWith } from '../kernels/compare.ts';
import { compareNested } from '../kernels/nested-values.ts';
import { andValidity, booleanFromSelection, filterValid, selectionOf, validityOf } from '../kernels/vector.ts';
import { type Node, constantNumber, hasNumberLanes, isInt64Like, numberLanes } from './node.ts';

/** Select form: rows of `sel` where the predicate is TRUE. */
export type Selector = (batch: Batch, sel: Int32Array) => Int32Array;

/** A boolean expression in both forms: selection (filters) and column (projections). */
export interface CompiledBoolean {
  select: Selector;
  evaluate(batch: Batch): arrow.Data;
}

const encoder = new TextEncoder();

/** Three-way comparison of two LiteralValues of the same type (slow paths and constants). */
export function compareValues(a: LiteralValue, b: LiteralValue, type: DataType): number {
  // arrays, structs, maps and bytes are objects: the number comparison below would call them all equal
  if (type.kind === 'array' || type.kind === 'struct' || type.kind === 'map' || type.kind === 'binary') return compareNested(a, b, type);
  if (type.kind === 'interval') return intervalSpan(a as Interval) - intervalSpan(b as Interval);
  if (type.kind === 'text') return compareBytesOf(a as string, b as string);
  if (typeof a === 'boolean') return Number(a) - Number(b as boolean);
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = BigInt(a as number | bigint), y = BigInt(b as number | bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = a as number, y = b as number;
  // PostgreSQL orders NaN above every other float and equal to itself
  if (x !== x || y !== y) return (x !== x ? 1 : 0) - (y !== y ? 1 : 0);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBytesOf(a: string, b: string): number {
  const x = encoder.encode(a), y = encoder.encode(b);
  return compareBytes(x, 0, x.length, y, 0, y.length);
}

/** PostgreSQL compares intervals by their span with 30-day months and 24-hour days. */
function intervalSpan(v: Interval): number {
  return (v.months * 30 + v.days) * 86_400_000_000 + v.micros;
}


function isFloat(t: DataType): boolean {
  return t.kind === 'float32' || t.kind === 'float64';
}

/** PostgreSQL orders NaN above all numbers and equal to itself; batches holding NaN take the exact slow path. */
function hasNaN(lanes: ArrayLike<number>, rows: Int32Array): boolean {
  for (let k = 0; k < rows.length; k++) { const v = lanes[rows[k]!]!; if (v !== v) return true; }
  return false;
}

/** Compiles `a op b` (NULL when either side is NULL). */
export function compileCompare(op: CompareOp, a: Node, b: Node): CompiledBoolean {
  const type = a.type;
  let core: (batch: Batch, sel: Int32Array) => { trues: Int32Array; validity: Uint8Array | null };
  if (a.constant && !b.constant) return compileCompare(flipCompare(op), b, a);
  const cb = b.constant;
  if (cb && cb.value === null) {
    core = (batch) => ({ trues: new Int32Array(0), validity: new Uint8Array((batch.numRows + 7) >> 3) });
  } else if (cb && isInt64Like(type) && (typeof cb.value === 'bigint' || (typeof cb.value === 'number' && Number.isInteger(cb.value)))) {
    const c = BigInt(cb.value);
    core = (batch, sel) => {
      const data = a.evaluate(batch.withSelection(sel));
      const validity = validityOf(data);
      return { trues: selectCompareInt64Scalar(op, data.values as BigInt64Array, c, filterValid(sel, validity)), validity };
    };
  } else if (cb && hasNumberLanes(type) && constantNumber(cb.value) !== null && !Number.isNaN(cb.value)) {
    const c = constantNumber(cb.value)!;
    const float = isFloat(type);
    core = (batch, sel) => {
      const data = a.evaluate(batch.withSelection(sel));
      const validity = validityOf(data);
      const rows = filterValid(sel, validity);
      const lanes = numberLanes(data, type, rows);
      if (lanes === null || (float && hasNaN(lanes, rows))) return { trues: slowCompare(op, data, null, cb.value, type, rows), validity };
      // a selection as long as the batch is every row (selections are increasing subsets)
      if (rows.length === batch.numRows) return { trues: selectCompareNumberScalarAll(op, lanes, c, rows.length), validity };
      return { trues: selectCompareNumberScalar(op, lanes, c, rows), validity };
    };
  } else if (cb && type.kind === 'decimal' && !isNarrowDecimal(type) && (typeof cb.value === 'bigint' || typeof cb.value === 'number')) {
    const c = BigInt(cb.value);
    core = (batch, sel) => {
      const data = a.evaluate(batch.withSelection(sel));
      const validity = validityOf(data);
      return { trues: selectCompareWith(op, wideComparator(data.values as Uint32Array, null, c), filterValid(sel, validity)), validity };
    };
  } else if (cb && type.kind === 'text') {
    const bytes = encoder.encode(cb.value as string);
    core = (batch, sel) => {
      const data = a.evaluate(batch.withSelection(sel));
      const validity = validityOf(data);
      const rows = filterValid(sel, validity);
      return { trues: selectCompareTextScalar(op, data.valueOffsets as Int32Array, data.values as Uint8Array, bytes, rows), validity };
    };
  } else {
    core = (batch, sel) => {
      const sub = batch.withSelection(sel);
      const da = a.evaluate(sub), db = b.evaluate(sub);
      const validity = andValidity(batch.numRows, validityOf(da), validityOf(db));
      const rows = filterValid(sel, validity);
      if (type.kind === 'text') {
        return {
          trues: selectCompareText(op, da.valueOffsets as Int32Array, da.values as Uint8Array, db.valueOffsets as Int32Array, db.values as Uint8Array, rows),
          validity,
        };
      }
      if (isInt64Like(type) && isInt64Like(b.type)) {
        return { trues: selectCompareInt64(op, da.values as BigInt64Array, db.values as BigInt64Array, rows), validity };
      }
      if (hasNumberLanes(type)) {
        const la = numberLanes(da, type, rows), lb = numberLanes(db, b.type, rows);
        if (la !== null && lb !== null && !(isFloat(type) && (hasNaN(la, rows) || hasNaN(lb, rows)))) return { trues: selectCompareNumbers(op, la, lb, rows), validity };
      }
      return { trues: slowCompare(op, da, db, null, type, rows), validity };
    };
  }
  return {
    select: (batch, sel) => core(batch, sel).trues,
    evaluate(batch) {
      const sel = selectionOf(batch.selection, batch.numRows);
      const r = core(batch, sel);
      return booleanFromSelection(batch.numRows, r.trues, r.validity);
    },
  };
}

function slowCompare(op: CompareOp, da: arrow.Data, db: arrow.Data | null, constant: LiteralValue, type: DataType, rows: Int32Array): Int32Array {
  if (type.kind === 'decimal' && !isNarrowDecimal(type)) {
    const words = da.values as Uint32Array;
    if (db === null) return selectCompareWith(op, wideComparator(words, null, BigInt(constant as bigint | number)), rows);
    return selectCompareWith(op, wideComparator(words, db.values as Uint32Array, 0n), rows);
  }
  return selectCompareWith(op, (i) => compareValues(readValue(da, type, i), db ? readValue(db, type, i) : constant, type), rows);
}

/**
 * Three-way comparison of Decimal128 values (column vs column, or column vs constant c):
 * doubles decide whenever they differ by more than their rounding error; only near-ties
 * read exact BigInts.
 */
function wideComparator(a: Uint32Array, b: Uint32Array | null, c: bigint): (i: number) => number {
  const cApprox = Number(c);
  return (i) => {
    const x = approxDecimal128(a, i);
    const y = b === null ? cApprox : approxDecimal128(b, i);
    const d = x - y;
    if (Math.abs(d) > 1e-12 * Math.max(Math.abs(x), Math.abs(y)) + 2) return d;
    const vx = readDecimal128(a, i), vy = b === null ? c : readDecimal128(b, i);
    return vx < vy ? -1 : vx > vy ? 1 : 0;
  };
}

/** IS [NOT] DISTINCT FROM: NULLs compare equal to each other, never NULL. */
export function compileDistinct(negated: boolean, a: Node, b: Node): CompiledBoolean {
  const type = a.type;
  const select: Selector = (batch, sel) => {
    const sub = batch.withSelection(sel);
    const da = a.evaluate(sub), db = b.evaluate(sub);
    return selectCompareWith('eq', (i) => {
      const x = readValue(da, type, i), y = readValue(db, type, i);
      const same = x === null || y === null ? x === y : compareValues(x, y, type) === 0;
      return same === negated ? 0 : 1;
    }, sel);
  };
  return {
    select,
    evaluate(batch) {
      const sel = selectionOf(batch.selection, batch.numRows);
      return booleanFromSelection(batch.numRows, select(batch, sel), null);
    },
  };
}
