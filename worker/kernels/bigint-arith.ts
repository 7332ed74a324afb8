/**
 * Exact slow paths on BigInt: wide decimals (Decimal128, which appear after
 * aggregation), decimal division, and int64 values beyond ±2^53. Not used on
 * the common narrow paths.
 */
import type * as arrow from 'apache-arrow';
import { type DataType, LochError, SqlState, isNarrowDecimal, readDecimal128, writeDecimal128, checkDecimalFits } from '../../core/index.ts';
import type { ArithOp } from './arithmetic.ts';
import { isValid, makeColumn } from './vector.ts';

/** Scale of a decimal type, 0 for integers. */
export function scaleOf(t: DataType): number {
  return t.kind === 'decimal' ? t.scale : 0;
}

/** Reader of row i as a scaled BigInt (ints, int64, narrow and wide decimals). */
export function bigintReader(data: arrow.Data, type: DataType): (i: number) => bigint {
  switch (type.kind) {
    case 'int64': case 'timestamp': case 'timestamptz': case 'time': {
      const v = data.values as BigInt64Array;
      return (i) => v[i]!;
    }
    case 'decimal':
      if (!isNarrowDecimal(type)) {
        const w = data.values as Uint32Array;
        return (i) => readDecimal128(w, i);
      }
      break;
    default: break;
  }
  const v = data.values as ArrayLike<number>;
  return (i) => BigInt(v[i]!);
}

/** Powers of ten as BigInts, 10^0 .. 10^79. */
export const POW10: readonly bigint[] = Array.from({ length: 80 }, (_, k) => 10n ** BigInt(k));

/** round(num / den) half away from zero. */
export function divRound(num: bigint, den: bigint): bigint {
  let q = num / den;
  const r = num - q * den;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= (den < 0n ? -den : den)) q += (num < 0n) === (den < 0n) ? 1n : -1n;
  return q;
}

/** Rescales a scaled BigInt from scale `from` to scale `to` (rounding half away from zero). */
export function rescale(v: bigint, from: number, to: number): bigint {
  if (to === from) return v;
  if (to > from) return v * POW10[to - from]!;
  return divRound(v, POW10[from - to]!);
}

/** Writes per-row BigInt results into a column of `type` (int64, narrow or wide decimal, int16/32). */
export function bigintsToColumn(type: DataType, n: number, sel: Int32Array, out: readonly bigint[], validity: Uint8Array | null): arrow.Data {
  if (type.kind === 'decimal' && !isNarrowDecimal(type)) {
    const words = new Uint32Array(n * 4);
    for (let k = 0; k < sel.length; k++) { const i = sel[k]!; writeDecimal128(words, i, out[i] ?? 0n); }
    return makeColumn(type, n, words, validity);
  }
  if (type.kind === 'int64' || type.kind === 'timestamp' || type.kind === 'timestamptz' || type.kind === 'time') {
    const values = new BigInt64Array(n);
    for (let k = 0; k < sel.length; k++) { const i = sel[k]!; values[i] = out[i] ?? 0n; }
    return makeColumn(type, n, values, validity);
  }
  const values = type.kind === 'int16' ? new Int16Array(n) : type.kind === 'int32' ? new Int32Array(n) : new Float64Array(n);
  for (let k = 0; k < sel.length; k++) { const i = sel[k]!; values[i] = Number(out[i] ?? 0n); }
  return makeColumn(type, n, values, validity);
}

const INT_BOUNDS: Partial<Record<DataType['kind'], readonly [bigint, bigint, string]>> = {
  int16: [-32768n, 32767n, 'smallint out of range'],
  int32: [-2147483648n, 2147483647n, 'integer out of range'],
  int64: [-(2n ** 63n), 2n ** 63n - 1n, 'bigint out of range'],
};

/** Raises 22003 when v does not fit `type` (integer range or decimal precision; narrow decimals also need < 2^53). */
export function checkBigintFits(v: bigint, type: DataType): void {
  const bounds = INT_BOUNDS[type.kind];
  if (bounds) {
    if (v < bounds[0] || v > bounds[1]) throw new LochError(SqlState.numericValueOutOfRange, bounds[2]);
    return;
  }
  if (type.kind === 'decimal') {
    checkDecimalFits(v, type.precision, type.scale);
    if (isNarrowDecimal(type) && (v > 9007199254740991n || v < -9007199254740991n)) {
      throw new LochError(SqlState.numericValueOutOfRange, 'numeric field overflow');
    }
  }
}

/**
 * Exact arithmetic on scaled BigInts: operands at scales sa/sb, result of `type`.
 * add/subtract/modulo align scales; multiply adds them then rescales; divide rounds
 * half away from zero at the result scale; integer results truncate (PostgreSQL).
 */
export function bigintArith(
  op: ArithOp, a: (i: number) => bigint, sa: number, b: (i: number) => bigint, sb: number,
  type: DataType, sel: Int32Array, n: number, valid: Uint8Array | null,
): arrow.Data {
  const rs = scaleOf(type);
  const isInt = type.kind !== 'decimal';
  const out: bigint[] = new Array<bigint>(n);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    if (valid !== null && !isValid(valid, i)) { out[i] = 0n; continue; }
    const x = a(i), y = b(i);
    let r: bigint;
    switch (op) {
      case 'add': r = rescale(x, sa, rs) + rescale(y, sb, rs); break;
      case 'subtract': r = rescale(x, sa, rs) - rescale(y, sb, rs); break;
      case 'multiply': r = rescale(x * y, sa + sb, rs); break;
      case 'divide': {
        if (y === 0n) throw new LochError(SqlState.divisionByZero, 'division by zero');
        if (isInt) r = x / y;
        else r = divRound(x * POW10[rs + sb]!, y * POW10[sa]!);
        break;
      }
      case 'modulo': {
        if (y === 0n) throw new LochError(SqlState.divisionByZero, 'division by zero');
        const s = Math.max(sa, sb);
        r = rescale(rescale(x, sa, s) % rescale(y, sb, s), s, rs);
        break;
      }
    }
    checkBigintFits(r, type);
    out[i] = r;
  }
  return bigintsToColumn(type, n, sel, out, valid);
}
