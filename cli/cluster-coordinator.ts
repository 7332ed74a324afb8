/**
 * The composition root of a coordinator process: the catalog and SQL engine of
 * coordinator/, the distributed executor and gRPC services of coordinator/cluster,
 * the constant evaluator and DML row functions of worker/ (they run in this
 * process), and membership / leadership either embedded (workers heartbeat to
 * this coordinator) or through etcd.
 *
 *   loch coordinator --etcd http://127.0.0.1:2379      (HA: leader election + etcd membership)
 *   loch up                                             (embedded: heartbeat membership, always leader)
 */
import { createServer } from 'node:net';
import path from 'node:path';
import {
  EmbeddedLeadership, EtcdLeaderElection, EtcdMembership, HeartbeatMembership, SessionCatalog, SqlEngine,
  startCoordinator, type ClusterMembership, type CoordinatorNode, type CoordinatorNodeOptions, type LeaderElection, type PlanExecutor, type QueryEngine,
} from '../coordinator/index.ts';
import { openTable } from '../connectors/index.ts';
import type { DistributionOptions } from '../planner/index.ts';
import { evaluateConstant } from '../worker/index.ts';
import { rowFunctions } from './local-engine.ts';

export interface ClusterCoordinatorOptions {
  /** Catalog and managed tables: `<dataDir>/catalog.json`, `<dataDir>/warehouse/`. Coordinators of one cluster share it. */
  readonly dataDir: string;
  readonly host?: string;
  /** gRPC port (default 7077; 0 picks a free one). */
  readonly grpcPort?: number;
  readonly advertisedHost?: string;
  /** etcd endpoints: membership by worker leases and leader election. Without them: embedded. */
  readonly etcd?: readonly string[];
  /** Heartbeat lease of embedded membership (ms; default 10 000). */
  readonly leaseTtlMs?: number;
  readonly distribution?: Partial<DistributionOptions>;
  readonly coordinatorId?: string;
  readonly log?: (event: Record<string, unknown>) => void;
  /** Settings every task gets (e.g. `loch.memory_limit_bytes`, the operators' memory budget per task). */
  readonly taskSettings?: Readonly<Record<string, string>>;
  /** Scheduler policy (retries, run-time coalescing of small reduce partitions). */
  readonly graph?: CoordinatorNodeOptions['graph'];
}

/** A SQL engine over the shared catalog that runs its plans with `executor`. */
export function catalogEngine(dataDir: string, executor: PlanExecutor, settings: Readonly<Record<string, string>> = {}): QueryEngine {
  const dir = path.resolve(dataDir);
  const catalog = new SessionCatalog(openTable, { metastorePath: path.join(dir, 'catalog.json'), warehouseDir: path.join(dir, 'warehouse') });
  return new SqlEngine(catalog, executor, settings);
}

/** A running coordinator and the membership it schedules on. */
export type ClusterCoordinator = CoordinatorNode & { readonly membership: ClusterMembership };

/** Starts a coordinator (resolves once it serves; with etcd, possibly as a standby). */
export async function startClusterCoordinator(options: ClusterCoordinatorOptions): Promise<ClusterCoordinator> {
  const etcd = options.etcd && options.etcd.length > 0 ? [...options.etcd] : undefined;
  const membership: ClusterMembership = etcd
    ? new EtcdMembership({ endpoints: etcd })
    : new HeartbeatMembership(options.leaseTtlMs !== undefined ? { leaseTtlMs: options.leaseTtlMs } : {});
  // An etcd candidate proclaims its address before it serves, so its port must be known up front.
  const grpcPort = options.grpcPort === 0 && etcd ? await freePort(options.host ?? '127.0.0.1') : options.grpcPort;
  const address = `${options.advertisedHost ?? options.host ?? '127.0.0.1'}:${grpcPort ?? 7077}`;
  const leadership: LeaderElection = etcd
    ? new EtcdLeaderElection({ endpoints: etcd, address, ...(options.log ? { log: options.log } : {}) })
    : new EmbeddedLeadership();
  const node = await startCoordinator({
    membership,
    leadership,
    evaluateConstant,
    rowFunctions,
    engineFactory: (session, executor) => catalogEngine(options.dataDir, executor, session.settings),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(grpcPort !== undefined ? { grpcPort } : {}),
    ...(options.advertisedHost !== undefined ? { advertisedHost: options.advertisedHost } : {}),
    ...(options.coordinatorId !== undefined ? { coordinatorId: options.coordinatorId } : {}),
    ...(options.distribution !== undefined ? { distribution: options.distribution } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
    ...(options.taskSettings !== undefined ? { taskSettings: options.taskSettings } : {}),
    ...(options.graph !== undefined ? { graph: options.graph } : {}),
  });
  return Object.assign(node, { membership });
}

/** A TCP port free on `host` right now. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}
