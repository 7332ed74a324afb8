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
 * `coalesced`: the partitions a coalesced task reads (with `onlyPartition`, which is among
 * them): their files of every partition-wise read go to `onlyPartition`'s reads, so one task
 * computes them all (the stage must have no scan splits: see `coalescibleInputs`).
 */
export function resolveShuffleReads(
  plan: PhysicalPlan, partitions: number, outputs: (stageId: number) => readonly ShuffleLocation[], onlyPartition?: number,
  coalesced?: readonly number[],
): PhysicalPlan {
  const group = onlyPartition !== undefined && coalesced !== undefined && coalesced.length > 1 ? new Set(coalesced) : undefined;
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
        if (group !== undefined) {
          if (group.has(f.outputPartition)) byPartition[onlyPartition!]!.push(f);
        } else if (onlyPartition === undefined || f.outputPartition === onlyPartition) byPartition[f.outputPartition]?.push(f);
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

/**
 * The input stages a stage reads partition-wise (hash or round-robin exchanges) when its tasks
 * may be coalesced, one task reading several adjacent reduce partitions: each such read then
 * just gets more files, and broadcast/single reads are whole in every task anyway. Undefined
 * when a scan has splits (its task's partition picks them) or nothing is read partition-wise.
 */
export function coalescibleInputs(plan: PhysicalPlan): number[] | undefined {
  const ids = new Set<number>();
  let splitScan = false;
  const visit = (p: PhysicalPlan): void => {
    if (p.kind === 'scan' && p.splits !== undefined) splitScan = true;
    if (p.kind === 'unresolved_shuffle' && (p.partitioning.kind === 'hash' || p.partitioning.kind === 'round_robin')) ids.add(p.stageId);
    for (const c of physicalChildren(p)) visit(c);
  };
  visit(plan);
  return splitScan || ids.size === 0 ? undefined : [...ids];
}
