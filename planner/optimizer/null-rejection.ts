/**
 * Null rejection: whether a predicate can be true on a row whose columns from
 * one side of an outer join are all NULL. Outer-join simplification (a WHERE
 * conjunct that rejects the NULL-extended rows turns a left join inner) and
 * the COUNT-bug check of decorrelation rely on it.
 */
import type { ColumnId, Expr } from '../expr.ts';

/**
 * Functions that return NULL whenever any argument is NULL. A predicate built
 * from them over a column is false-or-NULL when that column is NULL, which is
 * what outer-join simplification needs.
 */
export const STRICT_FUNCTIONS: ReadonlySet<string> = new Set([
  'eq', 'ne', 'neq', 'lt', 'le', 'lte', 'gt', 'ge', 'gte', 'not',
  'add', 'subtract', 'multiply', 'divide', 'modulo', 'negate', 'sub', 'mul', 'div', 'mod', 'neg', 'text_concat',
  'like', 'not_like', 'ilike', 'not_ilike', 'substring', 'upper', 'lower', 'length', 'abs',
  'extract', 'date_part', 'concat_op', 'trim', 'btrim', 'ltrim', 'rtrim', 'round', 'floor', 'ceil',
  'starts_with', 'position', 'strpos',
]);

/**
 * True when `pred` cannot be true if all the columns in `ids` are NULL —
 * i.e. a filter with this predicate drops the NULL-extended rows of an outer
 * join whose null-supplying side outputs `ids`.
 */
export function rejectsNulls(pred: Expr, ids: ReadonlySet<ColumnId>): boolean {
  if (pred.kind === 'call') {
    if (pred.fn === 'and') return pred.args.some((a) => rejectsNulls(a, ids));
    if (pred.fn === 'or') return pred.args.every((a) => rejectsNulls(a, ids));
    if (pred.fn === 'is_not_null') return strictlyDependsOn(pred.args[0]!, ids);
    if (STRICT_FUNCTIONS.has(pred.fn)) return pred.args.some((a) => strictlyDependsOn(a, ids));
    return false;
  }
  if (pred.kind === 'in_list') return strictlyDependsOn(pred.input, ids);
  return strictlyDependsOn(pred, ids);
}

/** True when `e` is NULL whenever the columns in `ids` are NULL (a strict path to one of them). */
function strictlyDependsOn(e: Expr, ids: ReadonlySet<ColumnId>): boolean {
  switch (e.kind) {
    case 'column': return ids.has(e.id);
    case 'cast': return strictlyDependsOn(e.input, ids);
    case 'call': return STRICT_FUNCTIONS.has(e.fn) && e.args.some((a) => strictlyDependsOn(a, ids));
    default: return false;
  }
}
