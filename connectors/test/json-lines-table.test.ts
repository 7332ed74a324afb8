import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LochError, T, decimal } from '../../core/index.ts';
import { openJsonLinesTable } from '../index.ts';
import { scanRows } from './read-columns.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'loch-jsonl-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(name: string, text: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

describe('openJsonLinesTable', () => {
  it('infers columns from the union of keys and reads values, nested values as JSON text', async () => {
    const p = await file('a.jsonl', [
      '{"id": 1, "name": "ann", "score": 1.5, "ok": true, "day": "2024-03-01", "tags": ["x", "y"]}',
      '',
      '{"id": 2, "name": null, "score": 2, "ok": false, "day": "2024-03-02", "extra": "late key"}',
      '{"id": 3000000000}',
    ].join('\r\n'));
    const t = await openJsonLinesTable([p]);
    expect(t.columns.map((c) => [c.name, c.type.kind])).toEqual([
      ['id', 'int64'], ['name', 'text'], ['score', 'float64'], ['ok', 'boolean'], ['day', 'date'], ['tags', 'text'], ['extra', 'text'],
    ]);
    const { rows } = await scanRows(t, [0, 1, 2, 3, 4, 5, 6]);
    expect(rows).toEqual([
      [1n, 'ann', 1.5, true, 19783, '["x","y"]', null],
      [2n, null, 2, false, 19784, null, 'late key'],
      [3000000000n, null, null, null, null, null, null],
    ]);
  });

  it('uses declared columns (decimals from numbers or strings) and streams in batches', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(JSON.stringify({ k: i, price: i % 2 === 0 ? `${i}.10` : i + 0.1 }));
    const p = await file('b.jsonl', lines.join('\n') + '\n');
    const t = await openJsonLinesTable([p], { columns: [
      { name: 'k', type: T.int32, nullable: false }, { name: 'price', type: decimal(12, 2), nullable: false }] });
    const { rows, batches } = await scanRows(t, [1, 0], 1000);
    expect(batches).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(rows[4321]).toEqual([432110, 4321]);
    expect(rows[10]).toEqual([1010, 10]);
  });

  it('names file, line and column for a value of the wrong type, and the line of bad JSON', async () => {
    const p = await file('c.jsonl', '{"n": 1}\n{"n": "x"}\n');
    const t = await openJsonLinesTable([p], { columns: [{ name: 'n', type: T.int32, nullable: true }] });
    let err: unknown;
    try { await scanRows(t, [0]); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(LochError);
    expect((err as LochError).sqlState).toBe('22P02');
    expect((err as LochError).message).toBe(`invalid input syntax for type integer: "x" (file "${p}", line 2, column "n")`);
    const q = await file('d.jsonl', '{"n": 1}\n{"n": \n');
    err = undefined;
    try { await scanRows(await openJsonLinesTable([q], { columns: [{ name: 'n', type: T.int32, nullable: true }] }), [0]); } catch (e) { err = e; }
    expect((err as LochError).sqlState).toBe('22P02');
    expect((err as LochError).message).toContain('line 2');
  });
});
