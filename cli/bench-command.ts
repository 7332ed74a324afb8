/**
 * `loch bench tpch gen --sf N --out DIR`: writes the TPC-H tables as Parquet
 * files (bench/tpch's `writeTpchDataset`) with a progress bar on stderr.
 */
import { parseArgs } from 'node:util';
import { ProgressBar } from './progress-bar.ts';
import type { TpchWriteProgress } from '../bench/tpch/index.ts';
import type { CommandContext } from './sql-command.ts';

export const BENCH_USAGE = `usage: loch bench tpch gen --sf N --out DIR
  --sf     scale factor (1 = about 1 GB of raw data; 0.01 for a quick sample)
  --out    directory to write <table>.parquet files into
`;

/** What the bar shows for one progress report: share of files done, table and rows of the current file. */
export function viewProgress(p: TpchWriteProgress): ProgressView {
  return {
    fraction: p.filesTotal > 0 ? p.filesDone / p.filesTotal : 0,
    label: p.table,
    detail: `${formatCount(p.rows)} rows  (${p.filesDone}/${p.filesTotal} files)`,
  };
}

/** What the progress bar draws. */
export interface ProgressView {
  readonly fraction: number;
  readonly label: string;
  readonly detail: string;
}

function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** Runs `loch bench …`; returns the exit code. */
export async function benchCommand(args: readonly string[], ctx: CommandContext): Promise<number> {
  if (args[0] !== 'tpch' || args[1] !== 'gen') {
    ctx.stderr(BENCH_USAGE);
    return args[0] === '--help' || args[0] === '-h' ? 0 : 2;
  }
  let values;
  try {
    ({ values } = parseArgs({ args: args.slice(2), options: { sf: { type: 'string' }, out: { type: 'string' } } }));
  } catch (e) {
    ctx.stderr(`loch bench: ${(e as Error).message}\n${BENCH_USAGE}`);
    return 2;
  }
  const sf = Number(values.sf);
  if (values.sf === undefined || !(sf > 0) || values.out === undefined) {
    ctx.stderr(`loch bench: --sf (a positive number) and --out are required\n${BENCH_USAGE}`);
    return 2;
  }
  const { writeTpchDataset } = await import('../bench/tpch/index.ts');
  const bar = new ProgressBar(ctx.stderr, process.stderr.isTTY === true);
  const started = performance.now();
  await writeTpchDataset({
    sf,
    outDir: values.out,
    onProgress: (p) => { const v = viewProgress(p); bar.update(v.fraction, v.label, v.detail); },
  });
  bar.done(`TPC-H SF ${sf} written to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
