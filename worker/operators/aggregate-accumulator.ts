/**
 * Per-aggregate state indexed by group id, in typed arrays. The hash
 * aggregate assigns each input row a group, then calls `update` with parallel
 * vectors (physical row, group) for every aggregate.
 *
 *   count / count_star → Float64Array counts          → int64
 *   sum / avg          → limbs (aggregate-sum.ts)     → int64 / decimal / float64
 *   min / max          → Float64Array best value for int16/int32/float/date/narrow
 *                        decimal; otherwise a reference (chunk, row) to the best
 *                        input value, gathered at the end
 *   bool_and / bool_or → Uint8Array
 */
import * as arrow from 'apache-arrow';
import { type DataType, LochError, SqlState, isNarrowDecimal, toArrowType } from '../../core/index.ts';
import { type AggregateCall, aggregateOrder } from '../../planner/index.ts';
import { valueComparator } from '../kernels/sort-compare.ts';
import { concatData, take, validityOf } from '../kernels/take.ts';
import { IntervalSumAccumulator, StringAggAccumulator, VarianceAccumulator } from './aggregate-extra.ts';
import { BitwiseAccumulator } from './aggregate-bitwise.ts';
import { OrderedAccumulator } from './aggregate-ordered.ts';
import { PickAccumulator } from './aggregate-pick.ts';
import { CovarianceAccumulator, HyperLogLogAccumulator } from './aggregate-statistics.ts';
import { SumAccumulator } from './aggregate-sum.ts';
import { SingleValueAccumulator } from './aggregate-single-value.ts';

/** Running state of one aggregate over all groups. */
export interface Accumulator {
  /** Makes room for groups 0..numGroups-1 (new groups start empty). */
  resize(numGroups: number): void;
  /** Adds rows `rows[i]` of `arg` (null for count(*)) to groups `groups[i]`, i < count. */
  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void;
  /**
   * Aggregates over several arguments (corr(y, x), ordered aggregates) implement this instead of
   * `update`: `args` are all of the call's argument columns, evaluated on the batch.
   */
  updateArgs?(args: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void;
  /** The result of every group as one column. */
  finish(numGroups: number): arrow.Data;
  /** Partial state of every group (planner/physical aggregate-states.ts lists the columns). */
  state(numGroups: number): arrow.Data[];
  /** Merges partial states (columns as `state` returns them) at rows into groups. */
  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void;
  byteSize(): number;
  /**
   * True when `update` reads its argument only during the call and keeps no reference to it:
   * the argument expression may then return a buffer it reuses for the next batch.
   */
  readonly argTransient?: boolean;
}

/** Reads int64 row r of a BigInt64Array-backed column as a number (exact below 2^53). */
export function int64At(d: arrow.Data, r: number): number {
  const v = d.values as ArrayBufferView;
  const w = new Int32Array(v.buffer, v.byteOffset + r * 8, 2);
  return w[1]! * 4294967296 + (w[0]! >>> 0);
}

function growF64(a: Float64Array, n: number, fill = 0): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2)).fill(fill);
  b.set(a);
  return b;
}

function growU8(a: Uint8Array, n: number, fill = 0): Uint8Array {
  if (a.length >= n) return a;
  const b = new Uint8Array(Math.max(n, a.length * 2)).fill(fill);
  b.set(a);
  return b;
}

function isNullAt(valid: Uint8Array | null, r: number): boolean {
  return valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0;
}

function validityFrom(seen: Uint8Array, n: number): { nullCount: number; nullBitmap: Uint8Array | null } {
  const bm = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let g = 0; g < n; g++) {
    if (seen[g] === 1) bm[g >> 3]! |= 1 << (g & 7);
    else nulls++;
  }
  return { nullCount: nulls, nullBitmap: nulls > 0 ? bm : null };
}

/** count(*) and count(x): rows (with non-NULL x) per group. */
class CountAccumulator implements Accumulator {
  readonly argTransient = true;
  private counts: Float64Array = new Float64Array(16);
  resize(n: number): void { this.counts = growF64(this.counts, n); }
  byteSize(): number { return this.counts.byteLength; }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    const c = this.counts;
    const valid = arg === null ? null : arg.typeId === arrow.Type.Null ? null : validityOf(arg);
    if (arg !== null && arg.typeId === arrow.Type.Null) return;
    if (valid === null) { for (let i = 0; i < count; i++) c[groups[i]!]!++; return; }
    for (let i = 0; i < count; i++) if (!isNullAt(valid, rows[i]!)) c[groups[i]!]!++;
  }

  finish(n: number): arrow.Data {
    const data = new BigInt64Array(n);
    for (let g = 0; g < n; g++) data[g] = BigInt(this.counts[g]!);
    return arrow.makeData({ type: new arrow.Int64(), length: n, nullCount: 0, data });
  }

  state(n: number): arrow.Data[] { return [this.finish(n)]; }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    const c = states[0]!;
    const valid = validityOf(c);
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (!isNullAt(valid, r)) this.counts[groups[i]!]! += int64At(c, r);
    }
  }
}

/** bool_and / bool_or. */
class BoolAccumulator implements Accumulator {
  private flags: Uint8Array = new Uint8Array(16);
  private seen: Uint8Array = new Uint8Array(16);
  private readonly and: boolean;
  constructor(and: boolean) { this.and = and; if (and) this.flags.fill(1); }
  resize(n: number): void { this.flags = growU8(this.flags, n, this.and ? 1 : 0); this.seen = growU8(this.seen, n); }
  byteSize(): number { return this.flags.byteLength * 2; }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || arg.typeId === arrow.Type.Null) return;
    const valid = validityOf(arg);
    const bits = arg.values as Uint8Array;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(valid, r)) continue;
      const g = groups[i]!;
      const b = (bits[r >> 3]! >> (r & 7)) & 1;
      this.seen[g] = 1;
      if (this.and) { if (b === 0) this.flags[g] = 0; } else if (b === 1) this.flags[g] = 1;
    }
  }

  state(n: number): arrow.Data[] { return [this.finish(n)]; }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    this.update(states[0]!, rows, groups, count);
  }

  finish(n: number): arrow.Data {
    const bits = new Uint8Array((n + 7) >> 3);
    for (let g = 0; g < n; g++) if (this.flags[g] === 1) bits[g >> 3]! |= 1 << (g & 7);
    return arrow.makeData({ type: new arrow.Bool(), length: n, data: bits, ...validityFrom(this.seen, n) } as never);
  }
}

/** min/max for types whose values are exact in a float64 (int16, int32, float, date, narrow decimal). */
class NumericMinMax implements Accumulator {
  private best: Float64Array = new Float64Array(16);
  private seen: Uint8Array = new Uint8Array(16);
  private readonly max: boolean;
  private readonly type: arrow.DataType;
  constructor(type: arrow.DataType, max: boolean) { this.type = type; this.max = max; }
  resize(n: number): void { this.best = growF64(this.best, n); this.seen = growU8(this.seen, n); }
  byteSize(): number { return this.best.byteLength + this.seen.byteLength; }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || arg.typeId === arrow.Type.Null) return;
    const valid = validityOf(arg);
    const v = arg.values as Float64Array;
    const best = this.best, seen = this.seen;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(valid, r)) continue;
      const g = groups[i]!;
      const x = v[r]!;
      if (seen[g] === 0) { seen[g] = 1; best[g] = x; continue; }
      const b = best[g]!;
      // NaN is larger than every number (PostgreSQL).
      if (this.max ? (x > b || (x !== x && b === b)) : (x < b || (b !== b && x === x))) best[g] = x;
    }
  }

  state(n: number): arrow.Data[] { return [this.finish(n)]; }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    this.update(states[0]!, rows, groups, count);
  }

  finish(n: number): arrow.Data {
    const Ctor = (this.type as { ArrayType: new (n: number) => Float64Array }).ArrayType;
    const data = new Ctor(n);
    for (let g = 0; g < n; g++) data[g] = this.best[g]!;
    return arrow.makeData({ type: this.type, length: n, data, ...validityFrom(this.seen, n) } as never);
  }
}

/**
 * min/max for any other type: each group references its best input value as
 * (chunk, row); chunks are the argument columns of past batches, compacted
 * into one column when many accumulate.
 */
class GenericMinMax implements Accumulator {
  private chunks: arrow.Data[] = [];
  private chunkOf = new Int32Array(16).fill(-1);
  private rowOf = new Int32Array(16);
  private readonly max: boolean;
  private readonly type: arrow.DataType;
  private readonly cmp: ReturnType<typeof valueComparator>;
  constructor(type: arrow.DataType, max: boolean) { this.type = type; this.max = max; this.cmp = valueComparator(type); }

  resize(n: number): void {
    if (this.chunkOf.length >= n) return;
    const size = Math.max(n, this.chunkOf.length * 2);
    const c = new Int32Array(size).fill(-1); c.set(this.chunkOf); this.chunkOf = c;
    const r = new Int32Array(size); r.set(this.rowOf); this.rowOf = r;
  }

  byteSize(): number {
    let n = this.chunkOf.byteLength * 2;
    for (const c of this.chunks) n += c.byteLength;
    return n;
  }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || arg.typeId === arrow.Type.Null) return;
    const valid = validityOf(arg);
    const idx = this.chunks.length;
    let used = false;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(valid, r)) continue;
      const g = groups[i]!;
      const c = this.chunkOf[g]!;
      if (c >= 0) {
        const d = this.cmp(arg, r, c === idx ? arg : this.chunks[c]!, this.rowOf[g]!);
        if (this.max ? d <= 0 : d >= 0) continue;
      }
      this.chunkOf[g] = idx;
      this.rowOf[g] = r;
      used = true;
    }
    if (used) this.chunks.push(arg);
    if (this.chunks.length > 64) this.compact();
  }

  private gatherIndexes(n: number): { column: arrow.Data; indexes: Int32Array } {
    const starts: number[] = [];
    let total = 0;
    for (const c of this.chunks) { starts.push(total); total += c.length; }
    const column = this.chunks.length === 0 ? null : concatData(this.chunks, this.type);
    const indexes = new Int32Array(n);
    for (let g = 0; g < n; g++) indexes[g] = this.chunkOf[g]! < 0 ? -1 : starts[this.chunkOf[g]!]! + this.rowOf[g]!;
    return { column: column ?? arrow.makeData({ type: this.type as arrow.Null, length: 0 }), indexes };
  }

  private compact(): void {
    const n = this.chunkOf.length;
    const { column, indexes } = this.gatherIndexes(n);
    const compacted = take(column, indexes);
    this.chunks = [compacted];
    for (let g = 0; g < n; g++) { if (this.chunkOf[g]! >= 0) { this.chunkOf[g] = 0; this.rowOf[g] = g; } }
  }

  state(n: number): arrow.Data[] { return [this.finish(n)]; }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    this.update(states[0]!, rows, groups, count);
  }

  finish(n: number): arrow.Data {
    if (this.chunks.length === 0) return take(arrow.makeData({ type: this.type, length: 0, nullCount: 0, ...(this.type.typeId === arrow.Type.Utf8 ? { valueOffsets: new Int32Array(1) } : {}) } as never), new Int32Array(n).fill(-1));
    const { column, indexes } = this.gatherIndexes(n);
    return take(column, indexes);
  }
}

/** The accumulator for an aggregate call (planner/functions resolved its result type). */
export function createAccumulator(call: AggregateCall): Accumulator {
  const argType: DataType | null = call.args[0]?.type ?? null;
  switch (call.fn) {
    case 'count_star': case 'count': return new CountAccumulator();
    case 'sum': case 'avg':
      if (argType?.kind === 'interval') return new IntervalSumAccumulator(call.fn === 'avg');
      return new SumAccumulator(argType ?? call.type, call.type, call.fn === 'avg');
    case 'var_samp': case 'var_pop': case 'stddev_samp': case 'stddev_pop': return new VarianceAccumulator(call.fn);
    case 'variance': return new VarianceAccumulator('var_samp');
    case 'stddev': return new VarianceAccumulator('stddev_samp');
    case 'string_agg':
      return aggregateOrder(call) ? new OrderedAccumulator(call, call.args.map((a) => toArrowType(a.type))) : new StringAggAccumulator();
    case 'first_value': case 'last_value':
      // without ORDER BY: the first/last row seen, nothing stored or sorted
      if (!aggregateOrder(call)) return new PickAccumulator(toArrowType(call.type), call.fn === 'last_value');
      return new OrderedAccumulator(call, call.args.map((a) => toArrowType(a.type)));
    case 'array_agg': case 'percentile_cont': case 'percentile_disc': case 'mode':
    case 'json_agg': case 'jsonb_agg': case 'json_object_agg': case 'jsonb_object_agg':
    case 'nth_value':
      return new OrderedAccumulator(call, call.args.map((a) => toArrowType(a.type)));
    case 'corr': case 'covar_pop': case 'covar_samp': case 'regr_slope': case 'regr_intercept': case 'regr_count':
    case 'regr_r2': case 'regr_avgx': case 'regr_avgy': case 'regr_sxx': case 'regr_syy': case 'regr_sxy':
      return new CovarianceAccumulator(call.fn);
    case 'approx_count_distinct': return new HyperLogLogAccumulator();
    case 'bit_and': case 'bit_or': case 'bit_xor': return new BitwiseAccumulator(call.fn, toArrowType(call.type));
    case 'bool_and': case 'bool_or': return new BoolAccumulator(call.fn === 'bool_and');
    case 'every': return new BoolAccumulator(true);
    case 'single_value': return new SingleValueAccumulator(toArrowType(call.type));
    case 'min': case 'max': {
      const t = call.type;
      const arrowType = toArrowType(t);
      const numeric = t.kind === 'int16' || t.kind === 'int32' || t.kind === 'float32' || t.kind === 'float64' || t.kind === 'date' || isNarrowDecimal(t);
      if (t.kind === 'boolean') return new BoolAccumulator(call.fn === 'min');
      return numeric ? new NumericMinMax(arrowType, call.fn === 'max') : new GenericMinMax(arrowType, call.fn === 'max');
    }
    default:
      throw new LochError(SqlState.undefinedFunction, `aggregate function ${call.fn} is not implemented by the hash aggregate`);
  }
}
