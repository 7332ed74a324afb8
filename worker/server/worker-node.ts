/**
 * One worker process's services, started together:
 *
 *   gRPC server (WorkerService) ── TaskPool (piscina threads = task slots)
 *        │                     └─ ShuffleService (files under shuffleRoot)
 *        └─ membership: coordinator heartbeats, or an etcd lease
 *
 * The worker id is unique per start (`w-<host>-<port>-<random>`): a restarted worker is a new
 * worker, so the coordinator never mistakes it for the one whose shuffle files were lost.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { ARROW_CHUNK_BYTES, grpcServiceDefinition } from '../../proto/index.ts';
import { configureColumnCache } from '../../storage/index.ts';
import { ShuffleService } from '../shuffle/shuffle-service.ts';
import { TaskPool } from '../task/task-pool.ts';
import type { TaskThreadEnvironment } from '../task/task-thread.ts';
import { CoordinatorMembership, type WorkerMembership } from './membership.ts';
import { StatusReporter, type StatusReporterOptions } from './status-reporter.ts';
import { type WorkerLog, stderrLog } from './worker-log.ts';
import { WorkerTaskService } from './worker-service.ts';

/** Options of `startWorkerNode`. */
export interface WorkerNodeOptions {
  /** Address to bind and advertise (default 127.0.0.1). */
  readonly host?: string;
  /** Port to bind (default 0: any free port). */
  readonly port?: number;
  /** Task slots = pool threads (default: os.availableParallelism()). */
  readonly slots?: number;
  /** Heap cap of each task thread in MiB. */
  readonly threadMemoryMb?: number;
  /**
   * Size limit of the process's decoded-column cache in MiB, shared by its task threads
   * (default: storage's, a quarter of this process's heap limit; 0 turns it off).
   */
  readonly cacheMb?: number;
  /** This worker's shuffle directory (created). Give each worker its own: files are addressed by job, not by worker. */
  readonly shuffleRoot: string;
  /** Delete `shuffleRoot` on stop (default false): its files are useless once the worker is gone. */
  readonly removeShuffleOnStop?: boolean;
  /** Coordinator for task reports when a task's settings name none (and for heartbeats when `membership` is absent). */
  readonly coordinatorAddress?: string;
  /** How the worker joins the cluster (default: CoordinatorMembership(coordinatorAddress) when one is given). */
  readonly membership?: WorkerMembership;
  readonly reporter?: StatusReporterOptions;
  readonly log?: WorkerLog;
}

/** A running worker. */
export interface WorkerNode {
  readonly workerId: string;
  /** host:port of its gRPC server. */
  readonly address: string;
  readonly pool: TaskPool;
  readonly membership: WorkerMembership | undefined;
  /** Leaves the cluster, cancels running tasks, stops serving; idempotent. */
  stop(): Promise<void>;
}

/** The Loch version a worker advertises. */
export const LOCH_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

/** Starts a worker: binds its gRPC server, starts its task threads and joins the cluster. */
export async function startWorkerNode(options: WorkerNodeOptions): Promise<WorkerNode> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? stderrLog();
  if (options.cacheMb !== undefined) configureColumnCache({ maxBytes: options.cacheMb * 1024 * 1024 });
  await mkdir(options.shuffleRoot, { recursive: true });
  const shuffle = new ShuffleService(options.shuffleRoot);
  const server = new grpc.Server({ 'grpc.max_send_message_length': 16 * ARROW_CHUNK_BYTES + 1024, 'grpc.max_receive_message_length': 256 << 20 });
  let env: TaskThreadEnvironment | undefined;
  const pool = new TaskPool({
    ...(options.slots !== undefined ? { threads: options.slots } : {}),
    ...(options.threadMemoryMb !== undefined ? { threadMemoryMb: options.threadMemoryMb } : {}),
    onThreadError: (e) => log('error', 'task_thread_failed', { error: e instanceof Error ? e.message : String(e) }),
  });
  // The worker id names the port, known only once bound; the reporter reads it at report time.
  let workerId = '';
  const reporter = new StatusReporter('', log, options.reporter);
  const service = new WorkerTaskService({
    pool, reporter, shuffle, log,
    environment: () => {
      if (env === undefined) throw new Error('the worker is not serving yet');
      return env;
    },
    ...(options.coordinatorAddress !== undefined ? { defaultCoordinator: options.coordinatorAddress } : {}),
  });
  server.addService(grpcServiceDefinition('WorkerService'), service.handlers());
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      server.bindAsync(`${host}:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
    });
  } catch (e) {
    await pool.close();
    throw e;
  }
  workerId = `w-${host}-${port}-${randomBytes(4).toString('hex')}`;
  reporter.setWorkerId(workerId);
  const address = `${host}:${port}`;
  env = { workerId, workerAddress: address, shuffleRoot: options.shuffleRoot };
  // Register only once the task threads can run tasks (their first import takes seconds).
  try {
    await pool.warmUp();
  } catch (e) {
    server.forceShutdown();
    await pool.close();
    throw e;
  }
  const membership = options.membership ?? (options.coordinatorAddress !== undefined ? new CoordinatorMembership(options.coordinatorAddress) : undefined);
  membership?.start({
    info: { workerId, host, port, taskSlots: pool.threads, version: LOCH_VERSION },
    load: () => ({ freeSlots: pool.freeSlots, runningTasks: pool.runningTasks() }),
    log,
  });
  log('info', 'worker_serving', { workerId, address, slots: pool.threads, shuffleRoot: options.shuffleRoot });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await membership?.stop();
      await pool.close();
      // Killed reports of the tasks just cancelled get a moment to reach the coordinator.
      await service.drainReports(1000);
      reporter.close();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => { server.forceShutdown(); resolve(); }, 1000);
        server.tryShutdown(() => { clearTimeout(timer); resolve(); });
      });
      // This worker's shuffle files die with it (its id is never reused).
      if (options.removeShuffleOnStop === true) await rm(options.shuffleRoot, { recursive: true, force: true }).catch(() => {});
    })();
    return stopping;
  };
  return { workerId, address, pool, membership, stop };
}
