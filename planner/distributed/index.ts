/** planner/distributed: partitioning declarations, exchange insertion, scan splits, stage cutting, EXPLAIN of stages. */
export type {
  ExchangeExec, ExchangePartitioning, ShuffleLocation, ShuffleReadExec, ShuffleWriteExec, UnresolvedShuffleExec, DistributionExec,
} from './exchange-exec.ts';
export {
  DEFAULT_DISTRIBUTION_OPTIONS, MIN_SPLIT_BYTES, estimatedBytes, exprEquals, outputPartitioning, partitionCount, requiredDistribution, satisfies, taskCount,
  type Distribution, type DistributionOptions, type OutputPartitioning,
} from './distribution.ts';
export { insertExchanges, withPhysicalChildren } from './insert-exchanges.ts';
export { assignScanSplits, binPackSplits, scanLocalityKeys, splitTarget } from './scan-splits.ts';
export { cutStages, type QueryStage } from './stage-cutter.ts';
export { coalescibleInputs, resolveShuffleReads } from './resolve-shuffles.ts';
export { explainStages } from './explain-stages.ts';
export { distributionOptions, planStages } from './distribute.ts';
