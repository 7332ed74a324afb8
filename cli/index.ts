/** cli/: the `loch` command and the composition root. Other folders import only this file. */
export { createLocalEngine, type LocalEngineOptions } from './local-engine.ts';
export { writeTpchParquet } from './tpch-dataset.ts';
export { startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from './embedded-cluster.ts';
