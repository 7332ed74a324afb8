/**
 * abs, round, trunc, floor, ceil, sign on number lanes (floats and narrow decimals,
 * with a constant digits argument). Decimal rounding is exact on scaled integers:
 * quotients by powers of ten are corrected through their remainders.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, isNarrowDecimal } from '../../core/index.ts';
import { makeColumn, selectionOf, validityOf } from '../kernels/vector.ts';
import type { Node } from './node.ts';

type Evaluate = (batch: Batch) => arrow.Data;

const POW10 = Array.from({ length: 19 }, (_, k) => 10 ** k);

/** q = floor(v / f) exactly for integers v (|v| < 2^53) and f a power of ten. */
function floorDiv(v: number, f: number): number {
  let q = Math.floor(v / f);
  const r = v - q * f;
  if (r < 0) q -= 1; else if (r >= f) q += 1;
  return q;
}

/** Integer result of `fn` on scaled value v at divisor f (= 10^(scale - digits)). */
function roundScaled(fn: string, v: number, f: number): number {
  switch (fn) {
    case 'floor': return floorDiv(v, f);
    case 'ceil': return -floorDiv(-v, f);
    case 'trunc': return v < 0 ? -floorDiv(-v, f) : floorDiv(v, f);
    default: { // round half away from zero
      const a = Math.abs(v);
      const q = floorDiv(a, f);
      const r = a - q * f;
      const up = 2 * r >= f ? q + 1 : q;
      return v < 0 ? -up : up;
    }
  }
}

/** rint(): half to even, as PostgreSQL's round(float8). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Compiles a rounding-family function on lanes, or returns null when the shape needs the row-wise path. */
export function compileNumericUnary(fn: string, args: readonly Node[], type: DataType): Evaluate | null {
  const x = args[0]!;
  const t = x.type;
  const digitsArg = args.length > 1 ? args[1]!.constant?.value : 0;
  if (typeof digitsArg !== 'number' || digitsArg < 0) return null;
  const isFloat = t.kind === 'float32' || t.kind === 'float64';
  const narrow = t.kind === 'decimal' && isNarrowDecimal(t) && (type.kind !== 'decimal' || isNarrowDecimal(type));
  if (!isFloat && !narrow) return null;
  if (isFloat && args.length > 1) return null;
  const s = t.kind === 'decimal' ? t.scale : 0;
  const rs = type.kind === 'decimal' ? type.scale : 0;
  const digits = fn === 'abs' || fn === 'sign' ? s : Math.max(0, Math.min(digitsArg, 18));
  if (!isFloat && (s - digits > 18 || rs - Math.min(digits, s) > 18)) return null;
  const f = digits >= s ? 1 : POW10[s - digits]!;
  const back = POW10[Math.max(0, rs - Math.min(digits, s))]!;
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = x.evaluate(batch);
    const v = data.values as ArrayLike<number>;
    const out = type.kind === 'float32' ? new Float32Array(n) : new Float64Array(n);
    if (isFloat) {
      switch (fn) {
        case 'abs': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.abs(v[i]!); } break;
        case 'round': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = rint(v[i]!); } break;
        case 'trunc': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.trunc(v[i]!); } break;
        case 'floor': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.floor(v[i]!); } break;
        case 'ceil': for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.ceil(v[i]!) + 0; } break;
        default: for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.sign(v[i]!) + 0; } break;
      }
    } else if (fn === 'abs') {
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.abs(v[i]!); }
    } else if (fn === 'sign') {
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = Math.sign(v[i]!) + 0; }
    } else {
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = roundScaled(fn, v[i]!, f) * back + 0; }
    }
    return makeColumn(type, n, out, validityOf(data));
  };
}
