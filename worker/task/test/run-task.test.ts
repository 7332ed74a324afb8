import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Batch, T, columnFromValues, type SourceColumn } from '../../../core/index.ts';
import { openTable } from '../../../connectors/index.ts';
import { type PhysicalPlan, planStages } from '../../../planner/index.ts';
import { createTable, startTransaction } from '../../../storage/index.ts';
import { ShuffleClientPool, fromPartitionLocationProto, readShufflePartition } from '../../shuffle/index.ts';
import { type TaskRunEnvironment, runTaskStatus } from '../index.ts';
import {
  type StageOutputs, recordOutputs, rowStrings, singleProcessRows, stagesOf, taskDefinition, tempDir, writeParquet,
} from './support.ts';

const columns: SourceColumn[] = [{ name: 'k', type: T.int32, nullable: false }, { name: 'v', type: T.int64, nullable: true }];
let dir: string;
let parquet: string;
let env: TaskRunEnvironment;

beforeAll(async () => {
  dir = await tempDir('run-task');
  parquet = join(dir, 't.parquet');
  const rows = Array.from({ length: 2000 }, (_, i) => [i, i % 13 === 0 ? null : BigInt(i * 3)]);
  await writeParquet(parquet, columns, rows, 250);
  env = { workerId: 'w1', workerAddress: '127.0.0.1:1', shuffleRoot: join(dir, 'shuffle'), clients: new ShuffleClientPool() };
});

afterAll(async () => {
  env.clients.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runTask', () => {
  it('runs a two-phase aggregate stage by stage, task by task, with the single-process answer', async () => {
    const sql = `SELECT k % 7 AS g, count(*) AS n, sum(v) AS s FROM read_parquet('${parquet}') GROUP BY k % 7`;
    const { stages, fields } = await stagesOf(sql, { shufflePartitions: 3, targetSplitBytes: 1, broadcastThresholdBytes: 0 });
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]!.partitions).toBe(8); // one task per row group
    const outputs: StageOutputs = new Map();
    let taskId = 0;
    let rowsIn = 0;
    for (const stage of stages) {
      for (let p = 0; p < stage.partitions; p++) {
        const status = await runTaskStatus(taskDefinition('job-agg', stage, p, taskId++, outputs), env);
        recordOutputs(outputs, stage.stageId, status);
        if (stage === stages[0]) rowsIn += Number(status.metrics?.input?.rows ?? 0);
        for (const l of status.succeeded!.locations!) expect(existsSync(l.path!)).toBe(true);
      }
    }
    expect(rowsIn).toBe(2000);
    const final = outputs.get(stages[stages.length - 1]!.stageId)!;
    const batches: Batch[] = [];
    for await (const b of readShufflePartition({ locations: final, localWorkerId: 'w1', shuffleRoot: env.shuffleRoot })) batches.push(b);
    expect(rowStrings(batches, fields)).toEqual(await singleProcessRows(sql));
    expect(rowStrings(batches, fields)).toHaveLength(7);
  });

  it('reports a division by zero as a deterministic failure (22012, not retryable)', async () => {
    const { stages } = await stagesOf(`SELECT k / (k - k) FROM read_parquet('${parquet}')`, { shufflePartitions: 2, targetSplitBytes: 1 << 30 });
    const status = await runTaskStatus(taskDefinition('job-div', stages[0]!, 0, 0, new Map()), env);
    expect(status.succeeded).toBeUndefined();
    expect(status.failed).toMatchObject({ retryable: false, countToFailures: true, executionError: { sqlstate: '22012' } });
  });

  it('reports a missing map output as a fetch failure naming it', async () => {
    const sql = `SELECT k % 5 AS g, count(*) FROM read_parquet('${parquet}') GROUP BY k % 5`;
    const { stages } = await stagesOf(sql, { shufflePartitions: 2, targetSplitBytes: 1 << 30 });
    const outputs: StageOutputs = new Map();
    recordOutputs(outputs, stages[0]!.stageId, await runTaskStatus(taskDefinition('job-fetch', stages[0]!, 0, 0, outputs), env));
    // The map output is "on another worker" that does not answer, and its file is not on this
    // host's disk either (a same-host file would be read from disk: host-local reads).
    const lost = outputs.get(stages[0]!.stageId)!.map((l) => ({ ...l, workerId: 'w-gone', workerAddress: '127.0.0.1:9', path: join(dir, 'gone', 'part-0.arrow') }));
    outputs.set(stages[0]!.stageId, lost);
    const status = await runTaskStatus(taskDefinition('job-fetch', stages[1]!, 0, 1, outputs), env);
    expect(status.failed).toMatchObject({ retryable: true, countToFailures: false });
    const where = fromPartitionLocationProto(status.failed!.fetchFailure!.location!);
    expect(where).toMatchObject({ workerId: 'w-gone', mapStageId: stages[0]!.stageId, mapPartition: 0 });
  });

  it('reports a task whose signal was aborted as killed', async () => {
    const { stages } = await stagesOf(`SELECT k FROM read_parquet('${parquet}')`, { targetSplitBytes: 1 << 30 });
    const controller = new AbortController();
    controller.abort('stage rolled back');
    const status = await runTaskStatus(taskDefinition('job-kill', stages[0]!, 0, 0, new Map()), env, controller.signal);
    expect(status.failed).toEqual({ retryable: true, countToFailures: false, killed: { reason: 'stage rolled back' } });
  });
});

describe('Delta splits', () => {
  it('gives one split per add file, reads each file once, and pins the snapshot version', async () => {
    const table = join(dir, 'delta');
    await createTable(table, { schema: columns.map((c) => ({ ...c })) });
    for (let f = 0; f < 3; f++) {
      const txn = await startTransaction(table);
      const rows = Array.from({ length: 100 * (f + 1) }, (_, i) => [f * 1000 + i, BigInt(f)]);
      await txn.addFiles([new Batch(columns.map((c, i) => columnFromValues(c.type, rows.map((r) => r[i]!))), rows.length)]);
      await txn.commit();
    }
    const scanner = await openTable('delta', table, {});
    expect(scanner.descriptor).toMatchObject({ format: 'delta', version: 3, location: table });
    const splits = await scanner.splits!();
    expect(splits).toHaveLength(3);
    const scan: PhysicalPlan = {
      kind: 'scan', nodeId: 1, tableName: 'd', source: scanner, sourceColumns: [0, 1], predicates: [],
      columns: columns.map((c, i) => ({ id: 100 + i, name: c.name, type: c.type, nullable: c.nullable })),
    };
    const stages = await planStages(scan, { targetSplitBytes: 1, shufflePartitions: 2 });
    expect(stages[0]!.partitions).toBe(3);
    // A commit after planning: tasks still read version 3.
    const txn = await startTransaction(table);
    await txn.addFiles([new Batch(columns.map((c) => columnFromValues(c.type, [c.type === T.int32 ? 9999 : 9n])), 1)]);
    await txn.commit();
    const outputs: StageOutputs = new Map();
    const perTask: number[] = [];
    let taskId = 0;
    for (const stage of stages) {
      for (let p = 0; p < stage.partitions; p++) {
        const status = await runTaskStatus(taskDefinition('job-delta', stage, p, taskId++, outputs), env);
        recordOutputs(outputs, stage.stageId, status);
        if (stage === stages[0]) perTask.push(Number(status.metrics!.input!.rows));
      }
    }
    expect(perTask.sort((a, b) => a - b)).toEqual([100, 200, 300]);
    const final = outputs.get(stages[stages.length - 1]!.stageId)!;
    const batches: Batch[] = [];
    for await (const b of readShufflePartition({ locations: final, localWorkerId: 'w1', shuffleRoot: env.shuffleRoot })) batches.push(b);
    const keys = rowStrings(batches, [{ name: 'k', type: T.int32, nullable: false }, { name: 'v', type: T.int64, nullable: true }]);
    expect(keys).toHaveLength(600);
    expect(new Set(keys).size).toBe(600);
  });
});
