/**
 * DELETE and UPDATE that need a query: subqueries in WHERE or SET (correlated
 * or not), DELETE … USING and UPDATE … FROM. They are bound like a MERGE with
 * one WHEN MATCHED clause (bind-merge.ts): the target's live rows, tagged with
 * their file and row position, cross joined with the USING/FROM items,
 * filtered by WHERE, projected to the new values. Decorrelation turns the
 * subqueries into joins, so every subquery reads the table as it was before
 * the statement (PostgreSQL's snapshot). A DELETE removes a row once however
 * many USING rows match it.
 */
import { T, type SourceColumn, type TableScanner } from '../../core/index.ts';
import { lit, type Expr } from '../expr.ts';
import type { LogicalPlan, PlanColumn } from '../logical/logical-plan.ts';
import type { AstExpr, FromItem } from '../sql/ast.ts';
import { bindExpr, toBoolean } from './bind-expr.ts';
import { bindFromItem } from './bind-from.ts';
import { bindAssignments, bindMergeTarget, type BoundMerge } from './bind-merge.ts';
import type { QueryBinder } from './bind-query.ts';
import { Scope } from './scope.ts';

/** True when a DELETE/UPDATE must run as a query (bindDmlAsMerge) rather than row by row over the table. */
export function dmlNeedsQuery(statement: { readonly where: AstExpr | null; readonly set?: readonly { readonly expr: AstExpr }[]; readonly using?: readonly FromItem[]; readonly from?: readonly FromItem[] }): boolean {
  if ((statement.using?.length ?? 0) > 0 || (statement.from?.length ?? 0) > 0) return true;
  return hasSubquery(statement.where) || (statement.set ?? []).some((s) => hasSubquery(s.expr));
}

/** A walk over the plain AST objects looking for a subquery expression. */
function hasSubquery(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(hasSubquery);
  const o = node as Record<string, unknown>;
  if (o.kind === 'subquery' && 'subqueryKind' in o) return true;
  return Object.values(o).some(hasSubquery);
}

function ref(c: PlanColumn): Expr {
  return { kind: 'column', id: c.id, name: c.name, type: c.type };
}

/** Binds the DELETE (`set` empty) or UPDATE as a one-clause MERGE over `targetScanner` (coordinator's mergeTargetScanner). */
export async function bindDmlAsMerge(
  binder: QueryBinder, tableName: string, alias: string | null, table: readonly SourceColumn[], targetScanner: TableScanner,
  where: AstExpr | null, set: readonly { column: string; expr: AstExpr; location: number }[], from: readonly FromItem[],
): Promise<BoundMerge> {
  const isUpdate = set.length > 0;
  const { qualifier, target, targetColumns, tableColumns, fileColumn, positionColumn, hidden } = await bindMergeTarget(binder, tableName, alias, table, targetScanner);

  const scope = new Scope(null);
  scope.addRelation({ qualifier, columns: targetColumns, hidden });
  let plan: LogicalPlan = target.plan;
  for (const item of from) {
    const bound = await bindFromItem(binder, item, scope, scope);
    for (const r of bound.relations) scope.addRelation(r);
    plan = { kind: 'join', joinType: 'cross', left: plan, right: bound.plan, condition: null };
  }
  const ctx = binder.exprContext(scope, null, isUpdate ? 'UPDATE' : 'DELETE');
  if (where) plan = { kind: 'filter', input: plan, predicate: toBoolean(await bindExpr(where, ctx), 'WHERE') };

  const assigned = await bindAssignments(set, tableName, tableColumns, ctx);
  const values = isUpdate ? tableColumns.map((c) => assigned.get(c.name) ?? ref(c)) : [];
  const valueColumns: PlanColumn[] = values.map((v, i) => ({ id: binder.ctx.newColumnId(), name: tableColumns[i]!.name, type: tableColumns[i]!.type, nullable: true }));
  const keys = [fileColumn, positionColumn];
  plan = { kind: 'project', input: plan, exprs: [...keys.map(ref), ...values], columns: [...keys, ...valueColumns] };
  if (!isUpdate && from.length > 0) plan = { kind: 'distinct', input: plan };
  return {
    plan, columns: [...keys, ...valueColumns], fileColumn, positionColumn,
    clauses: [{ action: isUpdate ? 'update' : 'delete', predicate: lit(true, T.boolean), newRow: valueColumns.map(ref) }],
  };
}
