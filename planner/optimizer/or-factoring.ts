/**
 * OR factoring and derived filters, for predicates like TPC-H Q19's
 *
 *   (p_partkey = l_partkey AND p_brand = 'Brand#12' AND l_quantity >= 1 …)
 *   OR (p_partkey = l_partkey AND p_brand = 'Brand#23' AND …) OR …
 *
 * 1. Conjuncts common to every disjunct are factored out:
 *    `(A AND B) OR (A AND C)` → `A AND (B OR C)`, and `A OR (A AND B)` → `A`.
 *    The join key `p_partkey = l_partkey` becomes a plain conjunct, so the
 *    join is an equi-join instead of a nested loop over a cross product.
 * 2. For each relation under a filter over inner/cross joins, an OR whose
 *    every disjunct constrains that relation alone implies the OR of those
 *    constraints, which is added as a redundant conjunct that pushdown moves
 *    onto the relation (`p_brand = 'Brand#12' AND … OR p_brand = 'Brand#23' …`).
 *
 * Runs once (derived filters must not be derived again).
 */
import type { ColumnId, Expr } from '../expr.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { columnsOf, conjoin, exprEquals, isVolatile, orExpr, splitConjuncts, splitDisjuncts } from './expr-utils.ts';
import { isReorderableJoin } from './join-graph.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { outputIds, transformUp } from './plan-utils.ts';

/** Factors common conjuncts out of ORs and derives single-relation filters from them. */
export const orFactoring: OptimizerRule = {
  name: 'or_factoring',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return transformUp(plan, (node) => {
      if (node.kind === 'filter') {
        const predicate = rewritePredicate(node.predicate, relationsOf(node.input));
        return predicate === node.predicate ? node : { ...node, predicate };
      }
      if (node.kind === 'join' && node.condition !== null && (node.joinType === 'inner' || node.joinType === 'cross')) {
        const condition = rewritePredicate(node.condition, [...relationsOf(node.left), ...relationsOf(node.right)]);
        return condition === node.condition ? node : { ...node, condition };
      }
      return node;
    });
  },
};

interface Relation {
  readonly ids: Set<ColumnId>;
  readonly plan: LogicalPlan;
}

/** The relations joined by inner/cross joins at the top of `plan`. */
function relationsOf(plan: LogicalPlan): Relation[] {
  if (isReorderableJoin(plan)) return [...relationsOf(plan.left), ...relationsOf(plan.right)];
  return [{ ids: outputIds(plan), plan }];
}

/** True when a Filter at the top of the relation already applies `pred` (a previous run derived it). */
function alreadyFiltered(plan: LogicalPlan, pred: Expr): boolean {
  let node = plan;
  for (;;) {
    if (node.kind === 'filter') {
      if (splitConjuncts(node.predicate).some((c) => exprEquals(c, pred))) return true;
      node = node.input;
    } else if (node.kind === 'project' || node.kind === 'sort') {
      node = node.input;
    } else {
      return false;
    }
  }
}

function rewritePredicate(pred: Expr, relations: readonly Relation[]): Expr {
  const conj = splitConjuncts(pred);
  let changed = false;
  const out: Expr[] = [];
  for (const c of conj) {
    if (!(c.kind === 'call' && c.fn === 'or') || isVolatile(c)) { out.push(c); continue; }
    const factored = factorOr(c);
    if (factored !== c) changed = true;
    const parts = splitConjuncts(factored);
    out.push(...parts);
    for (const p of parts) {
      if (!(p.kind === 'call' && p.fn === 'or')) continue;
      const derived = deriveFilters(p, relations);
      if (derived.length > 0) { changed = true; out.push(...derived); }
    }
  }
  return changed ? conjoin(out)! : pred;
}

/** `(A AND B) OR (A AND C)` → `A AND (B OR C)`; the same object when nothing is common. */
export function factorOr(or: Expr): Expr {
  const disjuncts = splitDisjuncts(or).map(splitConjuncts);
  const common = disjuncts[0]!.filter((c) => disjuncts.every((d) => d.some((x) => exprEquals(x, c))));
  if (common.length === 0) return or;
  const rests = disjuncts.map((d) => d.filter((x) => !common.some((c) => exprEquals(c, x))));
  if (rests.some((r) => r.length === 0)) return conjoin(common)!;
  const rest = rests.map((r) => conjoin(r)!).reduce((a, b) => orExpr(a, b));
  return conjoin([...common, rest])!;
}

/** For each relation constrained alone by every disjunct: the OR of those constraints. */
function deriveFilters(or: Expr, relations: readonly Relation[]): Expr[] {
  if (relations.length < 2) return [];
  const disjuncts = splitDisjuncts(or).map(splitConjuncts);
  const out: Expr[] = [];
  for (const { ids: rel, plan } of relations) {
    const per: Expr[] = [];
    for (const d of disjuncts) {
      const own = d.filter((x) => {
        const cols = columnsOf(x);
        if (cols.size === 0) return false;
        for (const id of cols) if (!rel.has(id)) return false;
        return true;
      });
      if (own.length === 0) break;
      per.push(conjoin(own)!);
    }
    if (per.length !== disjuncts.length) continue;
    // Nothing to gain when the OR already reads only this relation.
    if ([...columnsOf(or)].every((id) => rel.has(id))) continue;
    const derived = per.reduce((a, b) => orExpr(a, b));
    if (!alreadyFiltered(plan, derived)) out.push(derived);
  }
  return out;
}
