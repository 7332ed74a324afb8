/**
 * Predicate pushdown. Filters are split into conjuncts and moved as close to
 * the scans as semantics allow:
 *
 * - through projections (column ids replaced by the projected expressions),
 *   sorts, DISTINCT, and into both inputs of set operations (by position);
 * - into both sides of inner and cross joins; a conjunct reading both sides
 *   becomes the join condition (a cross join turns inner);
 * - into the preserved side only of outer joins; a conjunct above that rejects
 *   NULLs from the null-supplying side first turns the outer join inner
 *   (left → inner, full → left/right), after which it may go down both sides;
 *   conditions of a left join that read only its right side go into the right;
 * - below aggregates when it reads only group keys;
 * - onto scans as `Scan.pushedPredicates` (readers only prune, so the Filter
 *   stays above the scan);
 * - semi and anti joins sink like filters onto the input of an inner join
 *   whose columns their condition reads.
 *
 * Conjuncts holding subqueries or volatile calls never move. Nothing moves
 * past a Limit.
 */
import type { ColumnId, Expr } from '../expr.ts';
import { outputColumns, type Join, type LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { columnsOf, conjoin, isVolatile, onlyReferences, referencesAny, splitConjuncts, substitute } from './expr-utils.ts';
import { rejectsNulls } from './null-rejection.ts';
import { estimateRows } from './estimate-rows.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { colRef, keepIfEqual, outputIds } from './plan-utils.ts';
import { withScanPredicates } from './scan-predicates.ts';

/** Moves filter conjuncts down the plan. */
export const predicatePushdown: OptimizerRule = {
  name: 'predicate_pushdown',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return keepIfEqual(plan, push(plan, []));
  },
};

/** Wraps `plan` in a Filter of the conjuncts (none: the plan itself). */
function applyAbove(plan: LogicalPlan, preds: readonly Expr[]): LogicalPlan {
  const predicate = conjoin(preds);
  return predicate === null ? plan : { kind: 'filter', input: plan, predicate };
}

/** Pushes `preds` (movable conjuncts that must hold above `plan`) into `plan`. */
function push(plan: LogicalPlan, preds: readonly Expr[]): LogicalPlan {
  switch (plan.kind) {
    case 'filter': {
      const conj = splitConjuncts(plan.predicate);
      const stuck = conj.filter(isVolatile);
      const movable = conj.filter((e) => !isVolatile(e));
      return applyAbove(push(plan.input, [...preds, ...movable]), stuck);
    }
    case 'project': {
      const map = new Map<ColumnId, Expr>();
      const unsafe = new Set<ColumnId>();
      plan.columns.forEach((c, i) => {
        map.set(c.id, plan.exprs[i]!);
        if (isVolatile(plan.exprs[i]!)) unsafe.add(c.id);
      });
      const down: Expr[] = [];
      const above: Expr[] = [];
      for (const p of preds) {
        if (referencesAny(p, unsafe)) above.push(p);
        else down.push(substitute(p, map));
      }
      return applyAbove({ ...plan, input: push(plan.input, down) }, above);
    }
    case 'aggregate': {
      const nGroups = plan.groupBy.length;
      const keyMap = new Map<ColumnId, Expr>();
      for (let i = 0; i < nGroups; i++) keyMap.set(plan.columns[i]!.id, plan.groupBy[i]!);
      const keyIds = new Set(keyMap.keys());
      const down: Expr[] = [];
      const above: Expr[] = [];
      for (const p of preds) {
        // Without group keys the aggregate yields a row even over no input: nothing goes below.
        if (nGroups > 0 && onlyReferences(p, keyIds) && !plan.groupBy.some(isVolatile)) down.push(substitute(p, keyMap));
        else above.push(p);
      }
      return applyAbove({ ...plan, input: push(plan.input, down) }, above);
    }
    case 'sort': case 'distinct':
      return { ...plan, input: push(plan.input, preds) };
    case 'window': {
      // Only conjuncts over PARTITION BY columns keep every row's partition whole.
      const keyIds = new Set<ColumnId>();
      for (const k of plan.partitionBy) if (k.kind === 'column') keyIds.add(k.id);
      const down = preds.filter((p) => keyIds.size > 0 && onlyReferences(p, keyIds));
      const above = preds.filter((p) => !down.includes(p));
      return applyAbove({ ...plan, input: push(plan.input, down) }, above);
    }
    case 'unnest': {
      // Conjuncts over the input's columns filter whole input rows: they go below.
      const inputIds = new Set(outputColumns(plan.input).map((c) => c.id));
      const down = preds.filter((p) => onlyReferences(p, inputIds));
      const above = preds.filter((p) => !down.includes(p));
      return applyAbove({ ...plan, input: push(plan.input, down) }, above);
    }
    case 'limit':
      return applyAbove({ ...plan, input: push(plan.input, []) }, preds);
    case 'set_operation': {
      const sides = [plan.left, plan.right].map((side) => {
        const cols = outputColumns(side);
        const map = new Map<ColumnId, Expr>();
        plan.columns.forEach((c, i) => map.set(c.id, colRef(cols[i]!)));
        return push(side, preds.map((p) => substitute(p, map)));
      });
      return { ...plan, left: sides[0]!, right: sides[1]! };
    }
    case 'cte_anchor':
      return { ...plan, definition: push(plan.definition, []), input: push(plan.input, preds) };
    case 'join':
      return pushJoin(plan, preds);
    case 'scan':
      return applyAbove(withScanPredicates(plan, preds), preds);
    default:
      return applyAbove(plan, preds);
  }
}

function pushJoin(plan: Join, preds: readonly Expr[]): LogicalPlan {
  const leftIds = outputIds(plan.left);
  const rightIds = outputIds(plan.right);
  let joinType = plan.joinType;
  // Outer-join simplification: a conjunct above that is never true on NULL-extended rows removes them.
  const rejectsRight = preds.some((p) => rejectsNulls(p, rightIds));
  const rejectsLeft = preds.some((p) => rejectsNulls(p, leftIds));
  if (joinType === 'left' && rejectsRight) joinType = 'inner';
  else if (joinType === 'right' && rejectsLeft) joinType = 'inner';
  else if (joinType === 'full') {
    if (rejectsLeft && rejectsRight) joinType = 'inner';
    else if (rejectsRight) joinType = 'right';
    else if (rejectsLeft) joinType = 'left';
  }
  const condition = plan.condition ? splitConjuncts(plan.condition) : [];
  const toLeft: Expr[] = [];
  const toRight: Expr[] = [];
  const above: Expr[] = [];
  const kept: Expr[] = [];
  const onlyLeft = (e: Expr): boolean => onlyReferences(e, leftIds);
  const onlyRight = (e: Expr): boolean => onlyReferences(e, rightIds) && !onlyLeft(e);

  switch (joinType) {
    case 'inner': case 'cross':
      for (const e of [...preds, ...condition]) {
        if (isVolatile(e)) kept.push(e);
        else if (onlyLeft(e)) toLeft.push(e);
        else if (onlyRight(e)) toRight.push(e);
        else kept.push(e);
      }
      break;
    case 'left': case 'right': {
      const preservedIsLeft = joinType === 'left';
      const preserved = preservedIsLeft ? onlyLeft : onlyRight;
      const nullable = preservedIsLeft ? onlyRight : onlyLeft;
      for (const p of preds) {
        if (preserved(p)) (preservedIsLeft ? toLeft : toRight).push(p);
        else above.push(p);
      }
      // A condition conjunct over the null-supplying side only filters that side before matching.
      for (const e of condition) {
        if (!isVolatile(e) && nullable(e)) (preservedIsLeft ? toRight : toLeft).push(e);
        else kept.push(e);
      }
      break;
    }
    case 'semi': case 'anti': case 'anti_null_aware': case 'mark': {
      const markId = plan.markColumn?.id;
      for (const p of preds) {
        if (onlyLeft(p) && (markId === undefined || !referencesAny(p, new Set([markId])))) toLeft.push(p);
        else above.push(p);
      }
      for (const e of condition) {
        if ((joinType === 'semi' || joinType === 'anti') && !isVolatile(e) && onlyRight(e)) toRight.push(e);
        else kept.push(e);
      }
      break;
    }
    case 'full':
      above.push(...preds);
      kept.push(...condition);
      break;
  }
  let newType = joinType;
  if (joinType === 'inner' || joinType === 'cross') newType = kept.length > 0 ? 'inner' : 'cross';
  const join: Join = {
    ...plan,
    joinType: newType,
    left: push(plan.left, toLeft),
    right: push(plan.right, toRight),
    condition: conjoin(kept),
  };
  const sunk = newType === 'semi' || newType === 'anti' || newType === 'anti_null_aware' ? sinkSemiJoin(join) : join;
  return applyAbove(sunk, above);
}

/**
 * Moves a semi/anti join below inner joins and pass-through projections of its
 * left input, onto the input whose columns its condition reads: like a filter,
 * it only removes left rows, and removing them early shrinks the joins above
 * (TPC-H Q18's `o_orderkey IN (…)` lands on orders, not on orders ⋈ lineitem).
 * Only when its right (build) side is estimated no larger than that input: a
 * semi join against a big table (Q21's `EXISTS (… lineitem l2 …)`) costs more
 * per probe row than the joins it would move below.
 */
function sinkSemiJoin(join: Join): LogicalPlan {
  return sinkBelow(join, estimateRows(join.right));
}

function sinkBelow(join: Join, rightRows: number): LogicalPlan {
  const left = join.left;
  const reads = join.condition ? columnsOf(join.condition) : new Set<ColumnId>();
  const leftIds = outputIds(left);
  const leftReads = [...reads].filter((id) => leftIds.has(id));
  const within = (p: LogicalPlan): boolean => {
    const ids = outputIds(p);
    return leftReads.every((id) => ids.has(id)) && estimateRows(p) >= rightRows;
  };
  if (left.kind === 'join' && (left.joinType === 'inner' || left.joinType === 'cross')) {
    if (within(left.left)) return { ...left, left: sinkBelow({ ...join, left: left.left }, rightRows) };
    if (within(left.right)) return { ...left, right: sinkBelow({ ...join, left: left.right }, rightRows) };
    return join;
  }
  if (left.kind === 'project') {
    const passes = leftReads.every((id) => {
      const i = left.columns.findIndex((c) => c.id === id);
      const e = left.exprs[i];
      return e !== undefined && e.kind === 'column' && e.id === id;
    });
    if (passes) {
      const below = sinkBelow({ ...join, left: left.input }, rightRows);
      // Swapping with the projection alone gains nothing.
      if (!(below.kind === 'join' && below.left === left.input)) return { ...left, input: below };
    }
  }
  return join;
}
