/**
 * `Batch`: the unit of data flowing between operators.
 *
 * A batch is a set of equally long Arrow `Data` columns plus an optional
 * selection vector. A filter does not copy: it narrows the selection, and the
 * next operator that must materialize (hash build, sort, shuffle write, result)
 * gathers the selected rows. This is DuckDB's selection-vector design on top of
 * Arrow memory; `toRecordBatch` produces a plain Arrow RecordBatch for IPC.
 *
 *   columns[c].values ──► physical rows 0 .. numRows-1   (layout: core/data-type.ts)
 *   selection         ──► [3, 7, 8, …]  logical row i is physical row selection[i]
 *
 * Invariants kernels rely on: every column has `offset === 0` and
 * `length === numRows`; a selection is strictly increasing.
 */
import * as arrow from 'apache-arrow';
import type { DataType } from './data-type.ts';
import { toArrowField } from './arrow-type.ts';

export class Batch {
  readonly columns: readonly arrow.Data[];
  /** Physical length of every column. */
  readonly numRows: number;
  /** Selected physical row indexes, or null when every row is selected. */
  readonly selection: Int32Array | null;

  constructor(columns: readonly arrow.Data[], numRows: number, selection: Int32Array | null = null) {
    this.columns = columns;
    this.numRows = numRows;
    this.selection = selection;
  }

  /** Number of logical (selected) rows. */
  get length(): number {
    return this.selection ? this.selection.length : this.numRows;
  }

  column(index: number): arrow.Data {
    const c = this.columns[index];
    if (!c) throw new RangeError(`batch has no column ${index} (it has ${this.columns.length})`);
    return c;
  }

  withSelection(selection: Int32Array | null): Batch {
    return new Batch(this.columns, this.numRows, selection);
  }

  withColumns(columns: readonly arrow.Data[]): Batch {
    return new Batch(columns, this.numRows, this.selection);
  }
}

/** Name and logical type of one column of a batch stream. */
export interface BatchField {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

export function toArrowSchema(fields: readonly BatchField[]): arrow.Schema {
  return new arrow.Schema(fields.map((f) => toArrowField(f.name, f.type, f.nullable)));
}

/**
 * Wraps a batch without a selection as an Arrow RecordBatch (zero copy) whose schema is
 * exactly `schema`. Callers with a selection must gather first (worker kernels `materialize`).
 */
export function toRecordBatch(batch: Batch, schema: arrow.Schema): arrow.RecordBatch {
  if (batch.selection) throw new Error('toRecordBatch needs a materialized batch (selection present)');
  const struct = arrow.makeData({
    type: new arrow.Struct(schema.fields),
    length: batch.numRows,
    nullCount: 0,
    children: batch.columns as arrow.Data[],
  });
  const rb = new arrow.RecordBatch(schema, struct);
  // Arrow JS's constructor rebuilds the schema with Schema.assign, which merges fields by
  // name: with duplicate column names (a join's two `ps_partkey`s) the first field takes the
  // last one's type and nullability, so the IPC schema message no longer matches the data or
  // the schema the stream was opened with. Every column here is numRows long, so the
  // constructor's length fix-up has nothing else to do: keep the schema and struct as given.
  if (rb.schema !== schema) Object.assign(rb as { schema: arrow.Schema; data: arrow.Data<arrow.Struct> }, { schema, data: struct });
  return rb;
}

export function fromRecordBatch(rb: arrow.RecordBatch): Batch {
  return new Batch(rb.data.children, rb.numRows, null);
}
