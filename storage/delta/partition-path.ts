/**
 * Partition values on the write side (PROTOCOL.md "Partition Value Serialization")
 * and the paths of data files.
 *
 *   value ──serialize──► "2024-01-02" (log, add.partitionValues)
 *         ──escape────► dt=2024-01-02/ (directory; Hive/Spark escaping, NULL → __HIVE_DEFAULT_PARTITION__)
 *   relative path ──URI-encode──► add.path (the log stores a URI; readers decode it once)
 *
 * So a value `a:b` lives in directory `p=a%3Ab/` and the log says `p=a%253Ab/…`,
 * exactly as Spark writes it.
 */
import {
  type DataType, type LiteralValue, formatDate, formatScaled, formatTimestamp, isNarrowDecimal,
} from '../../core/index.ts';

/** Directory name of a NULL partition value (Hive convention). */
export const NULL_PARTITION_DIRECTORY = '__HIVE_DEFAULT_PARTITION__';

/** The log's string form of a partition value (null for NULL). */
export function serializePartitionValue(value: LiteralValue, type: DataType): string | null {
  if (value === null) return null;
  switch (type.kind) {
    case 'text': return value === '' ? null : String(value); // Spark stores '' as a NULL partition
    case 'boolean': return value ? 'true' : 'false';
    case 'date': return formatDate(value as number);
    case 'timestamp': return formatTimestamp(value as bigint);
    case 'timestamptz': return isoMicros(value as bigint);
    case 'decimal': return formatScaled(isNarrowDecimal(type) ? value as number : value as bigint, type.scale);
    default: return String(value);
  }
}

/** ISO-8601 UTC with six fraction digits (`1970-01-01T00:00:00.123456Z`), as PROTOCOL.md recommends. */
export function isoMicros(micros: bigint): string {
  const frac = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  return `${formatTimestamp(micros - frac).replace(' ', 'T')}.${String(frac).padStart(6, '0')}Z`;
}

const MUST_ESCAPE = new Set('"#%\'*/:=?\\{[]^'.split(''));

/** Hive/Spark `escapePathName`: control characters and path-special characters as %XX. */
export function escapePathName(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x01 && c <= 0x1f) || c === 0x7f || MUST_ESCAPE.has(ch)) out += `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** `a=1/b=x/` for the partition columns (physical names) and their serialized values. */
export function partitionDirectory(columns: readonly string[], values: readonly (string | null)[]): string {
  let out = '';
  for (let i = 0; i < columns.length; i++) {
    const v = values[i];
    out += `${escapePathName(columns[i]!)}=${v === null || v === undefined ? NULL_PARTITION_DIRECTORY : escapePathName(v)}/`;
  }
  return out;
}

/** A path relative to the table root as the log stores it: each segment URI-encoded ('=' kept). */
export function encodeLogPath(relative: string): string {
  return relative.split('/').map((s) => encodeURIComponent(s).replace(/%3D/g, '=')).join('/');
}
