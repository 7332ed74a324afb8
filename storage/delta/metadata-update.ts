/**
 * Applying a metadata change to a table's `metaData` (schema, partitioning,
 * properties, CHECK constraints), keeping column mapping consistent
 * (PROTOCOL.md "Writer Requirements for Column Mapping"):
 * - existing columns (matched by name, case-insensitively) keep their id and physical name;
 * - new columns get `delta.columnMapping.maxColumnId + 1, …` and a fresh `col-<uuid>` name;
 * - turning mapping on for an existing table gives each column its current name as physical name.
 * CHECK constraints live in the configuration as `delta.constraints.<name>`.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { DeltaMetadata } from './delta-actions.ts';
import { type DeltaColumnSpec, type SchemaField, parseSchemaFields, schemaField, schemaString } from './schema-serialization.ts';

/** A change to a table's metadata; omitted parts stay as they are. */
export interface MetadataUpdate {
  /** The complete new schema (columns matched by name keep their column mapping). */
  readonly schema?: readonly DeltaColumnSpec[];
  /** The complete new schema as raw fields (rename/drop keep mapping metadata themselves). */
  readonly schemaFields?: readonly SchemaField[];
  /** Columns appended to the schema (new column mapping ids and physical names when mapping is on). */
  readonly addColumns?: readonly DeltaColumnSpec[];
  readonly partitionColumns?: readonly string[];
  /** Properties to set; null removes one. */
  readonly properties?: Readonly<Record<string, string | null>>;
  /** CHECK constraints to add (name → SQL boolean expression); null drops one. */
  readonly constraints?: Readonly<Record<string, string | null>>;
  readonly name?: string;
  readonly description?: string;
}

const MAX_ID = 'delta.columnMapping.maxColumnId';

/** The metadata after `update`. */
export function applyMetadataUpdate(md: DeltaMetadata, update: MetadataUpdate, table: string): DeltaMetadata {
  const configuration: Record<string, string> = { ...md.configuration };
  for (const [k, v] of Object.entries(update.properties ?? {})) {
    if (v === null) delete configuration[k];
    else configuration[k] = v;
  }
  for (const [name, expr] of Object.entries(update.constraints ?? {})) {
    const key = `delta.constraints.${name.toLowerCase()}`;
    if (expr === null) {
      if (!(key in configuration)) throw new LochError(SqlState.undefinedObject, `Delta table "${table}" has no CHECK constraint "${name}"`);
      delete configuration[key];
    } else {
      if (key in configuration) throw new LochError(SqlState.duplicateTable, `Delta table "${table}" already has a CHECK constraint "${name}"`);
      configuration[key] = expr;
    }
  }
  const mode = (configuration['delta.columnMapping.mode'] ?? 'none').toLowerCase();
  if (mode !== 'none' && mode !== 'name' && mode !== 'id') {
    throw new LochError(SqlState.invalidParameterValue, `delta.columnMapping.mode must be none, name or id, not "${mode}"`);
  }
  const oldMode = (md.configuration['delta.columnMapping.mode'] ?? 'none').toLowerCase();
  if (oldMode !== 'none' && mode === 'none') {
    throw new LochError(SqlState.featureNotSupported, `Delta table "${table}": column mapping cannot be turned off once on`);
  }
  let fields: SchemaField[] = md.schemaString === '' ? [] : parseSchemaFields(md.schemaString) as SchemaField[];
  if (update.schemaFields) fields = [...update.schemaFields];
  let maxId = Number(configuration[MAX_ID] ?? 0);
  if (update.schema) {
    const old = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
    fields = update.schema.map((spec) => {
      const prev = old.get(spec.name.toLowerCase());
      const f = schemaField(spec);
      if (mode === 'none') return f;
      if (prev && prev.metadata['delta.columnMapping.id'] !== undefined) {
        return { ...f, metadata: { ...f.metadata, 'delta.columnMapping.id': prev.metadata['delta.columnMapping.id'], 'delta.columnMapping.physicalName': prev.metadata['delta.columnMapping.physicalName'] } };
      }
      if (prev) return f; // mapped below like the other pre-existing columns
      return schemaField(spec, { id: ++maxId, nextId: () => ++maxId });
    });
  }
  for (const spec of update.addColumns ?? []) fields.push(mode === 'none' ? schemaField(spec) : schemaField(spec, { id: ++maxId, nextId: () => ++maxId }));
  if (mode !== 'none') {
    // Columns without mapping metadata (mapping just turned on): physical name = current name.
    fields = fields.map((f) => (f.metadata['delta.columnMapping.id'] !== undefined ? f
      : { ...f, metadata: { ...f.metadata, 'delta.columnMapping.id': ++maxId, 'delta.columnMapping.physicalName': f.name } }));
    for (const f of fields) maxId = Math.max(maxId, Number(f.metadata['delta.columnMapping.id']));
    configuration[MAX_ID] = String(maxId);
  }
  const partitionColumns = [...(update.partitionColumns ?? md.partitionColumns)];
  for (const p of partitionColumns) {
    if (!fields.some((f) => f.name === p)) throw new LochError(SqlState.undefinedColumn, `partition column "${p}" is not a column of Delta table "${table}"`);
  }
  return {
    ...md,
    ...(update.name !== undefined ? { name: update.name } : {}),
    ...(update.description !== undefined ? { description: update.description } : {}),
    schemaString: schemaString(fields),
    partitionColumns,
    configuration,
  };
}
