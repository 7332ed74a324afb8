/**
 * The nation and region tables (dbgen `mk_nation` / `mk_region`): fixed lists
 * from dists.dss (`nations`, `regions`), whose running weights give
 * n_regionkey, plus a text-pool comment each. They do not scale.
 */
import { Batch } from '../../../core/index.ts';
import { TextColumnBuilder, int32Column } from './columns.ts';
import type { GenContext, RowRange } from './context.ts';
import { type Distribution, distribution } from './distributions.ts';
import { NATION_COMMENT_STREAM, REGION_COMMENT_STREAM, type StreamSpec, openStreams } from './seeds.ts';
import { AVERAGE_LENGTH, appendComment, lengthBounds } from './text-fields.ts';

/** Number of nations (rows of the nation table). */
export function nationCount(ctx: Pick<GenContext, 'dists'>): number {
  return distribution(ctx.dists, 'nations').members.length;
}

/** Number of regions (rows of the region table). */
export function regionCount(ctx: Pick<GenContext, 'dists'>): number {
  return distribution(ctx.dists, 'regions').members.length;
}

function* codeTable(
  ctx: GenContext,
  list: Distribution,
  commentStream: StreamSpec,
  averageComment: number,
  withRegionKey: boolean,
  range: RowRange,
  batchSize: number,
): Generator<Batch> {
  const { comment } = openStreams({ comment: commentStream }, range.first);
  const bounds = lengthBounds(averageComment);
  const end = range.first + range.count;
  for (let start = range.first; start < end; start += batchSize) {
    const n = Math.min(batchSize, end - start);
    const key = new Int32Array(n);
    const regionKey = new Int32Array(n);
    const name = new TextColumnBuilder(n, 25);
    const text = new TextColumnBuilder(n, bounds.max);
    for (let i = 0; i < n; i++) {
      const index = start + i - 1;
      key[i] = index;
      regionKey[i] = list.cumulative[index] as number;
      name.appendBytes(list.memberBytes[index] as Uint8Array);
      appendComment(text, ctx.pool, comment, bounds);
      comment.rowFinished();
    }
    const columns = withRegionKey
      ? [int32Column(key, n), name.finish(), int32Column(regionKey, n), text.finish()]
      : [int32Column(key, n), name.finish(), text.finish()];
    yield new Batch(columns, n);
  }
}

/** Nation rows `range` (1-based positions in dists.dss `nations`). */
export function generateNation(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  return codeTable(ctx, distribution(ctx.dists, 'nations'), NATION_COMMENT_STREAM, AVERAGE_LENGTH.nationComment, true, range, batchSize);
}

/** Region rows `range` (1-based positions in dists.dss `regions`). */
export function generateRegion(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  return codeTable(ctx, distribution(ctx.dists, 'regions'), REGION_COMMENT_STREAM, AVERAGE_LENGTH.regionComment, false, range, batchSize);
}
