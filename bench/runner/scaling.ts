/**
 * Scaling exponents from TPC-H reports at several scale factors (issue 7:
 * "time per query grows no faster than linearly").
 *
 * Between two reports at SF a < b, a query's exponent is
 * log(t_b / t_a) / log(b / a): 1 is linear, below 1 sub-linear (fixed costs
 * amortised), above 1 super-linear. `overall` is the exponent from the
 * smallest to the largest SF. Each engine's median times are used; a query
 * missing, failed or wrong at either end has a null exponent. With `cpu`, the
 * median CPU times (`cpuMs`) are used instead of wall times: on a shared,
 * loaded machine wall times measure the load more than the engine.
 *
 *   npm run bench -- scaling r01.json r1.json r10.json [--engine loch|duckdb] [--cpu]
 */
import type { EngineReport, TpchReport } from './tpch-report.ts';

/** One query's exponents: one per step between consecutive SFs, and first-to-last. */
export interface QueryScaling {
  readonly q: number;
  /** Median ms at each SF (null when missing or not correct). */
  readonly times: readonly (number | null)[];
  readonly steps: readonly (number | null)[];
  readonly overall: number | null;
}

/** The exponents of one engine over reports sorted by SF. */
export interface ScalingTable {
  readonly engine: 'loch' | 'duckdb';
  /** Whether CPU times (not wall times) were used. */
  readonly cpu: boolean;
  readonly sfs: readonly number[];
  readonly queries: readonly QueryScaling[];
  /** Exponents of the total time over the queries timed at every SF. */
  readonly totalTimes: readonly number[];
  readonly totalSteps: readonly (number | null)[];
  readonly totalOverall: number | null;
}

/** log(t2/t1)/log(sf2/sf1), or null when either time is missing or not positive. */
export function scalingExponent(sf1: number, t1: number | null, sf2: number, t2: number | null): number | null {
  if (t1 === null || t2 === null || !(t1 > 0) || !(t2 > 0) || !(sf2 > sf1)) return null;
  return Math.log(t2 / t1) / Math.log(sf2 / sf1);
}

function timesOf(part: EngineReport | undefined, cpu: boolean): Map<number, number | null> {
  const m = new Map<number, number | null>();
  for (const q of part?.queries ?? []) m.set(q.q, q.correct === false || q.error !== undefined ? null : cpu ? q.cpuMs ?? null : q.medianMs);
  return m;
}

/** Computes per-query and total exponents of `engine` from reports at distinct scale factors. */
export function scalingTable(reports: readonly TpchReport[], engine: 'loch' | 'duckdb', cpu = false): ScalingTable {
  const sorted = [...reports].sort((a, b) => a.sf - b.sf);
  const sfs = sorted.map((r) => r.sf);
  if (sorted.length < 2) throw new Error('scaling needs reports at two or more scale factors');
  for (let i = 1; i < sfs.length; i++) {
    if (sfs[i] === sfs[i - 1]) throw new Error(`two reports at SF ${sfs[i]}: give one report per scale factor`);
  }
  const timed = sorted.map((r) => timesOf(r[engine], cpu));
  const qs = [...new Set(timed.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const steps = (times: readonly (number | null)[]) =>
    times.slice(1).map((t, i) => scalingExponent(sfs[i]!, times[i]!, sfs[i + 1]!, t));
  const queries = qs.map((q) => {
    const times = timed.map((m) => m.get(q) ?? null);
    return { q, times, steps: steps(times), overall: scalingExponent(sfs[0]!, times[0]!, sfs.at(-1)!, times.at(-1)!) };
  });
  const everywhere = queries.filter((q) => q.times.every((t) => t !== null));
  const totalTimes = sfs.map((_, i) => everywhere.reduce((s, q) => s + q.times[i]!, 0));
  const totals = everywhere.length > 0 ? totalTimes : sfs.map(() => null);
  return {
    engine, cpu, sfs, queries, totalTimes,
    totalSteps: steps(totals),
    totalOverall: scalingExponent(sfs[0]!, totals[0]!, sfs.at(-1)!, totals.at(-1)!),
  };
}

const fmt = (e: number | null) => (e === null ? '   -  ' : e.toFixed(2).padStart(6));
const ms = (t: number | null) => (t === null ? '-' : t >= 10_000 ? `${(t / 1000).toFixed(1)}s` : `${Math.round(t)}ms`).padStart(9);

/** The table as text: per query the times, each step's exponent and the overall one. */
export function formatScaling(table: ScalingTable): string {
  const stepNames = table.sfs.slice(1).map((sf, i) => `${table.sfs[i]}→${sf}`);
  const head = `${table.engine}${table.cpu ? ' cpu' : ''}  q  ${table.sfs.map((sf) => `SF ${sf}`.padStart(9)).join(' ')}  ${stepNames.map((s) => s.padStart(8)).join(' ')}  overall`;
  const lines = [head];
  for (const q of table.queries) {
    lines.push(`      Q${String(q.q).padEnd(2)} ${q.times.map(ms).join(' ')}  ${q.steps.map((e) => fmt(e).padStart(8)).join(' ')}  ${fmt(q.overall)}`);
  }
  lines.push(`   total ${table.totalTimes.map(ms).join(' ')}  ${table.totalSteps.map((e) => fmt(e).padStart(8)).join(' ')}  ${fmt(table.totalOverall)}`);
  return lines.join('\n');
}
