/**
 * Plan shapes TPC-H does not reach — UNION ALL of inputs with different
 * partition counts, INTERSECT/EXCEPT, DISTINCT aggregates, LIMIT/OFFSET,
 * NOT IN over a side with NULLs, right/full joins, global aggregates, VALUES —
 * run stage by stage (local-stage-runner.ts) and must return the rows the
 * single-process engine returns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatValue, readValue, toArrowType, type TableScanner } from '../../core/index.ts';
import { openCsvTable } from '../../connectors/index.ts';
import type { SqlEngine } from '../../coordinator/index.ts';
import { createPhysicalPlan, parseSql, planStages, type DistributionOptions } from '../../planner/index.ts';
import { concatBatches, executePhysicalPlan, materialize } from '../../worker/index.ts';
import { query, asText } from '../support/results.ts';
import { SHARED_TPCH } from '../support/tpch.ts';
import { SplitMemoryTable, runStagesLocally } from './local-stage-runner.ts';
import { TPCH_TABLE_NAMES, tpchColumns, tpchPlanningEngine } from './tpch-plan-support.ts';

const PIECES: Record<string, number> = { lineitem: 4, orders: 3, customer: 2, nation: 2 };
const OPTIONS: DistributionOptions = { shufflePartitions: 3, broadcastThresholdBytes: 0, targetSplitBytes: 1 };

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

async function loadTable(name: string): Promise<TableScanner> {
  const columns = tpchColumns(name);
  const csv = await openCsvTable([`${SHARED_TPCH}/dbgen-sf0.01/${name}.tbl`], { delimiter: '|', header: false, columns });
  const batches = [];
  for await (const b of csv.scan({ columns: columns.map((_c, i) => i), predicates: [] })) batches.push(b.selection ? materialize(b) : b);
  return new SplitMemoryTable(name, columns, concatBatches(batches, columns.map((c) => toArrowType(c.type))).columns, PIECES[name] ?? 1);
}

describe('staged plans return what one process returns', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    const tables = new Map<string, TableScanner>();
    for (const name of TPCH_TABLE_NAMES) tables.set(name, await loadTable(name));
    engine = await tpchPlanningEngine(async (name) => tables.get(name)!, (plan, options) => {
      const run = executePhysicalPlan(plan, options);
      return { batches: run.batches, explainAnalyze: () => '' };
    });
  });

  for (const [name, sql] of Object.entries(QUERIES)) {
    it(name, async () => {
      const expected = asText(await query(engine, sql)).map((r) => JSON.stringify(r)).sort();
      const [stmt] = parseSql(sql);
      if (stmt?.statement.kind !== 'query') throw new Error('not a query');
      const { logical, fields } = await engine.planQuery(stmt.statement);
      const stages = await planStages(createPhysicalPlan(logical), OPTIONS);
      expect(stages.length).toBeGreaterThan(1);
      const actual: string[] = [];
      for (const b of await runStagesLocally(stages)) {
        for (let i = 0; i < b.numRows; i++) {
          actual.push(JSON.stringify(fields.map((f, c) => {
            const v = readValue(b.columns[c]!, f.type, i);
            return v === null ? null : formatValue(v, f.type);
          })));
        }
      }
      expect(actual.sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});
