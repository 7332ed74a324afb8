/**
 * EtcdCommitLock against a real etcd (started here): mutual exclusion across
 * independent sessions, the 55P03 timeout, and a dead holder's lock expiring
 * with its lease (a child process holding the lock is SIGKILLed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
import { EtcdCommitLock, S3ObjectStore } from '../../index.ts';
import { startEtcd, type EtcdService } from '../../../test/support/services/etcd-server.ts';
import { startS3Server, type S3Service } from '../../../test/support/services/s3-server.ts';

let etcd: EtcdService;
let s3: S3Service;
const closers: Array<{ close(): Promise<void> }> = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  [etcd, s3] = await Promise.all([startEtcd(), startS3Server()]);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(closers.map((c) => c.close()));
  await Promise.all([etcd?.stop(), s3?.stop()]);
});

function newLock(acquireTimeoutMs = 10_000, ttlSeconds = 5): EtcdCommitLock {
  const lock = new EtcdCommitLock({ endpoints: etcd.endpoints, ttlSeconds, acquireTimeoutMs });
  closers.push(lock);
  return lock;
}

function lockedStore(lock: EtcdCommitLock): S3ObjectStore {
  const store = new S3ObjectStore({ ...s3.connection, bucket: 'loch-test', prefix: 'locked', conditionalPuts: false, commitLock: lock });
  closers.push(store);
  return store;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when the child prints `line`; rejects when it exits or the wait passes `ms`. */
function waitForLine(child: ChildProcess, line: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`child did not print "${line}" within ${ms} ms: ${err}`)), ms);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(line)) { clearTimeout(timer); resolve(); }
    });
    child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`child exited (${code}) before "${line}": ${err}`)); });
  });
}

describe('EtcdCommitLock', () => {
  it('never lets two sessions hold one lock at once', async () => {
    const locks = Array.from({ length: 4 }, () => newLock());
    let inside = 0;
    let maxInside = 0;
    let entries = 0;
    await Promise.all(locks.flatMap((lock) => [0, 1].map(async () => {
      await lock.withLock('mutex', async () => {
        inside++;
        entries++;
        maxInside = Math.max(maxInside, inside);
        await sleep(15);
        inside--;
      });
    })));
    expect(entries).toBe(8);
    expect(maxInside).toBe(1);
  });

  it('8 writers with their own etcd sessions race putIfAbsent on S3: exactly one wins', async () => {
    const stores = Array.from({ length: 8 }, () => lockedStore(newLock()));
    const results = await Promise.all(stores.map((s, i) => s.putIfAbsent('_delta_log/00000000000000000007.json', new TextEncoder().encode(`writer ${i}`))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const got = new TextDecoder().decode(await stores[0]!.getRange('_delta_log/00000000000000000007.json', 0, 8));
    expect(got).toBe(`writer ${results.indexOf(true)}`);
  });

  it('a lock whose holder is alive times out with 55P03 naming it; a thrown fn still releases it', async () => {
    const holder = newLock();
    const waiter = newLock(300);
    let release = () => {};
    const held = holder.withLock('busy', () => new Promise<void>((r) => { release = r; }));
    await sleep(100);
    const started = Date.now();
    const e = await waiter.withLock('busy', async () => 'got it').then(() => undefined, (err: unknown) => err);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e).toBeInstanceOf(LochError);
    expect((e as LochError).sqlState).toBe('55P03');
    expect((e as LochError).message).toContain('"busy"');
    release();
    await held;
    expect(await waiter.withLock('busy', async () => 'got it')).toBe('got it');
    await expect(holder.withLock('busy', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await waiter.withLock('busy', async () => 'again')).toBe('again');
  });

  it('frees the lock of a holder process killed with SIGKILL once its lease expires', async () => {
    const store = lockedStore(newLock(300));
    const name = `loch-test/${store.key('_delta_log/00000000000000000001.json')}`;
    const fixture = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));
    const child = spawn(process.execPath, [fixture, etcd.endpoints[0]!, name, '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    await waitForLine(child, "locked", 20_000);

    // While the child lives, its lock blocks the commit.
    const blocked = await store.putIfAbsent('_delta_log/00000000000000000001.json', new Uint8Array([1])).then(() => undefined, (e: unknown) => e);
    expect((blocked as LochError).sqlState).toBe('55P03');
    await sleep(2500); // longer than the TTL: a live holder keeps its lease alive
    expect((await store.putIfAbsent('_delta_log/00000000000000000001.json', new Uint8Array([1])).then(() => undefined, (e: unknown) => e) as LochError).sqlState).toBe('55P03');

    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    const patient = lockedStore(newLock(10_000));
    expect(await patient.putIfAbsent('_delta_log/00000000000000000001.json', new Uint8Array([42]))).toBe(true);
    const waited = Date.now() - killedAt;
    expect(waited).toBeLessThan(8000);
    expect(await patient.getRange('_delta_log/00000000000000000001.json', 0, 1)).toEqual(new Uint8Array([42]));
  });
});
