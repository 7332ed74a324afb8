import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Batch, T, decimal, type BatchField } from '../../../core/index.ts';
import { configureColumnCache, columnCacheStats, openParquetTable, writeParquetFile } from '../../index.ts';
import { column } from '../../test/columns.ts';
import { acquireScratch, pooledScratchBytes, releaseScratch } from '../scratch-buffers.ts';

describe('scratch buffers for Parquet extracts', () => {
  it('hands out exclusive views and reuses released buffers', () => {
    const a = acquireScratch(1000);
    const b = acquireScratch(1000);
    expect(a.length).toBe(1000);
    expect(a.byteOffset).toBe(0);
    expect(b.buffer).not.toBe(a.buffer); // both held: never the same buffer
    releaseScratch(a);
    const c = acquireScratch(500);
    expect(c.buffer).toBe(a.buffer); // a's buffer came back
    expect(c.length).toBe(500);
    releaseScratch(b);
    releaseScratch(c);
    releaseScratch(c); // a second release must not pool the buffer twice
    const d = acquireScratch(10), e = acquireScratch(10);
    expect(d.buffer).not.toBe(e.buffer);
    releaseScratch(d);
    releaseScratch(e);
  });

  it('keeps at most 64 MiB pooled', () => {
    const views = Array.from({ length: 6 }, () => acquireScratch(20 << 20));
    for (const v of views) releaseScratch(v);
    expect(pooledScratchBytes()).toBeLessThanOrEqual(64 << 20);
    expect(pooledScratchBytes()).toBeGreaterThan(0);
  });
});

describe('Parquet scans sharing the scratch pool', () => {
  let dir: string;
  const fields: BatchField[] = [
    { name: 'k', type: T.int32, nullable: false },
    { name: 'price', type: decimal(15, 2), nullable: false },
  ];
  const batch = (start: number, n: number, mul: number) => new Batch([
    column(T.int32, Array.from({ length: n }, (_, i) => start + i)),
    column(decimal(15, 2), Array.from({ length: n }, (_, i) => (start + i) * mul)),
  ], n);

  beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-scratch-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('two interleaved scans decode their own bytes (no extract is shared while in use)', async () => {
    const before = columnCacheStats().maxBytes;
    configureColumnCache({ maxBytes: 0 }); // every row group is decoded, never served from the cache
    try {
      const a = nodePath.join(dir, 'a.parquet'), b = nodePath.join(dir, 'b.parquet');
      // 200K-row groups: each extract is several hundred KB, decoded one after another through the pool.
      await writeParquetFile(a, fields, [batch(0, 600_000, 3)], { rowGroupSize: 200_000 });
      await writeParquetFile(b, fields, [batch(1_000_000, 600_000, 7)], { rowGroupSize: 200_000 });
      const sa = await openParquetTable([a]), sb = await openParquetTable([b]);
      const sum = async (s: typeof sa, mul: number, start: number): Promise<number> => {
        let rows = 0;
        for await (const bt of s.scan({ columns: [0, 1], predicates: [], batchSize: 50_000 })) {
          const k = bt.columns[0]!.values as Int32Array, p = bt.columns[1]!.values as Float64Array;
          for (let i = 0; i < bt.numRows; i++) {
            if (k[i] !== start + rows + i || p[i] !== k[i]! * mul) throw new Error(`row ${rows + i}: ${k[i]} ${p[i]}`);
          }
          rows += bt.numRows;
          await new Promise((r) => setImmediate(r)); // let the other scan's range reads and decodes run in between
        }
        return rows;
      };
      const [na, nb] = await Promise.all([sum(sa, 3, 0), sum(sb, 7, 1_000_000)]);
      expect([na, nb]).toEqual([600_000, 600_000]);
      expect(sa.metrics.rowGroupsRead).toBe(3);
      expect(pooledScratchBytes()).toBeGreaterThan(0); // the extracts went back to the pool
    } finally {
      configureColumnCache({ maxBytes: before });
    }
  });
});
