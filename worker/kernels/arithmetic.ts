/**
 * Arithmetic kernels over number lanes (ints, floats, dates and narrow decimals as
 * scaled integers in Float64). One loop per operator; range checks run as a
 * second pass so the main loops stay branch-free.
 *
 * Overflow policy (PostgreSQL): int16/int32/int64 results outside the type's range
 * raise 22003 "integer out of range" ("smallint"/"bigint" out of range); narrow
 * decimal results must stay below 2^53 in magnitude (exactness of the Float64
 * layout) or raise 22003 "numeric field overflow". Division or modulo by zero
 * raises 22012 — only for rows whose operands are both valid.
 */
import { LochError, SqlState } from '../../core/index.ts';
import { isValid } from './vector.ts';

/** Binary arithmetic operators, by registry name. */
export type ArithOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'modulo';

/** How results are checked and rounded. */
export type NumberDomain = 'int16' | 'int32' | 'int64' | 'float' | 'decimal';

type Num = ArrayLike<number>;

function addLoop(a: Num, b: Num, out: Float64Array, sel: Int32Array): void {
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = a[i]! + b[i]!; }
}
function subLoop(a: Num, b: Num, out: Float64Array, sel: Int32Array): void {
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = a[i]! - b[i]!; }
}
function mulLoop(a: Num, b: Num, out: Float64Array, sel: Int32Array): void {
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = a[i]! * b[i]!; }
}

// Float64 × Float64 twins of the loops above (narrow decimals, floats): a loop that sees
// only one array kind stays monomorphic; the generic ones see Int16/Int32/Float32/Float64.
// They return the largest |result| (NaN if a result is NaN), so the range check needs no second pass.
function addF64(a: Float64Array, b: Float64Array, out: Float64Array, sel: Int32Array): number {
  let m = 0;
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; const v = a[i]! + b[i]!; out[i] = v; m = Math.max(m, Math.abs(v)); }
  return m;
}
function subF64(a: Float64Array, b: Float64Array, out: Float64Array, sel: Int32Array): number {
  let m = 0;
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; const v = a[i]! - b[i]!; out[i] = v; m = Math.max(m, Math.abs(v)); }
  return m;
}
function mulF64(a: Float64Array, b: Float64Array, out: Float64Array, sel: Int32Array): number {
  let m = 0;
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; const v = a[i]! * b[i]!; out[i] = v; m = Math.max(m, Math.abs(v)); }
  return m;
}

/**
 * What the last `arithNumbers` call learned about its results: `maxAbs` is the largest |result| at the
 * selected rows when it ran a Float64 × Float64 add/subtract/multiply (NaN when a result was NaN or
 * another loop ran). A caller whose results need no rescale may skip `findOverflow` when it is in range.
 */
export const lastArith = { maxAbs: NaN };

function divisionByZero(): LochError {
  return new LochError(SqlState.divisionByZero, 'division by zero');
}

function divLoop(a: Num, b: Num, out: Float64Array, sel: Int32Array, valid: Uint8Array | null, truncate: boolean): void {
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const d = b[i]!;
    if (d === 0) {
      if (valid === null || isValid(valid, i)) throw divisionByZero();
      out[i] = 0;
      continue;
    }
    const x = a[i]!;
    if (!truncate) { out[i] = x / d; continue; }
    // the float quotient of integers near 2^53 may round up to the next integer: fix via the remainder
    let q = Math.trunc(x / d);
    const r = x - q * d;
    if (r !== 0 && (r < 0) !== (x < 0)) q += (x < 0) === (d < 0) ? -1 : 1;
    out[i] = q;
  }
}

function modLoop(a: Num, b: Num, out: Float64Array, sel: Int32Array, valid: Uint8Array | null): void {
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const d = b[i]!;
    if (d === 0) {
      if (valid === null || isValid(valid, i)) throw divisionByZero();
      out[i] = 0;
      continue;
    }
    out[i] = a[i]! % d;
  }
}

const LIMITS: Record<'int16' | 'int32' | 'int64' | 'decimal', number> = {
  int16: 32767, int32: 2147483647, int64: Number.MAX_SAFE_INTEGER, decimal: Number.MAX_SAFE_INTEGER,
};

/** Error raised when an integer or decimal result leaves its range. */
export function overflowError(domain: NumberDomain): LochError {
  switch (domain) {
    case 'int16': return new LochError(SqlState.numericValueOutOfRange, 'smallint out of range');
    case 'int32': return new LochError(SqlState.numericValueOutOfRange, 'integer out of range');
    case 'int64': return new LochError(SqlState.numericValueOutOfRange, 'bigint out of range');
    default: return new LochError(SqlState.numericValueOutOfRange, 'numeric field overflow');
  }
}

/**
 * Index of the first selected valid row whose value is out of range, or -1.
 * int64 uses ±2^53: callers redo such batches on the exact BigInt path.
 */
export function findOverflow(out: Float64Array, sel: Int32Array, valid: Uint8Array | null, domain: NumberDomain): number {
  if (domain === 'float') return -1;
  const hi = LIMITS[domain];
  const lo = domain === 'int16' || domain === 'int32' ? -hi - 1 : -hi;
  // one branch-free pass to see whether anything is out of range (the common answer: no)
  let bad = false;
  for (let k = 0; k < sel.length; k++) { const v = out[sel[k]!]!; bad = bad || v > hi || v < lo || v !== v; }
  if (!bad) return -1;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const v = out[i]!;
    if ((v > hi || v < lo || v !== v) && (valid === null || isValid(valid, i))) return i;
  }
  return -1;
}

/**
 * Applies `op` to number lanes at the selected rows into a Float64Array. Integer
 * division truncates; float and decimal division are not handled here (decimal
 * division has its own kernel).
 */
export function arithNumbers(op: ArithOp, a: Num, b: Num, sel: Int32Array, n: number, valid: Uint8Array | null, domain: NumberDomain, into?: Float64Array): Float64Array {
  // `into` (a reused buffer of length n) may be `a` or `b` itself: every loop reads row i before writing it
  const out = into ?? new Float64Array(n);
  lastArith.maxAbs = NaN;
  if (a instanceof Float64Array && b instanceof Float64Array) {
    if (op === 'add') { lastArith.maxAbs = addF64(a, b, out, sel); return out; }
    if (op === 'subtract') { lastArith.maxAbs = subF64(a, b, out, sel); return out; }
    if (op === 'multiply') { lastArith.maxAbs = mulF64(a, b, out, sel); return out; }
  }
  switch (op) {
    case 'add': addLoop(a, b, out, sel); break;
    case 'subtract': subLoop(a, b, out, sel); break;
    case 'multiply': mulLoop(a, b, out, sel); break;
    case 'divide': divLoop(a, b, out, sel, valid, domain !== 'float'); break;
    case 'modulo': modLoop(a, b, out, sel, valid); break;
  }
  return out;
}

/** Negation of number lanes. */
export function negateNumbers(a: Num, sel: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = -a[i]!; }
  return out;
}

/** Copies a Float64 result into the output array type (Int16Array, Int32Array, Float32Array, …). */
export function narrowTo<T extends Int16Array | Int32Array | Float32Array | Float64Array>(out: T, src: Float64Array, sel: Int32Array): T {
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = src[i]!; }
  return out;
}

/** Multiplies number lanes by a power of ten (decimal rescale up; exact while below 2^53); `into` may be `a`. */
export function scaleNumbers(a: Num, factor: number, sel: Int32Array, n: number, into?: Float64Array): Float64Array {
  const out = into ?? new Float64Array(n);
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = a[i]! * factor; }
  return out;
}

/** Rounds a/divisor half away from zero (decimal rescale down, PostgreSQL rounding); `into` may be `a`. */
export function divideRoundNumbers(a: Num, divisor: number, sel: Int32Array, n: number, into?: Float64Array): Float64Array {
  const out = into ?? new Float64Array(n);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const v = a[i]!;
    let q = Math.trunc(v / divisor);
    let r = v - q * divisor;
    // the float quotient may round across an integer: fix so that r has v's sign and |r| < divisor
    if (v >= 0 ? r < 0 : r > 0) { q -= Math.sign(v); r += Math.sign(v) * divisor; }
    out[i] = 2 * Math.abs(r) >= divisor ? q + Math.sign(v) : q;
  }
  return out;
}

/**
 * A Float64Array reused from one batch to the next (capacity grows, never shrinks).
 * Rows outside the current selection keep stale values: readers look only at selected rows.
 */
export class ScratchNumbers {
  private buf = new Float64Array(0);

  /** A buffer of exactly n values, valid until the next call. */
  get(n: number): Float64Array {
    if (this.buf.length < n) this.buf = new Float64Array(Math.max(n, 1024));
    return this.buf.length === n ? this.buf : this.buf.subarray(0, n);
  }
}
