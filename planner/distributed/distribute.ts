/**
 * Distributed planning in one call: concrete scan splits → exchanges → stages.
 *
 *   physical plan ──assignScanSplits──► scans with splits ──insertExchanges──► plan with ExchangeExecs
 *                 ──cutStages──► QueryStage[] (ShuffleWrite roots, UnresolvedShuffle leaves)
 */
import type { PhysicalPlan } from '../physical/physical-plan.ts';
import { DEFAULT_DISTRIBUTION_OPTIONS, type DistributionOptions } from './distribution.ts';
import { insertExchanges } from './insert-exchanges.ts';
import { assignScanSplits } from './scan-splits.ts';
import { type QueryStage, cutStages } from './stage-cutter.ts';

/** Plans a physical plan into stages; options default to DEFAULT_DISTRIBUTION_OPTIONS. */
export async function planStages(plan: PhysicalPlan, options: Partial<DistributionOptions> = {}): Promise<QueryStage[]> {
  const o: DistributionOptions = { ...DEFAULT_DISTRIBUTION_OPTIONS, ...options };
  const split = await assignScanSplits(plan, o.targetSplitBytes);
  return cutStages(insertExchanges(split, o));
}
