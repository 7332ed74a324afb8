/**
 * The physical nodes of distribution: an `ExchangeExec` marks where rows move
 * between tasks (inserted by insert-exchanges.ts); the stage cutter replaces
 * each exchange by a `ShuffleWriteExec` at the root of the producing stage and
 * an `UnresolvedShuffleExec` leaf in the consuming stage, which the scheduler
 * turns into a `ShuffleReadExec` once the producer's map outputs are known.
 *
 *   consumer stage:  HashJoinExec                     producer stage:  ShuffleWriteExec(stage 2, hash(o_orderkey), 8)
 *                      UnresolvedShuffleExec(stage 2) ◄──────────────    ScanExec: orders
 *
 * Partitioning semantics on the wire (proto Partitioning):
 * - hash(keys, n): a map task writes n files, row r to partition hash(keys(r)) mod n;
 *   reduce task p reads file p of every map task.
 * - round_robin(n): like hash, rows dealt out in turn.
 * - single: a map task writes one file (partition 0); the one reduce task reads all of them.
 * - broadcast: a map task writes one file (partition 0); every reduce task reads all of them.
 */
import type { Expr } from '../expr.ts';
import type { PhysicalPlan } from '../physical/physical-plan.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';

/** How an exchange spreads rows over the consumer's partitions. */
export type ExchangePartitioning =
  | { readonly kind: 'hash'; readonly keys: readonly Expr[]; readonly partitions: number }
  | { readonly kind: 'round_robin'; readonly partitions: number }
  | { readonly kind: 'single' }
  | { readonly kind: 'broadcast' };

/** Rows of `input` move to other tasks as `partitioning` says (before stage cutting only). */
export interface ExchangeExec {
  readonly kind: 'exchange';
  readonly nodeId: number;
  readonly columns: readonly PlanColumn[];
  readonly rowEstimate?: number;
  readonly input: PhysicalPlan;
  readonly partitioning: ExchangePartitioning;
}

/** Root of a stage: runs `input` for one partition and writes its rows into shuffle files. */
export interface ShuffleWriteExec {
  readonly kind: 'shuffle_write';
  readonly nodeId: number;
  readonly columns: readonly PlanColumn[];
  readonly rowEstimate?: number;
  readonly stageId: number;
  readonly input: PhysicalPlan;
  readonly partitioning: ExchangePartitioning;
}

/** Leaf reading stage `stageId`'s output before its map outputs are known (coordinator side). */
export interface UnresolvedShuffleExec {
  readonly kind: 'unresolved_shuffle';
  readonly nodeId: number;
  readonly columns: readonly PlanColumn[];
  readonly rowEstimate?: number;
  readonly stageId: number;
  /** How the producing stage wrote its rows. */
  readonly partitioning: ExchangePartitioning;
  /** Tasks of the consuming stage that read this input (1 for single, n for hash). */
  readonly partitionCount: number;
}

/** One shuffle file a reduce task reads (mirrors proto PartitionLocation). */
export interface ShuffleLocation {
  readonly jobId: string;
  readonly mapStageId: number;
  readonly mapStageAttempt: number;
  readonly mapPartition: number;
  readonly mapTaskAttempt: number;
  readonly outputPartition: number;
  readonly workerId: string;
  /** host:port to fetch from when the file is on another worker. */
  readonly workerAddress: string;
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/** Leaf reading stage `stageId`'s output: `partitions[p]` are the files reduce task p reads. */
export interface ShuffleReadExec {
  readonly kind: 'shuffle_read';
  readonly nodeId: number;
  readonly columns: readonly PlanColumn[];
  readonly rowEstimate?: number;
  readonly stageId: number;
  readonly partitioning: ExchangePartitioning;
  readonly partitions: readonly (readonly ShuffleLocation[])[];
}

/** Any of the distribution nodes. */
export type DistributionExec = ExchangeExec | ShuffleWriteExec | UnresolvedShuffleExec | ShuffleReadExec;
