/**
 * Spilling hash aggregation: partial states partitioned to disk, merged one partition at a time.
 *
 * When the group table outgrows the budget, HashAggregateExec emits its groups
 * as partial states (keys then each accumulator's state columns, the layout of
 * two-phase aggregation, planner/physical/aggregate-states.ts), split by the
 * hash of the keys into `partitions` spill files, and starts an empty table.
 * At the end each partition file is aggregated again in final mode (merge of
 * states): every group lives in exactly one partition, so memory holds one
 * partition's groups at a time. A partition whose groups still outgrow the
 * budget is spilled again one level deeper (repartition.ts) and merged in turn.
 */
import type * as arrow from 'apache-arrow';
import { Batch, type BatchField } from '../../../core/index.ts';
import { type AggregateCall, aggregateStateColumns } from '../../../planner/index.ts';
import { hashColumns } from '../../kernels/hash.ts';
import { sharedIdentity } from '../../kernels/take.ts';
import { type Accumulator, createAccumulator } from '../aggregate-accumulator.ts';
import { GroupTable } from '../group-table.ts';
import { type ExecutionContext, type OperatorMetrics, checkCancelled } from '../physical-operator.ts';
import { type SpillFile, SpillWriter, deleteSpillFile, readSpillFile } from './spill-file.ts';
import type { SpillManager } from './spill-manager.ts';
import { MAX_SPILL_LEVEL, partitionNumbers } from './repartition.ts';
import { minSpillBytes } from './spill-threshold.ts';

/** Number of hash partitions (a power of two; the top bits of the key hash pick one). */
export const AGGREGATE_SPILL_PARTITIONS = 16;
const PARTITION_SHIFT = 32 - Math.log2(AGGREGATE_SPILL_PARTITIONS);

/** The IPC fields of spilled partial states: the group keys, then each aggregate's state columns. */
export function aggregateStateFields(keyFields: readonly BatchField[], calls: readonly AggregateCall[]): BatchField[] {
  const fields = [...keyFields];
  for (const call of calls) {
    for (const s of aggregateStateColumns(call)) fields.push({ name: `s${fields.length}`, type: s.type, nullable: true });
  }
  return fields;
}

/** The partition files of one spilling aggregation. */
export class AggregateSpill {
  private readonly writers: (SpillWriter | null)[] = new Array<SpillWriter | null>(AGGREGATE_SPILL_PARTITIONS).fill(null);
  private readonly spill: SpillManager;
  private readonly fields: readonly BatchField[];
  private readonly label: string;
  private readonly keyCount: number;
  /** Re-partitioning level (repartition.ts): 0 for the operator's own spill, deeper when a partition is split again. */
  readonly level: number;

  constructor(spill: SpillManager, fields: readonly BatchField[], keyCount: number, label: string, level = 0) {
    this.level = level;
    this.spill = spill;
    this.fields = fields;
    this.keyCount = keyCount;
    this.label = label;
  }

  /** Writes the rows of `states` (keys then states, no selection) to their partitions; returns bytes written. */
  write(states: Batch): number {
    const before = this.spill.bytesSpilled;
    const n = states.numRows;
    const hashes = hashColumns(states.columns.slice(0, this.keyCount), null, n);
    const part = new Int32Array(n);
    partitionNumbers(hashes, n, this.level, PARTITION_SHIFT, part);
    const counts = new Int32Array(AGGREGATE_SPILL_PARTITIONS + 1);
    for (let i = 0; i < n; i++) counts[part[i]! + 1]!++;
    for (let p = 0; p < AGGREGATE_SPILL_PARTITIONS; p++) counts[p + 1]! += counts[p]!;
    const fill = counts.slice(0, AGGREGATE_SPILL_PARTITIONS);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[part[i]!]!++] = i;
    for (let p = 0; p < AGGREGATE_SPILL_PARTITIONS; p++) {
      if (counts[p + 1] === counts[p]) continue;
      let w = this.writers[p]!;
      if (w === null) { w = new SpillWriter(this.spill, this.fields, `${this.label}-p${p}`); this.writers[p] = w; }
      w.write(new Batch(states.columns, n, order.subarray(counts[p]!, counts[p + 1]!)));
    }
    return this.spill.bytesSpilled - before;
  }

  /** Closes every partition file; `bytes`: what closing wrote (end-of-stream markers). */
  finish(): { files: SpillFile[]; bytes: number } {
    const before = this.spill.bytesSpilled;
    const files: SpillFile[] = [];
    for (const w of this.writers) if (w !== null) files.push(w.finish());
    this.writers.fill(null);
    return { files, bytes: this.spill.bytesSpilled - before };
  }

  /** Closes and deletes unfinished files (error paths). */
  abandon(): void {
    for (const w of this.writers) w?.abandon();
    this.writers.fill(null);
  }
}

/** How a partition whose groups outgrow the budget while merged is split again (repartition.ts). */
export interface AggregateResplit {
  /** The partial-state fields (aggregateStateFields). */
  readonly fields: readonly BatchField[];
  readonly label: string;
  /** Level of the next split (the first split of the operator is level 0). */
  readonly level: number;
}

/** Keys then each accumulator's state columns, of the `n` groups of a table. */
function statesOf(table: GroupTable, accs: readonly Accumulator[], n: number): Batch {
  const columns = table.keyColumns();
  for (const acc of accs) {
    acc.resize(n);
    columns.push(...acc.state(n));
  }
  return new Batch(columns, n, null);
}

/**
 * Aggregates one partition file of partial states in final mode and yields its groups:
 * keys then each aggregate's final value, or its merged states when `outputStates` (partial mode).
 * With `resplit`, groups that outgrow the budget are spilled again into sub-partitions
 * (a remixed hash, one level deeper) and those are merged in turn; past
 * MAX_SPILL_LEVEL (or without `resplit`) the groups stay in memory. Deletes `file`.
 */
export async function* mergeSpilledPartitions(
  file: SpillFile, keyTypes: readonly arrow.DataType[], calls: readonly AggregateCall[], outputStates: boolean,
  ctx: ExecutionContext, metrics: OperatorMetrics, resplit?: AggregateResplit,
): AsyncGenerator<Batch> {
  let table = new GroupTable(keyTypes);
  let accs = calls.map(createAccumulator);
  const stateCounts = calls.map((c) => aggregateStateColumns(c).length);
  const g = keyTypes.length;
  const canSplit = resplit !== undefined && ctx.spill !== undefined && resplit.level <= MAX_SPILL_LEVEL;
  let sub: AggregateSpill | null = null;
  let subFiles: SpillFile[] = [];
  let groupIds = new Int32Array(0);
  let hashes = new Uint32Array(0);
  let accounted = 0;
  try {
    for await (const b of readSpillFile(file)) {
      checkCancelled(ctx);
      const count = b.numRows;
      const rows = sharedIdentity(count);
      if (groupIds.length < count) { groupIds = new Int32Array(count * 2); hashes = new Uint32Array(count * 2); }
      const keyData = b.columns.slice(0, g);
      table.insert(keyData, rows, count, table.needsHashes ? hashColumns(keyData, rows, count, hashes) : null, groupIds);
      let pos = g;
      for (let a = 0; a < accs.length; a++) {
        accs[a]!.resize(table.size);
        accs[a]!.merge(b.columns.slice(pos, pos + stateCounts[a]!), rows, groupIds, count);
        pos += stateCounts[a]!;
      }
      let bytes = table.byteSize();
      for (const acc of accs) bytes += acc.byteSize();
      const delta = bytes - accounted;
      if (delta > 0 && !ctx.memory.tryReserve(metrics, delta)) {
        if (canSplit && bytes >= minSpillBytes(ctx.memory.limitBytes)) {
          sub ??= new AggregateSpill(ctx.spill!, resplit!.fields, g, `${resplit!.label}-l${resplit!.level}`, resplit!.level);
          metrics.spilledBytes = (metrics.spilledBytes ?? 0) + sub.write(statesOf(table, accs, table.size));
          ctx.memory.release(metrics, accounted);
          accounted = 0;
          table = new GroupTable(keyTypes);
          accs = calls.map(createAccumulator);
          continue;
        }
        ctx.memory.account(metrics, delta);
      } else if (delta < 0) {
        ctx.memory.release(metrics, -delta);
      }
      accounted = bytes;
    }
    deleteSpillFile(file);
    if (sub !== null) {
      if (table.size > 0) metrics.spilledBytes = (metrics.spilledBytes ?? 0) + sub.write(statesOf(table, accs, table.size));
      ctx.memory.release(metrics, accounted);
      accounted = 0;
      table = new GroupTable(keyTypes);
      const finished = sub.finish();
      sub = null;
      subFiles = finished.files;
      metrics.spilledBytes = (metrics.spilledBytes ?? 0) + finished.bytes;
      const deeper = { ...resplit!, level: resplit!.level + 1 };
      while (subFiles.length > 0) yield* mergeSpilledPartitions(subFiles.shift()!, keyTypes, calls, outputStates, ctx, metrics, deeper);
      return;
    }
    const n = table.size;
    if (n === 0) return;
    if (outputStates) { yield statesOf(table, accs, n); return; }
    const columns = table.keyColumns();
    for (const acc of accs) {
      acc.resize(n);
      columns.push(acc.finish(n));
    }
    yield new Batch(columns, n, null);
  } finally {
    ctx.memory.release(metrics, accounted);
    sub?.abandon();
    for (const f of subFiles) deleteSpillFile(f);
    deleteSpillFile(file);
  }
}

/** One partition merged in memory (no re-split): its groups as one batch, or null when empty. */
export async function mergeSpilledPartition(
  file: SpillFile, keyTypes: readonly arrow.DataType[], calls: readonly AggregateCall[], outputStates: boolean,
  ctx: ExecutionContext, metrics: OperatorMetrics,
): Promise<Batch | null> {
  let out: Batch | null = null;
  for await (const b of mergeSpilledPartitions(file, keyTypes, calls, outputStates, ctx, metrics)) out = b;
  return out;
}
