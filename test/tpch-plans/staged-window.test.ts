/**
 * Window functions run stage by stage (local-stage-runner.ts): rows are
 * hashed by the PARTITION BY keys (or gathered to one task without PARTITION
 * BY) before the WindowExec, and the staged answer equals the single-process one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatValue, readValue, toArrowType, type TableScanner } from '../../core/index.ts';
import { openCsvTable } from '../../connectors/index.ts';
import type { SqlEngine } from '../../coordinator/index.ts';
import { createPhysicalPlan, explainStages, parseSql, planStages, type DistributionOptions } from '../../planner/index.ts';
import { concatBatches, executePhysicalPlan, materialize } from '../../worker/index.ts';
import { query, asText } from '../support/results.ts';
import { SHARED_TPCH } from '../support/tpch.ts';
import { SplitMemoryTable, runStagesLocally } from './local-stage-runner.ts';
import { TPCH_TABLE_NAMES, tpchColumns, tpchPlanningEngine } from './tpch-plan-support.ts';

const PIECES: Record<string, number> = { lineitem: 4, orders: 3, customer: 2, nation: 2 };
const OPTIONS: DistributionOptions = { shufflePartitions: 3, broadcastThresholdBytes: 0, targetSplitBytes: 1 };

/** Query and the exchange its window needs (a regex over the staged plan text). */
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

async function loadTable(name: string): Promise<TableScanner> {
  const columns = tpchColumns(name);
  const csv = await openCsvTable([`${SHARED_TPCH}/dbgen-sf0.01/${name}.tbl`], { delimiter: '|', header: false, columns });
  const batches = [];
  for await (const b of csv.scan({ columns: columns.map((_c, i) => i), predicates: [] })) batches.push(b.selection ? materialize(b) : b);
  return new SplitMemoryTable(name, columns, concatBatches(batches, columns.map((c) => toArrowType(c.type))).columns, PIECES[name] ?? 1);
}

describe('staged window functions return what one process returns', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    const tables = new Map<string, TableScanner>();
    for (const name of TPCH_TABLE_NAMES) tables.set(name, await loadTable(name));
    engine = await tpchPlanningEngine(async (name) => tables.get(name)!, (plan, options) => {
      const run = executePhysicalPlan(plan, options);
      return { batches: run.batches, explainAnalyze: () => '' };
    });
  });

  for (const [name, [sql, exchange]] of Object.entries(QUERIES)) {
    it(name, async () => {
      const expected = asText(await query(engine, sql)).map((r) => JSON.stringify(r)).sort();
      const [stmt] = parseSql(sql);
      if (stmt?.statement.kind !== 'query') throw new Error('not a query');
      const { logical, fields } = await engine.planQuery(stmt.statement);
      const stages = await planStages(createPhysicalPlan(logical), OPTIONS);
      expect(explainStages(stages)).toMatch(exchange);
      const actual: string[] = [];
      for (const b of await runStagesLocally(stages)) {
        for (let i = 0; i < b.numRows; i++) {
          actual.push(JSON.stringify(fields.map((f, c) => {
            const v = readValue(b.columns[c]!, f.type, i);
            return v === null ? null : formatValue(v, f.type);
          })));
        }
      }
      expect(expected.length).toBeGreaterThan(0);
      expect(actual.sort()).toEqual(expected);
    }, 60_000);
  }
});
