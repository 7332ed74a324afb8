/** Test support: random batches of every Loch type, rows as comparable strings, a temp shuffle root. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Batch, type BatchField, type DataType, type LiteralValue, T, columnFromValues, decimal, readValue } from '../../../core/index.ts';
import type { MapOutputLocation, MapOutputPartition, ShuffleMapTask } from '../index.ts';

/** Every type a shuffle must carry; column 0 (int32) and column 1 (int64) hold the same key value. */
export const FIELDS: readonly BatchField[] = [
  { name: 'k32', type: T.int32, nullable: true },
  { name: 'k64', type: T.int64, nullable: true },
  { name: 'small', type: T.int16, nullable: true },
  { name: 'price', type: decimal(15, 2), nullable: true },
  { name: 'big', type: decimal(38, 6), nullable: true },
  { name: 'day', type: T.date, nullable: true },
  { name: 'ts', type: T.timestamp, nullable: true },
  { name: 'tstz', type: T.timestamptz, nullable: true },
  { name: 'name', type: T.text, nullable: true },
  { name: 'flag', type: T.boolean, nullable: true },
  { name: 'ratio', type: T.float64, nullable: true },
  { name: 'span', type: T.interval, nullable: true },
  { name: 'nothing', type: T.null, nullable: true },
];

/** A seeded PRNG (mulberry32), so failures reproduce. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random rows of FIELDS; keys drawn from `keyRange` values (some NULL). */
export function randomRows(rand: () => number, n: number, keyRange = 50): LiteralValue[][] {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const maybe = (v: LiteralValue): LiteralValue => (rand() < 0.1 ? null : v);
  const rows: LiteralValue[][] = [];
  for (let i = 0; i < n; i++) {
    const key = rand() < 0.05 ? null : int(-keyRange, keyRange) * 1000003;
    rows.push([
      key, key === null ? null : BigInt(key),
      maybe(int(-32768, 32767)),
      maybe(int(-99999999, 99999999) * 1000 + int(0, 99)),
      maybe(BigInt(int(-1e9, 1e9)) * 10n ** 28n + BigInt(int(0, 1e9))),
      maybe(int(-40000, 40000)),
      maybe(BigInt(int(-2e9, 2e9)) * 1000000n + BigInt(int(0, 999999))),
      maybe(BigInt(int(-2e9, 2e9)) * 1000000n - 7n),
      maybe(rand() < 0.2 ? '' : `name-${int(0, 1e6)}-ü€${'x'.repeat(int(0, 20))}`),
      maybe(rand() < 0.5),
      maybe(rand() < 0.05 ? -0 : (rand() - 0.5) * 1e6),
      maybe({ months: int(-100, 100), days: int(-40, 40), micros: int(-1e9, 1e9) }),
      null,
    ]);
  }
  return rows;
}

/** A batch of `rows`; with `selectEvery` > 1 the batch also holds unselected rows that must not travel. */
export function batchOf(rows: readonly LiteralValue[][], fields: readonly BatchField[] = FIELDS): Batch {
  const columns = fields.map((f, c) => columnFromValues(f.type, rows.map((r) => r[c]!)));
  return new Batch(columns, rows.length, null);
}

/** Like batchOf, but padded with junk rows hidden by a selection vector. */
export function selectedBatchOf(rows: readonly LiteralValue[][], junk: readonly LiteralValue[][]): Batch {
  const all: LiteralValue[][] = [];
  const sel: number[] = [];
  rows.forEach((r, i) => {
    if (i < junk.length) all.push(junk[i]!);
    sel.push(all.length);
    all.push(r);
  });
  return batchOf(all).withSelection(Int32Array.from(sel));
}

function valueText(v: LiteralValue, type: DataType): string {
  if (v === null) return 'NULL';
  if (typeof v === 'object' && !('months' in v)) return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
  if (typeof v === 'object') return `${v.months}m${v.days}d${v.micros}us`;
  if (type.kind === 'float64' && Object.is(v, -0)) return '-0';
  return `${typeof v}:${String(v)}`;
}

/** The selected rows of a batch as strings (one per row; every column). */
export function rowStrings(batch: Batch, fields: readonly BatchField[] = FIELDS): string[] {
  const out: string[] = [];
  for (let i = 0; i < batch.length; i++) {
    const r = batch.selection ? batch.selection[i]! : i;
    out.push(fields.map((f, c) => valueText(readValue(batch.column(c), f.type, r), f.type)).join('|'));
  }
  return out;
}

/** Rows given as values, as strings like rowStrings. */
export function literalRowStrings(rows: readonly LiteralValue[][], fields: readonly BatchField[] = FIELDS): string[] {
  return rows.map((row) => fields.map((f, c) => valueText(row[c]!, f.type)).join('|'));
}

/** Sorted copy, for multiset comparison. */
export function sorted(xs: readonly string[]): string[] {
  return [...xs].sort();
}

/** A fresh temporary shuffle root. */
export function tempRoot(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'loch-shuffle-test-'));
}

/** Map outputs as the locations a reducer reads. */
export function locationsOf(task: ShuffleMapTask, outputs: readonly MapOutputPartition[], workerId: string, workerAddress: string): MapOutputLocation[] {
  return outputs.map((o) => ({
    ...task, outputPartition: o.outputPartition, workerId, workerAddress, path: o.path, rows: o.rows, bytes: o.bytes,
  }));
}

/** Async iterable over batches (a map task's input). */
export async function* fromBatches(batches: readonly Batch[]): AsyncGenerator<Batch> {
  for (const b of batches) yield b;
}

/** Collects an async iterable. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
