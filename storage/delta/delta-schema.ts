/**
 * Delta schema (metaData.schemaString, PROTOCOL.md "Schema Serialization Format")
 * → Loch columns.
 *
 * | Delta                  | Loch                 |
 * |------------------------|----------------------|
 * | boolean                | boolean              |
 * | byte, short            | int16                |
 * | integer / long         | int32 / int64        |
 * | float / double         | float32 / float64    |
 * | decimal(p,s)           | decimal(p,s)         |
 * | string                 | text                 |
 * | date                   | date                 |
 * | timestamp (UTC)        | timestamptz          |
 * | timestamp_ntz          | timestamp            |
 * | binary                 | binary               |
 * | struct / array / map   | struct / array / map (nested fields by position; physical names ignored) |
 * | variant                | unsupported: the column is listed with a reason |
 *
 * Column mapping (`delta.columnMapping.mode` name/id): each field carries
 * `delta.columnMapping.physicalName` (the Parquet column name) and
 * `delta.columnMapping.id` (the Parquet field id).
 */
import { type DataType, DECIMAL_MAX_PRECISION, LochError, SqlState, T, arrayOf, decimal, mapOf, structOf } from '../../core/index.ts';
import type { DeltaMetadata } from './delta-actions.ts';

/** One top-level column of a Delta table. */
export interface DeltaColumn {
  readonly name: string;
  /** The Loch type, or undefined when Loch cannot represent the Delta type yet. */
  readonly type: DataType | undefined;
  /** With column mapping: `type` with struct fields named by their physical names (how data files store them). */
  readonly physicalType?: DataType;
  /** The Delta type as written in the schema (`decimal(10,2)`, `struct<…>`). */
  readonly deltaType: string;
  readonly nullable: boolean;
  /** Name of the column in data files (= name without column mapping). */
  readonly physicalName: string;
  /** Parquet field id (column mapping mode id). */
  readonly fieldId: number | undefined;
  readonly isPartition: boolean;
  /** Why the column cannot be read (set exactly when `type` is undefined). */
  readonly unsupported: string | undefined;
  /** Field metadata as in the schema. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Column mapping modes (PROTOCOL.md "Column Mapping"). */
export type ColumnMappingMode = 'none' | 'name' | 'id';

interface RawField {
  name: string;
  type: unknown;
  nullable?: boolean;
  metadata?: Record<string, unknown>;
}

/** The column mapping mode of a table. */
export function columnMappingMode(metadata: DeltaMetadata): ColumnMappingMode {
  const mode = (metadata.configuration['delta.columnMapping.mode'] ?? 'none').toLowerCase();
  if (mode === 'none' || mode === 'name' || mode === 'id') return mode;
  throw new LochError(SqlState.featureNotSupported, `Delta column mapping mode "${mode}" is not supported`);
}

/** The top-level columns of a table's schema. */
export function deltaColumns(metadata: DeltaMetadata, table: string): DeltaColumn[] {
  let schema: { type?: string; fields?: RawField[] };
  try {
    schema = JSON.parse(metadata.schemaString) as typeof schema;
  } catch (e) {
    throw new LochError(SqlState.dataCorrupted, `Delta table "${table}" has a schemaString that is not JSON`, { cause: e });
  }
  if (schema.type !== 'struct' || !Array.isArray(schema.fields)) {
    throw new LochError(SqlState.dataCorrupted, `Delta table "${table}" has a schemaString that is not a struct`);
  }
  const mode = columnMappingMode(metadata);
  const partitions = new Set(metadata.partitionColumns);
  return schema.fields.map((f) => {
    const md = f.metadata ?? {};
    const physical = md['delta.columnMapping.physicalName'];
    const id = md['delta.columnMapping.id'];
    let mapped = toLochType(f.type);
    // json / jsonb columns are Delta strings tagged with loch.type (a Loch extension; other readers see text)
    if (mapped.type?.kind === 'text' && (md['loch.type'] === 'json' || md['loch.type'] === 'jsonb')) mapped = { type: md['loch.type'] === 'json' ? T.json : T.jsonb, why: '' };
    // time / interval columns: Delta long / binary tagged with loch.type (schema-serialization.ts)
    if (mapped.type?.kind === 'int64' && md['loch.type'] === 'time') mapped = { type: T.time, why: '' };
    if (mapped.type?.kind === 'binary' && md['loch.type'] === 'interval') mapped = { type: T.interval, why: '' };
    const physicalType = mode !== 'none' && mapped.type && typeof f.type !== 'string' ? toLochType(f.type, true).type : undefined;
    return {
      name: f.name,
      type: mapped.type,
      ...(physicalType ? { physicalType } : {}),
      deltaType: typeText(f.type),
      nullable: f.nullable !== false,
      physicalName: mode !== 'none' && typeof physical === 'string' ? physical : f.name,
      fieldId: mode === 'id' && typeof id === 'number' ? id : undefined,
      isPartition: partitions.has(f.name),
      unsupported: mapped.type ? undefined : `column "${f.name}" has Delta type ${typeText(f.type)}, which Loch cannot read yet (${mapped.why})`,
      metadata: md,
    };
  });
}

/** Maps a primitive Delta type name to a Loch type. */
export function toLochType(t: unknown, physicalNames = false): { type: DataType | undefined; why: string } {
  if (typeof t !== 'string') return nestedLochType(t, physicalNames);
  switch (t) {
    case 'boolean': return { type: T.boolean, why: '' };
    case 'byte': case 'short': return { type: T.int16, why: '' };
    case 'integer': return { type: T.int32, why: '' };
    case 'long': return { type: T.int64, why: '' };
    case 'float': return { type: T.float32, why: '' };
    case 'double': return { type: T.float64, why: '' };
    case 'string': return { type: T.text, why: '' };
    case 'date': return { type: T.date, why: '' };
    case 'timestamp': return { type: T.timestamptz, why: '' };
    case 'timestamp_ntz': return { type: T.timestamp, why: '' };
    case 'binary': return { type: T.binary, why: '' };
    default: {
      const m = /^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/.exec(t);
      if (m) {
        const p = Number(m[1]), s = Number(m[2]);
        if (p >= 1 && p <= DECIMAL_MAX_PRECISION && s >= 0 && s <= p) return { type: decimal(p, s), why: '' };
        return { type: undefined, why: `decimal precision/scale out of Loch's range` };
      }
      if (t === 'decimal') return { type: decimal(10, 0), why: '' };
      return { type: undefined, why: `unknown Delta type` };
    }
  }
}

/** A nested Delta type object (struct / array / map) → Loch type, recursively. */
function nestedLochType(t: unknown, physicalNames: boolean): { type: DataType | undefined; why: string } {
  const o = t as { type?: string; fields?: RawField[]; elementType?: unknown; keyType?: unknown; valueType?: unknown } | null;
  switch (o?.type) {
    case 'array': {
      const e = toLochType(o.elementType, physicalNames);
      return e.type ? { type: arrayOf(e.type), why: '' } : e;
    }
    case 'map': {
      const k = toLochType(o.keyType, physicalNames);
      if (!k.type) return k;
      const v = toLochType(o.valueType, physicalNames);
      return v.type ? { type: mapOf(k.type, v.type), why: '' } : v;
    }
    case 'struct': {
      const fields = [];
      for (const f of o.fields ?? []) {
        const ft = toLochType(f.type, physicalNames);
        if (!ft.type) return { type: undefined, why: `field "${f.name}": ${ft.why}` };
        const physical = f.metadata?.['delta.columnMapping.physicalName'];
        fields.push({ name: physicalNames && typeof physical === 'string' ? physical : f.name, type: ft.type });
      }
      return { type: structOf(fields), why: '' };
    }
    default: return { type: undefined, why: `Delta type ${String(o?.type ?? 'unknown')} is not supported` };
  }
}

/** A Delta type as text: primitives as named, nested types in Spark's DDL style. */
export function typeText(t: unknown): string {
  if (typeof t === 'string') return t;
  const o = t as { type?: string; fields?: RawField[]; elementType?: unknown; keyType?: unknown; valueType?: unknown };
  switch (o?.type) {
    case 'struct': return `struct<${(o.fields ?? []).map((f) => `${f.name}:${typeText(f.type)}`).join(',')}>`;
    case 'array': return `array<${typeText(o.elementType)}>`;
    case 'map': return `map<${typeText(o.keyType)},${typeText(o.valueType)}>`;
    default: return String(o?.type ?? 'unknown');
  }
}
