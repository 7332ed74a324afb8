/**
 * Loch columns → Delta `schemaString` (PROTOCOL.md "Schema Serialization Format"),
 * the inverse of delta-schema.ts for the types Loch can write.
 *
 * | Loch         | Delta         |   | Loch        | Delta          |
 * |--------------|---------------|---|-------------|----------------|
 * | boolean      | boolean       |   | decimal     | decimal(p,s)   |
 * | int16        | short         |   | text        | string         |
 * | int32/int64  | integer/long  |   | date        | date           |
 * | float32/64   | float/double  |   | timestamptz | timestamp      |
 * |              |               |   | timestamp   | timestamp_ntz  |
 * | binary       | binary        |   | array<e>    | {"type":"array",…}  |
 * | struct<…>    | {"type":"struct",…} | | map<k,v> | {"type":"map",…} |
 *
 * Column mapping (name mode): every field gets `delta.columnMapping.id` and a
 * `delta.columnMapping.physicalName` of the form `col-<uuid>`, the way Delta
 * assigns them, so renames and drops never touch data files.
 */
import { randomUUID } from 'node:crypto';
import { type DataType, LochError, SqlState } from '../../core/index.ts';

/** A column of a table being created or evolved. */
export interface DeltaColumnSpec {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  /** SQL text of a generated column (`delta.generationExpression`). */
  readonly generationExpression?: string;
  readonly comment?: string;
  /** Extra field metadata kept as given (column mapping keys are assigned, not taken from here). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** A field of the schema JSON. */
export interface SchemaField {
  readonly name: string;
  /** A primitive type name, or the JSON object of a struct/array/map type. */
  readonly type: DeltaTypeJson;
  readonly nullable: boolean;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A Delta type in the schema JSON: a primitive name or a nested type object. */
export type DeltaTypeJson = string | { readonly type: string; readonly [key: string]: unknown };

/**
 * The Delta schema JSON of a Loch type: primitives by name, nested types as objects.
 * With `nextId` (column mapping), every struct field inside gets its own
 * `delta.columnMapping.id` and `col-<uuid>` physical name, as PROTOCOL.md asks.
 */
export function deltaTypeJson(type: DataType, column: string, nextId?: () => number): DeltaTypeJson {
  switch (type.kind) {
    case 'array': return { type: 'array', elementType: deltaTypeJson(type.element, column, nextId), containsNull: true };
    case 'map': return { type: 'map', keyType: deltaTypeJson(type.key, column, nextId), valueType: deltaTypeJson(type.value, column, nextId), valueContainsNull: true };
    case 'struct': return {
      type: 'struct',
      fields: type.fields.map((f) => ({
        name: f.name, type: deltaTypeJson(f.type, `${column}.${f.name}`, nextId), nullable: true,
        metadata: nextId ? { 'delta.columnMapping.id': nextId(), 'delta.columnMapping.physicalName': `col-${randomUUID()}` } : {},
      })),
    };
    default: return deltaTypeName(type, column);
  }
}

/** The Delta primitive type name of a Loch type (0A000 for types Delta cannot store). */
export function deltaTypeName(type: DataType, column: string): string {
  switch (type.kind) {
    case 'boolean': return 'boolean';
    case 'int16': return 'short';
    case 'int32': return 'integer';
    case 'int64': return 'long';
    case 'float32': return 'float';
    case 'float64': return 'double';
    case 'decimal': return `decimal(${type.precision},${type.scale})`;
    case 'text': return 'string';
    case 'date': return 'date';
    case 'timestamp': return 'timestamp_ntz';
    case 'timestamptz': return 'timestamp';
    case 'binary': return 'binary';
    case 'array': case 'struct': case 'map': return JSON.stringify(deltaTypeJson(type, column));
    case 'interval': case 'null': case 'time':
      throw new LochError(SqlState.featureNotSupported, `column "${column}": a Delta table cannot store values of type ${type.kind === 'null' ? 'unknown (cast it)' : type.kind === 'time' ? 'time (Delta has no time type; store it as a string or a timestamp)' : 'interval'}`);
  }
}

/** One schema field for a column spec; `mapping` assigns column mapping id and physical name. */
export function schemaField(spec: DeltaColumnSpec, mapping?: { readonly id: number; readonly physicalName?: string; readonly nextId?: () => number }): SchemaField {
  const metadata: Record<string, unknown> = { ...(spec.metadata ?? {}) };
  if (spec.comment !== undefined) metadata.comment = spec.comment;
  if (spec.generationExpression !== undefined) metadata['delta.generationExpression'] = spec.generationExpression;
  if (spec.type.kind === 'text' && spec.type.json) metadata['loch.type'] = spec.type.json; // json / jsonb (read back in delta-schema.ts)
  // time / interval (top level only): Delta has no such types, so they are stored under a Delta type other
  // readers understand (time: long µs since midnight; interval: 16-byte binary of months, days, nanoseconds)
  // and tagged so Loch reads them back as what they are (delta-schema.ts), like json above
  const tagged = TAGGED_TYPES[spec.type.kind];
  if (tagged) metadata['loch.type'] = spec.type.kind;
  if (mapping) {
    metadata['delta.columnMapping.id'] = mapping.id;
    metadata['delta.columnMapping.physicalName'] = mapping.physicalName ?? `col-${randomUUID()}`;
  }
  return { name: spec.name, type: tagged ?? deltaTypeJson(spec.type, spec.name, mapping?.nextId), nullable: spec.nullable, metadata };
}

/** The Delta type a top-level column of a type Delta lacks is stored as (tagged `loch.type`). */
const TAGGED_TYPES: Readonly<Partial<Record<DataType['kind'], string>>> = { time: 'long', interval: 'binary' };

/** Serializes fields as a schemaString (one JSON line). */
export function schemaString(fields: readonly SchemaField[]): string {
  checkUniqueNames(fields.map((f) => f.name));
  return JSON.stringify({ type: 'struct', fields });
}

/** Parses a schemaString into its top-level fields (nested types are kept as parsed JSON). */
export function parseSchemaFields(schema: string): Array<{ name: string; type: unknown; nullable: boolean; metadata: Record<string, unknown> }> {
  const parsed = JSON.parse(schema) as { fields?: Array<{ name: string; type: unknown; nullable?: boolean; metadata?: Record<string, unknown> }> };
  return (parsed.fields ?? []).map((f) => ({ name: f.name, type: f.type, nullable: f.nullable !== false, metadata: { ...(f.metadata ?? {}) } }));
}

/** Column names must be unique regardless of case (PROTOCOL.md). */
export function checkUniqueNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const k = n.toLowerCase();
    if (seen.has(k)) throw new LochError(SqlState.duplicateColumn, `column "${n}" is specified more than once (Delta column names are case-insensitive)`);
    seen.add(k);
  }
}
