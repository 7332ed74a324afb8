/**
 * Writing a TPC-H dataset as Parquet from the CLI (`loch bench tpch gen` and
 * `loch demo`): bench/tpch generates the rows, storage writes the files (the
 * CLI is the composition root that hands one to the other), and a progress
 * bar runs on stderr.
 */
import type { TpchWriteProgress } from '../bench/tpch/index.ts';
import { ProgressBar } from './progress-bar.ts';

/** What the bar shows for one progress report. */
export interface ProgressView {
  readonly fraction: number;
  readonly label: string;
  readonly detail: string;
}

/** Share of files done, the table, and rows of the current file. */
export function viewProgress(p: TpchWriteProgress): ProgressView {
  return {
    fraction: p.filesTotal > 0 ? p.filesDone / p.filesTotal : 0,
    label: p.table,
    detail: `${formatCount(p.rows)} rows  (${p.filesDone}/${p.filesTotal} files)`,
  };
}

function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** Generates TPC-H at scale factor `sf` into `outDir` (`<table>.parquet` or `<table>/part-N.parquet`). */
export async function writeTpchParquet(sf: number, outDir: string, stderr: (text: string) => void): Promise<void> {
  // loaded on demand: the generator and the Parquet writer are only needed here
  const [{ writeTpchDataset }, { writeParquetFile }] = await Promise.all([
    import('../bench/tpch/index.ts'),
    import('../storage/index.ts'),
  ]);
  const bar = new ProgressBar(stderr, process.stderr.isTTY === true);
  const started = performance.now();
  await writeTpchDataset({
    sf,
    outDir,
    writeParquetFile,
    onProgress: (p) => { const v = viewProgress(p); bar.update(v.fraction, v.label, v.detail); },
  });
  bar.done(`TPC-H SF ${sf} written to ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
