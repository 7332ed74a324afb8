import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import type { ScanPredicate } from '../../../core/index.ts';
import { addColumns, createTable, startTransaction } from '../index.ts';
import { tempDir } from './delta-fixture.ts';
import { batchOf, tableRows } from './write-helpers.ts';

const TYPES = [T.int32, T.text];

async function table(): Promise<string> {
  const dir = tempDir();
  await createTable(dir, { schema: [{ name: 'id', type: T.int32, nullable: true }, { name: 'p', type: T.text, nullable: true }], partitionColumns: ['p'] });
  const txn = await startTransaction(dir);
  await txn.addFiles([batchOf(TYPES, [[1, 'a'], [2, 'a'], [3, 'b']])]);
  await txn.commit();
  return dir;
}

const inA: ScanPredicate = { kind: 'compare', column: 1, op: '=', value: 'a' } as ScanPredicate;

describe('optimistic concurrency', () => {
  it('lets concurrent blind appends through at the next versions', async () => {
    const dir = await table();
    const t1 = await startTransaction(dir);
    const t2 = await startTransaction(dir);
    await t1.addFiles([batchOf(TYPES, [[10, 'a']])]);
    await t2.addFiles([batchOf(TYPES, [[20, 'a']])]);
    expect(await t2.commit()).toEqual({ version: 2, conflictsChecked: 0 });
    expect(await t1.commit()).toEqual({ version: 3, conflictsChecked: 1 });
    expect(await tableRows(dir)).toHaveLength(5);
  });

  it('fails a delete whose read file a winner removed (40001 naming the version)', async () => {
    const dir = await table();
    const t1 = await startTransaction(dir);
    const t2 = await startTransaction(dir);
    const fileA = t1.snapshot!.files.find((f) => f.partitionValues.p === 'a')!;
    await t2.deleteRows([{ file: fileA, rows: [0] }]);
    await t2.commit();
    await t1.deleteRows([{ file: fileA, rows: [1] }]);
    await expect(t1.commit()).rejects.toMatchObject({ sqlState: '40001', message: expect.stringContaining('version 2') });
    expect(await tableRows(dir)).toHaveLength(2);
  });

  it('checks added files against the read predicate: non-blind winners conflict, blind appends only under Serializable', async () => {
    const dir = await table();
    // Winner: an UPDATE-like commit (remove + add) in partition b does not match p = 'a'.
    const reader = await startTransaction(dir);
    reader.readPredicates([inA]);
    const upd = await startTransaction(dir);
    const fileB = upd.snapshot!.files.find((f) => f.partitionValues.p === 'b')!;
    await upd.deleteRows([{ file: fileB, rows: [0] }]);
    await upd.addFiles([batchOf(TYPES, [[33, 'b']])]);
    await upd.commit();
    await reader.addFiles([batchOf(TYPES, [[7, 'a']])]);
    expect((await reader.commit()).version).toBe(3);

    // Winner: an UPDATE-like commit adding into partition a conflicts.
    const r2 = await startTransaction(dir);
    r2.readPredicates([inA]);
    const u2 = await startTransaction(dir);
    const fileB2 = u2.snapshot!.files.find((f) => f.partitionValues.p === 'b')!;
    await u2.deleteRows([{ file: fileB2, rows: [0] }]);
    await u2.addFiles([batchOf(TYPES, [[44, 'a']])]);
    await u2.commit();
    await r2.addFiles([batchOf(TYPES, [[8, 'a']])]);
    await expect(r2.commit()).rejects.toMatchObject({ sqlState: '40001' });

    // Winner: a blind append into partition a.
    for (const isolationLevel of ['WriteSerializable', 'Serializable'] as const) {
      const r = await startTransaction(dir, { isolationLevel });
      r.readPredicates([inA]);
      r.readFiles(r.snapshot!.files.filter((f) => f.partitionValues.p === 'a'));
      const app = await startTransaction(dir);
      await app.addFiles([batchOf(TYPES, [[55, 'a']])]);
      await app.commit();
      await r.addFiles([batchOf(TYPES, [[9, 'a']])]);
      if (isolationLevel === 'WriteSerializable') expect((await r.commit()).conflictsChecked).toBe(1);
      else await expect(r.commit()).rejects.toMatchObject({ sqlState: '40001' });
    }
  });

  it('conflicts with a concurrent metadata change', async () => {
    const dir = await table();
    const t1 = await startTransaction(dir);
    const t2 = await startTransaction(dir);
    addColumns(t2, [{ name: 'z', type: T.int64, nullable: true }]);
    await t2.commit();
    await t1.addFiles([batchOf(TYPES, [[10, 'a']])]);
    await expect(t1.commit()).rejects.toMatchObject({ sqlState: '40001', message: expect.stringContaining('metadata') });
  });
});

describe('filesMatching', () => {
  it('prunes by partition values and statistics and records the read for conflict checks', async () => {
    const dir = await table();
    const t = await startTransaction(dir);
    const files = t.filesMatching([inA, { kind: 'compare', column: 0, op: '>=', value: 2 }]);
    expect(files.map((f) => f.partitionValues.p)).toEqual(['a']);
    expect(t.filesMatching([{ kind: 'compare', column: 0, op: '>', value: 5 }])).toEqual([]);
    const winner = await startTransaction(dir);
    await winner.deleteRows([{ file: files[0]!, rows: [0] }]);
    await winner.commit();
    await t.deleteRows([{ file: files[0]!, rows: [1] }]);
    await expect(t.commit()).rejects.toMatchObject({ sqlState: '40001' });
  });
});

describe('overwrite', () => {
  it('replaces the whole table or the partitions a replaceWhere selects', async () => {
    const dir = await table();
    const t = await startTransaction(dir);
    expect(t.overwrite([inA])).toHaveLength(1);
    await t.addFiles([batchOf(TYPES, [[9, 'a']])]);
    await t.commit();
    expect((await tableRows(dir)).sort()).toEqual(['[3,"b"]', '[9,"a"]']);
    expect(() => t.overwrite([{ kind: 'compare', column: 0, op: '=', value: 1 }])).toThrow(/replaceWhere/);
    const all = await startTransaction(dir);
    all.overwrite();
    await all.commit();
    expect(await tableRows(dir)).toEqual([]);
  });
});

describe('readVersion', () => {
  it('checks every commit since an older read version before committing after them', async () => {
    const dir = await table();
    for (let i = 0; i < 2; i++) {
      const app = await startTransaction(dir);
      await app.addFiles([batchOf(TYPES, [[100 + i, 'b']])]);
      await app.commit();
    }
    const old = await startTransaction(dir, { readVersion: 1 });
    expect(old.readVersion).toBe(1);
    await old.addFiles([batchOf(TYPES, [[7, 'a']])]);
    expect(await old.commit()).toEqual({ version: 4, conflictsChecked: 2 });
    const stale = await startTransaction(dir, { readVersion: 1 });
    stale.removeFiles(stale.snapshot!.files.filter((f) => f.partitionValues.p === 'a'));
    const winner = await startTransaction(dir);
    winner.removeFiles(winner.snapshot!.files.filter((f) => f.partitionValues.p === 'a' && f.stats?.includes('"numRecords":2')));
    await winner.commit();
    await expect(stale.commit()).rejects.toMatchObject({ sqlState: '40001', message: expect.stringContaining('version 5') });
  });
});
