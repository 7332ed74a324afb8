/**
 * Fallback reader for data files that also hold nested columns (struct, array,
 * map), which storage/parquet's columnar reader refuses (issue 6). It reads only
 * the requested *flat* top-level columns with hyparquet (plain JS values) and
 * builds Loch columns from them. Slower than the columnar path; used only for
 * files the fast path cannot open, so tables with nested columns still scan
 * their flat columns.
 */
import type * as arrow from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import type { FileMetaData, SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { type DataType, type LiteralValue, columnFromValues, isNarrowDecimal } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import { parquetType } from '../parquet/parquet-schema.ts';

/** A flat top-level column of a file with nested columns. */
export interface FlatFileColumn {
  readonly name: string;
  readonly type: DataType;
  readonly fieldId: number | undefined;
}

/** The top-level leaf columns of a (possibly nested) Parquet schema, with their Loch types where known. */
export function flatTopLevelColumns(path: string, metadata: FileMetaData): FlatFileColumn[] {
  const [, ...elements] = metadata.schema;
  const out: FlatFileColumn[] = [];
  let i = 0;
  while (i < elements.length) {
    const e = elements[i]!;
    if ((e.num_children ?? 0) === 0 && e.type !== undefined && e.repetition_type !== 'REPEATED') {
      try {
        out.push({ name: e.name, type: parquetType(path, e), fieldId: e.field_id });
      } catch {
        // unsupported leaf type: not offered
      }
      i++;
    } else {
      i += 1 + subtreeSize(elements, i);
    }
  }
  return out;
}

/** Number of descendants of elements[i]. */
function subtreeSize(elements: readonly SchemaElement[], i: number): number {
  let remaining = elements[i]!.num_children ?? 0;
  let j = i + 1;
  while (remaining > 0 && j < elements.length) {
    remaining += (elements[j]!.num_children ?? 0) - 1;
    j++;
  }
  return j - i - 1;
}

const PARSERS = {
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (v: bigint) => v * 1000n,
  timestampFromMicroseconds: (v: bigint) => v,
  timestampFromNanoseconds: (v: bigint) => (v >= 0n ? v / 1000n : -((-v + 999n) / 1000n)),
};

/** Reads `columns` (flat, top-level) of a whole file as Loch columns. */
export async function readFlatColumns(store: ObjectStore, key: string, bytesLength: number, columns: readonly FlatFileColumn[]): Promise<{ numRows: number; columns: arrow.Data[] }> {
  const bytes = await store.getRange(key, 0, bytesLength);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const names = columns.map((c) => c.name);
  const rows = await parquetReadObjects({ file: buffer, compressors, columns: names.length > 0 ? names : undefined, parsers: PARSERS });
  const numRows = rows.length;
  const out = columns.map((c) => columnFromValues(c.type, rows.map((r) => toLiteral(r[c.name], c.type))));
  return { numRows, columns: out };
}

const utf8 = new TextDecoder();

function toLiteral(v: unknown, type: DataType): LiteralValue {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'int64': case 'timestamp': case 'timestamptz':
      return typeof v === 'bigint' ? v : BigInt(v instanceof Date ? v.getTime() * 1000 : Number(v));
    case 'decimal': {
      const x = typeof v === 'bigint' ? Number(v) : Number(v);
      const scaled = Math.round(x * 10 ** type.scale);
      return isNarrowDecimal(type) ? scaled : BigInt(scaled);
    }
    case 'text': return v instanceof Uint8Array ? utf8.decode(v) : String(v);
    case 'boolean': return Boolean(v);
    default: return typeof v === 'bigint' ? Number(v) : (v as number);
  }
}
