/**
 * `npm run bench -- tpch --sf <n> [--engine loch|duckdb|both] [--queries 1,3,…] [--runs 5]
 *    [--workers N] [--worker-memory MB] [--operator-memory MB] [--cold] [--format parquet|delta] [--out report.json] [--svg chart.svg] [--log-scale] [--data dir]`
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDuckDbBenchEngine, createLochBenchEngine, type BenchEngine } from './bench-engines.ts';
import { prepareTpchData } from './tpch-data.ts';
import { type EngineRun, runTpch } from './tpch-run.ts';
import { describeMachine, formatReport, summarize, type TpchReport } from './tpch-report.ts';
import { tpchChartSvg } from './svg-chart.ts';

const DATA_ROOT = fileURLToPath(new URL('../data/', import.meta.url));

export const TPCH_USAGE = 'usage: npm run bench -- tpch --sf <n> [--engine loch|duckdb|both] [--queries 1,3,…] [--runs 5] [--workers N] [--worker-memory MB] [--operator-memory MB] [--cold] [--format parquet|delta] [--out report.json] [--svg chart.svg] [--log-scale] [--data dir]';

function fail(message: string): never {
  throw new Error(`${message}\n${TPCH_USAGE}`);
}

/** Parses the arguments, prepares the data, runs both engines and writes the report; returns the report. */
export async function tpchCommand(args: readonly string[], log: (line: string) => void): Promise<TpchReport> {
  const { values } = parseArgs({ args: [...args], options: {
    sf: { type: 'string', default: '0.1' }, engine: { type: 'string', default: 'both' }, queries: { type: 'string' },
    runs: { type: 'string', default: '5' }, workers: { type: 'string', default: '0' }, cold: { type: 'boolean', default: false },
    format: { type: 'string', default: 'parquet' }, out: { type: 'string' }, svg: { type: 'string' }, 'log-scale': { type: 'boolean', default: false },
    data: { type: 'string' }, 'worker-memory': { type: 'string' }, 'operator-memory': { type: 'string' },
  } });
  const sf = Number(values.sf);
  if (!(sf > 0)) fail(`--sf must be a positive number, not "${values.sf}"`);
  const engine = values.engine;
  if (engine !== 'loch' && engine !== 'duckdb' && engine !== 'both') fail(`--engine must be loch, duckdb or both, not "${engine}"`);
  const format = values.format;
  if (format !== 'parquet' && format !== 'delta') fail(`--format must be parquet or delta, not "${format}"`);
  const runs = Number(values.runs);
  const workers = Number(values.workers);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, not "${values.runs}"`);
  if (!Number.isInteger(workers) || workers < 0) fail(`--workers must be a non-negative integer, not "${values.workers}"`);
  const megabytes = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 64) fail(`--${name} must be a whole number of MiB (64 or more), not "${v}"`);
    return n;
  };
  const workerMemoryMb = megabytes('worker-memory', values['worker-memory']);
  const operatorMemoryMb = megabytes('operator-memory', values['operator-memory']);
  if ((workerMemoryMb !== undefined || operatorMemoryMb !== undefined) && workers === 0) fail('--worker-memory and --operator-memory need --workers N');
  const queries = values.queries ? values.queries.split(',').map((s) => Number(s.trim())) : Array.from({ length: 22 }, (_, i) => i + 1);
  if (queries.some((q) => !Number.isInteger(q) || q < 1 || q > 22)) fail(`--queries must list numbers from 1 to 22, not "${values.queries}"`);

  const tables = await prepareTpchData(sf, values.data ?? join(DATA_ROOT, `sf${values.sf}`), format);
  const engines: BenchEngine[] = [];
  try {
    const duck = engine !== 'loch' ? await createDuckDbBenchEngine(tables) : null;
    if (duck) engines.push(duck);
    const loch = engine !== 'duckdb' ? await createLochBenchEngine({
      tables, workers, log,
      ...(workerMemoryMb !== undefined ? { workerMemoryMb } : {}),
      ...(operatorMemoryMb !== undefined ? { operatorMemoryMb } : {}),
    }) : null;
    if (loch) engines.push(loch);
    const mode = values.cold ? 'cold' : 'warm';
    const base = {
      sf, format, mode, runs, workers,
      ...(workerMemoryMb !== undefined ? { workerMemoryMb } : {}),
      ...(operatorMemoryMb !== undefined ? { operatorMemoryMb } : {}),
    } as const;
    const part = (e: BenchEngine | null, m: EngineRun | null) => (e && m ? {
      peakRssBytes: m.peakRssBytes, workerPeakRssBytes: e.workerPeakRss(), bytesShuffled: m.bytesShuffled, queries: m.queries,
    } : undefined);
    // After each query the report so far goes to --out (marked partial): a long run cut short keeps what it measured.
    const savePartial = (m: { loch: EngineRun | null; duckdb: EngineRun | null }) => {
      if (!values.out) return;
      const partial = summarize({ ...base, machine: describeMachine() }, part(loch, m.loch), part(duck, m.duckdb));
      writeFileSync(values.out, `${JSON.stringify({ ...partial, partial: true }, null, 2)}\n`);
    };
    const measured = await runTpch(loch, duck, { queries, runs, cold: values.cold, log, onQueryDone: savePartial });
    const report = summarize({ ...base, machine: describeMachine() }, part(loch, measured.loch), part(duck, measured.duckdb));
    log(formatReport(report));
    if (values.out) writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
    if (values.svg) writeFileSync(values.svg, tpchChartSvg(report, { log: values['log-scale'] }));
    return report;
  } finally {
    for (const e of engines) await e.close();
  }
}
