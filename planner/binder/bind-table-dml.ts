/**
 * Expressions of DELETE and UPDATE, bound against the one table they change:
 * the WHERE predicate and the new value of every column (the SET expression
 * cast to the column's type, or the column itself). Subqueries are not
 * supported in them yet (0A000).
 */
import { LochError, SqlState, closestName, typeName, type SourceColumn } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import { castExpr } from '../functions/index.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';
import type { AstExpr } from '../sql/ast.ts';
import { bindExpr, toBoolean } from './bind-expr.ts';
import type { QueryBinder } from './bind-query.ts';
import { Scope } from './scope.ts';

export interface BoundTableDml {
  /** Column i of the table, as the expressions reference it. */
  readonly columns: readonly PlanColumn[];
  readonly where: Expr | null;
  /** New value of every column (UPDATE); empty for DELETE. */
  readonly newValues: readonly Expr[];
}

function rejectSubqueries(e: Expr, clause: string): void {
  const visit = (x: Expr): void => {
    switch (x.kind) {
      case 'subquery': throw new LochError(SqlState.featureNotSupported, `subqueries in ${clause} are not supported yet`);
      case 'call': x.args.forEach(visit); break;
      case 'cast': visit(x.input); break;
      case 'case': x.whens.forEach((w) => { visit(w.when); visit(w.then); }); if (x.otherwise) visit(x.otherwise); break;
      case 'in_list': visit(x.input); x.list.forEach(visit); break;
      default: break;
    }
  };
  visit(e);
}

export async function bindTableDml(
  binder: QueryBinder, tableName: string, alias: string | null, table: readonly SourceColumn[],
  where: AstExpr | null, set: readonly { column: string; expr: AstExpr; location: number }[],
): Promise<BoundTableDml> {
  const columns: PlanColumn[] = table.map((c) => ({ id: binder.ctx.newColumnId(), name: c.name, type: c.type, nullable: c.nullable, qualifier: alias ?? tableName }));
  const scope = new Scope(null);
  scope.addRelation({ qualifier: alias ?? tableName, columns });
  const ctx = binder.exprContext(scope, null, set.length > 0 ? 'UPDATE' : 'DELETE');
  let predicate: Expr | null = null;
  if (where) {
    predicate = toBoolean(await bindExpr(where, ctx), 'WHERE');
    rejectSubqueries(predicate, 'WHERE of DELETE/UPDATE');
  }
  const newValues: Expr[] = [];
  if (set.length > 0) {
    const assigned = new Map<string, Expr>();
    for (const s of set) {
      const target = columns.find((c) => c.name === s.column);
      if (!target) {
        const suggestion = closestName(s.column, columns.map((c) => c.name));
        throw new LochError(SqlState.undefinedColumn, `column "${s.column}" of relation "${tableName}" does not exist`, { position: s.location + 1, ...(suggestion ? { hint: `Perhaps you meant "${suggestion}".` } : {}) });
      }
      if (assigned.has(s.column)) throw new LochError(SqlState.syntaxError, `multiple assignments to same column "${s.column}"`, { position: s.location + 1 });
      const value = await bindExpr(s.expr, ctx);
      rejectSubqueries(value, 'SET');
      let cast: Expr;
      try {
        cast = value.type.kind === 'null' ? { kind: 'literal', value: null, type: target.type } : castExpr(value, target.type, true);
      } catch (e) {
        if (e instanceof LochError && e.sqlState === '42846') {
          throw new LochError(SqlState.datatypeMismatch, `column "${target.name}" is of type ${typeName(target.type)} but expression is of type ${typeName(value.type)}`, { position: s.location + 1 });
        }
        throw e;
      }
      assigned.set(s.column, cast);
    }
    for (const c of columns) newValues.push(assigned.get(c.name) ?? { kind: 'column', id: c.id, name: c.name, type: c.type });
  }
  return { columns, where: predicate, newValues };
}
