import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { T } from '../../../core/index.ts';
import { createTable, readChanges, readRowsWithPositions, startTransaction, CHANGE_COLUMNS } from '../index.ts';
import { loadSnapshot } from '../delta-snapshot.ts';
import { deltaLocation } from '../delta-location.ts';
import { readValue } from '../../../core/index.ts';
import { tempDir } from './delta-fixture.ts';
import { batchOf, expectRows, tableRows } from './write-helpers.ts';
import { validateDeltaLog } from '../log-validator.ts';

const SCHEMA = [{ name: 'id', type: T.int32, nullable: false }, { name: 'p', type: T.text, nullable: true }, { name: 'v', type: T.text, nullable: true }];
const TYPES = SCHEMA.map((c) => c.type);

async function tableWith(properties: Record<string, string>): Promise<string> {
  const dir = tempDir();
  await createTable(dir, { schema: SCHEMA, partitionColumns: ['p'], properties });
  const txn = await startTransaction(dir);
  const rows = Array.from({ length: 20 }, (_, i) => [i, i % 2 === 0 ? 'even' : 'odd', `v${i}`]);
  await txn.addFiles([batchOf(TYPES, rows)]);
  await txn.commit();
  return dir;
}

/** DELETE WHERE id satisfies `pred`, the way the SQL layer will: scan with positions, delete those. */
async function deleteWhere(dir: string, pred: (id: number) => boolean, changeType?: 'update_preimage'): Promise<number> {
  const txn = await startTransaction(dir);
  const cols = txn.columns;
  const deletes = [];
  for (const file of txn.snapshot!.files) {
    const rows: number[] = [];
    for await (const { batch, positions } of readRowsWithPositions(txn.location, file, cols)) {
      for (let i = 0; i < positions.length; i++) {
        const id = readValue(batch.columns[0]!, T.int32, batch.selection ? batch.selection[i]! : i) as number;
        if (pred(id)) rows.push(positions[i]!);
      }
    }
    txn.readFiles([file]);
    if (rows.length > 0) deletes.push({ file, rows });
  }
  await txn.deleteRows(deletes, changeType ? { changeType } : {});
  txn.commitInfo({ operation: 'DELETE' });
  return (await txn.commit()).version;
}

const ids = async (dir: string, version?: number) => (await tableRows(dir, version)).map((r) => JSON.parse(r)[0] as number).sort((a, b) => a - b);

describe('row-level deletes', () => {
  it('writes deletion vectors when the table enables them, and deletes again on top of one', async () => {
    const dir = await tableWith({ 'delta.enableDeletionVectors': 'true' });
    await deleteWhere(dir, (id) => id % 5 === 0);
    expect(await ids(dir)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19]);
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.protocol.readerFeatures).toContain('deletionVectors');
    expect(s.files.every((f) => f.deletionVector?.storageType === 'u')).toBe(true);
    expect(s.files.some((f) => /"tightBounds":false/.test(f.stats ?? ''))).toBe(true);
    await deleteWhere(dir, (id) => id === 1 || id === 2);
    expect(await ids(dir)).toEqual([3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19]);
    expect(await ids(dir, 1)).toHaveLength(20); // time travel still sees every row
    expect(readdirSync(dir).filter((n) => n.startsWith('deletion_vector_')).length).toBe(4);
    expect(await validateDeltaLog(dir)).toEqual([]);
  });

  it('rewrites files (copy-on-write) without deletion vectors', async () => {
    const dir = await tableWith({});
    await deleteWhere(dir, (id) => id < 4);
    expect(await ids(dir)).toEqual(Array.from({ length: 16 }, (_, i) => i + 4));
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.files.every((f) => f.deletionVector === undefined)).toBe(true);
    expect(s.files).toHaveLength(2);
    expect(await validateDeltaLog(dir)).toEqual([]);
  });

  it('removes a file whose rows are all deleted', async () => {
    const dir = await tableWith({ 'delta.enableDeletionVectors': 'true' });
    await deleteWhere(dir, (id) => id % 2 === 1);
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.files).toHaveLength(1);
    expect(s.files[0]!.deletionVector).toBeUndefined();
  });

  for (const dv of ['true', 'false']) {
    it(`writes change data files with _change_type (deletion vectors ${dv})`, async () => {
      const dir = await tableWith({ 'delta.enableChangeDataFeed': 'true', 'delta.enableDeletionVectors': dv });
      const v = await deleteWhere(dir, (id) => id === 3 || id === 4);
      // An UPDATE: pre-images deleted, post-images added, both as change data.
      const txn = await startTransaction(dir);
      const file = txn.snapshot!.files.find((f) => f.partitionValues.p === 'even')!;
      let pos = -1;
      for await (const { batch, positions } of readRowsWithPositions(txn.location, file, txn.columns)) {
        for (let i = 0; i < positions.length; i++) if (readValue(batch.columns[0]!, T.int32, batch.selection ? batch.selection[i]! : i) === 6) pos = positions[i]!;
      }
      await txn.deleteRows([{ file, rows: [pos] }], { changeType: 'update_preimage' });
      await txn.addFiles([batchOf(TYPES, [[6, 'even', 'six']])], { changeType: 'update_postimage' });
      await txn.commit();
      const changes: string[] = [];
      for await (const b of readChanges(dir, v)) {
        for (let i = 0; i < b.length; i++) {
          const r = b.selection ? b.selection[i]! : i;
          changes.push(`${readValue(b.columns[0]!, T.int32, r)}:${readValue(b.columns[2]!, T.text, r)}:${readValue(b.columns[3]!, T.text, r)}:${readValue(b.columns[4]!, T.int64, r)}`);
        }
      }
      expect(CHANGE_COLUMNS[0]).toBe('_change_type');
      expect(changes.sort()).toEqual([`3:v3:delete:${v}`, `4:v4:delete:${v}`, `6:six:update_postimage:${v + 1}`, `6:v6:update_preimage:${v + 1}`]);
      expect(readdirSync(path.join(dir, '_change_data'), { recursive: true }).some((n) => String(n).endsWith('.parquet'))).toBe(true);
      expect(await validateDeltaLog(dir)).toEqual([]);
      expect(await ids(dir)).toEqual([0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
      expect(await tableRows(dir)).toContain(expectRows([[6, 'even', 'six']])[0]);
    });
  }
});

describe('MERGE-style row changes', () => {
  it('deletes some rows and updates others of one file in one commit, with the right change types', async () => {
    const dir = await tableWith({ 'delta.enableChangeDataFeed': 'true', 'delta.enableDeletionVectors': 'true' });
    const txn = await startTransaction(dir);
    const file = txn.snapshot!.files.find((f) => f.partitionValues.p === 'even')!;
    const pos = new Map<number, number>();
    for await (const { batch, positions } of readRowsWithPositions(txn.location, file, txn.columns)) {
      for (let i = 0; i < positions.length; i++) pos.set(readValue(batch.columns[0]!, T.int32, batch.selection ? batch.selection[i]! : i) as number, positions[i]!);
    }
    await txn.deleteRows([{ file, rows: [pos.get(0)!], updatedRows: [pos.get(2)!] }]);
    await txn.addFiles([batchOf(TYPES, [[2, 'even', 'two']])], { changeType: 'update_postimage' });
    await txn.addFiles([batchOf(TYPES, [[100, 'even', 'new']])], { changeType: 'insert' });
    const { version } = await txn.commit();
    expect(() => txn.removeFiles([file])).toThrow(/already removed/);
    const changes: string[] = [];
    for await (const b of readChanges(dir, version)) {
      for (let i = 0; i < b.length; i++) {
        const r = b.selection ? b.selection[i]! : i;
        changes.push(`${readValue(b.columns[0]!, T.int32, r)}:${readValue(b.columns[3]!, T.text, r)}`);
      }
    }
    expect(changes.sort()).toEqual(['0:delete', '100:insert', '2:update_postimage', '2:update_preimage']);
    expect(await ids(dir)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100]);
  });
});
