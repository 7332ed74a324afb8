/**
 * dbgen's random number streams: Park & Miller's "minimal standard" Lehmer
 * generator (seed' = seed * 16807 mod 2^31-1), one independent stream per
 * generated column, each with its own starting seed (see seeds.ts).
 *
 * Row discipline (dbgen `row_start`/`row_stop`): every stream owns a fixed
 * budget of draws per row (`perRow`). A row may use fewer; when the row ends
 * the stream is advanced past the unused draws, so row n always starts at draw
 * n * perRow. That is what lets a generator start at any row (`advanceRows`)
 * and produce the same values as a run from row 1.
 *
 * Arithmetic: one step uses Schrage's method (int32 operations only; a
 * floating-point `%` is four times slower in V8). Skipping ahead multiplies
 * by 16807^n mod 2^31-1 with a split multiplication that stays below 2^53.
 */
import type { Distribution } from './distributions.ts';

/** The generator's modulus, 2^31 - 1 (also dbgen's `dM`). */
export const MODULUS = 2147483647;
const MULTIPLIER = 16807;
/** Schrage's decomposition of the modulus: MODULUS = 16807 * 127773 + 2836. */
const SCHRAGE_Q = 127773;
const SCHRAGE_R = 2836;

/** The next seed after `s` (0 < s < 2^31-1): s * 16807 mod 2^31-1, by Schrage's method. */
export function nextSeed(s: number): number {
  const hi = (s / SCHRAGE_Q) | 0;
  const t = MULTIPLIER * (s - hi * SCHRAGE_Q) - SCHRAGE_R * hi;
  return t > 0 ? t : t + MODULUS;
}

/** (a * b) mod 2^31-1 for 0 <= a, b < 2^31, exact in doubles. */
export function mulMod(a: number, b: number): number {
  const high = Math.floor(b / 65536);
  const low = b - high * 65536;
  const r = ((a * high) % MODULUS) * 65536 + a * low;
  return r % MODULUS;
}

/** The seed after `count` more draws from `seed` (dbgen `NthElement`). */
export function advanceSeed(seed: number, count: number): number {
  let z = seed;
  let mult = MULTIPLIER;
  let n = count;
  while (n > 0) {
    if (n % 2 === 1) z = mulMod(mult, z);
    n = Math.floor(n / 2);
    mult = mulMod(mult, mult);
  }
  return z;
}

/** One column's random stream with dbgen's per-row draw budget. */
export class RandomStream {
  seed: number;
  usage = 0;
  readonly perRow: number;

  constructor(seed: number, perRow: number) {
    this.seed = seed;
    this.perRow = perRow;
  }

  /**
   * A value uniform in [low, high] (dbgen `UnifInt`): scales the new seed by
   * the range in double precision and truncates, exactly as the C code does.
   */
  nextInt(low: number, high: number): number {
    const s = nextSeed(this.seed);
    this.seed = s;
    this.usage++;
    return low + Math.trunc((s / MODULUS) * (high - low + 1));
  }

  /**
   * dbgen's draw over [0, MAX_LONG] for random alphanumerics: its range
   * computation overflows 32-bit arithmetic to -2^31, so the value is the
   * seed scaled by -2^31 (a negative number). Reproduced on purpose.
   */
  nextAlphaBits(): number {
    const s = nextSeed(this.seed);
    this.seed = s;
    this.usage++;
    return Math.trunc((s / MODULUS) * -2147483648);
  }

  /** Index of a member picked by weight (dbgen `pick_str`). */
  pick(d: Distribution): number {
    return d.pickTable[this.nextInt(1, d.totalWeight)] as number;
  }

  /** Ends the current row: skips the draws of the budget this row did not use. */
  rowFinished(): void {
    let skip = this.perRow - this.usage;
    this.usage = 0;
    if (skip <= 0) return;
    if (skip > 16) {
      this.seed = advanceSeed(this.seed, skip);
      return;
    }
    let s = this.seed;
    while (skip-- > 0) s = nextSeed(s);
    this.seed = s;
  }

  /** Skips `rows` whole rows (used to start a chunk in the middle of a table). */
  advanceRows(rows: number): void {
    if (this.usage !== 0) this.rowFinished();
    this.seed = advanceSeed(this.seed, this.perRow * rows);
  }
}
