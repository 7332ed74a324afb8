/**
 * Parquet schema → Loch columns.
 *
 * | Parquet physical + logical            | Loch                         |
 * |---------------------------------------|------------------------------|
 * | BOOLEAN                               | boolean                      |
 * | INT32 (INT 8/16 signed)               | int16                        |
 * | INT32, INT32 UINT 8/16                | int32                        |
 * | INT32 UINT 32, INT64 (UINT 64 wraps)  | int64                        |
 * | INT32 DATE                            | date                         |
 * | INT32/INT64 TIME ms/µs/ns             | time (µs since midnight)     |
 * | INT64 TIMESTAMP ms/µs/ns, INT96       | timestamp / timestamptz (UTC-adjusted) |
 * | FLOAT / DOUBLE                        | float32 / float64            |
 * | DECIMAL(p,s) on INT32/INT64/FLBA/BA   | decimal(p,s)                 |
 * | BYTE_ARRAY (STRING/UTF8/ENUM/JSON/—)  | text                         |
 *
 * Files written by Loch also carry `loch.schema` (the Loch fields as JSON);
 * when present and consistent it wins, so Loch reads back exactly what it wrote.
 * Otherwise `loch.type` tags in the embedded Arrow schema (ARROW:schema, e.g. a
 * narrow decimal stored as DOUBLE by an Arrow writer) are honoured.
 * Only flat schemas are supported (nested columns: 0A000 naming the column).
 */
import * as arrow from 'apache-arrow';
import type { FileMetaData, SchemaElement } from 'hyparquet';
import {
  type DataType, type SourceColumn, DECIMAL_MAX_PRECISION, LOCH_TYPE_METADATA_KEY, LochError, SqlState, T, decimal,
  fromArrowField, isNarrowDecimal, typesEqual,
} from '../../core/index.ts';
import { LOCH_SCHEMA_METADATA_KEY } from './loch-metadata.ts';

/** One top-level Parquet column: its Loch column and its leaf element. */
export interface ParquetColumn extends SourceColumn {
  readonly element: SchemaElement;
}

/** The Loch columns of a Parquet file, one per top-level leaf. */
export function parquetColumns(path: string, metadata: FileMetaData): ParquetColumn[] {
  const [root, ...elements] = metadata.schema;
  if (!root) throw new LochError(SqlState.dataCorrupted, `Parquet file "${path}" has an empty schema`);
  const columns: ParquetColumn[] = [];
  for (const element of elements) {
    if (element.type === undefined || (element.num_children ?? 0) > 0) {
      throw new LochError(SqlState.featureNotSupported, `column "${element.name}" of Parquet file "${path}" is nested; nested columns are not supported yet`);
    }
    if (element.repetition_type === 'REPEATED') {
      throw new LochError(SqlState.featureNotSupported, `column "${element.name}" of Parquet file "${path}" is repeated; lists are not supported yet`);
    }
    columns.push({ name: element.name, type: parquetType(path, element), nullable: element.repetition_type !== 'REQUIRED', element });
  }
  return applyLochSchema(metadata, applyArrowTags(metadata, columns));
}

/** The Loch type of one leaf element. */
export function parquetType(path: string, e: SchemaElement): DataType {
  const lt = e.logical_type;
  if (lt?.type === 'DECIMAL' || e.converted_type === 'DECIMAL') {
    const precision = lt?.type === 'DECIMAL' ? lt.precision : e.precision ?? 0;
    const scale = lt?.type === 'DECIMAL' ? lt.scale : e.scale ?? 0;
    if (precision < 1 || precision > DECIMAL_MAX_PRECISION) {
      throw unsupported(path, e, `decimal precision ${precision} (at most ${DECIMAL_MAX_PRECISION} is supported)`);
    }
    return decimal(precision, scale);
  }
  switch (e.type) {
    case 'BOOLEAN': return T.boolean;
    case 'INT32': {
      if (lt?.type === 'DATE' || e.converted_type === 'DATE') return T.date;
      if (lt?.type === 'TIME' || e.converted_type === 'TIME_MILLIS') return T.time; // ms since midnight, widened to µs
      if (lt?.type === 'INTEGER') {
        if (lt.isSigned) return lt.bitWidth <= 16 ? T.int16 : T.int32;
        return lt.bitWidth <= 16 ? T.int32 : T.int64;
      }
      if (e.converted_type === 'INT_8' || e.converted_type === 'INT_16') return T.int16;
      if (e.converted_type === 'UINT_8' || e.converted_type === 'UINT_16') return T.int32;
      if (e.converted_type === 'UINT_32') return T.int64;
      return T.int32;
    }
    case 'INT64': {
      if (lt?.type === 'TIMESTAMP') return lt.isAdjustedToUTC ? T.timestamptz : T.timestamp;
      if (e.converted_type === 'TIMESTAMP_MILLIS' || e.converted_type === 'TIMESTAMP_MICROS') return T.timestamptz;
      if (lt?.type === 'TIME' || e.converted_type === 'TIME_MICROS') return T.time; // µs (ns narrowed)
      return T.int64;
    }
    case 'INT96': return T.timestamp;
    case 'FLOAT': return T.float32;
    case 'DOUBLE': return T.float64;
    case 'BYTE_ARRAY': return T.text;
    case 'FIXED_LEN_BYTE_ARRAY': throw unsupported(path, e, 'FIXED_LEN_BYTE_ARRAY without DECIMAL');
    default: throw unsupported(path, e, String(e.type));
  }
}

function unsupported(path: string, e: SchemaElement, what: string): LochError {
  return new LochError(SqlState.featureNotSupported, `column "${e.name}" of Parquet file "${path}" has unsupported type ${what}`);
}

interface LochSchemaEntry {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

/** Overrides types with the `loch.schema` footer entry when it names the same columns. */
function applyLochSchema(metadata: FileMetaData, columns: ParquetColumn[]): ParquetColumn[] {
  const kv = metadata.key_value_metadata?.find((e) => e.key === LOCH_SCHEMA_METADATA_KEY);
  if (!kv?.value) return columns;
  let entries: LochSchemaEntry[];
  try {
    entries = JSON.parse(kv.value) as LochSchemaEntry[];
  } catch {
    return columns;
  }
  if (!Array.isArray(entries) || entries.length !== columns.length) return columns;
  return columns.map((c, i) => {
    const entry = entries[i]!;
    if (entry.name !== c.name || typeof entry.type?.kind !== 'string' || !compatible(c.type, entry.type)) return c;
    return { ...c, type: entry.type };
  });
}

/** Applies `loch.type` tags of ARROW:schema fields (core/arrow-type.ts) to same-named columns. */
function applyArrowTags(metadata: FileMetaData, columns: ParquetColumn[]): ParquetColumn[] {
  const kv = metadata.key_value_metadata?.find((e) => e.key === 'ARROW:schema');
  if (!kv?.value) return columns;
  let fields: arrow.Field[];
  try {
    const reader = arrow.RecordBatchReader.from(new Uint8Array(Buffer.from(kv.value, 'base64')));
    reader.open();
    fields = reader.schema.fields;
  } catch {
    return columns; // an unreadable hint is no reason to refuse the file
  }
  const tagged = new Map<string, DataType>();
  for (const f of fields) {
    if (!f.metadata.has(LOCH_TYPE_METADATA_KEY)) continue;
    try {
      tagged.set(f.name, fromArrowField(f));
    } catch {
      // unsupported Arrow type: keep the Parquet mapping
    }
  }
  if (tagged.size === 0) return columns;
  return columns.map((c) => {
    const t = tagged.get(c.name);
    return t && compatible(c.type, t) ? { ...c, type: t } : c;
  });
}

/** A `loch.schema` type is honoured only where the decoder can produce it from the stored type. */
function compatible(stored: DataType, wanted: DataType): boolean {
  if (typesEqual(stored, wanted)) return true;
  // Narrow decimals laid out by Loch (Float64 scaled integers) written by a plain Arrow writer.
  if (isNarrowDecimal(wanted)) return stored.kind === 'float64';
  if (wanted.kind === 'int16' || wanted.kind === 'int32') return stored.kind === 'int16' || stored.kind === 'int32';
  if (wanted.kind === 'timestamp' || wanted.kind === 'timestamptz') return stored.kind === 'timestamp' || stored.kind === 'timestamptz';
  // an interval is written as 16-byte binary values (write-conversion.ts)
  if (wanted.kind === 'interval') return stored.kind === 'text' || stored.kind === 'binary';
  return false;
}
