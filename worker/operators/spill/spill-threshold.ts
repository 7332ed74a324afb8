/**
 * The smallest amount an operator writes out at once: half the budget, at most
 * 8 MiB. Without a floor, an operator squeezed by others holding the budget
 * would spill every batch as its own tiny file (too many runs / partitions).
 */
export function minSpillBytes(limitBytes: number): number {
  return Math.min(limitBytes / 2, 8 << 20);
}
