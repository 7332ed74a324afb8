/**
 * unnest runs stage by stage (local-stage-runner.ts): UnnestExec needs no
 * exchange (it is per row and keeps its input's partitioning), and the staged
 * answer equals the single-process one.
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

/** Query and where its UnnestExec must run (a regex over the staged plan text). */
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

async function loadTable(name: string): Promise<TableScanner> {
  const columns = tpchColumns(name);
  const csv = await openCsvTable([`${SHARED_TPCH}/dbgen-sf0.01/${name}.tbl`], { delimiter: '|', header: false, columns });
  const batches = [];
  for await (const b of csv.scan({ columns: columns.map((_c, i) => i), predicates: [] })) batches.push(b.selection ? materialize(b) : b);
  return new SplitMemoryTable(name, columns, concatBatches(batches, columns.map((c) => toArrowType(c.type))).columns, PIECES[name] ?? 1);
}

describe('staged unnest returns what one process returns', () => {
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
