/**
 * Data skipping with the statistics of `add` actions (PROTOCOL.md "Per-file
 * Statistics") and with partition values.
 *
 * A file is skipped only when its statistics *prove* a conjunct false. Caveats:
 * - string min/max are truncated prefixes (32 characters in Spark): a max that may
 *   be truncated is no upper bound, so it is not used;
 * - timestamp statistics have millisecond precision while values have µs: the max
 *   is widened by 999 µs;
 * - float NaN sorts above every number in SQL but statistics omit it: a float max
 *   never proves `>`/`>=` false;
 * - with deletion vectors the bounds stay valid (rows are only removed).
 */
import type { DataType, LiteralValue, ScanPredicate } from '../../core/index.ts';
import { isNarrowDecimal } from '../../core/index.ts';
import { parseDeltaTimestamp } from './partition-value.ts';

/** Parsed `add.stats`. Keys of the maps are physical column names. */
export interface FileStatistics {
  readonly numRecords: number | undefined;
  readonly minValues: Readonly<Record<string, unknown>>;
  readonly maxValues: Readonly<Record<string, unknown>>;
  readonly nullCount: Readonly<Record<string, unknown>>;
}

/** Parses `add.stats` (undefined when absent or malformed: statistics are optional). */
export function parseFileStatistics(stats: string | undefined): FileStatistics | undefined {
  if (!stats) return undefined;
  try {
    const s = JSON.parse(stats) as Record<string, unknown>;
    const obj = (v: unknown) => (v && typeof v === 'object' ? v as Record<string, unknown> : {});
    return {
      numRecords: typeof s.numRecords === 'number' ? s.numRecords : undefined,
      minValues: obj(s.minValues), maxValues: obj(s.maxValues), nullCount: obj(s.nullCount),
    };
  } catch {
    return undefined;
  }
}

/** What data skipping needs to know of one scanner column. */
export interface SkippingColumn {
  readonly type: DataType;
  readonly physicalName: string;
  readonly isPartition: boolean;
}

/** Longest string statistic that is certainly not truncated (Spark truncates to 32 characters). */
const STRING_PREFIX_LENGTH = 32;

/**
 * False when the file provably holds no row satisfying every predicate.
 * `partitionValue(i)` gives the decoded partition value of partition column i.
 */
export function fileMayMatch(
  predicates: readonly ScanPredicate[], columns: readonly SkippingColumn[], stats: FileStatistics | undefined,
  partitionValue: (column: number) => LiteralValue,
): boolean {
  for (const p of predicates) {
    const col = columns[p.column];
    if (!col) continue;
    if (col.isPartition) {
      if (!exactMatch(p, partitionValue(p.column))) return false;
      continue;
    }
    if (stats && !statsMayMatch(p, col, stats)) return false;
  }
  return true;
}

/** Evaluates a predicate on a known value (partition columns). */
function exactMatch(p: ScanPredicate, v: LiteralValue): boolean {
  if (p.kind === 'is_null') return (v === null) !== p.negated;
  if (v === null) return false;
  if (p.kind === 'in') return p.values.some((x) => x !== null && compare(v, x) === 0);
  if (p.value === null) return true; // never true, but leave it to the plan
  const c = compare(v, p.value);
  if (Number.isNaN(c)) return true;
  switch (p.op) {
    case '=': return c === 0;
    case '<>': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

function statsMayMatch(p: ScanPredicate, col: SkippingColumn, stats: FileStatistics): boolean {
  const rawNulls = stats.nullCount[col.physicalName];
  const nulls = typeof rawNulls === 'number' ? rawNulls : undefined;
  const allNull = nulls !== undefined && stats.numRecords !== undefined && nulls >= stats.numRecords;
  if (p.kind === 'is_null') {
    if (!p.negated) return nulls === undefined || nulls > 0;
    return !allNull;
  }
  if (allNull) return false;
  const min = statValue(stats.minValues[col.physicalName], col.type, 'min');
  const max = statValue(stats.maxValues[col.physicalName], col.type, 'max');
  const isFloat = col.type.kind === 'float32' || col.type.kind === 'float64';
  const inRange = (v: LiteralValue): boolean => {
    if (v === null) return false;
    if (min !== undefined && lt(v, min)) return false;
    if (max !== undefined && lt(max, v)) return false;
    return true;
  };
  if (p.kind === 'in') return p.values.some(inRange);
  const v = p.value;
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return true;
  switch (p.op) {
    case '=': return inRange(v);
    case '<>': return !(min !== undefined && max !== undefined && compare(min, v) === 0 && compare(max, v) === 0 && nulls === 0);
    case '<': return min === undefined || lt(min, v);
    case '<=': return min === undefined || !lt(v, min);
    case '>': return isFloat || max === undefined || lt(v, max);
    case '>=': return isFloat || max === undefined || !lt(max, v);
  }
}

/** A statistic as a Loch literal, or undefined when missing or not a sound bound. */
export function statValue(raw: unknown, type: DataType, bound: 'min' | 'max'): LiteralValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  switch (type.kind) {
    case 'boolean': return typeof raw === 'boolean' ? raw : undefined;
    case 'int16': case 'int32': case 'float32': case 'float64':
      return typeof raw === 'number' ? raw : undefined;
    case 'int64':
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? BigInt(raw) : undefined;
    case 'decimal': {
      if (typeof raw !== 'number' || !isNarrowDecimal(type) || type.precision > 15) return undefined;
      const scaled = Math.round(raw * 10 ** type.scale);
      return Number.isSafeInteger(scaled) ? scaled : undefined;
    }
    case 'text':
      if (typeof raw !== 'string') return undefined;
      if (bound === 'max' && [...raw].length >= STRING_PREFIX_LENGTH) return undefined;
      return raw;
    case 'date': {
      if (typeof raw !== 'string') return undefined;
      try {
        return Number(parseDeltaTimestamp(raw) / 86_400_000_000n);
      } catch {
        return undefined;
      }
    }
    case 'timestamp': case 'timestamptz': {
      if (typeof raw !== 'string') return undefined;
      try {
        const us = parseDeltaTimestamp(raw);
        return bound === 'max' ? us + 999n : us;
      } catch {
        return undefined;
      }
    }
    default: return undefined;
  }
}

function lt(a: LiteralValue, b: LiteralValue): boolean {
  return compare(a, b) < 0;
}

/** Three-way comparison of two literals of one type (NaN when incomparable). */
export function compare(a: LiteralValue, b: LiteralValue): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    if ((typeof a !== 'bigint' && typeof a !== 'number') || (typeof b !== 'bigint' && typeof b !== 'number')) return NaN;
    if (typeof a === 'number' && !Number.isInteger(a)) return a < Number(b) ? -1 : a > Number(b) ? 1 : 0;
    if (typeof b === 'number' && !Number.isInteger(b)) return Number(a) < b ? -1 : Number(a) > b ? 1 : 0;
    const x = BigInt(a as number | bigint), y = BigInt(b as number | bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === 'string' && typeof b === 'string') return compareUtf8(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return NaN;
}

/** Code point order (= UTF-8 byte order, how Loch compares text). */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!, y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0;
}
