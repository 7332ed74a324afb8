/**
 * Schema evolution on a transaction: adding columns (ALTER TABLE ADD COLUMNS and
 * INSERT with mergeSchema), and renaming / dropping columns, which needs column
 * mapping in name mode (PROTOCOL.md "Column Mapping": data files keep physical
 * names, so only the schema changes and no file is rewritten).
 *
 * Old files lack added columns; readers return NULL for them. A dropped column's
 * physical name is never reused (new columns get fresh `col-<uuid>` names).
 */
import { LochError, SqlState, typeName, typesEqual } from '../../core/index.ts';
import type { DeltaTransaction } from './delta-transaction.ts';
import { type DeltaColumnSpec, type SchemaField, parseSchemaFields } from './schema-serialization.ts';

/** Adds columns at the end of the schema (42701 when one exists). */
export function addColumns(txn: DeltaTransaction, columns: readonly DeltaColumnSpec[]): void {
  const fields = currentFields(txn);
  for (const c of columns) {
    if (fields.some((f) => f.name.toLowerCase() === c.name.toLowerCase())) {
      throw new LochError(SqlState.duplicateColumn, `column "${c.name}" already exists in Delta table "${txn.location.display}"`);
    }
  }
  txn.updateMetadata({ addColumns: columns.map((c) => ({ ...c, nullable: true })) });
}

/**
 * mergeSchema: the columns of incoming data that the table lacks are added (nullable);
 * columns it has must have the same type (42804 otherwise). Returns true when the schema changed.
 */
export function mergeSchema(txn: DeltaTransaction, incoming: readonly DeltaColumnSpec[]): boolean {
  const existing = txn.columns;
  const added: DeltaColumnSpec[] = [];
  for (const c of incoming) {
    const e = existing.find((x) => x.name.toLowerCase() === c.name.toLowerCase());
    if (!e) { added.push({ ...c, nullable: true }); continue; }
    if (!typesEqual(e.type, c.type)) {
      throw new LochError(SqlState.datatypeMismatch,
        `cannot merge column "${c.name}" of type ${typeName(c.type)} into Delta table "${txn.location.display}", where it has type ${typeName(e.type)}`);
    }
  }
  if (added.length === 0) return false;
  addColumns(txn, added);
  return true;
}

/** Renames a column (column mapping name mode required). */
export function renameColumn(txn: DeltaTransaction, from: string, to: string): void {
  requireMapping(txn, `rename column "${from}"`);
  const fields = currentFields(txn);
  const i = indexOf(txn, fields, from);
  if (fields.some((f, k) => k !== i && f.name.toLowerCase() === to.toLowerCase())) {
    throw new LochError(SqlState.duplicateColumn, `column "${to}" already exists in Delta table "${txn.location.display}"`);
  }
  const old = fields[i]!.name;
  fields[i] = { ...fields[i]!, name: to };
  txn.updateMetadata({ schemaFields: fields, partitionColumns: txn.metadata.partitionColumns.map((p) => (p === old ? to : p)) });
}

/** Drops columns (column mapping name mode required; partition columns cannot be dropped). */
export function dropColumns(txn: DeltaTransaction, names: readonly string[]): void {
  requireMapping(txn, `drop column "${names.join('", "')}"`);
  let fields = currentFields(txn);
  for (const n of names) {
    const i = indexOf(txn, fields, n);
    if (txn.metadata.partitionColumns.includes(fields[i]!.name)) {
      throw new LochError(SqlState.featureNotSupported, `cannot drop partition column "${n}" of Delta table "${txn.location.display}"`);
    }
    fields = fields.filter((_, k) => k !== i);
  }
  if (fields.length === 0) throw new LochError(SqlState.invalidParameterValue, `cannot drop every column of Delta table "${txn.location.display}"`);
  txn.updateMetadata({ schemaFields: fields });
}

function requireMapping(txn: DeltaTransaction, what: string): void {
  if ((txn.property('delta.columnMapping.mode') ?? 'none').toLowerCase() !== 'name') {
    throw new LochError(SqlState.featureNotSupported, `cannot ${what} of Delta table "${txn.location.display}" without column mapping`,
      { hint: `ALTER TABLE … SET TBLPROPERTIES ('delta.columnMapping.mode' = 'name') first` });
  }
}

function currentFields(txn: DeltaTransaction): SchemaField[] {
  return parseSchemaFields(txn.metadata.schemaString) as SchemaField[];
}

function indexOf(txn: DeltaTransaction, fields: readonly SchemaField[], name: string): number {
  const i = fields.findIndex((f) => f.name === name);
  const j = i >= 0 ? i : fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  if (j < 0) throw new LochError(SqlState.undefinedColumn, `column "${name}" does not exist in Delta table "${txn.location.display}"`);
  return j;
}
