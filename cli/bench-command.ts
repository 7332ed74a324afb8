/**
 * `loch bench tpch gen --sf N --out DIR`: writes the TPC-H tables as Parquet
 * files (bench/tpch's `writeTpchDataset`) with a progress bar on stderr.
 */
import { parseArgs } from 'node:util';
import type { CommandContext } from './sql-command.ts';
import { writeTpchParquet } from './tpch-dataset.ts';

export const BENCH_USAGE = `usage: loch bench tpch gen --sf N --out DIR
  --sf     scale factor (1 = about 1 GB of raw data; 0.01 for a quick sample)
  --out    directory to write <table>.parquet files into
`;

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
  await writeTpchParquet(sf, values.out, ctx.stderr);
  return 0;
}
