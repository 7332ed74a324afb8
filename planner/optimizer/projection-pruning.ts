/**
 * Projection pruning: every node produces only the columns someone above
 * uses. Scans read only needed columns, aggregates drop unused aggregate
 * calls, projections drop unused expressions, project-of-project collapses
 * and identity projections disappear.
 *
 * Works top-down with the set of column ids required from each node; the root
 * keeps all its output columns. Column order is never changed, so positional
 * consumers (set operations, CTE refs, the final result) stay correct; UNION
 * ALL drops the same unused positions from its output and both inputs.
 */
import type { ColumnId, Expr } from '../expr.ts';
import { outputColumns, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { aggregateColumns, collectColumns, isVolatile, substitute } from './expr-utils.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { windowCallExprs } from '../logical/window-function.ts';
import { colRef, keepIfEqual, outputIds } from './plan-utils.ts';

/** Removes columns nobody reads and collapses projections. */
export const projectionPruning: OptimizerRule = {
  name: 'projection_pruning',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return keepIfEqual(plan, prune(plan, outputIds(plan), false));
  },
};

/**
 * Projection pruning that also narrows join inputs: a join side producing
 * columns nobody above reads (e.g. a filter's predicate column, TPC-H Q13's
 * o_comment) gets a Project keeping the needed ones, so the join does not
 * gather, buffer or shuffle them. Runs after join reordering only, and only
 * below outer, semi and anti joins: a Project between inner joins would cut
 * the join trees join reordering works on (and re-optimizing would differ).
 */
export const joinInputNarrowing: OptimizerRule = {
  name: 'join_input_narrowing',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return keepIfEqual(plan, prune(plan, outputIds(plan), true));
  },
};

function prune(plan: LogicalPlan, required: ReadonlySet<ColumnId>, narrow: boolean): LogicalPlan {
  switch (plan.kind) {
    case 'scan': {
      let columns = plan.columns.filter((c) => required.has(c.id));
      // Keep one column so the reader still reports how many rows there are (count(*)).
      if (columns.length === 0 && plan.columns.length > 0) columns = [narrowest(plan.columns)];
      return columns.length === plan.columns.length ? plan : { ...plan, columns };
    }
    case 'filter': {
      const need = new Set(required);
      collectColumns(plan.predicate, need);
      const input = prune(plan.input, need, narrow);
      return input === plan.input ? plan : { ...plan, input };
    }
    case 'project': return pruneProject(plan, required, narrow);
    case 'aggregate': {
      const nGroups = plan.groupBy.length;
      const keep = plan.aggregates.map((_, i) => required.has(plan.columns[nGroups + i]!.id));
      // A global aggregate keeps one call: zero columns would leave its single row unrepresentable.
      if (nGroups === 0 && keep.length > 0 && !keep.some(Boolean)) keep[0] = true;
      const aggregates = plan.aggregates.filter((_, i) => keep[i]);
      const columns = plan.columns.filter((_, i) => i < nGroups || keep[i - nGroups]);
      const need = new Set<ColumnId>();
      for (const g of plan.groupBy) collectColumns(g, need);
      for (const a of aggregates) aggregateColumns(a, need);
      const input = prune(plan.input, need, narrow);
      if (input === plan.input && aggregates.length === plan.aggregates.length) return plan;
      return { ...plan, input, aggregates, columns };
    }
    case 'join': {
      const need = new Set(required);
      if (plan.condition) collectColumns(plan.condition, need);
      const leftIds = outputIds(plan.left);
      const leftNeed = new Set([...need].filter((id) => leftIds.has(id)));
      const rightNeed = new Set([...need].filter((id) => !leftIds.has(id)));
      let left = prune(plan.left, leftNeed, narrow);
      let right = prune(plan.right, rightNeed, narrow);
      // Not under inner/cross joins: re-optimizing would then see Projects inside a join tree to reorder.
      if (narrow && plan.joinType !== 'inner' && plan.joinType !== 'cross') {
        left = narrowTo(left, leftNeed);
        right = narrowTo(right, rightNeed);
      }
      return left === plan.left && right === plan.right ? plan : { ...plan, left, right };
    }
    case 'sort': {
      const need = new Set(required);
      for (const k of plan.keys) collectColumns(k.expr, need);
      const input = prune(plan.input, need, narrow);
      return input === plan.input ? plan : { ...plan, input };
    }
    case 'window': {
      // Unused window functions go; the input keeps what is required above plus what the window reads.
      const keep = plan.functions.map((_, i) => required.has(plan.columns[i]!.id));
      const functions = plan.functions.filter((_, i) => keep[i]);
      const need = new Set([...required].filter((id) => !plan.columns.some((c) => c.id === id)));
      if (functions.length === 0) return prune(plan.input, need, narrow);
      for (const k of plan.partitionBy) collectColumns(k, need);
      for (const k of plan.orderBy) collectColumns(k.expr, need);
      for (const f of functions) for (const e of windowCallExprs(f)) collectColumns(e, need);
      const input = prune(plan.input, need, narrow);
      if (input === plan.input && functions.length === plan.functions.length) return plan;
      return { ...plan, input, functions, columns: plan.columns.filter((_, i) => keep[i]) };
    }
    case 'unnest': {
      // Unused element columns stay (they decide the row count); the input keeps what is needed above plus the arrays' columns.
      const need = new Set([...required].filter((id) => !plan.columns.some((c) => c.id === id)));
      for (const e of plan.arrays) collectColumns(e, need);
      const input = prune(plan.input, need, narrow);
      const passThrough = outputColumns(input).filter((c) => required.has(c.id)).map((c) => c.id);
      const same = plan.passThrough ? passThrough.length === plan.passThrough.length : passThrough.length === outputColumns(input).length;
      return input === plan.input && same ? plan : { ...plan, input, passThrough };
    }
    case 'limit': {
      const input = prune(plan.input, required, narrow);
      return input === plan.input ? plan : { ...plan, input };
    }
    case 'set_operation': {
      if (plan.op === 'union' && plan.all) {
        // UNION ALL compares nothing: unused positions can go from both inputs.
        let keep = plan.columns.map((_, i) => i).filter((i) => required.has(plan.columns[i]!.id));
        if (keep.length === 0) keep = [0];
        if (keep.length < plan.columns.length) {
          const side = (input: LogicalPlan): LogicalPlan => {
            const cols = outputColumns(input);
            const kept = keep.map((i) => cols[i]!);
            const p: LogicalPlan = { kind: 'project', input, exprs: kept.map(colRef), columns: kept };
            return prune(p, new Set(kept.map((c) => c.id)), narrow);
          };
          return { ...plan, left: side(plan.left), right: side(plan.right), columns: keep.map((i) => plan.columns[i]!) };
        }
      }
      // Other set operations compare whole rows by position.
      const left = prune(plan.left, outputIds(plan.left), narrow);
      const right = prune(plan.right, outputIds(plan.right), narrow);
      return left === plan.left && right === plan.right ? plan : { ...plan, left, right };
    }
    case 'distinct': {
      const input = prune(plan.input, outputIds(plan.input), narrow);
      return input === plan.input ? plan : { ...plan, input };
    }
    case 'cte_anchor': {
      // CTE refs read the definition by position: keep all of its columns.
      const definition = prune(plan.definition, outputIds(plan.definition), narrow);
      const input = prune(plan.input, required, narrow);
      return definition === plan.definition && input === plan.input ? plan : { ...plan, definition, input };
    }
    default:
      return plan;
  }
}

function pruneProject(plan: LogicalPlan & { kind: 'project' }, required: ReadonlySet<ColumnId>, narrow: boolean): LogicalPlan {
  let keepIdx = plan.columns.map((_, i) => i).filter((i) => required.has(plan.columns[i]!.id));
  if (keepIdx.length === 0 && plan.columns.length > 0) keepIdx = [0];
  let exprs: readonly Expr[] = keepIdx.length === plan.exprs.length ? plan.exprs : keepIdx.map((i) => plan.exprs[i]!);
  const columns: readonly PlanColumn[] = keepIdx.length === plan.columns.length ? plan.columns : keepIdx.map((i) => plan.columns[i]!);

  // Project of project: substitute the inner expressions when that duplicates no work.
  let source = plan.input;
  if (source.kind === 'project' && canCollapse(exprs, source)) {
    const inner = source;
    const map = new Map<ColumnId, Expr>();
    inner.columns.forEach((c, i) => map.set(c.id, inner.exprs[i]!));
    exprs = exprs.map((e) => substitute(e, map));
    source = inner.input;
  }
  const need = new Set<ColumnId>();
  for (const e of exprs) collectColumns(e, need);
  const input = prune(source, need, narrow);

  // An identity projection (same ids, same order as its input) is a no-op.
  const inCols = outputColumns(input);
  if (inCols.length === exprs.length && exprs.every((e, i) => e.kind === 'column' && e.id === columns[i]!.id && inCols[i]!.id === e.id)) {
    return input;
  }
  if (input === plan.input && exprs === plan.exprs && columns === plan.columns) return plan;
  return { ...plan, input, exprs, columns };
}

/** Collapsing is safe when each non-trivial inner expression is used at most once and none is volatile. */
function canCollapse(outer: readonly Expr[], inner: LogicalPlan & { kind: 'project' }): boolean {
  const uses = new Map<ColumnId, number>();
  for (const e of outer) {
    countUses(e, uses);
    if (e.kind === 'subquery') return false;
  }
  for (let i = 0; i < inner.exprs.length; i++) {
    const e = inner.exprs[i]!;
    const n = uses.get(inner.columns[i]!.id) ?? 0;
    if (n === 0) continue;
    if (isVolatile(e)) return false;
    if (n > 1 && e.kind !== 'column' && e.kind !== 'literal') return false;
  }
  return true;
}

function countUses(e: Expr, uses: Map<ColumnId, number>): void {
  switch (e.kind) {
    case 'column': uses.set(e.id, (uses.get(e.id) ?? 0) + 1); break;
    case 'call': for (const a of e.args) countUses(a, uses); break;
    case 'cast': countUses(e.input, uses); break;
    case 'case':
      for (const w of e.whens) { countUses(w.when, uses); countUses(w.then, uses); }
      if (e.otherwise) countUses(e.otherwise, uses);
      break;
    case 'in_list': countUses(e.input, uses); for (const x of e.list) countUses(x, uses); break;
    case 'subquery':
      if (e.input) countUses(e.input, uses);
      for (const id of e.outerRefs) uses.set(id, (uses.get(id) ?? 0) + 2);
      break;
    default: break;
  }
}

/** `input` under a Project of the columns in `need` when it outputs others too. */
function narrowTo(input: LogicalPlan, need: ReadonlySet<ColumnId>): LogicalPlan {
  if (input.kind === 'join') return input;
  const cols = outputColumns(input);
  const kept = cols.filter((c) => need.has(c.id));
  if (kept.length === cols.length || kept.length === 0) return input;
  return { kind: 'project', input, exprs: kept.map(colRef), columns: kept };
}

function narrowest(cols: readonly (PlanColumn & { sourceIndex: number })[]): PlanColumn & { sourceIndex: number } {
  const width = (c: PlanColumn): number => (c.type.kind === 'text' ? 3 : c.type.kind === 'boolean' ? 0 : 1);
  let best = cols[0]!;
  for (const c of cols) if (width(c) < width(best)) best = c;
  return best;
}
