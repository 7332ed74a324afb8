/**
 * The test harness's service starters (test/support/services): they start real
 * services on free loopback ports, stop them, remove their temp dirs, and never
 * leave etcd running, even when the process that started it is SIGKILLed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startEtcd } from '../../../test/support/services/etcd-server.ts';
import { startS3Server } from '../../../test/support/services/s3-server.ts';

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('test services', () => {
  it('startEtcd: two healthy instances on distinct ports; stop kills etcd and removes its data dir', async () => {
    const [a, b] = await Promise.all([startEtcd(), startEtcd()]);
    try {
      expect(a.endpoints[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.endpoints[0]).not.toBe(b.endpoints[0]);
      for (const e of [a, b]) {
        const health = await (await fetch(`${e.endpoints[0]}/health`, { signal: AbortSignal.timeout(2000) })).json() as { health: string };
        expect(health.health).toBe('true');
        expect(alive(e.pid)).toBe(true);
        expect(existsSync(e.dataDir)).toBe(true);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    for (const e of [a, b]) {
      expect(await waitFor(() => !alive(e.pid), 2000)).toBe(true);
      expect(existsSync(e.dataDir)).toBe(false);
    }
  });

  it('startEtcd: etcd dies with the process that started it, even on SIGKILL', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/start-etcd-child.ts', import.meta.url));
    const child = spawn(process.execPath, [fixture], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const info = await new Promise<{ pid: number; dataDir: string }>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error('child did not start etcd within 20 s')), 20_000);
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) { clearTimeout(timer); resolve(JSON.parse(out.split('\n')[0]!) as { pid: number; dataDir: string }); }
        });
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`child exited (${code})`)); });
      });
      expect(alive(info.pid)).toBe(true);
      child.kill('SIGKILL');
      expect(await waitFor(() => !alive(info.pid), 5000)).toBe(true);
      // The killed owner could not remove its data dir: the next start sweeps it.
      await waitFor(() => child.exitCode !== null || child.signalCode !== null, 2000);
      const next = await startEtcd();
      await next.stop();
      expect(existsSync(info.dataDir)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('startS3Server: serves on loopback; stop closes it and removes its directory', async () => {
    const s3 = await startS3Server({ buckets: ['a', 'b'] });
    expect(s3.connection.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s3.conditionalPuts).toBe(false);
    expect(existsSync(s3.directory)).toBe(true);
    await s3.stop();
    expect(existsSync(s3.directory)).toBe(false);
    await expect(fetch(`${s3.connection.endpoint}/a`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });
});
