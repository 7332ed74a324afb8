/**
 * Plan shapes TPC-H does not reach — UNION ALL of inputs with different
 * partition counts, INTERSECT/EXCEPT, DISTINCT aggregates, LIMIT/OFFSET,
 * NOT IN over a side with NULLs, right/full joins, global aggregates, VALUES —
 * run stage by stage (local-stage-runner.ts) and must return the rows the
 * single-process engine returns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../coordinator/index.ts';
import { runBothWays, stagedTestEngine } from './staged-comparison.ts';

const QUERIES: Record<string, string> = {
  'UNION ALL of 4-way and 3-way inputs': 'SELECT l_orderkey AS k FROM lineitem WHERE l_quantity > 49 UNION ALL SELECT o_orderkey FROM orders WHERE o_totalprice > 400000',
  'UNION (distinct)': 'SELECT n_regionkey FROM nation UNION SELECT r_regionkey FROM region',
  'INTERSECT': 'SELECT o_custkey FROM orders WHERE o_orderpriority = \'1-URGENT\' INTERSECT SELECT c_custkey FROM customer WHERE c_mktsegment = \'BUILDING\'',
  'EXCEPT ALL': 'SELECT n_regionkey FROM nation EXCEPT ALL SELECT r_regionkey FROM region WHERE r_regionkey < 2',
  'DISTINCT aggregates': 'SELECT o_orderstatus, count(DISTINCT o_custkey), count(*) FROM orders GROUP BY o_orderstatus',
  'global DISTINCT aggregate': 'SELECT count(DISTINCT l_suppkey) FROM lineitem',
  'LIMIT with OFFSET over many partitions': 'SELECT count(*) FROM (SELECT l_orderkey FROM lineitem LIMIT 100 OFFSET 37) t',
  'top-k over many partitions': 'SELECT l_orderkey, l_linenumber FROM lineitem ORDER BY l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 7 OFFSET 3',
  'NOT IN over a side with NULLs': 'SELECT count(*) FROM orders WHERE o_custkey NOT IN (SELECT CASE WHEN c_custkey = 7 THEN NULL ELSE c_custkey END FROM customer WHERE c_nationkey = 3)',
  'NOT IN without NULLs': 'SELECT count(*) FROM orders WHERE o_custkey NOT IN (SELECT c_custkey FROM customer WHERE c_nationkey = 3)',
  'right join': 'SELECT count(*), count(o_orderkey) FROM orders RIGHT JOIN customer ON o_custkey = c_custkey AND o_totalprice > 300000',
  'full join': 'SELECT count(*), count(n_name), count(c_custkey) FROM nation FULL JOIN customer ON n_nationkey = c_nationkey AND c_acctbal > 9000',
  'cross join with a VALUES list': 'SELECT n_name, v FROM nation, (VALUES (1), (2)) AS t(v) WHERE n_regionkey = 0',
  'CTE read twice': 'WITH big AS (SELECT o_custkey, sum(o_totalprice) AS s FROM orders GROUP BY o_custkey) SELECT count(*) FROM big a JOIN big b ON a.o_custkey = b.o_custkey + 1 WHERE a.s > b.s',
};

describe('staged plans return what one process returns', () => {
  let engine: SqlEngine;
  beforeAll(async () => { engine = await stagedTestEngine(); });

  for (const [name, sql] of Object.entries(QUERIES)) {
    it(name, async () => {
      const { expected, actual, stageCount } = await runBothWays(engine, sql);
      expect(stageCount).toBeGreaterThan(1);
      expect(actual).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});
