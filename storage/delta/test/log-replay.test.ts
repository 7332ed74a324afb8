import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogReplayer } from '../delta-log-replay.ts';
import { parseJsonActions } from '../delta-log-files.ts';
import { parseActions } from '../delta-actions.ts';
import { sidecarKey } from '../delta-snapshot.ts';
import { deltaLocation } from '../delta-location.ts';
import { openDeltaTable } from '../delta-table-scanner.ts';
import { forgetSnapshot } from '../snapshot-cache.ts';
import { add, metadata, protocol, readRows, remove, sortedRows, tempDir, writeCommit, writeDataFile } from './delta-fixture.ts';

const dv = (id: string) => ({ storageType: 'u', pathOrInlineDv: id, offset: 1, sizeInBytes: 36, cardinality: 2 });

function replay(...commits: object[][]) {
  const r = new LogReplayer();
  for (const c of commits) r.apply(parseJsonActions(c.map((a) => JSON.stringify(a)).join('\n'), 'test'));
  return r.state(commits.length - 1, 't');
}

describe('log replay reconciliation', () => {
  it('a remove retires the file; a later add of the same path brings it back', () => {
    const s = replay(
      [protocol(), metadata([['a', 'integer']]), add('a.parquet', 1), add('b.parquet', 1)],
      [remove('a.parquet')],
      [add('a.parquet', 2)],
    );
    expect(s.files.map((f) => [f.path, f.size])).toEqual([['b.parquet', 1], ['a.parquet', 2]]);
    expect(s.tombstones).toEqual([]);
  });

  it('a logical file is path + deletion vector: replacing the DV keeps exactly one copy', () => {
    const s = replay(
      [protocol(3, 7, ['deletionVectors'], ['deletionVectors']), metadata([['a', 'integer']]), add('f.parquet', 1)],
      [remove('f.parquet'), add('f.parquet', 1, { deletionVector: dv('AAAAAAAAAAAAAAAAAAAA') })],
      [remove('f.parquet', { deletionVector: dv('AAAAAAAAAAAAAAAAAAAA') }), add('f.parquet', 1, { deletionVector: dv('BBBBBBBBBBBBBBBBBBBB') })],
    );
    expect(s.files).toHaveLength(1);
    expect(s.files[0]!.deletionVector?.pathOrInlineDv).toBe('BBBBBBBBBBBBBBBBBBBB');
    expect(s.tombstones).toHaveLength(2);
  });

  it('a remove naming another DV does not retire the file', () => {
    const s = replay(
      [protocol(), metadata([['a', 'integer']]), add('f.parquet', 1, { deletionVector: dv('AAAAAAAAAAAAAAAAAAAA') })],
      [remove('f.parquet')],
    );
    expect(s.files).toHaveLength(1);
  });

  it('paths are compared URI-decoded (an add encoded, its remove not)', () => {
    const s = replay([protocol(), metadata([['a', 'integer']]), add('p=a%20b/f.parquet', 1)], [remove('p=a b/f.parquet')]);
    expect(s.files).toEqual([]);
  });

  it('the newest protocol, metaData and txn win', () => {
    const s = replay(
      [protocol(1, 2), metadata([['a', 'integer']]), { txn: { appId: 'x', version: 1 } }],
      [protocol(1, 4), metadata([['a', 'integer'], ['b', 'string']]), { txn: { appId: 'x', version: 7 } }],
    );
    expect(s.protocol.minWriterVersion).toBe(4);
    expect(JSON.parse(s.metadata.schemaString).fields).toHaveLength(2);
    expect(s.txns.get('x')).toBe(7);
  });

  it('explicit JSON nulls for optional fields are absent values (delta-rs)', () => {
    const s = replay([protocol(), metadata([['a', 'integer']]), add('f.parquet', 1, { stats: null, tags: null, deletionVector: null, baseRowId: null })]);
    expect(s.files[0]!.deletionVector).toBeUndefined();
    expect(s.files[0]!.stats).toBeUndefined();
  });

  it('checkpoint rows: bigints, map partition values and stats_parsed are normalized', () => {
    const [a] = parseActions({
      add: {
        path: 'p=1/f.parquet', partitionValues: { p: '1' }, size: 10n, modificationTime: 5n, dataChange: false, stats: null,
        stats_parsed: { numRecords: 3n, minValues: { t: new Date(Date.UTC(2024, 0, 2)) }, maxValues: { x: 9 }, nullCount: { x: 0n } },
        deletionVector: { storageType: 'i', pathOrInlineDv: 'abc', offset: null, sizeInBytes: 4, cardinality: 2n },
      },
      remove: null, metaData: null,
    }, 'cp.parquet');
    expect(a).toMatchObject({ kind: 'add', add: { size: 10, modificationTime: 5, partitionValues: { p: '1' }, deletionVector: { cardinality: 2 } } });
    const add = (a as { add: { stats?: string; deletionVector?: { offset?: number } } }).add;
    expect(JSON.parse(add.stats!)).toEqual({ numRecords: 3, minValues: { t: '2024-01-02T00:00:00.000Z' }, maxValues: { x: 9 }, nullCount: { x: 0 } });
    expect(add.deletionVector!.offset).toBeUndefined();
  });

  it('sidecar paths resolve to _delta_log/_sidecars whatever prefix the writer stored', () => {
    const loc = deltaLocation('/t');
    expect(sidecarKey(loc, 'a.parquet')).toBe('_delta_log/_sidecars/a.parquet');
    expect(sidecarKey(loc, 'file:///t/_delta_log/_sidecars/a%20b.parquet')).toBe('_delta_log/_sidecars/a b.parquet');
  });

  it('a log without protocol or metaData is refused naming the table', () => {
    const r = new LogReplayer();
    r.apply(parseJsonActions(JSON.stringify(metadata([['a', 'integer']])), 'x'));
    expect(() => r.state(0, 'my_table')).toThrow(/my_table.*no protocol/);
  });

  it('corrupt JSON names the file and line', () => {
    expect(() => parseJsonActions('{"commitInfo":{}}\nnot json', '00000000000000000003.json')).toThrow(/00000000000000000003\.json.*line 2/);
  });
});

describe('replay over a table on disk', () => {
  it('reads the newest version and every older version by time travel', async () => {
    const t = path.join(tempDir(), 't');
    const s1 = writeDataFile(t, 'one.parquet', [{ name: 'id', type: 'INT64', data: [1n, 2n] }]);
    const s2 = writeDataFile(t, 'two.parquet', [{ name: 'id', type: 'INT64', data: [3n] }]);
    const s3 = writeDataFile(t, 'three.parquet', [{ name: 'id', type: 'INT64', data: [4n, 5n] }]);
    writeCommit(t, 0, [protocol(), metadata([['id', 'long']]), add('one.parquet', s1)]);
    writeCommit(t, 1, [add('two.parquet', s2)]);
    writeCommit(t, 2, [remove('one.parquet'), add('three.parquet', s3)]);
    const ids = async (version?: number) =>
      sortedRows(await readRows(await openDeltaTable(t, version === undefined ? {} : { version })));
    expect(await ids()).toEqual(['["3n"]', '["4n"]', '["5n"]']);
    expect(await ids(0)).toEqual(['["1n"]', '["2n"]']);
    expect(await ids(1)).toEqual(['["1n"]', '["2n"]', '["3n"]']);
    await expect(openDeltaTable(t, { version: 3 })).rejects.toThrow(/no version 3; its versions end at 2/);
    // A gap in the log (and no checkpoint) is an error naming the missing commit, not silently wrong rows.
    // (This process already replayed commit 1, and its snapshot cache only heads the newest commit;
    // a reader without the cached snapshot — another process — meets the gap.)
    rmSync(path.join(t, '_delta_log', '00000000000000000001.json'));
    forgetSnapshot(deltaLocation(t));
    await expect(openDeltaTable(t)).rejects.toThrow(/commit 1 is missing/);
  });
});
