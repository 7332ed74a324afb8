import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Batch, T } from '../../../core/index.ts';
import type { Expr, PhysicalPlan, PlanColumn, ShuffleLocation, ShuffleReadExec, ShuffleWriteExec } from '../../../planner/index.ts';
import { MemoryBudget } from '../../operators/physical-operator.ts';
import type { ExecutionContext } from '../../operators/physical-operator.ts';
import {
  type ShuffleEnvironment, type ShuffleServer, ShuffleClientPool, ShuffleReadOperator, ShuffleService, newShuffleReadMetrics, runShuffleWrite,
  startShuffleServer, writeShuffle,
} from '../index.ts';
import { batchOf, collect, fromBatches, literalRowStrings, prng, rowStrings, sorted, tempRoot } from './support.ts';

const columns: PlanColumn[] = [
  { id: 1, name: 'k', type: T.int32, nullable: true },
  { id: 2, name: 'name', type: T.text, nullable: true },
];
const fields = columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
const input: PhysicalPlan = { kind: 'empty', nodeId: 1, columns };
const castKey: Expr = { kind: 'cast', input: { kind: 'column', id: 1, name: 'k', type: T.int32 }, type: T.int64 };

let root: string;
let server: ShuffleServer;
let env: ShuffleEnvironment;

beforeAll(async () => {
  root = await tempRoot();
  server = await startShuffleServer(new ShuffleService(root));
  env = { workerId: 'w1', workerAddress: server.address, shuffleRoot: root, clients: new ShuffleClientPool() };
});

afterAll(async () => {
  env.clients.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function context(): ExecutionContext {
  return { signal: new AbortController().signal, memory: new MemoryBudget(), batchSize: 4096, metrics: new Map(), cteDefinitions: new Map(), cteBuffers: new Map() };
}

function rows(seed: number, n: number): (number | string | null)[][] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => [rand() < 0.05 ? null : Math.floor(rand() * 100) - 50, `row-${seed}-${i}`]);
}

describe('plan adapter', () => {
  it('runs a ShuffleWriteExec with an expression key and reads it back through ShuffleReadOperator', async () => {
    const write: ShuffleWriteExec = {
      kind: 'shuffle_write', nodeId: 2, columns, stageId: 3, input, partitioning: { kind: 'hash', keys: [castKey], partitions: 3 },
    };
    const mapInputs = [rows(1, 700), rows(2, 500)];
    const locations: ShuffleLocation[] = [];
    for (let m = 0; m < mapInputs.length; m++) {
      const mapTask = { jobId: 'plan-job', mapStageId: 3, mapStageAttempt: 0, mapPartition: m, mapTaskAttempt: 0 };
      // Map task 1 runs "on another worker": its files are fetched over gRPC.
      const outputs = await runShuffleWrite(write, fromBatches([batchOf(mapInputs[m]!, fields)]), mapTask, m === 0 ? env : { ...env, workerId: 'w2' });
      expect(outputs.map((o) => o.workerAddress)).toEqual([server.address, server.address, server.address]);
      locations.push(...outputs);
    }
    const read: ShuffleReadExec = {
      kind: 'shuffle_read', nodeId: 5, columns, stageId: 3, partitioning: write.partitioning,
      partitions: [0, 1, 2].map((p) => locations.filter((l) => l.outputPartition === p)),
    };
    // The same rows keyed by an int64 column must land in the same partitions (hash by value, not width).
    const wide = await writeShuffle(fromBatches([batchOf(mapInputs.flat().map((r) => [r[0] === null ? null : BigInt(r[0] as number), r[1]!]),
      [{ name: 'k', type: T.int64, nullable: true }, fields[1]!])]), {
      shuffleRoot: root, mapTask: { jobId: 'plan-wide', mapStageId: 1, mapStageAttempt: 0, mapPartition: 0, mapTaskAttempt: 0 },
      fields: [{ name: 'k', type: T.int64, nullable: true }, fields[1]!], partitioning: { kind: 'hash', keyColumns: [0], partitions: 3 },
    });
    const all: string[] = [];
    const readMetrics = newShuffleReadMetrics();
    for (let p = 0; p < 3; p++) {
      const batches: Batch[] = await collect(new ShuffleReadOperator(read, p, { ...env, readMetrics }).execute(context()));
      const got = batches.flatMap((b) => rowStrings(b, fields));
      expect(got.length).toBe(wide[p]!.rows);
      all.push(...got);
    }
    expect(sorted(all)).toEqual(sorted(literalRowStrings(mapInputs.flat(), fields)));
    const bytesOf = (m: number): number => locations.filter((l) => l.mapPartition === m).reduce((n, l) => n + l.bytes, 0);
    expect(readMetrics).toEqual({ localBytes: bytesOf(0), remoteBytes: bytesOf(1), rows: 1200, locationsRead: 6 });
  });

  it('a broadcast exchange writes one file per map task', async () => {
    const write: ShuffleWriteExec = { kind: 'shuffle_write', nodeId: 2, columns, stageId: 4, input, partitioning: { kind: 'broadcast' } };
    const mapTask = { jobId: 'plan-job', mapStageId: 4, mapStageAttempt: 0, mapPartition: 0, mapTaskAttempt: 0 };
    const outputs = await runShuffleWrite(write, fromBatches([batchOf(rows(3, 50), fields)]), mapTask, env);
    expect(outputs.map((o) => [o.outputPartition, o.rows])).toEqual([[0, 50]]);
  });
});
