/**
 * Row-group planning: which row groups of a file can hold rows satisfying every
 * `ScanPredicate` (core/scan.ts), judged from the footer's min/max/null-count
 * statistics. A row group is skipped only when the statistics *prove* some
 * conjunct false; anything unknown keeps it.
 *
 * Statistics are first converted to Loch's literal representation
 * (core/literal.ts): scaled integers for narrow decimals (bigints for wide
 * ones, decoded exactly from the raw statistic bytes), day numbers for dates,
 * µs bigints for timestamps. Columns without usable statistics never prune.
 */
import type { ColumnChunk, RowGroup } from 'hyparquet';
import { type LiteralValue, type ScanPredicate, isNarrowDecimal } from '../../core/index.ts';
import type { ThriftStruct, ThriftValue } from './thrift-compact.ts';
import type { RawTimestamp } from './parquet-footer.ts';
import type { ParquetColumn } from './parquet-schema.ts';

/** Min/max (Loch representation; undefined = unknown) and null count of one column chunk. */
export interface ChunkStatistics {
  readonly min: LiteralValue | undefined;
  readonly max: LiteralValue | undefined;
  readonly nullCount: number | undefined;
  readonly rowCount: number;
  /** Float columns: NaN sorts above every number in SQL but Parquet statistics leave it out. */
  readonly mayHoldNaN: boolean;
}

/** Indexes of the row groups that may contain qualifying rows (`raw`: the footer's raw Thrift, for exact decimal bounds). */
export function planRowGroups(rowGroups: readonly RowGroup[], columns: readonly ParquetColumn[], predicates: readonly ScanPredicate[], raw?: ThriftStruct): number[] {
  const keep: number[] = [];
  for (let g = 0; g < rowGroups.length; g++) {
    const rg = rowGroups[g]!;
    if (Number(rg.num_rows) === 0) continue;
    if (predicates.every((p) => mayMatch(p, chunkStatistics(rg, columns, p.column, rawStatistics(raw, g, p.column))))) keep.push(g);
  }
  return keep;
}

/** Raw min_value/max_value bytes of one column chunk, if present. */
interface RawBounds {
  readonly min: Uint8Array | undefined;
  readonly max: Uint8Array | undefined;
}

function rawStatistics(raw: ThriftStruct | undefined, group: number, column: number): RawBounds | undefined {
  const rg = (raw?.field_4 as ThriftStruct[] | undefined)?.[group];
  const md = ((rg?.field_1 as ThriftStruct[] | undefined)?.[column])?.field_3 as ThriftStruct | undefined;
  const stats = md?.field_12 as ThriftStruct | undefined;
  if (!stats) return undefined;
  const bytes = (v: ThriftValue | undefined) => (v instanceof Uint8Array ? v : undefined);
  return { min: bytes(stats.field_6), max: bytes(stats.field_5) };
}

/** Statistics of column `column` in a row group, in Loch's representation. */
export function chunkStatistics(rg: RowGroup, columns: readonly ParquetColumn[], column: number, raw?: RawBounds): ChunkStatistics | undefined {
  const col = columns[column];
  const chunk: ColumnChunk | undefined = rg.columns[column];
  const stats = chunk?.meta_data?.statistics;
  if (!col || !stats) return undefined;
  const nullCount = stats.null_count === undefined ? undefined : Number(stats.null_count);
  const isDecimal = col.type.kind === 'decimal';
  return {
    // Decimals come from the raw bytes: hyparquet scales them to floats only when the legacy
    // converted_type is set, and floats are inexact for wide decimals.
    min: isDecimal ? decimalBound(col, raw?.min) : toLiteral(col, stats.min_value, 'min'),
    max: isDecimal ? decimalBound(col, raw?.max) : toLiteral(col, stats.max_value, 'max'),
    nullCount,
    rowCount: Number(rg.num_rows),
    mayHoldNaN: col.type.kind === 'float32' || col.type.kind === 'float64',
  };
}

/** An unscaled decimal statistic (INT32/INT64 little-endian, else big-endian two's complement) as a Loch literal. */
function decimalBound(col: ParquetColumn, bytes: Uint8Array | undefined): LiteralValue | undefined {
  if (!bytes || bytes.length === 0 || col.type.kind !== 'decimal') return undefined;
  const physical = col.element.type;
  let v: bigint;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (physical === 'INT32' && bytes.length === 4) v = BigInt(view.getInt32(0, true));
  else if (physical === 'INT64' && bytes.length === 8) v = view.getBigInt64(0, true);
  else if (physical === 'FIXED_LEN_BYTE_ARRAY' || physical === 'BYTE_ARRAY') {
    v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    v = BigInt.asIntN(bytes.length * 8, v);
  } else return undefined;
  if (!isNarrowDecimal(col.type)) return v;
  return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : undefined;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A statistic as a Loch literal, or undefined when it is missing or cannot be trusted exactly. */
function toLiteral(col: ParquetColumn, v: unknown, bound: 'min' | 'max'): LiteralValue | undefined {
  if (v === undefined || v === null) return undefined;
  const t = col.type;
  switch (t.kind) {
    case 'timestamp':
    case 'timestamptz': {
      if (typeof v !== 'object' || !('unit' in (v as object))) return undefined;
      const ts = v as RawTimestamp;
      if (ts.unit === 'us') return ts.value;
      if (ts.unit === 'ms') return ts.value * 1000n;
      // ns → µs: round the bound outwards so pruning stays conservative.
      const q = ts.value / 1000n, r = ts.value % 1000n;
      if (r === 0n) return q;
      if (bound === 'min') return r < 0n ? q - 1n : q;
      return r > 0n ? q + 1n : q;
    }
    case 'int16':
    case 'int32':
    case 'date':
    case 'float32':
    case 'float64':
      return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
    case 'int64':
      return typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : undefined;
    case 'text':
      return typeof v === 'string' ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    default:
      return undefined;
  }
}

/** −1/0/1, or undefined when the two values are not comparable (different kinds, NaN). */
function compare(a: LiteralValue, b: LiteralValue): number | undefined {
  const ta = typeof a, tb = typeof b;
  const numeric = (ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint');
  if (!numeric && ta !== tb) return undefined;
  if (ta === 'object' || (ta === 'number' && Number.isNaN(a)) || (tb === 'number' && Number.isNaN(b))) return undefined;
  if (ta === 'string') return compareCodePoints(a as string, b as string);
  // Mixed number/bigint comparison is exact in JS.
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/**
 * Parquet orders strings by their UTF-8 bytes, which is code point order; JS `<`
 * compares UTF-16 units, which differs for characters above U+FFFF.
 */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff, ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate encodes a code point above every BMP one
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** False only when the statistics prove that no row of the chunk satisfies `p`. */
export function mayMatch(p: ScanPredicate, s: ChunkStatistics | undefined): boolean {
  if (!s) return true;
  const allNull = s.nullCount !== undefined && s.nullCount === s.rowCount;
  if (p.kind === 'is_null') {
    if (!p.negated) return s.nullCount === undefined || s.nullCount > 0;
    return !allNull;
  }
  if (allNull) return false; // comparisons with NULL are never true
  if (p.kind === 'in') {
    const present = p.values.filter((v) => v !== null);
    if (present.length === 0) return false;
    return present.some((v) => inRange(v, s));
  }
  if (p.value === null) return false;
  const { min, max } = s;
  const cMin = min === undefined ? undefined : compare(p.value, min); // value vs min
  const cMax = max === undefined ? undefined : compare(p.value, max); // value vs max
  switch (p.op) {
    case '=': return inRange(p.value, s);
    case '<': return cMin === undefined || cMin > 0; // some x < value ⇐ min < value
    case '<=': return cMin === undefined || cMin >= 0;
    case '>': return s.mayHoldNaN || cMax === undefined || cMax < 0;
    case '>=': return s.mayHoldNaN || cMax === undefined || cMax <= 0;
    case '<>': return !(cMin === 0 && cMax === 0);
  }
}

function inRange(v: LiteralValue, s: ChunkStatistics): boolean {
  if (v === null) return false;
  const cMin = s.min === undefined ? undefined : compare(v, s.min);
  const cMax = s.max === undefined ? undefined : compare(v, s.max);
  return (cMin === undefined || cMin >= 0) && (cMax === undefined || cMax <= 0);
}
