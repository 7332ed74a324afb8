/**
 * The join graph of a tree of inner and cross joins: its relations (the
 * inputs that are not inner/cross joins) and its conjuncts, each with the set
 * of relations it reads as a bitmask. Join reordering builds a new tree from it.
 */
import type { ColumnId, Expr } from '../expr.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import { columnsOf, isVolatile, splitConjuncts } from './expr-utils.ts';
import { explainLogical } from './explain-logical.ts';
import { outputIds } from './plan-utils.ts';

export interface JoinGraphEdge {
  readonly expr: Expr;
  /** Bit i set when the conjunct reads relation i. */
  readonly mask: number;
}

export interface JoinGraph {
  readonly relations: readonly LogicalPlan[];
  readonly edges: readonly JoinGraphEdge[];
  /** Conjuncts that read no relation or are volatile: applied above the whole tree. */
  readonly residual: readonly Expr[];
}

/** True for the joins a join graph absorbs. */
export function isReorderableJoin(plan: LogicalPlan): plan is LogicalPlan & { kind: 'join' } {
  return plan.kind === 'join' && (plan.joinType === 'inner' || plan.joinType === 'cross');
}

/**
 * Collects the join graph rooted at an inner/cross join. Relations are put in
 * a canonical order (by their EXPLAIN text) so that the graph, and hence the
 * chosen order, does not depend on how the tree was arranged before.
 */
export function buildJoinGraph(root: LogicalPlan): JoinGraph {
  const relations: LogicalPlan[] = [];
  const conjuncts: Expr[] = [];
  const walk = (p: LogicalPlan): void => {
    if (isReorderableJoin(p)) {
      walk(p.left);
      walk(p.right);
      if (p.condition) conjuncts.push(...splitConjuncts(p.condition));
    } else {
      relations.push(p);
    }
  };
  walk(root);
  const keyed = relations.map((r) => ({ r, key: explainLogical(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sorted = keyed.map((k) => k.r);
  const owner = new Map<ColumnId, number>();
  sorted.forEach((r, i) => { for (const id of outputIds(r)) owner.set(id, i); });
  const edges: JoinGraphEdge[] = [];
  const residual: Expr[] = [];
  const text = conjuncts.map((c) => ({ c, key: explainLogical({ kind: 'filter', input: { kind: 'single_row' }, predicate: c }) }));
  text.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { c } of text) {
    let mask = 0;
    for (const id of columnsOf(c)) {
      const i = owner.get(id);
      if (i !== undefined) mask |= 1 << i;
    }
    if (mask === 0 || isVolatile(c)) residual.push(c);
    else edges.push({ expr: c, mask });
  }
  return { relations: sorted, edges, residual };
}

/** Number of set bits. */
export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
