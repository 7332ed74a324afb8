/**
 * Two-argument statistics (corr, covar_pop/samp, regr_*) and
 * approx_count_distinct. Both split into partial/final states
 * (planner/physical/aggregate-states.ts).
 *
 * The (y, x) statistics keep N, sums and co-moments per group in float64
 * with PostgreSQL's float8_regr_accum / float8_regr_combine arithmetic. approx_count_distinct is a HyperLogLog with 2^11
 * one-byte registers per group over kernels/hash.ts's 32-bit value hashes.
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState } from '../../core/index.ts';
import { hashColumns } from '../kernels/hash.ts';
import { validityOf } from '../kernels/take.ts';
import type { Accumulator } from './aggregate-accumulator.ts';

function growF64(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

function isNullAt(valid: Uint8Array | null, r: number): boolean {
  return valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0;
}

function f64(n: number, a: Float64Array): arrow.Data {
  return arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: a.slice(0, n) });
}

/**
 * corr, covar_pop, covar_samp and regr_* over (y, x) float64 pairs; rows with a NULL are skipped.
 * State (N, Sx, Sy, Sxx, Syy, Sxy) with the Youngs-Cramer update PostgreSQL's float8_regr_accum uses,
 * so results match PostgreSQL's to the last bit.
 */
export class CovarianceAccumulator implements Accumulator {
  private n: Float64Array = new Float64Array(16);
  private sx: Float64Array = new Float64Array(16);
  private sy: Float64Array = new Float64Array(16);
  private sxx: Float64Array = new Float64Array(16);
  private syy: Float64Array = new Float64Array(16);
  private sxy: Float64Array = new Float64Array(16);
  private readonly fn: string;
  constructor(fn: string) { this.fn = fn; }

  resize(k: number): void {
    this.n = growF64(this.n, k); this.sx = growF64(this.sx, k); this.sy = growF64(this.sy, k);
    this.sxx = growF64(this.sxx, k); this.syy = growF64(this.syy, k); this.sxy = growF64(this.sxy, k);
  }

  byteSize(): number { return this.n.byteLength * 6; }

  update(): void {
    throw new LochError(SqlState.internalError, `${this.fn} needs both of its arguments (updateArgs)`);
  }

  updateArgs(args: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const yd = args[0]!, xd = args[1]!;
    if (yd.typeId === arrow.Type.Null || xd.typeId === arrow.Type.Null) return;
    const vy = validityOf(yd), vx = validityOf(xd);
    const ys = yd.values as Float64Array, xs = xd.values as Float64Array;
    const n = this.n, sx = this.sx, sy = this.sy, sxx = this.sxx, syy = this.syy, sxy = this.sxy;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(vy, r) || isNullAt(vx, r)) continue;
      const g = groups[i]!;
      const x = xs[r]!, y = ys[r]!;
      const c = ++n[g]!;
      sx[g]! += x;
      sy[g]! += y;
      if (c > 1) {
        const tx = x * c - sx[g]!, ty = y * c - sy[g]!;
        const scale = 1 / (c * (c - 1));
        sxx[g]! += tx * tx * scale;
        syy[g]! += ty * ty * scale;
        sxy[g]! += tx * ty * scale;
      } else {
        // PostgreSQL: an Inf/NaN first input makes the dependent sums NaN
        if (!Number.isFinite(x)) { sxx[g] = NaN; sxy[g] = NaN; }
        if (!Number.isFinite(y)) { syy[g] = NaN; sxy[g] = NaN; }
      }
    }
  }

  state(k: number): arrow.Data[] {
    return [f64(k, this.n), f64(k, this.sx), f64(k, this.sy), f64(k, this.sxx), f64(k, this.syy), f64(k, this.sxy)];
  }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const [sn, ssx, ssy, ssxx, ssyy, ssxy] = states.map((s) => s.values as Float64Array) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < count; i++) {
      const r = rows[i]!, g = groups[i]!;
      const n2 = sn[r]!;
      if (n2 === 0) continue;
      const n1 = this.n[g]!;
      if (n1 === 0) {
        this.n[g] = n2; this.sx[g] = ssx[r]!; this.sy[g] = ssy[r]!;
        this.sxx[g] = ssxx[r]!; this.syy[g] = ssyy[r]!; this.sxy[g] = ssxy[r]!;
        continue;
      }
      const n = n1 + n2;
      const tx = this.sx[g]! / n1 - ssx[r]! / n2, ty = this.sy[g]! / n1 - ssy[r]! / n2;
      this.sxx[g]! += ssxx[r]! + (n1 * n2 * tx * tx) / n;
      this.syy[g]! += ssyy[r]! + (n1 * n2 * ty * ty) / n;
      this.sxy[g]! += ssxy[r]! + (n1 * n2 * tx * ty) / n;
      this.sx[g]! += ssx[r]!;
      this.sy[g]! += ssy[r]!;
      this.n[g] = n;
    }
  }

  finish(k: number): arrow.Data {
    if (this.fn === 'regr_count') {
      const data = new BigInt64Array(k);
      for (let g = 0; g < k; g++) data[g] = BigInt(this.n[g]!);
      return arrow.makeData({ type: new arrow.Int64(), length: k, nullCount: 0, data });
    }
    const out = new Float64Array(k);
    const bm = new Uint8Array((k + 7) >> 3);
    let nulls = 0;
    for (let g = 0; g < k; g++) {
      const v = this.value(g);
      if (v === null) { nulls++; continue; }
      out[g] = v;
      bm[g >> 3]! |= 1 << (g & 7);
    }
    return arrow.makeData({ type: new arrow.Float64(), length: k, data: out, nullCount: nulls, nullBitmap: nulls > 0 ? bm : null } as never);
  }

  /** PostgreSQL's float8_corr, float8_covar_*, float8_regr_* final functions. */
  private value(g: number): number | null {
    const n = this.n[g]!;
    if (n === 0) return null;
    const sx = this.sx[g]!, sy = this.sy[g]!, sxx = this.sxx[g]!, syy = this.syy[g]!, sxy = this.sxy[g]!;
    switch (this.fn) {
      case 'covar_pop': return sxy / n;
      case 'covar_samp': return n < 2 ? null : sxy / (n - 1);
      case 'corr': return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
      case 'regr_avgx': return sx / n;
      case 'regr_avgy': return sy / n;
      case 'regr_sxx': return sxx;
      case 'regr_syy': return syy;
      case 'regr_sxy': return sxy;
      case 'regr_slope': return sxx === 0 ? null : sxy / sxx;
      case 'regr_intercept': return sxx === 0 ? null : (sy - (sx * sxy) / sxx) / n;
      case 'regr_r2': return sxx === 0 ? null : syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
      default: throw new LochError(SqlState.undefinedFunction, `aggregate ${this.fn} is not implemented`);
    }
  }
}

const HLL_BITS = 11;
const HLL_M = 1 << HLL_BITS;
const HLL_ALPHA = 0.7213 / (1 + 1.079 / HLL_M);

/** approx_count_distinct(x): HyperLogLog per group; NULLs are not counted. */
export class HyperLogLogAccumulator implements Accumulator {
  private registers: (Uint8Array | undefined)[] = [];
  private hashes = new Uint32Array(0);
  private used = 0;

  resize(n: number): void { if (this.registers.length < n) this.registers.length = n; }
  byteSize(): number { return this.used * HLL_M; }

  private regs(g: number): Uint8Array {
    let r = this.registers[g];
    if (!r) { r = new Uint8Array(HLL_M); this.registers[g] = r; this.used++; }
    return r;
  }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || arg.typeId === arrow.Type.Null) return;
    if (this.hashes.length < count) this.hashes = new Uint32Array(count * 2);
    const h = hashColumns([arg], rows, count, this.hashes);
    const valid = validityOf(arg);
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(valid, r)) continue;
      const x = h[i]!;
      const j = x >>> (32 - HLL_BITS);
      const rank = Math.clz32(((x << HLL_BITS) | (1 << (HLL_BITS - 1))) >>> 0) + 1;
      const regs = this.regs(groups[i]!);
      if (rank > regs[j]!) regs[j] = rank;
    }
  }

  /** Registers as text: one ASCII byte (the register value, < 128) per register; '' for an empty group. */
  state(n: number): arrow.Data[] {
    let total = 0;
    for (let g = 0; g < n; g++) if (this.registers[g]) total += HLL_M;
    const bytes = new Uint8Array(total);
    const offsets = new Int32Array(n + 1);
    let pos = 0;
    for (let g = 0; g < n; g++) {
      const r = this.registers[g];
      if (r) { bytes.set(r, pos); pos += HLL_M; }
      offsets[g + 1] = pos;
    }
    return [arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data: bytes })];
  }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const s = states[0]!;
    const o = s.valueOffsets as Int32Array, b = s.values as Uint8Array;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (o[r + 1]! - o[r]! !== HLL_M) continue;
      const regs = this.regs(groups[i]!);
      const base = o[r]!;
      for (let j = 0; j < HLL_M; j++) { const v = b[base + j]!; if (v > regs[j]!) regs[j] = v; }
    }
  }

  finish(n: number): arrow.Data {
    const data = new BigInt64Array(n);
    for (let g = 0; g < n; g++) {
      const r = this.registers[g];
      if (r) data[g] = BigInt(Math.round(estimate(r)));
    }
    return arrow.makeData({ type: new arrow.Int64(), length: n, nullCount: 0, data });
  }
}

/** The HyperLogLog estimate with linear counting for small cardinalities. */
function estimate(regs: Uint8Array): number {
  let sum = 0, zeros = 0;
  for (let j = 0; j < HLL_M; j++) { const v = regs[j]!; sum += 2 ** -v; if (v === 0) zeros++; }
  const e = (HLL_ALPHA * HLL_M * HLL_M) / sum;
  if (e <= 2.5 * HLL_M && zeros > 0) return HLL_M * Math.log(HLL_M / zeros);
  const two32 = 4294967296;
  return e > two32 / 30 ? -two32 * Math.log(1 - e / two32) : e;
}
