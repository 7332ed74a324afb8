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

function int16(values: number[]): arrow.Data {
  return arrow.makeData({ type: new arrow.Int16(), length: values.length, data: Int16Array.from(values), nullCount: 0 });
}

function insert2(t: GroupTable, a: arrow.Data, b: arrow.Data, rows: Int32Array | null = null, skip: Uint8Array | null = null): number[] {
  const n = rows ? rows.length : a.length;
  const out = new Int32Array(n);
  t.insert([a, b], rows, n, t.needsHashes ? hashColumns([a, b], rows, n) : null, out, skip);
  return [...out];
}

function lookup2(t: GroupTable, a: arrow.Data, b: arrow.Data): number[] {
  const out = new Int32Array(a.length);
  t.lookup([a, b], null, a.length, t.needsHashes ? hashColumns([a, b], null, a.length) : null, out);
  return [...out];
}

describe('GroupTable on one sparse int key (ordered homes)', () => {
  it('finds every key of sorted runs spread over a wide range', () => {
    const t = new GroupTable([new arrow.Int32()], 16);
    const ref = new Map<number, number>();
    // four sorted runs, each of every 8th key at random over its quarter, as a shuffle partition of o_orderkey
    let seed = 3;
    const rand = (): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
    for (let run = 0; run < 4; run++) {
      const keys: number[] = [];
      for (let k = run * 400_000; k < (run + 1) * 400_000; k++) if (rand() < 1 / 8) keys.push(k * 4 - 1_000_000);
      const ids = insert(t, int32(keys));
      const want = keys.map((k) => { if (!ref.has(k)) ref.set(k, ref.size); return ref.get(k)!; });
      expect(ids).toEqual(want);
    }
    expect(t.directAddressed).toBe(false);
    const probe = [...ref.keys()].filter((_, i) => i % 7 === 0).flatMap((k) => [k, k + 1]);
    expect(lookup(t, int32(probe))).toEqual(probe.map((k) => ref.get(k) ?? -1));
  });

  it('moves to hashed homes when keys crowd a few slots', () => {
    const t = new GroupTable([new arrow.Int32()], 16);
    expect(insert(t, int32([0, 2_000_000_000]))).toEqual([0, 1]);
    // 200,000 keys whose ordered homes are all slot 0 of the range [0, 2e9]: quadratic without the switch
    const keys = Array.from({ length: 200_000 }, (_, i) => i + 1);
    const ids = insert(t, int32(keys));
    expect(ids.every((g, i) => g === i + 2)).toBe(true);
    expect(lookup(t, int32([5, 2_000_000_000, 300_000, 0]))).toEqual([6, 1, -1, 0]);
    // the same one row at a time: the probe budget carries over between calls
    const u = new GroupTable([new arrow.Int32()], 16);
    insert(u, int32([0, 2_000_000_000]));
    for (let k = 1; k <= 50_000; k++) expect(insert(u, int32([k]))[0]).toBe(k + 1);
    expect(u.size).toBe(50_002);
  });
});

describe('GroupTable on two narrow int keys (packed)', () => {
  it('groups pairs, not their parts, and outputs both key columns', () => {
    const t = new GroupTable([new arrow.Int32(), new arrow.Int16()]);
    expect(t.needsHashes).toBe(false);
    expect(insert2(t, int32([1, 1, 2, -1, 1]), int16([2, 3, 2, -5, 2]))).toEqual([0, 1, 2, 3, 0]);
    expect(lookup2(t, int32([2, 1, 3, -1, 2]), int16([2, 3, 2, -5, 3]))).toEqual([2, 1, -1, 3, -1]);
    const [a, b] = t.keyColumns();
    expect([...(a!.values as Int32Array)]).toEqual([1, 1, 2, -1]);
    expect(b!.values).toBeInstanceOf(Int16Array);
    expect([...(b!.values as Int16Array)]).toEqual([2, 3, 2, -5]);
  });

  it('reads selected rows only and leaves skipped rows out', () => {
    const t = new GroupTable([new arrow.Int32(), new arrow.Int32()]);
    expect(insert2(t, int32([7, 8, 9]), int32([1, 1, 1]), Int32Array.from([2, 0]))).toEqual([0, 1]);
    expect(insert2(t, int32([9, 5, 7]), int32([1, 5, 1]), null, Uint8Array.from([0, 1, 0]))).toEqual([0, -1, 1]);
    expect(t.size).toBe(2);
  });

  it('moves to the generic table on a NULL or wide key, keeping every id', () => {
    const t = new GroupTable([new arrow.Int32(), new arrow.Int32()]);
    expect(insert2(t, int32([1, 2, 1]), int32([1, 1, 2]))).toEqual([0, 1, 2]);
    // a NULL in a skipped row keeps the packed layout
    expect(insert2(t, int32([null, 2]), int32([1, 1]), null, Uint8Array.from([1, 0]))).toEqual([-1, 1]);
    expect(t.needsHashes).toBe(false);
    expect(insert2(t, int32([null, 2, null]), int32([1, 1, 1]))).toEqual([3, 1, 3]);
    expect(t.needsHashes).toBe(true);
    expect(lookup2(t, int32([1, 1, 2, null]), int32([2, 1, 1, 1]))).toEqual([2, 0, 1, 3]);
    expect(t.keyColumns()[0]!.nullCount).toBe(1);
    const w = new GroupTable([new arrow.Int32(), new arrow.Int32()]);
    insert2(w, int32([3, 4]), int32([5, 6]));
    expect(lookup2(w, int64([4n, 1n << 33n]) as arrow.Data, int32([6, 5]))).toEqual([1, -1]);
  });

  it('gives the same ids as a Map over many batches', () => {
    let seed = 7;
    const rand = (n: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return Math.floor((seed / 2 ** 32) * n); };
    const t = new GroupTable([new arrow.Int32(), new arrow.Int32()], 16);
    const ref = new Map<string, number>();
    for (let b = 0; b < 10; b++) {
      const a = Array.from({ length: 700 }, () => rand(300) - 20), c = Array.from({ length: 700 }, () => rand(40) * 100_000);
      const ids = insert2(t, int32(a), int32(c));
      a.forEach((x, i) => {
        const k = `${x},${c[i]}`;
        if (!ref.has(k)) ref.set(k, ref.size);
        expect(ids[i]).toBe(ref.get(k));
      });
    }
    expect(t.size).toBe(ref.size);
  });
});
