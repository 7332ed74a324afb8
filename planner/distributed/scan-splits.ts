/**
 * Concrete scan splits: each scan whose TableScanner can enumerate its pieces
 * (files, Parquet row groups, Delta add files) gets `splits`, the pieces
 * bin-packed into partitions of about `targetBytes`, one partition per task.
 * A scanner without `splits()` keeps one partition that reads everything.
 *
 * Packing is next-fit in the scanner's order (files stay contiguous, the
 * result is deterministic); a piece larger than the target gets a partition
 * of its own. With the cluster's slot count (`parallelism`), a scan smaller than
 * slots x target is cut into at most one partition per slot, contiguous and of
 * near-equal bytes (`balancedSplits`): every slot gets work, and no task is left
 * over for a second wave (6 equal row groups on 4 slots: 1, 2, 1, 2, not 6 tasks).
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
 * Pieces cut, in order, into at most `parts` contiguous partitions of near-equal bytes: each
 * piece goes to the partition its byte midpoint falls in (empty partitions are dropped).
 */
export function balancedSplits(pieces: readonly ScanSplit[], parts: number): ScanSplit[][] {
  const total = pieces.reduce((n, s) => n + s.sizeBytes, 0);
  if (parts <= 1 || total <= 0) return pieces.length > 0 ? [[...pieces]] : [];
  const out: ScanSplit[][] = Array.from({ length: parts }, () => []);
  let before = 0;
  for (const piece of pieces) {
    const at = Math.min(parts - 1, Math.floor(((before + piece.sizeBytes / 2) * parts) / total));
    out[at]!.push(piece);
    before += piece.sizeBytes;
  }
  return out.filter((p) => p.length > 0);
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
      const target = splitTarget(total, targetBytes, parallelism);
      const packed = target < targetBytes ? balancedSplits(pieces, Math.ceil(total / target)) : binPackSplits(pieces, target);
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

/**
 * Per partition of a stage, what its task scans — table, files and row groups of every split
 * scan in the stage — as one string, or undefined when the stage scans no split data (the
 * scheduler prefers the worker that scanned the same key last: its column cache holds it).
 */
export function scanLocalityKeys(plan: PhysicalPlan, partitions: number): (string | undefined)[] | undefined {
  const scans: ScanSplit[][][] = [];
  const names: string[] = [];
  const visit = (p: PhysicalPlan): void => {
    if (p.kind === 'scan' && p.splits !== undefined) { scans.push(p.splits as ScanSplit[][]); names.push(p.tableName); }
    for (const c of physicalChildren(p)) visit(c);
  };
  visit(plan);
  if (scans.length === 0) return undefined;
  return Array.from({ length: partitions }, (_, part) => {
    const pieces = scans.map((splits, s) => `${names[s]}:${(splits[part] ?? []).map((x) => `${x.path}#${x.rowGroups?.join('.') ?? ''}@${x.offset ?? ''}`).join(',')}`);
    return pieces.join('|');
  });
}
