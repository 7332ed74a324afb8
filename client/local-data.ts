/**
 * Client-side data as SQL: `createDataFrame(rows | arrow.Table)` becomes a
 * VALUES list with typed literals (a temporary Parquet file when large and the
 * engine is local: local-parquet.ts), `range(n)` the engine's generate_series.
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState } from '../core/index.ts';
import type { LiteralInput } from './column.ts';
import { quoteIdent, renderLiteral } from './expr-sql.ts';
import { LARGE_DATA_ROWS, arrowColumns, rowColumns, type LocalParquetFiles } from './local-parquet.ts';
import type { FromItem } from './plan.ts';

/** A row given to createDataFrame. */
export type InputRow = Readonly<Record<string, LiteralInput>>;

function sqlType(values: readonly LiteralInput[], column: string): string {
  let type: string | null = null;
  const merge = (t: string): void => {
    if (type === null || type === t) type = t;
    else if ((type === 'bigint' && t === 'double precision') || (type === 'double precision' && t === 'bigint')) type = 'double precision';
    else throw new LochError(SqlState.datatypeMismatch, `createDataFrame: column "${column}" mixes ${type} and ${t} values`);
  };
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') merge(Number.isInteger(v) ? 'bigint' : 'double precision');
    else if (typeof v === 'bigint') merge('bigint');
    else if (typeof v === 'string') merge('text');
    else if (typeof v === 'boolean') merge('boolean');
    else if (v instanceof Date) merge('timestamptz');
    else throw new LochError(SqlState.datatypeMismatch, `createDataFrame: column "${column}" has a value of unsupported type ${typeof v}`);
  }
  return type ?? 'text';
}

function valuesItem(names: readonly string[], types: readonly string[], rows: readonly (readonly LiteralInput[])[]): FromItem {
  if (rows.length === 0) {
    // An empty VALUES list is not SQL: one typed NULL row, filtered away.
    const nulls = types.map((t) => `CAST(NULL AS ${t})`).join(', ');
    return { text: `(SELECT * FROM (VALUES (${nulls})) AS ${quoteIdent('v')}(${names.map(quoteIdent).join(', ')}) WHERE FALSE)`, needsAlias: true };
  }
  // The first row's values are cast to the column types; VALUES unifies each column's type
  // across rows, so the other rows stay plain literals (casting every value made binding slow).
  const text = (v: LiteralInput): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : renderLiteral(v));
  const body = rows.map((r, i) => `(${r.map((v, c) => (i === 0 || v === null ? `CAST(${text(v)} AS ${types[c]})` : text(v))).join(', ')})`).join(', ');
  return { text: `(VALUES ${body})`, needsAlias: true, columnNames: names };
}

/** Rows as plain objects: columns in first-seen key order, types inferred from the values. */
export function rowsItem(rows: readonly InputRow[], columns: readonly string[] | undefined, files: LocalParquetFiles | null): FromItem {
  const names = columns ? [...columns] : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (names.length === 0) throw new LochError(SqlState.invalidParameterValue, 'createDataFrame: no columns (pass rows with keys, or column names)');
  const matrix = rows.map((r) => names.map((n) => r[n] ?? null));
  const types = names.map((n, c) => sqlType(matrix.map((r) => r[c]!), n));
  if (files && rows.length >= LARGE_DATA_ROWS) {
    const parquet = rowColumns(names, types, matrix);
    if (parquet) return files.write(parquet);
  }
  return valuesItem(names, types, matrix);
}

function arrowSqlType(type: arrow.DataType, name: string): string {
  if (arrow.DataType.isDictionary(type)) return arrowSqlType(type.dictionary, name);
  if (arrow.DataType.isBool(type)) return 'boolean';
  if (arrow.DataType.isInt(type)) return type.bitWidth <= 16 ? 'smallint' : type.bitWidth === 32 ? 'integer' : 'bigint';
  if (arrow.DataType.isFloat(type)) return type.precision === arrow.Precision.SINGLE ? 'real' : 'double precision';
  if (arrow.DataType.isDecimal(type)) return `decimal(${type.precision},${type.scale})`;
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) return 'text';
  if (arrow.DataType.isDate(type)) return 'date';
  if (arrow.DataType.isTimestamp(type)) return type.timezone ? 'timestamptz' : 'timestamp';
  throw new LochError(SqlState.featureNotSupported, `createDataFrame: Arrow type ${type} of column "${name}" is not supported`);
}

function arrowValue(v: unknown, type: arrow.DataType): LiteralInput {
  if (v === null || v === undefined) return null;
  if (arrow.DataType.isDate(type) || arrow.DataType.isTimestamp(type)) return new Date(Number(v));
  if (arrow.DataType.isDecimal(type)) return String(v);
  return v as LiteralInput;
}

/** An Arrow table: column types from its schema. */
export function arrowItem(table: arrow.Table, files: LocalParquetFiles | null): FromItem {
  if (files && table.numRows >= LARGE_DATA_ROWS) {
    const parquet = arrowColumns(table);
    if (parquet) return files.write(parquet);
  }
  const fields = table.schema.fields;
  const types = fields.map((f) => arrowSqlType(f.type, f.name));
  const matrix: LiteralInput[][] = [];
  const columns = fields.map((_, c) => table.getChildAt(c)!);
  for (let r = 0; r < table.numRows; r++) matrix.push(columns.map((col, c) => arrowValue(col.get(r), fields[c]!.type)));
  const rendered = valuesItem(fields.map((f) => f.name), types, matrix);
  return rendered;
}

/** `range(start, end, step)`: one bigint column `id`, from the engine's generate_series (streamed, not materialized). */
export function rangeItem(start: number, end: number, step: number): FromItem {
  for (const x of [start, end, step]) if (!Number.isSafeInteger(x)) throw new LochError(SqlState.invalidParameterValue, `range(): ${x} is not an integer`);
  if (step === 0) throw new LochError(SqlState.invalidParameterValue, 'range(): step must not be 0');
  const count = Math.max(0, Math.ceil((end - start) / step));
  if (count === 0) return valuesItem(['id'], ['bigint'], []);
  const last = start + (count - 1) * step;
  const big = (n: number): string => `CAST(${n} AS bigint)`;
  return { text: `generate_series(${big(start)}, ${big(last)}, ${big(step)})`, needsAlias: true, columnNames: ['id'] };
}
