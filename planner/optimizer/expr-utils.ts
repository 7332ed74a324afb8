/**
 * Expression helpers shared by the optimizer rules: column sets, rewriting
 * with identity preservation, conjunct splitting and boolean constructors.
 *
 * Boolean calls use the canonical registry names (`and`, `or`, `not`, `eq`, …)
 * and are built directly here so the optimizer does not depend on the
 * function registry's resolution rules for the few operators it creates.
 */
import { T, isInterval } from '../../core/index.ts';
import type { AggregateCall, ColumnId, Expr } from '../expr.ts';

/** Adds every column id `expr` reads to `out` (outer references of subqueries included). */
export function collectColumns(expr: Expr, out: Set<ColumnId>): Set<ColumnId> {
  switch (expr.kind) {
    case 'column': out.add(expr.id); break;
    case 'literal': break;
    case 'call': for (const a of expr.args) collectColumns(a, out); break;
    case 'cast': collectColumns(expr.input, out); break;
    case 'case':
      for (const w of expr.whens) { collectColumns(w.when, out); collectColumns(w.then, out); }
      if (expr.otherwise) collectColumns(expr.otherwise, out);
      break;
    case 'in_list':
      collectColumns(expr.input, out);
      for (const e of expr.list) collectColumns(e, out);
      break;
    case 'subquery':
      if (expr.input) collectColumns(expr.input, out);
      for (const id of expr.outerRefs) out.add(id);
      break;
  }
  return out;
}

/** The column ids an expression reads. */
export function columnsOf(expr: Expr): Set<ColumnId> {
  return collectColumns(expr, new Set());
}

/** Column ids read by an aggregate call (arguments and FILTER clause). */
export function aggregateColumns(agg: AggregateCall, out: Set<ColumnId>): Set<ColumnId> {
  for (const a of agg.args) collectColumns(a, out);
  if (agg.filter) collectColumns(agg.filter, out);
  return out;
}

/** True when every column `expr` reads is in `ids`. */
export function onlyReferences(expr: Expr, ids: ReadonlySet<ColumnId>): boolean {
  for (const id of columnsOf(expr)) if (!ids.has(id)) return false;
  return true;
}

/** True when `expr` reads at least one column of `ids`. */
export function referencesAny(expr: Expr, ids: ReadonlySet<ColumnId>): boolean {
  for (const id of columnsOf(expr)) if (ids.has(id)) return true;
  return false;
}

/**
 * Rewrites an expression bottom-up: `fn` sees each node after its children
 * were rewritten and returns a replacement (or the node). Subquery plans are
 * not entered (only a subquery's `input`). Unchanged subtrees keep identity.
 */
export function mapExpr(expr: Expr, fn: (e: Expr) => Expr): Expr {
  let node: Expr = expr;
  switch (expr.kind) {
    case 'call': {
      const args = mapList(expr.args, fn);
      if (args !== expr.args) node = { ...expr, args };
      break;
    }
    case 'cast': {
      const input = mapExpr(expr.input, fn);
      if (input !== expr.input) node = { ...expr, input };
      break;
    }
    case 'case': {
      let changed = false;
      const whens = expr.whens.map((w) => {
        const when = mapExpr(w.when, fn);
        const then = mapExpr(w.then, fn);
        if (when === w.when && then === w.then) return w;
        changed = true;
        return { when, then };
      });
      const otherwise = expr.otherwise ? mapExpr(expr.otherwise, fn) : null;
      if (changed || otherwise !== expr.otherwise) node = { ...expr, whens: changed ? whens : expr.whens, otherwise };
      break;
    }
    case 'in_list': {
      const input = mapExpr(expr.input, fn);
      const list = mapList(expr.list, fn);
      if (input !== expr.input || list !== expr.list) node = { ...expr, input, list };
      break;
    }
    case 'subquery': {
      if (expr.input) {
        const input = mapExpr(expr.input, fn);
        if (input !== expr.input) node = { ...expr, input };
      }
      break;
    }
    default: break;
  }
  return fn(node);
}

/** Maps a list of expressions, returning the same array when no element changed. */
export function mapList(list: readonly Expr[], fn: (e: Expr) => Expr): readonly Expr[] {
  let out: Expr[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const e = mapExpr(list[i]!, fn);
    if (e !== list[i] && out === null) out = list.slice(0, i);
    if (out !== null) out.push(e);
  }
  return out ?? list;
}

/** Replaces column references found in `map` (by id). */
export function substitute(expr: Expr, map: ReadonlyMap<ColumnId, Expr>): Expr {
  if (map.size === 0) return expr;
  return mapExpr(expr, (e) => {
    if (e.kind === 'column') return map.get(e.id) ?? e;
    if (e.kind === 'subquery' && e.outerRefs.some((id) => map.has(id))) {
      // Outer references of a subquery are renamed only when they map to plain columns.
      const outerRefs = e.outerRefs.map((id) => {
        const m = map.get(id);
        return m && m.kind === 'column' ? m.id : id;
      });
      return { ...e, outerRefs };
    }
    return e;
  });
}

/** True when the expression (outside subquery plans) contains a subquery. */
export function containsSubquery(expr: Expr): boolean {
  let found = false;
  mapExpr(expr, (e) => { if (e.kind === 'subquery') found = true; return e; });
  return found;
}

/** Functions whose result changes between calls: never folded, duplicated or moved. */
export const VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set([
  'random', 'setseed', 'gen_random_uuid', 'uuid', 'nextval', 'clock_timestamp', 'rand',
]);

/** True when the expression calls a volatile function or holds a subquery (not safe to move or copy). */
export function isVolatile(expr: Expr): boolean {
  let found = false;
  mapExpr(expr, (e) => {
    if (e.kind === 'subquery' || (e.kind === 'call' && VOLATILE_FUNCTIONS.has(e.fn))) found = true;
    return e;
  });
  return found;
}

/** Splits nested `and` calls into a flat list of conjuncts. */
export function splitConjuncts(expr: Expr): Expr[] {
  const out: Expr[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'call' && e.fn === 'and') for (const a of e.args) walk(a);
    else out.push(e);
  };
  walk(expr);
  return out;
}

/** Splits nested `or` calls into a flat list of disjuncts. */
export function splitDisjuncts(expr: Expr): Expr[] {
  const out: Expr[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'call' && e.fn === 'or') for (const a of e.args) walk(a);
    else out.push(e);
  };
  walk(expr);
  return out;
}

/** Left-deep `and` of the conjuncts; null when the list is empty. */
export function conjoin(conjuncts: readonly Expr[]): Expr | null {
  if (conjuncts.length === 0) return null;
  let acc = conjuncts[0]!;
  for (let i = 1; i < conjuncts.length; i++) acc = andExpr(acc, conjuncts[i]!);
  return acc;
}

/** `a AND b`. */
export function andExpr(a: Expr, b: Expr): Expr {
  return { kind: 'call', fn: 'and', args: [a, b], type: T.boolean };
}

/** `a OR b`. */
export function orExpr(a: Expr, b: Expr): Expr {
  return { kind: 'call', fn: 'or', args: [a, b], type: T.boolean };
}

/** `NOT a`. */
export function notExpr(a: Expr): Expr {
  return { kind: 'call', fn: 'not', args: [a], type: T.boolean };
}

/** `a = b`. */
export function eqExpr(a: Expr, b: Expr): Expr {
  return { kind: 'call', fn: 'eq', args: [a, b], type: T.boolean };
}

/** `a IS NULL`. */
export function isNullExpr(a: Expr): Expr {
  return { kind: 'call', fn: 'is_null', args: [a], type: T.boolean };
}

/** True for the literal `true`. */
export function isTrueLiteral(e: Expr): boolean {
  return e.kind === 'literal' && e.value === true;
}
/** True for the literal `false`. */
export function isFalseLiteral(e: Expr): boolean {
  return e.kind === 'literal' && e.value === false;
}
/** True for a NULL literal. */
export function isNullLiteral(e: Expr): boolean {
  return e.kind === 'literal' && e.value === null;
}

/** Structural equality of expressions (subquery plans compared by identity). */
export function exprEquals(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'column': return a.id === (b as typeof a).id;
    case 'literal': {
      const bv = (b as typeof a).value;
      if (typeof a.value === 'object' && a.value !== null && typeof bv === 'object' && bv !== null) {
        if (!isInterval(a.value) || !isInterval(bv)) return a.value === bv;
        return a.value.months === bv.months && a.value.days === bv.days && a.value.micros === bv.micros;
      }
      return a.value === bv && a.type.kind === (b as typeof a).type.kind;
    }
    case 'call': {
      const c = b as typeof a;
      return a.fn === c.fn && listEquals(a.args, c.args);
    }
    case 'cast': return a.type.kind === b.type.kind && JSON.stringify(a.type) === JSON.stringify(b.type)
      && exprEquals(a.input, (b as typeof a).input);
    case 'case': {
      const c = b as typeof a;
      if (a.whens.length !== c.whens.length) return false;
      for (let i = 0; i < a.whens.length; i++) {
        if (!exprEquals(a.whens[i]!.when, c.whens[i]!.when) || !exprEquals(a.whens[i]!.then, c.whens[i]!.then)) return false;
      }
      if (a.otherwise === null || c.otherwise === null) return a.otherwise === c.otherwise;
      return exprEquals(a.otherwise, c.otherwise);
    }
    case 'in_list': {
      const c = b as typeof a;
      return a.negated === c.negated && exprEquals(a.input, c.input) && listEquals(a.list, c.list);
    }
    case 'subquery': return false;
  }
}

function listEquals(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!exprEquals(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * Comparison operators and their mirror image (`a < b` ⇔ `b > a`). The
 * function registry names them eq ne lt le gt ge; the longer spellings
 * (neq, lte, gte) are accepted too.
 */
export const COMPARISON_FLIP: Readonly<Record<string, string>> = {
  eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le', neq: 'neq', lte: 'gte', gte: 'lte',
};
