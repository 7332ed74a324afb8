/**
 * Distributed planning in one call: concrete scan splits → exchanges → stages.
 *
 *   physical plan ──assignScanSplits──► scans with splits ──insertExchanges──► plan with ExchangeExecs
 *                 ──cutStages──► QueryStage[] (ShuffleWrite roots, UnresolvedShuffle leaves)
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { PhysicalPlan } from '../physical/physical-plan.ts';
import { DEFAULT_DISTRIBUTION_OPTIONS, type DistributionOptions } from './distribution.ts';
import { insertExchanges } from './insert-exchanges.ts';
import { assignScanSplits } from './scan-splits.ts';
import { type QueryStage, cutStages } from './stage-cutter.ts';

/** Fills in defaults and rejects nonsense (22023 naming the option). */
export function distributionOptions(options: Partial<DistributionOptions> = {}): DistributionOptions {
  const o: DistributionOptions = { ...DEFAULT_DISTRIBUTION_OPTIONS, ...options };
  const bad = (name: string, value: number, what: string): LochError =>
    new LochError(SqlState.invalidParameterValue, `distribution option ${name} must be ${what}, not ${value}`);
  if (!Number.isInteger(o.shufflePartitions) || o.shufflePartitions < 1) throw bad('shufflePartitions', o.shufflePartitions, 'a positive integer');
  if (!(o.broadcastThresholdBytes >= 0)) throw bad('broadcastThresholdBytes', o.broadcastThresholdBytes, 'zero or more');
  if (!(o.targetSplitBytes > 0)) throw bad('targetSplitBytes', o.targetSplitBytes, 'positive');
  if (o.parallelism !== undefined && !(Number.isInteger(o.parallelism) && o.parallelism >= 0)) throw bad('parallelism', o.parallelism, 'a non-negative integer');
  return o;
}

/** Plans a physical plan into stages; options default to DEFAULT_DISTRIBUTION_OPTIONS. */
export async function planStages(plan: PhysicalPlan, options: Partial<DistributionOptions> = {}): Promise<QueryStage[]> {
  const o = distributionOptions(options);
  const split = await assignScanSplits(plan, o.targetSplitBytes, o.parallelism);
  return cutStages(insertExchanges(split, o));
}
