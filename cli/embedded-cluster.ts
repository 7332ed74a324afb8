/**
 * The embedded cluster (`loch up`, `npm start`, tests, the benchmark's `--workers N`):
 * a coordinator in this process with heartbeat membership and N worker child
 * processes on 127.0.0.1, data under `<dataDir>/` (catalog and tables) and each
 * worker's shuffle files under `<dataDir>/shuffle/<n>`. No etcd: the same
 * interfaces as a distributed cluster, in memory.
 *
 * `engine()` gives an in-process QueryEngine over the cluster's distributed executor
 * (what `loch up` runs its demo with); remote clients use the gRPC address.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { QueryEngine } from '../coordinator/index.ts';
import type { DistributionOptions } from '../planner/index.ts';
import { type ClusterCoordinator, catalogEngine, startClusterCoordinator } from './cluster-coordinator.ts';
import { spawnWorker, type WorkerProcess } from './worker-processes.ts';

export interface EmbeddedClusterOptions {
  readonly dataDir: string;
  /** Worker processes (default 2). */
  readonly workers?: number;
  /** Task slots per worker (default: the worker's, = cores). */
  readonly slotsPerWorker?: number;
  /** Coordinator gRPC port (default 7077; 0 picks a free one). */
  readonly grpcPort?: number;
  /** Heap cap of each worker process in MiB (default 4096). */
  readonly workerMemoryMb?: number;
  /** Heap cap of each task thread of a worker in MiB (default: the worker's own). */
  readonly threadMemoryMb?: number;
  /** Size limit of each worker's decoded-column cache in MiB (default: a quarter of its heap cap). */
  readonly workerCacheMb?: number;
  /** Settings every task gets (e.g. `loch.memory_limit_bytes`). */
  readonly taskSettings?: Readonly<Record<string, string>>;
  /** Heartbeat lease (ms): how long a silent worker counts as alive (default 10 000). */
  readonly leaseTtlMs?: number;
  readonly distribution?: Partial<DistributionOptions>;
  /** Where worker stderr lines go (default: this process's stderr). */
  readonly onWorkerLog?: (workerIndex: number, line: string) => void;
  readonly log?: (event: Record<string, unknown>) => void;
}

/** A running embedded cluster. */
export interface EmbeddedCluster {
  readonly coordinator: ClusterCoordinator;
  /** host:port of the coordinator's gRPC QueryService. */
  readonly address: string;
  readonly workers: readonly WorkerProcess[];
  /** A SQL engine in this process whose queries run on the cluster. */
  engine(settings?: Readonly<Record<string, string>>): QueryEngine;
  /** Starts one more worker (e.g. to replace one that was killed). */
  addWorker(): Promise<WorkerProcess>;
  /** Waits until `count` workers are registered with the coordinator. */
  waitForWorkers(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a coordinator and its worker processes; resolves once every worker has registered. */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const coordinator = await startClusterCoordinator({
    dataDir,
    grpcPort: options.grpcPort ?? 7077,
    ...(options.leaseTtlMs !== undefined ? { leaseTtlMs: options.leaseTtlMs } : {}),
    ...(options.distribution !== undefined ? { distribution: options.distribution } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
    ...(options.taskSettings !== undefined ? { taskSettings: options.taskSettings } : {}),
  });
  const workers: WorkerProcess[] = [];
  let started = 0;
  const addWorker = async (): Promise<WorkerProcess> => {
    const index = started++;
    const w = await spawnWorker({
      coordinator: coordinator.address,
      shuffleDir: path.join(dataDir, 'shuffle', String(index)),
      ...(options.slotsPerWorker !== undefined ? { slots: options.slotsPerWorker } : {}),
      ...(options.workerMemoryMb !== undefined ? { maxOldSpaceMb: options.workerMemoryMb } : {}),
      ...(options.threadMemoryMb !== undefined ? { threadMemoryMb: options.threadMemoryMb } : {}),
      ...(options.workerCacheMb !== undefined ? { cacheMb: options.workerCacheMb } : {}),
      ...(options.onWorkerLog ? { onStderr: (line: string) => options.onWorkerLog!(index, line) } : {}),
    });
    workers.push(w);
    return w;
  };
  const waitForWorkers = async (count: number, timeoutMs = 30_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (coordinator.membership.workers().length < count) {
      if (Date.now() > deadline) throw new Error(`only ${coordinator.membership.workers().length} of ${count} workers registered within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await Promise.all(Array.from({ length: options.workers ?? 2 }, addWorker));
    await waitForWorkers(options.workers ?? 2);
  } catch (e) {
    await Promise.all(workers.map((w) => w.stop()));
    await coordinator.stop();
    throw e;
  }
  return {
    coordinator,
    address: coordinator.address,
    workers,
    engine: (settings = {}) => catalogEngine(dataDir, coordinator.executor, settings),
    addWorker,
    waitForWorkers,
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await coordinator.stop();
    },
  };
}
