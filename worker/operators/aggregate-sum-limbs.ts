/**
 * Limb loops of the exact SUM/AVG accumulator (aggregate-sum.ts).
 *
 * A group's sum is kept in float64 limbs, limb k counting multiples of 2^(32k). Until some
 * group needs a carry or a value reaches 2^52, every sum is just limb 0, so the accumulator
 * starts "compact" — one float64 per group instead of four (a 1.5M-group GROUP BY allocates and
 * page-faults 12 MB, not 48) — and widens all groups to four limbs the first time a row does
 * not fit (`widenLimbs`). The compact loops stop at that row and return its position; the
 * caller widens and runs the four-limb loop from there.
 */

/** 2^32: the weight between limbs. */
export const TWO32 = 4294967296;
/** 2^52: a limb past ±LIMIT carries into the next one, so limb + value (|value| < 2^52) stays exact. */
export const LIMIT = 4503599627370496;

/** Carries limbs base..base+2 of `l` past ±2^52 into the next limb. */
export function carryLimbs(l: Float64Array, base: number): void {
  for (let k = 0; k < 3; k++) {
    const x = l[base + k]!;
    if (x > LIMIT || x < -LIMIT) {
      const c = Math.floor(x / TWO32);
      l[base + k] = x - c * TWO32;
      l[base + k + 1]! += c;
    }
  }
}

/** Four limbs per group from one per group (`compact.length` groups of room). */
export function widenLimbs(compact: Float64Array): Float64Array {
  const wide = new Float64Array(compact.length * 4);
  for (let g = 0; g < compact.length; g++) wide[g << 2] = compact[g]!;
  return wide;
}

/**
 * Adds scaled-decimal values (Float64 lanes) to one-limb sums, rows[i] for i = 0.. until a
 * row's value or new sum would leave ±2^52; returns that row's position (count when all fit).
 */
export function addCompactScaled(l: Float64Array, counts: Float64Array, v: Float64Array, valid: Uint8Array | null, rows: Int32Array, groups: Int32Array, count: number): number {
  for (let i = 0; i < count; i++) {
    const r = rows[i]!;
    if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
    const g = groups[i]!;
    const x = l[g]! + v[r]!;
    // both operands within ±2^52, so x is exact; a NaN never occurs in scaled integers
    if (!(x <= LIMIT && x >= -LIMIT)) return i;
    l[g] = x;
    counts[g]!++;
  }
  return count;
}

/** `addCompactScaled` for int16/int32 values. */
export function addCompactNarrow(l: Float64Array, counts: Float64Array, v: Int32Array | Int16Array, valid: Uint8Array | null, rows: Int32Array, groups: Int32Array, count: number): number {
  for (let i = 0; i < count; i++) {
    const r = rows[i]!;
    if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
    const g = groups[i]!;
    const x = l[g]! + v[r]!;
    if (x > LIMIT || x < -LIMIT) return i;
    l[g] = x;
    counts[g]!++;
  }
  return count;
}

/**
 * The four-limb 'float64scaled' update without NULLs from row position `from` (the common case:
 * decimal columns and arithmetic on them): no validity test per row, and the rare wide value or
 * carry leaves the loop body. `counts` null: the caller counted the rows already.
 */
export function sumScaledAllValid(l: Float64Array, counts: Float64Array | null, v: Float64Array, rows: Int32Array, groups: Int32Array, from: number, count: number): void {
  for (let i = from; i < count; i++) {
    const g = groups[i]!;
    const val = v[rows[i]!]!;
    const b = g << 2;
    if (counts !== null) counts[g]!++;
    if (val < LIMIT && val > -LIMIT) {
      const x = (l[b]! += val);
      if (x > LIMIT || x < -LIMIT) carryLimbs(l, b);
    } else {
      const hi = Math.floor(val / TWO32);
      l[b]! += val - hi * TWO32;
      l[b + 1]! += hi;
      carryLimbs(l, b);
    }
  }
}
