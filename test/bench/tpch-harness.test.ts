/**
 * The TPC-H harness at a tiny scale factor (CI): report shape and correctness,
 * never timings. Data is generated into a temporary folder (SF 0.01).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import {
  createDuckDbBenchEngine, createLochBenchEngine, prepareTpchData, runTpch, tpchCommand, type BenchEngine, type TpchReport,
} from '../../bench/runner/index.ts';

let dir: string;
const quiet = () => {};

beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-bench-')); }, 120_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

function expectShape(r: TpchReport, queries: number[], mode: 'warm' | 'cold'): void {
  expect(r).toMatchObject({ sf: 0.01, mode, runs: 1, workers: 0, failed: [] });
  expect(r.machine.cores).toBeGreaterThan(0);
  expect(r.machine.memoryBytes).toBeGreaterThan(0);
  expect(r.machine.node).toMatch(/^v\d+/);
  expect(typeof r.machine.cpu).toBe('string');
  expect(typeof r.machine.os).toBe('string');
  for (const e of [r.loch!, r.duckdb!]) {
    expect(e.queries.map((f) => f.q)).toEqual(queries);
    expect(e.totalMs).toBeCloseTo(e.queries.reduce((s, f) => s + f.medianMs!, 0), 6);
    expect(e.totalCpuMs).toBeCloseTo(e.queries.reduce((s, f) => s + f.cpuMs!, 0), 6);
    expect(e.totalCpuMs).toBeGreaterThan(0);
    expect(e.peakRssBytes).toBeGreaterThan(0);
    expect(e.bytesShuffled).toBe(0);
    for (const f of e.queries) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['q', 'medianMs', 'minMs', 'maxMs', 'rows', 'correct']));
      expect(f.minMs!).toBeLessThanOrEqual(f.medianMs!);
      expect(f.medianMs!).toBeLessThanOrEqual(f.maxMs!);
    }
  }
  expect(r.loch!.queries.every((f) => f.correct === true)).toBe(true);
  expect(r.loch!.queries.map((f) => f.rows)).toEqual(r.duckdb!.queries.map((f) => f.rows));
  expect(r.ratioTotal).toBeCloseTo(r.loch!.totalMs / r.duckdb!.totalMs, 9);
  expect(r.cpuRatioTotal).toBeCloseTo(r.loch!.totalCpuMs / r.duckdb!.totalCpuMs, 9);
  const ratios = r.loch!.queries.map((f) => f.ratio!);
  expect(r.geomeanRatio).toBeCloseTo(Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length), 9);
}

describe('npm run bench -- tpch', () => {
  it('runs Loch and DuckDB side by side, checks every result and writes the report and chart', async () => {
    const out = nodePath.join(dir, 'report.json');
    const svg = nodePath.join(dir, 'chart.svg');
    const queries = [1, 3, 6, 13, 18];
    const report = await tpchCommand(['--sf', '0.01', '--data', nodePath.join(dir, 'sf0.01'), '--engine', 'both', '--queries', queries.join(','),
      '--runs', '1', '--out', out, '--svg', svg, '--log-scale'], quiet);
    expectShape(report, queries, 'warm');
    expect(report.loch!.queries.slice(0, 3).map((f) => f.rows)).toEqual([4, 10, 1]); // Q1's 4 groups, Q3's top 10, Q6's one sum
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const chart = await readFile(svg, 'utf8');
    expect(chart).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(chart).toContain('Q13');
    expect(chart).toContain('DuckDB');
    expect(chart).toContain('log scale');
    expect(chart.match(/<rect [^>]*fill="#2f6fb3"><title>/g)).toHaveLength(queries.length);
  }, 600_000);

  it('runs cold (caches cleared before every run) on the Delta table set', async () => {
    const report = await tpchCommand(['--sf', '0.01', '--data', nodePath.join(dir, 'sf0.01'), '--queries', '6,12', '--runs', '1', '--cold', '--format', 'delta'], quiet);
    expectShape(report, [6, 12], 'cold');
    expect(report.format).toBe('delta');
    expect(existsSync(nodePath.join(dir, 'sf0.01', 'delta', 'lineitem', '_delta_log', '00000000000000000000.json'))).toBe(true);
  }, 600_000);

  it('marks a wrong answer as a failure and reports no time for it', async () => {
    const tables = await prepareTpchData(0.01, nodePath.join(dir, 'sf0.01'), 'parquet');
    const loch = await createLochBenchEngine({ tables, workers: 0, log: quiet });
    const duck = await createDuckDbBenchEngine(tables);
    // Loch's real answer with one cell changed: the harness must catch it.
    const wrong: BenchEngine = { ...loch, run: async (sql) => { const r = await loch.run(sql); return { ...r, rows: r.rows.map((row, i) => (i === 0 ? ['x', ...row.slice(1)] : row)) }; } };
    try {
      const { loch: l } = await runTpch(wrong, duck, { queries: [1], runs: 1, cold: false, log: quiet });
      expect(l!.queries[0]).toMatchObject({ q: 1, correct: false, medianMs: null, minMs: null, maxMs: null });
      expect(l!.queries[0]!.problems![0]).toContain('row 1');
    } finally {
      await loch.close();
      await duck.close();
    }
  }, 600_000);
});
