/**
 * Recursive re-partitioning of spilled hash partitions (issue 7, SF 10 under a cap).
 *
 * A grace join or a spilling aggregate splits its rows into 2^k partitions by
 * the top bits of the key hash (level 0). A partition that still does not fit
 * the memory budget is split again at level 1, 2, … with the hash remixed by a
 * level-dependent seed: rows of one level-0 partition share their top bits,
 * the remixed hash spreads them over fresh partitions. The remix is a
 * bijection of the 32-bit hash, so only rows with an identical key hash
 * (nearly always an identical key: skew) can never be separated; callers stop
 * after MAX_SPILL_LEVEL levels or when a split does not shrink the partition,
 * then run the partition in memory if it fits the whole budget, or fail with
 * 53200 (out of memory) naming the operator.
 */
import { LochError } from '../../../core/index.ts';
import { avalanche } from '../../kernels/hash.ts';

/** Deepest re-partitioning level (level 0 is the first split): 32^4 partitions for a join. */
export const MAX_SPILL_LEVEL = 3;

/** The hash of level `level` (level 0: the key hash itself). */
export function levelHash(h: number, level: number): number {
  if (level === 0) return h;
  // murmur3's finalizer over the hash xor a per-level odd constant: a bijection, so distinct hashes stay distinct
  return avalanche((h ^ Math.imul(level, 0x9e3779b9)) >>> 0);
}

/** Partition numbers of `count` hashes at `level`, for 2^(32 - shift) partitions, into `out`. */
export function partitionNumbers(hashes: Uint32Array, count: number, level: number, shift: number, out: Int32Array): void {
  if (level === 0) {
    for (let i = 0; i < count; i++) out[i] = hashes[i]! >>> shift;
    return;
  }
  for (let i = 0; i < count; i++) out[i] = levelHash(hashes[i]!, level) >>> shift;
}

/**
 * Bytes an in-memory pass over a spilled partition of `bytes` on disk and `rows`
 * rows needs: the decoded batches (about their IPC size) plus a hash table's
 * per-row arrays (hash, chain link, group id: 16 bytes a row, generously).
 */
export function partitionMemoryEstimate(bytes: number, rows: number): number {
  return bytes + rows * 16;
}

/**
 * The room a partition may take: what the budget has left, but at least an
 * eighth of it (other operators of the task may hold the rest for a while; a
 * partition split down to nothing would only multiply files).
 */
export function partitionRoom(limitBytes: number, usedBytes: number): number {
  return Math.max(limitBytes - usedBytes, limitBytes / 8);
}

/** The 53200 error of a partition that cannot be split further and does not fit the budget. */
export function partitionTooBig(what: string, bytes: number, rows: number, level: number, limitBytes: number): LochError {
  const mib = (n: number) => `${(n / (1 << 20)).toFixed(1)} MiB`;
  return new LochError('53200',
    `${what}: a spilled partition of ${rows} rows (${mib(bytes)}) still exceeds the memory budget of ${mib(limitBytes)} ` +
    `after ${level} re-partitioning level(s) (many rows share one key); raise loch.memory_limit_bytes`);
}
