/**
 * The harness's run loop: per query, DuckDB then Loch, each a warm-up and
 * `runs` timed runs (cold mode: caches cleared before every run, through
 * `CLEAR CACHE` for Loch); every Loch result, warm-up included, is compared
 * with DuckDB's. Resident memory is sampled while each engine runs, and the
 * process's CPU time is taken per run (robust to other load on a shared machine;
 * DuckDB's covers its threads, Loch's its one thread plus GC, and on the
 * embedded cluster the worker processes' CPU time too).
 */
import { compareTextRows } from './compare-results.ts';
import type { BenchEngine, TextResult } from './bench-engines.ts';
import { type QueryFigures, median, timeFigures } from './tpch-report.ts';
import { tpchQueryText } from './tpch-benchmark.ts';

/** What the loop measured for one engine. */
export interface EngineRun {
  readonly queries: QueryFigures[];
  peakRssBytes: number;
  bytesShuffled: number;
}

export interface TpchRunOptions {
  readonly queries: readonly number[];
  readonly runs: number;
  readonly cold: boolean;
  readonly log: (line: string) => void;
  /** Called after each query with what was measured so far (e.g. to save a partial report). */
  readonly onQueryDone?: (measured: { loch: EngineRun | null; duckdb: EngineRun | null }) => void;
}

/** Samples process RSS every 20 ms while `f` runs (timers fire between batches). */
async function sampled<T>(into: EngineRun, f: () => Promise<T>): Promise<T> {
  const sample = () => { into.peakRssBytes = Math.max(into.peakRssBytes, process.memoryUsage.rss()); };
  const timer = setInterval(sample, 20);
  try {
    return await f();
  } finally {
    clearInterval(timer);
    sample();
  }
}

/** Warm-up + `runs` timed runs of one query; each result is handed to `check`. */
async function timeQuery(engine: BenchEngine, sql: string, options: TpchRunOptions, check: (r: TextResult) => void): Promise<{ times: number[]; cpu: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= options.runs; i++) {
    if (options.cold) await engine.clearCaches();
    const w0 = (await engine.workerCpuMs?.()) ?? 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await engine.run(sql);
    const elapsed = performance.now() - t0;
    const used = process.cpuUsage(c0);
    const workers = ((await engine.workerCpuMs?.()) ?? 0) - w0;
    if (i > 0) { times.push(elapsed); cpu.push((used.user + used.system) / 1000 + workers); }
    check(result);
  }
  return { times, cpu };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs the queries on `loch` and/or `duckdb`; Loch is checked against DuckDB when both run. */
export async function runTpch(loch: BenchEngine | null, duckdb: BenchEngine | null, options: TpchRunOptions): Promise<{ loch: EngineRun | null; duckdb: EngineRun | null }> {
  const lochRun: EngineRun | null = loch ? { queries: [], peakRssBytes: 0, bytesShuffled: 0 } : null;
  const duckRun: EngineRun | null = duckdb ? { queries: [], peakRssBytes: 0, bytesShuffled: 0 } : null;
  for (const q of options.queries) {
    const sql = tpchQueryText(q);
    let expected: TextResult | null = null;
    const line: string[] = [`Q${String(q).padStart(2, '0')}`];
    if (duckdb && duckRun) {
      const { times, cpu } = await sampled(duckRun, () => timeQuery(duckdb, sql, options, (r) => { expected = r; }));
      const rows = (expected as TextResult | null)?.rows.length ?? 0;
      duckRun.queries.push({ q, ...timeFigures(times), cpuMs: median(cpu), rows, correct: null });
      line.push(`duckdb ${timeFigures(times).medianMs.toFixed(1)} ms`);
    }
    if (loch && lochRun) {
      const problems: string[] = [];
      let rows = 0;
      let times: number[] = [];
      let cpu: number[] = [];
      let error: string | undefined;
      let shuffled = 0;
      try {
        ({ times, cpu } = await sampled(lochRun, () => timeQuery(loch, sql, options, (r) => {
          rows = r.rows.length;
          if (expected && problems.length === 0) problems.push(...compareTextRows(r.rows, expected.rows, expected.names));
        })));
        shuffled = loch.bytesShuffled();
        lochRun.bytesShuffled += shuffled;
      } catch (e) {
        error = message(e);
      }
      const correct = error !== undefined ? false : expected ? problems.length === 0 : null;
      const timed = correct !== false && times.length > 0;
      lochRun.queries.push({
        q, ...(timed ? { ...timeFigures(times), cpuMs: median(cpu) } : { medianMs: null, minMs: null, maxMs: null, cpuMs: null }), rows: error ? null : rows, correct, bytesShuffled: shuffled,
        ...(error !== undefined ? { error } : {}), ...(problems.length > 0 ? { problems: problems.slice(0, 10) } : {}),
      });
      line.push(error ? `loch ERROR ${error}` : correct === false ? `loch WRONG ${problems.slice(0, 2).join('; ')}` : `loch ${timeFigures(times).medianMs.toFixed(1)} ms${correct ? ' correct' : ''}`);
    }
    options.log(line.join('  '));
    options.onQueryDone?.({ loch: lochRun, duckdb: duckRun });
  }
  return { loch: lochRun, duckdb: duckRun };
}
