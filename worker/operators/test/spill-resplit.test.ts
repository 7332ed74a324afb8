/**
 * Recursive re-partitioning (spill/repartition.ts, grace-resplit.ts): a spilled
 * partition still over the budget is split again with a remixed hash; one that
 * cannot shrink (a single key) fails with 53200 when it does not fit.
 */
import { describe, expect, it } from 'vitest';
import { LochError, T } from '../../../core/index.ts';
import { createPhysicalPlan } from '../../../planner/index.ts';
import { AGGREGATE_SPILL_PARTITIONS } from '../spill/aggregate-spill.ts';
import { JOIN_SPILL_PARTITIONS } from '../hash-join.ts';
import { MAX_SPILL_LEVEL, levelHash, partitionNumbers } from '../spill/repartition.ts';
import { runLimited } from './spill-support.ts';
import { aggCall, aggregate, col, eq, join, rng, sortedKeys, table, type Row } from './support.ts';

const BUDGET = 64 * 1024;

describe('level hashes', () => {
  it('spread the rows of one level-0 partition over all partitions at level 1 and 2', () => {
    const r = rng(3);
    // 4096 hashes that all fall into level-0 partition 5 of 32 (top 5 bits = 5)
    const hashes = Uint32Array.from({ length: 4096 }, () => ((5 << 27) | Math.floor(r() * (1 << 27))) >>> 0);
    const part = new Int32Array(hashes.length);
    partitionNumbers(hashes, hashes.length, 0, 27, part);
    expect(new Set(part).size).toBe(1);
    for (const level of [1, 2, 3]) {
      partitionNumbers(hashes, hashes.length, level, 27, part);
      const counts = new Array<number>(32).fill(0);
      for (const p of part) counts[p]!++;
      expect(Math.min(...counts)).toBeGreaterThan(4096 / 32 / 2);
      expect(Math.max(...counts)).toBeLessThan((4096 / 32) * 2);
    }
    // a bijection: distinct hashes stay distinct
    const seen = new Set(Array.from(hashes, (h) => levelHash(h, 2)));
    expect(seen.size).toBe(new Set(hashes).size);
  });
});

describe('grace hash join re-split', () => {
  // 24,000 build rows with ~60-byte payloads: each of the 32 level-0 partitions (~55 KB + its table) exceeds a 64 KB budget.
  const r = rng(11);
  const build: Row[] = Array.from({ length: 24000 }, (_, i) => [i, `build payload ${i} ${'y'.repeat(40)}`]);
  const probe: Row[] = Array.from({ length: 8000 }, (_, i) => [Math.floor(r() * 30000), i]);

  for (const type of ['inner', 'right', 'anti'] as const) {
    it(`${type}: partitions over the budget are split again (more files than one level makes), same rows`, async () => {
      const L = table('l', [['k', T.int32], ['v', T.int32]], probe, 2000);
      const R = table('r', [['x', T.int32], ['p', T.text]], build, 2000);
      const plan = join(type, L, R, eq(col(L, 'k'), col(R, 'x')));
      expect(createPhysicalPlan(plan).kind).toBe('hash_join');
      const unlimited = await runLimited(plan, undefined, 2048);
      const limited = await runLimited(plan, BUDGET, 2048);
      expect(limited.filesCreated).toBeGreaterThan(2 * JOIN_SPILL_PARTITIONS + 10);
      expect(limited.operatorSpilledBytes).toBe(limited.bytesSpilled);
      expect(limited.leftovers).toEqual([]);
      expect(limited.rows.length).toBe(unlimited.rows.length);
      expect(sortedKeys(limited.rows)).toEqual(sortedKeys(unlimited.rows));
    }, 60_000);
  }

  it('one key over the budget cannot be split: 53200 naming the join', async () => {
    const skew: Row[] = Array.from({ length: 20000 }, (_, i) => [7, `same key ${i} ${'z'.repeat(60)}`]);
    const L = table('l', [['k', T.int32], ['v', T.int32]], [[7, 1], [8, 2]], 2);
    const R = table('r', [['x', T.int32], ['p', T.text]], skew, 2000);
    const plan = join('inner', L, R, eq(col(L, 'k'), col(R, 'x')));
    const err = await runLimited(plan, BUDGET, 2048).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(LochError);
    expect((err as LochError).sqlState).toBe('53200');
    expect((err as LochError).message).toMatch(/hash join join\d+.*20000 rows/);
    expect(MAX_SPILL_LEVEL).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe('hash aggregate re-split', () => {
  it('a spilled partition whose groups exceed the budget is spilled again one level deeper, same groups', async () => {
    // 30,000 distinct text keys: each of the 16 level-0 partitions holds ~1,900 groups (over 64 KB).
    const rows: Row[] = Array.from({ length: 60000 }, (_, i) => [`group key number ${i % 30000}`, i % 97]);
    const t = table('t', [['g', T.text], ['v', T.int32]], rows, 4000);
    const plan = aggregate(t, [col(t, 'g')], [aggCall('sum', [col(t, 'v')], T.int64), aggCall('count_star', [], T.int64)]);
    const unlimited = await runLimited(plan, undefined, 4096);
    const limited = await runLimited(plan, BUDGET, 4096);
    expect(limited.filesCreated).toBeGreaterThan(AGGREGATE_SPILL_PARTITIONS + 10);
    expect(limited.operatorSpilledBytes).toBe(limited.bytesSpilled);
    expect(limited.leftovers).toEqual([]);
    expect(limited.rows.length).toBe(30000);
    expect(sortedKeys(limited.rows)).toEqual(sortedKeys(unlimited.rows));
  }, 60_000);
});
