/**
 * Semi-join reduction below grouped aggregates (a simple form of the "magic
 * set" rewrite). For an inner join
 *
 *   Join inner on (k = b.x AND …)
 *     Aggregate group=[k] …(X)          ← big input, e.g. lineitem grouped by l_partkey
 *     B                                 ← small, e.g. part filtered to one brand
 *
 * only groups whose key meets B survive the join, so the aggregate may read
 * `X ⋉ B'` (B' a copy of B with fresh ids) instead of X. TPC-H Q17, Q2 and
 * Q20 decorrelate into this shape; the reduction makes the aggregate read a
 * few thousand rows instead of all of lineitem or partsupp.
 *
 * Applied when B is estimated at most half the aggregate's input, and not
 * again when a semi join on the key already filters the input.
 */
import type { ColumnId, Expr } from '../expr.ts';
import { outputColumns, type Aggregate, type Join, type LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { conjoin, eqExpr, splitConjuncts } from './expr-utils.ts';
import { copyWithFreshIds } from './copy-plan.ts';
import { equiColumns, estimateRows } from './estimate-rows.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { isReproducible, outputIds, transformUp } from './plan-utils.ts';

/** Smallest ratio of aggregate input rows to filter rows at which the reduction is applied. */
const MIN_REDUCTION = 2;

/** Filters the input of a grouped aggregate by the other side of the inner join above it. */
export const semiJoinReduction: OptimizerRule = {
  name: 'semi_join_reduction',
  rewrite(plan: LogicalPlan, ctx: PlanContext): LogicalPlan {
    return transformUp(plan, (node) => {
      if (node.kind !== 'join' || node.joinType !== 'inner' || node.condition === null) return node;
      const left = reduceSide(node, 'left', ctx);
      if (left !== node) return left;
      return reduceSide(node, 'right', ctx);
    });
  },
};

function reduceSide(join: Join, side: 'left' | 'right', ctx: PlanContext): LogicalPlan {
  const aggSide = join[side];
  const other = side === 'left' ? join.right : join.left;
  const path = aggregateBelow(aggSide);
  if (path === null) return join;
  const agg = path.aggregate;
  // Group key output id → the input column it groups by (plain columns only).
  const keyInput = new Map<ColumnId, ColumnId>();
  agg.groupBy.forEach((g, i) => {
    if (g.kind === 'column' && path.visible.has(agg.columns[i]!.id)) keyInput.set(agg.columns[i]!.id, g.id);
  });
  const otherIds = outputIds(other);
  const pairs: [ColumnId, ColumnId][] = [];
  for (const c of splitConjuncts(join.condition!)) {
    const cols = equiColumns(c);
    if (cols === null) continue;
    const [a, b] = cols;
    if (keyInput.has(a) && otherIds.has(b)) pairs.push([keyInput.get(a)!, b]);
    else if (keyInput.has(b) && otherIds.has(a)) pairs.push([keyInput.get(b)!, a]);
  }
  if (pairs.length === 0 || alreadyReduced(agg.input, new Set(pairs.map((p) => p[0])))) return join;
  if (estimateRows(other) * MIN_REDUCTION > estimateRows(agg.input)) return join;
  if (!isReproducible(other)) return join;

  const copy = copyWithFreshIds(other, ctx);
  const inputCols = new Map(outputColumns(agg.input).map((c) => [c.id, c]));
  const copyCols = new Map(outputColumns(copy.plan).map((c) => [c.id, c]));
  const conds: Expr[] = pairs.map(([inner, outer]) => {
    const ic = inputCols.get(inner)!;
    const oc = copy.ids.get(outer)!;
    const otherCol = copyCols.get(oc)!;
    return eqExpr({ kind: 'column', id: ic.id, name: ic.name, type: ic.type }, { kind: 'column', id: oc, name: otherCol.name, type: otherCol.type });
  });
  const reduced: Aggregate = { ...agg, input: { kind: 'join', joinType: 'semi', left: agg.input, right: copy.plan, condition: conjoin(conds) } };
  return { ...join, [side]: path.rebuild(reduced) };
}

/**
 * True when a semi join on one of the key columns already filters the
 * aggregate's input (a previous run, possibly since sunk below inner joins).
 */
function alreadyReduced(plan: LogicalPlan, keys: ReadonlySet<ColumnId>): boolean {
  switch (plan.kind) {
    case 'filter': case 'project': return alreadyReduced(plan.input, keys);
    case 'join':
      if (plan.joinType === 'semi' && plan.condition !== null) {
        for (const c of splitConjuncts(plan.condition)) {
          const cols = equiColumns(c);
          if (cols && (keys.has(cols[0]) || keys.has(cols[1]))) return true;
        }
      }
      if (plan.joinType === 'inner' || plan.joinType === 'cross') return alreadyReduced(plan.left, keys) || alreadyReduced(plan.right, keys);
      return plan.joinType === 'semi' || plan.joinType === 'anti' ? alreadyReduced(plan.left, keys) : false;
    default: return false;
  }
}

interface AggregatePath {
  readonly aggregate: Aggregate;
  /** Ids of the aggregate's outputs visible at the top of the path. */
  readonly visible: ReadonlySet<ColumnId>;
  readonly rebuild: (agg: Aggregate) => LogicalPlan;
}

/** A grouped aggregate at `plan` or below pass-through projections and filters. */
function aggregateBelow(plan: LogicalPlan): AggregatePath | null {
  if (plan.kind === 'aggregate') {
    if (plan.groupBy.length === 0) return null;
    return { aggregate: plan, visible: new Set(plan.columns.map((c) => c.id)), rebuild: (a) => a };
  }
  if (plan.kind === 'filter') {
    const inner = aggregateBelow(plan.input);
    return inner && { ...inner, rebuild: (a) => ({ ...plan, input: inner.rebuild(a) }) };
  }
  if (plan.kind === 'project') {
    const inner = aggregateBelow(plan.input);
    if (!inner) return null;
    // Only ids a projection passes through unchanged stay visible.
    const visible = new Set<ColumnId>();
    plan.exprs.forEach((e, i) => {
      if (e.kind === 'column' && e.id === plan.columns[i]!.id && inner.visible.has(e.id)) visible.add(e.id);
    });
    return { aggregate: inner.aggregate, visible, rebuild: (a) => ({ ...plan, input: inner.rebuild(a) }) };
  }
  return null;
}
