/**
 * Staged plans over real Parquet files: TPC-H SF 0.01 written with small row
 * groups, so ParquetTableScanner.splits() gives several pieces per table and
 * each task reads only its row groups (ScanRequest.splits); answers must equal
 * DuckDB's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readValue, type LiteralValue, type TableScanner } from '../../core/index.ts';
import { openCsvTable } from '../../connectors/index.ts';
import type { SqlEngine } from '../../coordinator/index.ts';
import { explainStages, parseSql } from '../../planner/index.ts';
import { openParquetTable, writeParquetFile } from '../../storage/index.ts';
import { materialize } from '../../worker/index.ts';
import { SHARED_TPCH, compareWithAnswer, expectedAnswer, tpchQuery } from '../support/tpch.ts';
import { runStagesLocally } from './local-stage-runner.ts';
import { TPCH_TABLE_NAMES, tpchColumns, tpchPlanningEngine, tpchStages } from './tpch-plan-support.ts';

let dir: string;

async function parquetTable(name: string): Promise<TableScanner> {
  const columns = tpchColumns(name);
  const csv = await openCsvTable([`${SHARED_TPCH}/dbgen-sf0.01/${name}.tbl`], { delimiter: '|', header: false, columns });
  const batches = [];
  for await (const b of csv.scan({ columns: columns.map((_c, i) => i), predicates: [] })) batches.push(b.selection ? materialize(b) : b);
  const path = nodePath.join(dir, `${name}.parquet`);
  await writeParquetFile(path, columns, batches, { rowGroupSize: 4096 });
  return openParquetTable([path]);
}

describe('TPC-H staged over Parquet row-group splits', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-parquet-stages-'));
    const tables = new Map<string, TableScanner>();
    for (const name of TPCH_TABLE_NAMES) tables.set(name, await parquetTable(name));
    engine = await tpchPlanningEngine(async (name) => tables.get(name)!);
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  for (const q of [1, 3, 5, 9, 13, 18, 21]) {
    it(`Q${q}`, async () => {
      const stages = await tpchStages(engine, q, { shufflePartitions: 3, broadcastThresholdBytes: 0, targetSplitBytes: 64 * 1024 });
      // The big scans are cut into several tasks, each reading its own row groups.
      expect(explainStages(stages)).toMatch(/ScanExec: table=(lineitem|orders).*partitions=([2-9]|\d\d)/);
      const [stmt] = parseSql(tpchQuery(q));
      if (stmt?.statement.kind !== 'query') throw new Error('not a query');
      const { fields } = await engine.planQuery(stmt.statement);
      const rows: LiteralValue[][] = [];
      for (const b of await runStagesLocally(stages)) for (let i = 0; i < b.numRows; i++) rows.push(fields.map((f, c) => readValue(b.columns[c]!, f.type, i)));
      expect(compareWithAnswer({ fields, rows }, expectedAnswer(q))).toEqual([]);
    });
  }
});
