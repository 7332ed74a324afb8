import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Batch, T, type SourceColumn, columnFromValues } from '../../../core/index.ts';
import { openTable } from '../../../connectors/index.ts';
import { type PhysicalPlan, type QueryStage, planStages } from '../../../planner/index.ts';
import { createTable, startTransaction } from '../../../storage/index.ts';
import { PROTOCOL_VERSION, grpcServiceDefinition, type loch } from '../../../proto/index.ts';
import { ShuffleClientPool, readShufflePartition } from '../../shuffle/index.ts';
import {
  type StageOutputs, recordOutputs, rowStrings, singleProcessRows, stagesOf, taskDefinition, tempDir, writeParquet,
} from '../../task/test/support.ts';
import { type WorkerNode, silentLog, startWorkerNode } from '../index.ts';
import { FakeCluster } from './cluster-fake.ts';

interface WorkerClient extends grpc.Client {
  launchTasks(r: loch.v1.LaunchTasksRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.LaunchTasksResponse) => void): void;
  cancelTasks(r: loch.v1.CancelTasksRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.CancelTasksResponse) => void): void;
  removeJobData(r: loch.v1.RemoveJobDataRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.RemoveJobDataResponse) => void): void;
}

function call<Req, Res>(method: (r: Req, cb: (e: grpc.ServiceError | null, r?: Res) => void) => void, request: Req): Promise<Res> {
  return new Promise((resolve, reject) => method(request, (e, r) => (e || r === undefined ? reject(e ?? new Error('no response')) : resolve(r))));
}

const columns: SourceColumn[] = [{ name: 'k', type: T.int32, nullable: false }, { name: 'v', type: T.int64, nullable: true }];
let dir: string;
let parquet: string;
let fake: FakeCluster;
let node: WorkerNode;
let client: WorkerClient;
let settings: Record<string, string>;

beforeAll(async () => {
  dir = await tempDir('worker-node');
  parquet = join(dir, 't.parquet');
  await writeParquet(parquet, columns, Array.from({ length: 2000 }, (_, i) => [i, i % 11 === 0 ? null : BigInt(i)]), 500);
  fake = await new FakeCluster(600).start();
  node = await startWorkerNode({ slots: 2, shuffleRoot: join(dir, 'shuffle'), coordinatorAddress: fake.address, log: silentLog, threadMemoryMb: 512 });
  const Client = grpc.makeGenericClientConstructor(grpcServiceDefinition('WorkerService'), 'WorkerService');
  client = new Client(node.address, grpc.credentials.createInsecure()) as unknown as WorkerClient;
  settings = { 'loch.coordinator': fake.address };
});

afterAll(async () => {
  client?.close();
  await node?.stop();
  await fake?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs every task of `stage` on the worker through LaunchTasks, relaunching the ones it refuses. */
async function runStage(jobId: string, stage: QueryStage, outputs: StageOutputs, firstTaskId: number): Promise<{ rejected: number }> {
  let pending = Array.from({ length: stage.partitions }, (_, p) => p);
  let rejected = 0;
  while (pending.length > 0) {
    const before = fake.statuses.length;
    const r = await call(client.launchTasks.bind(client), {
      workerId: node.workerId, tasks: pending.map((p) => taskDefinition(jobId, stage, p, firstTaskId + p, outputs, settings)),
    });
    const refused = new Set(r.rejected.map((t) => t.partition));
    rejected += refused.size;
    if (refused.size === pending.length) await fake.until(() => fake.statuses.length > before);
    pending = pending.filter((p) => refused.has(p));
  }
  for (let p = 0; p < stage.partitions; p++) recordOutputs(outputs, stage.stageId, await fake.statusOf(jobId, firstTaskId + p));
  return { rejected };
}

describe('worker node', () => {
  it('registers with the protocol version and heartbeats with its free slots', async () => {
    await node.membership!.registered();
    expect(fake.registrations[0]).toMatchObject({ protocolVersion: PROTOCOL_VERSION, worker: { workerId: node.workerId, taskSlots: 2 } });
    expect(node.workerId).toMatch(/^w-127\.0\.0\.1-\d+-[0-9a-f]{8}$/);
    const seen = fake.heartbeats.length;
    await fake.until(() => fake.heartbeats.length >= seen + 2, 3000);
    expect(fake.heartbeats.at(-1)).toMatchObject({ workerId: node.workerId });
  });

  it('re-registers when a heartbeat says the coordinator forgot it', async () => {
    const registered = fake.registrations.length;
    fake.forgetWorkers = true;
    await fake.until(() => fake.registrations.length > registered, 3000);
    expect(fake.registrations.at(-1)!.worker!.workerId).toBe(node.workerId);
  });

  it('runs a two-stage aggregate task by task; reducers fetch the result over FetchShufflePartition; RemoveJobData deletes it', async () => {
    const sql = `SELECT k % 9 AS g, count(*) AS n, sum(v) AS s, min(v) AS lo FROM read_parquet('${parquet}') GROUP BY k % 9`;
    const { stages, fields } = await stagesOf(sql, { shufflePartitions: 3, targetSplitBytes: 1, broadcastThresholdBytes: 0 });
    expect(stages[0]!.partitions).toBe(4);
    const outputs: StageOutputs = new Map();
    let taskId = 0;
    let rejected = 0;
    for (const stage of stages) {
      rejected += (await runStage('job-agg', stage, outputs, taskId)).rejected;
      taskId += stage.partitions;
    }
    // Four map tasks launched at once on two slots: the worker refused the ones it had no slot for.
    expect(rejected).toBeGreaterThan(0);
    const mapFiles = outputs.get(stages[0]!.stageId)!;
    expect(mapFiles.length).toBeGreaterThan(0);
    for (const l of mapFiles) {
      expect(l.workerId).toBe(node.workerId);
      expect(l.workerAddress).toBe(node.address);
      expect(existsSync(l.path)).toBe(true);
    }
    const stats = fake.statuses.filter((s) => s.task?.jobId === 'job-agg' && s.task.stageId === stages[0]!.stageId);
    expect(stats.reduce((n, s) => n + Number(s.metrics?.input?.rows ?? 0), 0)).toBe(2000);
    // Read the final stage's output as a client on another machine would: every file over gRPC.
    const clients = new ShuffleClientPool();
    const batches: Batch[] = [];
    const final = outputs.get(stages[stages.length - 1]!.stageId)!;
    for await (const b of readShufflePartition({ locations: final, localWorkerId: 'someone-else', clients })) batches.push(b);
    clients.close();
    expect(rowStrings(batches, fields)).toEqual(await singleProcessRows(sql));
    const removed = await call(client.removeJobData.bind(client), { jobId: 'job-agg' });
    expect(Number(removed.filesRemoved)).toBeGreaterThanOrEqual(mapFiles.length);
    for (const l of mapFiles) expect(existsSync(l.path)).toBe(false);
  });

  it('runs a scan of a Delta table split per add file on the task threads, reading the pinned version', async () => {
    const table = join(dir, 'delta');
    await createTable(table, { schema: columns.map((c) => ({ ...c })) });
    const commit = async (rows: (number | bigint)[][]): Promise<void> => {
      const txn = await startTransaction(table);
      await txn.addFiles([new Batch(columns.map((c, i) => columnFromValues(c.type, rows.map((r) => r[i]!))), rows.length)]);
      await txn.commit();
    };
    for (let f = 0; f < 3; f++) await commit(Array.from({ length: 50 * (f + 1) }, (_, i) => [f * 1000 + i, BigInt(f)]));
    const scanner = await openTable('delta', table, {});
    const scan: PhysicalPlan = {
      kind: 'scan', nodeId: 1, tableName: 'd', source: scanner, sourceColumns: [0, 1], predicates: [],
      columns: columns.map((c, i) => ({ id: 100 + i, name: c.name, type: c.type, nullable: c.nullable })),
    };
    const stages = await planStages(scan, { targetSplitBytes: 1, shufflePartitions: 2 });
    expect(stages[0]!.partitions).toBe(3);
    await commit([[9999, 9n]]);
    const outputs: StageOutputs = new Map();
    let taskId = 0;
    for (const stage of stages) {
      await runStage('job-delta', stage, outputs, taskId);
      taskId += stage.partitions;
    }
    const perTask = fake.statuses.filter((s) => s.task?.jobId === 'job-delta' && s.task.stageId === stages[0]!.stageId).map((s) => Number(s.metrics!.input!.rows));
    expect(perTask.sort((a, b) => a - b)).toEqual([50, 100, 150]);
    const total = outputs.get(stages[stages.length - 1]!.stageId)!.reduce((n, l) => n + l.rows, 0);
    expect(total).toBe(300);
  });

  it('reports a division by zero once, as not retryable (22012)', async () => {
    const { stages } = await stagesOf(`SELECT k / (k - k) FROM read_parquet('${parquet}')`, {});
    await call(client.launchTasks.bind(client), { workerId: node.workerId, tasks: [taskDefinition('job-div', stages[0]!, 0, 0, new Map(), settings)] });
    const status = await fake.statusOf('job-div', 0);
    expect(status.failed).toMatchObject({ retryable: false, executionError: { sqlstate: '22012' } });
    expect(status.workerId).toBe(node.workerId);
  });

  it('cancels a task waiting on a shuffle fetch cooperatively: killed at once, its thread kept', async () => {
    // A peer that accepts fetches and never answers.
    const silent = new grpc.Server();
    silent.addService(grpcServiceDefinition('WorkerService'), { fetchShufflePartition: () => {} });
    const port = await new Promise<number>((resolve, reject) => silent.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    try {
      const { stages } = await stagesOf(`SELECT k % 5 AS g, count(*) FROM read_parquet('${parquet}') GROUP BY k % 5`, { shufflePartitions: 2, targetSplitBytes: 1 << 30 });
      const outputs: StageOutputs = new Map([[stages[0]!.stageId, [0, 1].map((p) => ({
        jobId: 'job-wait', mapStageId: stages[0]!.stageId, mapStageAttempt: 0, mapPartition: 0, mapTaskAttempt: 0, outputPartition: p,
        workerId: 'w-silent', workerAddress: `127.0.0.1:${port}`, path: '/nowhere', rows: 1, bytes: 100,
      }))]]);
      const task = taskDefinition('job-wait', stages[1]!, 0, 3, outputs, settings);
      const threads = node.pool.threadIds();
      await call(client.launchTasks.bind(client), { workerId: node.workerId, tasks: [task] });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(fake.statuses.some((s) => s.task?.jobId === 'job-wait')).toBe(false);
      const started = Date.now();
      await call(client.cancelTasks.bind(client), { tasks: [task.task!], reason: 'stage rolled back' });
      const status = await fake.statusOf('job-wait', 3, 5000);
      const elapsed = Date.now() - started;
      expect(status.failed).toMatchObject({ killed: { reason: 'stage rolled back' } });
      expect(node.pool.threadIds().sort()).toEqual(threads.sort());
      expect(elapsed).toBeLessThan(1000);
    } finally {
      silent.forceShutdown();
    }
  });

  it('cancels a long CPU-bound task within a second; it reports killed and frees its slot', async () => {
    const sql = `SELECT count(*) FROM read_parquet('${parquet}') a JOIN read_parquet('${parquet}') b ON a.k % 1 = b.k % 1 ` +
      `JOIN read_parquet('${parquet}') c ON b.k % 1 = c.k % 1`;
    const { stages } = await stagesOf(sql, {});
    expect(stages).toHaveLength(1);
    const task = taskDefinition('job-long', stages[0]!, 0, 7, new Map(), settings);
    const threadsBefore = node.pool.threadIds();
    const r = await call(client.launchTasks.bind(client), { workerId: node.workerId, tasks: [task] });
    expect(r.rejected).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fake.statuses.some((s) => s.task?.jobId === 'job-long')).toBe(false);
    expect(node.pool.freeSlots).toBe(1);
    const started = Date.now();
    const c = await call(client.cancelTasks.bind(client), { tasks: [task.task!], reason: 'job cancelled by user' });
    expect(c.cancelled).toBe(1);
    const status = await fake.statusOf('job-long', 7, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(status.failed).toMatchObject({ retryable: true, countToFailures: false, killed: { reason: 'job cancelled by user' } });
    expect(node.pool.freeSlots).toBe(2);
    // The thread stuck in the join was terminated (and replaced).
    expect(node.pool.threadIds()).not.toEqual(threadsBefore);
    // Cancelling what no longer runs is a no-op.
    expect((await call(client.cancelTasks.bind(client), { tasks: [task.task!], reason: 'again' })).cancelled).toBe(0);
  });
});
