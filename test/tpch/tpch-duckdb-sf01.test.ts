/**
 * Issue 2: the 22 TPC-H queries at SF 0.1 over Parquet files written by Loch's
 * own generator and writer return exactly what DuckDB returns on the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTpchParquet } from '../../cli/index.ts';
import { runTpchComparison, type QueryReport } from '../../bench/runner/index.ts';

describe('TPC-H SF 0.1: Loch vs DuckDB on the same Parquet files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loch-tpch-sf01-'));
  let reports: QueryReport[] = [];
  beforeAll(async () => {
    await writeTpchParquet(0.1, dir, () => {});
    reports = await runTpchComparison({ dataDir: dir, queries: Array.from({ length: 22 }, (_, i) => i + 1), runs: 0, log: () => {} });
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (let q = 1; q <= 22; q++) {
    it(`Q${q} matches DuckDB`, () => {
      const r = reports.find((x) => x.q === q);
      expect(r?.problems).toEqual([]);
      expect(r?.correct).toBe(true);
    });
  }
});
