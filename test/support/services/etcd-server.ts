/**
 * `startEtcd()`: a real single-member etcd (Debian `etcd-server`, /usr/bin/etcd)
 * on free 127.0.0.1 ports with a temporary data directory, for end-to-end tests.
 *
 * The process is memory-capped (small backend quota, GOMEMLIMIT), killed by
 * `stop()`, by this process's exit, and by the kernel when this process dies
 * (`setpriv --pdeathsig`), so a crashed test never leaves etcd running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { freePort } from './free-port.ts';
import { removeStaleTempDirs } from './stale-dirs.ts';

/** A running etcd; `stop()` kills it and removes its data directory. */
export interface EtcdService {
  /** Client URLs, e.g. ['http://127.0.0.1:34567']. */
  readonly endpoints: string[];
  readonly pid: number;
  /** Its temporary data directory (removed by `stop()`). */
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface StartEtcdOptions {
  /** The etcd binary; default $LOCH_ETCD_BIN or /usr/bin/etcd. */
  readonly binary?: string;
  /** How long to wait for /health (ms); default 15 000. */
  readonly startTimeoutMs?: number;
}

const ETCD_BIN = '/usr/bin/etcd';
const QUOTA_BYTES = 64 * 1024 * 1024;

/** Starts etcd and resolves once it reports healthy; rejects (with its stderr) otherwise. */
export async function startEtcd(options: StartEtcdOptions = {}): Promise<EtcdService> {
  const binary = options.binary ?? process.env['LOCH_ETCD_BIN'] ?? ETCD_BIN;
  if (!existsSync(binary)) {
    throw new Error(`etcd binary ${binary} not found: install the Debian package etcd-server (apt-get install -y etcd-server)`);
  }
  let lastError: unknown;
  // A free port can be taken between probing and binding: retry with new ports.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(binary, options.startTimeoutMs ?? 15_000);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

async function startOnce(binary: string, timeoutMs: number): Promise<EtcdService> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  // On disk, not tmpfs: etcd preallocates 2 x 64 MB of WAL, which tmpfs would hold in memory.
  // The owner's pid in the name lets a later start remove dirs of owners that were killed.
  await removeStaleTempDirs('loch-etcd-');
  const dataDir = await mkdtemp(nodePath.join(tmpdir(), `loch-etcd-${process.pid}-`));
  const client = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const args = [
    '--name', 'loch-test', '--data-dir', dataDir,
    '--listen-client-urls', client, '--advertise-client-urls', client,
    '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer,
    '--initial-cluster', `loch-test=${peer}`, '--initial-cluster-state', 'new',
    '--quota-backend-bytes', String(QUOTA_BYTES), '--snapshot-count', '5000',
    '--logger', 'zap', '--log-outputs', 'stderr', '--log-level', 'error',
  ];
  // setpriv makes the kernel SIGKILL etcd when this process dies, even by SIGKILL.
  const [command, commandArgs] = existsSync('/usr/bin/setpriv')
    ? ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', binary, ...args]]
    : [binary, args];
  const child = spawn(command, commandArgs, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, GOMEMLIMIT: '256MiB', GOMAXPROCS: '1' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
  const killOnExit = () => { child.kill('SIGKILL'); };
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await killAndWait(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(client, child, timeoutMs, () => stderr);
  } catch (e) {
    await stop();
    throw e;
  }
  return { endpoints: [client], pid: child.pid ?? -1, dataDir, stop };
}

async function waitHealthy(client: string, child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`etcd exited (${child.exitCode ?? child.signalCode}) before becoming healthy: ${stderr()}`);
    }
    try {
      const response = await fetch(`${client}/health`, { signal: AbortSignal.timeout(1000) });
      const body = (await response.json()) as { health?: string };
      if (response.ok && body.health === 'true') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`etcd at ${client} not healthy after ${timeoutMs} ms: ${stderr()}`);
}

/** SIGTERM, then SIGKILL after 3 s; resolves when the process is gone. */
export async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
