/**
 * first_value(x) / last_value(x) without ORDER BY (and Spark's first/last/any_value): the value
 * of the first or last row each group sees, in input order. No rows are stored or sorted, as
 * the ordered accumulator would do (aggregate-ordered.ts handles the calls with ORDER BY):
 * each group keeps a (chunk, row) reference, and the values are gathered once at the end;
 * a chunk no group refers to any more is not kept.
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState } from '../../core/index.ts';
import { concatData, take } from '../kernels/take.ts';
import type { Accumulator } from './aggregate-accumulator.ts';

/** Keeps each group's first (or last) row. */
export class PickAccumulator implements Accumulator {
  private chunks: (arrow.Data | null)[] = [];
  private chunkOf = new Int32Array(16).fill(-1);
  private rowOf = new Int32Array(16);
  private readonly type: arrow.DataType;
  private readonly last: boolean;

  constructor(type: arrow.DataType, last: boolean) {
    this.type = type;
    this.last = last;
  }

  resize(n: number): void {
    if (this.chunkOf.length >= n) return;
    const size = Math.max(n, this.chunkOf.length * 2);
    const c = new Int32Array(size).fill(-1);
    c.set(this.chunkOf);
    this.chunkOf = c;
    const r = new Int32Array(size);
    r.set(this.rowOf);
    this.rowOf = r;
  }

  byteSize(): number {
    return this.chunkOf.byteLength * 2 + this.chunks.reduce((s, c) => s + (c?.byteLength ?? 0), 0);
  }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || count === 0) return;
    const idx = this.chunks.length;
    let used = false;
    for (let i = 0; i < count; i++) {
      const g = groups[i]!;
      if (!this.last && this.chunkOf[g]! >= 0) continue;
      this.chunkOf[g] = idx;
      this.rowOf[g] = rows[i]!;
      used = true;
    }
    if (!used) return;
    this.chunks.push(arg);
    // last: earlier chunks may have lost all their groups; drop those no longer referenced
    if (this.last && this.chunks.length > 8) this.compact();
  }

  private compact(): void {
    const live = new Uint8Array(this.chunks.length);
    for (let g = 0; g < this.chunkOf.length; g++) if (this.chunkOf[g]! >= 0) live[this.chunkOf[g]!] = 1;
    for (let c = 0; c < this.chunks.length; c++) if (live[c] === 0) this.chunks[c] = null;
  }

  state(): arrow.Data[] {
    throw new LochError(SqlState.featureNotSupported, `${this.last ? 'last_value' : 'first_value'} cannot run in two phases`);
  }

  merge(): void {
    throw new LochError(SqlState.featureNotSupported, `${this.last ? 'last_value' : 'first_value'} cannot run in two phases`);
  }

  finish(n: number): arrow.Data {
    const indexes = new Int32Array(n).fill(-1);
    const kept: arrow.Data[] = [];
    const starts = new Int32Array(this.chunks.length);
    let total = 0;
    this.chunks.forEach((c, i) => { if (c) { starts[i] = total; total += c.length; kept.push(c); } });
    if (kept.length === 0) {
      const empty = arrow.makeData({ type: this.type, length: 0, nullCount: 0, ...(this.type.typeId === arrow.Type.Utf8 || this.type.typeId === arrow.Type.Binary ? { valueOffsets: new Int32Array(1) } : {}) } as never);
      return take(empty, indexes);
    }
    for (let g = 0; g < n; g++) if (this.chunkOf[g]! >= 0) indexes[g] = starts[this.chunkOf[g]!]! + this.rowOf[g]!;
    return take(concatData(kept, this.type), indexes);
  }
}
