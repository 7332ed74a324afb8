/**
 * Turns a stage plan's UnresolvedShuffleExec leaves into ShuffleReadExecs once
 * the scheduler knows where the input stages' map outputs are. Reduce task p
 * reads, from every map task, output partition p of a hash/round-robin
 * exchange, or output partition 0 of a single/broadcast one (a broadcast is
 * read whole by every task).
 */
import { LochError, SqlState } from '../../core/index.ts';
import { type PhysicalPlan, physicalChildren } from '../physical/physical-plan.ts';
import type { ShuffleLocation, ShuffleReadExec } from './exchange-exec.ts';
import { withPhysicalChildren } from './insert-exchanges.ts';

/**
 * Resolves every UnresolvedShuffleExec of a stage with `partitions` tasks;
 * `outputs(stageId)` lists every shuffle file that input stage wrote.
 * `onlyPartition`: the plan is for that one task, so the other partitions'
 * reads (and scan splits) are left empty — a task definition then carries
 * its own files, not every task's (with P tasks over M map outputs that was
 * M × P locations per task, M × P² per stage to encode and decode).
 */
export function resolveShuffleReads(
  plan: PhysicalPlan, partitions: number, outputs: (stageId: number) => readonly ShuffleLocation[], onlyPartition?: number,
): PhysicalPlan {
  const visit = (p: PhysicalPlan): PhysicalPlan => {
    if (p.kind === 'scan' && onlyPartition !== undefined && p.splits !== undefined) {
      return { ...p, splits: p.splits.map((s, i) => (i === onlyPartition ? s : [])) };
    }
    if (p.kind !== 'unresolved_shuffle') return withPhysicalChildren(p, physicalChildren(p).map(visit));
    const keyed = p.partitioning.kind === 'hash' || p.partitioning.kind === 'round_robin';
    if (keyed && p.partitionCount !== partitions) {
      throw new LochError(SqlState.internalError, `stage ${p.stageId} wrote ${p.partitionCount} partitions but its reader runs ${partitions} tasks`);
    }
    const files = outputs(p.stageId);
    const byPartition: ShuffleLocation[][] = Array.from({ length: partitions }, () => []);
    for (const f of files) {
      if (keyed) {
        if (onlyPartition === undefined || f.outputPartition === onlyPartition) byPartition[f.outputPartition]?.push(f);
      } else if (onlyPartition !== undefined) byPartition[onlyPartition]?.push(f);
      else for (const target of byPartition) target.push(f);
    }
    const read: ShuffleReadExec = {
      kind: 'shuffle_read', nodeId: p.nodeId, columns: p.columns, ...(p.rowEstimate !== undefined ? { rowEstimate: p.rowEstimate } : {}),
      stageId: p.stageId, partitioning: p.partitioning, partitions: byPartition,
    };
    return read;
  };
  return visit(plan);
}
