/**
 * The `ObjectStore` conformance suite: the same behaviour checked against every
 * backend (local directory, S3 with etcd commit locks, S3 with conditional puts).
 * Call `objectStoreConformance` inside a test file; `store()` is read lazily so a
 * backend may be started in that file's `beforeAll`.
 */
import { describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
import type { ObjectStore } from '../../index.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function rejection(p: Promise<unknown>): Promise<LochError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(LochError);
  return e as LochError;
}

/** Registers the conformance tests for the store `store()` returns (a fresh key space per suite). */
export function objectStoreConformance(name: string, store: () => ObjectStore): void {
  describe(`ObjectStore conformance: ${name}`, () => {
    it('puts, heads, reads ranges, lists by prefix, replaces and deletes', async () => {
      const s = store();
      await s.put('t/_delta_log/00000.json', bytes('{"a":1}'));
      await s.put('t/part-0.parquet', bytes('0123456789'));
      await s.put('t2/x', bytes('x'));
      const meta = await s.head('t/part-0.parquet');
      expect(meta.path).toBe('t/part-0.parquet');
      expect(meta.size).toBe(10);
      expect(Math.abs(meta.lastModified - Date.now())).toBeLessThan(60_000);
      expect(text(await s.getRange('t/part-0.parquet', 3, 4))).toBe('3456');
      expect(text(await s.getRange('t/part-0.parquet', 0, 10))).toBe('0123456789');
      expect(text(await s.getRange('t/part-0.parquet', 9, 1))).toBe('9');
      expect(await s.getRange('t/part-0.parquet', 4, 0)).toHaveLength(0);
      expect((await s.list('t/')).map((m) => m.path)).toEqual(['t/_delta_log/00000.json', 't/part-0.parquet']);
      expect((await s.list('t')).map((m) => [m.path, m.size])).toEqual([['t/_delta_log/00000.json', 7], ['t/part-0.parquet', 10], ['t2/x', 1]]);
      expect((await s.list('t/_delta_log/0')).map((m) => m.path)).toEqual(['t/_delta_log/00000.json']);
      expect(await s.list('nothing/')).toEqual([]);
      await s.put('t/part-0.parquet', bytes('replaced'));
      expect((await s.head('t/part-0.parquet')).size).toBe(8);
      expect(text(await s.getRange('t/part-0.parquet', 0, 8))).toBe('replaced');
      await s.delete('t/part-0.parquet');
      await s.delete('t/part-0.parquet'); // deleting a missing object is fine
      expect((await s.list('t/')).map((m) => m.path)).toEqual(['t/_delta_log/00000.json']);
    });

    it('round-trips binary bytes and keys with spaces, %, = and non-ASCII', async () => {
      const s = store();
      const all = new Uint8Array(256).map((_, i) => i);
      const key = 'enc/date=2021-01-01 10%3A00/région/part 1.bin';
      await s.put(key, all);
      expect(await s.getRange(key, 0, 256)).toEqual(all);
      expect((await s.list('enc/date=2021-01-01 10%3A00/')).map((m) => m.path)).toEqual([key]);
      await s.put('enc/empty', new Uint8Array(0));
      expect((await s.head('enc/empty')).size).toBe(0);
    });

    it('lists every key in order across many objects', async () => {
      const s = store();
      const keys = Array.from({ length: 13 }, (_, i) => `many/k-${String(i).padStart(3, '0')}`);
      await Promise.all([...keys].reverse().map((k) => s.put(k, bytes(k))));
      await s.put('many-not/x', bytes('x'));
      expect((await s.list('many/')).map((m) => m.path)).toEqual(keys);
      expect((await s.list('many/k-01')).map((m) => m.path)).toEqual(keys.slice(10));
    });

    it('putIfAbsent creates once and refuses an existing object', async () => {
      const s = store();
      expect(await s.putIfAbsent('once/00001.json', bytes('first'))).toBe(true);
      expect(await s.putIfAbsent('once/00001.json', bytes('second'))).toBe(false);
      expect(text(await s.getRange('once/00001.json', 0, 5))).toBe('first');
      await s.put('once/00002.json', bytes('plain'));
      expect(await s.putIfAbsent('once/00002.json', bytes('later'))).toBe(false);
      expect(text(await s.getRange('once/00002.json', 0, 5))).toBe('plain');
    });

    it('8 concurrent putIfAbsent of one key: exactly one wins and its bytes stay', async () => {
      const s = store();
      for (const round of [1, 2]) {
        const key = `race/${round}.json`;
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => s.putIfAbsent(key, bytes(`writer ${i}`))));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(text(await s.getRange(key, 0, 8))).toBe(`writer ${results.indexOf(true)}`);
      }
    });

    it('reports missing objects as 58030 and short reads as XX001, naming the key', async () => {
      const s = store();
      const missing = await rejection(s.head('nope/missing.bin'));
      expect(missing.sqlState).toBe('58030');
      expect(missing.message).toContain('nope/missing.bin');
      expect((await rejection(s.getRange('nope/missing.bin', 0, 1))).sqlState).toBe('58030');
      await s.put('short.bin', bytes('abc'));
      const short = await rejection(s.getRange('short.bin', 1, 10));
      expect(short.sqlState).toBe('XX001');
      expect(short.message).toContain('short.bin');
      const past = await rejection(s.getRange('short.bin', 5, 2));
      expect(past.sqlState).toBe('XX001');
      expect(past.message).toContain('short.bin');
    });
  });
}
