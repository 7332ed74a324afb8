/**
 * `loch demo` (what `npm start` runs): on first run writes a small TPC-H
 * dataset (SF 0.01, Parquet) under `<data-dir>/sample/`, registers its tables,
 * runs TPC-H Q1 and prints the result, then says how to open the shell with
 * the same tables.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { QueryEngine } from '../coordinator/index.ts';
import { runSql } from './run-sql.ts';
import type { CommandContext } from './sql-command.ts';
import { writeTpchParquet } from './tpch-dataset.ts';

export const TPCH_TABLE_NAMES = ['region', 'nation', 'supplier', 'customer', 'part', 'partsupp', 'orders', 'lineitem'] as const;

/** TPC-H Q1, the pricing summary report (the canonical first query of the benchmark). */
export const DEMO_QUERY = `-- TPC-H Q1: pricing summary report
SELECT l_returnflag, l_linestatus,
       sum(l_quantity) AS sum_qty,
       sum(l_extendedprice) AS sum_base_price,
       sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
       avg(l_quantity) AS avg_qty,
       avg(l_extendedprice) AS avg_price,
       avg(l_discount) AS avg_disc,
       count(*) AS count_order
FROM lineitem
WHERE l_shipdate <= date '1998-12-01' - interval '90' day
GROUP BY l_returnflag, l_linestatus
ORDER BY l_returnflag, l_linestatus;`;

/**
 * `CREATE TABLE … USING parquet` statements for the sample dataset in `dir`
 * (big tables are directories of chunk files, small ones single files).
 */
export function sampleTablesSql(dir: string): string {
  return TPCH_TABLE_NAMES.map((t) => {
    const file = path.join(dir, `${t}.parquet`);
    const location = existsSync(file) ? file : path.join(dir, t, '*.parquet');
    return `CREATE OR REPLACE TABLE ${t} USING parquet LOCATION '${location.replaceAll("'", "''")}';`;
  }).join('\n') + '\n';
}

/** Writes the sample dataset under `<dataDir>/sample/` unless it is there; returns its folder. */
export async function ensureSample(dataDir: string, ctx: Pick<CommandContext, 'stderr'>): Promise<string> {
  const sampleDir = path.join(dataDir, 'sample');
  const tablesFile = path.join(sampleDir, 'tables.sql');
  // tables.sql is written last, so it marks a complete dataset (an interrupted first run starts over)
  if (!existsSync(tablesFile)) {
    ctx.stderr(`Creating the sample dataset (TPC-H scale factor 0.01) in ${sampleDir} …\n`);
    await mkdir(sampleDir, { recursive: true });
    await writeTpchParquet(0.01, sampleDir, ctx.stderr);
    await writeFile(tablesFile, sampleTablesSql(sampleDir));
  }
  return sampleDir;
}

/**
 * Registers the sample's tables on `engine` (writing the sample first if needed), runs Q1
 * and prints it; false when a statement failed (already reported).
 */
export async function loadSampleAndRunQ1(engine: QueryEngine, dataDir: string, ctx: CommandContext): Promise<boolean> {
  const sampleDir = await ensureSample(dataDir, ctx);
  const quiet = { format: 'csv' as const, stdout: () => {}, stderr: (t: string) => { if (t.startsWith('ERROR')) ctx.stderr(t); } };
  if (!(await runSql(engine, sampleTablesSql(sampleDir), quiet))) return false;
  ctx.stdout(`Registered the TPC-H tables (${TPCH_TABLE_NAMES.join(', ')}) from ${sampleDir}.\n\n${DEMO_QUERY}\n\n`);
  return runSql(engine, DEMO_QUERY, { format: 'table', stdout: ctx.stdout, stderr: ctx.stderr, timing: true });
}

/** Runs `loch demo` (in one process, no cluster); returns the exit code. */
export async function demoCommand(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { 'data-dir': { type: 'string', default: '.loch' } } });
  const dataDir = path.resolve(values['data-dir']);
  const tablesFile = path.join(dataDir, 'sample', 'tables.sql');
  const engine = await ctx.createEngine(dataDir);
  try {
    if (!(await loadSampleAndRunQ1(engine, dataDir, ctx))) return 1;
  } finally {
    await engine.close();
  }
  const relTables = path.relative(process.cwd(), tablesFile) || tablesFile;
  ctx.stdout(`\nOpen the SQL shell on these tables:\n  npx loch sql --init ${relTables}\n` +
    `Or run one query:\n  npx loch sql --init ${relTables} "SELECT n_name, count(*) FROM nation JOIN supplier ON s_nationkey = n_nationkey GROUP BY n_name ORDER BY 2 DESC LIMIT 5"\n`);
  return 0;
}
