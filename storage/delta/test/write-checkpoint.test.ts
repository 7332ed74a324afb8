import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { T } from '../../../core/index.ts';
import { createTable, startTransaction } from '../index.ts';
import { deltaLocation } from '../delta-location.ts';
import { loadSnapshot } from '../delta-snapshot.ts';
import { encodeRoaringBitmapArray } from '../roaring-bitmap-writer.ts';
import { decodeRoaringBitmapArray } from '../roaring-bitmap.ts';
import { tempDir } from './delta-fixture.ts';
import { batchOf, tableRows } from './write-helpers.ts';
import { validateDeltaLog } from '../log-validator.ts';

/** PROTOCOL.md "Checkpoint Schema" (V1, without the optional *_parsed columns): column → leaf paths and types. */
const PROTOCOL_CHECKPOINT_SCHEMA: Record<string, Record<string, string>> = {
  metaData: { id: 'string', name: 'string', description: 'string', 'format.provider': 'string', 'format.options': 'map<string,string>', schemaString: 'string', partitionColumns: 'array<string>', createdTime: 'long', configuration: 'map<string,string>' },
  protocol: { minReaderVersion: 'int', minWriterVersion: 'int', readerFeatures: 'array<string>', writerFeatures: 'array<string>' },
  txn: { appId: 'string', version: 'long' },
  add: { path: 'string', partitionValues: 'map<string,string>', size: 'long', modificationTime: 'long', dataChange: 'boolean', stats: 'string', tags: 'map<string,string>', baseRowId: 'long', defaultRowCommitVersion: 'long',
    'deletionVector.storageType': 'string', 'deletionVector.pathOrInlineDv': 'string', 'deletionVector.offset': 'int', 'deletionVector.sizeInBytes': 'int', 'deletionVector.cardinality': 'long' },
  remove: { path: 'string', deletionTimestamp: 'long', dataChange: 'boolean' },
};

type Node = { element: { name: string; type?: string; converted_type?: string; logical_type?: { type: string }; repetition_type?: string }; children: Node[] };

/** A Parquet schema node in Spark's type words. */
function typeOf(n: Node): string {
  const e = n.element;
  const logical = e.logical_type?.type ?? e.converted_type;
  if (logical === 'MAP') {
    const kv = n.children[0]!;
    return `map<${typeOf(kv.children[0]!)},${typeOf(kv.children[1]!)}>`;
  }
  if (logical === 'LIST') {
    const rep = n.children[0]!;
    return `array<${typeOf(rep.children.length === 1 ? rep.children[0]! : rep)}>`;
  }
  if (n.children.length > 0) return 'struct';
  switch (e.type) {
    case 'BYTE_ARRAY': return logical === 'STRING' || logical === 'UTF8' ? 'string' : 'binary';
    case 'INT32': return 'int';
    case 'INT64': return 'long';
    case 'BOOLEAN': return 'boolean';
    default: return String(e.type);
  }
}

function leaves(n: Node, prefix: string, out: Record<string, string>): void {
  for (const c of n.children) {
    const name = prefix ? `${prefix}.${c.element.name}` : c.element.name;
    const t = typeOf(c);
    if (t === 'struct') leaves(c, name, out);
    else out[name] = t;
  }
}

describe('checkpoints', () => {
  it('are written every delta.checkpointInterval commits, readable by the reader, with the protocol schema', async () => {
    const dir = tempDir();
    await createTable(dir, {
      schema: [{ name: 'id', type: T.int64, nullable: false }, { name: 'p', type: T.int32, nullable: true }],
      partitionColumns: ['p'], properties: { 'delta.checkpointInterval': '5', 'delta.enableDeletionVectors': 'true' },
    });
    for (let i = 1; i <= 11; i++) {
      const txn = await startTransaction(dir);
      await txn.addFiles([batchOf([T.int64, T.int32], [[BigInt(i), 1], [BigInt(100 + i), 1], [BigInt(200 + i), null]])]);
      if (i === 7) txn.setTransactionId('stream-1', 42);
      if (i === 8) {
        const f = txn.snapshot!.files.find((x) => x.partitionValues.p === '1')!;
        await txn.deleteRows([{ file: f, rows: [0] }]);
      }
      await txn.commit();
    }
    const log = path.join(dir, '_delta_log');
    expect(existsSync(path.join(log, '00000000000000000005.checkpoint.parquet'))).toBe(true);
    expect(existsSync(path.join(log, '00000000000000000010.checkpoint.parquet'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(log, '_last_checkpoint'), 'utf8'))).toMatchObject({ version: 10 });
    const before = await tableRows(dir);
    // Replay must work from the checkpoint alone: drop the commits it covers.
    for (let v = 0; v <= 10; v++) rmSync(path.join(log, `${String(v).padStart(20, '0')}.json`));
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.checkpointVersion).toBe(10);
    expect(s.txns.get('stream-1')).toBe(42);
    expect(s.files.some((f) => f.deletionVector !== undefined)).toBe(true);
    expect(await tableRows(dir)).toEqual(before);
    expect(before).toHaveLength(32);

    const bytes = readFileSync(path.join(log, '00000000000000000010.checkpoint.parquet'));
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const root = parquetSchema(metadata) as unknown as Node;
    for (const [column, fields] of Object.entries(PROTOCOL_CHECKPOINT_SCHEMA)) {
      const node = root.children.find((c) => c.element.name === column);
      expect(node, `checkpoint column ${column}`).toBeDefined();
      const got: Record<string, string> = {};
      leaves(node!, '', got);
      for (const [field, type] of Object.entries(fields)) expect(`${column}.${field}: ${got[field]}`).toBe(`${column}.${field}: ${type}`);
    }
  });

  it('validates the log of a table with many kinds of commits', async () => {
    const dir = tempDir();
    await createTable(dir, { schema: [{ name: 'a', type: T.text, nullable: true }], constraints: { positive: 'length(a) > 0' } });
    const txn = await startTransaction(dir);
    await txn.addFiles([batchOf([T.text], [['x'], ['y']])]);
    await txn.commit();
    expect(await validateDeltaLog(dir)).toEqual([]);
    const s = await loadSnapshot(deltaLocation(dir));
    expect(s.protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 3 });
    expect(s.metadata.configuration['delta.constraints.positive']).toBe('length(a) > 0');
  });
});

describe('deletion vector bitmaps', () => {
  it('round-trip through the reader for arrays, bitsets and several 32-bit buckets', () => {
    const rows: number[] = [0, 1, 7, 65535, 65536, 70000];
    for (let i = 200_000; i < 210_000; i++) rows.push(i); // > 4096 in one container: bitset
    rows.push(2 ** 32 + 5, 2 ** 33 + 1);
    const encoded = encodeRoaringBitmapArray(Float64Array.from(rows));
    expect(Array.from(decodeRoaringBitmapArray(encoded, 0, 'test'))).toEqual(rows);
  });
});
