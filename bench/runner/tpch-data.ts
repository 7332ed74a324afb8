/**
 * TPC-H data for the harness: Parquet under bench/data/sf<N>/ (written by Loch's
 * dbgen-exact generator) and, for `--format delta`, a Delta table set under
 * bench/data/sf<N>/delta/<table>/ made by Loch itself
 * (`CREATE TABLE … USING delta LOCATION … AS SELECT * FROM <parquet table>`).
 * Each is created only when missing; a Delta table counts as present once its
 * first commit exists (commits are atomic, so an interrupted run leaves none).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLocalEngine, writeTpchParquet } from '../../cli/index.ts';
import type { BenchTables } from './bench-engines.ts';

export const TPCH_TABLE_NAMES = ['nation', 'region', 'part', 'supplier', 'partsupp', 'customer', 'orders', 'lineitem'] as const;

/** `lineitem` may be one file or a folder of part files. */
function parquetLocation(dataDir: string, table: string): string {
  const dir = join(dataDir, table);
  if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.parquet'))) return `${dir}/*.parquet`;
  return join(dataDir, `${table}.parquet`);
}

const firstCommit = (dir: string) => join(dir, '_delta_log', '00000000000000000000.json');

/** A one-line progress bar on stderr (redrawn in place on a terminal). */
function progress(label: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
}

/** Makes sure the data exists at scale factor `sf` in `dataDir` and returns where each table is. */
export async function prepareTpchData(sf: number, dataDir: string, format: 'parquet' | 'delta'): Promise<BenchTables> {
  const dir = resolve(dataDir);
  if (!TPCH_TABLE_NAMES.every((t) => existsSync(parquetLocation(dir, t).replace('/*.parquet', '')))) {
    mkdirSync(dir, { recursive: true });
    await writeTpchParquet(sf, dir, (text) => process.stderr.write(text));
  }
  const parquet = new Map(TPCH_TABLE_NAMES.map((t) => [t, parquetLocation(dir, t)] as const));
  const delta = new Map(TPCH_TABLE_NAMES.map((t) => [t, join(dir, 'delta', t)] as const));
  if (format === 'delta') {
    const missing = TPCH_TABLE_NAMES.filter((t) => !existsSync(firstCommit(delta.get(t)!)));
    if (missing.length > 0) {
      const engine = await createLocalEngine();
      try {
        let done = 0;
        progress('Delta tables', done, missing.length);
        for (const t of missing) {
          rmSync(delta.get(t)!, { recursive: true, force: true }); // files of an interrupted CTAS
          for await (const _ of engine.execute(`CREATE TABLE src_${t} USING parquet LOCATION '${parquet.get(t)}'; CREATE TABLE ${t} USING delta LOCATION '${delta.get(t)}' AS SELECT * FROM src_${t}`)) { /* run */ }
          progress('Delta tables', ++done, missing.length);
        }
      } finally {
        await engine.close();
      }
    }
  }
  return { parquet, delta, format };
}
