import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DataType, LochError, T, decimal } from '../../../core/index.ts';
import { type SortKey, createPhysicalPlan } from '../../../planner/index.ts';
import { executePhysicalPlan } from '../../execute/index.ts';
import { runLimited } from './spill-support.ts';
import { col, rng, table, type Row } from './support.ts';

const BUDGET = 64 * 1024;

describe('external sort (SortExec spilling)', () => {
  const r = rng(7);
  const words = ['b', 'a', 'B', 'é', 'ab', '', 'zz top', 'a\u0000b'];
  const n = 8000;
  const rows: Row[] = Array.from({ length: n }, (_, i) => [
    r() < 0.1 ? null : Math.floor(r() * 50) - 25,
    r() < 0.1 ? null : words[Math.floor(r() * words.length)]!,
    r() < 0.1 ? null : BigInt(Math.floor(r() * 2e6) - 1e6) * 1000003n,
    r() < 0.1 ? null : Math.floor(r() * 1e6) - 5e5,
    r() < 0.1 ? null : BigInt(Math.floor(r() * 1e9)) * 10n ** 20n - 5n * 10n ** 28n,
    r() < 0.1 ? null : 18000 + Math.floor(r() * 400),
    r() < 0.1 ? null : (r() - 0.5) * 1e3,
    i,
  ]);
  const cols: [string, DataType][] = [
    ['k', T.int32], ['s', T.text], ['big', T.int64], ['dec', decimal(12, 2)], ['wide', decimal(38, 2)],
    ['d', T.date], ['f', T.float64], ['i', T.int32],
  ];
  const cases: [string, [string, boolean, boolean][]][] = [
    ['int ASC NULLS LAST, text DESC NULLS FIRST', [['k', true, false], ['s', false, true]]],
    ['text ASC NULLS FIRST, int64 DESC NULLS LAST', [['s', true, true], ['big', false, false]]],
    ['decimal DESC NULLS FIRST', [['dec', false, true]]],
    ['wide decimal ASC NULLS LAST', [['wide', true, false]]],
    ['date DESC NULLS LAST, float ASC NULLS FIRST', [['d', false, false], ['f', true, true]]],
    ['text DESC NULLS LAST only (many ties: stability across runs)', [['s', false, false]]],
  ];
  for (const [name, spec] of cases) {
    it(`${name}: same rows as in memory, spill files created and removed`, async () => {
      const t = table('t', cols, rows, 500);
      const keys: SortKey[] = spec.map(([c, ascending, nullsFirst]) => ({ expr: col(t, c), ascending, nullsFirst }));
      const plan = { kind: 'sort' as const, input: t, keys };
      const unlimited = await runLimited(plan, undefined);
      expect(unlimited.filesCreated).toBe(0);
      const limited = await runLimited(plan, BUDGET);
      expect(limited.filesCreated).toBeGreaterThan(2);
      expect(limited.operatorSpilledBytes).toBe(limited.bytesSpilled);
      expect(limited.bytesSpilled).toBeGreaterThan(0);
      expect(limited.leftovers).toEqual([]);
      expect(limited.rows.length).toBe(n);
      expect(limited.rows).toEqual(unlimited.rows);
    });
  }

  it('cancellation mid-merge removes the spill directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loch-spill-test-'));
    try {
      const t = table('t', cols, rows, 500);
      const plan = createPhysicalPlan({ kind: 'sort', input: t, keys: [{ expr: col(t, 's'), ascending: true, nullsFirst: false }] });
      const ac = new AbortController();
      const exec = executePhysicalPlan(plan, { batchSize: 256, memoryLimitBytes: BUDGET, spillRoot: root, signal: ac.signal });
      let seen = 0;
      let dirDuringRun: string[] = [];
      const consume = async (): Promise<void> => {
        for await (const b of exec.batches) {
          seen += b.length;
          if (dirDuringRun.length === 0) dirDuringRun = readdirSync(root);
          ac.abort();
        }
      };
      await expect(consume()).rejects.toSatisfy((e: unknown) => e instanceof LochError && e.sqlState === '57014');
      expect(seen).toBeGreaterThan(0);
      expect(dirDuringRun.length).toBe(1);
      expect(exec.spill.filesCreated).toBeGreaterThan(2);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
