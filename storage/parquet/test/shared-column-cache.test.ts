import { describe, expect, it, beforeAll, afterAll, afterEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { Batch, T, decimal, toArrowType, type BatchField } from '../../../core/index.ts';
import {
  clearColumnCache, columnCacheStats, configureColumnCache, resetColumnCacheCounters, serveColumnCache, writeParquetFile,
} from '../../index.ts';
import { column, values } from '../../test/columns.ts';
import { fromSharedColumn, shareable, toSharedColumn } from '../shared-column.ts';
import { admitsSharedColumn, getSharedColumns, putSharedColumn, reserveSharedColumn, unreserveSharedColumn } from '../column-cache.ts';
import { portClosed, portOpened, releaseSharedBuffer, sharedMemoryPoolStats, sizeClass, takeSharedBuffer } from '../shared-memory-pool.ts';

let dir: string;
const defaultLimit = columnCacheStats().maxBytes;
const fields: BatchField[] = [
  { name: 'id', type: T.int32, nullable: true },
  { name: 'label', type: T.text, nullable: true },
];

beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-shared-cache-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });
afterEach(() => { configureColumnCache({ maxBytes: defaultLimit }); clearColumnCache(); });

/** Scans `path` in a new thread whose column cache is this thread's (as a worker's task thread). */
interface ThreadScan { rows: unknown[][]; shared: boolean; sharedColumns: boolean[]; sharedBatches: boolean[][] }

async function scanInThread(path: string | string[]): Promise<ThreadScan> {
  const channel = new MessageChannel();
  serveColumnCache(channel.port1);
  const worker = new Worker(new URL('./cache-thread-fixture.ts', import.meta.url), {
    workerData: { path, port: channel.port2, maxBytes: columnCacheStats().maxBytes }, transferList: [channel.port2],
  });
  try {
    const [result] = await Promise.all([
      new Promise<ThreadScan>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); }),
      new Promise((resolve) => worker.once('exit', resolve)),
    ]);
    return result;
  } finally {
    channel.port1.close();
  }
}

describe('shared columns', () => {
  it('round-trip every flat layout through one SharedArrayBuffer without changing a value', () => {
    const cases = [
      { type: T.int32, values: [1, null, -7, 2147483647] },
      { type: T.text, values: ['a', null, '', 'héllo wörld'] },
      { type: T.boolean, values: [true, false, null, true] },
      { type: T.int64, values: [1n, -2n, null, 9007199254740993n] },
      { type: decimal(12, 2), values: [1.25, null, -3, 0] },
      { type: T.date, values: [0, 19000, null, -1] },
    ];
    for (const c of cases) {
      const batches = [column(c.type, c.values), column(c.type, [...c.values].reverse())];
      expect(shareable(batches)).toBe(true);
      const shared = toSharedColumn(batches);
      expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
      const back = fromSharedColumn(structuredClone(shared), toArrowType(c.type));
      expect(back.map((d) => values(c.type, d))).toEqual([c.values, [...c.values].reverse()]);
      expect(back.every((d) => d.values.buffer instanceof SharedArrayBuffer && d.offset === 0)).toBe(true);
    }
  });
});

describe('released shared buffers', () => {
  it('come in size classes at most 1/16 larger than asked', () => {
    expect(sizeClass(1)).toBe(64 * 1024);
    expect(sizeClass(64 * 1024 + 1)).toBe(128 * 1024);
    for (const n of [1_000_000, 6_543_210, 33_000_000]) {
      expect(sizeClass(n)).toBeGreaterThanOrEqual(n);
      expect(sizeClass(n)).toBeLessThanOrEqual(n * 17 / 16);
      expect(sizeClass(sizeClass(n))).toBe(sizeClass(n));
    }
  });

  it('are reused only after every task that could read them has ended', () => {
    const size = sizeClass(100_000);
    while (takeSharedBuffer(size) !== undefined); // start empty
    const a = portOpened();
    const buffer = new SharedArrayBuffer(size);
    releaseSharedBuffer(buffer);
    expect(takeSharedBuffer(size)).toBeUndefined(); // task a may still hold views on it
    const b = portOpened(); // started after the release: it never saw the buffer
    portClosed(a);
    expect(takeSharedBuffer(size)).toBe(buffer);
    expect(takeSharedBuffer(size)).toBeUndefined();
    portClosed(b);
    releaseSharedBuffer(new SharedArrayBuffer(size + 1)); // not a size class: never reused
    expect(takeSharedBuffer(size + 1)).toBeUndefined();
  });
});

describe("a worker process's column cache shared by its threads", () => {
  it("serves a column one thread decoded to another thread, from shared memory, and to this thread's scans", async () => {
    const path = nodePath.join(dir, 't.parquet');
    const ids = Array.from({ length: 1000 }, (_, i) => (i % 10 === 3 ? null : i));
    await writeParquetFile(path, fields, [new Batch([column(T.int32, ids), column(T.text, ids.map((i) => (i === null ? null : `row ${i}`)))], 1000)],
      { compression: 'none', rowGroupSize: 250 });
    clearColumnCache();
    resetColumnCacheCounters();
    const first = await scanInThread(path);
    expect(first.rows).toHaveLength(1000);
    expect(first.rows[13]).toEqual([null, null]);
    expect(first.rows[999]).toEqual([999, 'row 999']);
    // The int column's size is known from the footer: decoded straight into the memory the cache keeps.
    // The text column's is not: decoded into the thread's memory, then copied.
    expect(first.sharedColumns).toEqual([true, false]);
    const afterFirst = columnCacheStats();
    expect(afterFirst.hits).toBe(0);
    expect(afterFirst.entries).toBe(afterFirst.misses); // every decoded column chunk came back to this thread's index
    expect(afterFirst.entries).toBeGreaterThan(0);

    const second = await scanInThread(path); // a different thread
    expect(second.rows).toEqual(first.rows);
    expect(second.shared).toBe(true); // views on the memory the first thread filled: no copy, no decode
    expect(columnCacheStats()).toMatchObject({ hits: afterFirst.misses, misses: afterFirst.misses, entries: afterFirst.entries });

    clearColumnCache(); // no task is running: the released buffers are free at once
    const released = sharedMemoryPoolStats().freeBytes;
    expect(released).toBe(afterFirst.bytes);
    const third = await scanInThread(path);
    expect(third.rows).toEqual(first.rows);
    expect(columnCacheStats().misses).toBe(2 * afterFirst.misses); // cleared: decoded again
    expect(sharedMemoryPoolStats().freeBytes).toBe(0); // ... into the released buffers (same sizes), not new memory
    expect(columnCacheStats().bytes).toBe(afterFirst.bytes);
  });

  it("decodes a text column straight into shared memory once the table's earlier files showed its bytes per value", async () => {
    const tableDir = nodePath.join(dir, 'texts');
    const paths = [0, 1].map((f) => nodePath.join(tableDir, `part-${f}.parquet`));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(tableDir, { recursive: true });
    for (const [f, p] of paths.entries()) {
      const ids = Array.from({ length: 500 }, (_, i) => f * 500 + i);
      await writeParquetFile(p, fields, [new Batch([column(T.int32, ids), column(T.text, ids.map((i) => `r${i % 7}`))], 500)], { compression: 'none' });
    }
    clearColumnCache();
    const scan = await scanInThread(paths);
    expect(scan.rows).toHaveLength(1000);
    expect(scan.rows[999]).toEqual([999, `r${999 % 7}`]);
    expect(scan.sharedBatches.slice(0, 5)).toEqual(Array(5).fill([true, false])); // first file: text copied
    expect(scan.sharedBatches.slice(5)).toEqual(Array(5).fill([true, true])); // second: decoded into the cache's memory
    const again = await scanInThread(paths);
    expect(again.rows).toEqual(scan.rows);
    expect(again.shared).toBe(true);
  });

  it('keeps nothing when the cache is off', async () => {
    const path = nodePath.join(dir, 'off.parquet');
    await writeParquetFile(path, fields, [new Batch([column(T.int32, [1, 2]), column(T.text, ['a', 'b'])], 2)], { compression: 'none' });
    configureColumnCache({ maxBytes: 0 });
    const r = await scanInThread(path);
    expect(r.rows).toEqual([[1, 'a'], [2, 'b']]);
    expect(columnCacheStats().entries).toBe(0);
  });
});

describe('admission to a worker\'s shared cache', () => {
  /** One stored column of about `n` bytes, marked as stored by query `job`. */
  const put = (key: string, job: string): void => {
    const shared = toSharedColumn([column(T.int32, Array.from({ length: 1000 }, (_, i) => i))]);
    putSharedColumn(key, '/data/t.parquet', shared, job);
  };
  const entryBytes = toSharedColumn([column(T.int32, Array.from({ length: 1000 }, (_, i) => i))]).bytes;

  it('admits while there is room, then refuses the query that fills it and admits the next query', () => {
    configureColumnCache({ maxBytes: entryBytes * 3 });
    put('a', 'q1');
    put('b', 'q1');
    expect(admitsSharedColumn(entryBytes, 'q1')).toBe(true); // room for one more
    put('c', 'q1');
    // full of q1's columns: storing a fourth would evict q1's own first column, which a repeated scan reads first
    expect(admitsSharedColumn(entryBytes, 'q1')).toBe(false);
    // a later query may replace what it does not read
    expect(admitsSharedColumn(entryBytes, 'q2')).toBe(true);
    // once q2 has read everything (each read marks the entry), q2 is refused in turn
    expect(getSharedColumns(['a', 'b', 'c'], 'q2').every((c) => c !== undefined)).toBe(true);
    expect(admitsSharedColumn(entryBytes, 'q2')).toBe(false);
    expect(admitsSharedColumn(entryBytes * 4, 'q3')).toBe(false); // larger than the whole cache
  });

  it('counts room held for columns being decoded, and evicts only as many earlier entries as there are', () => {
    configureColumnCache({ maxBytes: entryBytes * 3 });
    expect(reserveSharedColumn(entryBytes, 'q1')).toBe(true);
    expect(reserveSharedColumn(entryBytes, 'q1')).toBe(true);
    put('a', 'q1');
    unreserveSharedColumn(entryBytes); // stored
    expect(reserveSharedColumn(entryBytes, 'q1')).toBe(true); // the third: the cache is now spoken for
    expect(admitsSharedColumn(entryBytes, 'q1')).toBe(false);
    unreserveSharedColumn(entryBytes); // given up (a LIMIT, a failed task)
    expect(admitsSharedColumn(entryBytes, 'q1')).toBe(true);
    unreserveSharedColumn(entryBytes);
    put('b', 'q1');
    put('c', 'q1');
    // q2 may replace q1's three entries, not a fourth
    expect(reserveSharedColumn(entryBytes, 'q2')).toBe(true);
    expect(reserveSharedColumn(entryBytes * 2, 'q2')).toBe(true);
    expect(admitsSharedColumn(entryBytes, 'q2')).toBe(false);
    unreserveSharedColumn(entryBytes * 3);
  });

  it('does not limit a process-local index (no query known)', () => {
    configureColumnCache({ maxBytes: entryBytes });
    put('a', 'q1');
    expect(admitsSharedColumn(entryBytes, undefined)).toBe(true);
  });
});
