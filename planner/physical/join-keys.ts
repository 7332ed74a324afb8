/**
 * Splits a join condition into equi-join key pairs and a residual.
 *
 * A conjunct `eq(a, b)` is a key pair when `a` reads only left columns and `b`
 * only right columns (or the other way round) and both sides hash alike: the
 * same type, or integers of any width (the hash kernels compare int16/int32/
 * int64 by value). Every other conjunct stays in the residual, which the join
 * evaluates on candidate pairs.
 */
import { type DataType, isInteger, isNarrowDecimal, typesEqual } from '../../core/index.ts';
import type { ColumnId, Expr } from '../expr.ts';

/** The AND of `exprs`, or null when empty. */
export function conjunction(exprs: readonly Expr[]): Expr | null {
  if (exprs.length === 0) return null;
  let out = exprs[0]!;
  for (let i = 1; i < exprs.length; i++) out = { kind: 'call', fn: 'and', args: [out, exprs[i]!], type: { kind: 'boolean' } };
  return out;
}

/** Flattens nested ANDs into a list of conjuncts. */
export function splitConjuncts(expr: Expr, out: Expr[] = []): Expr[] {
  if (expr.kind === 'call' && expr.fn === 'and') {
    for (const a of expr.args) splitConjuncts(a, out);
  } else {
    out.push(expr);
  }
  return out;
}

/** Collects the column ids an expression reads. */
export function referencedColumns(expr: Expr, out: Set<ColumnId> = new Set()): Set<ColumnId> {
  switch (expr.kind) {
    case 'column': out.add(expr.id); break;
    case 'literal': break;
    case 'call': for (const a of expr.args) referencedColumns(a, out); break;
    case 'cast': referencedColumns(expr.input, out); break;
    case 'case':
      for (const w of expr.whens) { referencedColumns(w.when, out); referencedColumns(w.then, out); }
      if (expr.otherwise) referencedColumns(expr.otherwise, out);
      break;
    case 'in_list':
      referencedColumns(expr.input, out);
      for (const e of expr.list) referencedColumns(e, out);
      break;
    case 'subquery':
      if (expr.input) referencedColumns(expr.input, out);
      for (const id of expr.outerRefs) out.add(id);
      break;
  }
  return out;
}

function within(expr: Expr, ids: ReadonlySet<ColumnId>): boolean {
  const refs = referencedColumns(expr);
  if (refs.size === 0) return false;
  for (const id of refs) if (!ids.has(id)) return false;
  return true;
}

/** True when equal values of the two types hash and compare equal in the worker's key stores. */
export function hashCompatible(a: DataType, b: DataType): boolean {
  if (typesEqual(a, b)) return true;
  if (isInteger(a) && isInteger(b)) return true;
  return isNarrowDecimal(a) && isNarrowDecimal(b) && a.scale === b.scale;
}

/** The equi-key pairs and residual of a join condition. */
export interface EquiJoinKeys {
  readonly leftKeys: Expr[];
  readonly rightKeys: Expr[];
  readonly residual: Expr | null;
}

/** Splits `condition` into hashable key pairs (left expr, right expr) and a residual. */
export function extractEquiKeys(condition: Expr | null, leftIds: ReadonlySet<ColumnId>, rightIds: ReadonlySet<ColumnId>): EquiJoinKeys {
  const leftKeys: Expr[] = [];
  const rightKeys: Expr[] = [];
  const rest: Expr[] = [];
  if (condition === null) return { leftKeys, rightKeys, residual: null };
  const conjuncts = splitConjuncts(condition);
  for (const c of conjuncts) {
    const pair = equiPair(c, leftIds, rightIds);
    if (pair) { leftKeys.push(pair[0]); rightKeys.push(pair[1]); } else rest.push(c);
  }
  if (leftKeys.length === 0) {
    // (a = b AND p) OR (a = b AND q): the equality common to every branch is a key;
    // the disjunction stays whole in the residual.
    for (const c of conjuncts) {
      for (const [l, r] of commonEquiPairs(c, leftIds, rightIds)) { leftKeys.push(l); rightKeys.push(r); }
    }
  }
  return { leftKeys, rightKeys, residual: conjunction(rest) };
}

function equiPair(c: Expr, leftIds: ReadonlySet<ColumnId>, rightIds: ReadonlySet<ColumnId>): [Expr, Expr] | null {
  if (c.kind !== 'call' || c.fn !== 'eq' || c.args.length !== 2) return null;
  const [a, b] = c.args as [Expr, Expr];
  if (!hashCompatible(a.type, b.type)) return null;
  if (within(a, leftIds) && within(b, rightIds)) return [a, b];
  if (within(b, leftIds) && within(a, rightIds)) return [b, a];
  return null;
}

function splitDisjuncts(e: Expr, out: Expr[] = []): Expr[] {
  if (e.kind === 'call' && e.fn === 'or') for (const a of e.args) splitDisjuncts(a, out);
  else out.push(e);
  return out;
}

function commonEquiPairs(c: Expr, leftIds: ReadonlySet<ColumnId>, rightIds: ReadonlySet<ColumnId>): [Expr, Expr][] {
  const branches = splitDisjuncts(c);
  if (branches.length < 2) return [];
  const keyOf = (p: [Expr, Expr]): string => JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  let common = new Map<string, [Expr, Expr]>();
  let first = true;
  for (const b of branches) {
    const pairs = new Map<string, [Expr, Expr]>();
    for (const conj of splitConjuncts(b)) {
      const p = equiPair(conj, leftIds, rightIds);
      if (p) pairs.set(keyOf(p), p);
    }
    common = first ? pairs : new Map([...common].filter(([k]) => pairs.has(k)));
    first = false;
    if (common.size === 0) return [];
  }
  return [...common.values()];
}
