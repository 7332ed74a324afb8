import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Batch, T, decimal, type BatchField, type LiteralValue, type ScanPredicate } from '../../core/index.ts';
import { openParquetTable, writeParquetFile } from '../index.ts';
import { column, values } from './columns.ts';

let dir: string;
let path: string;
const fields: BatchField[] = [
  { name: 'k', type: T.int32, nullable: false },
  { name: 'big', type: T.int64, nullable: false },
  { name: 'price', type: decimal(15, 2), nullable: false },
  { name: 'day', type: T.date, nullable: false },
  { name: 'name', type: T.text, nullable: false },
  { name: 'maybe', type: T.int32, nullable: true },
  { name: 'ts', type: T.timestamp, nullable: false },
  { name: 'x', type: T.float64, nullable: false },
  { name: 'wide', type: decimal(38, 2), nullable: false },
  { name: 'tiny', type: decimal(4, 1), nullable: false },
];
const GROUPS = 10, PER = 1000;

beforeAll(async () => {
  dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-prune-'));
  path = nodePath.join(dir, 't.parquet');
  const batches: Batch[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const ks = Array.from({ length: PER }, (_, i) => g * PER + i);
    batches.push(new Batch([
      column(T.int32, ks),
      column(T.int64, ks.map((k) => BigInt(k) * 1_000_000_000n)),
      column(decimal(15, 2), ks.map((k) => k * 100 - 500_000)), // -5000.00 … 4999.99
      column(T.date, ks.map((k) => -5000 + k)), // days from 1956 on
      column(T.text, ks.map(() => `g${g}`)),
      column(T.int32, ks.map((k) => (g === 3 ? null : g === 4 && k % 2 ? null : k))),
      column(T.timestamp, ks.map((k) => BigInt(k) * 1000n)),
      column(T.float64, ks.map((k) => k / 10)),
      column(decimal(38, 2), ks.map((k) => (BigInt(k) - 5000n) * 10n ** 30n)),
      column(decimal(4, 1), ks.map((k) => (k % 2000) - 1000)), // INT32-backed: -100.0 … 99.9
    ], PER));
  }
  await writeParquetFile(path, fields, batches, { rowGroupSize: PER });
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** Row groups read and the rows of column 0 returned. */
async function run(predicates: ScanPredicate[]): Promise<{ groups: number; keys: number[] }> {
  const scanner = await openParquetTable([path]);
  const keys: number[] = [];
  for await (const b of scanner.scan({ columns: [0], predicates })) keys.push(...(b.columns[0]!.values as Int32Array));
  expect(scanner.metrics.rowGroupsRead + scanner.metrics.rowGroupsSkipped).toBe(GROUPS);
  return { groups: scanner.metrics.rowGroupsRead, keys };
}

const cmp = (column: number, op: '=' | '<>' | '<' | '<=' | '>' | '>=', value: LiteralValue): ScanPredicate =>
  ({ kind: 'compare', column, op, value });

describe('row-group pruning by statistics', () => {
  it('skips row groups by int32 range, reading only those that may match', async () => {
    const r = await run([cmp(0, '>=', 8500)]);
    expect(r.groups).toBe(2);
    expect(r.keys[0]).toBe(8000); // pruning is by row group; the plan filters rows
    expect(r.keys).toHaveLength(2000);
    expect((await run([cmp(0, '<', 1000)])).groups).toBe(1);
    expect((await run([cmp(0, '<=', 1000)])).groups).toBe(2);
    expect((await run([cmp(0, '=', 4321)])).groups).toBe(1);
    expect((await run([cmp(0, '>', 9999)])).groups).toBe(0);
    expect((await run([cmp(0, '=', 123), cmp(0, '>', 5000)])).groups).toBe(0);
    expect((await run([cmp(0, '<>', 5)])).groups).toBe(10);
    expect((await run([{ kind: 'in', column: 0, values: [5, 9500, null] }])).groups).toBe(2);
  });

  it('compares in Loch literal representation: int64 bigint, scaled decimals, day numbers, µs timestamps', async () => {
    expect((await run([cmp(1, '>=', 9_000_000_000_000n)])).groups).toBe(1);
    // price >= 4000.00 → scaled 400000 → k >= 9000
    expect((await run([cmp(2, '>=', 400_000)])).groups).toBe(1);
    expect((await run([cmp(2, '<', -499_900)])).groups).toBe(1);
    // Wide decimals compare as scaled bigints, decoded exactly from the statistics' bytes.
    expect((await run([cmp(8, '>=', 4000n * 10n ** 30n)])).groups).toBe(1);
    expect((await run([cmp(8, '<', -4999n * 10n ** 30n)])).groups).toBe(1);
    expect((await run([cmp(8, '=', 4000n * 10n ** 30n + 1n)])).groups).toBe(1); // in range: cannot prune
    expect((await run([cmp(9, '<', -990)])).groups).toBe(5);
    // day < -4000 → k < 1000
    expect((await run([cmp(3, '<', -4000)])).groups).toBe(1);
    expect((await run([cmp(6, '>', 8_999_999n)])).groups).toBe(1);
    expect((await run([cmp(4, '=', 'g7')])).groups).toBe(1);
    expect((await run([cmp(4, '>=', 'g8')])).groups).toBe(2);
  });

  it('orders text statistics by code point (UTF-8 byte order), not UTF-16 units', async () => {
    const p = nodePath.join(dir, 'unicode.parquet');
    const f: BatchField[] = [{ name: 's', type: T.text, nullable: false }];
    // Row group 0 holds U+FB00 'ﬀ' only; row group 1 holds U+1D11E '𝄞' only.
    await writeParquetFile(p, f, [new Batch([column(T.text, ['\ufb00', '\u{1d11e}'])], 2)], { rowGroupSize: 1 });
    const s = await openParquetTable([p]);
    const got: string[] = [];
    for await (const b of s.scan({ columns: [0], predicates: [cmp(0, '>', '\ufb00')] })) got.push(...values(T.text, b.columns[0]!) as string[]);
    expect(got).toEqual(['\u{1d11e}']);
    expect(s.metrics.rowGroupsRead).toBe(1);
  });

  it('uses null counts for IS NULL / IS NOT NULL and comparisons with all-null chunks', async () => {
    expect((await run([{ kind: 'is_null', column: 5, negated: false }])).groups).toBe(2);
    expect((await run([{ kind: 'is_null', column: 5, negated: true }])).groups).toBe(9);
    expect((await run([cmp(5, '>=', 0)])).groups).toBe(9);
    expect((await run([cmp(0, '=', null)])).groups).toBe(0);
  });

  it('does not prune float columns on > (NaN sorts high) but does on <', async () => {
    expect((await run([cmp(7, '>', 950)])).groups).toBe(10);
    expect((await run([cmp(7, '<', 50)])).groups).toBe(1);
  });
});
