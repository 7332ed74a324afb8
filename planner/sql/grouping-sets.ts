/**
 * GROUP BY GROUPING SETS / ROLLUP / CUBE and grouping(), rewritten on the AST into
 * a UNION ALL of one ordinary GROUP BY query per grouping set:
 *
 *   SELECT a, b, sum(x), grouping(a, b) FROM t GROUP BY ROLLUP (a, b) ORDER BY 1
 * →
 *   SELECT __gs.__c1 AS a, … FROM (
 *       SELECT a, b, sum(x), 0 FROM t GROUP BY a, b
 *     UNION ALL SELECT a, NULL, sum(x), 1 FROM t GROUP BY a
 *     UNION ALL SELECT NULL, NULL, sum(x), 3 FROM t GROUP BY ()
 *   ) AS __gs(__c1, …) ORDER BY __gs.__c1
 *
 * In each branch a grouping expression outside the set reads as NULL (outside
 * aggregate arguments), and grouping(args) is the bit mask of its arguments that are
 * not grouped (first argument = most significant bit), as in PostgreSQL. ORDER BY
 * items become output positions or hidden columns of the union; DISTINCT becomes
 * UNION; LIMIT/OFFSET/WITH stay on the outer query. A window function over a
 * grouping-sets query would see one branch at a time, so such queries are refused.
 */
import { LochError, SqlState } from '../../core/index.ts';
import { isAggregateName } from '../functions/index.ts';
import type { AstExpr, OrderByItem, Query, SelectItem, SelectQuery } from './ast.ts';

/** One GROUP BY item as the parser reports it (adapter-neutral). */
export type GroupingSpec =
  | { readonly kind: 'expr'; readonly expr: AstExpr }
  | { readonly kind: 'empty' }
  | { readonly kind: 'simple' | 'rollup' | 'cube' | 'sets'; readonly items: readonly GroupingSpec[] };

type GroupingSet = readonly AstExpr[];

/** The grouping sets one item stands for (each a list of expressions). */
function expand(spec: GroupingSpec): GroupingSet[] {
  switch (spec.kind) {
    case 'expr': return [[spec.expr]];
    case 'empty': return [[]];
    case 'simple': return [spec.items.flatMap((i) => expand(i).flat())];
    case 'sets': return spec.items.flatMap(expand);
    case 'rollup': {
      const parts = spec.items.map((i) => expand(i).flat());
      const out: GroupingSet[] = [];
      for (let n = parts.length; n >= 0; n--) out.push(parts.slice(0, n).flat());
      return out;
    }
    case 'cube': {
      const parts = spec.items.map((i) => expand(i).flat());
      if (parts.length > 12) throw new LochError('54000', 'CUBE is limited to 12 elements');
      const out: GroupingSet[] = [];
      for (let mask = (1 << parts.length) - 1; mask >= 0; mask--) out.push(parts.filter((_p, i) => (mask & (1 << (parts.length - 1 - i))) !== 0).flat());
      return out;
    }
  }
}

/** The cross product of the items' sets: `GROUP BY a, ROLLUP (b)` is {(a, b), (a)}. */
export function groupingSetsOf(specs: readonly GroupingSpec[]): GroupingSet[] {
  let sets: GroupingSet[] = [[]];
  for (const s of specs) {
    const next: GroupingSet[] = [];
    for (const left of sets) for (const right of expand(s)) next.push([...left, ...right]);
    sets = next;
  }
  return sets;
}

/**
 * Column names that two differently qualified grouping columns share (`CUBE (a.c1, b.c1)`): those
 * columns keep their qualifier in `keyOf`. Set by `expandGroupingSets` for the query it rewrites.
 */
let qualifiedNames: ReadonlySet<string> = new Set();

function columnKey(parts: readonly string[]): string {
  const last = parts[parts.length - 1]!;
  return parts.length > 1 && qualifiedNames.has(last) ? `col:${parts.join('.')}` : `col:${last}`;
}

/** A structural key of an expression: locations dropped, column references by their last name (see `qualifiedNames`). */
function keyOf(e: AstExpr): string {
  if (e.kind === 'column') return columnKey(e.parts);
  return JSON.stringify(e, (k, v) => (k === 'location' ? undefined : v && typeof v === 'object' && v.kind === 'column' ? columnKey(v.parts) : v));
}

/** The names of `sets`' grouping columns that appear under two or more qualifiers. */
function sharedColumnNames(sets: readonly GroupingSet[]): Set<string> {
  const qualifiers = new Map<string, Set<string>>();
  for (const set of sets) {
    for (const e of set) {
      if (e.kind !== 'column' || e.parts.length < 2) continue;
      const last = e.parts[e.parts.length - 1]!;
      const q = qualifiers.get(last) ?? new Set<string>();
      q.add(e.parts.slice(0, -1).join('.'));
      qualifiers.set(last, q);
    }
  }
  return new Set([...qualifiers].filter(([, q]) => q.size > 1).map(([name]) => name));
}

function usesGrouping(node: unknown): boolean {
  return JSON.stringify(node ?? null).includes('"name":"grouping"');
}

/** True when a GROUP BY list needs this rewrite: real grouping sets, or grouping() used. */
export function needsGroupingRewrite(specs: readonly GroupingSpec[], select: SelectQuery): boolean {
  return specs.some((s) => s.kind !== 'expr' && s.kind !== 'empty') || usesGrouping([select.targets, select.having, select.orderBy]);
}

/** Rewrites `select` (whose GROUP BY is `specs`) into the union of its grouping sets. */
export function expandGroupingSets(select: SelectQuery, specs: readonly GroupingSpec[]): Query {
  const sets = groupingSetsOf(specs);
  qualifiedNames = sharedColumnNames(sets);
  const all = new Map<string, AstExpr>();
  for (const s of sets) for (const e of s) all.set(keyOf(e), e);
  if (JSON.stringify(select.targets).includes('"over":{')) throw new LochError(SqlState.featureNotSupported, 'window functions over GROUPING SETS / ROLLUP / CUBE are not supported yet');
  const hasStar = select.targets.some((t) => t.kind === 'star');
  // ORDER BY items: a position in the select list, or a hidden column added to every branch.
  const hidden: AstExpr[] = [];
  const order: { position: number; item: OrderByItem }[] = [];
  if (!hasStar) {
    for (const item of select.orderBy) {
      let position = -1;
      if (item.expr.kind === 'integer') position = item.expr.value;
      else {
        const k = keyOf(item.expr);
        const single = item.expr.kind === 'column' && item.expr.parts.length === 1 ? item.expr.parts[0] : null;
        const i = select.targets.findIndex((t) => t.kind === 'expr' && ((single !== null && t.alias === single) || keyOf(t.expr) === k));
        if (i >= 0) position = i + 1;
        else { hidden.push(item.expr); position = select.targets.length + hidden.length; }
      }
      order.push({ position, item });
    }
  }
  const branches: SelectQuery[] = sets.map((set) => {
    const grouped = new Set(set.map(keyOf));
    const missing = new Set([...all.keys()].filter((k) => !grouped.has(k)));
    const sub = (e: AstExpr): AstExpr => substitute(e, missing, grouped, all);
    // SELECT *: the columns grouped in other sets only read as NULL here (typed like the column)
    const replace = [...missing].filter((k) => k.startsWith('col:')).map((k) => ({ name: k.slice(4).split('.').pop()!, expr: typedNull(all.get(k)!) }));
    const targets: SelectItem[] = [
      ...select.targets.map((t) => (t.kind === 'expr' ? { ...t, expr: sub(t.expr) } : replace.length > 0 ? { ...t, replace } : t)),
      ...hidden.map((e, i) => ({ kind: 'expr' as const, expr: sub(e), alias: `__gs_order_${i + 1}` })),
    ];
    // The empty set is one group even without aggregates (and over no rows): HAVING count(*) >= 0 makes it an aggregation.
    const always: AstExpr = { kind: 'op', op: '>=', left: { kind: 'func', name: 'count', args: [], star: true, distinct: false, filter: null, orderBy: [], over: null, location: -1 }, right: { kind: 'integer', value: 0, location: -1 }, location: -1 };
    const having = select.having ? sub(select.having) : null;
    return {
      ...select, targets, distinct: false, with: null, orderBy: [], limit: null, offset: null, groupBy: set,
      having: set.length > 0 ? having : having ? { kind: 'and', args: [having, always], location: -1 } : always,
    };
  });
  let union: Query = branches[0]!;
  for (const b of branches.slice(1)) union = { kind: 'set_operation', op: 'union', all: select.distinct !== true, left: union, right: b, with: null, orderBy: [], limit: null, offset: null };
  if (branches.length === 1 && select.distinct === true) union = { ...branches[0]!, distinct: true };
  if (hasStar) return { ...union, with: select.with, orderBy: select.orderBy, limit: select.limit, offset: select.offset };
  const width = select.targets.length + hidden.length;
  const inner = Array.from({ length: width }, (_v, i) => `__c${i + 1}`);
  const ref = (i: number): AstExpr => ({ kind: 'column', parts: ['__gs', inner[i]!], location: -1 });
  return {
    kind: 'select', distinct: false,
    targets: select.targets.map((t, i) => ({ kind: 'expr', expr: ref(i), alias: outputName(t) })),
    from: [{ kind: 'subquery', query: union, alias: { name: '__gs', columns: inner }, lateral: false, location: -1 }],
    where: null, groupBy: [], having: null,
    with: select.with, limit: select.limit, offset: select.offset,
    orderBy: order.map(({ position, item }) => ({ ...item, expr: position >= 1 && position <= width ? ref(position - 1) : item.expr })),
  };
}

/** The name PostgreSQL gives an output column (alias, column name, function name, else ?column?). */
export function outputName(t: SelectItem): string {
  if (t.kind !== 'expr') return '?column?';
  if (t.alias) return t.alias;
  if (t.expr.kind === 'column') return t.expr.parts[t.expr.parts.length - 1]!;
  if (t.expr.kind === 'func') return t.expr.name;
  if (t.expr.kind === 'typecast' && t.expr.expr.kind === 'column') return t.expr.expr.parts[t.expr.expr.parts.length - 1]!;
  return '?column?';
}

/**
 * NULL of the type of grouping expression `e`: `any_value(e) FILTER (WHERE false)`. A bare NULL would be
 * unknown, and two branches with NULL in the same column would make the union's column text.
 */
function typedNull(e: AstExpr): AstExpr {
  return { kind: 'func', name: 'any_value', args: [e], star: false, distinct: false, filter: { kind: 'boolean', value: false, location: -1 }, orderBy: [], over: null, location: -1 };
}

/** Replaces ungrouped grouping expressions by NULL and grouping(…) by its bit mask, outside aggregate arguments. */
function substitute(e: AstExpr, missing: ReadonlySet<string>, grouped: ReadonlySet<string>, all: ReadonlyMap<string, AstExpr>): AstExpr {
  const k = keyOf(e);
  if (missing.has(k)) return typedNull(all.get(k) ?? e);
  if (grouped.has(k)) return e;
  if (e.kind === 'func') {
    if (e.name === 'grouping' && e.over === null) {
      let mask = 0;
      for (const a of e.args) {
        const k = keyOf(a);
        if (!grouped.has(k) && !missing.has(k)) {
          throw new LochError(SqlState.groupingError, 'arguments to GROUPING must be grouping expressions of the associated query level', { position: e.location + 1 });
        }
        mask = (mask << 1) | (grouped.has(k) ? 0 : 1);
      }
      return { kind: 'integer', value: mask, location: e.location };
    }
    if (isAggregateName(e.name) && e.over === null) return e;
  }
  if (e.kind === 'subquery') return e;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(e)) out[key] = mapExprs(v, (x) => substitute(x, missing, grouped, all));
  return out as AstExpr;
}

const EXPR_KINDS = new Set(['column', 'integer', 'numeric', 'string', 'boolean', 'null', 'param', 'typecast', 'op', 'and', 'or', 'not', 'func', 'case',
  'between', 'in_list', 'like', 'is_null', 'is_bool', 'distinct_from', 'coalesce', 'greatest', 'least', 'nullif', 'subquery', 'current']);

/** Applies `f` to the expressions directly inside a field value (arrays, CASE arms, …). */
function mapExprs(v: unknown, f: (e: AstExpr) => AstExpr): unknown {
  if (Array.isArray(v)) return v.map((x) => mapExprs(x, f));
  if (v === null || typeof v !== 'object') return v;
  const o = v as { kind?: unknown };
  if (typeof o.kind === 'string' && EXPR_KINDS.has(o.kind)) return f(v as AstExpr);
  const out: Record<string, unknown> = {};
  for (const [key, x] of Object.entries(v)) out[key] = mapExprs(x, f);
  return out;
}
