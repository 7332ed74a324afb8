import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../task/test/support.ts';
import { EtcdMembership, type EtcdWorkerRecord, silentLog, startWorkerNode } from '../index.ts';
import { FakeCluster } from './cluster-fake.ts';

let dir: string;
beforeAll(async () => { dir = await tempDir('worker-process'); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('worker-main', () => {
  it('prints worker_started once serving, registers with its coordinator, and exits 0 on SIGTERM', async () => {
    const fake = await new FakeCluster().start();
    const main = fileURLToPath(new URL('../worker-main.ts', import.meta.url));
    const child = spawn(process.execPath, [main, '--coordinator', fake.address, '--slots', '1', '--shuffle-dir', join(dir, 'main-shuffle')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = exited(child);
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
      const started = JSON.parse(first) as { event: string; workerId: string; address: string };
      expect(started.event).toBe('worker_started');
      expect(started.address).toMatch(/^127\.0\.0\.1:\d+$/);
      await fake.until(() => fake.registrations.some((r) => r.worker?.workerId === started.workerId));
      expect(fake.registrations[0]!.worker).toMatchObject({ taskSlots: 1, port: Number(started.address.split(':')[1]) });
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await fake.stop();
    }
  });
});

const etcdBinary = spawnSync('sh', ['-c', 'command -v etcd'], { encoding: 'utf8' }).stdout.trim();

describe.skipIf(etcdBinary === '')('etcd membership', () => {
  it('puts the worker under a leased key with its JSON record; stopping removes it', async () => {
    const [clientPort, peerPort] = [await freePort(), await freePort()];
    const etcd = spawn(etcdBinary, [
      '--data-dir', join(dir, 'etcd'), '--name', 'loch-test',
      '--listen-client-urls', `http://127.0.0.1:${clientPort}`, '--advertise-client-urls', `http://127.0.0.1:${clientPort}`,
      '--listen-peer-urls', `http://127.0.0.1:${peerPort}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${peerPort}`,
      '--initial-cluster', `loch-test=http://127.0.0.1:${peerPort}`,
    ], { stdio: 'ignore' });
    const endpoint = `http://127.0.0.1:${clientPort}`;
    const reader = new Etcd3({ hosts: [endpoint] });
    try {
      const membership = new EtcdMembership({ endpoints: [endpoint], prefix: '/loch-test/workers/' });
      const node = await startWorkerNode({ slots: 1, shuffleRoot: join(dir, 'etcd-shuffle'), membership, log: silentLog, threadMemoryMb: 256 });
      await membership.registered();
      const key = `/loch-test/workers/${node.workerId}`;
      const record = JSON.parse((await reader.get(key).string())!) as EtcdWorkerRecord;
      expect(record).toEqual({ workerId: node.workerId, host: '127.0.0.1', port: Number(node.address.split(':')[1]), taskSlots: 1, version: expect.any(String) });
      const leaseId = (await reader.get(key).exec()).kvs[0]!.lease;
      expect(leaseId).not.toBe('0');
      await node.stop();
      expect(await reader.get(key).string()).toBeNull();
    } finally {
      reader.close();
      etcd.kill('SIGKILL');
    }
  });
});
