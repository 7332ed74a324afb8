import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Batch, T, decimal, type BatchField, LochError } from '../../core/index.ts';
import { LocalObjectStore, type ObjectStore, expandGlob, openParquetTable, writeParquetFile } from '../index.ts';
import { column, values } from './columns.ts';

let dir: string;
const fields: BatchField[] = [
  { name: 'id', type: T.int32, nullable: false },
  { name: 'amount', type: decimal(12, 2), nullable: true },
  { name: 'note', type: T.text, nullable: true },
];
function batch(from: number, n: number): Batch {
  const ids = Array.from({ length: n }, (_, i) => from + i);
  return new Batch([column(T.int32, ids), column(decimal(12, 2), ids.map((i) => -i * 101)), column(T.text, ids.map((i) => `n${i}`))], n);
}

beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-files-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function expectLochError(p: Promise<unknown>, sqlState: string, mentions: string): Promise<void> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(LochError);
  expect((e as LochError).sqlState).toBe(sqlState);
  expect((e as LochError).message).toContain(mentions);
}

async function scanAll(paths: string[], columns = [0, 1, 2]): Promise<unknown[][]> {
  const s = await openParquetTable(paths);
  const rows: unknown[][] = [];
  for await (const b of s.scan({ columns, predicates: [] })) {
    const vs = b.columns.map((d, j) => values(s.columns[columns[j]!]!.type, d));
    for (let r = 0; r < b.numRows; r++) rows.push(vs.map((v) => v[r]));
  }
  return rows;
}

describe('multi-file tables and globs', () => {
  it('reads several files of one schema in path order, with summed statistics', async () => {
    const tdir = nodePath.join(dir, 'table');
    await mkdir(nodePath.join(tdir, 'sub'), { recursive: true });
    await writeParquetFile(nodePath.join(tdir, 'part-1.parquet'), fields, [batch(100, 50)]);
    await writeParquetFile(nodePath.join(tdir, 'part-0.parquet'), fields, [batch(0, 100)]);
    await writeParquetFile(nodePath.join(tdir, 'sub', 'part-2.parquet'), fields, [batch(150, 25)]);
    await writeFile(nodePath.join(tdir, 'README.txt'), 'not parquet');
    const files = await expandGlob(tdir);
    expect(files.map((f) => nodePath.relative(tdir, f))).toEqual(['part-0.parquet', 'part-1.parquet', 'sub/part-2.parquet']);
    expect(await expandGlob(nodePath.join(tdir, '*.parquet'))).toEqual(files.slice(0, 2));
    expect(await expandGlob(files[1]!)).toEqual([files[1]]);
    await expectLochError(expandGlob(nodePath.join(tdir, '*.csv')), '58030', '*.csv');
    await expectLochError(expandGlob(nodePath.join(dir, 'nope')), '58030', 'nope');

    const scanner = await openParquetTable(files);
    expect(await scanner.statistics()).toMatchObject({ rowCount: 175 });
    const rows = await scanAll(files);
    expect(rows).toHaveLength(175);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 175 }, (_, i) => i));
    expect(rows[42]).toEqual([42, -4242, 'n42']);
    // Whole files are skipped by statistics too.
    const pruned = await openParquetTable(files);
    let n = 0;
    for await (const b of pruned.scan({ columns: [0], predicates: [{ kind: 'compare', column: 0, op: '>=', value: 160 }] })) n += b.numRows;
    expect(n).toBe(25);
    expect(pruned.metrics.rowGroupsRead).toBe(1);
  });

  it('rejects files whose schemas differ, naming both', async () => {
    const a = nodePath.join(dir, 'a.parquet'), b = nodePath.join(dir, 'b.parquet');
    await writeParquetFile(a, fields, [batch(0, 3)]);
    await writeParquetFile(b, [fields[0]!, { name: 'amount', type: T.float64, nullable: true }, fields[2]!],
      [new Batch([column(T.int32, [1]), column(T.float64, [1.5]), column(T.text, ['x'])], 1)]);
    await expectLochError(openParquetTable([a, b]), '42804', b);
  });

  it('reads through an ObjectStore with only the required methods (range reads)', async () => {
    // An in-memory store: what an S3 store will look like to the reader (no readRangesInto).
    const objects = new Map<string, Uint8Array>();
    const ranges: number[] = [];
    const store: ObjectStore = {
      async head(p) { const o = objects.get(p); if (!o) throw new LochError('58030', `"${p}" missing`); return { path: p, size: o.length, lastModified: 0 }; },
      async getRange(p, offset, length) { ranges.push(length); return objects.get(p)!.slice(offset, offset + length); },
      async list(prefix) { return [...objects.keys()].filter((k) => k.startsWith(prefix)).sort().map((k) => ({ path: k, size: objects.get(k)!.length, lastModified: 0 })); },
      async put(p, bytes) { objects.set(p, bytes); },
      async putIfAbsent(p, bytes) { if (objects.has(p)) return false; objects.set(p, bytes); return true; },
      async delete(p) { objects.delete(p); },
    };
    const local = nodePath.join(dir, 'mem-src.parquet');
    await writeParquetFile(local, fields, [batch(0, 1000), batch(1000, 1000)], { rowGroupSize: 1000 });
    await store.put('t/part-0.parquet', new Uint8Array(await readFile(local)));
    const s = await openParquetTable(['t/part-0.parquet'], { objectStore: store });
    ranges.length = 0; // opening read the footer (small files: all of it, in one read)
    const got: number[] = [];
    for await (const b of s.scan({ columns: [2, 0], predicates: [{ kind: 'compare', column: 0, op: '>=', value: 1500 }] })) {
      got.push(...(b.columns[1]!.values as Int32Array));
    }
    expect(got).toEqual(Array.from({ length: 1000 }, (_, i) => 1000 + i));
    expect(s.metrics.rowGroupsRead).toBe(1);
    // The scan fetched only the two requested column chunks of one row group.
    expect(ranges).toHaveLength(2);
    expect(ranges.reduce((a, b) => a + b, 0)).toBeLessThan((await store.head("t/part-0.parquet")).size / 2);
  });

  it('reads through any ObjectStore with relative keys', async () => {
    const store = new LocalObjectStore(dir);
    await writeParquetFile(nodePath.join(dir, 'rel.parquet'), fields, [batch(7, 3)]);
    const s = await openParquetTable(['rel.parquet'], { objectStore: store });
    const got: number[] = [];
    for await (const b of s.scan({ columns: [0], predicates: [] })) got.push(...(b.columns[0]!.values as Int32Array));
    expect(got).toEqual([7, 8, 9]);
    expect(s.metrics.bytesRead).toBeGreaterThan(0);
  });
});

describe('damaged and missing files', () => {
  it('reports a missing file as 58030 naming the path', async () => {
    await expectLochError(openParquetTable([nodePath.join(dir, 'missing.parquet')]), '58030', 'missing.parquet');
  });

  it('reports truncated, non-Parquet and corrupt files as XX001 naming the file', async () => {
    const good = nodePath.join(dir, 'good.parquet');
    await writeParquetFile(good, fields, [batch(0, 5000)], { compression: 'none' });
    const bytes = await readFile(good);

    const truncated = nodePath.join(dir, 'truncated.parquet');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 100));
    await expectLochError(openParquetTable([truncated]), 'XX001', truncated);

    const tiny = nodePath.join(dir, 'tiny.parquet');
    await writeFile(tiny, bytes.subarray(0, 6));
    await expectLochError(openParquetTable([tiny]), 'XX001', tiny);

    const text = nodePath.join(dir, 'text.parquet');
    await writeFile(text, 'id,amount\n1,2\n'.repeat(10));
    await expectLochError(openParquetTable([text]), 'XX001', text);

    // A garbled footer that still ends in PAR1.
    const badFooter = nodePath.join(dir, 'bad-footer.parquet');
    const bf = Buffer.from(bytes);
    const footerLength = bf.readUInt32LE(bf.length - 8);
    bf.fill(0xff, bf.length - 8 - footerLength, bf.length - 8);
    await writeFile(badFooter, bf);
    await expectLochError(openParquetTable([badFooter]), 'XX001', badFooter);

    // Garbage where the data pages are: the footer is fine, decoding must fail cleanly.
    const badData = nodePath.join(dir, 'bad-data.parquet');
    const bd = Buffer.from(bytes);
    bd.fill(0xa5, 4, Math.min(bd.length - 8 - footerLength, 4000));
    await writeFile(badData, bd);
    const scanner = await openParquetTable([badData]);
    await expectLochError(scanAll([badData]), 'XX001', badData);
    // The decoder stays usable afterwards.
    expect(await scanAll([good])).toHaveLength(5000);
    expect(scanner.columns).toHaveLength(3);
  });
});
