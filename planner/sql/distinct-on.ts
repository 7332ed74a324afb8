/**
 * SELECT DISTINCT ON (k, …) rewritten on the AST with row_number(), keeping the
 * first row of each group in ORDER BY order (PostgreSQL's semantics):
 *
 *   SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, c DESC
 * →
 *   SELECT __d.__c1 AS a, __d.__c2 AS b FROM (
 *     SELECT a AS __c1, b AS __c2, row_number() OVER (PARTITION BY a ORDER BY a, c DESC) AS __rn, a AS __o1, c AS __o2 FROM t
 *   ) AS __d WHERE __d.__rn = 1 ORDER BY __d.__o1, __d.__o2 DESC
 *
 * DISTINCT ON keys and ORDER BY items may name output columns (aliases or positions),
 * as in PostgreSQL; those are replaced by the select-list expression. The ORDER BY
 * must start with the DISTINCT ON keys (42P10 otherwise).
 */
import { LochError } from '../../core/index.ts';
import type { AstExpr, OrderByItem, Query, SelectQuery } from './ast.ts';
import { outputName } from './grouping-sets.ts';

/** The select-list expression an item names (`ORDER BY 2`, `ORDER BY alias`), else the item itself. */
function resolveOutput(e: AstExpr, select: SelectQuery): AstExpr {
  if (e.kind === 'integer') {
    const t = select.targets[e.value - 1];
    if (t?.kind === 'expr') return t.expr;
  }
  if (e.kind === 'column' && e.parts.length === 1) {
    const t = select.targets.find((x) => x.kind === 'expr' && x.alias === e.parts[0]);
    if (t?.kind === 'expr') return t.expr;
  }
  return e;
}

function sameExpr(a: AstExpr, b: AstExpr): boolean {
  const strip = (k: string, v: unknown) => (k === 'location' ? undefined : v);
  return JSON.stringify(a, strip) === JSON.stringify(b, strip);
}

/** True when `select` has DISTINCT ON and no star in its select list (the form this rewrite handles). */
export function isDistinctOn(select: SelectQuery): boolean {
  return Array.isArray(select.distinct) && select.targets.every((t) => t.kind === 'expr');
}

/** Rewrites a DISTINCT ON query (see the file comment). */
export function rewriteDistinctOn(select: SelectQuery): Query {
  const keys = (select.distinct as readonly AstExpr[]).map((k) => resolveOutput(k, select));
  const order: OrderByItem[] = select.orderBy.map((o) => ({ ...o, expr: resolveOutput(o.expr, select) }));
  for (let i = 0; i < Math.min(keys.length, order.length); i++) {
    if (!keys.some((k) => sameExpr(k, order[i]!.expr))) {
      throw new LochError('42P10', 'SELECT DISTINCT ON expressions must match initial ORDER BY expressions', { position: (select.orderBy[i]!.expr.location ?? -1) + 1 });
    }
  }
  if (hasWindow([keys, order])) return rewriteOverWindows(select, keys, order);
  const rowNumber: AstExpr = {
    kind: 'func', name: 'row_number', args: [], star: false, distinct: false, filter: null, orderBy: [],
    over: { partitionBy: keys, orderBy: order }, location: -1,
  };
  const inner: SelectQuery = {
    ...select, distinct: false, with: null, orderBy: [], limit: null, offset: null,
    targets: [
      ...select.targets.map((t, i) => ({ kind: 'expr' as const, expr: (t as { expr: AstExpr }).expr, alias: `__c${i + 1}` })),
      { kind: 'expr', expr: rowNumber, alias: '__rn' },
      ...order.map((o, i) => ({ kind: 'expr' as const, expr: o.expr, alias: `__o${i + 1}` })),
    ],
  };
  const ref = (name: string): AstExpr => ({ kind: 'column', parts: ['__d', name], location: -1 });
  return {
    kind: 'select', distinct: false,
    targets: select.targets.map((t, i) => ({ kind: 'expr', expr: ref(`__c${i + 1}`), alias: outputName(t) })),
    from: [{ kind: 'subquery', query: inner, alias: { name: '__d', columns: [] }, lateral: false, location: -1 }],
    where: { kind: 'op', op: '=', left: ref('__rn'), right: { kind: 'integer', value: 1, location: -1 }, location: -1 },
    groupBy: [], having: null,
    with: select.with, limit: select.limit, offset: select.offset,
    orderBy: order.map((o, i) => ({ ...o, expr: ref(`__o${i + 1}`) })),
  };
}

/** True when some expression in `node` calls a window function (`f(…) OVER (…)`). */
function hasWindow(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasWindow);
  if (node === null || typeof node !== 'object') return false;
  const e = node as { kind?: string; over?: unknown };
  if (e.kind === 'subquery') return false;
  if (e.kind === 'func' && e.over) return true;
  return Object.values(node).some(hasWindow);
}

/**
 * DISTINCT ON keys or ORDER BY items that are window functions (`DISTINCT ON (row_number() OVER (…))`):
 * row_number() cannot take them in its own OVER (window calls cannot nest), so one more level
 * computes the select list, keys and sort items first, and row_number() reads them as columns.
 */
function rewriteOverWindows(select: SelectQuery, keys: readonly AstExpr[], order: readonly OrderByItem[]): Query {
  const computed: SelectQuery = {
    ...select, distinct: false, with: null, orderBy: [], limit: null, offset: null,
    targets: [
      ...select.targets.map((t, i) => ({ kind: 'expr' as const, expr: (t as { expr: AstExpr }).expr, alias: `__c${i + 1}` })),
      ...keys.map((k, i) => ({ kind: 'expr' as const, expr: k, alias: `__k${i + 1}` })),
      ...order.map((o, i) => ({ kind: 'expr' as const, expr: o.expr, alias: `__o${i + 1}` })),
    ],
  };
  const col = (rel: string, name: string): AstExpr => ({ kind: 'column', parts: [rel, name], location: -1 });
  const rowNumber: AstExpr = {
    kind: 'func', name: 'row_number', args: [], star: false, distinct: false, filter: null, orderBy: [],
    over: { partitionBy: keys.map((_k, i) => col('__w', `__k${i + 1}`)), orderBy: order.map((o, i) => ({ ...o, expr: col('__w', `__o${i + 1}`) })) },
    location: -1,
  };
  const ranked: SelectQuery = {
    kind: 'select', distinct: false, from: [{ kind: 'subquery', query: computed, alias: { name: '__w', columns: [] }, lateral: false, location: -1 }],
    targets: [
      ...select.targets.map((_t, i) => ({ kind: 'expr' as const, expr: col('__w', `__c${i + 1}`), alias: `__c${i + 1}` })),
      { kind: 'expr', expr: rowNumber, alias: '__rn' },
      ...order.map((_o, i) => ({ kind: 'expr' as const, expr: col('__w', `__o${i + 1}`), alias: `__o${i + 1}` })),
    ],
    where: null, groupBy: [], having: null, with: null, orderBy: [], limit: null, offset: null,
  };
  return {
    kind: 'select', distinct: false,
    targets: select.targets.map((t, i) => ({ kind: 'expr', expr: col('__d', `__c${i + 1}`), alias: outputName(t) })),
    from: [{ kind: 'subquery', query: ranked, alias: { name: '__d', columns: [] }, lateral: false, location: -1 }],
    where: { kind: 'op', op: '=', left: col('__d', '__rn'), right: { kind: 'integer', value: 1, location: -1 }, location: -1 },
    groupBy: [], having: null,
    with: select.with, limit: select.limit, offset: select.offset,
    orderBy: order.map((o, i) => ({ ...o, expr: col('__d', `__o${i + 1}`) })),
  };
}
