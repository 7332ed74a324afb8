/**
 * `startCoordinator`: one coordinator process's gRPC server — QueryService for clients,
 * ClusterService for workers — over a membership, a leader election and the composition
 * root's own SQL engine. Free of worker imports: the CLI injects the constant evaluator,
 * the row functions and the engine factory.
 *
 *   clients ──QueryService──►  QueryService ── engineFactory(session, executor) ─► SqlEngine ─► DistributedExecutor
 *   workers ──ClusterService─► registrar (embedded) / taskStatus ─────────────────────────────► ClusterScheduler ─► workers
 *   membership ─► ClusterScheduler;  leadership lost ─► running jobs fail with 57P01 (retryable)
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { LochError, SqlState } from '../../core/index.ts';
import type { ConstantEvaluator, DistributionOptions } from '../../planner/index.ts';
import { grpcServiceDefinition } from '../../proto/index.ts';
import type { QueryEngine } from '../query-engine.ts';
import type { ExecutionGraphOptions } from '../scheduler/index.ts';
import type { PlanExecutor } from '../sql-engine.ts';
import type { RowFunctionsFactory } from '../table-dml.ts';
import { ClusterScheduler } from './cluster-scheduler.ts';
import { clusterServiceHandlers } from './cluster-service.ts';
import { DistributedExecutor } from './distributed-executor.ts';
import { EmbeddedLeadership, LEADERSHIP_LOST_SQLSTATE, type LeaderElection } from './leadership.ts';
import { type ClusterMembership, type WorkerRegistrar, workerAddress } from './membership.ts';
import { QueryService, type QuerySession } from './query-service.ts';
import { WorkerClients } from './worker-clients.ts';

/** Options of startCoordinator. */
export interface CoordinatorNodeOptions {
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** gRPC port (default 7077; 0 picks a free one). */
  readonly grpcPort?: number;
  /** Host workers and clients reach this coordinator at (default `host`, or 127.0.0.1 for 0.0.0.0). */
  readonly advertisedHost?: string;
  readonly coordinatorId?: string;
  readonly membership: ClusterMembership;
  /** Default: EmbeddedLeadership (always leader). */
  readonly leadership?: LeaderElection;
  /**
   * The registrar of worker registrations and heartbeats; default: the membership when it is
   * one (HeartbeatMembership), else none (etcd: workers join through their etcd keys).
   */
  readonly registrar?: WorkerRegistrar;
  /** The query engine of one request, running plans with `executor` (e.g. a SqlEngine over the CLI's catalog). */
  readonly engineFactory: (session: QuerySession, executor: PlanExecutor) => QueryEngine | Promise<QueryEngine>;
  readonly evaluateConstant: ConstantEvaluator;
  readonly rowFunctions: RowFunctionsFactory;
  readonly distribution?: Partial<DistributionOptions>;
  /** Runs plans that cannot be shipped to workers in this process (DistributedExecutorOptions.localFallback). */
  readonly localFallback?: PlanExecutor;
  /** Settings every task gets. */
  readonly taskSettings?: Readonly<Record<string, string>>;
  readonly graph?: ExecutionGraphOptions;
  /** How long a job waits for the cluster's first worker before failing with 53000 (default 60 000 ms). */
  readonly noWorkersTimeoutMs?: number;
  /** Progress events interval of ExecuteQuery (default 1000 ms). */
  readonly progressIntervalMs?: number;
  /** Structured log sink (one object per event); default: quiet. */
  readonly log?: (event: Record<string, unknown>) => void;
}

/** A running coordinator. */
export interface CoordinatorNode {
  readonly coordinatorId: string;
  /** host:port of the gRPC server (QueryService and ClusterService). */
  readonly address: string;
  readonly executor: DistributedExecutor;
  readonly scheduler: ClusterScheduler;
  readonly queries: QueryService;
  /** Stops serving: running queries fail (57P01, retryable), leadership is resigned, membership closed. */
  stop(): Promise<void>;
}

function isRegistrar(m: object): m is WorkerRegistrar {
  return typeof (m as Partial<WorkerRegistrar>).register === 'function' && typeof (m as Partial<WorkerRegistrar>).heartbeat === 'function';
}

/** Starts a coordinator; resolves once its gRPC server listens and membership is loaded. */
export async function startCoordinator(options: CoordinatorNodeOptions): Promise<CoordinatorNode> {
  const host = options.host ?? '127.0.0.1';
  const coordinatorId = options.coordinatorId ?? `coordinator-${randomUUID().slice(0, 8)}`;
  const log = options.log ?? (() => {});
  const membership = options.membership;
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 64 << 20, 'grpc.max_send_message_length': 64 << 20 });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host.includes(':') ? `[${host}]` : host}:${options.grpcPort ?? 7077}`, grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
  }).catch((e: unknown) => {
    throw new LochError(SqlState.ioError, `coordinator cannot listen on ${host}:${options.grpcPort ?? 7077}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  });
  const advertised = options.advertisedHost ?? (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
  const address = workerAddress({ host: advertised, port });
  const leadership = options.leadership ?? new EmbeddedLeadership(address);
  const clients = new WorkerClients();
  const scheduler = new ClusterScheduler({
    membership, clients, coordinatorAddress: () => address, log,
    ...(options.taskSettings !== undefined ? { taskSettings: options.taskSettings } : {}),
    ...(options.graph !== undefined ? { graph: options.graph } : {}),
    ...(options.noWorkersTimeoutMs !== undefined ? { noWorkersTimeoutMs: options.noWorkersTimeoutMs } : {}),
  });
  const executor = new DistributedExecutor({
    scheduler, clients, workerAddress: (id) => { const w = membership.worker(id); return w === undefined ? undefined : workerAddress(w); },
    evaluateConstant: options.evaluateConstant, rowFunctions: options.rowFunctions,
    // Scans are not split down to one task per slot by default (DistributionOptions.parallelism stays
    // for clusters with more cores than files). Measured again with the per-worker shared column cache
    // (TPC-H SF 1, 2 workers x 2 slots on 2 cores, Q1/3/6/12/14/19 warm, CPU of all processes, paired
    // runs at load ~15): 128 MB splits 6.5 s, one split per slot (lineitem 4 tasks) 8.2 s, before the
    // shared cache 6.3 s. With 2 cores, 2 scan tasks already keep both busy; more tasks add per-task cost.
    ...(options.distribution !== undefined ? { distribution: options.distribution } : {}),
    ...(options.localFallback !== undefined ? { localFallback: options.localFallback } : {}),
  });
  const queries = new QueryService({
    coordinatorId, leadership, log,
    engineFactory: (session) => options.engineFactory(session, executor),
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
    cluster: () => ({
      jobs: scheduler.runningJobs(),
      workers: membership.workers().map((w) => ({
        workerId: w.workerId, host: w.host, port: w.port, taskSlots: w.taskSlots, version: w.version ?? '',
        freeSlots: scheduler.freeSlots(w.workerId) ?? w.taskSlots, lastHeartbeatMs: membership.lastSeenMs(w.workerId) ?? 0,
      })),
    }),
  });
  const registrar = options.registrar ?? (isRegistrar(membership) ? membership : undefined);
  server.addService(grpcServiceDefinition('QueryService'), queries.handlers() as unknown as grpc.UntypedServiceImplementation);
  server.addService(grpcServiceDefinition('ClusterService'), clusterServiceHandlers({
    ...(registrar !== undefined ? { registrar } : {}), log, taskStatus: (s) => scheduler.taskStatus(s),
  }) as unknown as grpc.UntypedServiceImplementation);

  const offLeadership = leadership.onChange((leader) => {
    log({ event: leader ? 'leadership_acquired' : 'leadership_lost', coordinatorId });
    if (!leader) {
      scheduler.failAll({ sqlState: LEADERSHIP_LOST_SQLSTATE, message: `coordinator ${coordinatorId} lost leadership; resubmit the query`, retryable: true });
    }
  });
  try {
    await membership.start();
    scheduler.start();
    await leadership.start();
  } catch (e) {
    offLeadership();
    scheduler.close();
    clients.close();
    server.forceShutdown();
    throw e;
  }
  log({ event: 'coordinator_started', coordinatorId, address });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      offLeadership();
      scheduler.close({ sqlState: LEADERSHIP_LOST_SQLSTATE, message: `coordinator ${coordinatorId} is shutting down; resubmit the query`, retryable: true });
      // Let the failed queries' streams carry their error before the server goes.
      await new Promise((r) => setTimeout(r, 50));
      queries.cancelAll();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => { server.forceShutdown(); resolve(); }, 2000);
        server.tryShutdown(() => { clearTimeout(timer); resolve(); });
      });
      await scheduler.drain();
      await leadership.close();
      await membership.close();
      clients.close();
      log({ event: 'coordinator_stopped', coordinatorId });
    })();
    return stopped;
  };
  return { coordinatorId, address, executor, scheduler, queries, stop };
}
