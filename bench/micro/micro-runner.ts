/**
 * The micro-benchmarks' shared runner: a benchmark prepares its input once, then
 * `measure` runs its body a few times and prints the best rows/s (the first
 * repetition includes JIT warm-up, so the best of several is the steady state).
 */

/** One micro-benchmark: a name and an async body that reports lines through `log`. */
export interface MicroBenchmark {
  readonly name: string;
  readonly description: string;
  run(log: (line: string) => void): Promise<void>;
}

/** Runs `body` (which processes `rows` rows) `reps` times; logs and returns the best rows/s. */
export async function measure(log: (line: string) => void, label: string, rows: number, body: () => unknown, reps = 5): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await body();
    best = Math.min(best, performance.now() - t0);
  }
  const perSecond = rows / (best / 1000);
  log(`${label.padEnd(44)} ${(perSecond / 1e6).toFixed(1).padStart(8)} M rows/s  (${rows} rows, best of ${reps}: ${best.toFixed(1)} ms)`);
  return perSecond;
}

/** Deterministic pseudo-random integers in [0, range) (xorshift), so runs compare. */
export function randomInts(count: number, range: number, seed = 42): Int32Array {
  const out = new Int32Array(count);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x % range;
  }
  return out;
}
