/**
 * Decorrelation: every subquery expression becomes a join, so physical
 * planning never sees a `SubqueryExpr`. Subquery plans are decorrelated
 * first (inside out), so nested subqueries such as TPC-H Q20's work.
 *
 * | shape (in a WHERE conjunct)          | becomes                                   |
 * |--------------------------------------|-------------------------------------------|
 * | EXISTS (q)  /  NOT EXISTS (q)        | semi / anti join on the correlation preds |
 * | x IN (q)                             | semi join on x = q.col (+ correlation)    |
 * | x NOT IN (q)                         | anti_null_aware join, `x = q.col` first   |
 * | scalar (q), uncorrelated             | cross join with q (one row by construction)|
 * | scalar (q), correlated by equalities | left join with q grouped by the inner keys |
 * | EXISTS / IN under OR, NOT, CASE, …   | mark join; the mark column replaces it     |
 *
 * Correlation predicates that are not equalities (Q21's `l3.l_suppkey <>
 * l1.l_suppkey`) stay in the semi/anti join condition as residuals. In a
 * scalar aggregate they cannot pass the aggregate; there the aggregate reads
 * its input joined with the domain of the outer columns (their distinct
 * values, from a copy of the outer input) and groups by it.
 *
 * Scalar subqueries must return at most one row (21000 otherwise). When the
 * subquery is a global aggregate that holds by construction; otherwise the
 * value goes through the `single_value` aggregate, the runtime check: NULL on
 * no row, the value on one row, SQLSTATE 21000 on more.
 *
 * COUNT bug: a correlated `(SELECT count(*) … WHERE k = o.k)` must give 0,
 * not NULL, for an outer row without matches; the right side gets a constant
 * `matched` column and the value becomes
 * `CASE WHEN matched IS NULL THEN <value over no rows> ELSE <value> END`.
 *
 * A mark join's mark column holds the value of the predicate it replaces:
 * for EXISTS true/false; for `x IN (q)` SQL's three-valued answer (NULL when
 * nothing matched but `x` or some `q.col` is NULL). For anti_null_aware and
 * mark joins built from IN, the first conjunct of the condition is the IN
 * equality; the others are correlation conditions.
 */
import { T } from '../../core/index.ts';
import { LochError, SqlState } from '../../core/index.ts';
import type { ColumnId, Expr, SubqueryExpr } from '../expr.ts';
import { outputColumns, type Aggregate, type Join, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { correlationPair, pullCorrelated, type DomainProvider, type PulledSubquery } from './correlation-pullup.ts';
import { copyWithFreshIds } from './copy-plan.ts';
import {
  collectColumns, conjoin, containsSubquery, eqExpr, isNullExpr, mapExpr, notExpr, onlyReferences, splitConjuncts, substitute,
} from './expr-utils.ts';
import { STRICT_FUNCTIONS } from './null-rejection.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { inlineSingleRowSubquery } from './inline-single-row.ts';
import { colRef, isReproducible, mapNodeExprs, nodeExprs, outputIds, transformUp } from './plan-utils.ts';

/** Turns subquery expressions into semi, anti, mark, cross and left joins. */
export const decorrelation: OptimizerRule = {
  name: 'decorrelation',
  rewrite(plan: LogicalPlan, ctx: PlanContext): LogicalPlan {
    return decorrelatePlan(plan, ctx);
  },
};

function decorrelatePlan(plan: LogicalPlan, ctx: PlanContext): LogicalPlan {
  return transformUp(plan, (node) => {
    const inner = mapNodeExprs(node, (e) => mapExpr(e, (x) => {
      if (x.kind !== 'subquery') return x;
      const p = decorrelatePlan(x.plan, ctx);
      const sub = p === x.plan ? x : { ...x, plan: p };
      return inlineSingleRowSubquery(sub) ?? sub;
    }));
    switch (inner.kind) {
      case 'filter':
        return containsSubquery(inner.predicate) ? rewriteFilter(inner, ctx) : inner;
      case 'project': {
        if (!inner.exprs.some(containsSubquery)) return inner;
        const state = { plan: inner.input };
        const exprs = inner.exprs.map((e) => (containsSubquery(e) ? replaceSubqueries(e, state, ctx) : e));
        return { ...inner, input: state.plan, exprs };
      }
      case 'join': {
        if (inner.condition === null || !containsSubquery(inner.condition)) return inner;
        if (inner.joinType !== 'inner' && inner.joinType !== 'cross') return outerJoinSubqueries(inner, ctx);
        // An inner join's ON condition is a WHERE over the cross product: decorrelate it as a filter.
        const conj = splitConjuncts(inner.condition);
        const keep = conjoin(conj.filter((e) => !containsSubquery(e)));
        const join: LogicalPlan = { ...inner, joinType: keep ? 'inner' : 'cross', condition: keep };
        return rewriteFilter({ kind: 'filter', input: join, predicate: conjoin(conj.filter(containsSubquery))! }, ctx);
      }
      case 'aggregate':
        return nodeExprs(inner).some(containsSubquery) ? aggregateSubqueries(inner, ctx) : inner;
      default:
        if (nodeExprs(inner).some(containsSubquery)) {
          throw new LochError(SqlState.featureNotSupported, `subqueries are not supported in this position (${inner.kind} node)`);
        }
        return inner;
    }
  });
}

/**
 * Subqueries in an aggregate's arguments or group keys (`sum(x + (SELECT max(v) FROM s))`):
 * each becomes a column of a projection below the aggregate, decorrelated there as in a
 * select list, and the aggregate reads the column.
 */
function aggregateSubqueries(agg: Aggregate, ctx: PlanContext): LogicalPlan {
  const inputCols = outputColumns(agg.input);
  const lifted: Expr[] = [];
  const liftedCols: PlanColumn[] = [];
  const node = mapNodeExprs(agg, (e) => mapExpr(e, (x) => {
    if (x.kind !== 'subquery') return x;
    const column: PlanColumn = { id: ctx.newColumnId(), name: 'subquery', type: x.type, nullable: true };
    lifted.push(x);
    liftedCols.push(column);
    return colRef(column);
  })) as Aggregate;
  const state = { plan: agg.input };
  const values = lifted.map((e) => replaceSubqueries(e, state, ctx));
  const input: LogicalPlan = { kind: 'project', input: state.plan, exprs: [...inputCols.map(colRef), ...values], columns: [...inputCols, ...liftedCols] };
  return { ...node, input };
}

/**
 * Subqueries in the ON condition of an outer (or semi/anti) join: each one
 * reads the columns of one side only (and outer ones), so it is computed as a
 * column of that side, one value per row, and the condition reads the column:
 * `l LEFT JOIN r ON r.i = (SELECT … WHERE s.i = l.i)` computes the subquery
 * over `l`. A subquery reading both sides is not supported (0A000).
 */
function outerJoinSubqueries(join: Join, ctx: PlanContext): LogicalPlan {
  const leftIds = outputIds(join.left);
  const rightIds = outputIds(join.right);
  const sides = { left: join.left, right: join.right };
  const condition = mapExpr(join.condition!, (x) => {
    if (x.kind !== 'subquery') return x;
    const refs = [...x.outerRefs, ...(x.input ? collectColumns(x.input, new Set()) : [])];
    const side = refs.every((id) => !rightIds.has(id)) ? 'left' : refs.every((id) => !leftIds.has(id)) ? 'right' : null;
    if (side === null) {
      throw new LochError(SqlState.featureNotSupported, `a subquery in the ON condition of a ${join.joinType} join that reads both sides is not supported`);
    }
    const cols = outputColumns(sides[side]);
    const state = { plan: sides[side] };
    const value = replaceSubqueries(x, state, ctx);
    const column: PlanColumn = { id: ctx.newColumnId(), name: 'subquery', type: x.type, nullable: true };
    sides[side] = { kind: 'project', input: state.plan, exprs: [...cols.map(colRef), value], columns: [...cols, column] };
    return colRef(column);
  });
  const out: LogicalPlan = { ...join, left: sides.left, right: sides.right, condition };
  const columns = outputColumns(join);
  return { kind: 'project', input: out, exprs: columns.map(colRef), columns };
}

function rewriteFilter(f: LogicalPlan & { kind: 'filter' }, ctx: PlanContext): LogicalPlan {
  const inputCols = outputColumns(f.input);
  const conj = splitConjuncts(f.predicate).flatMap(filterCase);
  const plain = conjoin(conj.filter((c) => !containsSubquery(c)));
  const state = { plan: plain ? { kind: 'filter', input: f.input, predicate: plain } as LogicalPlan : f.input };
  const remaining: Expr[] = [];
  for (const c of conj) {
    if (!containsSubquery(c)) continue;
    const top = topLevelSubquery(c);
    if (top && top.sub.subqueryKind !== 'scalar') state.plan = semiOrAntiJoin(state.plan, top.sub, top.negated, ctx);
    else remaining.push(replaceSubqueries(c, state, ctx));
  }
  let out = state.plan;
  const predicate = conjoin(remaining);
  if (predicate) out = { kind: 'filter', input: out, predicate };
  // Joins for scalar subqueries and marks add columns: restore the filter's output.
  const outCols = outputColumns(out);
  if (outCols.length !== inputCols.length || outCols.some((c, i) => c.id !== inputCols[i]!.id)) {
    out = { kind: 'project', input: out, exprs: inputCols.map(colRef), columns: inputCols };
  }
  return out;
}

/**
 * A filter keeps only rows where its conjunct is TRUE, so a CASE over boolean
 * constants (quantified comparisons, bind-quantified.ts) reduces to its arms:
 * `CASE WHEN c THEN true WHEN … THEN NULL/false ELSE NULL/false END` keeps the
 * rows where `c` holds; `CASE WHEN e1 THEN false WHEN e2 THEN NULL ELSE true END`
 * over EXISTS arms (never NULL) keeps those where neither holds. Each
 * subquery then becomes a semi/anti join instead of a mark join.
 */
function filterCase(e: Expr): Expr[] {
  if (e.kind !== 'case' || e.type.kind !== 'boolean') return [e];
  const constant = (x: Expr | null): boolean | null | undefined => (x === null ? null : x.kind === 'literal' ? (x.value as boolean | null) : undefined);
  const thens = e.whens.map((w) => constant(w.then));
  const otherwise = constant(e.otherwise);
  if (thens.some((t) => t === undefined) || otherwise === undefined) return [e];
  if (thens[0] === true && thens.slice(1).every((t) => t !== true) && otherwise !== true) return [e.whens[0]!.when];
  if (otherwise === true && thens.every((t) => t !== true) && e.whens.every((w) => w.when.kind === 'subquery' && w.when.subqueryKind === 'exists')) {
    return e.whens.map((w) => notExpr(w.when));
  }
  return [e];
}

/** `[NOT …] subquery` at the top of a conjunct, with the parity of the NOTs. */
function topLevelSubquery(e: Expr): { sub: SubqueryExpr; negated: boolean } | null {
  let negated = false;
  let cur = e;
  while (cur.kind === 'call' && cur.fn === 'not' && cur.args.length === 1) { negated = !negated; cur = cur.args[0]!; }
  if (cur.kind !== 'subquery') return null;
  return { sub: cur, negated: negated !== cur.negated };
}

function pullFor(sub: SubqueryExpr, allowGlobal: boolean, ctx: PlanContext, domain?: DomainProvider): PulledSubquery {
  const plan = sub.subqueryKind === 'scalar' ? sub.plan : stripForSemiJoin(sub.plan, sub.subqueryKind === 'exists');
  if (sub.outerRefs.length === 0) return { plan, predicates: [], globalAggregate: null };
  return pullCorrelated(plan, new Set(sub.outerRefs), allowGlobal, ctx, domain);
}

/** The distinct values of outer columns of `outer`, from a copy of it with fresh ids. */
function domainOf(outer: LogicalPlan, ctx: PlanContext): DomainProvider {
  return (ids) => {
    const available = outputIds(outer);
    if (!ids.every((id) => available.has(id)) || !isReproducible(outer)) return null;
    const copy = copyWithFreshIds(outer, ctx);
    const cols = new Map(outputColumns(copy.plan).map((c) => [c.id, c]));
    const keys = ids.map((id) => cols.get(copy.ids.get(id)!)!);
    const plan: Aggregate = { kind: 'aggregate', input: copy.plan, groupBy: keys.map(colRef), aggregates: [], columns: keys };
    return { plan, columns: new Map(ids.map((id, i) => [id, keys[i]!])) };
  };
}

/**
 * What a semi/mark join ignores at the top of its subquery: ORDER BY and
 * DISTINCT (only whether a match exists counts), and for EXISTS the select
 * list and a `LIMIT n ≥ 1` without OFFSET. Removing them lets correlation be pulled up.
 */
function stripForSemiJoin(plan: LogicalPlan, exists: boolean): LogicalPlan {
  let p = plan;
  for (;;) {
    if (p.kind === 'sort' || p.kind === 'distinct') p = p.input;
    else if (exists && p.kind === 'project') p = p.input; // EXISTS ignores the select list (outer references in it too)
    else if (exists && p.kind === 'limit' && p.offset === 0 && (p.limit === null || p.limit >= 1)) p = p.input;
    else if (exists && p.kind === 'limit' && p.limit === 0) return { kind: 'empty', columns: outputColumns(p) }; // never a row
    else return p;
  }
}

function semiOrAntiJoin(left: LogicalPlan, sub: SubqueryExpr, negated: boolean, ctx: PlanContext): LogicalPlan {
  const valueCol = outputColumns(sub.plan)[0];
  const pulled = pullFor(sub, false, ctx, domainOf(left, ctx));
  const conds: Expr[] = [];
  if (sub.subqueryKind === 'in') conds.push(eqExpr(sub.input!, colRef(valueCol!)));
  conds.push(...pulled.predicates);
  const joinType = sub.subqueryKind === 'in' ? (negated ? 'anti_null_aware' : 'semi') : (negated ? 'anti' : 'semi');
  return { kind: 'join', joinType, left, right: pulled.plan, condition: conjoin(conds) };
}

/** Replaces every subquery inside `e` by a column of a join added on top of `state.plan`. */
function replaceSubqueries(e: Expr, state: { plan: LogicalPlan }, ctx: PlanContext): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'subquery') return x;
    if (x.subqueryKind === 'scalar') return scalarJoin(x, state, ctx);
    return markJoin(x, state, ctx);
  });
}

function markJoin(sub: SubqueryExpr, state: { plan: LogicalPlan }, ctx: PlanContext): Expr {
  const pulled = pullFor(sub, false, ctx, domainOf(state.plan, ctx));
  const conds: Expr[] = [];
  if (sub.subqueryKind === 'in') conds.push(eqExpr(sub.input!, colRef(outputColumns(sub.plan)[0]!)));
  conds.push(...pulled.predicates);
  const markColumn: PlanColumn = { id: ctx.newColumnId(), name: sub.subqueryKind === 'in' ? 'in_mark' : 'exists_mark', type: T.boolean, nullable: sub.subqueryKind === 'in' };
  const join: Join = { kind: 'join', joinType: 'mark', left: state.plan, right: pulled.plan, condition: conjoin(conds), markColumn };
  state.plan = join;
  const ref = colRef(markColumn);
  return sub.negated ? notExpr(ref) : ref;
}

function scalarJoin(sub: SubqueryExpr, state: { plan: LogicalPlan }, ctx: PlanContext): Expr {
  const valueCol = outputColumns(sub.plan)[0]!;
  const pulled = pullFor(sub, true, ctx, domainOf(state.plan, ctx));
  const outer = new Set(sub.outerRefs);
  if (pulled.predicates.length === 0) {
    let right = pulled.plan;
    let value: Expr = colRef(valueCol);
    if (!returnsOneRow(right)) {
      const one = singleValue(right, [], valueCol, ctx);
      right = one.plan;
      value = one.value;
    }
    state.plan = { kind: 'join', joinType: 'cross', left: state.plan, right, condition: null };
    return value;
  }
  const innerKeys: ColumnId[] = [];
  for (const p of pulled.predicates) {
    if (onlyReferences(p, outer)) continue;
    const pair = correlationPair(p, outer);
    if (pair === null) {
      throw new LochError(SqlState.featureNotSupported, 'correlated scalar subquery: only equality correlation with outer columns is supported');
    }
    for (const id of collectColumns(pair.inner, new Set())) if (!innerKeys.includes(id)) innerKeys.push(id);
  }
  let right = pulled.plan;
  let value: Expr = colRef(valueCol);
  if (pulled.globalAggregate) {
    const empty = valueOverNoRows(right, valueCol.id, pulled.globalAggregate);
    if (empty !== null) {
      // A constant column of the right side tells matched rows from NULL-extended ones.
      const marker: PlanColumn = { id: ctx.newColumnId(), name: 'matched', type: T.boolean, nullable: true };
      const cols = outputColumns(right);
      right = { kind: 'project', input: right, exprs: [...cols.map(colRef), { kind: 'literal', value: true, type: T.boolean }], columns: [...cols, marker] };
      value = { kind: 'case', whens: [{ when: isNullExpr(colRef(marker)), then: empty }], otherwise: value, type: value.type };
    }
    state.plan = { kind: 'join', joinType: 'left', left: state.plan, right, condition: conjoin(pulled.predicates) };
    return value;
  }
  const lazy = outerOnlyDomain(pulled.predicates, outer, right, state.plan, ctx);
  const one = singleValue(lazy?.plan ?? right, [...innerKeys, ...(lazy?.keys ?? [])], valueCol, ctx);
  state.plan = { kind: 'join', joinType: 'left', left: state.plan, right: one.plan, condition: conjoin(lazy?.condition ?? pulled.predicates) };
  return one.value;
}

/**
 * Conjuncts that read only outer columns (`WHERE t1.x = 5` in a subquery over t2) decide per outer row
 * whether the subquery has any row. The at-most-one-row check must then be per outer value, not over
 * the whole inner side (2 rows of t2 are no error for outer rows with x <> 5): the inner side is
 * joined with the domain of those outer columns filtered by the conjuncts, grouped by the domain too,
 * and joined back on the domain (NULL matching NULL). Null when there are no such conjuncts or no domain.
 */
function outerOnlyDomain(
  predicates: readonly Expr[], outer: ReadonlySet<ColumnId>, right: LogicalPlan, outerPlan: LogicalPlan, ctx: PlanContext,
): { plan: LogicalPlan; keys: ColumnId[]; condition: Expr[] } | null {
  const outerOnly = predicates.filter((p) => onlyReferences(p, outer));
  if (outerOnly.length === 0) return null;
  const ids = [...new Set(outerOnly.flatMap((p) => [...collectColumns(p, new Set())]))];
  const domain = domainOf(outerPlan, ctx)(ids);
  if (domain === null) return null;
  const toDomain = new Map<ColumnId, Expr>(ids.map((id) => [id, colRef(domain.columns.get(id)!)]));
  const plan: LogicalPlan = {
    kind: 'filter',
    input: { kind: 'join', joinType: 'cross', left: domain.plan, right, condition: null },
    predicate: conjoin(outerOnly.map((p) => substitute(p, toDomain)))!,
  };
  const outerCols = new Map(outputColumns(outerPlan).map((c) => [c.id, c]));
  const same = ids.map((id): Expr => {
    const o = colRef(outerCols.get(id)!), d = toDomain.get(id)!;
    return { kind: 'call', fn: 'or', args: [eqExpr(o, d), { kind: 'call', fn: 'and', args: [isNullExpr(o), isNullExpr(d)], type: T.boolean }], type: T.boolean };
  });
  return { plan, keys: ids.map((id) => domain.columns.get(id)!.id), condition: [...predicates.filter((p) => !outerOnly.includes(p)), ...same] };
}

/** True when the plan yields exactly one row whatever its input (a global aggregate under projections). */
function returnsOneRow(plan: LogicalPlan): boolean {
  if (plan.kind === 'project') return returnsOneRow(plan.input);
  if (plan.kind === 'aggregate') return plan.groupBy.length === 0;
  return plan.kind === 'single_row';
}

/** Wraps `plan` in `single_value(value)` grouped by `keys` (kept under their ids): the at-most-one-row check. */
function singleValue(plan: LogicalPlan, keys: readonly ColumnId[], valueCol: PlanColumn, ctx: PlanContext): { plan: Aggregate; value: Expr } {
  const cols = outputColumns(plan);
  const keyCols = keys.map((id) => cols.find((c) => c.id === id)!);
  const out: PlanColumn = { id: ctx.newColumnId(), name: valueCol.name, type: valueCol.type, nullable: true };
  const agg: Aggregate = {
    kind: 'aggregate', input: plan, groupBy: keyCols.map(colRef),
    aggregates: [{ fn: 'single_value', args: [colRef(valueCol)], distinct: false, filter: null, type: valueCol.type }],
    columns: [...keyCols, out],
  };
  return { plan: agg, value: colRef(out) };
}

/** Aggregates whose value over no rows is 0 rather than NULL. */
const ZERO_ON_EMPTY = new Set(['count', 'count_star', 'regr_count', 'approx_count_distinct', 'count_if']);

/**
 * The scalar subquery's value when its global aggregate sees no rows (count,
 * regr_count, approx_count_distinct → 0, other aggregates → NULL), or null when
 * that value is certainly NULL (then the left join's NULL is already right).
 */
function valueOverNoRows(plan: LogicalPlan, valueId: ColumnId, agg: Aggregate): Expr | null {
  let expr: Expr = { kind: 'column', id: valueId, name: 'value', type: T.null };
  let node = plan;
  while (node !== agg) {
    // e.g. HAVING: taken as NULL (right when it drops the empty group; HAVING count(*) = 0 is not)
    if (node.kind !== 'project') return null;
    const map = new Map<ColumnId, Expr>();
    node.columns.forEach((c, i) => map.set(c.id, (node as typeof node & { kind: 'project' }).exprs[i]!));
    expr = substitute(expr, map);
    node = node.input;
  }
  const map = new Map<ColumnId, Expr>();
  agg.aggregates.forEach((a, i) => {
    const zero = ZERO_ON_EMPTY.has(a.fn);
    map.set(agg.columns[agg.groupBy.length + i]!.id, { kind: 'literal', value: zero ? (a.type.kind === 'int64' ? 0n : 0) : null, type: a.type });
  });
  const out = substitute(expr, map);
  return certainlyNull(out) ? null : out;
}

function certainlyNull(e: Expr): boolean {
  switch (e.kind) {
    case 'literal': return e.value === null;
    case 'cast': return certainlyNull(e.input);
    case 'call': return STRICT_FUNCTIONS.has(e.fn) && e.args.some(certainlyNull);
    default: return false;
  }
}
