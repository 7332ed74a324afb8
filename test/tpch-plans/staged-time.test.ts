/**
 * The time type and intervals through exchanges: grouping by a time of day and by an
 * interval (hash-partitioned by their values / spans) gives the single-process answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../coordinator/index.ts';
import { runBothWays, stagedTestEngine } from './staged-comparison.ts';

const QUERIES: Record<string, string> = {
  'GROUP BY a time of day':
    "SELECT t, count(*) AS n, min(o_orderkey) FROM (SELECT (o_orderdate + time '00:00' + o_custkey * interval '7 minutes')::time AS t, o_orderkey FROM orders) s GROUP BY t",
  'time arithmetic and extract below a join, grouped by the hour':
    "SELECT c.c_nationkey, extract(hour from o.t) AS h, count(*) FROM (SELECT o_custkey, time '00:00' + o_custkey * interval '1 minute' AS t FROM orders) o JOIN customer c ON o.o_custkey = c.c_custkey GROUP BY 1, 2",
  'GROUP BY an interval merges equal spans across partitions':
    "SELECT count(*) FROM (SELECT CASE WHEN o_orderkey % 2 = 0 THEN interval '1 day' ELSE interval '24 hours' END * (o_custkey % 5) AS i FROM orders) s GROUP BY i",
};

describe('staged plans with time and interval keys return what one process returns', () => {
  let engine: SqlEngine;
  beforeAll(async () => { engine = await stagedTestEngine(); });

  for (const [name, sql] of Object.entries(QUERIES)) {
    it(name, async () => {
      const { expected, actual, stageCount } = await runBothWays(engine, sql);
      expect(stageCount).toBeGreaterThan(1);
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    }, 60_000);
  }

  it('interval groups count equal spans once', async () => {
    const { actual } = await runBothWays(engine, "SELECT i FROM (SELECT CASE WHEN o_orderkey % 2 = 0 THEN interval '1 day' ELSE interval '24 hours' END AS i FROM orders) s GROUP BY i");
    expect(actual).toHaveLength(1);
  }, 60_000);
});
