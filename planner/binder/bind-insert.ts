/**
 * INSERT's query, shaped to the target table: columns in table order, each
 * cast to the column's type with PostgreSQL's assignment rules, and NULL for
 * columns the statement does not name.
 */
import { LochError, SqlState, closestName, typeName, type SourceColumn } from '../../core/index.ts';
import { lit, type Expr } from '../expr.ts';
import { castExpr } from '../functions/index.ts';
import type { LogicalPlan, PlanColumn } from '../logical/logical-plan.ts';
import type { Query } from '../sql/ast.ts';
import type { BoundQuery, QueryBinder } from './bind-query.ts';

export async function bindInsert(
  binder: QueryBinder, query: Query, tableName: string, target: readonly SourceColumn[], named: readonly string[],
  /** Column DEFAULT expressions (column-defaults.ts) for the columns the statement leaves out. */
  defaults?: ReadonlyMap<string, Expr>,
): Promise<BoundQuery> {
  const bound = await binder.bindQuery(query, null);
  const targetNames = target.map((c) => c.name);
  // Without a column list PostgreSQL fills the first N columns and defaults the rest.
  const listed = named.length > 0 ? named : targetNames.slice(0, Math.max(bound.columns.length, 0));
  const seen = new Set<string>();
  for (const n of listed) {
    if (!targetNames.includes(n)) {
      const suggestion = closestName(n, targetNames);
      throw new LochError(SqlState.undefinedColumn, `column "${n}" of relation "${tableName}" does not exist`, suggestion ? { hint: `Perhaps you meant "${suggestion}".` } : {});
    }
    if (seen.has(n)) throw new LochError(SqlState.duplicateColumn, `column "${n}" specified more than once`);
    seen.add(n);
  }
  if (named.length === 0 && bound.columns.length > targetNames.length) throw new LochError(SqlState.syntaxError, 'INSERT has more expressions than target columns');
  if (bound.columns.length > listed.length) throw new LochError(SqlState.syntaxError, 'INSERT has more expressions than target columns');
  if (bound.columns.length < listed.length) throw new LochError(SqlState.syntaxError, 'INSERT has more target columns than expressions');
  const exprs: Expr[] = target.map((t) => {
    const i = listed.indexOf(t.name);
    if (i < 0) return defaults?.get(t.name) ?? lit(null, t.type);
    const c = bound.columns[i]!;
    try {
      return castExpr({ kind: 'column', id: c.id, name: c.name, type: c.type }, t.type, true);
    } catch (e) {
      if (e instanceof LochError && e.sqlState === '42846') {
        throw new LochError(SqlState.datatypeMismatch, `column "${t.name}" is of type ${typeName(t.type)} but expression is of type ${typeName(c.type)}`, { hint: 'You will need to rewrite or cast the expression.' });
      }
      throw e;
    }
  });
  const columns: PlanColumn[] = target.map((t) => ({ id: binder.ctx.newColumnId(), name: t.name, type: t.type, nullable: t.nullable }));
  const plan: LogicalPlan = { kind: 'project', input: bound.plan, exprs, columns };
  return { plan, columns };
}
