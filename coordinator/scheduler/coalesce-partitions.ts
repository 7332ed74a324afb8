/**
 * Run-time coalescing of small reduce partitions (after Spark AQE's CoalesceShufflePartitions):
 * once a stage's inputs are complete, the map outputs' sizes say how many bytes each reduce
 * partition will read. A hash exchange into 8 partitions of a few KB each would otherwise cost
 * 8 tasks — each with its fixed launch, plan decoding, file opening and status report — for
 * work one task does in a millisecond. Adjacent partitions are packed greedily up to a target
 * size; a partition above the target stays alone.
 */
import type { MapOutput } from './scheduler-types.ts';

/** Default bytes of map output one coalesced task reads at most (unless one partition alone is larger). */
export const DEFAULT_COALESCE_TARGET_BYTES = 8 << 20;

/** Bytes each of `partitions` reduce partitions reads from `outputs` (the map outputs of its partition-wise inputs). */
export function reducePartitionBytes(partitions: number, outputs: Iterable<MapOutput | undefined>): number[] {
  const sizes = new Array<number>(partitions).fill(0);
  for (const o of outputs) {
    for (const f of o?.partitions ?? []) if (f.outputPartition < partitions) sizes[f.outputPartition]! += f.bytes;
  }
  return sizes;
}

/**
 * Groups of adjacent partitions, in order, each up to `targetBytes` in total (a partition
 * larger than that forms its own group). Every partition is in exactly one group.
 */
export function coalescePartitions(sizes: readonly number[], targetBytes: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (let p = 0; p < sizes.length; p++) {
    const size = sizes[p]!;
    if (current.length > 0 && bytes + size > targetBytes) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(p);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
