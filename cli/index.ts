/** cli/: the `loch` command and the composition root. Other folders import only this file. */
export { createLocalEngine, type LocalEngineOptions } from './local-engine.ts';
export { writeTpchParquet } from './tpch-dataset.ts';
export { startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from './embedded-cluster.ts';
export { startClusterCoordinator, catalogEngine, freePort, type ClusterCoordinator, type ClusterCoordinatorOptions } from './cluster-coordinator.ts';
export { spawnWorker, type WorkerProcess, type WorkerProcessOptions } from './worker-processes.ts';
export { RemoteQueryEngine, clusterStatus, type RemoteEngineOptions, type RemoteProgress } from './remote-engine.ts';
export type { QueryEngine, StatementResult } from '../coordinator/index.ts';
