/**
 * Cardinality estimation for join ordering: rough, cheap and deterministic.
 *
 * - Scans: `Scan.rowEstimate` (file statistics, set by the binder), else 1000.
 * - Filters: selectivity heuristics: `= literal` 0.1 (1/distinct on a
 *   key-like column), ranges 0.33, LIKE 0.25, IS NULL 0.05, IN n×(=), AND
 *   multiplies, OR adds.
 * - Joins: |L|·|R|/max(ndv) for the strongest equality, where a key-like
 *   column's ndv is the row count of its table (before filters) and other
 *   columns take the row count of their side.
 * - Aggregates: the distinct count of a key-like group key, else 10% of input.
 *
 * A column "looks like a key" when its name ends in `key`/`id` and its stem
 * names its table (`o_orderkey` in `orders`, `c_custkey` in `customer`), or
 * when it is the single group key of an aggregate.
 */
import type { ColumnId, Expr } from '../expr.ts';
import { outputColumns, type LogicalPlan } from '../logical/logical-plan.ts';
import { splitConjuncts } from './expr-utils.ts';

/** Rows assumed for a scan without statistics. */
export const DEFAULT_SCAN_ROWS = 1000;

/** What the estimator knows about one column. */
export interface ColumnInfo {
  /** Distinct values, when the column looks like a key. */
  readonly distinct: number | undefined;
}

/** Estimated output rows of a plan. */
export function estimateRows(plan: LogicalPlan): number {
  switch (plan.kind) {
    case 'scan': return plan.rowEstimate ?? DEFAULT_SCAN_ROWS;
    case 'values': return plan.rows.length;
    case 'single_row': return 1;
    case 'empty': return 0;
    case 'cte_ref': return DEFAULT_SCAN_ROWS;
    case 'filter': return estimateRows(plan.input) * selectivity(plan.predicate, columnInfo(plan.input));
    case 'project': case 'cte_anchor': case 'window': return estimateRows(plan.input);
    case 'unnest': return estimateRows(plan.input) * 4;
    case 'sort': {
      const n = estimateRows(plan.input);
      return plan.fetch !== undefined ? Math.min(n, plan.fetch) : n;
    }
    case 'limit': {
      const n = Math.max(0, estimateRows(plan.input) - plan.offset);
      return plan.limit === null ? n : Math.min(n, plan.limit);
    }
    case 'distinct': return Math.max(1, estimateRows(plan.input) * 0.5);
    case 'aggregate': {
      if (plan.groupBy.length === 0) return 1;
      const input = estimateRows(plan.input);
      const info = columnInfo(plan.input);
      let groups = 1;
      let known = false;
      for (const g of plan.groupBy) {
        const d = g.kind === 'column' ? info.get(g.id)?.distinct : undefined;
        if (d !== undefined) { groups *= d; known = true; }
      }
      return Math.max(1, Math.min(input, known ? groups : input * 0.1));
    }
    case 'set_operation': {
      const l = estimateRows(plan.left);
      const r = estimateRows(plan.right);
      return plan.op === 'union' ? l + r : plan.op === 'intersect' ? Math.min(l, r) : l;
    }
    case 'join': return estimateJoin(plan);
  }
}

function estimateJoin(plan: LogicalPlan & { kind: 'join' }): number {
  const l = estimateRows(plan.left);
  const r = estimateRows(plan.right);
  const leftInfo = columnInfo(plan.left);
  const rightInfo = columnInfo(plan.right);
  const inner = plan.condition === null ? l * r : joinCardinality(l, r, splitConjuncts(plan.condition), leftInfo, rightInfo);
  switch (plan.joinType) {
    case 'inner': case 'cross': return inner;
    case 'left': return Math.max(l, inner);
    case 'right': return Math.max(r, inner);
    case 'full': return Math.max(l, r, inner);
    case 'semi': return Math.min(l, inner);
    case 'anti': case 'anti_null_aware': return Math.max(l * 0.1, l - Math.min(l, inner));
    case 'mark': return l;
  }
}

/**
 * Rows of joining sides of `l` and `r` rows on `conjuncts`: the strongest
 * equality between the sides counts as 1/max(ndv); other conjuncts by their
 * filter selectivity (extra equalities between the same sides are assumed
 * correlated with the first, as composite keys are).
 */
export function joinCardinality(
  l: number, r: number, conjuncts: readonly Expr[], leftInfo: ReadonlyMap<ColumnId, ColumnInfo>, rightInfo: ReadonlyMap<ColumnId, ColumnInfo>,
): number {
  let equiSel = 1;
  let other = 1;
  const both = new Map([...leftInfo, ...rightInfo]);
  for (const c of conjuncts) {
    const pair = equiColumns(c);
    if (pair !== null) {
      const [a, b] = pair;
      const aLeft = leftInfo.has(a) && rightInfo.has(b);
      const bLeft = leftInfo.has(b) && rightInfo.has(a);
      if (aLeft || bLeft) {
        const [li, ri] = aLeft ? [a, b] : [b, a];
        const sel = equalitySelectivity(leftInfo.get(li), rightInfo.get(ri), l, r);
        equiSel = Math.min(equiSel, sel);
        continue;
      }
    }
    other *= selectivity(c, both);
  }
  return Math.max(1, l * r * equiSel * other);
}

/** 1/max(ndv(a), ndv(b)), a key-like column's ndv being its table's rows and others' the rows of their side. */
export function equalitySelectivity(a: ColumnInfo | undefined, b: ColumnInfo | undefined, aRows: number, bRows: number): number {
  const da = a?.distinct;
  const db = b?.distinct;
  let ndv: number;
  if (da !== undefined || db !== undefined) ndv = Math.max(da ?? 0, db ?? 0);
  else ndv = Math.max(aRows, bRows);
  return 1 / Math.max(1, ndv);
}

/** `col = col`: the two column ids; else null. */
export function equiColumns(e: Expr): [ColumnId, ColumnId] | null {
  if (e.kind !== 'call' || e.fn !== 'eq' || e.args.length !== 2) return null;
  const [a, b] = e.args as [Expr, Expr];
  const ca = a.kind === 'cast' ? a.input : a;
  const cb = b.kind === 'cast' ? b.input : b;
  return ca.kind === 'column' && cb.kind === 'column' ? [ca.id, cb.id] : null;
}

/** Fraction of rows a predicate keeps. */
export function selectivity(pred: Expr, info: ReadonlyMap<ColumnId, ColumnInfo>): number {
  switch (pred.kind) {
    case 'literal': return pred.value === true ? 1 : 0;
    case 'in_list': {
      const eq = columnEqSelectivity(pred.input, info);
      const s = Math.min(1, pred.list.length * eq);
      return pred.negated ? 1 - s : s;
    }
    case 'call': break;
    default: return 0.5;
  }
  const args = pred.args;
  switch (pred.fn) {
    case 'and': return args.reduce((acc, a) => acc * selectivity(a, info), 1);
    case 'or': return args.reduce((acc, a) => { const s = selectivity(a, info); return acc + s - acc * s; }, 0);
    case 'not': return 1 - selectivity(args[0]!, info);
    case 'eq': {
      const pair = equiColumns(pred);
      if (pair !== null) return equalitySelectivity(info.get(pair[0]), info.get(pair[1]), 10, 10);
      const colSide = args.find((a) => a.kind === 'column' || a.kind === 'cast') ?? args[0]!;
      return columnEqSelectivity(colSide, info);
    }
    case 'ne': case 'neq': return 0.9;
    case 'lt': case 'le': case 'gt': case 'ge': case 'lte': case 'gte': return 0.33;
    case 'like': case 'ilike': return 0.25;
    case 'not_like': case 'not_ilike': return 0.75;
    case 'is_null': return 0.05;
    case 'is_not_null': return 0.95;
    default: return 0.5;
  }
}

function columnEqSelectivity(e: Expr, info: ReadonlyMap<ColumnId, ColumnInfo>): number {
  const c = e.kind === 'cast' ? e.input : e;
  const d = c.kind === 'column' ? info.get(c.id)?.distinct : undefined;
  return d !== undefined ? 1 / Math.max(1, d) : 0.1;
}

/** True when a column name looks like the primary key of `table`. */
export function looksLikeKey(column: string, table: string): boolean {
  const name = column.toLowerCase();
  if (name === 'id') return true;
  const m = /^(?:[a-z]+_)?([a-z]+?)_?(key|id)$/.exec(name);
  if (!m) return false;
  const stem = m[1]!;
  const t = table.toLowerCase().replace(/^.*\./, '');
  return stem.length >= 3 && t.startsWith(stem);
}

/** Per-column knowledge (distinct counts of key-like columns) for the columns a plan outputs. */
export function columnInfo(plan: LogicalPlan): Map<ColumnId, ColumnInfo> {
  const out = new Map<ColumnId, ColumnInfo>();
  fill(plan, out);
  const visible = new Set(outputColumns(plan).map((c) => c.id));
  for (const id of [...out.keys()]) if (!visible.has(id)) out.delete(id);
  return out;
}

function fill(plan: LogicalPlan, out: Map<ColumnId, ColumnInfo>): void {
  switch (plan.kind) {
    case 'scan': {
      const rows = plan.rowEstimate ?? DEFAULT_SCAN_ROWS;
      for (const c of plan.columns) out.set(c.id, { distinct: looksLikeKey(c.name, plan.tableName) ? rows : undefined });
      return;
    }
    case 'project': {
      fill(plan.input, out);
      plan.exprs.forEach((e, i) => {
        if (e.kind === 'column' && out.has(e.id)) out.set(plan.columns[i]!.id, out.get(e.id)!);
      });
      return;
    }
    case 'aggregate': {
      fill(plan.input, out);
      if (plan.groupBy.length === 1) out.set(plan.columns[0]!.id, { distinct: estimateRows(plan) });
      return;
    }
    case 'filter': case 'sort': case 'limit': case 'distinct': case 'window': case 'unnest': fill(plan.input, out); return;
    case 'cte_anchor': fill(plan.input, out); return;
    case 'join': fill(plan.left, out); fill(plan.right, out); return;
    default: return;
  }
}
