/**
 * Hash-partitioned spill files: rows routed to one of `partitions` files by the
 * top bits of their key hash (kernels/hash.ts, the hash the join's and the
 * aggregate's tables use; their slots take the low bits, so rows of one
 * partition still spread over a table). Used by the grace hash join for both
 * of its sides: equal keys land in the same partition number on each side.
 * Incoming batches are first gathered into chunks of COALESCE_ROWS rows:
 * splitting each small batch (a join's output can be a few hundred rows) into
 * every partition would cost a gather per column per partition per batch.
 */
import type * as arrow from 'apache-arrow';
import { Batch, type BatchField, toArrowType } from '../../../core/index.ts';
import { hashColumns } from '../../kernels/hash.ts';
import { batchBytes, concatBatches, sharedIdentity } from '../../kernels/take.ts';
import { type SpillFile, SpillWriter, deleteSpillFile } from './spill-file.ts';
import type { SpillManager } from './spill-manager.ts';
import { partitionNumbers } from './repartition.ts';

const COALESCE_ROWS = 16384;
const COALESCE_BYTES = 4 << 20;

/** Writes batches split by key hash into a fixed number of partition files. */
export class HashPartitionSpill {
  /** Number of partitions (a power of two). */
  readonly partitions: number;
  private readonly shift: number;
  /** Re-partitioning level (repartition.ts): 0 splits by the key hash, deeper levels by a remix of it. */
  readonly level: number;
  private readonly writers: (SpillWriter | null)[];
  private readonly spill: SpillManager;
  private readonly fields: readonly BatchField[];
  private readonly label: string;
  private readonly keysOf: (b: Batch) => arrow.Data[];
  private readonly types: arrow.DataType[];
  private pending: Batch[] = [];
  private pendingRows = 0;
  private pendingBytes = 0;
  /** Bytes written so far (including what `finish` writes). */
  bytes = 0;

  /** `keysOf` evaluates the partitioning key columns of a batch. */
  constructor(spill: SpillManager, fields: readonly BatchField[], keysOf: (b: Batch) => arrow.Data[], label: string, partitions: number, level = 0) {
    this.level = level;
    this.spill = spill;
    this.fields = fields;
    this.keysOf = keysOf;
    this.types = fields.map((f) => toArrowType(f.type));
    this.label = label;
    this.partitions = partitions;
    this.shift = 32 - Math.log2(partitions);
    this.writers = new Array<SpillWriter | null>(partitions).fill(null);
  }

  /** Writes the selected rows of `batch` (gathered with others first). */
  write(batch: Batch): void {
    if (batch.length === 0) return;
    this.pending.push(batch);
    this.pendingRows += batch.length;
    this.pendingBytes += batchBytes(batch);
    if (this.pendingRows >= COALESCE_ROWS || this.pendingBytes >= COALESCE_BYTES) this.flushPending();
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending.length === 1 ? this.pending[0]! : concatBatches(this.pending, this.types);
    this.pending = [];
    this.pendingRows = this.pendingBytes = 0;
    this.split(batch, this.keysOf(batch));
  }

  private split(batch: Batch, keys: readonly arrow.Data[]): void {
    const before = this.spill.bytesSpilled;
    const count = batch.length;
    const rows = batch.selection ?? sharedIdentity(batch.numRows);
    const hashes = keys.length === 0 ? new Uint32Array(count) : hashColumns(keys, rows, count);
    const k = this.partitions;
    const part = new Int32Array(count);
    partitionNumbers(hashes, count, this.level, this.shift, part);
    const start = new Int32Array(k + 1);
    for (let i = 0; i < count; i++) start[part[i]! + 1]!++;
    for (let p = 0; p < k; p++) start[p + 1]! += start[p]!;
    const fill = start.slice(0, k);
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[fill[part[i]!]!++] = rows[i]!;
    for (let p = 0; p < k; p++) {
      if (start[p + 1] === start[p]) continue;
      let w = this.writers[p]!;
      if (w === null) { w = new SpillWriter(this.spill, this.fields, `${this.label}-p${p}`); this.writers[p] = w; }
      w.write(new Batch(batch.columns, batch.numRows, order.subarray(start[p]!, start[p + 1]!)));
    }
    this.bytes += this.spill.bytesSpilled - before;
  }

  /** Closes the files; entry p is partition p's file, or null when it got no rows. */
  finish(): (SpillFile | null)[] {
    this.flushPending();
    const before = this.spill.bytesSpilled;
    const files = this.writers.map((w) => (w === null ? null : w.finish()));
    this.writers.fill(null);
    this.bytes += this.spill.bytesSpilled - before;
    return files;
  }

  /** Closes and deletes unfinished files (error paths). */
  abandon(): void {
    this.pending = [];
    for (const w of this.writers) w?.abandon();
    this.writers.fill(null);
  }
}

/** Deletes the files of `files` still present (null entries skipped). */
export function deletePartitionFiles(files: readonly (SpillFile | null)[]): void {
  for (const f of files) if (f !== null) deleteSpillFile(f);
}
