/**
 * Arrow results as plain JS values for `collect()`, `first()` and `show()`.
 * Loch's Arrow layout (core/data-type.ts) is read through core's readValue, then
 * turned into what a JS user expects: decimals as numbers (exact to their
 * scale when below 2^53; wider ones as decimal strings), int64 as bigint,
 * dates and timestamps as Date, times as 'HH:MM:SS' text, intervals as {months, days, micros}.
 */
import type * as arrow from 'apache-arrow';
import { formatScaled, formatValue, fromArrowField, readValue, type DataType, type LiteralValue } from '../core/index.ts';

/** One value of a collected row. */
export type RowValue = LiteralValue | Date | RowObject | readonly RowValue[];
/** A collected row: column name → value. */
export interface RowObject {
  readonly [column: string]: RowValue;
}

function toJs(value: LiteralValue, type: DataType): RowValue {
  if (value === null) return null;
  switch (type.kind) {
    case 'decimal': {
      if (typeof value === 'number') return value / 10 ** type.scale;
      return formatScaled(value as bigint, type.scale);
    }
    case 'date':
      return new Date((value as number) * 86_400_000);
    case 'timestamp':
    case 'timestamptz':
      return new Date(Number((value as bigint) / 1000n));
    case 'time':
      return formatValue(value, type); // 'HH:MM:SS[.ffffff]': a time of day has no JS type
    case 'array':
      return (value as readonly LiteralValue[]).map((v) => toJs(v, type.element));
    case 'struct': {
      const out: Record<string, RowValue> = {};
      const values = (value as { values: readonly LiteralValue[] }).values;
      type.fields.forEach((f, i) => { out[f.name] = toJs(values[i] ?? null, f.type); });
      return out;
    }
    default:
      return value;
  }
}

/** The Loch logical type of each field of a schema. */
export function fieldTypes(schema: arrow.Schema): DataType[] {
  return schema.fields.map((f) => fromArrowField(f));
}

/** Rows of a batch as plain objects (duplicate column names: the later one wins, as in PySpark's asDict). */
export function batchRows(batch: arrow.RecordBatch, types: readonly DataType[]): RowObject[] {
  const names = batch.schema.fields.map((f) => f.name);
  const columns = batch.data.children;
  const rows: RowObject[] = [];
  for (let r = 0; r < batch.numRows; r++) {
    const row: Record<string, RowValue> = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = toJs(readValue(columns[c]!, types[c]!, r), types[c]!);
    rows.push(row);
  }
  return rows;
}

/** Rows of a batch as PostgreSQL text cells (NULL → null), for show() and comparisons. */
export function batchTextRows(batch: arrow.RecordBatch, types: readonly DataType[]): (string | null)[][] {
  const columns = batch.data.children;
  const rows: (string | null)[][] = [];
  for (let r = 0; r < batch.numRows; r++) {
    const row: (string | null)[] = [];
    for (let c = 0; c < types.length; c++) {
      const v = readValue(columns[c]!, types[c]!, r);
      row.push(v === null ? null : formatValue(v, types[c]!));
    }
    rows.push(row);
  }
  return rows;
}
