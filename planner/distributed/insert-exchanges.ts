/**
 * The exchange-insertion rule (DataFusion's EnforceDistribution, simplified):
 * bottom-up, wherever an input's output partitioning does not satisfy what its
 * parent requires (distribution.ts), put an ExchangeExec between them.
 *
 *   join, both sides large      → hash(left keys) / hash(right keys) on the sides
 *   join, small build side      → broadcast the build side (estimated bytes < threshold)
 *   NOT IN (null-aware) join    → always broadcast the build side
 *   aggregate                   → final ◄ hash(group keys) ◄ partial  (splitAggregate);
 *                                 global: final ◄ single ◄ partial; DISTINCT aggregates
 *                                 keep one phase over hash(group keys) or single
 *   top-k                       → top-k ◄ single ◄ top-k per partition
 *   limit                       → limit ◄ single ◄ limit(limit + offset) per partition
 *   sort                        → sort ◄ single
 *   CTE                         → its definition is computed once behind an exchange
 *                                 that every reference reads (the anchor dissolves)
 *   identical exchanges         → one, read by every consumer (reuse-exchanges.ts)
 *
 * Inputs that already satisfy the requirement (a join on keys an earlier
 * exchange hashed by, an aggregate over rows hashed by a subset of its group
 * keys, anything in one partition) get no exchange.
 */
import type { ColumnId, Expr } from '../expr.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';
import { isSplittable, splitAggregate } from '../physical/aggregate-states.ts';
import { type HashAggregateExec, type PhysicalPlan, physicalChildren } from '../physical/physical-plan.ts';
import {
  type Distribution, type DistributionOptions, outputPartitioning, requiredDistribution, satisfies, taskCount,
} from './distribution.ts';
import type { ExchangeExec, ExchangePartitioning } from './exchange-exec.ts';
import { reuseExchanges } from './reuse-exchanges.ts';

/** Rebuilds a physical node with new inputs (same order as `physicalChildren`). */
export function withPhysicalChildren(p: PhysicalPlan, inputs: readonly PhysicalPlan[]): PhysicalPlan {
  const old = physicalChildren(p);
  if (old.length === inputs.length && old.every((c, i) => c === inputs[i])) return p;
  switch (p.kind) {
    case 'filter': case 'project': case 'hash_aggregate': case 'sort': case 'top_k': case 'limit': case 'exchange': case 'shuffle_write': case 'window': case 'unnest':
      return { ...p, input: inputs[0]! };
    case 'hash_join': case 'nested_loop_join': case 'hash_set_op':
      return { ...p, left: inputs[0]!, right: inputs[1]! };
    case 'union':
      return { ...p, inputs };
    case 'cte_anchor':
      return { ...p, definition: inputs[0]!, input: inputs[1]! };
    default:
      return p;
  }
}

/** Fresh node and column ids above every id already in the plan. */
class IdSource {
  private node = 0;
  private column = 0;
  constructor(plan: PhysicalPlan) {
    const visit = (p: PhysicalPlan): void => {
      this.node = Math.max(this.node, p.nodeId + 1);
      for (const c of p.columns) this.column = Math.max(this.column, c.id + 1);
      for (const c of physicalChildren(p)) visit(c);
    };
    visit(plan);
  }
  nodeId = (): number => this.node++;
  columnId = (): ColumnId => this.column++;
}

function ref(c: PlanColumn): Expr {
  return { kind: 'column', id: c.id, name: c.name, type: c.type };
}

/** Adds exchanges so that every node's inputs are distributed as it requires. */
export function insertExchanges(plan: PhysicalPlan, options: DistributionOptions): PhysicalPlan {
  const ids = new IdSource(plan);
  const n = options.shufflePartitions;
  const ctes = new Map<number, ExchangeExec>();
  const unsplit = new Map<HashAggregateExec, HashAggregateExec>();

  const exchange = (input: PhysicalPlan, partitioning: ExchangePartitioning): ExchangeExec => ({
    kind: 'exchange', nodeId: ids.nodeId(), columns: input.columns,
    ...(input.rowEstimate !== undefined ? { rowEstimate: input.rowEstimate } : {}), input, partitioning,
  });
  const enforce = (input: PhysicalPlan, need: Distribution): PhysicalPlan => {
    if (satisfies(outputPartitioning(input), need, n)) return input;
    switch (need.kind) {
      case 'any': return input;
      case 'single': return exchange(input, { kind: 'single' });
      case 'broadcast': return exchange(input, { kind: 'broadcast' });
      case 'spread': return exchange(input, { kind: 'round_robin', partitions: n });
      case 'hash': return exchange(input, { kind: 'hash', keys: need.keys, partitions: n });
    }
  };

  const aggregate = (p: HashAggregateExec): PhysicalPlan => {
    const [need] = requiredDistribution(p, options);
    if (p.mode !== 'single' || satisfies(outputPartitioning(p.input), need!, n)) return withPhysicalChildren(p, [enforce(p.input, need!)]);
    if (!p.aggregates.every(isSplittable)) return { ...p, input: enforce(p.input, need!) };
    const final = splitAggregate(p, ids.columnId, ids.nodeId);
    const partial = final.input;
    const shuffled = final.groupBy.length === 0
      ? exchange(partial, { kind: 'single' })
      : exchange(partial, { kind: 'hash', keys: final.groupBy, partitions: n });
    const split: HashAggregateExec = { ...final, input: shuffled };
    unsplit.set(split, p);
    return split;
  };

  const enforceNode = (p: PhysicalPlan): PhysicalPlan => {
    switch (p.kind) {
      case 'hash_aggregate':
        return aggregate(p);
      case 'top_k': {
        if (taskCount(p.input) === 1) return p;
        const partial: PhysicalPlan = { ...p, nodeId: ids.nodeId() };
        return { ...p, input: exchange(partial, { kind: 'single' }) };
      }
      case 'limit': {
        if (taskCount(p.input) === 1) return p;
        if (p.limit === null) return { ...p, input: exchange(p.input, { kind: 'single' }) };
        const partial: PhysicalPlan = { ...p, nodeId: ids.nodeId(), limit: p.limit + p.offset, offset: 0 };
        return { ...p, input: exchange(partial, { kind: 'single' }) };
      }
      default: {
        const needs = requiredDistribution(p, options);
        return withPhysicalChildren(p, physicalChildren(p).map((c, i) => enforce(c, needs[i] ?? { kind: 'any' })));
      }
    }
  };

  const rewrite = (p: PhysicalPlan): PhysicalPlan => {
    if (p.kind === 'cte_anchor') {
      // Computed once: every reference reads the same exchange, so the cutter makes one stage of it.
      const definition = rewrite(p.definition);
      const part = outputPartitioning(definition);
      const shared = exchange(definition, part.kind === 'hash'
        ? { kind: 'hash', keys: part.keys, partitions: n }
        : taskCount(definition) === 1 ? { kind: 'single' } : { kind: 'round_robin', partitions: n });
      ctes.set(p.cteId, shared);
      return rewrite(p.input);
    }
    if (p.kind === 'cte_scan') {
      const shared = ctes.get(p.cteId);
      if (shared === undefined) return p;
      // The reference renames the definition's columns to its own ids, by position.
      return {
        kind: 'project', nodeId: p.nodeId, columns: p.columns, ...(p.rowEstimate !== undefined ? { rowEstimate: p.rowEstimate } : {}),
        input: shared, exprs: shared.columns.map(ref),
      };
    }
    return enforceNode(withPhysicalChildren(p, physicalChildren(p).map(rewrite)));
  };
  return reuseExchanges(rewrite(plan), { unsplit, nodeId: ids.nodeId });
}
