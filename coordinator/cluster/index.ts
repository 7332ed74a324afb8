/** coordinator/cluster: membership, leader election, the gRPC services and the distributed executor (issue 4). */
export {
  type WorkerInfo, type MembershipListener, type ClusterMembership, type RegistrationResult, type WorkerRegistrar, MembershipListeners,
  workerAddress,
} from './membership.ts';
export { HeartbeatMembership, type HeartbeatMembershipOptions, DEFAULT_LEASE_TTL_MS } from './heartbeat-membership.ts';
export {
  EtcdMembership, type EtcdMembershipOptions, type EtcdWorkerRecord, ETCD_WORKERS_PREFIX, ETCD_WORKER_LEASE_TTL_S, parseWorkerRecord,
} from './etcd-membership.ts';
export {
  type LeaderElection, EmbeddedLeadership, NOT_LEADER_SQLSTATE, LEADERSHIP_LOST_SQLSTATE, notLeaderError,
} from './leadership.ts';
export { EtcdLeaderElection, type EtcdLeaderElectionOptions } from './etcd-leader-election.ts';
export { WorkerClients, type WorkerClientsOptions } from './worker-clients.ts';
export {
  ClusterScheduler, type ClusterSchedulerOptions, type JobOutcome, type RunningJob, COORDINATOR_SETTING, JobFailedError, jobErrorToLochError,
  isRetryableError,
} from './cluster-scheduler.ts';
export { JobMetrics, type StageMetrics, formatBytes } from './job-metrics.ts';
export { resultLocations, readResult, type ResultReadMetrics } from './result-reader.ts';
export { DistributedExecutor, type DistributedExecutorOptions } from './distributed-executor.ts';
export { clusterServiceHandlers, type ClusterServiceDeps } from './cluster-service.ts';
export {
  QueryService, type QueryServiceDeps, type QuerySession, type JobProgressSource, type WorkerStatusSource, jobProgressToWire, errorToWire,
} from './query-service.ts';
export { IpcChunker } from './ipc-chunker.ts';
export { type QueryContext, runInQuery, currentQuery } from './query-context.ts';
export { startCoordinator, type CoordinatorNode, type CoordinatorNodeOptions } from './coordinator-node.ts';
