/**
 * The supplier table (dbgen `mk_supp`): one row per key 1..suppliers.
 *
 * Like customer, plus the "Better Business Bureau" edit that Q16 looks for:
 * about 10 suppliers per SF get "Customer " … "Complaints" (or "Recommends")
 * written over their comment. The four draws deciding that are made for every
 * row (so chunks stay aligned), but only applied when bad_press <= 10:
 *
 *   comment: "carefully final ideas sleep slyly about the even packages"
 *                     ^offset                ^offset + 9 + noise
 *                     "Customer "   noise   "Complaints"
 */
import { Batch } from '../../../core/index.ts';
import { TextColumnBuilder, decimalColumn, int32Column } from './columns.ts';
import type { GenContext, RowRange } from './context.ts';
import { distribution } from './distributions.ts';
import { SUPPLIER_STREAMS, openStreams } from './seeds.ts';
import { AVERAGE_LENGTH, appendComment, appendPhone, appendRandomAlphaNumeric, appendTagged, ascii, lengthBounds } from './text-fields.ts';

const NAME_PREFIX = ascii('Supplier#');
const BBB_BASE = ascii('Customer ');
const BBB_COMPLAIN = ascii('Complaints');
const BBB_COMMEND = ascii('Recommends');
/** Length of "Customer " + "Complaints". */
const BBB_LENGTH = 19;
/** bad_press in 1..10000 at or below this gets the edit (10 per 10000 suppliers). */
const BBB_PER_10000 = 10;
/** Percent of edited comments that are complaints. */
const BBB_COMPLAINT_PERCENT = 50;

/** Supplier rows `range` as batches of at most `batchSize` rows. */
export function* generateSupplier(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  const s = openStreams(SUPPLIER_STREAMS, range.first);
  const nations = distribution(ctx.dists, 'nations').members.length;
  const address = lengthBounds(AVERAGE_LENGTH.supplierAddress);
  const comment = lengthBounds(AVERAGE_LENGTH.supplierComment);
  const pool = ctx.pool;
  const end = range.first + range.count;
  for (let start = range.first; start < end; start += batchSize) {
    const n = Math.min(batchSize, end - start);
    const suppkey = new Int32Array(n);
    const nationkey = new Int32Array(n);
    const acctbal = new Float64Array(n);
    const name = new TextColumnBuilder(n, 18);
    const addr = new TextColumnBuilder(n, address.max);
    const phone = new TextColumnBuilder(n, 15);
    const text = new TextColumnBuilder(n, comment.max);
    for (let i = 0; i < n; i++) {
      const key = start + i;
      suppkey[i] = key;
      appendTagged(name, NAME_PREFIX, key, 9);
      appendRandomAlphaNumeric(addr, s.address, address);
      const nation = s.nation.nextInt(0, nations - 1);
      nationkey[i] = nation;
      appendPhone(phone, s.phone, nation);
      acctbal[i] = s.acctbal.nextInt(-99999, 999999);
      const length = appendComment(text, pool, s.comment, comment);
      const badPress = s.bbbComment.nextInt(1, 10000);
      const type = s.bbbType.nextInt(0, 100);
      const noise = s.bbbJunk.nextInt(0, length - BBB_LENGTH);
      const offset = s.bbbOffset.nextInt(0, length - (BBB_LENGTH + noise));
      if (badPress <= BBB_PER_10000) {
        const { bytes, start: valueStart } = text.lastValue();
        const at = valueStart + offset;
        bytes.set(BBB_BASE, at);
        bytes.set(type < BBB_COMPLAINT_PERCENT ? BBB_COMPLAIN : BBB_COMMEND, at + BBB_BASE.length + noise);
      }
      s.address.rowFinished();
      s.nation.rowFinished();
      s.phone.rowFinished();
      s.acctbal.rowFinished();
      s.comment.rowFinished();
      s.bbbJunk.rowFinished();
      s.bbbType.rowFinished();
      s.bbbComment.rowFinished();
      s.bbbOffset.rowFinished();
    }
    yield new Batch(
      [int32Column(suppkey, n), name.finish(), addr.finish(), int32Column(nationkey, n), phone.finish(), decimalColumn(acctbal, n), text.finish()],
      n,
    );
  }
}
