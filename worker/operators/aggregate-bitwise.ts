/**
 * bit_and / bit_or / bit_xor over int16, int32 and int64. The state is the
 * result itself (merge = update). int64 values are combined as two 32-bit
 * words, which bitwise operators treat independently, so no BigInt is needed.
 */
import * as arrow from 'apache-arrow';
import { validityOf } from '../kernels/take.ts';
import type { Accumulator } from './aggregate-accumulator.ts';

function isNullAt(valid: Uint8Array | null, r: number): boolean {
  return valid !== null && ((valid[r >> 3]! >> (r & 7)) & 1) === 0;
}

/** One of bit_and, bit_or, bit_xor; NULL for a group without non-NULL input. */
export class BitwiseAccumulator implements Accumulator {
  private words: Int32Array = new Int32Array(32);
  private seen: Uint8Array = new Uint8Array(16);
  private readonly op: 'and' | 'or' | 'xor';
  private readonly wide: boolean;
  private readonly type: arrow.DataType;

  constructor(fn: string, type: arrow.DataType) {
    this.op = fn === 'bit_and' ? 'and' : fn === 'bit_or' ? 'or' : 'xor';
    this.type = type;
    this.wide = (type as arrow.Int).bitWidth === 64;
  }

  resize(n: number): void {
    if (this.seen.length >= n) return;
    const size = Math.max(n, this.seen.length * 2);
    const w = new Int32Array(size * 2); w.set(this.words); this.words = w;
    const s = new Uint8Array(size); s.set(this.seen); this.seen = s;
  }

  byteSize(): number { return this.words.byteLength + this.seen.byteLength; }

  update(arg: arrow.Data | null, rows: Int32Array, groups: Int32Array, count: number): void {
    if (arg === null || arg.typeId === arrow.Type.Null) return;
    const valid = validityOf(arg);
    const v = arg.values as ArrayBufferView;
    // int64: (lo, hi) words; narrower ints are read as numbers (sign-extended into hi)
    const w64 = this.wide ? new Int32Array(v.buffer, v.byteOffset, arg.length * 2) : null;
    const narrow = this.wide ? null : (arg.values as Int16Array | Int32Array);
    const words = this.words, seen = this.seen, op = this.op;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      if (isNullAt(valid, r)) continue;
      const g = groups[i]!;
      const lo = w64 ? w64[2 * r]! : narrow![r]! | 0;
      const hi = w64 ? w64[2 * r + 1]! : (lo < 0 ? -1 : 0);
      if (seen[g] === 0) { seen[g] = 1; words[2 * g] = lo; words[2 * g + 1] = hi; continue; }
      if (op === 'and') { words[2 * g]! &= lo; words[2 * g + 1]! &= hi; }
      else if (op === 'or') { words[2 * g]! |= lo; words[2 * g + 1]! |= hi; }
      else { words[2 * g]! ^= lo; words[2 * g + 1]! ^= hi; }
    }
  }

  state(n: number): arrow.Data[] { return [this.finish(n)]; }

  merge(states: readonly arrow.Data[], rows: Int32Array, groups: Int32Array, count: number): void {
    this.update(states[0]!, rows, groups, count);
  }

  finish(n: number): arrow.Data {
    const bm = new Uint8Array((n + 7) >> 3);
    let nulls = 0;
    for (let g = 0; g < n; g++) { if (this.seen[g] === 1) bm[g >> 3]! |= 1 << (g & 7); else nulls++; }
    let data: ArrayBufferView;
    if (this.wide) {
      const out = new BigInt64Array(n);
      new Int32Array(out.buffer).set(this.words.subarray(0, 2 * n));
      data = out;
    } else {
      const Ctor = (this.type as unknown as { ArrayType: new (n: number) => Int16Array | Int32Array }).ArrayType;
      const out = new Ctor(n);
      for (let g = 0; g < n; g++) out[g] = this.words[2 * g]!;
      data = out;
    }
    return arrow.makeData({ type: this.type, length: n, data, nullCount: nulls, nullBitmap: nulls > 0 ? bm : null } as never);
  }
}
