/**
 * Collecting the per-file statistics of an `add` action while a data file is
 * written (PROTOCOL.md "Per-file Statistics"): numRecords, and per data column
 * minValues, maxValues and nullCount, keyed by physical column name.
 *
 * Values are serialized as Delta (Spark) writes them: numbers as JSON numbers
 * (decimals exactly, from their scaled integers), dates `yyyy-MM-dd`,
 * timestamps truncated to milliseconds (`…T…mmmZ`; no zone for timestamp_ntz),
 * strings cut to 32 characters — a cut max gets U+10FFFF appended so it stays
 * an upper bound. A bound that JSON cannot carry exactly (int64 beyond 2^53,
 * all-NaN floats) is left out: statistics are optional, wrong ones are not.
 *
 * Loops run over the typed arrays of materialized columns (no selection).
 */
import type * as arrow from 'apache-arrow';
import { type DataType, formatDate, formatScaled, formatTimestamp, isNarrowDecimal, readDecimal128 } from '../../core/index.ts';

/** Characters kept of a string statistic (Delta's default `dataSkippingStringPrefixLength`). */
export const STRING_STATS_PREFIX = 32;

/** A column whose statistics are collected. */
export interface StatsColumn {
  readonly physicalName: string;
  readonly type: DataType;
}

interface Acc {
  nulls: number;
  min: number | bigint | Uint8Array | undefined;
  max: number | bigint | Uint8Array | undefined;
}

/** Accumulates statistics over the batches of one data file. */
export class StatisticsCollector {
  private readonly columns: readonly StatsColumn[];
  private readonly acc: Acc[];
  numRecords = 0;

  constructor(columns: readonly StatsColumn[]) {
    this.columns = columns;
    this.acc = columns.map(() => ({ nulls: 0, min: undefined, max: undefined }));
  }

  /** Adds `n` rows; `data[i]` is column i, materialized (offset 0, no selection). */
  add(data: readonly arrow.Data[], n: number): void {
    this.numRecords += n;
    for (let c = 0; c < this.columns.length; c++) {
      const d = data[c]!;
      const a = this.acc[c]!;
      const type = this.columns[c]!.type;
      a.nulls += d.nullCount;
      switch (type.kind) {
        case 'text': scanBytes(d, n, a); break;
        case 'int64': case 'timestamp': case 'timestamptz': scanBig(d, n, a); break;
        case 'boolean': scanBool(d, n, a); break;
        case 'decimal': if (isNarrowDecimal(type)) scanNumbers(d, n, a); else scanDecimal128(d, n, a); break;
        case 'interval': case 'time': case 'null': case 'binary': case 'array': case 'struct': case 'map': break;
        default: scanNumbers(d, n, a);
      }
    }
  }

  /** The `stats` JSON text of the add action. */
  toJson(extra: { readonly tightBounds?: boolean } = {}): string {
    const mins: string[] = [], maxs: string[] = [], nulls: string[] = [];
    for (let c = 0; c < this.columns.length; c++) {
      const { physicalName, type } = this.columns[c]!;
      // nested columns: no statistics (a struct's would be a nested object; they are optional)
      if (type.kind === 'array' || type.kind === 'struct' || type.kind === 'map') continue;
      const a = this.acc[c]!;
      const key = JSON.stringify(physicalName);
      nulls.push(`${key}:${a.nulls}`);
      const lo = statText(a.min, type, 'min'), hi = statText(a.max, type, 'max');
      if (lo !== undefined) mins.push(`${key}:${lo}`);
      if (hi !== undefined) maxs.push(`${key}:${hi}`);
    }
    const tight = extra.tightBounds === false ? ',"tightBounds":false' : '';
    return `{"numRecords":${this.numRecords},"minValues":{${mins.join(',')}},"maxValues":{${maxs.join(',')}},"nullCount":{${nulls.join(',')}}${tight}}`;
  }
}

function valid(d: arrow.Data, i: number): boolean {
  const bm = d.nullBitmap;
  return d.nullCount === 0 || !bm || bm.length === 0 || ((bm[(d.offset + i) >> 3]! >> ((d.offset + i) & 7)) & 1) === 1;
}

function scanNumbers(d: arrow.Data, n: number, a: Acc): void {
  const v = d.values as Float64Array | Int32Array | Int16Array | Float32Array;
  let min = a.min as number | undefined, max = a.max as number | undefined;
  for (let i = 0; i < n; i++) {
    if (!valid(d, i)) continue;
    const x = v[i]!;
    if (x !== x) continue; // NaN: no bound
    if (min === undefined || x < min) min = x;
    if (max === undefined || x > max) max = x;
  }
  a.min = min; a.max = max;
}

function scanBig(d: arrow.Data, n: number, a: Acc): void {
  const v = d.values as BigInt64Array;
  let min = a.min as bigint | undefined, max = a.max as bigint | undefined;
  for (let i = 0; i < n; i++) {
    if (!valid(d, i)) continue;
    const x = v[i]!;
    if (min === undefined || x < min) min = x;
    if (max === undefined || x > max) max = x;
  }
  a.min = min; a.max = max;
}

function scanDecimal128(d: arrow.Data, n: number, a: Acc): void {
  const w = d.values as Uint32Array;
  let min = a.min as bigint | undefined, max = a.max as bigint | undefined;
  for (let i = 0; i < n; i++) {
    if (!valid(d, i)) continue;
    const x = readDecimal128(w, i);
    if (min === undefined || x < min) min = x;
    if (max === undefined || x > max) max = x;
  }
  a.min = min; a.max = max;
}

function scanBool(d: arrow.Data, n: number, a: Acc): void {
  const v = d.values as Uint8Array;
  let min = a.min as number | undefined, max = a.max as number | undefined;
  for (let i = 0; i < n; i++) {
    if (!valid(d, i)) continue;
    const b = d.offset + i;
    const x = (v[b >> 3]! >> (b & 7)) & 1;
    if (min === undefined || x < min) min = x;
    if (max === undefined || x > max) max = x;
  }
  a.min = min; a.max = max;
}

/** Text min/max compared as UTF-8 bytes (= code point order, how Loch and Spark compare strings). */
function scanBytes(d: arrow.Data, n: number, a: Acc): void {
  const offsets = d.valueOffsets as Int32Array;
  const bytes = d.values as Uint8Array;
  let min = a.min as Uint8Array | undefined, max = a.max as Uint8Array | undefined;
  let minS = -1, minE = -1, maxS = -1, maxE = -1;
  for (let i = 0; i < n; i++) {
    if (!valid(d, i)) continue;
    const s = offsets[i]!, e = offsets[i + 1]!;
    if (minS < 0 || compareBytes(bytes, s, e, bytes, minS, minE) < 0) { minS = s; minE = e; }
    if (maxS < 0 || compareBytes(bytes, s, e, bytes, maxS, maxE) > 0) { maxS = s; maxE = e; }
  }
  if (minS >= 0) {
    if (!min || compareBytes(bytes, minS, minE, min, 0, min.length) < 0) min = bytes.slice(minS, minE);
    if (!max || compareBytes(bytes, maxS, maxE, max, 0, max.length) > 0) max = bytes.slice(maxS, maxE);
  }
  a.min = min; a.max = max;
}

function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) {
    const x = a[as + k]!, y = b[bs + k]!;
    if (x !== y) return x - y;
  }
  return (ae - as) - (be - bs);
}

const utf8 = new TextDecoder();

/** The JSON text of one bound, or undefined when it cannot be written soundly. */
function statText(v: number | bigint | Uint8Array | undefined, type: DataType, bound: 'min' | 'max'): string | undefined {
  if (v === undefined) return undefined;
  switch (type.kind) {
    case 'boolean': return v === 1 ? 'true' : 'false';
    case 'int16': case 'int32': return String(v);
    case 'float32': case 'float64': return Number.isFinite(v as number) ? JSON.stringify(v) : undefined;
    case 'int64': {
      const b = v as bigint;
      return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? String(b) : undefined;
    }
    case 'decimal': return formatScaled(isNarrowDecimal(type) ? v as number : v as bigint, type.scale);
    case 'date': return JSON.stringify(formatDate(v as number));
    case 'timestamp': case 'timestamptz': {
      const us = v as bigint;
      const ms = us - (((us % 1000n) + 1000n) % 1000n); // truncate to milliseconds (down)
      const frac = Number(((ms % 1_000_000n) + 1_000_000n) % 1_000_000n) / 1000;
      const text = `${formatTimestamp(ms - BigInt(frac * 1000)).replace(' ', 'T')}.${String(frac).padStart(3, '0')}`;
      return JSON.stringify(type.kind === 'timestamptz' ? `${text}Z` : text);
    }
    case 'text': {
      const s = utf8.decode(v as Uint8Array);
      const cps = [...s];
      if (cps.length <= STRING_STATS_PREFIX) return JSON.stringify(s);
      const prefix = cps.slice(0, STRING_STATS_PREFIX).join('');
      return JSON.stringify(bound === 'min' ? prefix : `${prefix}\u{10FFFF}`);
    }
    default: return undefined;
  }
}
