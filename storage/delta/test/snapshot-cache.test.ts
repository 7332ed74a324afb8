import { describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { T } from '../../../core/index.ts';
import { createTable, startTransaction } from '../index.ts';
import { deltaLocation } from '../delta-location.ts';
import { loadSnapshot } from '../delta-snapshot.ts';
import { forgetSnapshot } from '../snapshot-cache.ts';
import { add, tempDir, writeCommit } from './delta-fixture.ts';
import { batchOf, expectRows, tableRows } from './write-helpers.ts';

const schema = [{ name: 'id', type: T.int64, nullable: true }];

async function insert(dir: string, id: bigint): Promise<number> {
  const txn = await startTransaction(dir);
  await txn.addFiles([batchOf([T.int64], [[id]])]);
  return (await txn.commit()).version;
}

describe('the in-memory newest snapshot', () => {
  it('follows this process\'s commits and sees commits written by another writer', async () => {
    const dir = tempDir();
    await createTable(dir, { schema });
    for (let i = 1n; i <= 3n; i++) await insert(dir, i);
    expect((await loadSnapshot(deltaLocation(dir))).files).toHaveLength(3);
    // Another process commits version 4 (no data file needed to check the replayed state).
    writeCommit(dir, 4, [add('elsewhere.parquet', 10)]);
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.version).toBe(4);
    expect(s.files.map((f) => f.path)).toContain('elsewhere.parquet');
    // And a transaction started now builds on it (version 5, not a conflict retry onto 4).
    const txn = await startTransaction(dir);
    expect(txn.readVersion).toBe(4);
    // The cached state equals a cold replay.
    forgetSnapshot(deltaLocation(dir));
    expect((await loadSnapshot(deltaLocation(dir))).files).toEqual(s.files);
  });

  it('is not served after the table is dropped and created again at the same place', async () => {
    const dir = path.join(tempDir(), 't');
    await createTable(dir, { schema });
    await insert(dir, 1n);
    await insert(dir, 2n);
    expect(await tableRows(dir)).toEqual(expectRows([[1n], [2n]]));
    rmSync(dir, { recursive: true, force: true });
    await createTable(dir, { schema });
    expect(await insert(dir, 7n)).toBe(1);
    expect(await tableRows(dir)).toEqual(expectRows([[7n]]));
    expect((await loadSnapshot(deltaLocation(dir))).version).toBe(1);
  });

  it('time travel to older versions still replays the log', async () => {
    const dir = tempDir();
    await createTable(dir, { schema });
    for (let i = 1n; i <= 3n; i++) await insert(dir, i);
    expect(await tableRows(dir, 1)).toEqual(expectRows([[1n]]));
    expect(await tableRows(dir)).toEqual(expectRows([[1n], [2n], [3n]]));
  });

  it('spaces checkpoints of tables with many files at least files/100 commits apart', async () => {
    const dir = tempDir();
    await createTable(dir, { schema, properties: { 'delta.checkpointInterval': '1' } });
    const txn = await startTransaction(dir);
    txn.addExistingFiles(Array.from({ length: 300 }, (_, i) => ({ path: `f${i}.parquet`, partitionValues: {}, size: 1, modificationTime: 0, dataChange: true })));
    expect((await txn.commit()).version).toBe(1);
    const log = path.join(dir, '_delta_log');
    const checkpoint = (v: number) => existsSync(path.join(log, `${String(v).padStart(20, '0')}.checkpoint.parquet`));
    // 300+ files: more than 3 commits between checkpoints (1, 2, 3 < 3.0x commits since version 0; then 4 - 4 < 3.0x).
    expect(checkpoint(1)).toBe(false);
    for (let v = 2; v <= 8; v++) await insert(dir, BigInt(v));
    expect([2, 3, 4, 5, 6, 7, 8].filter(checkpoint)).toEqual([4, 8]);
    forgetSnapshot(deltaLocation(dir));
    const cold = await loadSnapshot(deltaLocation(dir));
    expect(cold.checkpointVersion).toBe(8);
    expect(cold.files).toHaveLength(307);
  });
});
