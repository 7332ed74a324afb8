/**
 * Two-argument statistics (corr, covar_pop/samp, regr_*) and
 * approx_count_distinct. Both split into partial/final states
 * (planner/physical/aggregate-states.ts).
 *
 * The (y, x) statistics keep count, means and co-moments per group in
 * float64 (Welford's update; Chan et al.'s pairwise merge), as PostgreSQL's
 * float8 aggregates do. approx_count_distinct is a HyperLogLog with 2^11
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

/** corr, covar_pop, covar_samp and regr_* over (y, x) float64 pairs; rows with a NULL are skipped. */
export class CovarianceAccumulator implements Accumulator {
  private n: Float64Array = new Float64Array(16);
  private mx: Float64Array = new Float64Array(16);
  private my: Float64Array = new Float64Array(16);
  private m2x: Float64Array = new Float64Array(16);
  private m2y: Float64Array = new Float64Array(16);
  private cxy: Float64Array = new Float64Array(16);
  private readonly fn: string;
  constructor(fn: string) { this.fn = fn; }

  resize(k: number): void {
    this.n = growF64(this.n, k); this.mx = growF64(this.mx, k); this.my = growF64(this.my, k);
    this.m2x = growF64(this.m2x, k); this.m2y = growF64(this.m2y, k); this.cxy = growF64(this.cxy, k);
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
    const n = this.n, mx = this.mx, my = this.my, m2x = this.m2x, m2y = this.m2y, cxy = this.cxy;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(vy, r) || isNullAt(vx, r)) continue;
      const g = groups[i]!;
      const x = xs[r]!, y = ys[r]!;
      const c = ++n[g]!;
      const dx = x - mx[g]!;
      const dy = y - my[g]!;
      mx[g]! += dx / c;
      my[g]! += dy / c;
      m2x[g]! += dx * (x - mx[g]!);
      m2y[g]! += dy * (y - my[g]!);
      cxy[g]! += dx * (y - my[g]!);
    }
  }

  state(k: number): arrow.Data[] {
    return [f64(k, this.n), f64(k, this.mx), f64(k, this.my), f64(k, this.m2x), f64(k, this.m2y), f64(k, this.cxy)];
  }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const [sn, smx, smy, sm2x, sm2y, scxy] = states.map((s) => s.values as Float64Array) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < count; i++) {
      const r = rows[i]!, g = groups[i]!;
      const nb = sn[r]!;
      if (nb === 0) continue;
      const na = this.n[g]!, n = na + nb;
      const dx = smx[r]! - this.mx[g]!, dy = smy[r]! - this.my[g]!;
      const w = (na * nb) / n;
      this.mx[g]! += (dx * nb) / n;
      this.my[g]! += (dy * nb) / n;
      this.m2x[g]! += sm2x[r]! + dx * dx * w;
      this.m2y[g]! += sm2y[r]! + dy * dy * w;
      this.cxy[g]! += scxy[r]! + dx * dy * w;
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
    const sxx = this.m2x[g]!, syy = this.m2y[g]!, sxy = this.cxy[g]!;
    switch (this.fn) {
      case 'covar_pop': return sxy / n;
      case 'covar_samp': return n < 2 ? null : sxy / (n - 1);
      case 'corr': return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
      case 'regr_avgx': return this.mx[g]!;
      case 'regr_avgy': return this.my[g]!;
      case 'regr_sxx': return sxx;
      case 'regr_syy': return syy;
      case 'regr_sxy': return sxy;
      case 'regr_slope': return sxx === 0 ? null : sxy / sxx;
      case 'regr_intercept': return sxx === 0 ? null : this.my[g]! - (this.mx[g]! * sxy) / sxx;
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
