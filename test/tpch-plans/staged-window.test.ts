/**
 * Window functions run stage by stage (local-stage-runner.ts): rows are
 * hashed by the PARTITION BY keys (or gathered to one task without PARTITION
 * BY) before the WindowExec, and the staged answer equals the single-process one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../coordinator/index.ts';
import { runBothWays, stagedTestEngine } from './staged-comparison.ts';

/** Query and the staged-plan shape it must have (a regex over the EXPLAIN text of the stages). */
const QUERIES: Record<string, [string, RegExp]> = {
  'partitioned ranking and running sums': [
    'SELECT o_orderkey, rank() OVER (PARTITION BY o_custkey ORDER BY o_totalprice DESC), sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderkey) FROM orders',
    /hash\(\[o_custkey\], 3\)[\s\S]*WindowExec: partition=\[o_custkey\]/,
  ],
  'a window without PARTITION BY gathers to one task': [
    'SELECT l_orderkey, l_linenumber, row_number() OVER (ORDER BY l_orderkey, l_linenumber), avg(l_quantity) OVER (ORDER BY l_orderkey ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING) FROM lineitem',
    /ShuffleWriteExec: stage=\d+, single[\s\S]*WindowExec: partition=\[\]/,
  ],
  'windows over an aggregate partitioned by a group key': [
    'SELECT o_custkey, o_orderstatus, count(*), sum(count(*)) OVER (PARTITION BY o_custkey), lag(o_orderstatus) OVER (PARTITION BY o_custkey ORDER BY o_orderstatus) FROM orders GROUP BY o_custkey, o_orderstatus',
    /WindowExec: partition=\[o_custkey\]/,
  ],
  'two partitionings in one query': [
    'SELECT c_custkey, dense_rank() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal), count(*) OVER (PARTITION BY c_mktsegment) FROM customer',
    /hash\(\[c_nationkey\], 3\)[\s\S]*hash\(\[c_mktsegment\], 3\)|hash\(\[c_mktsegment\], 3\)[\s\S]*hash\(\[c_nationkey\], 3\)/,
  ],
};

describe('staged window functions return what one process returns', () => {
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
