/** worker/server: the worker process: gRPC WorkerService, task status reports, cluster membership. */
export { startWorkerNode, LOCH_VERSION, type WorkerNode, type WorkerNodeOptions } from './worker-node.ts';
export { WorkerTaskService, type WorkerServiceOptions } from './worker-service.ts';
export {
  CoordinatorMembership, EtcdMembership, type WorkerMembership, type MemberSelf, type CoordinatorMembershipOptions,
  type EtcdMembershipOptions, type EtcdWorkerRecord,
} from './membership.ts';
export { StatusReporter, clusterClient, type StatusReporterOptions, type ClusterClient } from './status-reporter.ts';
export { stderrLog, silentLog, type WorkerLog } from './worker-log.ts';
