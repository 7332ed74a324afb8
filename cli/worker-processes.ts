/**
 * Worker processes as children of the `loch` process (`loch up`, tests, the
 * benchmark's `--workers N`): each runs worker/server/worker-main.ts on the same
 * Node binary, with its own heap cap, and announces itself with one JSON line
 * on stdout once it serves. Its stderr is passed through (prefixed), so crashes
 * are visible; its exit is observable, so a supervisor can restart it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import path from 'node:path';

const WORKER_MAIN = fileURLToPath(new URL('../worker/server/worker-main.ts', import.meta.url));

export interface WorkerProcessOptions {
  /** host:port of the coordinator's ClusterService (heartbeat membership). */
  readonly coordinator?: string;
  /** etcd endpoints (etcd membership), comma-separated. */
  readonly etcd?: string;
  readonly shuffleDir: string;
  /** Task slots (= piscina threads); the worker's default when omitted. */
  readonly slots?: number;
  readonly host?: string;
  /** Heap cap of the worker process in MiB (default 4096). */
  readonly maxOldSpaceMb?: number;
  /** Heap cap of each of its task threads in MiB (default: the worker's, the machine's memory shared by the threads). */
  readonly threadMemoryMb?: number;
  /** Size limit of the worker's decoded-column cache in MiB, shared by its task threads (default: a quarter of its heap cap). */
  readonly cacheMb?: number;
  /** Extra environment (e.g. LOCH_S3_*), on top of this process's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Where the worker's stderr lines go (default: this process's stderr, prefixed). */
  readonly onStderr?: (line: string) => void;
  /** A command the worker runs under, e.g. `['ip', 'netns', 'exec', 'ns1']` (it must exec its argument). */
  readonly launcher?: readonly string[];
  /** Longest wait for the worker to announce itself (ms, default 120 000: its threads import the engine first). */
  readonly startTimeoutMs?: number;
}

/** A running worker process. */
export interface WorkerProcess {
  readonly workerId: string;
  readonly address: string;
  readonly pid: number;
  /** Resolves with the exit code (or signal) when the process ends. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** Sends a signal at once (tests kill -9 workers). */
  kill(signal: NodeJS.Signals): void;
}

/** Starts one worker process and waits until it serves. */
export async function spawnWorker(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const args = [`--max-old-space-size=${options.maxOldSpaceMb ?? 4096}`, WORKER_MAIN, '--shuffle-dir', options.shuffleDir];
  if (options.coordinator) args.push('--coordinator', options.coordinator);
  if (options.etcd) args.push('--etcd', options.etcd);
  if (options.slots !== undefined) args.push('--slots', String(options.slots));
  if (options.threadMemoryMb !== undefined) args.push('--thread-memory-mb', String(options.threadMemoryMb));
  if (options.cacheMb !== undefined) args.push('--cache-mb', String(options.cacheMb));
  if (options.host) args.push('--host', options.host);
  // V8's compile cache on disk: a worker (and each of its task threads) imports the whole engine,
  // which takes seconds per thread without it.
  const env = { NODE_COMPILE_CACHE: path.join(tmpdir(), 'loch-node-compile-cache'), ...process.env, ...options.env };
  const [command, ...prefix] = options.launcher && options.launcher.length > 0 ? [...options.launcher, process.execPath] : [process.execPath];
  const child = spawn(command!, [...prefix, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const onStderr = options.onStderr ?? ((line: string) => { process.stderr.write(`[worker ${child.pid}] ${line}\n`); });
  createInterface({ input: child.stderr! }).on('line', onStderr);
  const announced = await waitForAnnouncement(child, exited, options.startTimeoutMs ?? 120_000);
  return {
    workerId: announced.workerId,
    address: announced.address,
    pid: child.pid!,
    exited,
    kill: (signal) => { if (child.exitCode === null && child.signalCode === null) child.kill(signal); },
    stop: async (graceMs = 5_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The `{"event":"worker_started",…}` line; the worker's other stdout lines are ignored. */
async function waitForAnnouncement(child: ChildProcess, exited: Promise<number | string>, timeoutMs: number): Promise<{ workerId: string; address: string }> {
  const lines = createInterface({ input: child.stdout! });
  const announced = new Promise<{ workerId: string; address: string }>((resolve) => {
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      try {
        const m = JSON.parse(line) as { event?: string; workerId?: string; address?: string };
        if (m.event === 'worker_started' && m.workerId && m.address) resolve({ workerId: m.workerId, address: m.address });
      } catch { /* not ours */ }
    });
  });
  const failed = exited.then((code) => { throw new Error(`worker process ${child.pid} exited (${code}) before it started serving`); });
  const timeout = new Promise<never>((_r, reject) => {
    const t = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`worker process ${child.pid} did not start within ${timeoutMs} ms`)); }, timeoutMs);
    void exited.then(() => clearTimeout(t));
    void announced.then(() => clearTimeout(t));
  });
  try {
    return await Promise.race([announced, failed, timeout]);
  } finally {
    void once(lines, 'close').catch(() => undefined);
  }
}
