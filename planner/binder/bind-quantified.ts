/**
 * Quantified comparisons with a subquery: `x op ANY (q)`, `x op ALL (q)` for
 * any comparison operator, and row forms `(a, b) IN (SELECT x, y …)`,
 * `ROW(a, b) < ANY (…)` (PostgreSQL's semantics; `x = ANY (q)` with one
 * column stays the IN subquery that decorrelation turns into a semi/mark join).
 *
 * With P the comparison of the left operand with one row of q (rows compare
 * lexicographically for < <= > >=, element-wise for = and <>), SQL's
 * three-valued answer is
 *   ANY: CASE WHEN EXISTS (q WHERE P) THEN true  WHEN EXISTS (q WHERE P IS NULL) THEN NULL ELSE false END
 *   ALL: CASE WHEN EXISTS (q WHERE NOT P) THEN false WHEN EXISTS (q WHERE P IS NULL) THEN NULL ELSE true END
 * The left operand's columns become outer references of the EXISTS subqueries,
 * so the usual decorrelation applies (P becomes the join condition). In a WHERE
 * conjunct the NULL arm is dropped again (decorrelation.ts), leaving one join.
 */
import { LochError, SqlState, T } from '../../core/index.ts';
import type { ColumnId, Expr } from '../expr.ts';
import { resolveOperator } from '../functions/index.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { AstExpr } from '../sql/ast.ts';
import { andExpr, collectColumns, isNullExpr, notExpr, orExpr } from '../optimizer/expr-utils.ts';
import type { BoundSubquery, ExprBindContext } from './bind-expr.ts';

type SubqueryAst = Extract<AstExpr, { kind: 'subquery' }>;

const TRUE: Expr = { kind: 'literal', value: true, type: T.boolean };
const FALSE: Expr = { kind: 'literal', value: false, type: T.boolean };
const NULL: Expr = { kind: 'literal', value: null, type: T.boolean };

/** True when the subquery expression needs this file rather than the single-column IN path. */
export function isQuantified(ast: SubqueryAst, columns: number): boolean {
  if (ast.subqueryKind === 'any' || ast.subqueryKind === 'all') return true;
  return ast.subqueryKind === 'in' && (columns !== 1 || ast.expr?.kind === 'row');
}

/** Binds a quantified comparison; `first` is the subquery already bound once. */
export async function bindQuantified(
  ast: SubqueryAst, first: BoundSubquery, ctx: ExprBindContext,
  bindExpr: (e: AstExpr, c: ExprBindContext) => Promise<Expr>,
): Promise<Expr> {
  const position = { position: ast.location + 1 };
  const leftAsts = ast.expr!.kind === 'row' ? ast.expr!.args : [ast.expr!];
  const left: Expr[] = [];
  for (const a of leftAsts) left.push(await bindExpr(a, ctx));
  if (left.length !== first.columns.length) {
    throw new LochError(SqlState.syntaxError, `subquery has too ${first.columns.length > left.length ? 'many' : 'few'} columns`, position);
  }
  const op = ast.op ?? '=';
  const all = ast.subqueryKind === 'all';
  const outer = new Set<ColumnId>();
  for (const e of left) collectColumns(e, outer);
  const compare = (q: BoundSubquery): Expr => {
    const right: Expr[] = q.columns.map((c) => ({ kind: 'column', id: c.id, name: c.name, type: c.type }));
    try {
      return rowComparison(op, left, right);
    } catch (e) {
      if (e instanceof LochError && e.position === undefined) throw new LochError(e.sqlState, e.message, { ...position, hint: e.hint, detail: e.detail });
      throw e;
    }
  };
  const exists = (q: BoundSubquery, predicate: Expr): Expr => {
    const plan: LogicalPlan = { kind: 'filter', input: q.plan, predicate };
    const outerRefs = [...new Set([...q.outerRefs, ...outer])];
    return { kind: 'subquery', subqueryKind: 'exists', plan, input: null, negated: false, outerRefs, type: T.boolean };
  };
  const p1 = compare(first);
  const decided = exists(first, all ? notExpr(p1) : p1);
  const second = await ctx.bindSubquery(ast.query, ctx.scope); // fresh column ids for the second join
  const unknown = exists(second, isNullExpr(compare(second)));
  return {
    kind: 'case',
    whens: [{ when: decided, then: all ? FALSE : TRUE }, { when: unknown, then: NULL }],
    otherwise: all ? TRUE : FALSE,
    type: T.boolean,
  };
}

/** `(l1, …) op (r1, …)` as PostgreSQL compares rows; one pair is a plain comparison. */
function rowComparison(op: string, left: readonly Expr[], right: readonly Expr[]): Expr {
  const pair = (o: string, i: number): Expr => {
    const e = resolveOperator(o, [left[i]!, right[i]!]);
    if (e.type.kind !== 'boolean') throw new LochError(SqlState.datatypeMismatch, `operator ${o} of a quantified comparison must return boolean`);
    return e;
  };
  if (left.length === 1) return pair(op, 0);
  switch (op) {
    case '=': return left.slice(1).reduce((acc, _l, i) => andExpr(acc, pair('=', i + 1)), pair('=', 0));
    case '<>': case '!=': return left.slice(1).reduce((acc, _l, i) => orExpr(acc, pair('<>', i + 1)), pair('<>', 0));
    case '<': case '<=': case '>': case '>=': {
      // lexicographic: the first pair that is not equal decides; NULL there gives NULL
      const strict = op[0]!;
      let acc = pair(op, left.length - 1);
      for (let i = left.length - 2; i >= 0; i--) acc = orExpr(pair(strict, i), andExpr(pair('=', i), acc));
      return acc;
    }
    default:
      throw new LochError(SqlState.featureNotSupported, `operator ${op} is not supported for row comparisons with a subquery`);
  }
}
