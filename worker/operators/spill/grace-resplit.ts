/**
 * Grace hash join partitions that fit: a spilled (build, probe) partition pair
 * whose build side would not fit the memory budget is split again, both sides
 * with the same level-dependent hash (repartition.ts), and each sub-pair is
 * handled the same way, down to MAX_SPILL_LEVEL. Equal keys stay together at
 * every level, so joining the yielded pairs one by one is the whole join.
 */
import type * as arrow from 'apache-arrow';
import type { Batch, BatchField } from '../../../core/index.ts';
import { type ExecutionContext, type OperatorMetrics, checkCancelled } from '../physical-operator.ts';
import { HashPartitionSpill, deletePartitionFiles } from './hash-partition-spill.ts';
import { MAX_SPILL_LEVEL, partitionMemoryEstimate, partitionRoom, partitionTooBig } from './repartition.ts';
import { type SpillFile, readSpillFile } from './spill-file.ts';

/** One partition of both join inputs (null: no rows on that side). */
export interface GracePair {
  readonly build: SpillFile | null;
  readonly probe: SpillFile | null;
}

/** How a pair is split again. */
export interface GraceSplit {
  readonly buildFields: readonly BatchField[];
  readonly probeFields: readonly BatchField[];
  /** The partitioning key columns of a build / probe batch (the same hash on both sides). */
  readonly buildKeys: (b: Batch) => arrow.Data[];
  readonly probeKeys: (b: Batch) => arrow.Data[];
  readonly partitions: number;
  /** Build rows without a probe partner are still emitted (RIGHT / FULL joins). */
  readonly keepsBuild: boolean;
  /** Spill file label and the operator's name in errors, e.g. `join7`. */
  readonly label: string;
}

function nextPowerOfTwo(n: number): number {
  let p = 2;
  while (p < n) p *= 2;
  return p;
}

async function splitFile(ctx: ExecutionContext, file: SpillFile | null, fields: readonly BatchField[], keys: (b: Batch) => arrow.Data[],
  label: string, partitions: number, level: number): Promise<{ files: (SpillFile | null)[]; bytes: number }> {
  if (file === null) return { files: new Array<SpillFile | null>(partitions).fill(null), bytes: 0 };
  const out = new HashPartitionSpill(ctx.spill!, fields, keys, label, partitions, level);
  try {
    for await (const b of readSpillFile(file)) {
      checkCancelled(ctx);
      out.write(b);
    }
    const files = out.finish();
    return { files, bytes: out.bytes };
  } catch (e) {
    out.abandon();
    throw e;
  }
}

/**
 * Yields pairs whose build side fits (the caller joins each, then resumes the
 * generator); `pair` as is when it fits. Files of sub-pairs are deleted once
 * the caller resumes; a pair that was split has its own files deleted at once.
 * A pair that cannot shrink (one key) or is at the deepest level is yielded if
 * it fits the whole budget and fails with 53200 otherwise.
 */
export async function* fittingPairs(
  ctx: ExecutionContext, metrics: OperatorMetrics, pair: GracePair, split: GraceSplit, level = 1,
): AsyncGenerator<GracePair> {
  const b = pair.build;
  const need = b === null ? 0 : partitionMemoryEstimate(b.bytes, b.rows);
  const limit = ctx.memory.limitBytes;
  if (b === null || ctx.spill === undefined || need <= partitionRoom(limit, ctx.memory.usedBytes)) { yield pair; return; }
  if (level > MAX_SPILL_LEVEL) {
    if (need > limit) throw partitionTooBig(`hash join ${split.label}`, b.bytes, b.rows, level - 1, limit);
    yield pair;
    return;
  }
  // Just enough sub-partitions for each to fit with room to spare: every file costs a schema and an IPC reader.
  const fanOut = Math.min(split.partitions, nextPowerOfTwo(Math.ceil((2 * need) / partitionRoom(limit, ctx.memory.usedBytes))));
  let builds: (SpillFile | null)[] = [];
  let probes: (SpillFile | null)[] = [];
  try {
    const sb = await splitFile(ctx, b, split.buildFields, split.buildKeys, `${split.label}-build-l${level}`, fanOut, level);
    builds = sb.files;
    const sp = await splitFile(ctx, pair.probe, split.probeFields, split.probeKeys, `${split.label}-probe-l${level}`, fanOut, level);
    probes = sp.files;
    metrics.spilledBytes = (metrics.spilledBytes ?? 0) + sb.bytes + sp.bytes;
    deletePartitionFiles([b, pair.probe]);
    // All rows in one sub-partition: they share their hash (one key), splitting again is pointless.
    const undividable = builds.some((f) => f !== null && f.rows === b.rows);
    for (let p = 0; p < fanOut; p++) {
      checkCancelled(ctx);
      const sub = { build: builds[p]!, probe: probes[p]! };
      if (sub.probe !== null || (split.keepsBuild && sub.build !== null)) {
        yield* fittingPairs(ctx, metrics, sub, split, undividable ? MAX_SPILL_LEVEL + 1 : level + 1);
      }
      deletePartitionFiles([sub.build, sub.probe]);
      builds[p] = probes[p] = null;
    }
  } finally {
    deletePartitionFiles(builds);
    deletePartitionFiles(probes);
  }
}
