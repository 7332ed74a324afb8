/**
 * `unnest` over column arguments (PostgreSQL semantics), bound into the logical
 * Unnest node:
 *
 *   SELECT id, unnest(arr) FROM t                 select-list set-returning function:
 *     → Project(id, x) ← Unnest[arr → x] ← …       one row per element, several unnests zipped
 *   FROM t, LATERAL unnest(t.arr) WITH ORDINALITY AS u(x, n)
 *     → Unnest[t.arr → x, n] ← t                   (a function in FROM is implicitly lateral)
 *
 * The select-list form sits above aggregation and windows (as PostgreSQL's
 * ProjectSet), so `unnest(array_agg(x))` works. Constant `unnest(ARRAY[…])` in
 * FROM stays a table function (unnest-table-function.ts).
 */
import { LochError, SqlState, T, typeName, type DataType } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import type { LogicalPlan, PlanColumn } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import type { Alias } from '../sql/ast.ts';

/** The element type of an unnest argument; 42883 for a non-array (PostgreSQL: function unnest(integer) does not exist). */
export function unnestElementType(args: readonly Expr[], location: number): readonly DataType[] {
  if (args.length === 0 || args.some((a) => a.type.kind !== 'array')) {
    throw new LochError(SqlState.undefinedFunction, `function unnest(${args.map((a) => (a.type.kind === 'null' ? 'unknown' : typeName(a.type))).join(', ')}) does not exist`, {
      position: location + 1, hint: 'unnest takes arrays.',
    });
  }
  return args.map((a) => (a.type.kind === 'array' ? a.type.element : a.type));
}

/** The select list's unnest calls: each becomes one zipped element column of one Unnest node. */
export class UnnestCollector {
  readonly arrays: Expr[] = [];
  readonly columns: PlanColumn[] = [];

  /** Registers `unnest(args)` (one argument in the select list, as in PostgreSQL); returns its element column. */
  add(args: readonly Expr[], location: number, ctx: PlanContext): Expr {
    const [type] = unnestElementType(args, location);
    if (args.length !== 1) {
      throw new LochError(SqlState.featureNotSupported, 'unnest with several arguments is only supported in FROM', { position: location + 1 });
    }
    const column: PlanColumn = { id: ctx.newColumnId(), name: 'unnest', type: type!, nullable: true };
    this.arrays.push(args[0]!);
    this.columns.push(column);
    return { kind: 'column', id: column.id, name: column.name, type: column.type };
  }
}

/** Puts the collected unnests above `plan` (their arrays rewritten like the select list, e.g. to aggregate columns). */
export function applyUnnest(plan: LogicalPlan, unnests: UnnestCollector, rewrite: (e: Expr) => Expr): LogicalPlan {
  if (unnests.arrays.length === 0) return plan;
  return { kind: 'unnest', input: plan, arrays: unnests.arrays.map(rewrite), ordinality: false, columns: unnests.columns };
}

/**
 * `unnest(args…) [WITH ORDINALITY] [AS alias(cols…)]` in FROM over earlier items' columns:
 * its element columns (named by the alias's column list; a single one takes the table
 * alias's name, as in PostgreSQL; else `unnest`) and the plan builder for the items before it.
 */
export function lateralUnnest(args: readonly Expr[], ordinality: boolean, alias: Alias | null, qualifier: string, location: number, ctx: PlanContext): {
  readonly columns: readonly PlanColumn[];
  apply(left: LogicalPlan, outer?: boolean): LogicalPlan;
} {
  const types = unnestElementType(args, location);
  const width = types.length + (ordinality ? 1 : 0);
  if (alias && alias.columns.length > width) {
    throw new LochError(SqlState.syntaxError, `table "${alias.name}" has ${width} columns available but ${alias.columns.length} columns specified`, { position: location + 1 });
  }
  const defaultName = alias && types.length === 1 ? alias.name : 'unnest';
  const columns: PlanColumn[] = types.map((type, i) => ({ id: ctx.newColumnId(), name: alias?.columns[i] ?? defaultName, type, nullable: true, qualifier }));
  if (ordinality) columns.push({ id: ctx.newColumnId(), name: alias?.columns[types.length] ?? 'ordinality', type: T.int64, nullable: true, qualifier });
  return {
    columns,
    apply: (left, outer) => ({ kind: 'unnest', input: left, arrays: args, ordinality, columns, ...(outer ? { outer: true } : {}) }),
  };
}
