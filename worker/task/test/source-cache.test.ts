import { utimesSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T, type SourceColumn, type TableScanner, type TableSourceDescriptor } from '../../../core/index.ts';
import { openDescribedTable, openTable } from '../../../connectors/index.ts';
import { SourceCache } from '../source-cache.ts';
import { tempDir, writeParquet } from './support.ts';

const columns: SourceColumn[] = [{ name: 'k', type: T.int32, nullable: false }];
let dir: string;
let table: string;
let descriptor: TableSourceDescriptor;

/** A SourceCache over the real opener that counts the opens. */
function counting(): { cache: SourceCache; opens: () => number } {
  let n = 0;
  const cache = new SourceCache((d) => { n++; return openDescribedTable(d); });
  return { cache, opens: () => n };
}

async function rows(s: TableScanner): Promise<number> {
  let n = 0;
  for await (const b of s.scan({ columns: [0], predicates: [] })) n += b.length;
  return n;
}

beforeAll(async () => {
  dir = await tempDir('source-cache');
  table = join(dir, 't');
  await mkdir(table);
  await writeParquet(join(table, 'a.parquet'), columns, Array.from({ length: 100 }, (_, i) => [i]), 50);
  descriptor = (await openTable('parquet', table, {})).descriptor!;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SourceCache', () => {
  it('opens a local Parquet table once while its files are unchanged', async () => {
    const { cache, opens } = counting();
    const first = await cache.get(descriptor);
    const second = await cache.get(descriptor);
    expect(second).toBe(first);
    expect(opens()).toBe(1);
    expect(await rows(second)).toBe(100);
  });

  it('reopens the table when a file is rewritten or added', async () => {
    const { cache, opens } = counting();
    const first = await cache.get(descriptor);
    // Same size, new modification time: a rewrite in place.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(table, 'a.parquet'), later, later);
    const second = await cache.get(descriptor);
    expect(second).not.toBe(first);
    expect(opens()).toBe(2);
    await copyFile(join(table, 'a.parquet'), join(table, 'b.parquet'));
    const third = await cache.get(descriptor);
    expect(opens()).toBe(3);
    expect(await rows(third)).toBe(200);
    expect(await cache.get(descriptor)).toBe(third);
    await rm(join(table, 'b.parquet'));
  });

  it('leaves a location that lists no files to the opener every time (an empty table until files come)', async () => {
    const { cache, opens } = counting();
    const missing = { ...descriptor, location: join(dir, 'missing') };
    expect(await rows(await cache.get(missing))).toBe(0);
    expect(await rows(await cache.get(missing))).toBe(0);
    expect(opens()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries tables, dropping the least recently used', async () => {
    let n = 0;
    const cache = new SourceCache((d) => { n++; return openDescribedTable(d); }, 1);
    const other = { ...descriptor, options: { note: 'other' } };
    await cache.get(descriptor);
    await cache.get(other);
    expect(cache.size).toBe(1);
    await cache.get(descriptor);
    expect(n).toBe(3);
  });
});
