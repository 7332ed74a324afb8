import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { GroupTable } from '../group-table.ts';
import { hashColumns } from '../../kernels/hash.ts';

function int32(values: (number | null)[]): arrow.Data {
  const data = new Int32Array(values.length);
  const valid = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  values.forEach((v, i) => { if (v === null) nulls++; else { data[i] = v; valid[i >> 3]! |= 1 << (i & 7); } });
  return arrow.makeData({ type: new arrow.Int32(), length: values.length, data, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null });
}

function int64(values: bigint[]): arrow.Data {
  return arrow.makeData({ type: new arrow.Int64(), length: values.length, data: BigInt64Array.from(values), nullCount: 0 });
}

/** Inserts one batch, passing hashes only when the table asks for them. */
function insert(t: GroupTable, col: arrow.Data, skip: Uint8Array | null = null): number[] {
  const out = new Int32Array(col.length);
  t.insert([col], null, col.length, t.needsHashes ? hashColumns([col], null, col.length) : null, out, skip);
  return [...out];
}

function lookup(t: GroupTable, col: arrow.Data): number[] {
  const out = new Int32Array(col.length);
  t.lookup([col], null, col.length, t.needsHashes ? hashColumns([col], null, col.length) : null, out);
  return [...out];
}

describe('GroupTable on one int key', () => {
  it('direct-addresses dense keys: first-appearance ids, NULL group, misses outside the range', () => {
    const t = new GroupTable([new arrow.Int32()]);
    expect(insert(t, int32([10, 12, 10, null, 11, 12, null]))).toEqual([0, 1, 0, 2, 3, 1, 2]);
    expect(t.directAddressed).toBe(true);
    // keys below and above the first batch's range widen the table
    expect(insert(t, int32([9, 13, 500, 11]))).toEqual([4, 5, 6, 3]);
    expect(t.directAddressed).toBe(true);
    expect(lookup(t, int32([500, 501, -7, 10, null, 2_000_000_000]))).toEqual([6, -1, -1, 0, 2, -1]);
    const keys = t.keyColumns()[0]!;
    expect(keys.nullCount).toBe(1);
    expect([...(keys.values as Int32Array)].filter((_, g) => g !== 2)).toEqual([10, 12, 11, 9, 13, 500]);
  });

  it('moves to hashed slots when a key is far outside the range, keeping every group', () => {
    const t = new GroupTable([new arrow.Int64()]);
    expect(insert(t, int64([1n, 2n, 3n]))).toEqual([0, 1, 2]);
    expect(t.directAddressed).toBe(true);
    // the second row is far away: rows from it on are hashed, in the same call
    expect(insert(t, int64([2n, 1_000_000_000n, 3n, 4n, 1_000_000_000n]))).toEqual([1, 3, 2, 4, 3]);
    expect(t.directAddressed).toBe(false);
    expect(lookup(t, int64([4n, 1n, 1_000_000_000n, 5n]))).toEqual([4, 0, 3, -1]);
    expect(insert(t, int64([5n, 2n]))).toEqual([5, 1]);
    // lookups after more inserts see the new keys (the bitmap of hashed keys is rebuilt)
    expect(lookup(t, int64([5n, 6n, 1_000_000_001n]))).toEqual([5, -1, -1]);
  });

  it('hashes keys beyond 32 bits and equals them to narrower probes', () => {
    const t = new GroupTable([new arrow.Int64()]);
    expect(insert(t, int64([1n << 40n, 7n, 1n << 40n]))).toEqual([0, 1, 0]);
    expect(t.directAddressed).toBe(false);
    expect(lookup(t, int32([7, 8]))).toEqual([1, -1]);
    expect(lookup(t, int64([(1n << 40n) + 1n, 1n << 40n, 7n + (1n << 32n)]))).toEqual([-1, 0, -1]);
    // a direct table never holds keys beyond 32 bits: a wide probe misses
    const d = new GroupTable([new arrow.Int32()]);
    insert(d, int32([1, 2, 3]));
    expect(lookup(d, int64([2n, (1n << 32n) + 2n]))).toEqual([1, -1]);
  });

  it('skips rows marked in skip', () => {
    const t = new GroupTable([new arrow.Int32()]);
    expect(insert(t, int32([5, 6, 7]), Uint8Array.from([0, 1, 0]))).toEqual([0, -1, 1]);
    expect(lookup(t, int32([6]))).toEqual([-1]);
  });

  it('gives the same ids as a Map over many batches, dense and sparse', () => {
    for (const spread of [4, 50, 1_000_000]) {
      let seed = spread;
      const rand = (): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
      const t = new GroupTable([new arrow.Int32()], 16);
      const ref = new Map<number, number>();
      for (let b = 0; b < 20; b++) {
        // rising keys with jitter, as lineitem's l_orderkey split across tasks
        const keys = Array.from({ length: 500 }, (_, i) => Math.floor((b * 500 + i) * spread * rand()) - 100);
        const ids = insert(t, int32(keys));
        keys.forEach((k, i) => {
          if (!ref.has(k)) ref.set(k, ref.size);
          expect(ids[i]).toBe(ref.get(k));
        });
      }
      expect(t.size).toBe(ref.size);
      const probe = [...ref.keys()].slice(0, 300);
      expect(lookup(t, int32(probe))).toEqual(probe.map((k) => ref.get(k)));
    }
  });
});
