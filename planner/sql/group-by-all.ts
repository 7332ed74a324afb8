/**
 * Databricks' / Spark's / DuckDB's `GROUP BY ALL`: group by every select-list expression that
 * has no aggregate. PostgreSQL reads `GROUP BY ALL` as a set quantifier needing items, so the
 * word becomes the empty grouping set `()` before parsing (same length) and its offset is
 * remembered; the adapter replaces that grouping set by the select list's non-aggregate items.
 */
import { isAggregateName } from '../functions/index.ts';
import type { AstExpr, SelectItem } from './ast.ts';
import { quotedRanges } from './try-cast.ts';

const PATTERN = /\bgroup\s+by\s+(all)(?=\s*(?:$|;|\)|\b(?:order|having|limit|offset|fetch|window|qualify|union|intersect|except)\b))/gi;

const ORDER_PATTERN = /\border\s+by\s+(all)(?=\s*(?:$|;|\)|\b(?:asc|desc|nulls|limit|offset|fetch|union|intersect|except)\b))/gi;

let offsets: readonly number[] = [];
let orderOffsets: readonly number[] = [];

/** `sql` with `GROUP BY ALL` as `GROUP BY ()`, and the offsets of those `(` (also kept for `isGroupByAllAt`). */
export function rewriteGroupByAll(sql: string): { text: string; offsets: number[] } {
  const found: number[] = [];
  if (/\bgroup\s+by\s+all\b/i.test(sql)) {
    const quoted = new Uint8Array(sql.length);
    for (const [a, b] of quotedRanges(sql)) quoted.fill(1, a, b);
    let out = sql;
    for (const m of sql.matchAll(PATTERN)) {
      if (quoted[m.index] === 1) continue;
      const at = m.index + m[0].length - 3;
      out = `${out.slice(0, at)}() ${out.slice(at + 3)}`;
      found.push(at);
    }
    sql = out;
  }
  offsets = found;
  orderOffsets = rewriteOrderByAll(sql);
  if (orderOffsets.length > 0) for (const at of orderOffsets) sql = `${sql.slice(0, at)}0  ${sql.slice(at + 3)}`;
  return { text: sql, offsets: found };
}

/**
 * `ORDER BY ALL [ASC|DESC] [NULLS …]` (Databricks, DuckDB): every select-list column in order.
 * The word becomes the position `0` (same length), which the binder expands when it stands at
 * one of these offsets (`isOrderByAllAt`); a written `ORDER BY 0` stays an error.
 */
function rewriteOrderByAll(sql: string): number[] {
  if (!/\border\s+by\s+all\b/i.test(sql)) return [];
  const quoted = new Uint8Array(sql.length);
  for (const [a, b] of quotedRanges(sql)) quoted.fill(1, a, b);
  return [...sql.matchAll(ORDER_PATTERN)].filter((m) => quoted[m.index] === 0).map((m) => m.index + m[0].length - 3);
}

/** True when the ORDER BY position 0 at `location` was written `ORDER BY ALL` (the statement being bound). */
export function isOrderByAllAt(location: number): boolean {
  return orderOffsets.includes(location);
}

/** True when the empty grouping set at `location` was written `GROUP BY ALL` (the statement being adapted). */
export function isGroupByAllAt(location: unknown): boolean {
  return typeof location === 'number' && offsets.includes(location);
}

/** The GROUP BY ALL items: the select list's expressions without aggregates (constants left out: they group nothing). */
export function groupByAllItems(targets: readonly SelectItem[]): AstExpr[] {
  const items: AstExpr[] = [];
  for (const t of targets) {
    if (t.kind !== 'expr') continue;
    const k = t.expr.kind;
    if (k === 'integer' || k === 'numeric' || k === 'string' || k === 'boolean' || k === 'null') continue;
    if (!hasAggregate(t.expr)) items.push(t.expr);
  }
  return items;
}

function hasAggregate(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasAggregate);
  if (node === null || typeof node !== 'object') return false;
  const e = node as { kind?: string; name?: string; over?: unknown };
  if (e.kind === 'subquery') return false;
  if (e.kind === 'func' && e.over === null && typeof e.name === 'string' && isAggregateName(e.name)) return true;
  return Object.values(node).some(hasAggregate);
}
