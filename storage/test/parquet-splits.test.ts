import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Batch, T, type BatchField, type ScanSplit } from '../../core/index.ts';
import { openParquetTable, writeParquetFile } from '../index.ts';
import { column } from './columns.ts';

let dir: string;
let paths: string[];
const fields: BatchField[] = [{ name: 'k', type: T.int32, nullable: false }];
const GROUPS = 4, PER = 500;

beforeAll(async () => {
  dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-splits-'));
  paths = [nodePath.join(dir, 'a.parquet'), nodePath.join(dir, 'b.parquet')];
  for (const [f, path] of paths.entries()) {
    const batches = Array.from({ length: GROUPS }, (_v, g) => new Batch([column(T.int32, Array.from({ length: PER }, (_w, i) => f * 10_000 + g * PER + i))], PER));
    await writeParquetFile(path, fields, batches, { rowGroupSize: PER });
  }
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function keys(splits?: readonly ScanSplit[]): Promise<number[]> {
  const scanner = await openParquetTable(paths);
  const out: number[] = [];
  for await (const b of scanner.scan({ columns: [0], predicates: [], ...(splits ? { splits } : {}) })) out.push(...(b.columns[0]!.values as Int32Array));
  return out;
}

describe('Parquet splits', () => {
  it('lists one piece per row group, with its rows and compressed size', async () => {
    const splits = await (await openParquetTable(paths)).splits();
    expect(splits.map((s) => [nodePath.basename(s.path), s.rowGroups, s.rowCount])).toEqual([
      ['a.parquet', [0], PER], ['a.parquet', [1], PER], ['a.parquet', [2], PER], ['a.parquet', [3], PER],
      ['b.parquet', [0], PER], ['b.parquet', [1], PER], ['b.parquet', [2], PER], ['b.parquet', [3], PER],
    ]);
    expect(splits.every((s) => s.sizeBytes > 0 && s.sizeBytes < s.fileSizeBytes)).toBe(true);
  });

  it('reads exactly the rows of the splits it is given; all splits together read the table once', async () => {
    const splits = await (await openParquetTable(paths)).splits();
    const all = await keys();
    const parts = [splits.slice(0, 3), splits.slice(3, 5), splits.slice(5)];
    const read = await Promise.all(parts.map((p) => keys(p)));
    expect(read[0]).toEqual(all.slice(0, 3 * PER));
    expect(read.flat().sort((x, y) => x - y)).toEqual([...all].sort((x, y) => x - y));
    expect(await keys([{ path: paths[1]!, fileSizeBytes: 0, sizeBytes: 0 }])).toEqual(all.slice(GROUPS * PER));
    expect(await keys([])).toEqual([]);
  });
});
