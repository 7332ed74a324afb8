/**
 * Concrete scan splits: each scan whose TableScanner can enumerate its pieces
 * (files, Parquet row groups, Delta add files) gets `splits`, the pieces
 * bin-packed into partitions of about `targetBytes`, one partition per task.
 * A scanner without `splits()` keeps one partition that reads everything.
 *
 * Packing is next-fit in the scanner's order (files stay contiguous, the
 * result is deterministic); a piece larger than the target gets a partition
 * of its own.
 */
import type { ScanSplit } from '../../core/index.ts';
import { type PhysicalPlan, physicalChildren } from '../physical/physical-plan.ts';
import { MIN_SPLIT_BYTES } from './distribution.ts';
import { withPhysicalChildren } from './insert-exchanges.ts';

/** Groups pieces into partitions of at most `targetBytes` each (or one oversized piece). */
export function binPackSplits(pieces: readonly ScanSplit[], targetBytes: number): ScanSplit[][] {
  const out: ScanSplit[][] = [];
  let current: ScanSplit[] = [];
  let bytes = 0;
  for (const piece of pieces) {
    if (current.length > 0 && bytes + piece.sizeBytes > targetBytes) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(piece);
    bytes += piece.sizeBytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * The split size for a scan of `totalBytes`: `targetBytes`, or with `parallelism` slots about
 * totalBytes / parallelism when that is smaller (at least `minBytes`).
 */
export function splitTarget(totalBytes: number, targetBytes: number, parallelism = 0, minBytes = MIN_SPLIT_BYTES): number {
  if (!(parallelism > 1)) return targetBytes;
  return Math.min(targetBytes, Math.max(minBytes, Math.ceil(totalBytes / parallelism)));
}

/** Sets `splits` on every scan whose source can enumerate its pieces. */
export async function assignScanSplits(plan: PhysicalPlan, targetBytes: number, parallelism = 0): Promise<PhysicalPlan> {
  const visit = async (p: PhysicalPlan): Promise<PhysicalPlan> => {
    if (p.kind === 'scan') {
      if (p.source.splits === undefined || p.splits !== undefined) return p;
      const pieces = await p.source.splits();
      const total = pieces.reduce((n, s) => n + s.sizeBytes, 0);
      const packed = binPackSplits(pieces, splitTarget(total, targetBytes, parallelism));
      // No pieces (an empty table): one task that reads nothing.
      return { ...p, splits: packed.length > 0 ? packed : [[]] };
    }
    const children = physicalChildren(p);
    const inputs: PhysicalPlan[] = [];
    for (const c of children) inputs.push(await visit(c));
    return withPhysicalChildren(p, inputs);
  };
  return visit(plan);
}
