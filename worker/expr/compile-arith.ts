/**
 * Arithmetic operators (add, subtract, multiply, divide, modulo, negate) on
 * integers, floats, decimals and dates (date ± int, date - date). Number lanes on
 * the fast path; BigInt for wide decimals, decimal division and int64 beyond 2^53.
 * Interval and timestamp arithmetic lives in compile-datetime.ts.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, isNarrowDecimal } from '../../core/index.ts';
import {
  type ArithOp, type NumberDomain, ScratchNumbers, arithNumbers, divideRoundNumbers, findOverflow, lastArith, narrowTo, negateNumbers, overflowError, scaleNumbers,
} from '../kernels/arithmetic.ts';
import { bigintArith, bigintReader, scaleOf } from '../kernels/bigint-arith.ts';
import { andValidity, decimal128ToNumbers, makeColumn, numbersToDecimal128, numbersToInt64, selectionOf, validityOf } from '../kernels/vector.ts';
import { type Node, hasNumberLanes, isInt64Like, numberLanes } from './node.ts';
import { type ArithUses, isScratch } from './shared-nodes.ts';

function domainOf(t: DataType): NumberDomain {
  switch (t.kind) {
    case 'int16': return 'int16';
    case 'int32': case 'date': return 'int32';
    case 'int64': case 'timestamp': case 'timestamptz': case 'time': return 'int64';
    case 'float32': case 'float64': return 'float';
    default: return 'decimal';
  }
}

/** Wraps Float64 results as a column of `type`. */
export function numbersToColumn(type: DataType, out: Float64Array, sel: Int32Array, n: number, validity: Uint8Array | null): arrow.Data {
  switch (type.kind) {
    case 'int16': return makeColumn(type, n, narrowTo(new Int16Array(n), out, sel), validity);
    case 'int32': case 'date': return makeColumn(type, n, narrowTo(new Int32Array(n), out, sel), validity);
    case 'float32': return makeColumn(type, n, narrowTo(new Float32Array(n), out, sel), validity);
    case 'int64': case 'timestamp': case 'timestamptz': case 'time': return makeColumn(type, n, numbersToInt64(out, sel, n), validity);
    default: return makeColumn(type, n, out, validity);
  }
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Compiles a binary arithmetic operator with result `type`. With `uses` showing that
 * every consumer is another arithmetic node (shared-nodes.ts), a Float64 result is
 * written into a buffer reused across batches; aligned operands and the unrounded
 * product always are (they never leave this closure).
 */
export function compileArith(op: ArithOp, a: Node, b: Node, type: DataType, uses?: ArithUses): (batch: Batch) => arrow.Data {
  const domain = domainOf(type);
  const isDecimal = type.kind === 'decimal';
  const sa = scaleOf(a.type), sb = scaleOf(b.type), rs = scaleOf(type);
  const wideResult = isDecimal && !isNarrowDecimal(type);
  const lanesType = (t: DataType): boolean => hasNumberLanes(t) || (t.kind === 'decimal' && !isNarrowDecimal(t));
  // wide decimals take number lanes too while every value (and result) is within ±2^53
  const slowOnly = (isDecimal && op === 'divide') || !lanesType(a.type) || !lanesType(b.type)
    || (isDecimal && (Math.max(rs - sa, rs - sb, 0) > 15 || Math.abs((op === 'multiply' ? sa + sb : rs) - rs) > 15));
  // decimal add/subtract/modulo align operand scales; multiply yields sa+sb, rescaled if needed
  const align = isDecimal && op !== 'multiply' && op !== 'divide';
  const fa = align && rs > sa ? POW10[rs - sa]! : 1;
  const fb = align && rs > sb ? POW10[rs - sb]! : 1;
  const productScale = op === 'multiply' ? sa + sb : rs;
  const mayOverflowInt64 = domain === 'int64' || isInt64Like(a.type) || isInt64Like(b.type);
  const rounds = isDecimal && productScale !== rs;
  // the Float64 lanes are the column itself (not narrowed to int16/int32/float32/int64/Decimal128)
  const f64Result = !wideResult && (type.kind === 'decimal' || type.kind === 'float64');
  const tmpA = new ScratchNumbers(), tmpB = new ScratchNumbers(), tmpOut = new ScratchNumbers(), result = new ScratchNumbers();
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch), db = b.evaluate(batch);
    const validity = andValidity(n, validityOf(da), validityOf(db));
    if (!slowOnly) {
      let la = lanesOf(da, a.type, sel), lb = lanesOf(db, b.type, sel);
      if (la !== null && lb !== null) {
        if (fa !== 1) la = scaleNumbers(la, fa, sel, n, tmpA.get(n));
        if (fb !== 1) lb = scaleNumbers(lb, fb, sel, n, tmpB.get(n));
        // an aligned operand beyond 2^53 is no longer exact: take the BigInt path
        const alignedExact = (fa === 1 || findOverflow(la as Float64Array, sel, validity, 'decimal') < 0)
          && (fb === 1 || findOverflow(lb as Float64Array, sel, validity, 'decimal') < 0);
        if (!alignedExact) return bigintArith(op, bigintReader(da, a.type), sa, bigintReader(db, b.type), sb, type, sel, n, validity);
        // where the result lands: a fresh array when it becomes the column, else a reused one
        const keep = f64Result && (uses === undefined || !isScratch(uses));
        const final = keep ? new Float64Array(n) : f64Result ? result.get(n) : tmpOut.get(n);
        let out = arithNumbers(op, la, lb, sel, n, validity, domain, rounds ? tmpOut.get(n) : final);
        // the Float64 loops report their largest |result|: in range, the overflow pass is skipped
        // (±2^53 is the range of the decimal, int64 and float checks, not of int16/int32)
        const inRange = !rounds && lastArith.maxAbs <= Number.MAX_SAFE_INTEGER && domain !== 'int16' && domain !== 'int32';
        if (isDecimal && productScale > rs) out = divideRoundNumbers(out, POW10[productScale - rs]!, sel, n, final);
        else if (isDecimal && productScale < rs) out = scaleNumbers(out, POW10[rs - productScale]!, sel, n, final);
        const bad = inRange ? -1 : findOverflow(out, sel, validity, domain);
        if (bad < 0) return wideResult ? makeColumn(type, n, numbersToDecimal128(out, sel, n), validity) : numbersToColumn(type, out, sel, n, validity);
        if (!mayOverflowInt64 && !wideResult) throw overflowError(domain);
      }
    }
    return bigintArith(op, bigintReader(da, a.type), sa, bigintReader(db, b.type), sb, type, sel, n, validity);
  };
}

/** Number lanes of a column, including Decimal128 columns whose selected values are within ±2^53. */
function lanesOf(data: arrow.Data, type: DataType, sel: Int32Array): ArrayLike<number> | null {
  if (type.kind === 'decimal' && !isNarrowDecimal(type)) return decimal128ToNumbers(data.values as Uint32Array, sel, data.length);
  return numberLanes(data, type, sel);
}

/** Unary minus. */
export function compileNegate(a: Node, type: DataType): (batch: Batch) => arrow.Data {
  const domain = domainOf(type);
  const slow = !hasNumberLanes(type);
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch);
    const validity = validityOf(da);
    if (!slow) {
      const la = numberLanes(da, type, sel);
      if (la !== null) {
        const out = negateNumbers(la, sel, n);
        const bad = findOverflow(out, sel, validity, domain);
        if (bad < 0) return numbersToColumn(type, out, sel, n, validity);
        if (domain !== 'int64') throw overflowError(domain);
      }
    }
    const read = bigintReader(da, type);
    return bigintArith('subtract', () => 0n, scaleOf(type), read, scaleOf(type), type, sel, n, validity);
  };
}
