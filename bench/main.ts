/**
 * `npm run bench -- tpch --sf 0.1 [--queries 1,3] [--runs 3] [--out report.json]`
 * Generates TPC-H Parquet data under bench/data/sf<N>/ when missing, then runs
 * Loch and DuckDB side by side and prints per-query times and correctness.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeTpchParquet } from '../cli/index.ts';
import { median, runTpchComparison } from './runner/tpch-benchmark.ts';

const DATA_ROOT = fileURLToPath(new URL('./data/', import.meta.url));

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'tpch') {
    process.stderr.write('usage: npm run bench -- tpch --sf <n> [--queries 1,3,…] [--runs N] [--out report.json]\n');
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: {
    sf: { type: 'string', default: '0.1' }, queries: { type: 'string' }, runs: { type: 'string', default: '3' },
    out: { type: 'string' }, data: { type: 'string' },
  } });
  const sf = Number(values.sf);
  const dataDir = values.data ?? join(DATA_ROOT, `sf${values.sf}`);
  if (!existsSync(join(dataDir, 'region.parquet'))) {
    mkdirSync(dataDir, { recursive: true });
    await writeTpchParquet(sf, dataDir, (text) => process.stderr.write(text));
  }
  const queries = values.queries ? values.queries.split(',').map(Number) : Array.from({ length: 22 }, (_, i) => i + 1);
  const reports = await runTpchComparison({ dataDir, queries, runs: Number(values.runs), log: (l) => process.stdout.write(`${l}\n`) });
  const lochTotal = reports.reduce((s, r) => s + median(r.lochMs), 0);
  const duckTotal = reports.reduce((s, r) => s + median(r.duckdbMs), 0);
  const correct = reports.filter((r) => r.correct).length;
  process.stdout.write(`total: loch ${lochTotal.toFixed(0)} ms, duckdb ${duckTotal.toFixed(0)} ms, ratio ${(lochTotal / duckTotal).toFixed(1)}; ${correct}/${reports.length} correct\n`);
  if (values.out) writeFileSync(values.out, JSON.stringify({ sf, queries: reports }, null, 2));
  return correct === reports.length ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
