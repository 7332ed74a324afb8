/**
 * Pulls correlated predicates out of a subquery plan, the first step of
 * decorrelation. A predicate is correlated when it reads an outer column
 * (`SubqueryExpr.outerRefs`). After the pull-up the subquery reads no outer
 * column; the pulled predicates become the condition of the join that
 * replaces the subquery.
 *
 *   Project [x]                           Project [x, l_partkey]
 *     Aggregate [] avg(q)        ──►        Aggregate [l_partkey] avg(q)
 *       Filter l_partkey = p_partkey          Scan lineitem
 *         Scan lineitem                  pulled: l_partkey = p_partkey
 *
 * - Filters give up their correlated conjuncts.
 * - Projections pass the inner columns the pulled predicates read through.
 * - Inner/cross joins give up correlated conjuncts of either side and of
 *   their condition; other joins only of their preserved (left) side.
 * - Aggregates: only equality correlations `inner = outer` pass; the inner
 *   side becomes an extra group key (the "magic" unnesting rewrite). Over a
 *   global aggregate this is only valid for scalar subqueries, whose join
 *   then restores the value of an aggregate over no rows (COUNT bug).
 */
import { windowCallExprs } from '../logical/window-function.ts';
import { isNarrowDecimal, LochError, SqlState, T, type DataType, type LiteralValue } from '../../core/index.ts';
import type { ColumnId, Expr } from '../expr.ts';
import { outputColumns, type Aggregate, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { collectColumns, columnsOf, conjoin, eqExpr, onlyReferences, referencesAny, splitConjuncts, substitute } from './expr-utils.ts';
import { colRef, outputIds } from './plan-utils.ts';

/** Result of pulling correlated predicates out of a subquery. */
export interface PulledSubquery {
  readonly plan: LogicalPlan;
  readonly predicates: readonly Expr[];
  /** The global aggregate (now grouped by correlation keys) the predicates passed, if any. */
  readonly globalAggregate: Aggregate | null;
}

/**
 * Supplies the distinct values of some outer columns as a plan (the "domain"
 * of the correlation), with the column standing for each outer id; null when
 * it cannot. Used when a non-equality correlation meets an aggregate.
 */
export type DomainProvider = (outerIds: readonly ColumnId[]) => { readonly plan: LogicalPlan; readonly columns: ReadonlyMap<ColumnId, PlanColumn> } | null;

/** A correlation equality split into its inner and outer sides. */
export interface CorrelationPair {
  readonly inner: Expr;
  readonly outer: Expr;
}

/** `inner = outer` with one side reading only subquery columns and the other only outer ones; else null. */
export function correlationPair(pred: Expr, outer: ReadonlySet<ColumnId>): CorrelationPair | null {
  if (pred.kind !== 'call' || pred.fn !== 'eq' || pred.args.length !== 2) return null;
  const [a, b] = pred.args as [Expr, Expr];
  const aOuter = onlyReferences(a, outer) && columnsOf(a).size > 0;
  const bOuter = onlyReferences(b, outer) && columnsOf(b).size > 0;
  if (!referencesAny(a, outer) && bOuter) return { inner: a, outer: b };
  if (!referencesAny(b, outer) && aOuter) return { inner: b, outer: a };
  return null;
}

/**
 * Pulls the correlated predicates out of `plan`. `allowGlobalAggregate` is
 * true for scalar subqueries only. Throws 0A000 when correlation remains in a
 * place this rewrite cannot reach.
 */
export function pullCorrelated(
  plan: LogicalPlan, outer: ReadonlySet<ColumnId>, allowGlobalAggregate: boolean, ctx: PlanContext, domain?: DomainProvider,
): PulledSubquery {
  const state: PullState = { globalAggregate: null, domain };
  const pulled = pull(plan, outer, allowGlobalAggregate, ctx, state);
  const leftover = firstOuterReference(pulled.plan, outer);
  if (leftover !== null) {
    throw new LochError(SqlState.featureNotSupported, `correlated subquery: the reference to outer column #${leftover} in ${leftover === -1 ? 'a nested subquery' : 'this position'} cannot be decorrelated`);
  }
  return { plan: pulled.plan, predicates: pulled.preds, globalAggregate: state.globalAggregate };
}

interface Pulled { plan: LogicalPlan; preds: Expr[] }

interface PullState {
  globalAggregate: Aggregate | null;
  readonly domain: DomainProvider | undefined;
}

function pull(plan: LogicalPlan, outer: ReadonlySet<ColumnId>, allowGlobal: boolean, ctx: PlanContext, state: PullState): Pulled {
  const recurse = (p: LogicalPlan): Pulled => pull(p, outer, allowGlobal, ctx, state);
  switch (plan.kind) {
    case 'filter': {
      const r = recurse(plan.input);
      const conj = splitConjuncts(plan.predicate);
      const corr = conj.filter((e) => referencesAny(e, outer));
      if (corr.length === 0 && r.plan === plan.input) return { plan, preds: r.preds };
      const rest = conjoin(conj.filter((e) => !referencesAny(e, outer)));
      return { plan: rest ? { ...plan, input: r.plan, predicate: rest } : r.plan, preds: [...r.preds, ...corr] };
    }
    case 'project': {
      const r = recurse(plan.input);
      if (r.preds.length === 0) return r.plan === plan.input ? { plan, preds: [] } : { plan: { ...plan, input: r.plan }, preds: [] };
      return { plan: passThrough({ ...plan, input: r.plan }, r.preds, outer), preds: r.preds };
    }
    case 'sort': {
      const r = recurse(plan.input);
      return { plan: r.plan === plan.input ? plan : { ...plan, input: r.plan }, preds: r.preds };
    }
    case 'join': {
      const both = plan.joinType === 'inner' || plan.joinType === 'cross';
      // Filtering the left input above the join is only equivalent when the left side is preserved as is.
      if (plan.joinType === 'right' || plan.joinType === 'full') return { plan, preds: [] };
      const l = recurse(plan.left);
      const r = both ? recurse(plan.right) : { plan: plan.right, preds: [] };
      const conj = plan.condition && both ? splitConjuncts(plan.condition) : [];
      const corr = conj.filter((e) => referencesAny(e, outer));
      if (l.plan === plan.left && r.plan === plan.right && corr.length === 0) return { plan, preds: [...l.preds, ...r.preds] };
      const condition = both ? conjoin(conj.filter((e) => !referencesAny(e, outer))) : plan.condition;
      const joinType = both ? (condition ? 'inner' : 'cross') : plan.joinType;
      return { plan: { ...plan, joinType, left: l.plan, right: r.plan, condition }, preds: [...l.preds, ...r.preds, ...corr] };
    }
    case 'aggregate': {
      const r = recurse(plan.input);
      if (r.preds.length === 0) return r.plan === plan.input ? { plan, preds: [] } : { plan: { ...plan, input: r.plan }, preds: [] };
      if (plan.groupBy.length === 0 && !allowGlobal) {
        throw new LochError(SqlState.featureNotSupported, 'correlated EXISTS/IN subquery over an aggregate without GROUP BY is not supported');
      }
      return pullThroughAggregate({ ...plan, input: r.plan }, r.preds, outer, ctx, state);
    }
    case 'unnest': {
      // Passes every input column through (the pulled predicates read them); arrays over outer columns read the domain.
      const r = recurse(plan.input);
      const { passThrough: _all, ...node } = plan;
      const outerIds: ColumnId[] = [];
      for (const e of plan.arrays) for (const id of columnsOf(e)) if (outer.has(id) && !outerIds.includes(id)) outerIds.push(id);
      if (outerIds.length === 0) return r.plan === plan.input && r.preds.length === 0 ? { plan, preds: [] } : { plan: { ...node, input: r.plan }, preds: r.preds };
      const d = state.domain?.(outerIds) ?? null;
      if (d === null) return { plan, preds: [] };
      const toDomain = new Map<ColumnId, Expr>();
      for (const id of outerIds) toDomain.set(id, colRef(d.columns.get(id)!));
      const input: LogicalPlan = { kind: 'join', joinType: 'cross', left: r.plan, right: d.plan, condition: null };
      const up: Expr[] = [...r.preds];
      for (const id of outerIds) {
        const c = d.columns.get(id)!;
        up.push(...nullSafeEquality(colRef(c), { kind: 'column', id, name: c.name, type: c.type }, c.nullable));
      }
      return { plan: { ...node, input, arrays: plan.arrays.map((e) => substitute(e, toDomain)) }, preds: up };
    }
    default:
      return { plan, preds: [] };
  }
}

/** Adds pass-through columns to a projection for the inner columns the pulled predicates read. */
function passThrough(plan: LogicalPlan & { kind: 'project' }, preds: readonly Expr[], outer: ReadonlySet<ColumnId>): LogicalPlan {
  const need = new Set<ColumnId>();
  for (const p of preds) collectColumns(p, need);
  const have = new Set(plan.columns.map((c) => c.id));
  const inputCols = outputColumns(plan.input);
  const exprs = [...plan.exprs];
  const columns = [...plan.columns];
  for (const c of inputCols) {
    if (need.has(c.id) && !outer.has(c.id) && !have.has(c.id)) {
      exprs.push(colRef(c));
      columns.push(c);
    }
  }
  return { ...plan, exprs, columns };
}

function pullThroughAggregate(
  agg: Aggregate, preds: readonly Expr[], outer: ReadonlySet<ColumnId>, ctx: PlanContext, state: PullState,
): Pulled {
  const inputIds0 = outputIds(agg.input);
  const simple = preds.every((p) => {
    if (onlyReferences(p, outer)) return true;
    const pair = correlationPair(p, outer);
    return pair !== null && onlyReferences(pair.inner, inputIds0);
  });
  if (!simple && state.domain) return pullThroughAggregateWithDomain(agg, preds, outer, state, state.domain);
  const groupBy = [...agg.groupBy];
  const keyCols: PlanColumn[] = agg.columns.slice(0, agg.groupBy.length);
  const rewritten: Expr[] = [];
  const inputIds = outputIds(agg.input);
  for (const p of preds) {
    if (onlyReferences(p, outer)) { rewritten.push(p); continue; }
    const pair = correlationPair(p, outer);
    if (pair === null || !onlyReferences(pair.inner, inputIds)) {
      throw new LochError(SqlState.featureNotSupported, 'correlated subquery: only equality correlation can pass an aggregate');
    }
    // The inner side becomes a group key; a plain column keeps its id so the predicate stays valid.
    const existing = groupBy.findIndex((g) => g.kind === 'column' && pair.inner.kind === 'column' && g.id === pair.inner.id);
    let keyId: ColumnId;
    if (existing >= 0) keyId = keyCols[existing]!.id;
    else {
      keyId = pair.inner.kind === 'column' && !keyCols.some((k) => k.id === (pair.inner as { id: number }).id)
        ? pair.inner.id : ctx.newColumnId();
      groupBy.push(pair.inner);
      keyCols.push({ id: keyId, name: pair.inner.kind === 'column' ? pair.inner.name : 'corr_key', type: pair.inner.type, nullable: true });
    }
    rewritten.push(pair.inner.kind === 'column' && pair.inner.id === keyId ? p : replaceInner(p, pair, keyId));
  }
  const columns = [...keyCols, ...agg.columns.slice(agg.groupBy.length)];
  const out: Aggregate = { ...agg, groupBy, columns };
  if (agg.groupBy.length === 0) state.globalAggregate = out;
  return { plan: out, preds: rewritten };
}

/**
 * General unnesting for correlation an equality cannot carry (`u.y > t.x`):
 * the aggregate reads its input joined with the domain D of the outer columns
 * (their distinct values), applies the correlated predicates there with D's
 * columns for the outer ones, and groups by D as well. What passes up is
 * `D.c = outer.c` for each outer column, an ordinary equality correlation,
 * made NULL-safe (an outer NULL must find the group computed for NULL).
 */
function pullThroughAggregateWithDomain(
  agg: Aggregate, preds: readonly Expr[], outer: ReadonlySet<ColumnId>, state: PullState, domain: DomainProvider,
): Pulled {
  const outerIds: ColumnId[] = [];
  for (const p of preds) for (const id of columnsOf(p)) if (outer.has(id) && !outerIds.includes(id)) outerIds.push(id);
  const d = domain(outerIds);
  if (d === null) throw new LochError(SqlState.featureNotSupported, 'correlated subquery: non-equality correlation through an aggregate is not supported here');
  const toDomain = new Map<ColumnId, Expr>();
  for (const id of outerIds) toDomain.set(id, colRef(d.columns.get(id)!));
  const input: LogicalPlan = {
    kind: 'filter',
    input: { kind: 'join', joinType: 'cross', left: agg.input, right: d.plan, condition: null },
    predicate: conjoin(preds.map((p) => substitute(p, toDomain)))!,
  };
  const dCols = outerIds.map((id) => d.columns.get(id)!);
  const nGroups = agg.groupBy.length;
  const out: Aggregate = {
    ...agg, input,
    groupBy: [...agg.groupBy, ...dCols.map(colRef)],
    columns: [...agg.columns.slice(0, nGroups), ...dCols, ...agg.columns.slice(nGroups)],
  };
  if (nGroups === 0) state.globalAggregate = out;
  const up: Expr[] = [];
  for (const id of outerIds) {
    const c = d.columns.get(id)!;
    up.push(...nullSafeEquality(colRef(c), { kind: 'column', id, name: c.name, type: c.type }, c.nullable));
  }
  return { plan: out, preds: up };
}

/**
 * `a IS NOT DISTINCT FROM b` as hashable equalities:
 * `coalesce(a, s) = coalesce(b, s) AND (a IS NULL) = (b IS NULL)` for a
 * sentinel `s` of the type; a plain `a = b` when the column cannot be NULL.
 */
function nullSafeEquality(a: Expr, b: Expr, nullable: boolean): Expr[] {
  const sentinel = sentinelOf(a.type);
  if (!nullable || sentinel === null) return [eqExpr(a, b)];
  const coalesce = (e: Expr): Expr => ({ kind: 'call', fn: 'coalesce', args: [e, { kind: 'literal', value: sentinel, type: e.type }], type: e.type });
  const isNull = (e: Expr): Expr => ({ kind: 'call', fn: 'is_null', args: [e], type: T.boolean });
  return [eqExpr(coalesce(a), coalesce(b)), eqExpr(isNull(a), isNull(b))];
}

function sentinelOf(type: DataType): LiteralValue | null {
  switch (type.kind) {
    case 'boolean': return false;
    case 'int16': case 'int32': case 'float32': case 'float64': case 'date': return 0;
    case 'int64': case 'timestamp': case 'timestamptz': case 'time': return 0n;
    case 'decimal': return isNarrowDecimal(type) ? 0 : 0n;
    case 'text': return '';
    default: return null;
  }
}

function replaceInner(p: Expr, pair: CorrelationPair, keyId: ColumnId): Expr {
  const key: Expr = { kind: 'column', id: keyId, name: pair.inner.kind === 'column' ? pair.inner.name : 'corr_key', type: pair.inner.type };
  return { kind: 'call', fn: 'eq', args: [key, pair.outer], type: p.type };
}

/** The first outer column still read anywhere in `plan` (nested subqueries included), or null. */
export function firstOuterReference(plan: LogicalPlan, outer: ReadonlySet<ColumnId>): ColumnId | null {
  const stack: LogicalPlan[] = [plan];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const exprs: Expr[] = [];
    switch (node.kind) {
      case 'filter': exprs.push(node.predicate); break;
      case 'project': exprs.push(...node.exprs); break;
      case 'join': if (node.condition) exprs.push(node.condition); break;
      case 'aggregate':
        exprs.push(...node.groupBy);
        for (const a of node.aggregates) { exprs.push(...a.args); if (a.filter) exprs.push(a.filter); }
        break;
      case 'sort': exprs.push(...node.keys.map((k) => k.expr)); break;
      case 'window': exprs.push(...node.partitionBy, ...node.orderBy.map((k) => k.expr), ...node.functions.flatMap(windowCallExprs)); break;
      case 'values': for (const r of node.rows) exprs.push(...r); break;
      case 'unnest': exprs.push(...node.arrays); break;
      default: break;
    }
    for (const e of exprs) for (const id of columnsOf(e)) if (outer.has(id)) return id;
    switch (node.kind) {
      case 'filter': case 'project': case 'aggregate': case 'sort': case 'limit': case 'distinct': case 'window': case 'unnest': stack.push(node.input); break;
      case 'join': case 'set_operation': stack.push(node.left, node.right); break;
      case 'cte_anchor': stack.push(node.definition, node.input); break;
      default: break;
    }
  }
  return null;
}
