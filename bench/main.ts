/**
 * `npm run bench -- tpch --sf <n> […]`: TPC-H on Loch and DuckDB side by side (bench/runner/tpch-command.ts).
 * `npm run bench -- micro [names…]`: micro-benchmarks of the hot kernels (bench/micro/).
 * `npm run bench -- chart report.json chart.svg [--log-scale]`: redraws a saved report's chart.
 * `npm run bench -- scheduling [--tasks 100] [--workers 2]`: task scheduling overhead on the embedded cluster.
 * `npm run bench -- scaling r01.json r1.json r10.json [--engine loch|duckdb|both] [--cpu]`: scaling exponents per query.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { TPCH_USAGE, tpchCommand } from './runner/tpch-command.ts';
import { tpchChartSvg } from './runner/svg-chart.ts';
import type { TpchReport } from './runner/tpch-report.ts';
import { runMicroBenchmarks } from './micro/index.ts';
import { formatScaling, scalingTable } from './runner/scaling.ts';
import { schedulingOverhead } from './cluster/scheduling-overhead.ts';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (command === 'tpch') {
      const report = await tpchCommand(rest, log);
      return report.failed.length === 0 ? 0 : 1;
    }
    if (command === 'chart' && rest[0] && rest[1]) {
      // Redraws the chart of a saved report: `chart report.json chart.svg [--log-scale]`.
      writeFileSync(rest[1], tpchChartSvg(JSON.parse(readFileSync(rest[0], 'utf8')) as TpchReport, { log: rest.includes('--log-scale') }));
      return 0;
    }
    if (command === 'scaling') {
      const files = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--engine');
      const cpu = rest.includes('--cpu');
      const at = rest.indexOf('--engine');
      const which = at >= 0 ? rest[at + 1] ?? '' : 'both';
      const reports = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as TpchReport);
      if (which !== 'loch' && which !== 'duckdb' && which !== 'both') throw new Error(`--engine must be loch, duckdb or both, not "${which}"`);
      const engines: ('loch' | 'duckdb')[] = which === 'both' ? ['loch', 'duckdb'] : [which];
      for (const e of engines) {
        if (reports.every((r) => r[e] !== undefined)) log(formatScaling(scalingTable(reports, e, cpu)));
      }
      return 0;
    }
    if (command === 'micro') return (await runMicroBenchmarks(rest, log)) ? 0 : 2;
    if (command === 'scheduling') return (await schedulingOverhead(rest, log)) ? 0 : 2;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  process.stderr.write(`${TPCH_USAGE}\n       npm run bench -- micro [names…]\n       npm run bench -- chart report.json chart.svg [--log-scale]\n       npm run bench -- scheduling [--tasks 100] [--workers 2] [--runs 5]\n       npm run bench -- scaling r01.json r1.json r10.json [--engine loch|duckdb|both] [--cpu]\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
