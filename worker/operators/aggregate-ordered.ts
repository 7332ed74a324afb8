/**
 * Aggregates that need all their input at once, in order: string_agg with
 * ORDER BY, array_agg, percentile_cont / percentile_disc / mode WITHIN GROUP (ORDER BY x),
 * first_value / last_value / nth_value as aggregates (`first_value(x ORDER BY y)`).
 * They never run in two phases (planner/physical/aggregate-states.ts).
 *
 * Per batch the accepted rows are compacted (`take`) into chunk columns with
 * their group ids; `finish` concatenates the chunks, sorts one permutation by
 * (group, ORDER BY keys) and walks each group's run.
 */
import * as arrow from 'apache-arrow';
import { type DataType, type LiteralValue, LochError, SqlState, columnFromValues, readValue } from '../../core/index.ts';
import { type AggregateCall, aggregateOrder } from '../../planner/index.ts';
import { type RowComparator, combineComparators, makeSortComparator, sortPermutation, valueComparator } from '../kernels/sort-compare.ts';
import { concatData, take, validityOf } from '../kernels/take.ts';
import type { Accumulator } from './aggregate-accumulator.ts';
import { JSON_AGGREGATES, jsonAggregate } from './aggregate-json.ts';

function isNullAt(valid: Uint8Array | null, r: number): boolean {
  return valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0;
}

function nullsWhere(n: number, isNull: (g: number) => boolean): { nullCount: number; nullBitmap: Uint8Array | null } {
  const bm = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let g = 0; g < n; g++) { if (isNull(g)) nulls++; else bm[g >> 3]! |= 1 << (g & 7); }
  return { nullCount: nulls, nullBitmap: nulls > 0 ? bm : null };
}

/** Collects (group, argument values) and computes the ordered result at the end. */
export class OrderedAccumulator implements Accumulator {
  private readonly fn: string;
  /** Argument positions stored per row: the value arguments, then the sort keys. */
  private readonly stored: number[];
  /** Index into `stored` of the value whose NULLs are skipped (-1: keep all rows). */
  private readonly skipNullsOf: number;
  private readonly keys: { slot: number; descending: boolean; nullsFirst: boolean }[];
  private readonly types: arrow.DataType[];
  private chunks: arrow.Data[][] = [];
  private groups = new Int32Array(64);
  private size = 0;
  private bytes = 0;

  private readonly resultType: DataType;
  /** Loch types of the value arguments (the JSON aggregates need them; Arrow types lose json/jsonb). */
  private readonly valueTypes: DataType[];

  constructor(call: AggregateCall, argTypes: readonly arrow.DataType[]) {
    this.fn = call.fn;
    this.resultType = call.type;
    const order = aggregateOrder(call);
    const base = order?.base ?? call.args.length;
    const valueArgs: number[] = [];
    for (let i = 0; i < base; i++) valueArgs.push(i);
    this.stored = [...valueArgs, ...(order?.keys.map((k) => k.arg) ?? [])];
    this.keys = (order?.keys ?? []).map((k, i) => ({ slot: valueArgs.length + i, descending: k.descending, nullsFirst: k.nullsFirst }));
    // string_agg skips NULL values; the ordered-set aggregates skip NULL sort values.
    this.skipNullsOf = call.fn === 'string_agg' ? 0 : call.fn === 'array_agg' || JSON_AGGREGATES.has(call.fn) || call.fn in NTH_OF ? -1 : valueArgs.length;
    this.types = this.stored.map((a) => argTypes[a]!);
    this.valueTypes = valueArgs.map((a) => call.args[a]!.type);
  }

  resize(): void { /* rows are stored, not per-group state */ }
  byteSize(): number { return this.bytes + this.groups.byteLength; }

  update(): void {
    throw new LochError(SqlState.internalError, `${this.fn} needs all of its arguments (updateArgs)`);
  }

  /** Stores the rows (those whose skipped value is not NULL) of every needed argument. */
  updateArgs(args: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    let keep: Int32Array = rows.subarray(0, count);
    let keepGroups: Int32Array = groups.subarray(0, count);
    if (this.skipNullsOf >= 0) {
      const d = args[this.stored[this.skipNullsOf]!]!;
      const valid = d.typeId === arrow.Type.Null ? new Uint8Array((d.length + 7) >> 3) : validityOf(d);
      if (valid !== null) {
        const r = new Int32Array(count), g = new Int32Array(count);
        let n = 0;
        for (let i = 0; i < count; i++) if (!isNullAt(valid, rows[i]!)) { r[n] = rows[i]!; g[n] = groups[i]!; n++; }
        keep = r.subarray(0, n); keepGroups = g.subarray(0, n);
      }
    }
    const n = keep.length;
    if (n === 0) return;
    const chunk = this.stored.map((a) => take(args[a]!, keep, n));
    for (const c of chunk) this.bytes += c.byteLength;
    this.chunks.push(chunk);
    if (this.groups.length < this.size + n) {
      const g = new Int32Array(Math.max(this.size + n, this.groups.length * 2));
      g.set(this.groups.subarray(0, this.size));
      this.groups = g;
    }
    this.groups.set(keepGroups, this.size);
    this.size += n;
  }

  state(): arrow.Data[] {
    throw new LochError(SqlState.featureNotSupported, `${this.fn} with ORDER BY cannot run in two phases`);
  }

  merge(): void {
    throw new LochError(SqlState.featureNotSupported, `${this.fn} with ORDER BY cannot run in two phases`);
  }

  finish(numGroups: number): arrow.Data {
    const columns = this.stored.map((_, j) => concatData(this.chunks.map((c) => c[j]!), this.types[j]));
    const m = this.size;
    const groups = this.groups;
    const cmps: RowComparator[] = [(a, b) => groups[a]! - groups[b]!];
    for (const k of this.keys) cmps.push(makeSortComparator(columns[k.slot]!, !k.descending, k.nullsFirst));
    const perm = sortPermutation(m, combineComparators(cmps));
    // start[g]..start[g + 1]: group g's rows in `perm`
    const start = new Int32Array(numGroups + 1);
    for (let i = 0; i < m; i++) start[groups[i]! + 1]!++;
    for (let g = 0; g < numGroups; g++) start[g + 1]! += start[g]!;
    switch (this.fn) {
      case 'string_agg': return stringAgg(columns[0]!, columns[1]!, perm, start, numGroups);
      case 'percentile_cont': return percentileCont(columns[0]!, columns[1]!, perm, start, numGroups);
      case 'percentile_disc': return percentileDisc(columns[0]!, columns[1]!, perm, start, numGroups);
      case 'mode': return mode(columns[0]!, perm, start, numGroups);
      case 'array_agg': return arrayAgg(columns[0]!, this.resultType, perm, start, numGroups);
      case 'first_value': case 'last_value': case 'nth_value':
        return nthValue(columns[0]!, this.fn === 'nth_value' ? columns[1]! : null, NTH_OF[this.fn]!, perm, start, numGroups);
      case 'json_agg': case 'jsonb_agg': case 'json_object_agg': case 'jsonb_object_agg':
        return jsonAggregate(this.fn, columns, this.valueTypes, this.resultType, perm, start, numGroups);
      default: throw new LochError(SqlState.undefinedFunction, `ordered aggregate ${this.fn} is not implemented`);
    }
  }
}

function stringAgg(values: arrow.Data, seps: arrow.Data, perm: Int32Array, start: Int32Array, n: number): arrow.Data {
  const vo = values.valueOffsets as Int32Array, vb = values.values as Uint8Array;
  const sepValid = seps.typeId === arrow.Type.Null ? null : validityOf(seps);
  const so = seps.typeId === arrow.Type.Null ? null : seps.valueOffsets as Int32Array, sb = seps.values as Uint8Array;
  const sepLen = (r: number): number => (so === null || isNullAt(sepValid, r) ? 0 : so[r + 1]! - so[r]!);
  let total = 0;
  for (let g = 0; g < n; g++) {
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const r = perm[k]!;
      total += vo[r + 1]! - vo[r]! + (k > start[g]! ? sepLen(r) : 0);
    }
  }
  const bytes = new Uint8Array(total);
  const offsets = new Int32Array(n + 1);
  let pos = 0;
  for (let g = 0; g < n; g++) {
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const r = perm[k]!;
      if (k > start[g]! && sepLen(r) > 0) { bytes.set(sb.subarray(so![r]!, so![r + 1]!), pos); pos += sepLen(r); }
      bytes.set(vb.subarray(vo[r]!, vo[r + 1]!), pos);
      pos += vo[r + 1]! - vo[r]!;
    }
    offsets[g + 1] = pos;
  }
  return arrow.makeData({ type: new arrow.Utf8(), length: n, valueOffsets: offsets, data: bytes, ...nullsWhere(n, (g) => start[g] === start[g + 1]) } as never);
}

/** The fraction of a group (evaluated per row; the first row's value is used, as PostgreSQL evaluates it once). */
function fractionOf(fractions: arrow.Data, r: number): number | null {
  if (fractions.typeId === arrow.Type.Null || isNullAt(validityOf(fractions), r)) return null;
  const f = (fractions.values as Float64Array)[r]!;
  if (!(f >= 0 && f <= 1)) throw new LochError(SqlState.numericValueOutOfRange, `percentile value ${f} is not between 0 and 1`);
  return f;
}

function percentileCont(fractions: arrow.Data, values: arrow.Data, perm: Int32Array, start: Int32Array, n: number): arrow.Data {
  const v = values.values as Float64Array;
  const out = new Float64Array(n);
  const isNull = new Uint8Array(n);
  for (let g = 0; g < n; g++) {
    const s = start[g]!, cnt = start[g + 1]! - s;
    const f = cnt === 0 ? null : fractionOf(fractions, perm[s]!);
    if (f === null) { isNull[g] = 1; continue; }
    const pos = f * (cnt - 1), lo = Math.floor(pos), hi = Math.ceil(pos);
    const a = v[perm[s + lo]!]!, b = v[perm[s + hi]!]!;
    out[g] = lo === hi ? a : a + (pos - lo) * (b - a);
  }
  return arrow.makeData({ type: new arrow.Float64(), length: n, data: out, ...nullsWhere(n, (g) => isNull[g] === 1) } as never);
}

function percentileDisc(fractions: arrow.Data, values: arrow.Data, perm: Int32Array, start: Int32Array, n: number): arrow.Data {
  const idx = new Int32Array(n).fill(-1);
  for (let g = 0; g < n; g++) {
    const s = start[g]!, cnt = start[g + 1]! - s;
    const f = cnt === 0 ? null : fractionOf(fractions, perm[s]!);
    if (f === null) continue;
    // the first value whose cumulative share reaches f
    const k = Math.max(0, Math.min(cnt - 1, Math.ceil(f * cnt) - 1));
    idx[g] = perm[s + k]!;
  }
  return take(values, idx);
}

function mode(values: arrow.Data, perm: Int32Array, start: Int32Array, n: number): arrow.Data {
  const cmp = valueComparator(values.type);
  const idx = new Int32Array(n).fill(-1);
  for (let g = 0; g < n; g++) {
    let best = -1, bestCount = 0;
    for (let k = start[g]!; k < start[g + 1]!;) {
      let e = k + 1;
      while (e < start[g + 1]! && cmp(values, perm[k]!, values, perm[e]!) === 0) e++;
      if (e - k > bestCount) { bestCount = e - k; best = perm[k]!; }
      k = e;
    }
    idx[g] = best;
  }
  return take(values, idx);
}

/** Which value of a group's ordered run each positional aggregate picks (1-based, negative from the end). */
const NTH_OF: Record<string, number> = { first_value: 1, last_value: -1, nth_value: 0 };

/**
 * first_value / last_value / nth_value(x, n): the picked row's value of each group (NULLs included,
 * IGNORE NULLS is a filter); NULL when the group has fewer rows. `ns` holds nth_value's n (one per row,
 * a constant), else `fixed` is the position.
 */
function nthValue(values: arrow.Data, ns: arrow.Data | null, fixed: number, perm: Int32Array, start: Int32Array, n: number): arrow.Data {
  const idx = new Int32Array(n).fill(-1);
  for (let g = 0; g < n; g++) {
    const s = start[g]!, cnt = start[g + 1]! - s;
    if (cnt === 0) continue;
    let k = fixed;
    if (ns !== null) {
      if (isNullAt(validityOf(ns), perm[s]!)) continue;
      k = Number((ns.values as BigInt64Array)[perm[s]!]!);
      if (k === 0) throw new LochError(SqlState.invalidParameterValue, 'argument of nth_value must not be zero');
    }
    const at = k > 0 ? k - 1 : cnt + k;
    if (at >= 0 && at < cnt) idx[g] = perm[s + at]!;
  }
  return take(values, idx);
}

/** array_agg: each group's values (NULLs included) in order; NULL for a group without rows. */
function arrayAgg(values: arrow.Data, type: DataType, perm: Int32Array, start: Int32Array, n: number): arrow.Data {
  const element = type.kind === 'array' ? type.element : type;
  const out = new Array<LiteralValue>(n).fill(null);
  for (let g = 0; g < n; g++) {
    const s = start[g]!, e = start[g + 1]!;
    if (s === e) continue;
    const items = new Array<LiteralValue>(e - s);
    for (let k = s; k < e; k++) items[k - s] = readValue(values, element, perm[k]!);
    out[g] = items;
  }
  return columnFromValues(type, out);
}
