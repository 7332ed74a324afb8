/** Helpers for end-to-end tests: run SQL on a QueryEngine and read results as values or PostgreSQL text. */
import { LochError, formatValue, readValue, type BatchField, type LiteralValue } from '../../core/index.ts';
import type { QueryEngine, StatementResult } from '../../coordinator/index.ts';

export interface Rows {
  readonly fields: readonly BatchField[];
  readonly rows: LiteralValue[][];
}

export async function collect(result: StatementResult): Promise<Rows> {
  if (result.kind !== 'rows') return { fields: [], rows: [] };
  const rows: LiteralValue[][] = [];
  for await (const batch of result.batches) {
    for (let i = 0; i < batch.length; i++) {
      const row = batch.selection ? batch.selection[i]! : i;
      rows.push(result.fields.map((f, c) => readValue(batch.column(c), f.type, row)));
    }
  }
  return { fields: result.fields, rows };
}

/** Runs every statement and returns the last statement's rows. */
export async function query(engine: QueryEngine, sql: string): Promise<Rows> {
  let last: Rows = { fields: [], rows: [] };
  for await (const r of engine.execute(sql)) last = await collect(r);
  return last;
}

/** Rows printed as PostgreSQL prints values (NULL as null). */
export function asText(rows: Rows): (string | null)[][] {
  return rows.rows.map((r) => r.map((v, c) => (v === null ? null : formatValue(v, rows.fields[c]!.type))));
}

export async function queryText(engine: QueryEngine, sql: string): Promise<(string | null)[][]> {
  return asText(await query(engine, sql));
}

/** The LochError a statement fails with (the test fails if it succeeds or throws something else). */
export async function queryError(engine: QueryEngine, sql: string): Promise<LochError> {
  try {
    await query(engine, sql);
  } catch (e) {
    if (e instanceof LochError) return e;
    throw e;
  }
  throw new Error(`expected an error from: ${sql}`);
}
