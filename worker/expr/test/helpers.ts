/** Test helpers: build batches from JS values and read columns back. */
import type * as arrow from 'apache-arrow';
import { Batch, type DataType, type LiteralValue, columnFromValues, readValue } from '../../../core/index.ts';
import { type ColumnRef, type Expr, col } from '../../../planner/index.ts';
import { compileExpr, compilePredicate } from '../index.ts';

export interface TestTable {
  readonly batch: Batch;
  readonly cols: ColumnRef[];
  readonly layout: Map<number, number>;
}

/** A batch with one column per entry; column ids are 1.. in order. */
export function table(columns: readonly [name: string, type: DataType, values: readonly LiteralValue[]][], selection: number[] | null = null): TestTable {
  const data = columns.map(([, type, values]) => columnFromValues(type, values));
  const n = columns[0]![2].length;
  const cols = columns.map(([name, type], i) => col(i + 1, name, type));
  const layout = new Map(cols.map((c, i) => [c.id, i]));
  return { batch: new Batch(data, n, selection ? Int32Array.from(selection) : null), cols, layout };
}

/** Values of a column at the given physical rows. */
export function values(data: arrow.Data, type: DataType, rows: readonly number[]): LiteralValue[] {
  return rows.map((i) => readValue(data, type, i));
}

/** Evaluates `expr` and returns its values at the batch's selected rows. */
export function evalAt(t: TestTable, expr: Expr): LiteralValue[] {
  const c = compileExpr(expr, t.layout);
  const out = c.evaluate(t.batch);
  const rows = t.batch.selection ? Array.from(t.batch.selection) : Array.from({ length: t.batch.numRows }, (_, i) => i);
  return values(out, c.type, rows);
}

/** Physical rows where `expr` is TRUE. */
export function selectRows(t: TestTable, expr: Expr): number[] {
  return Array.from(compilePredicate(expr, t.layout).select(t.batch));
}

/** The SQLSTATE a thunk raises, or undefined. */
export function sqlState(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return (e as { sqlState?: string }).sqlState ?? `not a LochError: ${String(e)}`; }
  return undefined;
}
