/**
 * What each physical node declares for distribution (DataFusion's
 * `output_partitioning` / `required_input_distribution`):
 *
 * - `outputPartitioning(node)`: how the node's rows are spread over its tasks,
 *   derived from its inputs (single, hash(keys, n), round_robin(n), unknown(n),
 *   or broadcast: a replicated input, which takes the task count of its siblings);
 * - `requiredDistribution(node, …)`: what the node needs of each input for a
 *   correct answer when its tasks run independently (any, single, hash(keys),
 *   broadcast). insert-exchanges.ts adds an exchange wherever an input's
 *   partitioning does not satisfy its requirement.
 */
import type { ColumnId, Expr } from '../expr.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';
import type { HashJoinExec, NestedLoopJoinExec, PhysicalPlan } from '../physical/physical-plan.ts';

/** How a node's output rows are spread over partitions (tasks). */
export type OutputPartitioning =
  | { readonly kind: 'single' }
  /**
   * `alternatives`: other key lists that partition the same rows equally, e.g. the
   * right keys of an inner equi-join (every output row has left key = right key).
   */
  | { readonly kind: 'hash'; readonly keys: readonly Expr[]; readonly partitions: number; readonly alternatives?: readonly (readonly Expr[])[] }
  | { readonly kind: 'round_robin'; readonly partitions: number }
  | { readonly kind: 'unknown'; readonly partitions: number }
  /** Every task sees every row (a broadcast read); the task count comes from the node's siblings. */
  | { readonly kind: 'broadcast' };

/** What a node needs of one input. `hash` with `exact`: keyed in this order with `partitions` (join sides must agree). */
export type Distribution =
  | { readonly kind: 'any' }
  | { readonly kind: 'single' }
  | { readonly kind: 'hash'; readonly keys: readonly Expr[]; readonly exact: boolean }
  /** Exactly `shufflePartitions` partitions, however keyed (UNION ALL inputs of different widths). */
  | { readonly kind: 'spread' }
  | { readonly kind: 'broadcast' };

/** Knobs of distributed planning. */
export interface DistributionOptions {
  /** Partitions of every hash/round-robin exchange (Spark's spark.sql.shuffle.partitions). */
  readonly shufflePartitions: number;
  /** A join build side estimated below this many bytes is broadcast instead of hash-partitioned. */
  readonly broadcastThresholdBytes: number;
  /** Scan pieces are bin-packed into partitions of about this many bytes. */
  readonly targetSplitBytes: number;
  /**
   * Task slots of the cluster (0 or absent: unknown). When set, a scan's target split size
   * shrinks to about its bytes / parallelism (never below MIN_SPLIT_BYTES), as Spark's
   * maxSplitBytes does with defaultParallelism: a 50 MB table then runs as one task per slot
   * instead of one task while the other slots idle.
   */
  readonly parallelism?: number;
}

/** Smallest split size the parallelism rule shrinks to (Spark's openCostInBytes). */
export const MIN_SPLIT_BYTES = 4 * 1024 * 1024;

/** Defaults: 8 shuffle partitions, 10 MiB broadcasts (Spark's autoBroadcastJoinThreshold), 128 MiB splits. */
export const DEFAULT_DISTRIBUTION_OPTIONS: DistributionOptions = {
  shufflePartitions: 8,
  broadcastThresholdBytes: 10 * 1024 * 1024,
  targetSplitBytes: 128 * 1024 * 1024,
};

/** Tasks needed to produce a partitioning; undefined for broadcast (it adapts). */
export function partitionCount(p: OutputPartitioning): number | undefined {
  switch (p.kind) {
    case 'single': return 1;
    case 'broadcast': return undefined;
    default: return p.partitions;
  }
}

function spread(n: number): OutputPartitioning {
  return n <= 1 ? { kind: 'single' } : { kind: 'unknown', partitions: n };
}

function ref(c: PlanColumn): Expr {
  return { kind: 'column', id: c.id, name: c.name, type: c.type };
}

/** Structural equality of expressions; columns compare by id only. */
export function exprEquals(a: Expr, b: Expr): boolean {
  if (a.kind === 'column' && b.kind === 'column') return a.id === b.id;
  if (a.kind !== b.kind) return false;
  return stableJson(a) === stableJson(b);
}

function stableJson(e: Expr): string {
  return JSON.stringify(e, (k, v: unknown) => (k === 'name' ? undefined : typeof v === 'bigint' ? `${v}n` : v));
}

/** Maps hash keys through `rename` (input column id → output column); null when a key does not survive. */
function renameKeys(keys: readonly Expr[], rename: ReadonlyMap<ColumnId, PlanColumn>): Expr[] | null {
  const out: Expr[] = [];
  for (const k of keys) {
    if (k.kind !== 'column') return null;
    const c = rename.get(k.id);
    if (c === undefined) return null;
    out.push(ref(c));
  }
  return out;
}

/** Every key list that partitions the rows (the primary first). */
function keyLists(p: OutputPartitioning & { kind: 'hash' }): readonly (readonly Expr[])[] {
  return [p.keys, ...(p.alternatives ?? [])];
}

function hashOf(lists: readonly (readonly Expr[])[], partitions: number): OutputPartitioning {
  const [keys, ...alternatives] = lists;
  if (keys === undefined) return { kind: 'unknown', partitions };
  return alternatives.length > 0 ? { kind: 'hash', keys, partitions, alternatives } : { kind: 'hash', keys, partitions };
}

function carryHash(input: OutputPartitioning, rename: ReadonlyMap<ColumnId, PlanColumn>): OutputPartitioning {
  if (input.kind !== 'hash') return input;
  const lists = keyLists(input).map((l) => renameKeys(l, rename)).filter((l): l is Expr[] => l !== null);
  return hashOf(lists, input.partitions);
}

/** For an inner equi-join: each key list again with join keys of one side swapped for the other side's. */
function equiJoinAlternatives(left: OutputPartitioning & { kind: 'hash' }, leftKeys: readonly Expr[], rightKeys: readonly Expr[]): OutputPartitioning {
  const lists = [...keyLists(left)];
  for (const list of keyLists(left)) {
    const swapped = list.map((k) => {
      const i = leftKeys.findIndex((l) => exprEquals(l, k));
      return i >= 0 ? rightKeys[i]! : k;
    });
    if (!lists.some((l) => l.length === swapped.length && l.every((k, i) => exprEquals(k, swapped[i]!)))) lists.push(swapped);
  }
  return hashOf(lists, left.partitions);
}

const cache = new WeakMap<PhysicalPlan, OutputPartitioning>();

/** The node's output partitioning, derived bottom-up (memoized per node object). */
export function outputPartitioning(p: PhysicalPlan): OutputPartitioning {
  let out = cache.get(p);
  if (out === undefined) {
    out = derive(p);
    cache.set(p, out);
  }
  return out;
}

/** Tasks a node's subtree runs as (broadcast-only subtrees run as one). */
export function taskCount(p: PhysicalPlan): number {
  return partitionCount(outputPartitioning(p)) ?? 1;
}

function derive(p: PhysicalPlan): OutputPartitioning {
  switch (p.kind) {
    case 'scan': return spread(p.splits?.length ?? 1);
    case 'values': case 'single_row': case 'empty': case 'cte_scan': return { kind: 'single' };
    case 'filter': case 'sort': case 'top_k': case 'limit': case 'shuffle_write': case 'window': case 'unnest': return outputPartitioning(p.input);
    case 'cte_anchor': return outputPartitioning(p.input);
    case 'project': {
      const rename = new Map<ColumnId, PlanColumn>();
      p.exprs.forEach((e, i) => { if (e.kind === 'column' && !rename.has(e.id)) rename.set(e.id, p.columns[i]!); });
      return carryHash(outputPartitioning(p.input), rename);
    }
    case 'hash_aggregate': {
      const input = outputPartitioning(p.input);
      if (input.kind === 'broadcast') return input;
      const rename = new Map<ColumnId, PlanColumn>();
      p.groupBy.forEach((e, i) => { if (e.kind === 'column') rename.set(e.id, p.columns[i]!); });
      return carryHash(input, rename);
    }
    case 'hash_join': case 'nested_loop_join': {
      const left = outputPartitioning(p.left);
      const right = outputPartitioning(p.right);
      if (left.kind === 'broadcast') return right.kind === 'broadcast' ? left : spread(partitionCount(right)!);
      // Unmatched build rows come out of right/full joins with NULL left keys: the left key no longer partitions them.
      if (p.joinType === 'right' || p.joinType === 'full') return spread(partitionCount(left)!);
      if (p.kind === 'hash_join' && p.joinType === 'inner' && left.kind === 'hash') return equiJoinAlternatives(left, p.leftKeys, p.rightKeys);
      return left;
    }
    case 'union': {
      for (const i of p.inputs) {
        const n = partitionCount(outputPartitioning(i));
        if (n !== undefined) return spread(n);
      }
      return { kind: 'broadcast' };
    }
    case 'hash_set_op': {
      const left = outputPartitioning(p.left);
      return left.kind === 'broadcast' ? left : spread(partitionCount(left)!);
    }
    case 'exchange': case 'unresolved_shuffle': case 'shuffle_read': return p.partitioning;
  }
}

/** Estimated bytes of a node's output: row estimate × estimated row width; Infinity when unknown. */
export function estimatedBytes(p: PhysicalPlan): number {
  if (p.rowEstimate === undefined) return Infinity;
  let width = 0;
  for (const c of p.columns) {
    switch (c.type.kind) {
      case 'null': break;
      case 'boolean': width += 1; break;
      case 'int16': width += 2; break;
      case 'int32': case 'float32': case 'date': width += 4; break;
      case 'decimal': width += c.type.precision <= 18 ? 8 : 16; break;
      case 'interval': width += 16; break;
      // Strings: offsets plus an average value; TPC-H text columns average ~25 bytes.
      case 'text': width += 32; break;
      default: width += 8;
    }
  }
  return p.rowEstimate * Math.max(width, 1);
}

/** Join types whose build (right) side may be replicated: no unmatched build rows are emitted. */
function buildSideReplicable(p: HashJoinExec | NestedLoopJoinExec): boolean {
  return p.joinType !== 'right' && p.joinType !== 'full';
}

const ANY: Distribution = { kind: 'any' };
const SINGLE: Distribution = { kind: 'single' };
const BROADCAST: Distribution = { kind: 'broadcast' };

/**
 * What `p` needs of each of its inputs (in `physicalChildren` order), given
 * its inputs' current partitionings. Aggregates, top-k and limits are handled
 * by insert-exchanges.ts (they split into a partial and a final step).
 */
export function requiredDistribution(p: PhysicalPlan, options: DistributionOptions): readonly Distribution[] {
  switch (p.kind) {
    case 'hash_aggregate':
      if (p.mode === 'partial') return [ANY];
      return [p.groupBy.length === 0 ? SINGLE : { kind: 'hash', keys: p.groupBy, exact: false }];
    case 'sort': case 'top_k': case 'limit': return [SINGLE];
    // Every row of a window partition must meet in one task.
    case 'window': return [p.partitionBy.length === 0 ? SINGLE : { kind: 'hash', keys: p.partitionBy, exact: false }];
    case 'hash_join': {
      if (taskCount(p.left) === 1 && taskCount(p.right) === 1) return [ANY, ANY];
      // NOT IN: one NULL anywhere on the build side decides every probe row, so every task needs the whole build side.
      if (p.nullAware) return buildSideReplicable(p) ? [ANY, BROADCAST] : [SINGLE, SINGLE];
      if (buildSideReplicable(p) && estimatedBytes(p.right) < options.broadcastThresholdBytes) return [ANY, BROADCAST];
      return [{ kind: 'hash', keys: p.leftKeys, exact: true }, { kind: 'hash', keys: p.rightKeys, exact: true }];
    }
    case 'nested_loop_join':
      if (taskCount(p.left) === 1 && taskCount(p.right) === 1) return [ANY, ANY];
      return buildSideReplicable(p) ? [ANY, BROADCAST] : [SINGLE, SINGLE];
    case 'hash_set_op': {
      if (taskCount(p.left) === 1 && taskCount(p.right) === 1) return [ANY, ANY];
      return [{ kind: 'hash', keys: p.left.columns.map(ref), exact: true }, { kind: 'hash', keys: p.right.columns.map(ref), exact: true }];
    }
    case 'union': {
      const counts = new Set(p.inputs.map((i) => partitionCount(outputPartitioning(i))).filter((n) => n !== undefined));
      // Every task of a stage runs the same partition number through every input: the inputs must agree.
      return p.inputs.map(() => (counts.size <= 1 ? ANY : { kind: 'spread' }));
    }
    case 'filter': case 'project': case 'cte_anchor': case 'exchange': case 'shuffle_write': case 'unnest':
      return [ANY];
    default:
      return [];
  }
}

/** True when an input partitioned as `have` meets `need` (joins also need the same partition count on both sides). */
export function satisfies(have: OutputPartitioning, need: Distribution, shufflePartitions: number): boolean {
  switch (need.kind) {
    case 'any': return true;
    case 'single': return partitionCount(have) === 1;
    case 'broadcast': return have.kind === 'broadcast';
    case 'spread': return partitionCount(have) === shufflePartitions;
    case 'hash': {
      if (have.kind !== 'hash') return false;
      if (need.exact) {
        return have.partitions === shufflePartitions &&
          keyLists(have).some((keys) => keys.length === need.keys.length && keys.every((k, i) => exprEquals(k, need.keys[i]!)));
      }
      // Rows with equal group keys are together when the partitioning keys are a subset of the group keys.
      return keyLists(have).some((keys) => keys.length > 0 && keys.every((k) => need.keys.some((g) => exprEquals(k, g))));
    }
  }
}
