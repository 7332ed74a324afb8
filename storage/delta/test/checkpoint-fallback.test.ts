import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeltaTable } from '../delta-table-scanner.ts';
import { listLog, chooseCheckpoint } from '../delta-log-listing.ts';
import { deltaLocation } from '../delta-location.ts';
import { add, copyCorpusTable, metadata, protocol, readRows, remove, sortedRows, tempDir, writeCommit, writeDataFile, writeLogFile } from './delta-fixture.ts';

// golden-inserts-deletes-checkpoint: commits 0..13, a classic Parquet checkpoint at 10, 41 rows at 13.
const TABLE = 'golden-inserts-deletes-checkpoint';
const log = (t: string, name: string) => path.join(t, '_delta_log', name);
const cp10 = '00000000000000000010.checkpoint.parquet';

async function expected(): Promise<string[]> {
  return sortedRows(await readRows(await openDeltaTable(copyCorpusTable(TABLE))));
}

function dropCommitsBefore(t: string, version: number): void {
  for (let v = 0; v < version; v++) rmSync(log(t, `${String(v).padStart(20, '0')}.json`));
}

describe('checkpoints and _last_checkpoint', () => {
  it('replay starts at the newest checkpoint: commits before it are not needed', async () => {
    const want = await expected();
    expect(want).toHaveLength(41);
    const t = copyCorpusTable(TABLE);
    dropCommitsBefore(t, 10);
    const scanner = await openDeltaTable(t);
    expect(scanner.snapshot.checkpointVersion).toBe(10);
    expect(sortedRows(await readRows(scanner))).toEqual(want);
    // Versions before the checkpoint are gone with their commits: a clear error.
    await expect(openDeltaTable(t, { version: 5 })).rejects.toThrow(/commit 0 is missing/);
  });

  it.each([
    ['missing', (t: string) => rmSync(log(t, '_last_checkpoint'))],
    ['empty', (t: string) => writeFileSync(log(t, '_last_checkpoint'), '')],
    ['not JSON', (t: string) => writeFileSync(log(t, '_last_checkpoint'), '{"vers')],
    ['stale (older checkpoint that no longer exists)', (t: string) => writeFileSync(log(t, '_last_checkpoint'), '{"version":3,"size":10}')],
    ['ahead of the log (a checkpoint that was never written)', (t: string) => writeFileSync(log(t, '_last_checkpoint'), '{"version":99,"size":10}')],
  ])('_last_checkpoint %s: the listing decides', async (_what, damage) => {
    const want = await expected();
    const t = copyCorpusTable(TABLE);
    damage(t);
    dropCommitsBefore(t, 10); // proves the checkpoint is still found and used
    const scanner = await openDeltaTable(t);
    expect(scanner.snapshot.checkpointVersion).toBe(10);
    expect(sortedRows(await readRows(scanner))).toEqual(want);
  });

  it('a UUID-named (V2) Parquet checkpoint is found by the listing', async () => {
    const want = await expected();
    const t = copyCorpusTable(TABLE);
    renameSync(log(t, cp10), log(t, '00000000000000000010.checkpoint.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.parquet'));
    dropCommitsBefore(t, 10);
    const scanner = await openDeltaTable(t);
    expect(scanner.snapshot.checkpointVersion).toBe(10);
    expect(sortedRows(await readRows(scanner))).toEqual(want);
  });

  it('an incomplete multi-part checkpoint is ignored (replay from the commits)', async () => {
    const t = copyCorpusTable('golden-multi-part-checkpoint');
    const want = sortedRows(await readRows(await openDeltaTable(t)));
    expect(want).toHaveLength(31);
    rmSync(log(t, '00000000000000000001.checkpoint.0000000002.0000000002.parquet'));
    const listing = await listLog(deltaLocation(t));
    expect(chooseCheckpoint(listing, 1)).toBeUndefined(); // the broken v1 checkpoint is not offered
    expect(sortedRows(await readRows(await openDeltaTable(t)))).toEqual(want);
  });

  it('time travel before the newest checkpoint uses an older checkpoint or the commits', async () => {
    const t = copyCorpusTable('golden-only-checkpoint-files');
    const v1 = await openDeltaTable(t, { version: 1 });
    expect(v1.snapshot.checkpointVersion).toBe(1);
    const v0 = await openDeltaTable(t, { version: 0 });
    expect(v0.snapshot.checkpointVersion).toBeUndefined();
    expect((await readRows(v0)).length).toBe(10);
  });
});

describe('log compaction files', () => {
  it('stand in for the commits they cover when those are gone', async () => {
    const t = path.join(tempDir(), 't');
    const sizes = [0, 1, 2, 3].map((i) => writeDataFile(t, `f${i}.parquet`, [{ name: 'x', type: 'INT32', data: [i * 10, i * 10 + 1] }]));
    writeCommit(t, 0, [protocol(), metadata([['x', 'integer']]), add('f0.parquet', sizes[0]!)]);
    writeCommit(t, 1, [add('f1.parquet', sizes[1]!)]);
    writeCommit(t, 2, [remove('f0.parquet'), add('f2.parquet', sizes[2]!)]);
    writeCommit(t, 3, [add('f3.parquet', sizes[3]!)]);
    const want = sortedRows(await readRows(await openDeltaTable(t)));
    expect(want).toEqual(['[10]', '[11]', '[20]', '[21]', '[30]', '[31]']);
    // 1..2 compacted (reconciled actions of those commits), then commits 1 and 2 removed.
    writeLogFile(t, '00000000000000000001.00000000000000000002.compacted.json',
      [add('f1.parquet', sizes[1]!), remove('f0.parquet'), add('f2.parquet', sizes[2]!)]);
    rmSync(log(t, '00000000000000000001.json'));
    rmSync(log(t, '00000000000000000002.json'));
    expect(sortedRows(await readRows(await openDeltaTable(t)))).toEqual(want);
    // A compaction reaching past the requested version is not used for that version.
    await expect(openDeltaTable(t, { version: 1 })).rejects.toThrow(/commit 1 is missing/);
  });

  it('are not used when every commit they cover is present', async () => {
    const t = path.join(tempDir(), 't');
    const s = writeDataFile(t, 'a.parquet', [{ name: 'x', type: 'INT32', data: [1] }]);
    writeCommit(t, 0, [protocol(), metadata([['x', 'integer']])]);
    writeCommit(t, 1, [add('a.parquet', s)]);
    writeCommit(t, 2, [{ commitInfo: { operation: 'noop' } }]);
    // A bogus compaction (claims nothing was added): ignored because commits 1..2 exist.
    writeLogFile(t, '00000000000000000001.00000000000000000002.compacted.json', [{ commitInfo: {} }]);
    expect(await readRows(await openDeltaTable(t))).toEqual([[1]]);
  });
});

describe('not a Delta table', () => {
  it('a folder without _delta_log is 42P01 naming it', async () => {
    const dir = tempDir();
    copyFileSync(path.join(copyCorpusTable('dat-basic-append'), '_delta_log', '00000000000000000000.json'), path.join(dir, 'stray.json'));
    await expect(openDeltaTable(dir)).rejects.toMatchObject({ sqlState: '42P01' });
  });
});

describe('V2 checkpoints in Parquet form', () => {
  it('a UUID-named Parquet checkpoint with sidecar actions reads the files from its sidecars', async () => {
    const src = copyCorpusTable('golden-v2-checkpoint-json');
    const want = sortedRows(await readRows(await openDeltaTable(src)));
    expect(want).toHaveLength(10);
    const t = copyCorpusTable('golden-v2-checkpoint-json');
    const json = '00000000000000000002.checkpoint.6374b053-df23-479b-b2cf-c9c550132b49.json';
    const sidecars = readFileSync(log(t, json), 'utf8').split('\n').filter((l) => l.includes('"sidecar"'))
      .map((l) => (JSON.parse(l) as { sidecar: { path: string; sizeInBytes: number } }).sidecar);
    expect(sidecars).toHaveLength(2);
    const schemaString = JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] });
    const opt = 'OPTIONAL' as const;
    const rows = 2 + sidecars.length;
    const column = <T>(at: number, value: T): (T | null)[] => Array.from({ length: rows }, (_, i) => (i === at ? value : null));
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'checkpointMetadata', data: column(0, { version: 2n }) },
        { name: 'protocol', data: column(1, { minReaderVersion: 1, minWriterVersion: 2 }) },
        { name: 'metaData', data: column(1, { id: 'v2', schemaString }) },
        { name: 'sidecar', data: Array.from({ length: rows }, (_, i) => (i >= 2 ? { path: sidecars[i - 2]!.path, sizeInBytes: BigInt(sidecars[i - 2]!.sizeInBytes) } : null)) },
      ],
      schema: [
        { name: 'root', num_children: 4 },
        { name: 'checkpointMetadata', repetition_type: opt, num_children: 1 },
        { name: 'version', repetition_type: opt, type: 'INT64' },
        { name: 'protocol', repetition_type: opt, num_children: 2 },
        { name: 'minReaderVersion', repetition_type: opt, type: 'INT32' },
        { name: 'minWriterVersion', repetition_type: opt, type: 'INT32' },
        { name: 'metaData', repetition_type: opt, num_children: 2 },
        { name: 'id', repetition_type: opt, type: 'BYTE_ARRAY', converted_type: 'UTF8' },
        { name: 'schemaString', repetition_type: opt, type: 'BYTE_ARRAY', converted_type: 'UTF8' },
        { name: 'sidecar', repetition_type: opt, num_children: 2 },
        { name: 'path', repetition_type: opt, type: 'BYTE_ARRAY', converted_type: 'UTF8' },
        { name: 'sizeInBytes', repetition_type: opt, type: 'INT64' },
      ],
    } as unknown as Parameters<typeof parquetWriteBuffer>[0]);
    rmSync(log(t, json));
    rmSync(log(t, '_last_checkpoint'));
    writeFileSync(log(t, '00000000000000000002.checkpoint.6374b053-df23-479b-b2cf-c9c550132b49.parquet'), new Uint8Array(buffer));
    dropCommitsBefore(t, 2);
    const scanner = await openDeltaTable(t);
    expect(scanner.snapshot.checkpointVersion).toBe(2);
    expect(scanner.snapshot.metadata.id).toBe('v2'); // from the Parquet checkpoint, not a commit
    expect(sortedRows(await readRows(scanner))).toEqual(want);
  });
});
