/**
 * A structural key for bound expressions, so the binder can recognise a GROUP
 * BY expression inside the select list (`extract(year from o_orderdate)`).
 */
import type { Expr } from '../expr.ts';

export function exprKey(e: Expr): string {
  switch (e.kind) {
    case 'column': return `#${e.id}`;
    case 'literal': return `lit(${typeof e.value === 'bigint' ? `${e.value}n` : JSON.stringify(e.value)}:${JSON.stringify(e.type)})`;
    case 'call': return `${e.fn}(${e.args.map(exprKey).join(',')})`;
    case 'cast': return `cast(${exprKey(e.input)}:${JSON.stringify(e.type)})`;
    case 'case': return `case(${e.whens.map((w) => `${exprKey(w.when)}→${exprKey(w.then)}`).join(';')};${e.otherwise ? exprKey(e.otherwise) : ''})`;
    case 'in_list': return `in(${exprKey(e.input)};${e.list.map(exprKey).join(',')};${e.negated})`;
    case 'subquery': return `subquery@${Math.random()}`; // never equal: subqueries are not grouping keys
  }
}
