/**
 * Common subexpressions and scratch results of arithmetic nodes.
 *
 * 1. Sharing: every expression an operator compiles against one layout (the Map
 *    from layoutOf, one per operator) goes through one cache, so an arithmetic
 *    subtree that appears twice — TPC-H Q1's `l_extendedprice * (1 - l_discount)`
 *    inside two sums — is compiled to one node. That node remembers its last
 *    (batch, result) and returns the result again for the same Batch object
 *    (batches are immutable; a narrowed selection is a new Batch, so it recomputes).
 *    Only deterministic trees of columns, literals, casts and arithmetic are shared.
 *
 * 2. Scratch: an arithmetic node whose every consumer is another arithmetic node
 *    (which reads the operand inside its own evaluate and returns a fresh column)
 *    may write its result into a buffer it reuses for the next batch, instead of
 *    allocating 512 KB per 64K-row batch (allocation, page faults and GC of fresh
 *    arrays were most of Q1's arithmetic time). compileNode counts every use of a
 *    node; arithmetic parents count theirs; the result is scratch only when the two
 *    counts agree, which is settled before anything is evaluated.
 */
import type * as arrow from 'apache-arrow';
import type { Batch } from '../../core/index.ts';
import type { ColumnId, Expr } from '../../planner/index.ts';
import type { Node } from './node.ts';

/** How an arithmetic node is used: its result may be reused only if every use is an arithmetic operand. */
export interface ArithUses {
  uses: number;
  arithUses: number;
}

/** True when the node's output may live in a reused buffer. */
export function isScratch(u: ArithUses): boolean {
  return u.uses > 0 && u.uses === u.arithUses;
}

const usesOf = new WeakMap<Node, ArithUses>();

/** Registers an arithmetic node's use counters. */
export function trackArith(node: Node, uses: ArithUses): void {
  usesOf.set(node, uses);
}

/** Counts one use of `node` (every compileNode result). */
export function countUse(node: Node): void {
  const u = usesOf.get(node);
  if (u !== undefined) u.uses++;
}

/** Counts one use of `node` as an operand of an arithmetic node. */
export function countArithUse(node: Node): void {
  const u = usesOf.get(node);
  if (u !== undefined) u.arithUses++;
}

const sessions = new WeakMap<ReadonlyMap<ColumnId, number>, Map<string, Node>>();

/** The shared node for `expr` under `layout`, compiling it with `compile` on first sight. */
export function sharedNode(expr: Expr, layout: ReadonlyMap<ColumnId, number>, compile: () => Node): Node {
  const key = shareKey(expr);
  if (key === null) return compile();
  let session = sessions.get(layout);
  if (session === undefined) { session = new Map(); sessions.set(layout, session); }
  const hit = session.get(key);
  if (hit !== undefined) return hit;
  const node = memoizeLast(compile());
  session.set(key, node);
  return node;
}

const ARITH = new Set(['add', 'subtract', 'multiply', 'divide', 'modulo', 'negate']);

/** A structural key of an arithmetic tree over columns, literals and casts; null for anything else. */
function shareKey(expr: Expr): string | null {
  if (expr.kind !== 'call' || !ARITH.has(expr.fn)) return null;
  return keyOf(expr);
}

function keyOf(expr: Expr): string | null {
  switch (expr.kind) {
    case 'column': return `c${expr.id}:${typeKey(expr.type)}`;
    case 'literal': {
      const v = expr.value;
      if (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'string' && typeof v !== 'boolean' && v !== null) return null;
      return `l${typeof v}:${String(v)}:${typeKey(expr.type)}`;
    }
    case 'cast': {
      const inner = keyOf(expr.input);
      return inner === null ? null : `cast(${inner}):${typeKey(expr.type)}`;
    }
    case 'call': {
      if (!ARITH.has(expr.fn)) return null;
      const parts: string[] = [];
      for (const a of expr.args) { const k = keyOf(a); if (k === null) return null; parts.push(k); }
      return `${expr.fn}(${parts.join(',')}):${typeKey(expr.type)}`;
    }
    default: return null;
  }
}

function typeKey(t: Expr['type']): string {
  return JSON.stringify(t, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** Wraps a node so a second evaluation of the same Batch object returns the first result. */
function memoizeLast(node: Node): Node {
  if (node.constant !== null) return node;
  let lastBatch: Batch | null = null;
  let last: arrow.Data | null = null;
  const wrapped: Node = {
    type: node.type,
    constant: null,
    evaluate(batch: Batch): arrow.Data {
      if (batch === lastBatch && last !== null) return last;
      const out = node.evaluate(batch);
      lastBatch = batch;
      last = out;
      return out;
    },
  };
  const u = usesOf.get(node);
  if (u !== undefined) usesOf.set(wrapped, u);
  return wrapped;
}
