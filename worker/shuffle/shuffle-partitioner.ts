/**
 * Assigns the rows of a batch to output partitions and groups their physical row indexes
 * by partition with one counting sort:
 *
 *   rows (physical)   3  7  8  9 12          partition of each:  1  0  1  2  0
 *   counts            [2, 2, 1]   starts [0, 2, 4, 5]
 *   grouped           [7 12 | 3 8 | 9]      partition p = grouped[starts[p] .. starts[p+1])
 *
 * Hash partitioning uses `hashColumns` (worker/kernels/hash.ts): equal keys of different
 * integer widths (int32 vs int64, as a join's two sides may have) land in the same partition.
 * The partition is taken from the hash's *high* bits (h × n / 2³²): hash tables downstream
 * index slots by the low bits of the same hash, and a `h mod n` split would leave a reducer's
 * table using only 1/n of its slots when n is a power of two.
 */
import type * as arrow from 'apache-arrow';
import type { Batch } from '../../core/index.ts';
import { LochError, SqlState } from '../../core/index.ts';
import { hashColumns } from '../kernels/hash.ts';

/**
 * How a map task spreads its rows (planner ExchangePartitioning, with keys resolved to
 * column indexes). A broadcast exchange writes as `single`: one file every reducer reads.
 */
export type ShufflePartitioning =
  | { readonly kind: 'hash'; readonly keyColumns: readonly number[]; readonly partitions: number }
  | { readonly kind: 'round_robin'; readonly partitions: number }
  | { readonly kind: 'single' };

/** Number of output partitions (files) a map task writes. */
export function outputPartitionCount(p: ShufflePartitioning): number {
  return p.kind === 'single' ? 1 : p.partitions;
}

/**
 * Checks a partitioning against the input's column count. `computedKeys`: the hash keys are
 * supplied per batch (evaluated expressions), so `keyColumns` may be empty.
 */
export function checkPartitioning(p: ShufflePartitioning, columnCount: number, computedKeys = false): void {
  const n = outputPartitionCount(p);
  if (!Number.isInteger(n) || n < 1 || n > 65536) {
    throw new LochError(SqlState.invalidParameterValue, `shuffle partition count ${n} must be an integer between 1 and 65536`);
  }
  if (p.kind === 'hash') {
    if (p.keyColumns.length === 0 && !computedKeys) throw new LochError(SqlState.invalidParameterValue, 'hash shuffle partitioning needs at least one key column');
    for (const k of p.keyColumns) {
      if (!Number.isInteger(k) || k < 0 || k >= columnCount) {
        throw new LochError(SqlState.invalidParameterValue, `hash shuffle key column ${k} is out of range (input has ${columnCount} columns)`);
      }
    }
  }
}

/** The partition of hash value `h` among `n` partitions (high bits; see file comment). */
export function hashPartition(h: number, n: number): number {
  return Math.floor((h >>> 0) * n / 4294967296);
}

/** Rows of one batch grouped by output partition (reused across batches by one writer). */
export class PartitionedRows {
  /** Physical row indexes, grouped by partition. */
  grouped = new Int32Array(0);
  /** starts[p] .. starts[p + 1] delimit partition p in `grouped`; length partitions + 1. */
  readonly starts: Int32Array;
  private partitionOfRow = new Int32Array(0);
  private hashes = new Uint32Array(0);
  private nextRoundRobin: number;
  private readonly partitioning: ShufflePartitioning;
  private readonly n: number;

  /** `roundRobinStart` staggers round-robin map tasks so they do not all begin at partition 0. */
  constructor(partitioning: ShufflePartitioning, roundRobinStart = 0) {
    this.partitioning = partitioning;
    this.n = outputPartitionCount(partitioning);
    this.starts = new Int32Array(this.n + 1);
    this.nextRoundRobin = roundRobinStart % this.n;
  }

  /**
   * Groups the selected rows of `batch`; read the result from `grouped` and `starts`.
   * `keys` (physical-length columns aligned with the batch) replace the key columns when given.
   */
  assign(batch: Batch, keys?: readonly arrow.Data[]): void {
    const count = batch.length;
    const sel = batch.selection;
    const n = this.n;
    if (this.grouped.length < count) {
      const cap = Math.max(count, this.grouped.length * 2);
      this.grouped = new Int32Array(cap);
      this.partitionOfRow = new Int32Array(cap);
    }
    const part = this.partitionOfRow;
    const p = this.partitioning;
    if (p.kind === 'hash') {
      const keyData = keys ?? p.keyColumns.map((k) => batch.column(k));
      if (this.hashes.length < count) this.hashes = new Uint32Array(this.grouped.length);
      const h = hashColumns(keyData, sel, count, this.hashes);
      for (let i = 0; i < count; i++) part[i] = Math.floor(h[i]! * n / 4294967296);
    } else if (p.kind === 'round_robin') {
      let next = this.nextRoundRobin;
      for (let i = 0; i < count; i++) { part[i] = next; next = next + 1 === n ? 0 : next + 1; }
      this.nextRoundRobin = next;
    } else {
      part.fill(0, 0, count);
    }
    const starts = this.starts;
    starts.fill(0);
    for (let i = 0; i < count; i++) starts[part[i]! + 1]!++;
    for (let q = 0; q < n; q++) starts[q + 1]! += starts[q]!;
    // Scatter with a moving cursor per partition; starts[q] is restored afterwards.
    const out = this.grouped;
    for (let i = 0; i < count; i++) {
      const q = part[i]!;
      out[starts[q]!++] = sel ? sel[i]! : i;
    }
    for (let q = n; q > 0; q--) starts[q] = starts[q - 1]!;
    starts[0] = 0;
  }
}
