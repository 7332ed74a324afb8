/**
 * The harness's JSON report (issue 7) and its one-line-per-query text form.
 *
 *   { sf, format, mode: 'warm'|'cold', runs, workers, machine,
 *     loch:   { totalMs, totalCpuMs, peakRssBytes, workerPeakRssBytes, bytesShuffled,
 *               queries: [{ q, medianMs, minMs, maxMs, cpuMs, bytesShuffled, rows, correct, ratio, error?, problems? }] },
 *     duckdb: { totalMs, totalCpuMs, peakRssBytes, queries: [...] },
 *     ratioTotal, geomeanRatio, cpuRatioTotal, failed }
 *
 * `peakRssBytes` is the process's resident memory sampled while that engine ran: in
 * one process it includes what the other engine (and Loch's column cache) still
 * holds, so it is an upper bound; with the cluster, workers report their own.
 * A wrong or failed Loch result has null times (a wrong answer is never reported
 * as a time); `totalMs`, `ratioTotal` and `geomeanRatio` cover the queries both
 * engines answered and Loch got right (`failed` lists the others).
 */
import { arch, availableParallelism, cpus, loadavg, release, totalmem, type as osType } from 'node:os';

/** One query's figures for one engine. */
export interface QueryFigures {
  readonly q: number;
  readonly medianMs: number | null;
  readonly minMs: number | null;
  readonly maxMs: number | null;
  /** Median CPU time per run (all threads of the process, plus the workers' on the cluster), ms: less sensitive than wall time to other load. */
  readonly cpuMs?: number | null;
  /** Bytes the query's last run moved through shuffle files (0 in one process). */
  readonly bytesShuffled?: number;
  readonly rows: number | null;
  /** Against DuckDB's result; null when nothing was compared (one engine only). */
  readonly correct: boolean | null;
  /** Loch median / DuckDB median (Loch's entries, both engines run and correct). */
  readonly ratio?: number | null;
  readonly error?: string;
  readonly problems?: readonly string[];
}

/** One engine's part of the report. */
export interface EngineReport {
  readonly totalMs: number;
  /** Sum of the per-query median CPU times, over the same queries as `totalMs`. */
  readonly totalCpuMs: number;
  readonly peakRssBytes: number;
  /** Peak RSS of each worker process (the embedded cluster); empty in one process. */
  readonly workerPeakRssBytes: readonly number[];
  readonly bytesShuffled: number;
  readonly queries: readonly QueryFigures[];
}

/** The machine a report was measured on. */
export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly node: string;
  /** 1-minute load average as the run ended: other work on a shared machine skews wall times. */
  readonly loadAverage?: number;
}

export interface TpchReport {
  readonly sf: number;
  readonly format: 'parquet' | 'delta';
  readonly mode: 'warm' | 'cold';
  readonly runs: number;
  readonly workers: number;
  /** `--worker-memory`: each worker process's heap cap (main thread + task threads), MiB. */
  readonly workerMemoryMb?: number;
  /** `--operator-memory`: the operators' memory budget per task, MiB. */
  readonly operatorMemoryMb?: number;
  readonly machine: MachineDescription;
  readonly loch?: EngineReport;
  readonly duckdb?: EngineReport;
  readonly ratioTotal: number | null;
  readonly geomeanRatio: number | null;
  /** Loch/DuckDB ratio of the CPU-time totals (all of DuckDB's threads against Loch's process). */
  readonly cpuRatioTotal: number | null;
  /** Queries Loch answered wrongly or not at all. */
  readonly failed: readonly number[];
  /** Set on the report saved while a run is still going (only the queries done so far). */
  readonly partial?: boolean;
}

export function describeMachine(): MachineDescription {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    os: `${osType()} ${release()} ${arch()}`,
    node: process.version,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median/min/max of timed runs. */
export function timeFigures(ms: readonly number[]): { medianMs: number; minMs: number; maxMs: number } {
  return { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms) };
}

/** Fills the totals and ratios from the per-query figures. */
export function summarize(base: Omit<TpchReport, 'ratioTotal' | 'geomeanRatio' | 'cpuRatioTotal' | 'failed' | 'loch' | 'duckdb'>,
  loch: Omit<EngineReport, 'totalMs' | 'totalCpuMs'> | undefined, duckdb: Omit<EngineReport, 'totalMs' | 'totalCpuMs'> | undefined): TpchReport {
  const failed = loch ? loch.queries.filter((f) => f.correct === false || f.medianMs === null).map((f) => f.q) : [];
  const ok = (q: number) => !failed.includes(q);
  const byQ = new Map(duckdb?.queries.map((f) => [f.q, f]) ?? []);
  const lochQueries = loch?.queries.map((f) => {
    const d = byQ.get(f.q)?.medianMs;
    return { ...f, ratio: ok(f.q) && f.medianMs !== null && d ? f.medianMs / d : null };
  });
  const sum = (qs: readonly QueryFigures[] | undefined, counted: (q: number) => boolean, cpu = false) =>
    (qs ?? []).reduce((s, f) => s + (counted(f.q) && f.medianMs !== null ? (cpu ? f.cpuMs ?? 0 : f.medianMs) : 0), 0);
  const both = loch !== undefined && duckdb !== undefined;
  const lochTotal = sum(lochQueries, ok);
  const duckTotal = sum(duckdb?.queries, (q) => !both || ok(q));
  const ratios = (lochQueries ?? []).map((f) => f.ratio).filter((r): r is number => typeof r === 'number' && r > 0);
  const lochCpu = sum(lochQueries, ok, true);
  const duckCpu = sum(duckdb?.queries, (q) => !both || ok(q), true);
  return {
    ...base,
    ...(loch ? { loch: { totalMs: lochTotal, totalCpuMs: lochCpu, ...loch, queries: lochQueries! } } : {}),
    ...(duckdb ? { duckdb: { totalMs: duckTotal, totalCpuMs: duckCpu, ...duckdb } } : {}),
    ratioTotal: both && duckTotal > 0 && ratios.length > 0 ? lochTotal / duckTotal : null,
    geomeanRatio: both && ratios.length > 0 ? Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length) : null,
    cpuRatioTotal: both && duckCpu > 0 && ratios.length > 0 ? lochCpu / duckCpu : null,
    failed,
  };
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(v < 100 ? 1 : 0));
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

/** The report as text: a line per query, then totals. */
export function formatReport(r: TpchReport): string {
  const lines = [`TPC-H SF ${r.sf} (${r.format}, ${r.mode}, ${r.runs} runs after a warm-up) on ${r.machine.cpu}, ${r.machine.cores} cores, node ${r.machine.node}${r.machine.loadAverage !== undefined ? `, load ${r.machine.loadAverage}` : ''}`];
  lines.push(' q   loch median (min-max) ms   duckdb median (min-max) ms   ratio  rows  check');
  const qs = r.loch?.queries ?? r.duckdb?.queries ?? [];
  for (const f of qs) {
    const l = r.loch?.queries.find((x) => x.q === f.q);
    const d = r.duckdb?.queries.find((x) => x.q === f.q);
    const cell = (x: QueryFigures | undefined) => (x ? `${ms(x.medianMs)} (${ms(x.minMs)}-${ms(x.maxMs)})` : '-');
    const check = l?.error ? `ERROR ${l.error}` : l?.correct === false ? `WRONG ${(l.problems ?? []).slice(0, 2).join('; ')}` : l?.correct ? 'correct' : '';
    lines.push(`Q${String(f.q).padStart(2, '0')} ${cell(l).padStart(26)} ${cell(d).padStart(28)} ${(l?.ratio ? l.ratio.toFixed(1) : '-').padStart(6)} ${String(d?.rows ?? l?.rows ?? '-').padStart(5)}  ${check}`);
  }
  const parts: string[] = [];
  if (r.loch) parts.push(`loch ${ms(r.loch.totalMs)} ms, CPU ${ms(r.loch.totalCpuMs)} ms (peak RSS ${mb(r.loch.peakRssBytes)}, shuffled ${r.loch.bytesShuffled} B)`);
  if (r.duckdb) parts.push(`duckdb ${ms(r.duckdb.totalMs)} ms, CPU ${ms(r.duckdb.totalCpuMs)} ms (peak RSS ${mb(r.duckdb.peakRssBytes)})`);
  if (r.ratioTotal !== null) parts.push(`ratio ${r.ratioTotal.toFixed(2)}, geomean ${r.geomeanRatio!.toFixed(2)}, CPU ratio ${r.cpuRatioTotal?.toFixed(2)}`);
  lines.push(`total: ${parts.join('; ')}`);
  if (r.loch) {
    const unchecked = r.loch.queries.every((f) => f.correct === null);
    lines.push(r.failed.length > 0 ? `FAILED: ${r.failed.map((q) => `Q${q}`).join(', ')}` : unchecked ? 'results not checked (DuckDB did not run)' : `${qs.length}/${qs.length} correct`);
  }
  return lines.join('\n');
}
