/** bench/micro: micro-benchmarks of the hot kernels, each printing rows/s (`npm run bench -- micro [names]`). */
import type { MicroBenchmark } from './micro-runner.ts';
import { hashIntKeys } from './hash-int-keys.ts';
import { hashStringKeys } from './hash-string-keys.ts';
import { hashJoinProbe } from './hash-join-probe.ts';
import { hashAggregate } from './hash-aggregate.ts';
import { filter } from './filter.ts';
import { parquetLineitem } from './parquet-lineitem.ts';

export type { MicroBenchmark } from './micro-runner.ts';
export { measure } from './micro-runner.ts';

/** Every micro-benchmark, in the order `micro` runs them. */
export const MICRO_BENCHMARKS: readonly MicroBenchmark[] = [hashIntKeys, hashStringKeys, hashJoinProbe, hashAggregate, filter, parquetLineitem];

/** Runs the named micro-benchmarks (all when none); false when a name is unknown. */
export async function runMicroBenchmarks(names: readonly string[], log: (line: string) => void): Promise<boolean> {
  const unknown = names.filter((n) => !MICRO_BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    log(`unknown micro-benchmark ${unknown.join(', ')}; choose from: ${MICRO_BENCHMARKS.map((b) => `${b.name} (${b.description})`).join(', ')}`);
    return false;
  }
  for (const b of MICRO_BENCHMARKS) {
    if (names.length === 0 || names.includes(b.name)) await b.run(log);
  }
  return true;
}
