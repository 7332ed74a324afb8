/**
 * The distributed planner's plans give TPC-H's answers: every query at
 * SF 0.01 is planned into stages over split in-memory tables and run stage by
 * stage with in-memory shuffles (local-stage-runner.ts), under two settings:
 * no broadcasts at all (every join hash-partitioned on both sides) and
 * broadcasts of small build sides; the result must equal DuckDB's answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readValue, toArrowType, type LiteralValue, type TableScanner } from '../../core/index.ts';
import { openCsvTable } from '../../connectors/index.ts';
import type { SqlEngine } from '../../coordinator/index.ts';
import { concatBatches, materialize } from '../../worker/index.ts';
import { parseSql, type DistributionOptions } from '../../planner/index.ts';
import { SHARED_TPCH, compareWithAnswer, expectedAnswer, tpchQuery } from '../support/tpch.ts';
import { SplitMemoryTable, runStagesLocally } from './local-stage-runner.ts';
import { TPCH_TABLE_NAMES, tpchColumns, tpchPlanningEngine, tpchStages } from './tpch-plan-support.ts';

const PIECES: Record<string, number> = { lineitem: 5, orders: 3, partsupp: 3, part: 2, customer: 2 };

async function loadTable(name: string): Promise<TableScanner> {
  const columns = tpchColumns(name);
  const csv = await openCsvTable([`${SHARED_TPCH}/dbgen-sf0.01/${name}.tbl`], { delimiter: '|', header: false, columns });
  const batches = [];
  for await (const b of csv.scan({ columns: columns.map((_c, i) => i), predicates: [] })) batches.push(b.selection ? materialize(b) : b);
  const all = concatBatches(batches, columns.map((c) => toArrowType(c.type)));
  return new SplitMemoryTable(name, columns, all.columns, PIECES[name] ?? 1);
}

const SETTINGS: Record<string, DistributionOptions> = {
  'hash joins only': { shufflePartitions: 3, broadcastThresholdBytes: 0, targetSplitBytes: 1 },
  'small build sides broadcast': { shufflePartitions: 2, broadcastThresholdBytes: 64 * 1024, targetSplitBytes: 2 },
};

describe('TPC-H SF 0.01 staged plans run to DuckDB\'s answers', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    const tables = new Map<string, TableScanner>();
    for (const name of TPCH_TABLE_NAMES) tables.set(name, await loadTable(name));
    engine = await tpchPlanningEngine(async (name) => tables.get(name)!);
  });

  for (const [setting, options] of Object.entries(SETTINGS)) {
    for (let q = 1; q <= 22; q++) {
      it(`Q${q}, ${setting}`, async () => {
        const stages = await tpchStages(engine, q, options);
        const batches = await runStagesLocally(stages);
        const [stmt] = parseSql(tpchQuery(q));
        if (stmt?.statement.kind !== 'query') throw new Error('not a query');
        const { fields } = await engine.planQuery(stmt.statement);
        const rows: LiteralValue[][] = [];
        for (const b of batches) for (let i = 0; i < b.numRows; i++) rows.push(fields.map((f, c) => readValue(b.columns[c]!, f.type, i)));
        expect(compareWithAnswer({ fields, rows }, expectedAnswer(q))).toEqual([]);
        expect(stages.length).toBeGreaterThan(1);
      });
    }
  }
});
