/** time and interval columns, which Delta lacks: stored as tagged long / binary and read back as themselves. */
import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import { startCreateTable } from '../index.ts';
import { deltaColumns } from '../delta-schema.ts';
import { schemaField } from '../schema-serialization.ts';
import { tempDir } from './delta-fixture.ts';
import { batchOf, expectRows, tableRows } from './write-helpers.ts';

const COLUMNS = [
  { name: 'id', type: T.int32, nullable: false },
  { name: 't', type: T.time, nullable: true },
  { name: 'iv', type: T.interval, nullable: true },
] as const;

describe('Delta time and interval columns', () => {
  it('serializes them as long / binary tagged with loch.type', () => {
    expect(schemaField({ name: 't', type: T.time, nullable: true })).toMatchObject({ type: 'long', metadata: { 'loch.type': 'time' } });
    expect(schemaField({ name: 'iv', type: T.interval, nullable: true })).toMatchObject({ type: 'binary', metadata: { 'loch.type': 'interval' } });
    const schemaString = JSON.stringify({ type: 'struct', fields: COLUMNS.map((c) => schemaField(c)) });
    const cols = deltaColumns({ schemaString, partitionColumns: [], configuration: {} } as unknown as Parameters<typeof deltaColumns>[0], 'x');
    expect(cols.map((c) => c.type)).toEqual([T.int32, T.time, T.interval]);
  });

  it('writes values (negative parts, nanosecond words, NULLs) and reads them back', async () => {
    const dir = tempDir();
    const txn = await startCreateTable(dir, { schema: COLUMNS });
    const rows = [
      [1, 45_296_789_012n, { months: 14, days: -3, micros: 3_723_000_001 }],
      [2, 0n, { months: -2147483647, days: 2147483647, micros: -9_000_000_000_000_000 }],
      [3, null, null],
    ];
    await txn.addFiles([batchOf(COLUMNS.map((c) => c.type), rows)]);
    await txn.commit();
    expect(await tableRows(dir)).toEqual(expectRows(rows));
  });
});
