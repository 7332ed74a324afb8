/**
 * The customer table (dbgen `mk_cust`): one row per key 1..customers.
 *
 *   c_name      "Customer#" + key, 9 digits
 *   c_address   random alphanumeric, 10..40 characters
 *   c_nationkey uniform 0..24, c_phone from it (country code 10 + nation)
 *   c_acctbal   uniform -999.99 .. 9999.99
 *   c_mktsegment weighted pick of dists.dss `msegmnt`
 *   c_comment   text pool slice, 29..116 characters
 */
import { Batch } from '../../../core/index.ts';
import { TextColumnBuilder, decimalColumn, int32Column } from './columns.ts';
import type { GenContext, RowRange } from './context.ts';
import { distribution } from './distributions.ts';
import { CUSTOMER_STREAMS, openStreams } from './seeds.ts';
import { AVERAGE_LENGTH, appendComment, appendPhone, appendRandomAlphaNumeric, appendTagged, ascii, lengthBounds } from './text-fields.ts';

const NAME_PREFIX = ascii('Customer#');

/** Customer rows `range` as batches of at most `batchSize` rows. */
export function* generateCustomer(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  const s = openStreams(CUSTOMER_STREAMS, range.first);
  const segments = distribution(ctx.dists, 'msegmnt');
  const nations = distribution(ctx.dists, 'nations').members.length;
  const address = lengthBounds(AVERAGE_LENGTH.customerAddress);
  const comment = lengthBounds(AVERAGE_LENGTH.customerComment);
  const pool = ctx.pool;
  const end = range.first + range.count;
  for (let start = range.first; start < end; start += batchSize) {
    const n = Math.min(batchSize, end - start);
    const custkey = new Int32Array(n);
    const nationkey = new Int32Array(n);
    const acctbal = new Float64Array(n);
    const name = new TextColumnBuilder(n, 18);
    const addr = new TextColumnBuilder(n, address.max);
    const phone = new TextColumnBuilder(n, 15);
    const segment = new TextColumnBuilder(n, 10);
    const text = new TextColumnBuilder(n, comment.max);
    for (let i = 0; i < n; i++) {
      const key = start + i;
      custkey[i] = key;
      appendTagged(name, NAME_PREFIX, key, 9);
      appendRandomAlphaNumeric(addr, s.address, address);
      const nation = s.nation.nextInt(0, nations - 1);
      nationkey[i] = nation;
      appendPhone(phone, s.phone, nation);
      acctbal[i] = s.acctbal.nextInt(-99999, 999999);
      segment.appendBytes(segments.memberBytes[s.mktsegment.pick(segments)] as Uint8Array);
      appendComment(text, pool, s.comment, comment);
      s.address.rowFinished();
      s.nation.rowFinished();
      s.phone.rowFinished();
      s.acctbal.rowFinished();
      s.mktsegment.rowFinished();
      s.comment.rowFinished();
    }
    yield new Batch(
      [
        int32Column(custkey, n),
        name.finish(),
        addr.finish(),
        int32Column(nationkey, n),
        phone.finish(),
        decimalColumn(acctbal, n),
        segment.finish(),
        text.finish(),
      ],
      n,
    );
  }
}
