/**
 * CHECK constraints of Delta tables (`delta.constraints.<name>`), enforced on
 * every batch a statement writes: a row violates a constraint when its
 * expression is FALSE (NULL passes, as in PostgreSQL and Delta). The first
 * violation fails the statement with 23514 before anything is committed.
 */
import { LochError, SqlState, type Batch, type SourceColumn } from '../core/index.ts';
import { initParser, parseSql, bindTableDml, type QueryBinder, type AstExpr } from '../planner/index.ts';
import type { RowFunctions, RowFunctionsFactory } from './table-dml.ts';

export interface CheckConstraint {
  readonly name: string;
  readonly expression: string;
}

/** Compiles each constraint's "violated" predicate against the table's columns (in table order). */
export async function compileChecks(
  binder: QueryBinder, table: string, columns: readonly SourceColumn[], checks: readonly CheckConstraint[], rowFunctions: RowFunctionsFactory,
): Promise<{ name: string; expression: string; rows: RowFunctions }[]> {
  await initParser();
  const out: { name: string; expression: string; rows: RowFunctions }[] = [];
  for (const c of checks) {
    const [parsed] = parseSql(`SELECT (${c.expression}) IS FALSE`);
    const query = parsed?.statement.kind === 'query' ? parsed.statement.query : null;
    const target = query?.kind === 'select' ? query.targets[0] : undefined;
    if (!target || target.kind !== 'expr') throw new LochError(SqlState.internalError, `CHECK constraint "${c.name}" of "${table}" cannot be read: ${c.expression}`);
    const violated: AstExpr = target.expr;
    const bound = await bindTableDml(binder, table, null, columns, violated, []);
    out.push({ ...c, rows: rowFunctions(bound.columns, bound.where, []) });
  }
  return out;
}

/** Passes batches through, failing with 23514 at the first row that violates a constraint. */
export async function* enforceChecks(table: string, checks: readonly { name: string; expression: string; rows: RowFunctions }[], batches: AsyncIterable<Batch> | Iterable<Batch>): AsyncIterable<Batch> {
  for await (const b of batches) {
    for (const c of checks) {
      if (c.rows.select(b).length > 0) {
        throw new LochError(SqlState.checkViolation, `new row for relation "${table}" violates check constraint "${c.name}"`, { detail: `CHECK (${c.expression})` });
      }
    }
    yield b;
  }
}
