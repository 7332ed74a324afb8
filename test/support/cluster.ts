/**
 * A distributed Loch cluster for end-to-end tests, out of real parts: etcd (Debian
 * `etcd-server`), a coordinator in the test process with etcd membership and leader
 * election, and worker processes that join through their etcd leases — or, with
 * `etcd: false`, the embedded cluster (heartbeat membership) that `loch up` runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ClusterCoordinator, catalogEngine, startClusterCoordinator, spawnWorker, type WorkerProcess } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import type { DistributionOptions } from '../../planner/index.ts';
import { startEtcd, type EtcdService } from './services/etcd-server.ts';

export interface TestCluster {
  readonly dataDir: string;
  readonly etcd: EtcdService | undefined;
  readonly coordinator: ClusterCoordinator;
  readonly workers: WorkerProcess[];
  /** Scheduler events the coordinator logged, in order. */
  readonly events: Record<string, unknown>[];
  engine(settings?: Readonly<Record<string, string>>): QueryEngine;
  addWorker(): Promise<WorkerProcess>;
  /** The shuffle directory of a worker started by this cluster (tests remove it to simulate a lost disk). */
  shuffleDirOf(workerId: string): string;
  waitForWorkers(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface TestClusterOptions {
  readonly workers: number;
  /** Membership and leadership through etcd (default true). */
  readonly etcd?: boolean;
  readonly slotsPerWorker?: number;
  /** Heartbeat lease of embedded membership (ms). */
  readonly leaseTtlMs?: number;
  readonly shufflePartitions?: number;
  /** Distributed-planning knobs (e.g. no broadcasts and one task per scan piece, to force a plan shape). */
  readonly distribution?: Partial<DistributionOptions>;
  /** Bytes of map output a coalesced reduce task reads at most (0: one task per partition, as fault tests need). */
  readonly coalesceTargetBytes?: number;
  /** Called with every coordinator log event (e.g. to kill a worker at a chosen moment). */
  readonly onEvent?: (event: Record<string, unknown>) => void;
}

/** Starts etcd (unless `etcd: false`), a coordinator and `workers` worker processes; resolves once all joined. */
export async function startTestCluster(options: TestClusterOptions): Promise<TestCluster> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loch-cluster-'));
  const etcd = options.etcd === false ? undefined : await startEtcd();
  const events: Record<string, unknown>[] = [];
  const coordinator = await startClusterCoordinator({
    dataDir, grpcPort: 0,
    ...(etcd ? { etcd: etcd.endpoints } : {}),
    ...(options.leaseTtlMs !== undefined ? { leaseTtlMs: options.leaseTtlMs } : {}),
    ...(options.shufflePartitions !== undefined || options.distribution !== undefined
      ? { distribution: { ...options.distribution, ...(options.shufflePartitions !== undefined ? { shufflePartitions: options.shufflePartitions } : {}) } } : {}),
    ...(options.coalesceTargetBytes !== undefined ? { graph: { coalesceTargetBytes: options.coalesceTargetBytes } } : {}),
    log: (e) => { events.push(e); options.onEvent?.(e); },
  });
  const workers: WorkerProcess[] = [];
  const shuffleDirs = new Map<string, string>();
  let started = 0;
  const addWorker = async (): Promise<WorkerProcess> => {
    const index = started++;
    const shuffleDir = path.join(dataDir, 'shuffle', String(index));
    const w = await spawnWorker({
      ...(etcd ? { etcd: etcd.endpoints.join(',') } : { coordinator: coordinator.address }),
      shuffleDir,
      slots: options.slotsPerWorker ?? 2,
      maxOldSpaceMb: 2048,
      onStderr: (line) => { if (/"level":"(warn|error)"|Error/.test(line)) process.stderr.write(`[worker ${index}] ${line}\n`); },
    });
    workers.push(w);
    shuffleDirs.set(w.workerId, shuffleDir);
    return w;
  };
  const waitForWorkers = async (count: number, timeoutMs = 30_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (coordinator.membership.workers().length !== count) {
      if (Date.now() > deadline) throw new Error(`${coordinator.membership.workers().length} workers registered, not ${count}, within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await Promise.all(Array.from({ length: options.workers }, addWorker));
    await waitForWorkers(options.workers);
  } catch (e) {
    await Promise.all(workers.map((w) => w.stop()));
    await coordinator.stop();
    await etcd?.stop();
    throw e;
  }
  return {
    dataDir, etcd, coordinator, workers, events, addWorker, waitForWorkers,
    shuffleDirOf: (workerId) => {
      const dir = shuffleDirs.get(workerId);
      if (dir === undefined) throw new Error(`no worker ${workerId} in this test cluster`);
      return dir;
    },
    engine: (settings = {}) => catalogEngine(dataDir, coordinator.executor, settings),
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop(2_000)));
      await coordinator.stop();
      await etcd?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
