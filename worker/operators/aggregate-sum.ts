/**
 * Exact SUM and AVG over integers and decimals, without BigInt per row.
 *
 * Each group keeps four float64 "limbs", limb k counting multiples of 2^(32k):
 *
 *   value = limb0 + limb1·2^32 + limb2·2^64 + limb3·2^96
 *
 * An input value is split into 32-bit words added to the matching limbs, so
 * every limb stays an exact integer; a limb that passes 2^52 carries into the
 * next one. Groups are converted to BigInt once, at the end. Floats use a plain
 * float64 sum. Int16/int32/narrow-decimal sums start with limb 0 alone and widen
 * to four limbs when a sum first needs a carry (aggregate-sum-limbs.ts).
 */
import * as arrow from 'apache-arrow';
import {
  type DataType, LochError, SqlState, isNarrowDecimal, toArrowType, writeDecimal128,
} from '../../core/index.ts';
import { validityOf } from '../kernels/take.ts';
import { type Accumulator, int64At } from './aggregate-accumulator.ts';
import { LIMIT, TWO32, addCompactNarrow, addCompactScaled, carryLimbs, sumScaledAllValid, widenLimbs } from './aggregate-sum-limbs.ts';

function growF64(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

function scaleOf(t: DataType): number {
  return t.kind === 'decimal' ? t.scale : 0;
}

/** Shape of the input layout for limb accumulation. */
type InputKind = 'narrow' | 'float64scaled' | 'int64' | 'decimal128' | 'float';

function inputKind(t: DataType): InputKind {
  switch (t.kind) {
    case 'int16': case 'int32': return 'narrow';
    case 'int64': return 'int64';
    case 'decimal': return isNarrowDecimal(t) ? 'float64scaled' : 'decimal128';
    default: return 'float';
  }
}

/** Exact sums (and counts) per group; `finishSum`/`finishAvg` convert them to the result type. */
export class SumAccumulator implements Accumulator {
  readonly argTransient = true;
  /** Limbs: one per group while `wide` is false, else four. */
  private limbs: Float64Array = new Float64Array(64);
  private wide: boolean;
  private counts: Float64Array = new Float64Array(16);
  private floats: Float64Array = new Float64Array(16);
  /** The most groups any `resize` made room for: few groups take the per-batch partial sums. */
  private numGroups = 0;
  private partial: Float64Array = new Float64Array(16);
  private readonly kind: InputKind;
  private readonly inputType: DataType;
  private readonly resultType: DataType;
  private readonly avg: boolean;

  constructor(inputType: DataType, resultType: DataType, avg: boolean) {
    this.inputType = inputType;
    this.resultType = resultType;
    this.kind = inputKind(inputType);
    this.avg = avg;
    // int64 and Decimal128 words feed the upper limbs from the first row
    this.wide = this.kind === 'int64' || this.kind === 'decimal128';
  }

  /** Switches every group to four limbs (a sum outgrew limb 0). */
  private widen(): void {
    this.limbs = widenLimbs(this.limbs);
    this.wide = true;
  }

  resize(numGroups: number): void {
    if (numGroups > this.numGroups) this.numGroups = numGroups;
    // Only the state this input kind uses grows (floats for float input, limbs otherwise).
    if (this.kind === 'float') this.floats = growF64(this.floats, numGroups);
    else this.limbs = growF64(this.limbs, this.wide ? numGroups * 4 : numGroups);
    this.counts = growF64(this.counts, numGroups);
  }

  byteSize(): number {
    return this.limbs.byteLength + this.counts.byteLength + this.floats.byteLength;
  }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null) return;
    const valid = validityOf(arg);
    const counts = this.counts;
    const values = arg.values as ArrayBufferView;
    let from = 0;
    switch (this.kind) {
      case 'float': {
        const v = values as Float64Array | Float32Array;
        const f = this.floats;
        for (let i = 0; i < count; i++) {
          const r = rows[i]!;
          if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
          const g = groups[i]!;
          f[g]! += v[r]!;
          counts[g]!++;
        }
        return;
      }
      case 'narrow': {
        const v = values as Int32Array | Int16Array;
        if (!this.wide) {
          from = addCompactNarrow(this.limbs, counts, v, valid, rows, groups, count);
          if (from === count) return;
          this.widen();
        }
        const l = this.limbs;
        for (let i = from; i < count; i++) {
          const r = rows[i]!;
          if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
          const g = groups[i]!;
          const x = (l[4 * g]! += v[r]!);
          counts[g]!++;
          if (x > LIMIT || x < -LIMIT) carryLimbs(this.limbs, 4 * g);
        }
        return;
      }
      case 'float64scaled': {
        const v = values as Float64Array;
        if (valid === null && this.numGroups * FEW_GROUPS_RATIO <= count) { this.sumFewGroups(v, rows, groups, count); return; }
        if (!this.wide) {
          from = addCompactScaled(this.limbs, counts, v, valid, rows, groups, count);
          if (from === count) return;
          this.widen();
        }
        const l = this.limbs;
        if (valid === null) { sumScaledAllValid(l, counts, v, rows, groups, from, count); return; }
        for (let i = from; i < count; i++) {
          const r = rows[i]!;
          if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
          const g = groups[i]!;
          const val = v[r]!;
          if (val < LIMIT && val > -LIMIT) {
            // |limb0| <= 2^52 after every carry, so limb0 + val stays exact below 2^53
            const x = (l[4 * g]! += val);
            counts[g]!++;
            if (x > LIMIT || x < -LIMIT) carryLimbs(this.limbs, 4 * g);
            continue;
          }
          const hi = Math.floor(val / TWO32);
          const x = (l[4 * g]! += val - hi * TWO32);
          const y = (l[4 * g + 1]! += hi);
          counts[g]!++;
          if (x > LIMIT || y > LIMIT || y < -LIMIT) carryLimbs(this.limbs, 4 * g);
        }
        return;
      }
      case 'int64': {
        const l = this.limbs;
        const w = new Int32Array(values.buffer, values.byteOffset, arg.length * 2);
        for (let i = 0; i < count; i++) {
          const r = rows[i]!;
          if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
          const g = groups[i]!;
          const x = (l[4 * g]! += w[2 * r]! >>> 0);
          const y = (l[4 * g + 1]! += w[2 * r + 1]!);
          counts[g]!++;
          if (x > LIMIT || y > LIMIT || y < -LIMIT) carryLimbs(this.limbs, 4 * g);
        }
        return;
      }
      case 'decimal128': {
        const l = this.limbs;
        const w = new Int32Array(values.buffer, values.byteOffset, arg.length * 4);
        for (let i = 0; i < count; i++) {
          const r = rows[i]!;
          if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
          const g = groups[i]!;
          const b = 4 * g;
          l[b]! += w[4 * r]! >>> 0;
          l[b + 1]! += w[4 * r + 1]! >>> 0;
          l[b + 2]! += w[4 * r + 2]! >>> 0;
          l[b + 3]! += w[4 * r + 3]!;
          counts[g]!++;
          if (l[b]! > LIMIT || l[b + 1]! > LIMIT || l[b + 2]! > LIMIT) carryLimbs(this.limbs, b);
        }
      }
    }
  }

  /**
   * The all-valid 'float64scaled' update when the groups are few next to the batch (TPC-H Q1: 4 groups,
   * 4096 rows): plain float64 partial sums per group over the batch, no limb or carry test per row,
   * folded into the limbs once. Exact while the partials stay below 2^52, which the sum of |values|
   * bounds; a batch past that bound is redone on the limb path.
   */
  private sumFewGroups(v: Float64Array, rows: Int32Array, groups: Int32Array, count: number): void {
    const ng = this.numGroups;
    if (this.partial.length < ng) this.partial = new Float64Array(Math.max(ng, 2 * this.partial.length));
    const part = this.partial, counts = this.counts;
    part.fill(0, 0, ng);
    let abs = 0;
    for (let i = 0; i < count; i++) {
      const g = groups[i]!;
      const val = v[rows[i]!]!;
      part[g]! += val;
      counts[g]!++;
      abs += Math.abs(val);
    }
    if (abs < LIMIT) {
      for (let g = 0; g < ng; g++) {
        const p = part[g]!;
        if (p === 0) continue;
        // |limb0| <= 2^52 and |p| < 2^52: exact
        if (!this.wide) {
          const x = this.limbs[g]! + p;
          if (x <= LIMIT && x >= -LIMIT) { this.limbs[g] = x; continue; }
          this.widen();
        }
        const l = this.limbs, b = g << 2;
        const x = (l[b]! += p);
        if (x > LIMIT || x < -LIMIT) carryLimbs(l, b);
      }
      return;
    }
    // `counts` already include this batch: only the limbs are redone
    if (!this.wide) this.widen();
    sumScaledAllValid(this.limbs, null, v, rows, groups, 0, count);
  }

  /** [sum (decimal(38, input scale) or float64), count int64]; sum is NULL for empty groups. */
  state(n: number): arrow.Data[] {
    const bitmap = new Uint8Array((n + 7) >> 3);
    let nulls = 0;
    const counts = new BigInt64Array(n);
    for (let g = 0; g < n; g++) {
      counts[g] = BigInt(this.counts[g]!);
      if (this.counts[g]! > 0) bitmap[g >> 3]! |= 1 << (g & 7); else nulls++;
    }
    const validity = { nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : null };
    let sum: arrow.Data;
    if (this.kind === 'float') {
      sum = arrow.makeData({ type: new arrow.Float64(), length: n, data: this.floats.slice(0, n), ...validity } as never);
    } else {
      const words = new Uint32Array(4 * n);
      for (let g = 0; g < n; g++) if (this.counts[g]! > 0) writeDecimal128(words, g, this.exactSum(g));
      sum = arrow.makeData({ type: toArrowType({ kind: 'decimal', precision: 38, scale: scaleOf(this.inputType) }), length: n, data: words, ...validity } as never);
    }
    return [sum, arrow.makeData({ type: new arrow.Int64(), length: n, nullCount: 0, data: counts })];
  }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const sum = states[0]!, cnt = states[1]!;
    const valid = validityOf(sum);
    const v = sum.values as ArrayBufferView;
    const w = this.kind === 'float' ? null : new Int32Array(v.buffer, v.byteOffset, sum.length * 4);
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0) continue;
      const g = groups[i]!;
      this.counts[g]! += int64At(cnt, r);
      if (w === null) { this.floats[g]! += (v as Float64Array)[r]!; continue; }
      if (!this.wide) {
        // a sign-extended state below 2^51 in magnitude adds to limb 0 exactly
        const hi = w[4 * r + 1]!, ext = hi >> 31;
        if (w[4 * r + 2] === ext && w[4 * r + 3] === ext && hi < 0x80000 && hi >= -0x80000) {
          const x = this.limbs[g]! + (hi * TWO32 + (w[4 * r]! >>> 0));
          if (x <= LIMIT && x >= -LIMIT) { this.limbs[g] = x; continue; }
        }
        this.widen();
      }
      const l = this.limbs, b = 4 * g;
      l[b]! += w[4 * r]! >>> 0;
      l[b + 1]! += w[4 * r + 1]! >>> 0;
      l[b + 2]! += w[4 * r + 2]! >>> 0;
      l[b + 3]! += w[4 * r + 3]!;
      carryLimbs(this.limbs, b);
    }
  }

  private exactSum(g: number): bigint {
    if (!this.wide) return BigInt(this.limbs[g]!);
    const l = this.limbs, b = 4 * g;
    return BigInt(l[b]!) + (BigInt(l[b + 1]!) << 32n) + (BigInt(l[b + 2]!) << 64n) + (BigInt(l[b + 3]!) << 96n);
  }

  finish(numGroups: number): arrow.Data {
    const out = this.resultType;
    const type = toArrowType(out);
    const bitmap = new Uint8Array((numGroups + 7) >> 3);
    let nulls = 0;
    for (let g = 0; g < numGroups; g++) {
      if (this.counts[g]! > 0) bitmap[g >> 3]! |= 1 << (g & 7);
      else nulls++;
    }
    const validity = { nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : null };
    const inScale = scaleOf(this.inputType);
    if (out.kind === 'float64' || out.kind === 'float32') {
      const data = out.kind === 'float64' ? new Float64Array(numGroups) : new Float32Array(numGroups);
      const div = 10 ** inScale;
      for (let g = 0; g < numGroups; g++) {
        if (this.counts[g] === 0) continue;
        const s = this.kind === 'float' ? this.floats[g]! : Number(this.exactSum(g)) / div;
        data[g] = this.avg ? s / this.counts[g]! : s;
      }
      return arrow.makeData({ type, length: numGroups, data, ...validity } as never);
    }
    // Exact results: int64 or decimal. Groups whose result stays below 2^53 are
    // computed in float64 (exact there) and written as words; the rest go through BigInt.
    if (out.kind !== 'int64' && out.kind !== 'decimal') throw new LochError(SqlState.featureNotSupported, `sum/avg with result type ${out.kind} is not supported`);
    const outScale = scaleOf(out);
    const rescale = Math.max(0, outScale - inScale);
    const mult = 10 ** rescale;
    const limit = out.kind === 'int64' ? 9223372036854775807n : 10n ** BigInt(out.precision) - 1n;
    const narrow = isNarrowDecimal(out);
    const data = out.kind === 'int64' || narrow ? new Float64Array(numGroups) : new Uint32Array(4 * numGroups);
    const words = out.kind === 'int64' ? new Int32Array(data.buffer) : data instanceof Uint32Array ? new Int32Array(data.buffer) : null;
    const l = this.limbs;
    for (let g = 0; g < numGroups; g++) {
      const c = this.counts[g]!;
      if (c === 0) continue;
      let small = NaN;
      if (this.kind !== 'float' && (!this.wide || (l[4 * g + 2] === 0 && l[4 * g + 3] === 0))) {
        const v = (this.wide ? l[4 * g]! + l[4 * g + 1]! * TWO32 : l[g]!) * mult;
        if (Math.abs(v) < SAFE) small = this.avg ? roundDiv(v, c) : v;
      }
      if (small === small) {
        if (narrow) data[g] = small;
        else writeWords(words!, out.kind === 'int64' ? 2 : 4, g, small);
        continue;
      }
      let big = this.kind === 'float' ? BigInt(Math.round(this.floats[g]! * 10 ** outScale)) : this.exactSum(g) * 10n ** BigInt(rescale);
      if (this.avg) big = divRound(big, BigInt(c));
      if (big > limit || big < -limit) {
        throw new LochError(SqlState.numericValueOutOfRange, out.kind === 'int64' ? 'bigint out of range' : `numeric field overflow: a sum does not fit numeric(${out.precision},${out.scale})`);
      }
      if (narrow) data[g] = Number(big);
      else if (out.kind === 'int64') new BigInt64Array(data.buffer, g * 8, 1)[0] = big;
      else writeDecimal128(data as Uint32Array, g, big);
    }
    if (out.kind === 'int64') return arrow.makeData({ type, length: numGroups, data: new BigInt64Array(data.buffer), ...validity } as never);
    return arrow.makeData({ type, length: numGroups, data, ...validity } as never);
  }
}

const SAFE = 9007199254740992; // 2^53

/** Per-batch partial sums pay off while a batch has at least this many rows per group. */
const FEW_GROUPS_RATIO = 8;

/** x / d rounded half away from zero, for integers |x| < 2^53 (exact). */
function roundDiv(x: number, d: number): number {
  let q = Math.trunc(x / d);
  let r = x - q * d; // exact: |q·d| ≈ |x| < 2^53
  // The float quotient can be off by one next to an integer: fix so r has x's sign and |r| < d.
  if (x >= 0) { while (r < 0) { q--; r += d; } while (r >= d) { q++; r -= d; } }
  else { while (r > 0) { q++; r -= d; } while (-r >= d) { q--; r += d; } }
  if (2 * Math.abs(r) >= d) q += x < 0 ? -1 : 1;
  return q;
}

/** Writes integer v (|v| < 2^53) as `n` little-endian two's-complement 32-bit words of value g. */
function writeWords(w: Int32Array, n: number, g: number, v: number): void {
  const hi = Math.floor(v / TWO32);
  const lo = v - hi * TWO32;
  w[n * g] = lo | 0;
  w[n * g + 1] = hi | 0;
  const ext = hi < 0 ? -1 : 0;
  for (let k = 2; k < n; k++) w[n * g + k] = ext;
}

/** n / d rounded half away from zero (PostgreSQL numeric rounding). */
export function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= (d < 0n ? -d : d)) return q + ((n < 0n) !== (d < 0n) ? -1n : 1n);
  return q;
}
