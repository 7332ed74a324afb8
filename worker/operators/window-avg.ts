/**
 * avg as a window function over integers and narrow decimals, finished
 * without BigInt: each row's exact frame sum (an integer below 2^53 at the
 * input scale) is divided by its count by long division into 32-bit words of
 * the Decimal128 result, rounded half away from zero like PostgreSQL's numeric.
 */
import * as arrow from 'apache-arrow';
import { type DataType, toArrowType } from '../../core/index.ts';

/**
 * avg per row: `sums[p] / counts[p]` at `outType`'s scale (≥ `inScale`);
 * NULL where the count is 0.
 */
export function avgDecimalColumn(sums: Float64Array, counts: Float64Array, inScale: number, outType: DataType & { kind: 'decimal' }): arrow.Data {
  const n = sums.length;
  const digits = outType.scale - inScale;
  const words = new Uint32Array(4 * n);
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let p = 0; p < n; p++) {
    const c = counts[p]!;
    if (c === 0) { nulls++; continue; }
    valid[p >> 3]! |= 1 << (p & 7);
    const s = sums[p]!;
    const neg = s < 0;
    const a = neg ? -s : s;
    const q = Math.floor(a / c);
    let r = a - q * c; // exact: a < 2^53
    if (r < 0) r = 0;
    // words = q, then words = words·10 + next digit, `digits` times.
    let w0 = q % 4294967296, w1 = Math.floor(q / 4294967296), w2 = 0, w3 = 0;
    for (let d = 0; d < digits; d++) {
      r *= 10;
      const digit = Math.floor(r / c);
      r -= digit * c;
      let x = w0 * 10 + digit; w0 = x % 4294967296; let carry = Math.floor(x / 4294967296);
      x = w1 * 10 + carry; w1 = x % 4294967296; carry = Math.floor(x / 4294967296);
      x = w2 * 10 + carry; w2 = x % 4294967296; carry = Math.floor(x / 4294967296);
      w3 = (w3 * 10 + carry) % 4294967296;
    }
    if (2 * r >= c) {
      // Round half away from zero: +1 in magnitude.
      w0 += 1;
      if (w0 === 4294967296) { w0 = 0; w1 += 1; if (w1 === 4294967296) { w1 = 0; w2 += 1; if (w2 === 4294967296) { w2 = 0; w3 = (w3 + 1) % 4294967296; } } }
    }
    if (neg) {
      // Two's complement of the 128-bit magnitude.
      w0 = 4294967295 - w0; w1 = 4294967295 - w1; w2 = 4294967295 - w2; w3 = 4294967295 - w3;
      w0 += 1;
      if (w0 === 4294967296) { w0 = 0; w1 += 1; if (w1 === 4294967296) { w1 = 0; w2 += 1; if (w2 === 4294967296) { w2 = 0; w3 = (w3 + 1) % 4294967296; } } }
    }
    words[4 * p] = w0; words[4 * p + 1] = w1; words[4 * p + 2] = w2; words[4 * p + 3] = w3;
  }
  return arrow.makeData({ type: toArrowType(outType), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null, data: words } as never);
}
