/**
 * Constant folding and boolean simplification.
 *
 * - calls, casts and IN lists whose inputs are all literals are evaluated with
 *   the injected `ctx.evaluateConstant` (skipped when absent, for volatile
 *   functions, and when evaluation raises: the error then happens at run time
 *   only if the row is reached, as in PostgreSQL);
 * - `x AND true → x`, `x AND false → false`, `x OR true → true`,
 *   `x OR false → x`, `NOT NOT x → x`, CASE arms with constant conditions;
 * - a Filter that is constantly true disappears, constantly false/NULL
 *   becomes Empty; Empty propagates through row-preserving nodes and inner
 *   joins.
 *
 * - widening casts on a column compared with a literal are removed where
 *   exact (unwrap-cast.ts), so date filters reach the scan.
 *
 * `a = a` is left alone: it is NULL, not true, when `a` is NULL.
 */
import { T } from '../../core/index.ts';
import type { Expr, Literal } from '../expr.ts';
import { outputColumns, type LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import {
  isFalseLiteral, isNullLiteral, isTrueLiteral, mapExpr, splitConjuncts, splitDisjuncts, VOLATILE_FUNCTIONS,
} from './expr-utils.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { unwrapCastComparison } from './unwrap-cast.ts';
import { mapNodeExprs, transformUp } from './plan-utils.ts';

const TRUE: Literal = { kind: 'literal', value: true, type: T.boolean };
const FALSE: Literal = { kind: 'literal', value: false, type: T.boolean };

/** Folds constant expressions, simplifies booleans and removes trivial filters. */
export const constantFolding: OptimizerRule = {
  name: 'constant_folding',
  rewrite(plan: LogicalPlan, ctx: PlanContext): LogicalPlan {
    return transformUp(plan, (node) => simplifyNode(mapNodeExprs(node, (e) => simplifyExpr(e, ctx))));
  },
};

/** Simplifies one expression bottom-up (identity kept when nothing folds). */
export function simplifyExpr(expr: Expr, ctx: PlanContext): Expr {
  return mapExpr(expr, (e) => simplifyOne(e, ctx));
}

function simplifyOne(e: Expr, ctx: PlanContext): Expr {
  switch (e.kind) {
    case 'call':
      if (e.fn === 'and') return simplifyAnd(e);
      if (e.fn === 'or') return simplifyOr(e);
      if (e.fn === 'not') {
        const a = e.args[0]!;
        if (a.kind === 'call' && a.fn === 'not') return a.args[0]!;
        if (a.kind === 'literal' && (a.value === null || typeof a.value === 'boolean')) {
          return a.value === null ? { kind: 'literal', value: null, type: T.boolean } : a.value ? FALSE : TRUE;
        }
        return e;
      }
      if (VOLATILE_FUNCTIONS.has(e.fn)) return e;
      if (e.args.every((a) => a.kind === 'literal')) return fold(e, ctx);
      return unwrapCastComparison(e);
    case 'cast':
      return e.input.kind === 'literal' ? fold(e, ctx) : e;
    case 'in_list':
      return e.input.kind === 'literal' && e.list.every((a) => a.kind === 'literal') ? fold(e, ctx) : e;
    case 'case':
      return simplifyCase(e);
    default:
      return e;
  }
}

function fold(e: Expr, ctx: PlanContext): Expr {
  if (ctx.evaluateConstant === undefined) return e;
  try {
    return { kind: 'literal', value: ctx.evaluateConstant(e), type: e.type };
  } catch {
    // e.g. 1/0: leave it, so the error is raised only if the expression is evaluated.
    return e;
  }
}

function simplifyAnd(e: Expr & { kind: 'call' }): Expr {
  const parts = splitConjuncts(e);
  if (parts.some(isFalseLiteral)) return FALSE;
  const kept = parts.filter((p) => !isTrueLiteral(p));
  if (kept.length === parts.length) return e;
  return rebuild('and', kept, TRUE);
}

function simplifyOr(e: Expr & { kind: 'call' }): Expr {
  const parts = splitDisjuncts(e);
  if (parts.some(isTrueLiteral)) return TRUE;
  const kept = parts.filter((p) => !isFalseLiteral(p));
  if (kept.length === parts.length) return e;
  return rebuild('or', kept, FALSE);
}

function rebuild(fn: 'and' | 'or', parts: readonly Expr[], empty: Expr): Expr {
  if (parts.length === 0) return empty;
  let acc = parts[0]!;
  for (let i = 1; i < parts.length; i++) acc = { kind: 'call', fn, args: [acc, parts[i]!], type: T.boolean };
  return acc;
}

function simplifyCase(e: Expr & { kind: 'case' }): Expr {
  const whens: { when: Expr; then: Expr }[] = [];
  let changed = false;
  for (const w of e.whens) {
    if (isFalseLiteral(w.when) || isNullLiteral(w.when)) { changed = true; continue; }
    if (isTrueLiteral(w.when)) {
      // The first arm that is certainly true decides; later arms are dead.
      if (whens.length === 0) return w.then;
      return { ...e, whens, otherwise: w.then };
    }
    whens.push(w);
  }
  if (!changed) return e;
  if (whens.length === 0) return e.otherwise ?? { kind: 'literal', value: null, type: e.type };
  return { ...e, whens };
}

/** Removes constant filters and propagates Empty. */
function simplifyNode(node: LogicalPlan): LogicalPlan {
  switch (node.kind) {
    case 'filter': {
      const p = node.predicate;
      if (isTrueLiteral(p)) return node.input;
      if (isFalseLiteral(p) || isNullLiteral(p) || node.input.kind === 'empty') return empty(node);
      return node;
    }
    case 'project': case 'sort': case 'distinct': case 'window': case 'unnest':
      return node.input.kind === 'empty' ? empty(node) : node;
    case 'limit':
      return node.input.kind === 'empty' || node.limit === 0 ? empty(node) : node;
    case 'aggregate':
      // Without group keys an aggregate over nothing still yields one row.
      return node.input.kind === 'empty' && node.groupBy.length > 0 ? empty(node) : node;
    case 'join': {
      const c = node.condition;
      const leftEmpty = node.left.kind === 'empty';
      const rightEmpty = node.right.kind === 'empty';
      switch (node.joinType) {
        case 'inner': case 'cross': case 'semi':
          if (leftEmpty || rightEmpty) return empty(node);
          if (c !== null && (isFalseLiteral(c) || isNullLiteral(c))) return empty(node);
          if (node.joinType !== 'semi' && c !== null && isTrueLiteral(c)) return { ...node, joinType: 'cross', condition: null };
          return node;
        case 'left': case 'anti': case 'anti_null_aware': case 'mark':
          return leftEmpty ? empty(node) : node;
        case 'right':
          return rightEmpty ? empty(node) : node;
        case 'full':
          return leftEmpty && rightEmpty ? empty(node) : node;
      }
      return node;
    }
    case 'set_operation': {
      const l = node.left.kind === 'empty';
      const r = node.right.kind === 'empty';
      if ((node.op === 'intersect' && (l || r)) || (node.op !== 'intersect' && l && r) || (node.op === 'except' && l)) {
        return empty(node);
      }
      return node;
    }
    default:
      return node;
  }
}

function empty(node: LogicalPlan): LogicalPlan {
  return { kind: 'empty', columns: outputColumns(node) };
}
