/**
 * `explainStages`: a staged plan as text, stage by stage (inputs first), each
 * with its task count and input stages, then its operator tree:
 *
 *   Stage 1: partitions=4, inputs=[]
 *     ShuffleWriteExec: stage=1, hash([o_orderkey], 8)
 *       ScanExec: table=orders, columns=[o_orderkey, o_custkey], partitions=4
 *   Stage 2: partitions=8, inputs=[1]
 *     …
 */
import { explainPhysical } from '../physical/explain-physical.ts';
import type { QueryStage } from './stage-cutter.ts';

/** The stages of a distributed query as indented text (EXPLAIN, golden plan files). */
export function explainStages(stages: readonly QueryStage[]): string {
  const lines: string[] = [];
  for (const s of stages) {
    lines.push(`Stage ${s.stageId}: partitions=${s.partitions}, inputs=[${s.inputStageIds.join(', ')}]`);
    for (const l of explainPhysical(s.plan).split('\n')) lines.push(`  ${l}`);
  }
  return lines.join('\n');
}
