import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LochError, T } from '../../../core/index.ts';
import { executePhysicalPlan } from '../../execute/index.ts';
import { type JoinType, createPhysicalPlan } from '../../../planner/index.ts';
import { runLimited } from './spill-support.ts';
import { and, col, eq, join, lt, rng, sortedKeys, table, type Row } from './support.ts';

const BUDGET = 64 * 1024;

function rowsOf(seed: number, n: number, keyRange: number, wide: boolean): Row[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const k = r() < 0.1 ? null : Math.floor(r() * keyRange);
    return [
      wide && k !== null ? BigInt(k) : k,
      r() < 0.1 ? null : Math.floor(r() * 10),
      r() < 0.1 ? null : `payload ${i} ${'x'.repeat(Math.floor(r() * 20))}`,
      r() < 0.1 ? null : 18000 + Math.floor(r() * 5),
    ];
  });
}

describe('grace hash join (spilling build and probe)', () => {
  const leftRows = rowsOf(1, 3000, 1500, false);
  const rightRows = rowsOf(2, 2500, 1500, true);
  const sides = () => {
    const L = table('l', [['a', T.int32], ['b', T.int32], ['s', T.text], ['d', T.date]], leftRows, 500);
    const R = table('r', [['x', T.int64], ['y', T.int32], ['t', T.text], ['e', T.date]], rightRows, 500);
    return { L, R, a: col(L, 'a'), b: col(L, 'b'), d: col(L, 'd'), x: col(R, 'x'), y: col(R, 'y'), e: col(R, 'e') };
  };
  const types: JoinType[] = ['inner', 'left', 'right', 'full', 'semi', 'anti', 'mark'];
  for (const type of types) {
    for (const residual of [false, true]) {
      it(`${type}${residual ? ' with residual' : ''}: same rows as in memory, files removed`, async () => {
        const { L, R, a, b, d, x, y, e } = sides();
        // two keys of different widths and types (int32 = int64, date = date)
        const cond = residual ? and(eq(a, x), eq(d, e), lt(b, y)) : and(eq(a, x), eq(d, e));
        const plan = join(type, L, R, cond, true);
        expect(createPhysicalPlan(plan).kind).toBe('hash_join');
        const unlimited = await runLimited(plan, undefined);
        expect(unlimited.filesCreated).toBe(0);
        const limited = await runLimited(plan, BUDGET);
        expect(limited.filesCreated).toBeGreaterThan(10);
        expect(limited.operatorSpilledBytes).toBe(limited.bytesSpilled);
        expect(limited.leftovers).toEqual([]);
        expect(limited.rows.length).toBe(unlimited.rows.length);
        expect(sortedKeys(limited.rows)).toEqual(sortedKeys(unlimited.rows));
      });
    }
  }

  for (const type of ['anti_null_aware', 'mark'] as const) {
    it(`${type === 'mark' ? 'IN (mark)' : 'NOT IN'} correlated by b = y spills by the correlation key and stays correct`, async () => {
      const { L, R, a, b, x, y } = sides();
      const plan = join(type, L, R, and(eq(a, x), eq(b, y)));
      const hp = createPhysicalPlan(plan);
      expect(hp.kind === 'hash_join' && hp.nullAware).toBe(true);
      const unlimited = await runLimited(plan, undefined);
      const limited = await runLimited(plan, BUDGET);
      expect(limited.filesCreated).toBeGreaterThan(10);
      expect(limited.leftovers).toEqual([]);
      expect(sortedKeys(limited.rows)).toEqual(sortedKeys(unlimited.rows));
    });
  }

  it('uncorrelated NOT IN (no key to partition by) stays in memory and correct', async () => {
    const { L, R, a, x } = sides();
    const plan = join('anti_null_aware', L, R, eq(a, x));
    const unlimited = await runLimited(plan, undefined);
    const limited = await runLimited(plan, BUDGET);
    expect(limited.filesCreated).toBe(0);
    expect(sortedKeys(limited.rows)).toEqual(sortedKeys(unlimited.rows));
  });

  it('cancellation while joining the partitions removes every spill file', async () => {
    const root = mkdtempSync(joinPath(tmpdir(), 'loch-spill-test-'));
    try {
      const { L, R, a, d, x, e } = sides();
      const plan = createPhysicalPlan(join('full', L, R, and(eq(a, x), eq(d, e)), true));
      const ac = new AbortController();
      const exec = executePhysicalPlan(plan, { batchSize: 64, memoryLimitBytes: BUDGET, spillRoot: root, signal: ac.signal });
      let during: string[] = [];
      const consume = async (): Promise<void> => {
        for await (const _b of exec.batches) {
          during = readdirSync(root);
          ac.abort();
        }
      };
      await expect(consume()).rejects.toSatisfy((err: unknown) => err instanceof LochError && err.sqlState === '57014');
      expect(during.length).toBe(1);
      expect(exec.spill.filesCreated).toBeGreaterThan(10);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
