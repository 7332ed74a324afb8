/**
 * `explainLogical`: the logical plan as an indented tree, one node per line,
 * columns shown as `name#id` so rewrites can be followed by id. `EXPLAIN`
 * prints it; `EXPLAIN VERBOSE` prints it after every rule (optimize's trace).
 *
 *   Project [n_name#12, revenue#40 := sum#39]
 *     Aggregate group=[n_name#12] aggs=[sum(mul(...)) AS sum#39]
 *       Join inner on (c_custkey#1 = o_custkey#9)
 */
import { formatValue, isInterval, isNarrowDecimal, typeName, type DataType } from '../../core/index.ts';
import type { ScanPredicate } from '../../core/index.ts';
import type { LiteralValue } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import { children, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import { formatFrame } from '../logical/window-function.ts';
import { nodeExprs, visitSubqueries } from './plan-utils.ts';

const INFIX: Readonly<Record<string, string>> = {
  eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=', add: '+', subtract: '-', multiply: '*', divide: '/',
  modulo: '%', and: 'AND', or: 'OR', like: 'LIKE', not_like: 'NOT LIKE', ilike: 'ILIKE', not_ilike: 'NOT ILIKE',
  text_concat: '||', neq: '<>', lte: '<=', gte: '>=', sub: '-', mul: '*', div: '/', mod: '%',
};

/** Renders the plan as an indented tree (two spaces per level). */
export function explainLogical(plan: LogicalPlan): string {
  const lines: string[] = [];
  render(plan, 0, lines);
  return lines.join('\n');
}

function render(plan: LogicalPlan, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  lines.push(pad + describeNode(plan));
  const subqueries: LogicalPlan[] = [];
  for (const e of nodeExprs(plan)) visitSubqueries(e, (p) => subqueries.push(p));
  subqueries.forEach((p, i) => {
    lines.push(`${pad}  Subquery $${i + 1}:`);
    render(p, depth + 2, lines);
  });
  for (const k of children(plan)) render(k, depth + 1, lines);
}

/** One line describing a node (without its inputs). */
export function describeNode(plan: LogicalPlan): string {
  switch (plan.kind) {
    case 'scan': {
      let s = `Scan ${plan.tableName} [${plan.columns.map(colName).join(', ')}]`;
      if (plan.pushedPredicates.length > 0) {
        s += ` pushed=[${plan.pushedPredicates.map((p) => scanPredicate(p, plan.source.columns)).join(', ')}]`;
      }
      if (plan.rowEstimate !== undefined) s += ` rows=${plan.rowEstimate}`;
      return s;
    }
    case 'values': return `Values [${plan.columns.map(colName).join(', ')}] rows=${plan.rows.length}`;
    case 'filter': return `Filter ${exprToString(plan.predicate)}`;
    case 'project':
      return `Project [${plan.exprs.map((e, i) => {
        const c = plan.columns[i]!;
        return e.kind === 'column' && e.id === c.id ? colName(c) : `${colName(c)} := ${exprToString(e)}`;
      }).join(', ')}]`;
    case 'aggregate': {
      const aggs = plan.aggregates.map((a, i) => {
        const c = plan.columns[plan.groupBy.length + i]!;
        const args = a.args.map(exprToString).join(', ');
        const filter = a.filter ? ` FILTER (WHERE ${exprToString(a.filter)})` : '';
        return `${a.fn}(${a.distinct ? 'DISTINCT ' : ''}${args})${filter} AS ${colName(c)}`;
      });
      const keys = plan.groupBy.map((g, i) => {
        const c = plan.columns[i]!;
        return g.kind === 'column' && g.id === c.id ? colName(c) : `${colName(c)} := ${exprToString(g)}`;
      });
      return `Aggregate group=[${keys.join(', ')}] aggs=[${aggs.join(', ')}]`;
    }
    case 'join': {
      let s = `Join ${plan.joinType}`;
      if (plan.condition) s += ` on ${exprToString(plan.condition)}`;
      if (plan.markColumn) s += ` mark=${colName(plan.markColumn)}`;
      return s;
    }
    case 'sort': {
      const keys = plan.keys.map((k) => `${exprToString(k.expr)} ${k.ascending ? 'ASC' : 'DESC'}${k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST'}`);
      return `Sort [${keys.join(', ')}]${plan.fetch !== undefined ? ` fetch=${plan.fetch}` : ''}`;
    }
    case 'limit': return `Limit ${plan.limit ?? 'ALL'}${plan.offset > 0 ? ` offset ${plan.offset}` : ''}`;
    case 'set_operation':
      return `SetOperation ${plan.op}${plan.all ? ' all' : ''} [${plan.columns.map(colName).join(', ')}]`;
    case 'distinct': return 'Distinct';
    case 'cte_ref': return `CteRef ${plan.name} (cte ${plan.cteId}) [${plan.columns.map(colName).join(', ')}]`;
    case 'cte_anchor': return `CteAnchor ${plan.name} (cte ${plan.cteId})`;
    case 'single_row': return 'SingleRow';
    case 'empty': return `Empty [${plan.columns.map(colName).join(', ')}]`;
    case 'window': {
      const keys = plan.orderBy.map((k) => `${exprToString(k.expr)} ${k.ascending ? 'ASC' : 'DESC'}${k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST'}`);
      const fns = plan.functions.map((f, i) => `${f.fn}(${f.args.map(exprToString).join(', ')})${f.filter ? ` FILTER (WHERE ${exprToString(f.filter)})` : ''} ${formatFrame(f.frame, exprToString)} AS ${colName(plan.columns[i]!)}`);
      return `Window partition=[${plan.partitionBy.map(exprToString).join(', ')}] order=[${keys.join(', ')}] fns=[${fns.join(', ')}]`;
    }
    case 'unnest':
      return `Unnest [${plan.arrays.map(exprToString).join(', ')}]${plan.outer ? ' outer' : ''}${plan.ordinality ? ' with ordinality' : ''} AS [${plan.columns.map(colName).join(', ')}]`;
  }
}

function colName(c: { readonly id: number; readonly name: string }): string {
  return `${c.name}#${c.id}`;
}

/** An expression in SQL-like text (columns as `name#id`). */
export function exprToString(e: Expr): string {
  switch (e.kind) {
    case 'column': return colName(e);
    case 'literal': return literalToString(e.value, e.type);
    case 'call': {
      const op = INFIX[e.fn];
      if (op !== undefined && e.args.length >= 2) return `(${e.args.map(exprToString).join(` ${op} `)})`;
      if (e.fn === 'not' && e.args.length === 1) return `NOT ${exprToString(e.args[0]!)}`;
      if (e.fn === 'is_null') return `(${exprToString(e.args[0]!)} IS NULL)`;
      if (e.fn === 'is_not_null') return `(${exprToString(e.args[0]!)} IS NOT NULL)`;
      return `${e.fn}(${e.args.map(exprToString).join(', ')})`;
    }
    case 'cast': return `CAST(${exprToString(e.input)} AS ${typeName(e.type)})`;
    case 'case': {
      const whens = e.whens.map((w) => `WHEN ${exprToString(w.when)} THEN ${exprToString(w.then)}`).join(' ');
      return `CASE ${whens}${e.otherwise ? ` ELSE ${exprToString(e.otherwise)}` : ''} END`;
    }
    case 'in_list':
      return `${exprToString(e.input)} ${e.negated ? 'NOT IN' : 'IN'} (${e.list.map(exprToString).join(', ')})`;
    case 'subquery': {
      const outer = e.outerRefs.length > 0 ? ` outer=[${e.outerRefs.map((id) => `#${id}`).join(', ')}]` : '';
      if (e.subqueryKind === 'exists') return `${e.negated ? 'NOT ' : ''}EXISTS(subquery${outer})`;
      if (e.subqueryKind === 'in') return `${exprToString(e.input!)} ${e.negated ? 'NOT IN' : 'IN'} (subquery${outer})`;
      return `(scalar subquery${outer})`;
    }
  }
}

/** A literal in SQL-ish text: scaled decimals and day numbers shown as humans write them. */
export function literalToString(v: LiteralValue, type: DataType): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  if (typeof v === 'object' && !isInterval(v)) return `'${formatValue(v, type).replaceAll("'", "''")}'::${typeName(type)}`;
  if (typeof v === 'object') return `INTERVAL '${v.months} mons ${v.days} days ${v.micros} us'`;
  if (type.kind === 'decimal' && isNarrowDecimal(type) && typeof v === 'number') {
    return (v / 10 ** type.scale).toFixed(type.scale);
  }
  if (type.kind === 'decimal' && typeof v === 'bigint') {
    const neg = v < 0n;
    const digits = (neg ? -v : v).toString().padStart(type.scale + 1, '0');
    const int = digits.slice(0, digits.length - type.scale);
    const frac = digits.slice(digits.length - type.scale);
    return `${neg ? '-' : ''}${int}${type.scale > 0 ? '.' + frac : ''}`;
  }
  if (type.kind === 'date' && typeof v === 'number') {
    return `DATE '${new Date(v * 86_400_000).toISOString().slice(0, 10)}'`;
  }
  return String(v);
}

function scanPredicate(p: ScanPredicate, columns: readonly { readonly name: string; readonly type: DataType }[]): string {
  const c = columns[p.column];
  const name = c?.name ?? `$${p.column}`;
  const type: DataType = c?.type ?? { kind: 'null' };
  switch (p.kind) {
    case 'compare': return `${name} ${p.op} ${literalToString(p.value, type)}`;
    case 'in': return `${name} IN (${p.values.map((v) => literalToString(v, type)).join(', ')})`;
    case 'is_null': return `${name} IS ${p.negated ? 'NOT ' : ''}NULL`;
  }
}

/** Column list rendering reused by tests. */
export function columnsToString(cols: readonly PlanColumn[]): string {
  return cols.map(colName).join(', ');
}
