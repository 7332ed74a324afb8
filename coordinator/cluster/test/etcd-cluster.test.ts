import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../proto/index.ts';
import { startEtcd, type EtcdService } from '../../../test/support/services/etcd-server.ts';
import {
  ETCD_WORKERS_PREFIX, EtcdLeaderElection, EtcdMembership, startCoordinator, type EtcdWorkerRecord, type WorkerInfo,
} from '../index.ts';
import { call } from './fake-worker.ts';
import { events, queryClient } from './query-client.ts';
import { TinyEngine } from './tiny-engine.ts';
import { waitFor } from './cluster-harness.ts';

let etcd: EtcdService;
let client: Etcd3;
beforeAll(async () => {
  etcd = await startEtcd();
  client = new Etcd3({ hosts: etcd.endpoints });
}, 20_000);
afterAll(async () => {
  client?.close();
  await etcd?.stop();
});

/** What a worker does to join: its record under a lease it keeps alive. */
async function joinViaEtcd(record: EtcdWorkerRecord, ttlSeconds = 5) {
  const lease = client.lease(ttlSeconds);
  await lease.put(`${ETCD_WORKERS_PREFIX}${record.workerId}`).value(JSON.stringify(record));
  return lease;
}

describe('EtcdMembership', () => {
  it('sees workers join through their etcd keys and leave when the key goes or the lease expires', async () => {
    // A 2 s lease keeps the test short (workers use 5 s).
    const before = await joinViaEtcd({ workerId: 'early', host: '127.0.0.1', port: 9001, taskSlots: 2, version: PROTOCOL_VERSION }, 2);
    const problems: Record<string, unknown>[] = [];
    const membership = new EtcdMembership({ endpoints: etcd.endpoints, log: (e) => problems.push(e) });
    const joined: WorkerInfo[] = [];
    const lost: string[] = [];
    await membership.start();
    membership.subscribe({ joined: (w) => joined.push(w), lost: (id) => lost.push(id) });
    // A worker already registered when the coordinator started is replayed to subscribers.
    expect(joined).toEqual([{ workerId: 'early', host: '127.0.0.1', port: 9001, taskSlots: 2, version: '' }]);

    const late = await joinViaEtcd({ workerId: 'late', host: '127.0.0.1', port: 9002, taskSlots: 4, version: PROTOCOL_VERSION });
    await joinViaEtcd({ workerId: 'old', host: '127.0.0.1', port: 9003, taskSlots: 1, version: PROTOCOL_VERSION + 1 });
    await waitFor(() => joined.some((w) => w.workerId === 'late'), 3000, 'late worker joined');
    await waitFor(() => problems.length > 0, 3000, 'old worker refused');
    expect(problems[0]).toMatchObject({ event: 'worker_rejected', key: `${ETCD_WORKERS_PREFIX}old` });
    expect(membership.workers().map((w) => w.workerId).sort()).toEqual(['early', 'late']);
    expect(membership.worker('late')?.taskSlots).toBe(4);

    // A worker that stops cleanly revokes its lease: lost at once.
    await late.revoke();
    await waitFor(() => lost.includes('late'), 3000, 'late worker lost');
    // A worker process that dies stops keeping its lease alive: lost when the 5 s TTL runs out.
    const t0 = Date.now();
    before.release();
    await waitFor(() => lost.includes('early'), 10_000, 'early worker lost by lease expiry');
    expect(Date.now() - t0).toBeGreaterThan(1000);
    expect(membership.workers()).toEqual([]);
    await membership.close();
  }, 25_000);
});

describe('EtcdLeaderElection', () => {
  it('a standby coordinator refuses queries (57P03) until the leader process is killed, then takes over within 15 s', async () => {
    const key = `loch-test-${Date.now()}`;
    const fixture = fileURLToPath(new URL('./fixtures/campaign-leader.ts', import.meta.url));
    const leader: ChildProcess = spawn(process.execPath, [fixture, etcd.endpoints[0]!, key, 'leader-host:7077'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      leader.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
      // Generous: starting a node process takes seconds on a loaded machine; the takeover below is what is timed.
      await waitFor(() => out.includes('LEADER'), 40_000, 'child elected');

      const worker = await joinViaEtcd({ workerId: 'w-etcd', host: '127.0.0.1', port: 9100, taskSlots: 2, version: PROTOCOL_VERSION });
      const refuse = (): never => { throw new Error('not used'); };
      const leadership = new EtcdLeaderElection({ endpoints: etcd.endpoints, key, address: 'standby', log: () => {} });
      const node = await startCoordinator({
        grpcPort: 0, membership: new EtcdMembership({ endpoints: etcd.endpoints }), leadership,
        evaluateConstant: refuse, rowFunctions: refuse, engineFactory: (session) => new TinyEngine([], session),
      });
      const qc = queryClient(node.address);
      try {
        await waitFor(() => leadership.leaderAddress() === 'leader-host:7077', 5000, 'leader observed');
        const refused = await events(qc, 'numbers 2');
        expect(refused.at(-1)!.failed?.error).toMatchObject({ sqlstate: '57P03', retryable: true });
        expect(refused.at(-1)!.failed!.error!.hint).toContain('leader-host:7077');
        const status = await call(qc.getClusterStatus.bind(qc), {});
        expect(status.leader).toBe(false);
        expect(status.workers.map((w) => w.worker!.workerId)).toEqual(['w-etcd']);

        const killedAt = Date.now();
        leader.kill('SIGKILL');
        await waitFor(() => leadership.isLeader(), 15_000, 'standby elected');
        expect(Date.now() - killedAt).toBeLessThan(15_000);
        const served = await events(qc, 'numbers 2');
        expect(served.at(-1)!.succeeded).toMatchObject({ commandTag: 'SELECT 2', rows: 2 });
        expect((await call(qc.getClusterStatus.bind(qc), {})).leader).toBe(true);
      } finally {
        qc.close();
        await node.stop();
        await worker.revoke();
      }
    } finally {
      leader.kill('SIGKILL');
    }
  }, 70_000);
});
