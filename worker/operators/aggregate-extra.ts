/**
 * Less common aggregates: variance/stddev (PostgreSQL's float8_accum arithmetic
 * per group), sum/avg of intervals (component
 * sums) and string_agg (per-group text pieces; not a hot path).
 */
import * as arrow from 'apache-arrow';
import { validityOf } from '../kernels/take.ts';
import { LochError, SqlState } from '../../core/index.ts';
import { type Accumulator, int64At } from './aggregate-accumulator.ts';

function growF64(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

function isNullAt(valid: Uint8Array | null, r: number): boolean {
  return valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0;
}

function nullsWhere(n: number, isNull: (g: number) => boolean): { nullCount: number; nullBitmap: Uint8Array | null } {
  const bm = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let g = 0; g < n; g++) { if (isNull(g)) nulls++; else bm[g >> 3]! |= 1 << (g & 7); }
  return { nullCount: nulls, nullBitmap: nulls > 0 ? bm : null };
}

/**
 * var_samp, var_pop, stddev_samp, stddev_pop over float64 input: (N, Sx, Sxx) with the
 * Youngs-Cramer update and combine of PostgreSQL's float8_accum / float8_combine.
 */
export class VarianceAccumulator implements Accumulator {
  private count: Float64Array = new Float64Array(16);
  private sum: Float64Array = new Float64Array(16);
  private sxx: Float64Array = new Float64Array(16);
  private readonly fn: string;
  constructor(fn: string) { this.fn = fn; }

  resize(n: number): void { this.count = growF64(this.count, n); this.sum = growF64(this.sum, n); this.sxx = growF64(this.sxx, n); }
  byteSize(): number { return this.count.byteLength * 3; }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || arg.typeId === arrow.Type.Null) return;
    const valid = validityOf(arg);
    const v = arg.values as Float64Array;
    const cs = this.count, sums = this.sum, sxx = this.sxx;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(valid, r)) continue;
      const g = groups[i]!;
      const x = v[r]!;
      const c = ++cs[g]!;
      sums[g]! += x;
      if (c > 1) {
        const t = x * c - sums[g]!;
        sxx[g]! += (t * t) / (c * (c - 1));
      } else if (!Number.isFinite(x)) sxx[g] = NaN; // an Inf/NaN first input must not report variance 0
    }
  }

  state(n: number): arrow.Data[] {
    const f = (a: Float64Array): arrow.Data => arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: a.slice(0, n) });
    return [f(this.count), f(this.sum), f(this.sxx)];
  }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const cs = states[0]!.values as Float64Array, ss = states[1]!.values as Float64Array, xs = states[2]!.values as Float64Array;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!, g = groups[i]!;
      const n2 = cs[r]!;
      if (n2 === 0) continue;
      const n1 = this.count[g]!;
      if (n1 === 0) { this.count[g] = n2; this.sum[g] = ss[r]!; this.sxx[g] = xs[r]!; continue; }
      const n = n1 + n2;
      const t = this.sum[g]! / n1 - ss[r]! / n2;
      this.sxx[g]! += xs[r]! + (n1 * n2 * t * t) / n;
      this.sum[g]! += ss[r]!;
      this.count[g] = n;
    }
  }

  finish(n: number): arrow.Data {
    const pop = this.fn.endsWith('_pop');
    const sqrt = this.fn.startsWith('stddev');
    const data = new Float64Array(n);
    const minCount = pop ? 1 : 2;
    for (let g = 0; g < n; g++) {
      const c = this.count[g]!;
      if (c < minCount) continue;
      const variance = this.sxx[g]! / (pop ? c : c - 1);
      data[g] = sqrt ? Math.sqrt(variance) : variance;
    }
    return arrow.makeData({ type: new arrow.Float64(), length: n, data, ...nullsWhere(n, (g) => this.count[g]! < minCount) } as never);
  }
}

/** sum / avg of intervals: months, days and microseconds summed separately. */
export class IntervalSumAccumulator implements Accumulator {
  private months: Float64Array = new Float64Array(16);
  private days: Float64Array = new Float64Array(16);
  private micros: Float64Array = new Float64Array(16);
  private count: Float64Array = new Float64Array(16);
  private readonly avg: boolean;
  constructor(avg: boolean) { this.avg = avg; }

  resize(n: number): void {
    this.months = growF64(this.months, n); this.days = growF64(this.days, n);
    this.micros = growF64(this.micros, n); this.count = growF64(this.count, n);
  }

  byteSize(): number { return this.months.byteLength * 4; }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || arg.typeId === arrow.Type.Null) return;
    const valid = validityOf(arg);
    const v = arg.values as ArrayBufferView;
    const w = new Int32Array(v.buffer, v.byteOffset, arg.length * 4);
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(valid, r)) continue;
      const g = groups[i]!;
      this.months[g]! += w[4 * r]!;
      this.days[g]! += w[4 * r + 1]!;
      this.micros[g]! += Math.trunc((w[4 * r + 3]! * 4294967296 + (w[4 * r + 2]! >>> 0)) / 1000);
      this.count[g]!++;
    }
  }

  state(n: number): arrow.Data[] {
    const f = (a: Float64Array): arrow.Data => arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: a.slice(0, n) });
    const counts = new BigInt64Array(n);
    for (let g = 0; g < n; g++) counts[g] = BigInt(this.count[g]!);
    return [f(this.months), f(this.days), f(this.micros), arrow.makeData({ type: new arrow.Int64(), length: n, nullCount: 0, data: counts })];
  }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const mo = states[0]!.values as Float64Array, da = states[1]!.values as Float64Array, mi = states[2]!.values as Float64Array;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!, g = groups[i]!;
      this.months[g]! += mo[r]!;
      this.days[g]! += da[r]!;
      this.micros[g]! += mi[r]!;
      this.count[g]! += int64At(states[3]!, r);
    }
  }

  finish(n: number): arrow.Data {
    const data = new Int32Array(4 * n);
    for (let g = 0; g < n; g++) {
      const c = this.count[g]!;
      if (c === 0) continue;
      let months = this.months[g]!, days = this.days[g]!, micros = this.micros[g]!;
      if (this.avg) {
        // PostgreSQL's interval division: fractions cascade down (1 month = 30 days).
        const m = months / c, mi = Math.trunc(m);
        const d = days / c + (m - mi) * 30, di = Math.trunc(d);
        micros = Math.round(micros / c + (d - di) * 86400e6);
        months = mi; days = di;
      }
      const nanos = BigInt(micros) * 1000n;
      data[4 * g] = months;
      data[4 * g + 1] = days;
      data[4 * g + 2] = Number(BigInt.asIntN(32, nanos));
      data[4 * g + 3] = Number(BigInt.asIntN(32, nanos >> 32n));
    }
    return arrow.makeData({ type: new arrow.IntervalMonthDayNano(), length: n, data, ...nullsWhere(n, (g) => this.count[g] === 0) } as never);
  }
}

/** string_agg(text, separator): pieces in input order per group. */
export class StringAggAccumulator implements Accumulator {
  private parts: (string[] | undefined)[] = [];
  private readonly decoder = new TextDecoder();
  private separators: (string | null)[] = [];

  resize(n: number): void { if (this.parts.length < n) this.parts.length = n; }
  byteSize(): number { return this.parts.length * 64; }

  /** Separators of the current batch rows (evaluated by the hash aggregate from the second argument). */
  setSeparators(sep: arrow.Data | null, rows: Int32Array, count: number): void {
    this.separators = new Array<string | null>(count);
    for (let i = 0; i < count; i++) this.separators[i] = sep === null ? null : this.text(sep, rows[i]!);
  }

  private text(d: arrow.Data, r: number): string | null {
    if (d.typeId === arrow.Type.Null || isNullAt(validityOf(d), r)) return null;
    const o = d.valueOffsets as Int32Array;
    return this.decoder.decode((d.values as Uint8Array).subarray(o[r]!, o[r + 1]!));
  }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null) return;
    for (let i = 0; i < count; i++) {
      const s = this.text(arg, rows[i]!);
      if (s === null) continue;
      const g = groups[i]!;
      let p = this.parts[g];
      if (!p) { p = []; this.parts[g] = p; }
      if (p.length > 0) p.push(this.separators[i] ?? '');
      p.push(s);
    }
  }

  state(): arrow.Data[] {
    throw new LochError(SqlState.featureNotSupported, 'string_agg cannot run in two phases');
  }

  merge(): void {
    throw new LochError(SqlState.featureNotSupported, 'string_agg cannot run in two phases');
  }

  finish(n: number): arrow.Data {
    const enc = new TextEncoder();
    const chunks: Uint8Array[] = [];
    const offsets = new Int32Array(n + 1);
    let total = 0;
    for (let g = 0; g < n; g++) {
      const p = this.parts[g];
      if (p) { const b = enc.encode(p.join('')); chunks.push(b); total += b.length; }
      offsets[g + 1] = total;
    }
    const bytes = new Uint8Array(total);
    let pos = 0;
    for (const c of chunks) { bytes.set(c, pos); pos += c.length; }
    return arrow.makeData({ type: new arrow.Utf8(), length: n, valueOffsets: offsets, data: bytes, ...nullsWhere(n, (g) => !this.parts[g]) } as never);
  }
}
