/**
 * MERGE INTO, bound as one join: the target's live rows (with their file and
 * row position) against the source (with a presence marker), joined on the ON
 * condition — inner, left, right or full depending on which WHEN kinds appear.
 * Each WHEN clause becomes a predicate over the join's output (which kind of
 * row it is, AND its own condition) plus, for UPDATE and INSERT, the new row in
 * table column order. The coordinator evaluates the clauses in order.
 */
import { LochError, SqlState, T, closestName, typeName, type SourceColumn, type TableScanner } from '../../core/index.ts';
import { call, lit, type ColumnId, type Expr } from '../expr.ts';
import { castExpr } from '../functions/index.ts';
import type { JoinType, LogicalPlan, PlanColumn } from '../logical/logical-plan.ts';
import type { AstExpr, FromItem, MergeClause } from '../sql/ast.ts';
import { bindExpr, toBoolean, type ExprBindContext } from './bind-expr.ts';
import { bindFromItem } from './bind-from.ts';
import type { QueryBinder } from './bind-query.ts';
import { Scope } from './scope.ts';

/** Hidden columns the target scanner appends: the file index and the physical row position. */
export const MERGE_FILE_COLUMN = '__loch_merge_file';
export const MERGE_POSITION_COLUMN = '__loch_merge_pos';
const SOURCE_MARKER = '__loch_merge_source';

export interface BoundMergeClause {
  readonly action: MergeClause['action']['kind'];
  /** TRUE for the rows this clause applies to (before earlier clauses take theirs). */
  readonly predicate: Expr;
  /** UPDATE/INSERT: the new row, one expression per table column. */
  readonly newRow: readonly Expr[];
}

export interface BoundMerge {
  readonly plan: LogicalPlan;
  /** The plan's output columns, in order (the layout of its batches). */
  readonly columns: readonly PlanColumn[];
  readonly fileColumn: PlanColumn;
  readonly positionColumn: PlanColumn;
  readonly clauses: readonly BoundMergeClause[];
}

function ref(c: PlanColumn): Expr {
  return { kind: 'column', id: c.id, name: c.name, type: c.type };
}

function assign(target: PlanColumn, value: Expr, location: number): Expr {
  if (value.type.kind === 'null') return lit(null, target.type);
  try {
    return castExpr(value, target.type, true);
  } catch (e) {
    if (e instanceof LochError && e.sqlState === '42846') {
      throw new LochError(SqlState.datatypeMismatch, `column "${target.name}" is of type ${typeName(target.type)} but expression is of type ${typeName(value.type)}`, location >= 0 ? { position: location + 1 } : {});
    }
    throw e;
  }
}

export async function bindMerge(
  binder: QueryBinder, tableName: string, alias: string | null, table: readonly SourceColumn[], targetScanner: TableScanner,
  source: FromItem, on: AstExpr, clauses: readonly MergeClause[],
): Promise<BoundMerge> {
  const { qualifier, target, targetColumns, tableColumns, fileColumn, positionColumn, hidden } = await bindMergeTarget(binder, tableName, alias, table, targetScanner);

  const sourceScope = new Scope(null);
  const boundSource = await bindFromItem(binder, source, sourceScope, sourceScope);
  const sourceColumns = boundSource.relations.flatMap((r) => r.columns);
  const marker: PlanColumn = { id: binder.ctx.newColumnId(), name: SOURCE_MARKER, type: T.boolean, nullable: true };
  const sourcePlan: LogicalPlan = {
    kind: 'project', input: boundSource.plan,
    exprs: [...sourceColumns.map(ref), lit(true, T.boolean)], columns: [...sourceColumns, marker],
  };

  const scope = new Scope(null);
  scope.addRelation({ qualifier, columns: targetColumns, hidden });
  for (const r of boundSource.relations) scope.addRelation(r);
  const ctx = binder.exprContext(scope, null, 'MERGE');
  const condition = toBoolean(await bindExpr(on, ctx), 'MERGE … ON');

  const kinds = new Set(clauses.map((c) => c.match));
  const joinType: JoinType = kinds.has('not_matched') && kinds.has('not_matched_by_source') ? 'full'
    : kinds.has('not_matched') ? 'right' : kinds.has('not_matched_by_source') ? 'left' : 'inner';
  const join: LogicalPlan = { kind: 'join', joinType, left: target.plan, right: sourcePlan, condition };
  const columns = [...targetColumns, ...sourceColumns, marker].map((c) => ({ ...c, nullable: true }));
  const plan: LogicalPlan = { kind: 'project', input: join, exprs: columns.map(ref), columns };

  const present = (c: PlanColumn) => call('is_not_null', [ref(c)], T.boolean);
  const absent = (c: PlanColumn) => call('is_null', [ref(c)], T.boolean);
  const bound: BoundMergeClause[] = [];
  for (const clause of clauses) {
    const kind = clause.match === 'matched' ? call('and', [present(fileColumn), present(marker)], T.boolean)
      : clause.match === 'not_matched' ? absent(fileColumn) : absent(marker);
    const extra = clause.condition ? toBoolean(await bindExpr(clause.condition, ctx), 'WHEN … AND') : null;
    const predicate = extra ? call('and', [kind, extra], T.boolean) : kind;
    const action = clause.action;
    let newRow: Expr[] = [];
    if (action.kind === 'update') {
      if (clause.match === 'not_matched') throw new LochError(SqlState.syntaxError, 'WHEN NOT MATCHED clauses can only INSERT');
      const assigned = await bindAssignments(action.set, tableName, tableColumns, ctx);
      newRow = tableColumns.map((c) => assigned.get(c.name) ?? ref(c));
    } else if (action.kind === 'insert') {
      if (clause.match !== 'not_matched') throw new LochError(SqlState.syntaxError, 'only WHEN NOT MATCHED clauses can INSERT');
      const names = action.columns.length > 0 ? action.columns : tableColumns.map((c) => c.name).slice(0, action.values.length);
      if (names.length !== action.values.length) {
        throw new LochError(SqlState.syntaxError, `INSERT in MERGE has ${action.values.length} values for ${names.length} columns`);
      }
      const values = new Map<string, Expr>();
      for (let i = 0; i < names.length; i++) {
        const col = tableColumns.find((c) => c.name === names[i]);
        if (!col) throw unknownColumn(names[i]!, tableName, tableColumns, -1);
        values.set(col.name, assign(col, await bindExpr(action.values[i]!, ctx), action.values[i]!.location));
      }
      newRow = tableColumns.map((c) => values.get(c.name) ?? lit(null, c.type));
    } else if (clause.match === 'not_matched' && action.kind === 'delete') {
      throw new LochError(SqlState.syntaxError, 'WHEN NOT MATCHED clauses can only INSERT');
    }
    bound.push({ action: action.kind, predicate, newRow });
  }
  return { plan, columns, fileColumn, positionColumn, clauses: bound };
}

/** The MERGE target as bound: its scan with the hidden file/position columns that identify each row. */
export interface MergeTarget {
  readonly qualifier: string;
  readonly target: { readonly plan: LogicalPlan };
  /** The table's columns, then the file and position columns. */
  readonly targetColumns: readonly PlanColumn[];
  readonly tableColumns: readonly PlanColumn[];
  readonly fileColumn: PlanColumn;
  readonly positionColumn: PlanColumn;
  readonly hidden: ReadonlySet<ColumnId>;
}

/** Binds the scan of a MERGE (or query-driven UPDATE/DELETE) target over `targetScanner`. */
export async function bindMergeTarget(
  binder: QueryBinder, tableName: string, alias: string | null, table: readonly SourceColumn[], targetScanner: TableScanner,
): Promise<MergeTarget> {
  const qualifier = alias ?? tableName;
  const target = await binder.scanOf(tableName, targetScanner, null, qualifier, -1);
  const targetColumns = target.relations[0]!.columns;
  const fileColumn = targetColumns[table.length]!;
  const positionColumn = targetColumns[table.length + 1]!;
  return {
    qualifier, target, targetColumns, tableColumns: targetColumns.slice(0, table.length), fileColumn, positionColumn,
    hidden: new Set<ColumnId>([fileColumn.id, positionColumn.id]),
  };
}

/** Binds `SET column = expr, …` against the target's columns: each value cast to its column's type (42703, 42601, 42804). */
export async function bindAssignments(
  set: readonly { readonly column: string; readonly expr: AstExpr; readonly location: number }[], tableName: string,
  tableColumns: readonly PlanColumn[], ctx: ExprBindContext,
): Promise<Map<string, Expr>> {
  const assigned = new Map<string, Expr>();
  for (const s of set) {
    const col = tableColumns.find((c) => c.name === s.column);
    if (!col) throw unknownColumn(s.column, tableName, tableColumns, s.location);
    if (assigned.has(s.column)) throw new LochError(SqlState.syntaxError, `multiple assignments to same column "${s.column}"`, { position: s.location + 1 });
    assigned.set(s.column, assign(col, await bindExpr(s.expr, ctx), s.location));
  }
  return assigned;
}

function unknownColumn(name: string, table: string, columns: readonly PlanColumn[], location: number): LochError {
  const suggestion = closestName(name, columns.map((c) => c.name));
  return new LochError(SqlState.undefinedColumn, `column "${name}" of relation "${table}" does not exist`, {
    ...(location >= 0 ? { position: location + 1 } : {}), ...(suggestion ? { hint: `Perhaps you meant "${suggestion}".` } : {}),
  });
}
