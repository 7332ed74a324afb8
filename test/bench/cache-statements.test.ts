import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { LochError, formatValue, readValue } from '../../core/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import { clearColumnCache, columnCacheStats } from '../../storage/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';

let dir: string;
let engine: QueryEngine;

async function run(sql: string): Promise<string[]> {
  const out: string[] = [];
  for await (const r of engine.execute(sql)) {
    if (r.kind === 'status') { out.push(r.tag); continue; }
    for await (const b of r.batches) for (let i = 0; i < b.length; i++) out.push(r.fields.map((f, c) => { const v = readValue(b.column(c), f.type, i); return v === null ? 'NULL' : formatValue(v, f.type); }).join('|'));
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-cache-sql-'));
  engine = await createLocalEngine();
  await run(`CREATE TABLE src USING delta LOCATION '${dir}/src' AS SELECT g AS id, 'v' || g AS label FROM generate_series(1, 5000) AS s(g)`);
});
afterAll(async () => { await engine.close(); await rm(dir, { recursive: true, force: true }); });

describe('CACHE TABLE, UNCACHE TABLE, CLEAR CACHE', () => {
  it('loads a table into the column cache, drops it, and clears everything', async () => {
    await run('CLEAR CACHE');
    expect(columnCacheStats().entries).toBe(0);
    expect(await run('CACHE TABLE src')).toEqual(['CACHE TABLE']);
    const cached = columnCacheStats();
    expect(cached.entries).toBeGreaterThanOrEqual(2); // both columns of every data file
    const hitsBefore = cached.hits;
    expect(await run('SELECT count(*), sum(id) FROM src')).toEqual(['5000|12502500']);
    expect(columnCacheStats().hits).toBeGreaterThan(hitsBefore);
    expect(await run('UNCACHE TABLE src')).toEqual(['UNCACHE TABLE']);
    expect(columnCacheStats().entries).toBe(0);
    await run('CACHE LAZY TABLE src');
    expect(columnCacheStats().entries).toBe(0); // LAZY: filled by the next reads
    await run('SELECT label FROM src');
    expect(columnCacheStats().entries).toBeGreaterThan(0);
    expect(await run('CLEAR CACHE')).toEqual(['CLEAR CACHE']);
    expect(columnCacheStats().entries).toBe(0);
  });

  it('never answers from a cached version after the table changes', async () => {
    await run('CACHE TABLE src');
    await run('INSERT INTO src VALUES (9999, \'new\')');
    await run('DELETE FROM src WHERE id = 1');
    expect(await run('SELECT count(*), max(id), min(id) FROM src')).toEqual(['5000|9999|2']);
    clearColumnCache();
  });

  it('names a missing table, unless UNCACHE says IF EXISTS', async () => {
    expect(await run('UNCACHE TABLE IF EXISTS nowhere')).toEqual(['UNCACHE TABLE']);
    const e = await run('CACHE TABLE nowhere').then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(LochError);
    expect((e as LochError).sqlState).toBe('42P01');
    expect((e as LochError).message).toContain('nowhere');
  });
});
