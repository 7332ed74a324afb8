/**
 * Column DEFAULTs (`c int DEFAULT 100*2+300`, `e timestamp DEFAULT now()`; Delta's
 * `CURRENT_DEFAULT`): an INSERT that leaves a column out writes its default, evaluated
 * for each statement (now() is the statement's time). A default reads no columns.
 */
import { LochError, SqlState, type SourceColumn } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import { castExpr } from '../functions/index.ts';
import { parseSql } from '../sql/parse.ts';
import { bindExpr } from './bind-expr.ts';
import type { QueryBinder } from './bind-query.ts';
import { Scope } from './scope.ts';

/** Binds each column's DEFAULT (SQL text) cast to the column's type; throws for a default that reads columns or does not bind. */
export async function bindColumnDefaults(
  binder: QueryBinder, table: string, columns: readonly SourceColumn[], defaults: readonly { readonly column: string; readonly expression: string }[],
): Promise<Map<string, Expr>> {
  const out = new Map<string, Expr>();
  for (const d of defaults) {
    const column = columns.find((c) => c.name === d.column);
    if (!column) throw new LochError(SqlState.undefinedColumn, `column "${d.column}" of relation "${table}" does not exist`);
    const [parsed] = parseSql(`SELECT ${d.expression}`);
    const q = parsed?.statement.kind === 'query' ? parsed.statement.query : null;
    const target = q?.kind === 'select' && q.targets.length === 1 ? q.targets[0] : undefined;
    if (!target || target.kind !== 'expr') throw new LochError(SqlState.syntaxError, `DEFAULT of column "${d.column}" is not one expression: ${d.expression}`);
    const bound = await bindExpr(target.expr, binder.exprContext(new Scope(null), null, 'DEFAULT expressions'));
    out.set(d.column, castExpr(bound, column.type, true));
  }
  return out;
}
