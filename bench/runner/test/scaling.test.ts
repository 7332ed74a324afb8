import { describe, expect, it } from 'vitest';
import { formatScaling, scalingExponent, scalingTable } from '../scaling.ts';
import type { QueryFigures, TpchReport } from '../tpch-report.ts';
import { clusterMemory } from '../cluster-bench-engine.ts';

const machine = { cpu: 'x', cores: 2, memoryBytes: 1, os: 'linux', node: 'v24' };

function report(sf: number, times: Record<number, number | null>, wrong: number[] = []): TpchReport {
  const queries: QueryFigures[] = Object.entries(times).map(([q, t]) => ({
    q: Number(q), medianMs: t, minMs: t, maxMs: t, cpuMs: t === null ? null : Number(q) === 2 ? t * sf : t, rows: 1, correct: !wrong.includes(Number(q)),
  }));
  const part = { totalMs: 0, totalCpuMs: 0, peakRssBytes: 0, workerPeakRssBytes: [], bytesShuffled: 0, queries };
  return { sf, format: 'parquet', mode: 'warm', runs: 1, workers: 2, machine, loch: part, ratioTotal: null, geomeanRatio: null, cpuRatioTotal: null, failed: [] };
}

describe('scaling exponents', () => {
  it('is log(t2/t1)/log(sf2/sf1)', () => {
    expect(scalingExponent(1, 100, 10, 1000)).toBeCloseTo(1, 10);
    expect(scalingExponent(0.1, 100, 1, 316.227766)).toBeCloseTo(0.5, 6);
    expect(scalingExponent(1, 100, 10, 10_000)).toBeCloseTo(2, 10);
    expect(scalingExponent(1, null, 10, 5)).toBeNull();
    expect(scalingExponent(1, 0, 10, 5)).toBeNull();
  });

  it('gives per-step and overall exponents per query, sorted by SF, skipping wrong answers', () => {
    // Q1 linear; Q2 flat then linear; Q3 wrong at SF 10.
    const t = scalingTable([
      report(10, { 1: 1000, 2: 500, 3: 900 }, [3]),
      report(0.1, { 1: 10, 2: 50, 3: 9 }),
      report(1, { 1: 100, 2: 50, 3: 90 }),
    ], 'loch');
    expect(t.sfs).toEqual([0.1, 1, 10]);
    const q1 = t.queries.find((q) => q.q === 1)!;
    expect(q1.steps[0]).toBeCloseTo(1, 10);
    expect(q1.steps[1]).toBeCloseTo(1, 10);
    expect(q1.overall).toBeCloseTo(1, 10);
    const q2 = t.queries.find((q) => q.q === 2)!;
    expect(q2.steps[0]).toBeCloseTo(0, 10);
    expect(q2.steps[1]).toBeCloseTo(1, 10);
    expect(q2.overall).toBeCloseTo(0.5, 10);
    const q3 = t.queries.find((q) => q.q === 3)!;
    expect(q3.steps[1]).toBeNull();
    expect(q3.overall).toBeNull();
    // totals over Q1 and Q2 (timed at every SF): 60 → 150 → 1500
    expect(t.totalTimes).toEqual([60, 150, 1500]);
    expect(t.totalSteps[1]).toBeCloseTo(1, 10);
    expect(formatScaling(t)).toContain('Q2');
    // CPU times: Q2's grow by the SF on top of its wall times (0 → 1 becomes 1 → 2 per step)
    const c = scalingTable([report(0.1, { 2: 50 }), report(1, { 2: 50 }), report(10, { 2: 500 })], 'loch', true);
    expect(c.queries[0]!.steps[0]).toBeCloseTo(1, 10);
    expect(c.queries[0]!.steps[1]).toBeCloseTo(2, 10);
    expect(formatScaling(c)).toContain('loch cpu');
  });

  it('refuses one report per SF missing or duplicated', () => {
    expect(() => scalingTable([report(1, { 1: 1 })], 'loch')).toThrow(/two or more/);
    expect(() => scalingTable([report(1, { 1: 1 }), report(1, { 1: 2 })], 'loch')).toThrow(/two reports at SF 1/);
  });
});

describe('--worker-memory', () => {
  it('splits the cap between the main heap, the column cache and the task threads, and passes the operator budget', () => {
    expect(clusterMemory({ workerMemoryMb: 4096 }, 2)).toEqual({ workerMemoryMb: 512, threadMemoryMb: 1280, workerCacheMb: 1024 });
    expect(clusterMemory({ operatorMemoryMb: 512 }, 2)).toEqual({ workerMemoryMb: 8192, workerCacheMb: 2048, taskSettings: { 'loch.memory_limit_bytes': String(512 * 1024 * 1024) } });
  });
});
