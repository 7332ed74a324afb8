import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRoaringBitmapArray } from '../roaring-bitmap.ts';
import { deletionVectorFileKey, loadDeletionVector, selectionOf, selectionWithout, sortedDifference } from '../deletion-vector.ts';
import { uuidText, z85Decode, z85Encode } from '../z85.ts';
import { deltaLocation } from '../delta-location.ts';
import { openDeltaTable } from '../delta-table-scanner.ts';
import { CORPUS, readRows, sortedRows } from './delta-fixture.ts';

/** Test-side encoder of the portable 32-bit Roaring format: containers given explicitly. */
type Container = { key: number; kind: 'array' | 'bitmap'; values: number[] } | { key: number; kind: 'run'; runs: [number, number][] };

function roaring32(containers: Container[], withRunCookie: boolean): number[] {
  const out: number[] = [];
  const u16 = (v: number) => out.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (v: number) => { u16(v & 0xffff); u16(v >>> 16); };
  const card = (c: Container) => (c.kind === 'run' ? c.runs.reduce((s, [, len]) => s + len + 1, 0) : c.values.length);
  if (withRunCookie) {
    u32(12347 | ((containers.length - 1) << 16));
    const bits = new Array((containers.length + 7) >> 3).fill(0);
    containers.forEach((c, i) => { if (c.kind === 'run') bits[i >> 3] |= 1 << (i & 7); });
    out.push(...bits);
  } else {
    u32(12346);
    u32(containers.length);
  }
  for (const c of containers) { u16(c.key); u16(card(c) - 1); }
  if (!withRunCookie || containers.length >= 4) for (let i = 0; i < containers.length; i++) u32(0); // offsets (ignored)
  for (const c of containers) {
    if (c.kind === 'run') { u16(c.runs.length); for (const [s, len] of c.runs) { u16(s); u16(len); } }
    else if (c.kind === 'bitmap') {
      const words = new Uint8Array(8192);
      for (const v of c.values) words[v >> 3]! |= 1 << (v & 7);
      out.push(...words);
    } else for (const v of c.values) u16(v);
  }
  return out;
}

function bitmapArray(buckets: [number, number[]][]): Uint8Array {
  const out: number[] = [];
  const n = BigInt(buckets.length);
  for (let i = 0n; i < 8n; i++) out.push(Number((n >> (8n * i)) & 0xffn));
  for (const [high, bytes] of buckets) { out.push(high & 0xff, (high >> 8) & 0xff, (high >> 16) & 0xff, (high >>> 24) & 0xff); out.push(...bytes); }
  return Uint8Array.from(out);
}

describe('RoaringBitmapArray decoding', () => {
  it('array containers (cookie 12346)', () => {
    const bytes = bitmapArray([[0, roaring32([{ key: 0, kind: 'array', values: [0, 3, 9] }, { key: 2, kind: 'array', values: [5] }], false)]]);
    expect(Array.from(decodeRoaringBitmapArray(bytes, 0, 't'))).toEqual([0, 3, 9, 2 * 65536 + 5]);
  });

  it('run containers and the run cookie (12347), with and without offsets', () => {
    const few = bitmapArray([[0, roaring32([{ key: 0, kind: 'run', runs: [[10, 2], [100, 0]] }, { key: 1, kind: 'array', values: [1] }], true)]]);
    expect(Array.from(decodeRoaringBitmapArray(few, 0, 't'))).toEqual([10, 11, 12, 100, 65537]);
    const many = bitmapArray([[0, roaring32([0, 1, 2, 3].map((k) => ({ key: k, kind: 'run' as const, runs: [[0, 1]] as [number, number][] })), true)]]);
    expect(Array.from(decodeRoaringBitmapArray(many, 0, 't'))).toEqual([0, 1, 65536, 65537, 131072, 131073, 196608, 196609]);
  });

  it('bitmap containers (more than 4096 values)', () => {
    const values = Array.from({ length: 5000 }, (_, i) => i * 13 % 65536).sort((a, b) => a - b);
    const bytes = bitmapArray([[0, roaring32([{ key: 3, kind: 'bitmap', values }], false)]]);
    const decoded = decodeRoaringBitmapArray(bytes, 0, 't');
    expect(decoded.length).toBe(5000);
    expect(Array.from(decoded.slice(0, 3))).toEqual([3 * 65536, 3 * 65536 + 13, 3 * 65536 + 26]);
  });

  it('several 32-bit buckets (row indexes beyond 2^32)', () => {
    const bytes = bitmapArray([[0, roaring32([{ key: 0, kind: 'array', values: [7] }], false)], [1, roaring32([{ key: 0, kind: 'array', values: [2] }], false)]]);
    expect(Array.from(decodeRoaringBitmapArray(bytes, 0, 't'))).toEqual([7, 4294967296 + 2]);
  });

  it('truncated or foreign bytes are XX001', () => {
    const bytes = bitmapArray([[0, roaring32([{ key: 0, kind: 'array', values: [1, 2, 3] }], false)]]);
    expect(() => decodeRoaringBitmapArray(bytes.subarray(0, bytes.length - 2), 0, 'dv1')).toThrow(/dv1 is corrupt/);
    const bad = bitmapArray([[0, [1, 2, 3, 4]]]);
    expect(() => decodeRoaringBitmapArray(bad, 0, 'dv2')).toThrow(/cookie/);
  });
});

describe('Z85', () => {
  it('round-trips and decodes the padded tail of the Rust z85 crate', () => {
    const bytes = Uint8Array.from([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]);
    expect(z85Encode(bytes)).toBe('HelloWorld'); // the ZeroMQ RFC 32 test vector
    expect(Array.from(z85Decode('HelloWorld'))).toEqual(Array.from(bytes));
    expect(Array.from(z85Decode('##093'))).toEqual([3, 0]); // 2 bytes: '#' × 2 then 3 digits
    expect(() => z85Decode('##093HelloWorld')).toThrow(/outside the last group/);
    expect(() => z85Decode('Hell')).toThrow(/multiple of 5/);
  });

  it('names DV files by the UUID of the last 20 characters, after an optional prefix', () => {
    const loc = deltaLocation('/tables/t');
    const uuid = uuidText(z85Decode('vBn[lx{q8@P<9BNH/isA'));
    expect(uuid).toBe('61d16c75-6994-46b7-a15b-8b538852e50e');
    expect(deletionVectorFileKey(loc, 'vBn[lx{q8@P<9BNH/isA')).toBe(`deletion_vector_${uuid}.bin`);
    expect(deletionVectorFileKey(loc, 'ab' + 'vBn[lx{q8@P<9BNH/isA')).toBe(`ab/deletion_vector_${uuid}.bin`);
  });
});

describe('deletion vectors', () => {
  it('loads an on-disk DV at its offset (kernel-dv-short-uuid-path deletes rows 0-2)', async () => {
    const loc = deltaLocation(path.join(CORPUS, 'kernel-dv-short-uuid-path', 'table'));
    const rows = await loadDeletionVector(loc, { storageType: 'u', pathOrInlineDv: 'U5OWRz5k%CFT.Td}yCPW', offset: 1, sizeInBytes: 34, cardinality: 3 });
    expect(Array.from(rows)).toEqual([0, 1, 2]);
  });

  it('loads inline DVs, checking the cardinality', async () => {
    const loc = deltaLocation('/nowhere');
    const inline = '^Bg9^0rr910000000000iXQKl0rr91000935c8Xg000311onP9';
    expect(Array.from(await loadDeletionVector(loc, { storageType: 'i', pathOrInlineDv: inline, sizeInBytes: 40, cardinality: 4 }))).toEqual([0, 1, 4, 5]);
    await expect(loadDeletionVector(loc, { storageType: 'i', pathOrInlineDv: inline, sizeInBytes: 40, cardinality: 3 })).rejects.toThrow(/holds 4 rows but its descriptor says 3/);
  });

  it('turn into selection vectors over physical row positions', () => {
    const deleted = Float64Array.from([0, 5, 6, 12]);
    expect(selectionWithout(deleted, 0, 8)).toEqual(Int32Array.from([1, 2, 3, 4, 7]));
    expect(selectionWithout(deleted, 8, 4)).toBeNull();
    expect(selectionWithout(deleted, 10, 4)).toEqual(Int32Array.from([0, 1, 3]));
    expect(selectionOf(deleted, 4, 4)).toEqual(Int32Array.from([1, 2]));
    expect(Array.from(sortedDifference(Float64Array.from([1, 3, 5]), Float64Array.from([3, 4])))).toEqual([1, 5]);
  });

  it('every version of an inline-DV table reads the rows its change feed implies', async () => {
    const t = path.join(CORPUS, 'kernel-cdf-inline-dv', 'table');
    const want: Record<number, number[]> = {
      0: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 1: [1, 2, 3, 4, 5, 6, 7, 8], 2: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3: [2, 3, 6, 7, 8, 9],
      4: [1, 2, 3, 4, 6, 7, 8, 9], 5: [0, 1, 2, 4, 5, 6, 7, 8, 9], 6: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    };
    for (const [version, rows] of Object.entries(want)) {
      const scanner = await openDeltaTable(t, { version: Number(version) });
      expect(sortedRows(await readRows(scanner)), `version ${version}`).toEqual(sortedRows(rows.map((r) => [r])));
    }
  });

  it('count(*) scans (no columns) honour deletion vectors too', async () => {
    const scanner = await openDeltaTable(path.join(CORPUS, 'golden-dv-partitioned-with-checkpoint', 'table'));
    let n = 0;
    for await (const b of scanner.scan({ columns: [], predicates: [] })) n += b.length;
    expect(n).toBe(35);
    expect((await scanner.statistics()).rowCount).toBe(35);
  });
});
