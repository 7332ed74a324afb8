/**
 * Compact SQL-like rendering of bound expressions for physical EXPLAIN
 * (`l_quantity < 24`, `sum(l_extendedprice * (1 - l_discount))`).
 */
import { isInterval, typeName } from '../../core/index.ts';
import type { AggregateCall, Expr, Literal } from '../expr.ts';

const INFIX: Readonly<Record<string, string>> = {
  eq: '=', neq: '<>', ne: '<>', lt: '<', lte: '<=', le: '<=', gt: '>', gte: '>=', ge: '>=',
  add: '+', subtract: '-', sub: '-', multiply: '*', mul: '*', divide: '/', div: '/', modulo: '%', mod: '%',
  and: 'AND', or: 'OR', concat: '||', like: 'LIKE', not_like: 'NOT LIKE', ilike: 'ILIKE',
};

function formatLiteral(l: Literal): string {
  const v = l.value;
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  if (isInterval(v)) return `INTERVAL '${v.months} mons ${v.days} days ${v.micros} us'`;
  if (l.type.kind === 'decimal' && l.type.scale > 0) {
    const s = typeof v === 'bigint' ? v.toString() : String(Math.trunc(Number(v)));
    const neg = s.startsWith('-');
    const digits = (neg ? s.slice(1) : s).padStart(l.type.scale + 1, '0');
    return `${neg ? '-' : ''}${digits.slice(0, -l.type.scale)}.${digits.slice(-l.type.scale)}`;
  }
  if (l.type.kind === 'date' && typeof v === 'number') return `DATE '${new Date(v * 86400000).toISOString().slice(0, 10)}'`;
  return String(v);
}

/** Renders an expression for EXPLAIN. */
export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'column': return e.name;
    case 'literal': return formatLiteral(e);
    case 'cast': return `CAST(${formatExpr(e.input)} AS ${typeName(e.type)})`;
    case 'call': {
      const op = INFIX[e.fn];
      if (op && e.args.length === 2) return `${wrap(e.args[0]!)} ${op} ${wrap(e.args[1]!)}`;
      if (e.fn === 'not' && e.args.length === 1) return `NOT ${wrap(e.args[0]!)}`;
      if (e.fn === 'is_null' && e.args.length === 1) return `${wrap(e.args[0]!)} IS NULL`;
      if (e.fn === 'is_not_null' && e.args.length === 1) return `${wrap(e.args[0]!)} IS NOT NULL`;
      return `${e.fn}(${e.args.map(formatExpr).join(', ')})`;
    }
    case 'case': {
      const whens = e.whens.map((w) => `WHEN ${formatExpr(w.when)} THEN ${formatExpr(w.then)}`).join(' ');
      return `CASE ${whens}${e.otherwise ? ` ELSE ${formatExpr(e.otherwise)}` : ''} END`;
    }
    case 'in_list':
      return `${wrap(e.input)} ${e.negated ? 'NOT IN' : 'IN'} (${e.list.map(formatExpr).join(', ')})`;
    case 'subquery':
      return `(${e.subqueryKind} subquery)`;
  }
}

function wrap(e: Expr): string {
  const s = formatExpr(e);
  return e.kind === 'call' && INFIX[e.fn] && e.args.length === 2 ? `(${s})` : s;
}

/** Renders an aggregate call, e.g. `count(DISTINCT x) FILTER (WHERE y > 1)`. */
export function formatAggregate(a: AggregateCall): string {
  const args = a.fn === 'count_star' ? '*' : a.args.map(formatExpr).join(', ');
  const name = a.fn === 'count_star' ? 'count' : a.fn;
  return `${name}(${a.distinct ? 'DISTINCT ' : ''}${args})${a.filter ? ` FILTER (WHERE ${formatExpr(a.filter)})` : ''}`;
}
