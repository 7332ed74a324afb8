/**
 * Casts. Number-to-number casts (ints, floats, narrow decimals, date ↔ timestamp)
 * run as typed-array loops; everything else (text in/out, wide decimals) goes
 * row by row through core's castValue, which carries PostgreSQL's error codes.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, castValue, isInteger, isNarrowDecimal, typesEqual } from '../../core/index.ts';
import { divideRoundNumbers, findOverflow, overflowError, scaleNumbers } from '../kernels/arithmetic.ts';
import { selectionOf, validityOf } from '../kernels/vector.ts';
import { numbersToColumn } from './compile-arith.ts';
import { type Node, hasNumberLanes, numberLanes } from './node.ts';
import { rowwise } from './rowwise.ts';

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MICROS_PER_DAY = 86_400_000_000;

function scale(t: DataType): number {
  return t.kind === 'decimal' ? t.scale : 0;
}

function isFloat(t: DataType): boolean {
  return t.kind === 'float32' || t.kind === 'float64';
}

/** Rounds half to even (float → integer casts use rint()). */
function rintNumbers(a: ArrayLike<number>, sel: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const x = a[i]!;
    const r = Math.round(x);
    out[i] = r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  }
  return out;
}

function copyNumbers(a: ArrayLike<number>, sel: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = a[i]!; }
  return out;
}

/** Compiles `CAST(input AS to)`. */
export function compileCast(input: Node, to: DataType): (batch: Batch) => arrow.Data {
  const from = input.type;
  if (typesEqual(from, to)) return (batch) => input.evaluate(batch);
  const fast = hasNumberLanes(from) && hasNumberLanes(to) && (isNarrowDecimal(to) || to.kind !== 'decimal');
  if (!fast) return rowwise([input], to, (v) => castValue(v[0]!, from, to), true);
  const dateToTs = from.kind === 'date' && (to.kind === 'timestamp' || to.kind === 'timestamptz');
  const tsToDate = to.kind === 'date' && (from.kind === 'timestamp' || from.kind === 'timestamptz');
  const temporal = from.kind === 'date' || to.kind === 'date' || from.kind.startsWith('timestamp') || to.kind.startsWith('timestamp');
  if (temporal && !dateToTs && !tsToDate && from.kind.slice(0, 9) !== to.kind.slice(0, 9)) {
    return rowwise([input], to, (v) => castValue(v[0]!, from, to), true);
  }
  const fromScale = scale(from), toScale = scale(to);
  const domain = to.kind === 'int16' ? 'int16' : to.kind === 'int32' ? 'int32' : to.kind === 'int64' ? 'int64'
    : to.kind === 'decimal' ? 'decimal' : 'float';
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = input.evaluate(batch);
    const validity = validityOf(data);
    const lanes = numberLanes(data, from, sel);
    if (lanes === null) return rowwise([{ ...input, evaluate: () => data }], to, (v) => castValue(v[0]!, from, to), true)(batch);
    let out: Float64Array;
    if (dateToTs) {
      // a date whose µs leave int64 (after 294247-01-10): the row path raises 22008 (castValue)
      for (let k = 0; k < sel.length; k++) {
        const d = lanes[sel[k]!]!;
        if (d > 106751991 || d < -106751991) return rowwise([{ ...input, evaluate: () => data }], to, (v) => castValue(v[0]!, from, to), true)(batch);
      }
      out = scaleNumbers(lanes, MICROS_PER_DAY, sel, n);
    }
    else if (tsToDate) {
      out = new Float64Array(n);
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.floor(lanes[i]! / MICROS_PER_DAY); }
    } else if (isFloat(from) && to.kind === 'decimal') {
      // floats go through their decimal text (15 digits) like PostgreSQL; keep exactness simple
      return rowwise([{ ...input, evaluate: () => data }], to, (v) => castValue(v[0]!, from, to), true)(batch);
    } else if (isFloat(from) && isInteger(to)) out = rintNumbers(lanes, sel, n);
    else if (isFloat(to)) out = fromScale > 0 ? divideNumbers(lanes, POW10[fromScale]!, sel, n) : copyNumbers(lanes, sel, n);
    else if (toScale > fromScale) out = scaleNumbers(lanes, POW10[toScale - fromScale]!, sel, n);
    else if (toScale < fromScale) out = divideRoundNumbers(lanes, POW10[fromScale - toScale]!, sel, n);
    else out = copyNumbers(lanes, sel, n);
    if (to.kind === 'decimal') {
      const limit = 10 ** (to.precision) ;
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k]!;
        if (Math.abs(out[i]!) >= Math.min(limit, 2 ** 53) && (validity === null || ((validity[i >> 3]! >> (i & 7)) & 1) === 1)) {
          return rowwise([{ ...input, evaluate: () => data }], to, (v) => castValue(v[0]!, from, to), true)(batch);
        }
      }
    } else if (findOverflow(out, sel, validity, domain) >= 0) {
      if (domain === 'int64') return rowwise([{ ...input, evaluate: () => data }], to, (v) => castValue(v[0]!, from, to), true)(batch);
      throw overflowError(domain);
    }
    return numbersToColumn(to, out, sel, n, validity);
  };
}

function divideNumbers(a: ArrayLike<number>, d: number, sel: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = a[i]! / d; }
  return out;
}
