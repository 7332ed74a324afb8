/**
 * Join reordering from estimated cardinalities (estimate-rows.ts).
 *
 * Each maximal tree of inner/cross joins becomes a join graph; a new tree is
 * built that minimizes the sum of estimated intermediate result sizes:
 * exhaustively by dynamic programming over connected subsets (DPsize, bushy
 * trees) for up to 10 relations, greedily beyond. Only connected subsets are
 * joined, so a connected graph never yields a cross product; disconnected
 * components are cross-joined at the end, largest first. At every join the
 * smaller input goes on the right, the hash join's build side.
 *
 * A Project restores the original column order when the new tree outputs
 * columns in a different order (positional consumers depend on it).
 */
import type { ColumnId, Expr } from '../expr.ts';
import { children, outputColumns, withChildren, type Join, type LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import { conjoin } from './expr-utils.ts';
import { columnInfo, equalitySelectivity, equiColumns, selectivity, type ColumnInfo, estimateRows } from './estimate-rows.ts';
import { buildJoinGraph, isReorderableJoin, popcount, type JoinGraph } from './join-graph.ts';
import type { OptimizerRule } from './optimizer-rule.ts';
import { colRef, keepIfEqual } from './plan-utils.ts';

/** Selectivity of an equality that closes a cycle of the join graph on another equivalence class. */
const CORRELATED_EQUALITY_SELECTIVITY = 0.1;

/** Largest join graph reordered at all (relation sets are 31-bit masks). */
const MAX_RELATIONS = 30;

/** Largest join graph planned exhaustively. */
export const DP_MAX_RELATIONS = 10;

/** Reorders inner/cross joins by estimated cardinality. */
export const joinReorder: OptimizerRule = {
  name: 'join_reorder',
  rewrite(plan: LogicalPlan, _ctx: PlanContext): LogicalPlan {
    return keepIfEqual(plan, reorder(plan));
  },
};

function reorder(plan: LogicalPlan): LogicalPlan {
  if (!isReorderableJoin(plan)) return withChildren(plan, children(plan).map(reorder));
  const graph = buildJoinGraph(plan);
  // Relation sets are bitmasks of 31 bits; beyond that the tree is left as written.
  if (graph.relations.length > MAX_RELATIONS) return withChildren(plan, children(plan).map(reorder));
  const relations = graph.relations.map(reorder);
  const tree = planJoinGraph({ ...graph, relations });
  const wanted = outputColumns(plan);
  const got = outputColumns(tree);
  if (got.length === wanted.length && got.every((c, i) => c.id === wanted[i]!.id)) return tree;
  return { kind: 'project', input: tree, exprs: wanted.map(colRef), columns: wanted };
}

interface Candidate {
  readonly plan: LogicalPlan;
  readonly rows: number;
  readonly cost: number;
}

/** Builds the cheapest join tree for a join graph. */
export function planJoinGraph(graph: JoinGraph): LogicalPlan {
  const n = graph.relations.length;
  const est = new Estimator(graph);
  const leaves: Candidate[] = graph.relations.map((r, i) => {
    // Conjuncts over a single relation (normally pushed down already) filter it first.
    const own = graph.edges.filter((e) => e.mask === 1 << i).map((e) => e.expr);
    const p = own.length > 0 ? { kind: 'filter' as const, input: r, predicate: conjoin(own)! } : r;
    return { plan: p, rows: est.rows(1 << i), cost: 0 };
  });
  const best = n <= DP_MAX_RELATIONS ? dpSize(graph, leaves, est) : null;
  const items = leaves.map((c, i) => ({ cand: c, mask: 1 << i }));
  const planned = components(graph, n).map((mask) => {
    const dp = best?.(mask);
    // DP finds no plan for a component held together only by a conjunct over 3+ relations.
    return { cand: dp ?? greedy(items.filter((x) => (x.mask & mask) !== 0), graph, est), mask };
  });
  // Disconnected components: cross join, largest on the left.
  planned.sort((a, b) => b.cand.rows - a.cand.rows);
  let acc = planned[0]!;
  for (let i = 1; i < planned.length; i++) {
    const next = planned[i]!;
    const rows = acc.cand.rows * next.cand.rows;
    acc = { cand: { plan: joinPlans(acc.cand, next.cand, acc.mask, next.mask, graph), rows, cost: acc.cand.cost + next.cand.cost + rows }, mask: acc.mask | next.mask };
  }
  const residual = conjoin(graph.residual);
  return residual ? { kind: 'filter', input: acc.cand.plan, predicate: residual } : acc.cand.plan;
}

/** DPsize over connected subsets; returns a lookup of the best plan of a (connected) subset. */
function dpSize(graph: JoinGraph, leaves: readonly Candidate[], est: Estimator): (mask: number) => Candidate | null {
  const n = leaves.length;
  const full = (1 << n) - 1;
  const best = new Map<number, { cand: Candidate; left: number; right: number }>();
  leaves.forEach((c, i) => best.set(1 << i, { cand: c, left: 0, right: 0 }));
  const bySize: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let m = 1; m <= full; m++) bySize[popcount(m)]!.push(m);
  for (let size = 2; size <= n; size++) {
    for (const s of bySize[size]!) {
      let chosen: { cand: Candidate; left: number; right: number } | null = null;
      // Enumerate splits s = s1 ∪ s2 with s1 holding the lowest bit (each unordered split once).
      const low = s & -s;
      for (let s1 = (s - 1) & s; s1 > 0; s1 = (s1 - 1) & s) {
        if ((s1 & low) === 0) continue;
        const s2 = s ^ s1;
        const b1 = best.get(s1);
        const b2 = best.get(s2);
        if (!b1 || !b2 || !est.connected(s1, s2)) continue;
        const rows = est.rows(s);
        const cost = b1.cand.cost + b2.cand.cost + rows;
        if (chosen === null || cost < chosen.cand.cost) {
          chosen = { cand: { plan: null as unknown as LogicalPlan, rows, cost }, left: s1, right: s2 };
        }
      }
      if (chosen) best.set(s, chosen);
    }
  }
  const build = (mask: number): Candidate => {
    const entry = best.get(mask)!;
    if (popcount(mask) === 1) return entry.cand;
    const a = build(entry.left);
    const b = build(entry.right);
    return { ...entry.cand, plan: joinPlans(a, b, entry.left, entry.right, graph) };
  };
  return (mask) => (best.has(mask) ? build(mask) : null);
}

/**
 * Greedy: repeatedly join the connected pair with the smallest result; when
 * no pair is connected (a conjunct spans 3+ relations), the two smallest.
 */
function greedy(start: readonly { cand: Candidate; mask: number }[], graph: JoinGraph, est: Estimator): Candidate {
  let items = [...start];
  while (items.length > 1) {
    let pick: [number, number] | null = null;
    let pickRows = Infinity;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (!est.connected(items[i]!.mask, items[j]!.mask)) continue;
        const rows = est.rows(items[i]!.mask | items[j]!.mask);
        if (rows < pickRows) { pickRows = rows; pick = [i, j]; }
      }
    }
    if (pick === null) {
      const order = items.map((x, k) => ({ k, rows: x.cand.rows })).sort((a, b) => a.rows - b.rows);
      pick = [Math.min(order[0]!.k, order[1]!.k), Math.max(order[0]!.k, order[1]!.k)];
      pickRows = est.rows(items[pick[0]]!.mask | items[pick[1]]!.mask);
    }
    const [i, j] = pick;
    const a = items[i]!;
    const b = items[j]!;
    const plan = joinPlans(a.cand, b.cand, a.mask, b.mask, graph);
    const merged = { cand: { plan, rows: pickRows, cost: a.cand.cost + b.cand.cost + pickRows }, mask: a.mask | b.mask };
    items = [...items.filter((_, k) => k !== i && k !== j), merged];
  }
  return items[0]!.cand;
}

/** Joins two sub-plans on the conjuncts spanning them; the smaller goes on the right. */
function joinPlans(a: Candidate, b: Candidate, ma: number, mb: number, graph: JoinGraph): LogicalPlan {
  const s = ma | mb;
  const conds = graph.edges.filter((e) => (e.mask & s) === e.mask && (e.mask & ma) !== 0 && (e.mask & mb) !== 0).map((e) => e.expr);
  const [left, right] = b.rows > a.rows ? [b, a] : [a, b];
  const condition = conjoin(conds);
  const join: Join = { kind: 'join', joinType: condition ? 'inner' : 'cross', left: left.plan, right: right.plan, condition };
  return join;
}

/** Masks of the connected components of the graph. */
function components(graph: JoinGraph, n: number): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const e of graph.edges) {
    let first = -1;
    for (let i = 0; i < n; i++) {
      if ((e.mask & (1 << i)) === 0) continue;
      if (first < 0) first = i;
      else parent[find(i)] = find(first);
    }
  }
  const masks = new Map<number, number>();
  for (let i = 0; i < n; i++) masks.set(find(i), (masks.get(find(i)) ?? 0) | (1 << i));
  return [...masks.values()];
}

/**
 * Cardinality of a set of relations: the product of their rows times the
 * selectivity of the conjuncts inside the set, equalities counted along a
 * spanning forest (see `rows`).
 */
class Estimator {
  private readonly graph: JoinGraph;
  private readonly baseRows: number[];
  private readonly info: Map<ColumnId, ColumnInfo>;
  private readonly owner = new Map<ColumnId, number>();
  private readonly cache = new Map<number, number>();
  private readonly classes = new Map<ColumnId, ColumnId>();

  constructor(graph: JoinGraph) {
    this.graph = graph;
    this.baseRows = graph.relations.map(estimateRows);
    this.info = new Map();
    graph.relations.forEach((r, i) => {
      for (const [id, inf] of columnInfo(r)) this.info.set(id, inf);
      for (const c of outputColumns(r)) this.owner.set(c.id, i);
    });
    this.propagateKeyDistincts();
  }

  /**
   * Columns equated by the graph share their distinct count: `s_nationkey`
   * joined to the key `n_nationkey` has at most 25 values, which then also
   * bounds `c_nationkey = s_nationkey` (TPC-H Q5's cycle).
   */
  private propagateKeyDistincts(): void {
    const parent = new Map<ColumnId, ColumnId>();
    const find = (x: ColumnId): ColumnId => {
      const p = parent.get(x);
      if (p === undefined || p === x) return x;
      const r = find(p);
      parent.set(x, r);
      return r;
    };
    for (const e of this.graph.edges) {
      const cols = equiColumns(e.expr);
      if (cols) parent.set(find(cols[0]), find(cols[1]));
    }
    const classDistinct = new Map<ColumnId, number>();
    for (const [id, inf] of this.info) {
      if (inf.distinct === undefined) continue;
      const root = find(id);
      classDistinct.set(root, Math.min(classDistinct.get(root) ?? Infinity, inf.distinct));
    }
    for (const id of [...parent.keys(), ...this.info.keys()]) {
      const d = classDistinct.get(find(id));
      if (d !== undefined) this.info.set(id, { distinct: d });
      this.classes.set(id, find(id));
    }
  }

  connected(a: number, b: number): boolean {
    const s = a | b;
    return this.graph.edges.some((e) => (e.mask & s) === e.mask && (e.mask & a) !== 0 && (e.mask & b) !== 0);
  }

  rows(mask: number): number {
    const hit = this.cache.get(mask);
    if (hit !== undefined) return hit;
    let rows = 1;
    for (let i = 0; i < this.baseRows.length; i++) if (mask & (1 << i)) rows *= this.baseRows[i]!;
    // Equalities build a spanning forest, strongest first; one that closes a cycle is implied
    // (same equivalence class: ×1) or a correlated residual (composite keys, Q2's cost = min: ×0.1).
    const equis: { sel: number; a: number; b: number; cls: ColumnId }[] = [];
    for (const e of this.graph.edges) {
      if ((e.mask & mask) !== e.mask) continue;
      const pair = popcount(e.mask) === 2 ? this.equiPair(e.expr) : null;
      if (pair === null) { rows *= selectivity(e.expr, this.info); continue; }
      const [x, y] = pair;
      const sel = equalitySelectivity(this.info.get(x.id), this.info.get(y.id), this.baseRows[x.rel]!, this.baseRows[y.rel]!);
      equis.push({ sel, a: x.rel, b: y.rel, cls: this.classOf(x.id) });
    }
    equis.sort((p, q) => p.sel - q.sel);
    const parent = new Map<number, number>();
    const find = (r: number): number => {
      const p = parent.get(r);
      return p === undefined || p === r ? r : find(p);
    };
    const usedClasses = new Set<ColumnId>();
    for (const e of equis) {
      const ra = find(e.a);
      const rb = find(e.b);
      if (ra !== rb) {
        parent.set(ra, rb);
        rows *= e.sel;
        usedClasses.add(e.cls);
      } else if (!usedClasses.has(e.cls)) {
        rows *= CORRELATED_EQUALITY_SELECTIVITY;
      }
    }
    rows = Math.max(1, rows);
    this.cache.set(mask, rows);
    return rows;
  }

  private classOf(id: ColumnId): ColumnId {
    return this.classes.get(id) ?? id;
  }

  private equiPair(e: Expr): [{ id: ColumnId; rel: number }, { id: ColumnId; rel: number }] | null {
    const cols = equiColumns(e);
    if (cols === null) return null;
    const ra = this.owner.get(cols[0]);
    const rb = this.owner.get(cols[1]);
    if (ra === undefined || rb === undefined || ra === rb) return null;
    return [{ id: cols[0], rel: ra }, { id: cols[1], rel: rb }];
  }
}
