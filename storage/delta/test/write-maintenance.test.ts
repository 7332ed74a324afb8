import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { T, decimal } from '../../../core/index.ts';
import {
  addColumns, createTable, dropColumns, mergeSchema, optimize, renameColumn, restore, startTransaction, vacuum, openDeltaTable,
} from '../index.ts';
import { deltaLocation } from '../delta-location.ts';
import { loadSnapshot } from '../delta-snapshot.ts';
import { parseFileStatistics } from '../file-statistics.ts';
import { tempDir } from './delta-fixture.ts';
import { batchOf, expectRows, tableRows } from './write-helpers.ts';
import { validateDeltaLog } from '../log-validator.ts';

async function smallFiles(count: number, properties: Record<string, string> = {}): Promise<string> {
  const dir = tempDir();
  await createTable(dir, { schema: [{ name: 'x', type: T.int32, nullable: true }, { name: 'y', type: T.int32, nullable: true }], properties });
  for (let i = 0; i < count; i++) {
    const txn = await startTransaction(dir);
    await txn.addFiles([batchOf([T.int32, T.int32], Array.from({ length: 10 }, (_, k) => [i * 10 + k, (k * 7 + i) % 10]))]);
    await txn.commit();
  }
  return dir;
}

const files = async (dir: string) => (await loadSnapshot(deltaLocation(dir))).files;

describe('OPTIMIZE', () => {
  it('bin-packs small files into one with dataChange=false, keeping the rows', async () => {
    const dir = await smallFiles(6);
    const before = await tableRows(dir);
    const r = await optimize(dir);
    expect(r).toMatchObject({ filesRemoved: 6, filesAdded: 1 });
    expect(await files(dir)).toHaveLength(1);
    expect(await tableRows(dir)).toEqual(before);
    const commit = readdirSync(path.join(dir, '_delta_log')).filter((n) => n.endsWith('.json')).sort().at(-1)!;
    expect(commit).toBe(`${String(r.version).padStart(20, '0')}.json`);
    expect((await optimize(dir)).version).toBeUndefined(); // nothing left to do
    expect(await validateDeltaLog(dir)).toEqual([]);
  });

  it('ZORDER BY clusters rows so that file statistics separate them', async () => {
    const dir = await smallFiles(8);
    await optimize(dir, { zOrderBy: ['x', 'y'], targetFileSize: 200 }); // tiny target: several output files
    const fs = await files(dir);
    expect(fs.length).toBeGreaterThan(1);
    const ranges = fs.map((f) => parseFileStatistics(f.stats)!).map((s) => [s.minValues.x as number, s.maxValues.x as number]);
    // Morton order over (x, y): the x ranges of the files are far narrower than the whole 0..79.
    expect(Math.max(...ranges.map(([lo, hi]) => hi! - lo!))).toBeLessThan(79);
    expect(await tableRows(dir)).toHaveLength(80);
    await expect(optimize(dir, { zOrderBy: ['nope'] })).rejects.toMatchObject({ sqlState: '42703' });
  });
});

describe('VACUUM', () => {
  it('refuses a short retention unless forced, lists in DRY RUN, deletes unreferenced old files', async () => {
    const dir = await smallFiles(3);
    await optimize(dir);
    writeFileSync(path.join(dir, 'orphan.parquet'), 'x');
    await expect(vacuum(dir, { retentionHours: 1 })).rejects.toMatchObject({ sqlState: '22023' });
    // Nothing is old enough yet at the default 168 h.
    expect((await vacuum(dir, { dryRun: true })).files).toEqual([]);
    const later = Date.now() + 8 * 86_400_000;
    const dry = await vacuum(dir, { dryRun: true, now: later });
    expect([...dry.files].sort()).toHaveLength(4); // three compacted files + the orphan
    expect(existsSync(path.join(dir, 'orphan.parquet'))).toBe(true);
    // Forced zero retention right now: the tombstoned files go, the live one stays.
    const old = new Date(Date.now() - 3_600_000);
    for (const f of dry.files) utimesSync(path.join(dir, f), old, old);
    const done = await vacuum(dir, { retentionHours: 0, force: true });
    expect([...done.files].sort()).toEqual([...dry.files].sort());
    expect(existsSync(path.join(dir, 'orphan.parquet'))).toBe(false);
    expect(await tableRows(dir)).toHaveLength(30);
  });
});

describe('RESTORE', () => {
  it('restores an older version with a new commit', async () => {
    const dir = await smallFiles(3);
    const v2 = await tableRows(dir, 2);
    await optimize(dir);
    const txn = await startTransaction(dir);
    await txn.addFiles([batchOf([T.int32, T.int32], [[999, 9]])]);
    await txn.commit();
    const r = await restore(dir, { version: 2 });
    expect(r.version).toBe(6);
    expect(await tableRows(dir)).toEqual(v2);
    expect(await validateDeltaLog(dir)).toEqual([]);
  });
});

describe('schema evolution', () => {
  it('adds columns (old files read NULL) and merges schemas', async () => {
    const dir = await smallFiles(1);
    const txn = await startTransaction(dir);
    addColumns(txn, [{ name: 'z', type: T.text, nullable: true }]);
    await txn.addFiles([batchOf([T.int32, T.int32, T.text], [[100, 1, 'new']])]);
    await txn.commit();
    const rows = (await tableRows(dir)).map((r) => JSON.parse(r) as unknown[]);
    expect(rows.filter((r) => r[2] === null)).toHaveLength(10);
    expect(rows.find((r) => r[0] === 100)).toEqual([100, 1, 'new']);
    const t2 = await startTransaction(dir);
    expect(mergeSchema(t2, [{ name: 'x', type: T.int32, nullable: true }, { name: 'w', type: decimal(5, 2), nullable: false }])).toBe(true);
    expect(t2.columns.map((c) => c.name)).toEqual(['x', 'y', 'z', 'w']);
    expect(() => mergeSchema(t2, [{ name: 'x', type: T.text, nullable: true }])).toThrow(/type/);
  });

  it('renames and drops columns through column mapping (name mode) without rewriting files', async () => {
    const dir = tempDir();
    await createTable(dir, {
      schema: [{ name: 'a', type: T.int32, nullable: true }, { name: 'b', type: T.text, nullable: true }, { name: 'c', type: T.int64, nullable: true }],
      partitionColumns: ['c'], properties: { 'delta.columnMapping.mode': 'name' },
    });
    let txn = await startTransaction(dir);
    await txn.addFiles([batchOf([T.int32, T.text, T.int64], [[1, 'one', 10n], [2, 'two', 20n]])]);
    await txn.commit();
    const dataFiles = (await files(dir)).map((f) => f.path).sort();
    txn = await startTransaction(dir);
    renameColumn(txn, 'b', 'bee');
    renameColumn(txn, 'c', 'cee');
    await txn.commit();
    txn = await startTransaction(dir);
    dropColumns(txn, ['a']);
    await txn.commit();
    const scanner = await openDeltaTable(dir);
    expect(scanner.columns.map((c) => c.name)).toEqual(['bee', 'cee']);
    expect(await tableRows(dir)).toEqual(expectRows([['one', 10n], ['two', 20n]]));
    expect((await files(dir)).map((f) => f.path).sort()).toEqual(dataFiles);
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.protocol).toEqual({ minReaderVersion: 2, minWriterVersion: 5 });
    expect(s.metadata.partitionColumns).toEqual(['cee']);
    // New writes after the rename land under the same physical names.
    txn = await startTransaction(dir);
    await txn.addFiles([batchOf([T.text, T.int64], [['three', 30n]])]);
    await txn.commit();
    expect(await tableRows(dir)).toEqual(expectRows([['one', 10n], ['two', 20n], ['three', 30n]]));
    expect(await validateDeltaLog(dir)).toEqual([]);
    const plain = await smallFiles(1);
    await expect((async () => renameColumn(await startTransaction(plain), 'x', 'q'))()).rejects.toMatchObject({ sqlState: '0A000' });
  });
});

describe('column mapping data files', () => {
  for (const mode of ['name', 'id']) {
    it(`carry physical names and field ids (mode ${mode}) and read back by id`, async () => {
      const dir = tempDir();
      await createTable(dir, { schema: [{ name: 'a', type: T.int32, nullable: true }, { name: 'b', type: decimal(12, 3), nullable: true }], properties: { 'delta.columnMapping.mode': mode } });
      const txn = await startTransaction(dir);
      await txn.addFiles([batchOf([T.int32, decimal(12, 3)], [[1, 1500], [2, null]])]);
      await txn.commit();
      const { readParquetFooter } = await import('../../parquet/parquet-footer.ts');
      const { LocalObjectStore } = await import('../../object-store/local-object-store.ts');
      const footer = await readParquetFooter(new LocalObjectStore(dir), decodeURIComponent(txn.addedFiles[0]!.path));
      const leaves = footer.metadata.schema.slice(1);
      const cols = txn.columns;
      expect(leaves.map((e) => [e.name, e.field_id])).toEqual(cols.map((c) => [c.physicalName, c.metadata['delta.columnMapping.id']]));
      expect(leaves.every((e) => e.name.startsWith('col-'))).toBe(true);
      expect(await tableRows(dir)).toEqual(expectRows([[1, 1500], [2, null]]));
    });
  }
});

describe('VACUUM with deletion vectors', () => {
  it('keeps the DV files of live files and removes superseded ones', async () => {
    const dir = await smallFiles(1, { 'delta.enableDeletionVectors': 'true' });
    for (const row of [0, 1]) {
      const txn = await startTransaction(dir);
      await txn.deleteRows([{ file: txn.snapshot!.files[0]!, rows: [row] }]);
      await txn.commit();
    }
    const dvs = () => readdirSync(dir).filter((n) => n.startsWith('deletion_vector_')).sort();
    expect(dvs()).toHaveLength(2);
    const old = new Date(Date.now() - 3_600_000);
    for (const f of readdirSync(dir, { recursive: true }) as string[]) if (!f.startsWith('_delta_log')) utimesSync(path.join(dir, f), old, old);
    const live = (await files(dir))[0]!.deletionVector!;
    const result = await vacuum(dir, { retentionHours: 0, force: true });
    expect(result.files).toHaveLength(1);
    expect(dvs()).toHaveLength(1);
    expect(await tableRows(dir)).toHaveLength(8);
    expect(live.storageType).toBe('u');
    expect(await validateDeltaLog(dir, { historical: false })).toEqual([]);
    expect((await validateDeltaLog(dir)).join()).toMatch(/version 2: file .*deletion_vector_.* does not exist/);
  });
});

describe('turning column mapping on for an existing table', () => {
  it('keeps old files readable (physical name = old name) and then allows renames', async () => {
    const dir = await smallFiles(2);
    let txn = await startTransaction(dir);
    txn.updateMetadata({ properties: { 'delta.columnMapping.mode': 'name' } });
    await txn.commit();
    txn = await startTransaction(dir);
    renameColumn(txn, 'x', 'renamed');
    await txn.commit();
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.protocol).toEqual({ minReaderVersion: 2, minWriterVersion: 5 });
    expect(s.metadata.configuration['delta.columnMapping.maxColumnId']).toBe('2');
    const scanner = await openDeltaTable(dir);
    expect(scanner.columns.map((c) => c.name)).toEqual(['renamed', 'y']);
    expect(await tableRows(dir)).toHaveLength(20);
    expect((await tableRows(dir)).map((r) => JSON.parse(r)[0] as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
