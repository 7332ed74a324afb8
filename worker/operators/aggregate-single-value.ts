/**
 * `single_value(x)`: the aggregate decorrelation puts under a scalar subquery
 * that has no aggregate of its own (`(select r_name from region where …)`).
 * A group with no rows gives NULL, one row gives its value, and a second row
 * raises 21000 as PostgreSQL does ("more than one row returned by a subquery
 * used as an expression"). Each group keeps a (chunk, row) reference to its
 * value; values are gathered once at the end.
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState } from '../../core/index.ts';
import { concatData, take } from '../kernels/take.ts';
import type { Accumulator } from './aggregate-accumulator.ts';

export class SingleValueAccumulator implements Accumulator {
  private chunks: arrow.Data[] = [];
  private chunkOf = new Int32Array(16).fill(-1);
  private rowOf = new Int32Array(16);
  private readonly type: arrow.DataType;

  constructor(type: arrow.DataType) {
    this.type = type;
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
    return this.chunkOf.byteLength * 2 + this.chunks.reduce((s, c) => s + c.byteLength, 0);
  }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || count === 0) return;
    const idx = this.chunks.length;
    for (let i = 0; i < count; i++) {
      const g = groups[i]!;
      if (this.chunkOf[g]! >= 0) {
        throw new LochError(SqlState.cardinalityViolation, 'more than one row returned by a subquery used as an expression');
      }
      this.chunkOf[g] = idx;
      this.rowOf[g] = rows[i]!;
    }
    this.chunks.push(arg);
  }

  state(n: number): arrow.Data[] {
    return [this.finish(n)];
  }

  merge(): void {
    throw new LochError(SqlState.featureNotSupported, 'single_value cannot run in two phases');
  }

  finish(n: number): arrow.Data {
    const indexes = new Int32Array(n).fill(-1);
    if (this.chunks.length === 0) {
      const empty = arrow.makeData({ type: this.type, length: 0, nullCount: 0, ...(this.type.typeId === arrow.Type.Utf8 ? { valueOffsets: new Int32Array(1) } : {}) } as never);
      return take(empty, indexes);
    }
    const starts: number[] = [];
    let total = 0;
    for (const c of this.chunks) { starts.push(total); total += c.length; }
    for (let g = 0; g < n; g++) if (this.chunkOf[g]! >= 0) indexes[g] = starts[this.chunkOf[g]!]! + this.rowOf[g]!;
    return take(concatData(this.chunks, this.type), indexes);
  }
}
