/**
 * Generated columns (`a int GENERATED ALWAYS AS (b * 2) STORED`, Delta's
 * `delta.generationExpression`): whenever a row is written (INSERT, UPDATE,
 * MERGE), each generated column is computed from the row's other new values.
 * The expression is bound over the table's columns and then rewritten to read
 * the new row's expressions instead.
 */
import { LochError, SqlState, type SourceColumn } from '../../core/index.ts';
import type { ColumnId, Expr } from '../expr.ts';
import { castExpr } from '../functions/index.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';
import { parseSql } from '../sql/parse.ts';
import { bindExpr } from './bind-expr.ts';
import type { QueryBinder } from './bind-query.ts';
import { Scope } from './scope.ts';

export interface GeneratedColumn {
  readonly column: string;
  readonly expression: string;
}

/** Replaces column references by the expressions `byId` maps them to. */
function substitute(e: Expr, byId: ReadonlyMap<ColumnId, Expr>): Expr {
  switch (e.kind) {
    case 'column': return byId.get(e.id) ?? e;
    case 'call': return { ...e, args: e.args.map((a) => substitute(a, byId)) };
    case 'cast': return { ...e, input: substitute(e.input, byId) };
    case 'case': return { ...e, whens: e.whens.map((w) => ({ when: substitute(w.when, byId), then: substitute(w.then, byId) })), otherwise: e.otherwise ? substitute(e.otherwise, byId) : null };
    case 'in_list': return { ...e, input: substitute(e.input, byId), list: e.list.map((x) => substitute(x, byId)) };
    default: return e;
  }
}

/** The new row (one expression per table column) with every generated column computed from the others. */
export async function applyGeneratedColumns(binder: QueryBinder, table: string, columns: readonly SourceColumn[], generated: readonly GeneratedColumn[], row: readonly Expr[]): Promise<Expr[]> {
  if (generated.length === 0) return [...row];
  const planColumns: PlanColumn[] = columns.map((c) => ({ id: binder.ctx.newColumnId(), name: c.name, type: c.type, nullable: c.nullable }));
  const scope = new Scope(null);
  scope.addRelation({ qualifier: table, columns: planColumns });
  const byId = new Map(planColumns.map((c, i) => [c.id, row[i]!]));
  const out = [...row];
  for (const g of generated) {
    const i = columns.findIndex((c) => c.name === g.column);
    if (i < 0) continue;
    const [parsed] = parseSql(`SELECT ${g.expression}`);
    const q = parsed?.statement.kind === 'query' ? parsed.statement.query : null;
    const target = q?.kind === 'select' ? q.targets[0] : undefined;
    if (!target || target.kind !== 'expr') throw new LochError(SqlState.internalError, `generated column "${g.column}" of "${table}" has an unreadable expression: ${g.expression}`);
    const bound = await bindExpr(target.expr, binder.exprContext(scope, null, 'generation expressions'));
    out[i] = castExpr(substitute(bound, byId), columns[i]!.type, true);
  }
  return out;
}
