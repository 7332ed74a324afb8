/**
 * Test support for distributed tasks: plan SQL into stages over real files (the coordinator's
 * SqlEngine and the planner, as the coordinator will), build TaskDefinitions the way the
 * scheduler does (shuffle reads resolved to the locations earlier tasks reported), and
 * compare rows with the single-process answer.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Batch, LochError, SqlState, type BatchField, type LiteralValue, type SourceColumn, columnFromValues, readValue,
} from '../../../core/index.ts';
import { openTable } from '../../../connectors/index.ts';
import {
  type BinderCatalog, type DistributionOptions, type PhysicalPlan, type QueryStage, type ShuffleLocation, type ShuffleWriteExec, PlanContext,
  QueryBinder, createPhysicalPlan, initParser, optimize, outputColumns, parseSql, planStages, resolveShuffleReads, stagePlanToProto,
} from '../../../planner/index.ts';
import type { loch } from '../../../proto/index.ts';
import { writeParquetFile } from '../../../storage/index.ts';
import { evaluateConstant, executePhysicalPlan, fromPartitionLocationProto, materialize } from '../../index.ts';

/** A temporary directory. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `loch-${prefix}-`));
}

/** Writes rows as a Parquet file with small row groups (several splits). */
export async function writeParquet(path: string, columns: readonly SourceColumn[], rows: readonly LiteralValue[][], rowGroupSize: number): Promise<void> {
  const batch = new Batch(columns.map((c, i) => columnFromValues(c.type, rows.map((r) => r[i]!))), rows.length);
  await writeParquetFile(path, columns, [batch], { rowGroupSize });
}

/**
 * The planner's own path (parse → bind → optimize → physical), over a catalog that knows only
 * the file table functions the tests use — what the coordinator's SqlEngine does for a query.
 */
const filesOnly: BinderCatalog = {
  lookupRelation: async () => null,
  tableFunction: async (name, args) => {
    const formats: Record<string, string> = { read_parquet: 'parquet', read_csv: 'csv', read_json: 'json' };
    const format = formats[name];
    return format !== undefined && typeof args[0] === 'string' ? openTable(format, args[0], {}) : null;
  },
  relationNames: () => [],
};

/** The physical plan of `sql` and its output fields. */
export async function physicalPlanOf(sql: string): Promise<{ plan: PhysicalPlan; fields: BatchField[] }> {
  await initParser();
  const [stmt] = parseSql(sql);
  if (stmt?.statement.kind !== 'query') throw new Error('not a query');
  const ctx = new PlanContext({ evaluateConstant });
  const bound = await new QueryBinder(filesOnly, ctx).bindQuery(stmt.statement.query, null);
  const logical = optimize(bound.plan, ctx);
  const fields = outputColumns(logical).map((c, i) => ({ name: bound.columns[i]?.name ?? c.name, type: c.type, nullable: c.nullable }));
  return { plan: createPhysicalPlan(logical), fields };
}

/** `sql` planned into stages. */
export async function stagesOf(sql: string, options: Partial<DistributionOptions>): Promise<{ stages: QueryStage[]; fields: BatchField[] }> {
  const { plan, fields } = await physicalPlanOf(sql);
  return { stages: await planStages(plan, options), fields };
}

/** Rows as sortable strings. */
export function rowStrings(batches: readonly Batch[], fields: readonly BatchField[]): string[] {
  const out: string[] = [];
  for (const b of batches) {
    const m = b.selection ? materialize(b) : b;
    for (let i = 0; i < m.numRows; i++) {
      out.push(JSON.stringify(fields.map((f, c) => readValue(m.columns[c]!, f.type, i)), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
    }
  }
  return out.sort();
}

/** The single-process answer of `sql`. */
export async function singleProcessRows(sql: string): Promise<string[]> {
  const { plan, fields } = await physicalPlanOf(sql);
  const batches: Batch[] = [];
  for await (const b of executePhysicalPlan(plan).batches) batches.push(b);
  return rowStrings(batches, fields);
}

/** Map outputs reported so far, by stage id (what the scheduler records from TaskSucceeded). */
export type StageOutputs = Map<number, ShuffleLocation[]>;

/** The TaskDefinition of partition `p` of `stage`, shuffle reads resolved against `outputs`. */
export function taskDefinition(
  jobId: string, stage: QueryStage, partition: number, taskId: number, outputs: StageOutputs, settings: Record<string, string> = {}, taskAttempt = 0,
): loch.v1.TaskDefinition.$Properties {
  const plan = resolveShuffleReads(stage.plan, stage.partitions, (id) => outputs.get(id) ?? []) as ShuffleWriteExec;
  return {
    task: { jobId, stageId: stage.stageId, stageAttempt: 0, partition, taskId, taskAttempt },
    stage: stagePlanToProto(jobId, { ...stage, plan }, 0),
    settings,
  };
}

/** Records a succeeded TaskStatus's locations as outputs of its stage. */
export function recordOutputs(outputs: StageOutputs, stageId: number, status: loch.v1.TaskStatus.$Properties): void {
  if (status.succeeded == null) throw new Error(`task failed: ${JSON.stringify(status.failed)}`);
  const list = outputs.get(stageId) ?? [];
  for (const l of status.succeeded.locations ?? []) list.push(fromPartitionLocationProto(l));
  outputs.set(stageId, list);
}
