/**
 * The part table and its partsupp rows (dbgen `mk_part`): partsupp rows are
 * generated with their part, four per part, so both tables are driven by the
 * part key and chunk the same way.
 *
 *   p_name       5 distinct colors: a 92-draw shuffle of dists.dss `colors`
 *   p_mfgr       "Manufacturer#m", m uniform 1..5
 *   p_brand      "Brand#mn", n uniform 1..5
 *   p_retailprice (90000 + (key/10) % 20001 + 100 * (key % 1000)) / 100
 *   ps_suppkey   (key + i * (S/4 + (key-1)/S)) % S + 1, S = supplier count
 */
import { Batch } from '../../../core/index.ts';
import { TextColumnBuilder, decimalColumn, int32Column } from './columns.ts';
import type { GenContext, RowRange } from './context.ts';
import { distribution } from './distributions.ts';
import type { RandomStream } from './rng.ts';
import { PARTSUPP_STREAMS, PART_STREAMS, SUPPLIERS_PER_PART, openStreams } from './seeds.ts';
import { AVERAGE_LENGTH, appendComment, ascii, lengthBounds } from './text-fields.ts';

const MFGR_PREFIX = ascii('Manufacturer#');
const BRAND_PREFIX = ascii('Brand#');
const NAME_WORDS = 5;

/** Retail price of a part in cents (dbgen `rpb_routine`); also prices lineitems. */
export function retailPriceCents(partkey: number): number {
  return 90000 + (Math.floor(partkey / 10) % 20001) + (partkey % 1000) * 100;
}

/** The i-th (0..3) supplier of a part (dbgen PART_SUPP_BRIDGE). */
export function partSupplier(partkey: number, i: number, suppliers: number): number {
  return ((partkey + i * (Math.floor(suppliers / SUPPLIERS_PER_PART) + Math.floor((partkey - 1) / suppliers))) % suppliers) + 1;
}

/**
 * Appends a part name (dbgen `agg_str`): shuffles the color indexes with one
 * draw per position (swap i with a uniform pick in [i, count-1]) and joins the
 * first five colors with spaces.
 */
function appendPartName(out: TextColumnBuilder, stream: RandomStream, colors: readonly Uint8Array[], order: Int32Array): void {
  const count = order.length;
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = 0; i < count; i++) {
    const j = stream.nextInt(i, count - 1);
    const t = order[j] as number;
    order[j] = order[i] as number;
    order[i] = t;
  }
  out.reserve(NAME_WORDS * 21);
  for (let w = 0; w < NAME_WORDS; w++) {
    if (w > 0) out.put(32);
    const word = colors[order[w] as number] as Uint8Array;
    for (let k = 0; k < word.length; k++) out.put(word[k] as number);
  }
  out.endValue();
}

/** Part rows for part keys `range`, in batches of at most `batchSize` rows. */
export function* generatePart(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  const s = openStreams(PART_STREAMS, range.first);
  const colors = distribution(ctx.dists, 'colors').memberBytes;
  const types = distribution(ctx.dists, 'p_types');
  const containers = distribution(ctx.dists, 'p_cntr');
  const comment = lengthBounds(AVERAGE_LENGTH.partComment);
  const order = new Int32Array(colors.length);
  const pool = ctx.pool;
  const end = range.first + range.count;
  for (let start = range.first; start < end; start += batchSize) {
    const n = Math.min(batchSize, end - start);
    const partkey = new Int32Array(n);
    const size = new Int32Array(n);
    const price = new Float64Array(n);
    const name = new TextColumnBuilder(n, 40);
    const mfgr = new TextColumnBuilder(n, 14);
    const brand = new TextColumnBuilder(n, 8);
    const type = new TextColumnBuilder(n, 25);
    const container = new TextColumnBuilder(n, 10);
    const text = new TextColumnBuilder(n, comment.max);
    for (let i = 0; i < n; i++) {
      const key = start + i;
      partkey[i] = key;
      appendPartName(name, s.name, colors, order);
      const m = s.mfgr.nextInt(1, 5);
      mfgr.putPadded(MFGR_PREFIX, m, 1);
      mfgr.endValue();
      brand.putPadded(BRAND_PREFIX, m * 10 + s.brand.nextInt(1, 5), 2);
      brand.endValue();
      type.appendBytes(types.memberBytes[s.type.pick(types)] as Uint8Array);
      size[i] = s.size.nextInt(1, 50);
      container.appendBytes(containers.memberBytes[s.container.pick(containers)] as Uint8Array);
      price[i] = retailPriceCents(key);
      appendComment(text, pool, s.comment, comment);
      s.name.rowFinished();
      s.mfgr.rowFinished();
      s.brand.rowFinished();
      s.type.rowFinished();
      s.size.rowFinished();
      s.container.rowFinished();
      s.comment.rowFinished();
    }
    yield new Batch(
      [
        int32Column(partkey, n),
        name.finish(),
        mfgr.finish(),
        brand.finish(),
        type.finish(),
        int32Column(size, n),
        container.finish(),
        decimalColumn(price, n),
        text.finish(),
      ],
      n,
    );
  }
}

/**
 * Partsupp rows for part keys `range` (four rows per part), in batches of at
 * most `batchSize` rows (rounded down to whole parts, at least one part).
 */
export function* generatePartsupp(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  const s = openStreams(PARTSUPP_STREAMS, range.first);
  const suppliers = ctx.scale.suppliers;
  const comment = lengthBounds(AVERAGE_LENGTH.partsuppComment);
  const pool = ctx.pool;
  const partsPerBatch = Math.max(1, Math.floor(batchSize / SUPPLIERS_PER_PART));
  const end = range.first + range.count;
  for (let start = range.first; start < end; start += partsPerBatch) {
    const parts = Math.min(partsPerBatch, end - start);
    const n = parts * SUPPLIERS_PER_PART;
    const partkey = new Int32Array(n);
    const suppkey = new Int32Array(n);
    const availqty = new Int32Array(n);
    const cost = new Float64Array(n);
    const text = new TextColumnBuilder(n, comment.max);
    let row = 0;
    for (let p = 0; p < parts; p++) {
      const key = start + p;
      for (let i = 0; i < SUPPLIERS_PER_PART; i++, row++) {
        partkey[row] = key;
        suppkey[row] = partSupplier(key, i, suppliers);
        availqty[row] = s.availqty.nextInt(1, 9999);
        cost[row] = s.supplycost.nextInt(100, 100000);
        appendComment(text, pool, s.comment, comment);
      }
      s.availqty.rowFinished();
      s.supplycost.rowFinished();
      s.comment.rowFinished();
    }
    yield new Batch([int32Column(partkey, n), int32Column(suppkey, n), int32Column(availqty, n), decimalColumn(cost, n), text.finish()], n);
  }
}
