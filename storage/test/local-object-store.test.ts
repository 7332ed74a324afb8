import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { LochError } from '../../core/index.ts';
import { LocalObjectStore } from '../index.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-store-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('LocalObjectStore', () => {
  it('puts, heads, reads ranges, lists by prefix and deletes', async () => {
    const store = new LocalObjectStore(dir);
    await store.put('t/_delta_log/00000.json', bytes('{"a":1}'));
    await store.put('t/part-0.parquet', bytes('0123456789'));
    await store.put('t2/x', bytes('x'));
    expect((await store.head('t/part-0.parquet')).size).toBe(10);
    expect(text(await store.getRange('t/part-0.parquet', 3, 4))).toBe('3456');
    expect((await store.list('t/')).map((m) => m.path)).toEqual(['t/_delta_log/00000.json', 't/part-0.parquet']);
    expect((await store.list('t')).map((m) => m.path)).toEqual(['t/_delta_log/00000.json', 't/part-0.parquet', 't2/x']);
    expect((await store.list('t/_delta_log/0')).map((m) => m.path)).toEqual(['t/_delta_log/00000.json']);
    expect(await store.list('nothing/')).toEqual([]);
    await store.put('t/part-0.parquet', bytes('replaced'));
    expect(text(await store.getRange('t/part-0.parquet', 0, 8))).toBe('replaced');
    await store.delete('t/part-0.parquet');
    await store.delete('t/part-0.parquet'); // deleting a missing object is fine
    expect((await store.list('t/')).map((m) => m.path)).toEqual(['t/_delta_log/00000.json']);
    // put leaves no temporary files behind
    expect((await readdir(nodePath.join(dir, 't'))).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('putIfAbsent creates exactly once, even when racing', async () => {
    const store = new LocalObjectStore(dir);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.putIfAbsent('log/00001.json', bytes(`writer ${i}`))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(text(await store.getRange('log/00001.json', 0, 8))).toBe(`writer ${winner}`);
    expect(await store.putIfAbsent('log/00001.json', bytes('late'))).toBe(false);
  });

  it('reports missing objects as 58030 and short reads as XX001, naming the path', async () => {
    const store = new LocalObjectStore(dir);
    const missing = await store.head('nope.bin').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(LochError);
    expect((missing as LochError).sqlState).toBe('58030');
    expect((missing as LochError).message).toContain('nope.bin');
    expect(((await store.getRange('nope.bin', 0, 1).catch((e: unknown) => e)) as LochError).sqlState).toBe('58030');
    await store.put('short.bin', bytes('abc'));
    const short = (await store.getRange('short.bin', 1, 10).catch((e: unknown) => e)) as LochError;
    expect(short.sqlState).toBe('XX001');
    expect(short.message).toContain('short.bin');
  });
});
