/**
 * What every table generator needs: the scale's counts, the distributions of
 * dists.dss, and the shared text pool; plus the row range to produce.
 */
import { type Distributions, loadDistributions, DEFAULT_DISTS_PATH } from './distributions.ts';
import { textPool } from './text-pool.ts';
import { type TpchScale, tpchScale } from './scale.ts';

/** Inputs of one generator run. */
export interface GenContext {
  readonly scale: TpchScale;
  readonly dists: Distributions;
  /** The 300 MiB comment text pool. */
  readonly pool: Uint8Array;
}

/** A contiguous range of driving rows (1-based), e.g. orders for lineitem, parts for partsupp. */
export interface RowRange {
  readonly first: number;
  readonly count: number;
}

/** Builds the context for scale factor `sf`, reading dists.dss from `distsPath`. */
export function genContext(sf: number, distsPath: string = DEFAULT_DISTS_PATH): GenContext {
  const scale = tpchScale(sf);
  const dists = loadDistributions(distsPath);
  return { scale, dists, pool: textPool(dists) };
}

/**
 * The k-th (0-based) of `parts` contiguous chunks of `total` rows, split as
 * dbgen's -C/-S does: every chunk gets floor(total / parts) rows and the last
 * one also gets the remainder.
 */
export function chunkRange(total: number, part: number, parts: number): RowRange {
  const per = Math.floor(total / parts);
  const first = part * per + 1;
  const count = part === parts - 1 ? total - part * per : per;
  return { first, count };
}
