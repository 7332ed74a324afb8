/**
 * Hash-partitioned spill files: rows routed to one of `partitions` files by the
 * top bits of their key hash (kernels/hash.ts, the hash the join's and the
 * aggregate's tables use; their slots take the low bits, so rows of one
 * partition still spread over a table). Used by the grace hash join for both
 * of its sides: equal keys land in the same partition number on each side.
 */
import type * as arrow from 'apache-arrow';
import { Batch, type BatchField } from '../../../core/index.ts';
import { hashColumns } from '../../kernels/hash.ts';
import { sharedIdentity } from '../../kernels/take.ts';
import { type SpillFile, SpillWriter, deleteSpillFile } from './spill-file.ts';
import type { SpillManager } from './spill-manager.ts';

/** Writes batches split by key hash into a fixed number of partition files. */
export class HashPartitionSpill {
  /** Number of partitions (a power of two). */
  readonly partitions: number;
  private readonly shift: number;
  private readonly writers: (SpillWriter | null)[];
  private readonly spill: SpillManager;
  private readonly fields: readonly BatchField[];
  private readonly label: string;
  /** Bytes written so far (including what `finish` writes). */
  bytes = 0;

  constructor(spill: SpillManager, fields: readonly BatchField[], label: string, partitions: number) {
    this.spill = spill;
    this.fields = fields;
    this.label = label;
    this.partitions = partitions;
    this.shift = 32 - Math.log2(partitions);
    this.writers = new Array<SpillWriter | null>(partitions).fill(null);
  }

  /** Writes the selected rows of `batch`; `keys` are its key columns (physical rows aligned with the batch). */
  write(batch: Batch, keys: readonly arrow.Data[]): void {
    const before = this.spill.bytesSpilled;
    const count = batch.length;
    if (count === 0) return;
    const rows = batch.selection ?? sharedIdentity(batch.numRows);
    const hashes = keys.length === 0 ? new Uint32Array(count) : hashColumns(keys, rows, count);
    const k = this.partitions;
    const start = new Int32Array(k + 1);
    for (let i = 0; i < count; i++) start[(hashes[i]! >>> this.shift) + 1]!++;
    for (let p = 0; p < k; p++) start[p + 1]! += start[p]!;
    const fill = start.slice(0, k);
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[fill[hashes[i]! >>> this.shift]!++] = rows[i]!;
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
    const before = this.spill.bytesSpilled;
    const files = this.writers.map((w) => (w === null ? null : w.finish()));
    this.writers.fill(null);
    this.bytes += this.spill.bytesSpilled - before;
    return files;
  }

  /** Closes and deletes unfinished files (error paths). */
  abandon(): void {
    for (const w of this.writers) w?.abandon();
    this.writers.fill(null);
  }
}

/** Deletes the files of `files` still present (null entries skipped). */
export function deletePartitionFiles(files: readonly (SpillFile | null)[]): void {
  for (const f of files) if (f !== null) deleteSpillFile(f);
}
