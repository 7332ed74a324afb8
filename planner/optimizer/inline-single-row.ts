/**
 * A subquery without FROM — projections and filters over the one-row input,
 * `(SELECT t1.b + t1.c)`, `EXISTS (SELECT 1 WHERE t1.d < 100)` — is an
 * expression of the outer row; it is inlined instead of joined, so outer
 * references anywhere in it need no decorrelation:
 *
 *   scalar  (SELECT e WHERE c)        →  CASE WHEN c THEN e END
 *   EXISTS  (SELECT … WHERE c)        →  CASE WHEN c THEN true ELSE false END
 *   x IN    (SELECT e WHERE c)        →  CASE WHEN c THEN x = e ELSE false END
 */
import { T } from '../../core/index.ts';
import type { ColumnId, Expr, SubqueryExpr } from '../expr.ts';
import { outputColumns, type LogicalPlan } from '../logical/logical-plan.ts';
import { conjoin, eqExpr, isVolatile, notExpr, substitute } from './expr-utils.ts';
import { nodeExprs, visitPlan } from './plan-utils.ts';

interface OneRow { readonly values: ReadonlyMap<ColumnId, Expr>; readonly conditions: readonly Expr[] }

/** What the plan computes, when it is a chain of projections and filters over the single row (else null). */
function oneRow(plan: LogicalPlan): OneRow | null {
  switch (plan.kind) {
    case 'single_row': return { values: new Map(), conditions: [] };
    case 'project': {
      const r = oneRow(plan.input);
      if (!r) return null;
      const values = new Map<ColumnId, Expr>();
      plan.columns.forEach((c, i) => values.set(c.id, substitute(plan.exprs[i]!, r.values)));
      return { values, conditions: r.conditions };
    }
    case 'filter': {
      const r = oneRow(plan.input);
      return r ? { values: r.values, conditions: [...r.conditions, substitute(plan.predicate, r.values)] } : null;
    }
    case 'sort': case 'distinct': return oneRow(plan.input);
    case 'limit': return plan.offset === 0 && (plan.limit === null || plan.limit >= 1) ? oneRow(plan.input) : null;
    default: return null;
  }
}

const TRUE: Expr = { kind: 'literal', value: true, type: T.boolean };
const FALSE: Expr = { kind: 'literal', value: false, type: T.boolean };

/** The subquery as an expression of the outer row, or null when it reads a table. */
export function inlineSingleRowSubquery(sub: SubqueryExpr): Expr | null {
  // an uncorrelated `(SELECT random())` is computed once for the query, not once per outer row
  if (sub.outerRefs.length === 0 && hasVolatile(sub.plan)) return null;
  const r = oneRow(sub.plan);
  if (!r) return null;
  const condition = conjoin(r.conditions);
  const first = outputColumns(sub.plan)[0];
  const value = first ? r.values.get(first.id) : undefined;
  let out: Expr;
  if (sub.subqueryKind === 'exists') {
    out = condition ? { kind: 'case', whens: [{ when: condition, then: TRUE }], otherwise: FALSE, type: T.boolean } : TRUE;
  } else {
    if (!value) return null;
    const result = sub.subqueryKind === 'in' ? eqExpr(sub.input!, value) : value;
    out = condition
      ? { kind: 'case', whens: [{ when: condition, then: result }], otherwise: sub.subqueryKind === 'in' ? FALSE : { kind: 'literal', value: null, type: sub.type }, type: result.type }
      : result;
  }
  return sub.negated ? notExpr(out) : out;
}

function hasVolatile(plan: LogicalPlan): boolean {
  let found = false;
  visitPlan(plan, (n) => { if (nodeExprs(n).some(isVolatile)) found = true; });
  return found;
}
