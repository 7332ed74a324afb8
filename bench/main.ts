/**
 * `npm run bench -- tpch --sf <n> […]`: TPC-H on Loch and DuckDB side by side (bench/runner/tpch-command.ts).
 * `npm run bench -- micro [names…]`: micro-benchmarks of the hot kernels (bench/micro/).
 */
import { TPCH_USAGE, tpchCommand } from './runner/tpch-command.ts';
import { runMicroBenchmarks } from './micro/index.ts';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (command === 'tpch') {
      const report = await tpchCommand(rest, log);
      return report.failed.length === 0 ? 0 : 1;
    }
    if (command === 'micro') return (await runMicroBenchmarks(rest, log)) ? 0 : 2;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  process.stderr.write(`${TPCH_USAGE}\n       npm run bench -- micro [names…]\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
