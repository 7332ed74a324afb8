import * as arrow from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { ARROW_CHUNK_BYTES, type loch } from '../../../proto/index.ts';
import { TinyEngine } from './tiny-engine.ts';
import { HeartbeatMembership, startCoordinator, type CoordinatorNode, type LeaderElection, type QuerySession } from '../index.ts';
import { FakeWorker, call } from './fake-worker.ts';
import { type QueryClient, events, queryClient } from './query-client.ts';
import { groupRows, waitFor } from './cluster-harness.ts';

/** The Arrow table of statement `index`, from its result chunks. */
function resultTable(all: loch.v1.QueryEvent[], index: number): arrow.Table {
  const chunks = all.filter((e) => e.resultChunk != null && e.statementIndex === index).map((e) => e.resultChunk!);
  expect(chunks.map((c) => c.sequence)).toEqual(chunks.map((_c, i) => i));
  const bytes = Buffer.concat(chunks.map((c) => c.data ?? new Uint8Array()));
  return arrow.tableFromIPC(bytes);
}

let node: CoordinatorNode | undefined;
let client: QueryClient | undefined;
let worker: FakeWorker | undefined;
afterEach(async () => { client?.close(); await worker?.stop(); await node?.stop(); node = undefined; client = undefined; worker = undefined; });

async function start(leadership?: LeaderElection): Promise<{ sessions: QuerySession[] }> {
  const sessions: QuerySession[] = [];
  const refuse = (): never => { throw new Error('not used'); };
  node = await startCoordinator({
    grpcPort: 0, membership: new HeartbeatMembership(), evaluateConstant: refuse, rowFunctions: refuse,
    engineFactory: (session) => new TinyEngine(sessions, session), ...(leadership ? { leadership } : {}),
  });
  client = queryClient(node.address);
  return { sessions };
}

describe('QueryService over gRPC', () => {
  it('streams each statement as its own Arrow IPC result set, ~1 MB chunks, then JobSucceeded with the command tag', async () => {
    const { sessions } = await start();
    const all = await events(client!, 'numbers 120000; create; numbers 3');
    expect(all[0]!.accepted?.jobId).toMatch(/^q[0-9a-f]{16}$/);
    expect(all.every((e) => e.jobId === all[0]!.accepted!.jobId)).toBe(true);
    const big = resultTable(all, 0);
    expect(big.numRows).toBe(120_000);
    expect(big.schema.fields.map((f) => f.name)).toEqual(['n', 's']);
    expect(big.getChild('n')!.get(119_999)).toBe(119_999);
    expect(big.getChild('s')!.get(7)).toBe('row number 7');
    const chunks0 = all.filter((e) => e.resultChunk != null && e.statementIndex === 0);
    expect(chunks0.length).toBeGreaterThan(1);
    for (const c of chunks0) expect(c.resultChunk!.data!.length).toBeLessThanOrEqual(ARROW_CHUNK_BYTES * 1.05);
    expect(all.filter((e) => e.statementIndex === 1 && e.resultChunk != null)).toHaveLength(0);
    expect(resultTable(all, 2).toArray().map((r) => r.n)).toEqual([0, 1, 2]);
    const completed = all.filter((e) => e.statementCompleted != null);
    expect(completed.map((e) => [e.statementIndex, e.statementCompleted!.commandTag, e.statementCompleted!.hasRows])).toEqual([
      [0, 'SELECT 120000', true], [1, 'CREATE TABLE', false], [2, 'SELECT 3', true],
    ]);
    const last = all.at(-1)!;
    expect(last.succeeded).toMatchObject({ commandTag: 'SELECT 3', rows: 3, statements: 3 });
    // Credentials and settings reach the engine as sent.
    expect(sessions[0]).toEqual({ principal: 'alice', token: 'tok', settings: { timezone: 'UTC' } });
  });

  it('a failing statement ends the stream with JobFailed carrying its SQLSTATE and statement index', async () => {
    await start();
    const all = await events(client!, 'numbers 2; boom');
    const last = all.at(-1)!;
    expect(last.failed?.error).toMatchObject({ sqlstate: '22012', message: 'division by zero', retryable: false });
    expect(last.statementIndex).toBe(1);
    expect(resultTable(all, 0).numRows).toBe(2);
  });

  it('CancelQuery stops a running query (57014) and GetClusterStatus lists it while it runs', async () => {
    await start();
    worker = new FakeWorker('w-status', 3, groupRows);
    await worker.start();
    await worker.register(node!.address);
    let jobId = '';
    const run = events(client!, 'wait', (e) => { if (e.accepted) jobId = e.accepted.jobId ?? ''; });
    await waitFor(() => jobId !== '', 3000, 'accepted');
    const status = await call(client!.getClusterStatus.bind(client!), {});
    expect(status.leader).toBe(true);
    expect(status.workers.map((w) => [w.worker!.workerId, w.worker!.taskSlots, w.freeSlots])).toEqual([['w-status', 3, 3]]);
    expect(status.workers[0]!.lastHeartbeatMs).toBeGreaterThan(0);
    expect(status.jobs.map((j) => [j.jobId, j.principal, j.sql])).toEqual([[jobId, 'alice', 'wait']]);
    expect((await call(client!.cancelQuery.bind(client!), { jobId })).cancelled).toBe(true);
    const all = await run;
    expect(all.at(-1)!.failed?.error?.sqlstate).toBe('57014');
    expect((await call(client!.cancelQuery.bind(client!), { jobId })).cancelled).toBe(false);
    expect((await call(client!.getClusterStatus.bind(client!), {})).jobs).toEqual([]);
  });

  it('a standby refuses queries with the retryable 57P03 naming the leader', async () => {
    const standby: LeaderElection = {
      start: async () => {}, isLeader: () => false, leaderAddress: () => '10.1.2.3:7077', onChange: () => () => {}, close: async () => {},
    };
    await start(standby);
    const all = await events(client!, 'numbers 1');
    expect(all).toHaveLength(1);
    expect(all[0]!.failed?.error).toMatchObject({ sqlstate: '57P03', retryable: true });
    expect(all[0]!.failed!.error!.hint).toContain('10.1.2.3:7077');
  });

  it('RegisterWorker refuses another protocol version', async () => {
    await start();
    worker = new FakeWorker('w-old', 1, groupRows);
    await worker.start();
    const r = await worker.register(node!.address, 100, 999);
    expect(r.accepted).toBe(false);
    expect(r.reason).toMatch(/protocol version 999 is not supported/);
    expect((await call(client!.getClusterStatus.bind(client!), {})).workers).toEqual([]);
  });
});
