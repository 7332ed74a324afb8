/**
 * The harness of the "staged answer = single-process answer" suites: TPC-H SF 0.01 tables held
 * in memory and cut into splits, a planning engine over them, and one query run both ways.
 */
import { formatValue, readValue, toArrowType, type TableScanner } from '../../core/index.ts';
import { openCsvTable } from '../../connectors/index.ts';
import type { SqlEngine } from '../../coordinator/index.ts';
import { createPhysicalPlan, explainStages, parseSql, planStages, type DistributionOptions } from '../../planner/index.ts';
import { concatBatches, executePhysicalPlan, materialize } from '../../worker/index.ts';
import { asText, query } from '../support/results.ts';
import { SHARED_TPCH } from '../support/tpch.ts';
import { SplitMemoryTable, runStagesLocally } from './local-stage-runner.ts';
import { TPCH_TABLE_NAMES, tpchColumns, tpchPlanningEngine } from './tpch-plan-support.ts';

/** Splits per table, and distribution options that force exchanges on tiny data. */
export const STAGED_PIECES: Readonly<Record<string, number>> = { lineitem: 4, orders: 3, customer: 2, nation: 2 };
export const STAGED_OPTIONS: DistributionOptions = { shufflePartitions: 3, broadcastThresholdBytes: 0, targetSplitBytes: 1 };

async function loadTable(name: string): Promise<TableScanner> {
  const columns = tpchColumns(name);
  const csv = await openCsvTable([`${SHARED_TPCH}/dbgen-sf0.01/${name}.tbl`], { delimiter: '|', header: false, columns });
  const batches = [];
  for await (const b of csv.scan({ columns: columns.map((_c, i) => i), predicates: [] })) batches.push(b.selection ? materialize(b) : b);
  return new SplitMemoryTable(name, columns, concatBatches(batches, columns.map((c) => toArrowType(c.type))).columns, STAGED_PIECES[name] ?? 1);
}

/** A planning engine over the split in-memory TPC-H tables that runs plans in this process. */
export async function stagedTestEngine(): Promise<SqlEngine> {
  const tables = new Map<string, TableScanner>();
  for (const name of TPCH_TABLE_NAMES) tables.set(name, await loadTable(name));
  return tpchPlanningEngine(async (name) => tables.get(name)!, (plan, options) => {
    const run = executePhysicalPlan(plan, options);
    return { batches: run.batches, explainAnalyze: () => '' };
  });
}

/** `sql`'s rows as sorted JSON text, in one process and stage by stage, and the staged plan's text. */
export async function runBothWays(engine: SqlEngine, sql: string): Promise<{ expected: string[]; actual: string[]; stageCount: number; stagesText: string }> {
  const expected = asText(await query(engine, sql)).map((r) => JSON.stringify(r)).sort();
  const [stmt] = parseSql(sql);
  if (stmt?.statement.kind !== 'query') throw new Error('not a query');
  const { logical, fields } = await engine.planQuery(stmt.statement);
  const stages = await planStages(createPhysicalPlan(logical), STAGED_OPTIONS);
  const actual: string[] = [];
  for (const b of await runStagesLocally(stages)) {
    for (let i = 0; i < b.numRows; i++) {
      actual.push(JSON.stringify(fields.map((f, c) => {
        const v = readValue(b.columns[c]!, f.type, i);
        return v === null ? null : formatValue(v, f.type);
      })));
    }
  }
  return { expected, actual: actual.sort(), stageCount: stages.length, stagesText: explainStages(stages) };
}
