/**
 * Exchange reuse (Spark's ReuseExchange): two exchanges that move the same rows
 * the same way — identical input subtrees up to column ids, identical
 * partitioning — become one, so the stage cutter makes one stage of it and
 * both consumers read its shuffle output. The second consumer reads it through
 * a ProjectExec renaming the shared exchange's columns to its own ids, by
 * position (as a CTE reference does).
 *
 * An aggregate split into final ◄ hash(K) ◄ partial ◄ X also goes back to one
 * phase when the plan already shuffles X itself by hash(K) elsewhere (TPC-H
 * Q18: `GROUP BY l_orderkey` over the same lineitem scan that the join
 * shuffles by l_orderkey): it aggregates that shuffle's rows directly, which
 * saves a second scan, the partial aggregation and the second shuffle.
 *
 *   final agg ◄ hash(K) ◄ partial ◄ X        single agg ◄ project(rename) ◄ E
 *   join ◄ E = hash(K') ◄ X'  (X' ≡ X)   ⇒   join ◄ E
 */
import type { ColumnId, Expr } from '../expr.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';
import { VOLATILE_FUNCTIONS } from '../optimizer/expr-utils.ts';
import { type HashAggregateExec, type PhysicalPlan, physicalChildren } from '../physical/physical-plan.ts';
import type { ExchangeExec, ExchangePartitioning } from './exchange-exec.ts';
import { withPhysicalChildren as withChildren } from './insert-exchanges.ts';

/** What `reuseExchanges` needs from exchange insertion. */
export interface ReuseContext {
  /** The single-phase aggregate each final aggregate was split from (its input already rewritten). */
  readonly unsplit: ReadonlyMap<HashAggregateExec, HashAggregateExec>;
  readonly nodeId: () => number;
}

/**
 * A canonical text of `partitioning` over `input`: node ids, row estimates and
 * names and table aliases (qualifiers: a self-join's `a` and `b`) left out, column ids numbered in order of first appearance, scan
 * sources by identity. Equal texts mean the same rows moved the same way.
 * A subtree calling a volatile function (random(), uuid()) gets a text of its
 * own: two evaluations of it are not the same rows.
 */
export function exchangeFingerprint(input: PhysicalPlan, partitioning: ExchangePartitioning): string {
  const ids = new Map<ColumnId, number>();
  const sources = new Map<object, number>();
  let volatile = false;
  const replacer = (key: string, value: unknown): unknown => {
    switch (key) {
      case 'nodeId': case 'rowEstimate': case 'name': case 'qualifier': return undefined;
      case 'id': {
        if (typeof value !== 'number') return value;
        let c = ids.get(value);
        if (c === undefined) { c = ids.size; ids.set(value, c); }
        return c;
      }
      case 'source': {
        if (value === null || typeof value !== 'object') return value;
        let s = sources.get(value);
        if (s === undefined) { s = sourceNumber(value); sources.set(value, s); }
        return s;
      }
      case 'fn': if (typeof value === 'string' && VOLATILE_FUNCTIONS.has(value)) volatile = true; return value;
      default: return typeof value === 'bigint' ? `${value}n` : value;
    }
  };
  const parts = partitioning.kind === 'hash' ? [partitioning.kind, partitioning.keys, partitioning.partitions]
    : partitioning.kind === 'round_robin' ? [partitioning.kind, partitioning.partitions] : [partitioning.kind];
  const text = JSON.stringify([input, parts], replacer);
  return volatile ? `volatile ${nextVolatile++}` : text;
}

let nextVolatile = 0;

/** Scan sources compare by identity: one number per distinct object for the whole process. */
const sourceIds = new WeakMap<object, number>();
let nextSourceId = 0;
function sourceNumber(source: object): number {
  let n = sourceIds.get(source);
  if (n === undefined) { n = nextSourceId++; sourceIds.set(source, n); }
  return n;
}

function ref(c: PlanColumn): Expr {
  return { kind: 'column', id: c.id, name: c.name, type: c.type };
}

/** Merges identical exchanges and unsplits aggregates whose input is already shuffled by their keys. */
export function reuseExchanges(plan: PhysicalPlan, context: ReuseContext): PhysicalPlan {
  // Every exchange of the plan by fingerprint (the first one found is kept).
  const all = new Map<string, ExchangeExec>();
  const fingerprints = new Map<ExchangeExec, string>();
  const collect = (p: PhysicalPlan): void => {
    if (p.kind === 'exchange' && !fingerprints.has(p)) {
      const fp = exchangeFingerprint(p.input, p.partitioning);
      fingerprints.set(p, fp);
      if (!all.has(fp)) all.set(fp, p);
    }
    for (const c of physicalChildren(p)) collect(c);
  };
  collect(plan);

  const kept = new Map<string, ExchangeExec>();
  /** The shared exchange for `e`, its columns renamed to `columns` when they differ. */
  const readAs = (e: ExchangeExec, columns: readonly PlanColumn[], rowEstimate: number | undefined): PhysicalPlan => {
    const fp = fingerprints.get(e)!;
    let shared = kept.get(fp);
    if (shared === undefined) {
      shared = withChildren(e, [visit(e.input)]) as ExchangeExec;
      kept.set(fp, shared);
    }
    if (shared.columns.length === columns.length && shared.columns.every((c, i) => c.id === columns[i]!.id)) return shared;
    return {
      kind: 'project', nodeId: context.nodeId(), columns, ...(rowEstimate !== undefined ? { rowEstimate } : {}),
      input: shared, exprs: shared.columns.map(ref),
    };
  };

  const visit = (p: PhysicalPlan): PhysicalPlan => {
    if (p.kind === 'exchange') return readAs(p, p.columns, p.rowEstimate);
    if (p.kind === 'hash_aggregate' && p.mode === 'final') {
      const single = context.unsplit.get(p);
      const shuffle = p.input;
      if (single !== undefined && shuffle.kind === 'exchange' && shuffle.partitioning.kind === 'hash') {
        const raw = all.get(exchangeFingerprint(single.input, { kind: 'hash', keys: single.groupBy, partitions: shuffle.partitioning.partitions }));
        if (raw !== undefined) return { ...single, input: readAs(raw, single.input.columns, single.input.rowEstimate) };
      }
    }
    return withChildren(p, physicalChildren(p).map(visit));
  };
  return visit(plan);
}
