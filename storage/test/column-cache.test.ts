import { describe, expect, it, beforeAll, afterAll, afterEach } from 'vitest';
import { mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Batch, T, type BatchField } from '../../core/index.ts';
import { clearColumnCache, columnCacheStats, configureColumnCache, openParquetTable, resetColumnCacheCounters, uncacheColumns, writeParquetFile } from '../index.ts';
import { column, values } from './columns.ts';

let dir: string;
const defaultLimit = columnCacheStats().maxBytes;
const fields: BatchField[] = [
  { name: 'id', type: T.int32, nullable: false },
  { name: 'label', type: T.text, nullable: false },
];

/** `n` rows: id = base + i, label = `<tag><i>` (same byte length for every tag of the same length). */
async function write(path: string, base: number, tag: string, n = 1000, rowGroupSize = 250): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => base + i);
  await writeParquetFile(path, fields, [new Batch([column(T.int32, ids), column(T.text, ids.map((i) => `${tag}${String(i - base).padStart(4, '0')}`))], n)],
    { compression: 'none', rowGroupSize });
}

async function readAll(path: string, columns = [0, 1]): Promise<unknown[][]> {
  const s = await openParquetTable([path]);
  const rows: unknown[][] = [];
  for await (const b of s.scan({ columns, predicates: [], batchSize: 128 })) {
    const vs = b.columns.map((d, j) => values(s.columns[columns[j]!]!.type, d));
    for (let r = 0; r < b.numRows; r++) rows.push(vs.map((v) => v[r]));
  }
  return rows;
}

beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-cache-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });
afterEach(() => { configureColumnCache({ maxBytes: defaultLimit }); clearColumnCache(); });

describe('decoded-column cache', () => {
  it('serves a second read from the cache', async () => {
    const path = nodePath.join(dir, 'hit.parquet');
    await write(path, 0, 'a');
    clearColumnCache();
    resetColumnCacheCounters();
    const first = await readAll(path);
    const afterFirst = columnCacheStats();
    expect(afterFirst.hits).toBe(0);
    expect(afterFirst.entries).toBeGreaterThan(0);
    const second = await readAll(path);
    expect(second).toEqual(first);
    expect(columnCacheStats().hits).toBe(afterFirst.misses);
    expect(first[999]).toEqual([999, 'a0999']);
  });

  it('never serves a rewritten file stale data, even with the same size and modification time', async () => {
    const path = nodePath.join(dir, 'rewrite.parquet');
    await write(path, 0, 'a');
    const before = await stat(path);
    expect((await readAll(path))[5]).toEqual([5, 'a0005']);
    await write(path, 5000, 'b');
    const after = await stat(path);
    expect(after.size).toBe(before.size); // same shape: only the values (and footer statistics) differ
    await utimes(path, before.atimeMs / 1000, before.mtimeMs / 1000);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs); // the modification time alone cannot tell the versions apart
    const rows = await readAll(path);
    expect(rows[5]).toEqual([5005, 'b0005']);
    expect(rows).toHaveLength(1000);
  });

  it('never serves a scanner opened before a rewrite the cached columns of the old file', async () => {
    const path = nodePath.join(dir, 'long-lived.parquet');
    await write(path, 0, 'a');
    const scanner = await openParquetTable([path]);
    const ids = async () => { const out: number[] = []; for await (const b of scanner.scan({ columns: [0], predicates: [] })) out.push(...(values(T.int32, b.columns[0]!) as number[])); return out; };
    expect((await ids())[0]).toBe(0);
    await write(path, 7000, 'a');
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    // The old footer still describes the same layout, so the file decodes: the new values, not the cached ones.
    expect((await ids())[0]).toBe(7000);
  });

  it('evicts least recently used columns to stay under its byte limit', async () => {
    const [a, b, c] = ['evict-a', 'evict-b', 'evict-c'].map((n) => nodePath.join(dir, `${n}.parquet`));
    for (const [i, p] of [a!, b!, c!].entries()) await write(p, i * 10_000, 'e', 4000, 1000);
    clearColumnCache();
    await readAll(a!, [0]);
    const oneFile = columnCacheStats().bytes;
    expect(oneFile).toBeGreaterThanOrEqual(4 * 4000); // 4000 int32 ids
    clearColumnCache();
    configureColumnCache({ maxBytes: Math.floor(oneFile * 2.5) }); // room for two files' id columns
    resetColumnCacheCounters();
    await readAll(a!, [0]);
    await readAll(b!, [0]);
    await readAll(a!, [0]); // a is now the most recently used
    expect(columnCacheStats()).toMatchObject({ evictions: 0, hits: 1 });
    expect((await readAll(c!, [0]))[3999]).toEqual([23_999]); // evicts b, the least recently used
    let s = columnCacheStats();
    expect(s).toMatchObject({ evictions: 1, entries: 2 });
    expect(s.bytes).toBeLessThanOrEqual(s.maxBytes);
    resetColumnCacheCounters();
    expect((await readAll(a!, [0]))[0]).toEqual([0]);
    expect(columnCacheStats()).toMatchObject({ hits: 1, misses: 0 });
    expect((await readAll(b!, [0]))[0]).toEqual([10_000]);
    s = columnCacheStats();
    expect(s.misses).toBe(1);
    expect(s.bytes).toBeLessThanOrEqual(s.maxBytes);
  });

  it('is off with a zero limit and forgets a file on uncache', async () => {
    const path = nodePath.join(dir, 'uncache.parquet');
    await write(path, 0, 'd');
    clearColumnCache();
    await readAll(path);
    expect(columnCacheStats().entries).toBeGreaterThan(0);
    expect(uncacheColumns([dir])).toBeGreaterThan(0);
    expect(columnCacheStats()).toMatchObject({ entries: 0, bytes: 0 });
    configureColumnCache({ maxBytes: 0 });
    await readAll(path);
    expect(columnCacheStats().entries).toBe(0);
  });
});
