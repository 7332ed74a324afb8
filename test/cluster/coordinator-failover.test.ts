/**
 * Issue 4 high availability: two `loch coordinator --etcd` processes elect a leader through
 * etcd; the standby refuses queries with a retryable 57P03; when the leader is killed (-9)
 * the standby takes over and serves new queries within 15 s, on the same workers (which
 * joined through etcd leases) and the same catalog.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, RemoteQueryEngine, clusterStatus, spawnWorker, type WorkerProcess } from '../../cli/index.ts';
import { LochError } from '../../core/index.ts';
import { query, queryText } from '../support/results.ts';
import { SHARED_TPCH, tblTablesDdl } from '../support/tpch.ts';
import { startEtcd, type EtcdService } from '../support/services/etcd-server.ts';

const MAIN = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));

/** `loch coordinator` as a child process; resolves once it serves. */
async function startCoordinatorProcess(etcd: EtcdService, dataDir: string): Promise<{ process: ChildProcess; address: string }> {
  const port = await freePort('127.0.0.1');
  const child = spawn(process.execPath, [MAIN, 'coordinator', '--etcd', etcd.endpoints.join(','), '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_COMPILE_CACHE: path.join(tmpdir(), 'loch-node-compile-cache') },
  });
  createInterface({ input: child.stderr! }).on('line', () => {});
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"coordinator_started"')) resolve((JSON.parse(line) as { address: string }).address);
    });
    child.once('exit', (code) => reject(new Error(`coordinator exited (${code}) before serving`)));
  });
  return { process: child, address };
}

describe('two coordinators elect a leader through etcd', () => {
  let etcd: EtcdService;
  let dataDir: string;
  const coordinators: { process: ChildProcess; address: string }[] = [];
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    etcd = await startEtcd();
    dataDir = await mkdtemp(path.join(tmpdir(), 'loch-failover-'));
    coordinators.push(...await Promise.all([startCoordinatorProcess(etcd, dataDir), startCoordinatorProcess(etcd, dataDir)]));
    workers.push(...await Promise.all([0, 1].map((i) => spawnWorker({ etcd: etcd.endpoints.join(','), shuffleDir: path.join(dataDir, 'shuffle', String(i)), slots: 2, maxOldSpaceMb: 2048 }))));
  }, 180_000);
  afterAll(async () => {
    for (const c of coordinators) c.process.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.stop(2_000)));
    await etcd?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Which coordinator leads (polls until exactly one does). */
  async function leaderAndStandby(candidates: typeof coordinators): Promise<{ leader: string; standby: string | undefined }> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const states = await Promise.all(candidates.map(async (c) => ({ c, leader: await clusterStatus(c.address).then((s) => s.leader === true, () => false) })));
      const leaders = states.filter((s) => s.leader);
      if (leaders.length === 1) return { leader: leaders[0]!.c.address, standby: states.find((s) => !s.leader)?.c.address };
      if (Date.now() > deadline) throw new Error(`${leaders.length} leaders after 20 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('the leader serves queries on the etcd workers; the standby refuses with 57P03 (retryable)', async () => {
    const { leader, standby } = await leaderAndStandby(coordinators);
    const engine = new RemoteQueryEngine(leader);
    try {
      const deadline = Date.now() + 20_000;
      while ((await clusterStatus(leader)).workers!.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await query(engine, tblTablesDdl(`${SHARED_TPCH}/dbgen-sf0.01`));
      expect(await queryText(engine, 'select count(*) from nation join region on n_regionkey = r_regionkey')).toEqual([['25']]);
    } finally {
      await engine.close();
    }
    const other = new RemoteQueryEngine(standby!);
    try {
      const e = await query(other, 'select 1').then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(LochError);
      expect((e as LochError).sqlState).toBe('57P03');
    } finally {
      await other.close();
    }
  }, 60_000);

  it('after the leader is killed, the standby serves new queries within 15 s', async () => {
    const { leader } = await leaderAndStandby(coordinators);
    const dead = coordinators.find((c) => c.address === leader)!;
    const survivor = coordinators.find((c) => c !== dead)!;
    dead.process.kill('SIGKILL');
    const t0 = Date.now();
    const engine = new RemoteQueryEngine(survivor.address);
    try {
      let answer: (string | null)[][] | undefined;
      while (answer === undefined && Date.now() - t0 < 30_000) {
        answer = await queryText(engine, 'select count(*) from nation join region on n_regionkey = r_regionkey').catch(() => undefined);
        if (answer === undefined) await new Promise((r) => setTimeout(r, 250));
      }
      expect(answer).toEqual([['25']]);
      expect(Date.now() - t0).toBeLessThan(15_000);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
