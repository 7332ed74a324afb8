/**
 * unnest runs stage by stage (local-stage-runner.ts): UnnestExec needs no
 * exchange (it is per row and keeps its input's partitioning), and the staged
 * answer equals the single-process one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../coordinator/index.ts';
import { runBothWays, stagedTestEngine } from './staged-comparison.ts';

/** Query and the staged-plan shape it must have (a regex over the EXPLAIN text of the stages). */
const QUERIES: Record<string, [string, RegExp]> = {
  'select-list unnest runs in the scan tasks, no exchange before it': [
    'SELECT o_orderkey, unnest(ARRAY[o_custkey, o_shippriority]) AS x FROM orders',
    /partitions=3[^\n]*\n\s+ShuffleWriteExec[^\n]*\n\s+UnnestExec/,
  ],
  'LATERAL unnest of an array_agg per group, after the hash exchange': [
    'SELECT s.c_nationkey, u.k FROM (SELECT c_nationkey, array_agg(c_custkey) AS ks FROM customer GROUP BY c_nationkey) s, unnest(s.ks) AS u(k)',
    /partitions=3, inputs=\[1\]\n\s+ShuffleWriteExec[^\n]*\n\s+UnnestExec: arrays=\[ks\], columns=\[k\]\n\s+HashAggregateExec[^\n]*gby=\[c_nationkey\]/,
  ],
  'WITH ORDINALITY, zipped arrays and filters above and below': [
    'SELECT l_orderkey, u.x, u.y, u.n FROM lineitem CROSS JOIN LATERAL unnest(ARRAY[l_partkey, l_suppkey], ARRAY[l_linenumber]) WITH ORDINALITY AS u(x, y, n) WHERE u.x > 100 AND l_quantity < 10',
    /UnnestExec: arrays=[^\n]* with ordinality/,
  ],
};

describe('staged unnest returns what one process returns', () => {
  let engine: SqlEngine;
  beforeAll(async () => { engine = await stagedTestEngine(); });

  for (const [name, [sql, exchange]] of Object.entries(QUERIES)) {
    it(name, async () => {
      const { expected, actual, stagesText } = await runBothWays(engine, sql);
      expect(stagesText).toMatch(exchange);
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    }, 60_000);
  }
});
