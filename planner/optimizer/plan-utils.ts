/**
 * Plan helpers shared by the optimizer rules: bottom-up transforms that keep
 * identity when nothing changes, per-node expression mapping, output id sets
 * and a structural equality used to detect "no change".
 */
import type { ColumnId, Expr } from '../expr.ts';
import { children, outputColumns, withChildren, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import { isVolatile } from './expr-utils.ts';
import { mapWindowCall } from '../logical/window-function.ts';

/** Rewrites a plan bottom-up: `fn` sees each node after its inputs were rewritten. */
export function transformUp(plan: LogicalPlan, fn: (node: LogicalPlan) => LogicalPlan): LogicalPlan {
  const kids = children(plan);
  let node = plan;
  if (kids.length > 0) {
    const next = kids.map((k) => transformUp(k, fn));
    node = withChildren(plan, next);
  }
  return fn(node);
}

/** The set of column ids a node outputs. */
export function outputIds(plan: LogicalPlan): Set<ColumnId> {
  return new Set(outputColumns(plan).map((c) => c.id));
}

/** A column reference to a plan column. */
export function colRef(c: PlanColumn): Expr {
  return { kind: 'column', id: c.id, name: c.name, type: c.type };
}

/**
 * Applies `fn` to every expression held directly by `plan` (not its inputs),
 * rebuilding the node only when some expression changed.
 */
export function mapNodeExprs(plan: LogicalPlan, fn: (e: Expr) => Expr): LogicalPlan {
  switch (plan.kind) {
    case 'filter': {
      const predicate = fn(plan.predicate);
      return predicate === plan.predicate ? plan : { ...plan, predicate };
    }
    case 'project': {
      const exprs = mapTop(plan.exprs, fn);
      return exprs === plan.exprs ? plan : { ...plan, exprs };
    }
    case 'join': {
      if (plan.condition === null) return plan;
      const condition = fn(plan.condition);
      return condition === plan.condition ? plan : { ...plan, condition };
    }
    case 'aggregate': {
      const groupBy = mapTop(plan.groupBy, fn);
      let changed = groupBy !== plan.groupBy;
      const aggregates = plan.aggregates.map((a) => {
        const args = mapTop(a.args, fn);
        const filter = a.filter ? fn(a.filter) : null;
        if (args === a.args && filter === a.filter) return a;
        changed = true;
        return { ...a, args, filter };
      });
      return changed ? { ...plan, groupBy, aggregates } : plan;
    }
    case 'sort': {
      let changed = false;
      const keys = plan.keys.map((k) => {
        const expr = fn(k.expr);
        if (expr === k.expr) return k;
        changed = true;
        return { ...k, expr };
      });
      return changed ? { ...plan, keys } : plan;
    }
    case 'window': {
      let changed = false;
      const partitionBy = mapTop(plan.partitionBy, fn);
      if (partitionBy !== plan.partitionBy) changed = true;
      const orderBy = plan.orderBy.map((k) => {
        const expr = fn(k.expr);
        if (expr === k.expr) return k;
        changed = true;
        return { ...k, expr };
      });
      const functions = plan.functions.map((f) => {
        let same = true;
        const out = mapWindowCall(f, (e) => { const r = fn(e); if (r !== e) same = false; return r; });
        if (same) return f;
        changed = true;
        return out;
      });
      return changed ? { ...plan, partitionBy, orderBy, functions } : plan;
    }
    case 'unnest': {
      const arrays = mapTop(plan.arrays, fn);
      return arrays === plan.arrays ? plan : { ...plan, arrays };
    }
    case 'values': {
      let changed = false;
      const rows = plan.rows.map((r) => {
        const out = mapTop(r, fn);
        if (out !== r) changed = true;
        return out;
      });
      return changed ? { ...plan, rows } : plan;
    }
    default:
      return plan;
  }
}

/** Maps each element with `fn` (top level only), keeping the array when unchanged. */
function mapTop(list: readonly Expr[], fn: (e: Expr) => Expr): readonly Expr[] {
  let out: Expr[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const e = fn(list[i]!);
    if (e !== list[i] && out === null) out = list.slice(0, i);
    if (out !== null) out.push(e);
  }
  return out ?? list;
}

/** Every expression held directly by a node. */
export function nodeExprs(plan: LogicalPlan): Expr[] {
  const out: Expr[] = [];
  mapNodeExprs(plan, (e) => { out.push(e); return e; });
  return out;
}


/**
 * Structural equality of two plans (objects compared field by field, table
 * sources by identity). Rules use it to return the original object when a
 * rewrite produced an equivalent tree.
 */
export function planEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!planEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Table sources are external objects: identity only.
  if ('scan' in ao && typeof ao['scan'] === 'function') return false;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bkeys = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (keys.length !== bkeys.length) return false;
  for (const k of keys) {
    if (k === 'source') { if (ao[k] !== bo[k]) return false; continue; }
    if (!planEquals(ao[k], bo[k])) return false;
  }
  return true;
}

/** Returns `original` when `rewritten` is structurally equal to it. */
export function keepIfEqual(original: LogicalPlan, rewritten: LogicalPlan): LogicalPlan {
  return rewritten === original || planEquals(original, rewritten) ? original : rewritten;
}

/** Calls `fn` on every node of the plan, including plans nested in subquery expressions. */
export function visitPlan(plan: LogicalPlan, fn: (node: LogicalPlan) => void): void {
  fn(plan);
  for (const e of nodeExprs(plan)) visitSubqueries(e, (p) => visitPlan(p, fn));
  for (const k of children(plan)) visitPlan(k, fn);
}

/** Calls `fn` with the plan of every subquery inside `expr` (not nested deeper). */
export function visitSubqueries(expr: Expr, fn: (plan: LogicalPlan) => void): void {
  switch (expr.kind) {
    case 'subquery': if (expr.input) visitSubqueries(expr.input, fn); fn(expr.plan); break;
    case 'call': for (const a of expr.args) visitSubqueries(a, fn); break;
    case 'cast': visitSubqueries(expr.input, fn); break;
    case 'case':
      for (const w of expr.whens) { visitSubqueries(w.when, fn); visitSubqueries(w.then, fn); }
      if (expr.otherwise) visitSubqueries(expr.otherwise, fn);
      break;
    case 'in_list': visitSubqueries(expr.input, fn); for (const e of expr.list) visitSubqueries(e, fn); break;
    default: break;
  }
}

/**
 * True when computing the plan twice yields the same rows: no LIMIT (an
 * arbitrary pick without a total order) and no volatile call. Rules that copy
 * a subtree (semi-join reduction, domain decorrelation) require it.
 */
export function isReproducible(plan: LogicalPlan): boolean {
  let ok = true;
  visitPlan(plan, (n) => {
    if (n.kind === 'limit' || nodeExprs(n).some(isVolatile)) ok = false;
  });
  return ok;
}
