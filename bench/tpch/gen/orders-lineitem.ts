/**
 * The orders and lineitem tables (dbgen `mk_order`). dbgen makes each order
 * together with its 1..7 lineitems; both tables are driven by the order index
 * and chunk the same way. Because every column has its own random stream, a
 * generator for one table only draws from the streams its columns need:
 * orders needs the lines' quantity, discount, tax, part and ship date (for
 * o_totalprice and o_orderstatus), lineitem needs the order date.
 *
 *   o_orderkey   sparse: index i -> (i / 8) * 32 + i % 8 (keys 1-7, 32-39, …)
 *   o_custkey    uniform 1..C, skipping keys divisible by 3 (a third of the
 *                customers never order)
 *   l_shipdate   o_orderdate + 1..121, l_commitdate o_orderdate + 30..90,
 *   l_receiptdate l_shipdate + 1..30
 *   l_returnflag 'R' or 'A' if received by 1995-06-17, else 'N'
 *   l_linestatus 'F' if shipped by 1995-06-17, else 'O'
 *   o_totalprice sum of eprice * (1 - disc) * (1 + tax), truncated to cents twice
 */
import { Batch } from '../../../core/index.ts';
import { TextColumnBuilder, dateColumn, decimalColumn, int32Column } from './columns.ts';
import type { GenContext, RowRange } from './context.ts';
import { CURRENT_DAY, MAX_ORDER_DAY_OFFSET, START_DAY } from './dates.ts';
import { distribution } from './distributions.ts';
import { partSupplier, retailPriceCents } from './part-partsupp.ts';
import { LINEITEM_STREAMS, MAX_LINES_PER_ORDER, ORDER_STREAMS, openStreams } from './seeds.ts';
import { AVERAGE_LENGTH, appendComment, ascii, lengthBounds } from './text-fields.ts';

const CLERK_PREFIX = ascii('Clerk#');
const F = 70;
const N = 78;
const O = 79;
const P = 80;

/** The sparse order key of 1-based order index `i` (dbgen `mk_sparse`, update 0). */
export function orderKey(i: number): number {
  return Math.floor(i / 8) * 32 + (i % 8);
}

/** Number of lineitems of the orders `range`: draws only the line-count stream. */
export function countLineitems(range: RowRange): number {
  const { lineCount } = openStreams({ lineCount: ORDER_STREAMS.lineCount }, range.first);
  let total = 0;
  for (let i = 0; i < range.count; i++) {
    total += lineCount.nextInt(1, MAX_LINES_PER_ORDER);
    lineCount.rowFinished();
  }
  return total;
}

/** Order rows for order indexes `range`, in batches of at most `batchSize` rows. */
export function* generateOrders(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  const { clerk, comment, orderdate, priority, custkey, lineCount } = openStreams(ORDER_STREAMS, range.first);
  const { quantity, discount, tax, partkey, shipdate } = openStreams(
    {
      quantity: LINEITEM_STREAMS.quantity,
      discount: LINEITEM_STREAMS.discount,
      tax: LINEITEM_STREAMS.tax,
      partkey: LINEITEM_STREAMS.partkey,
      shipdate: LINEITEM_STREAMS.shipdate,
    },
    range.first,
  );
  const priorities = distribution(ctx.dists, 'o_oprio');
  const commentBounds = lengthBounds(AVERAGE_LENGTH.orderComment);
  const { customers, parts, clerks } = ctx.scale;
  const pool = ctx.pool;
  const end = range.first + range.count;
  for (let start = range.first; start < end; start += batchSize) {
    const n = Math.min(batchSize, end - start);
    const okeyCol = new Int32Array(n);
    const custCol = new Int32Array(n);
    const totalCol = new Float64Array(n);
    const dateCol = new Int32Array(n);
    const shipPriorityCol = new Int32Array(n);
    const statusCol = new TextColumnBuilder(n, 1);
    const priorityCol = new TextColumnBuilder(n, 15);
    const clerkCol = new TextColumnBuilder(n, 15);
    const commentCol = new TextColumnBuilder(n, commentBounds.max);
    for (let r = 0; r < n; r++) {
      okeyCol[r] = orderKey(start + r);
      let cust = custkey.nextInt(1, customers);
      for (let delta = 1; cust % 3 === 0; delta = -delta) cust = Math.min(cust + delta, customers);
      custCol[r] = cust;
      const day = START_DAY + orderdate.nextInt(0, MAX_ORDER_DAY_OFFSET);
      dateCol[r] = day;
      priorityCol.appendBytes(priorities.memberBytes[priority.pick(priorities)] as Uint8Array);
      clerkCol.putPadded(CLERK_PREFIX, clerk.nextInt(1, clerks), 9);
      clerkCol.endValue();
      appendComment(commentCol, pool, comment, commentBounds);
      const lines = lineCount.nextInt(1, MAX_LINES_PER_ORDER);
      let total = 0;
      let shipped = 0;
      for (let l = 0; l < lines; l++) {
        const qty = quantity.nextInt(1, 50);
        const disc = discount.nextInt(0, 10);
        const tx = tax.nextInt(0, 8);
        const eprice = retailPriceCents(partkey.nextInt(1, parts)) * qty;
        total += Math.floor((Math.floor((eprice * (100 - disc)) / 100) * (100 + tx)) / 100);
        if (day + shipdate.nextInt(1, 121) <= CURRENT_DAY) shipped++;
      }
      totalCol[r] = total;
      statusCol.appendByte(shipped === lines ? F : shipped > 0 ? P : O);
      custkey.rowFinished();
      orderdate.rowFinished();
      priority.rowFinished();
      clerk.rowFinished();
      comment.rowFinished();
      lineCount.rowFinished();
      quantity.rowFinished();
      discount.rowFinished();
      tax.rowFinished();
      partkey.rowFinished();
      shipdate.rowFinished();
    }
    yield new Batch(
      [
        int32Column(okeyCol, n),
        int32Column(custCol, n),
        statusCol.finish(),
        decimalColumn(totalCol, n),
        dateColumn(dateCol, n),
        priorityCol.finish(),
        clerkCol.finish(),
        int32Column(shipPriorityCol, n),
        commentCol.finish(),
      ],
      n,
    );
  }
}

/**
 * Lineitem rows of the orders `range`, in batches of at most `batchSize`
 * rows (an order's lines never straddle two batches; batchSize >= 7).
 */
export function* generateLineitem(ctx: GenContext, range: RowRange, batchSize: number): Generator<Batch> {
  const { orderdate, lineCount } = openStreams({ orderdate: ORDER_STREAMS.orderdate, lineCount: ORDER_STREAMS.lineCount }, range.first);
  const st = openStreams(LINEITEM_STREAMS, range.first);
  const { quantity, discount, tax, shipinstruct, shipmode, partkey, suppNumber, shipdate, commitdate, receiptdate, returnflag, comment } = st;
  const instructions = distribution(ctx.dists, 'instruct');
  const modes = distribution(ctx.dists, 'smode');
  const flags = distribution(ctx.dists, 'rflag');
  const commentBounds = lengthBounds(AVERAGE_LENGTH.lineitemComment);
  const { parts, suppliers } = ctx.scale;
  const pool = ctx.pool;
  const cap = Math.max(batchSize, MAX_LINES_PER_ORDER);
  const end = range.first + range.count;
  let index = range.first;
  while (index < end) {
    const okeyCol = new Int32Array(cap);
    const partCol = new Int32Array(cap);
    const suppCol = new Int32Array(cap);
    const lineCol = new Int32Array(cap);
    const qtyCol = new Float64Array(cap);
    const priceCol = new Float64Array(cap);
    const discCol = new Float64Array(cap);
    const taxCol = new Float64Array(cap);
    const shipCol = new Int32Array(cap);
    const commitCol = new Int32Array(cap);
    const receiptCol = new Int32Array(cap);
    const flagCol = new TextColumnBuilder(cap, 1);
    const statusCol = new TextColumnBuilder(cap, 1);
    const instructCol = new TextColumnBuilder(cap, 12);
    const modeCol = new TextColumnBuilder(cap, 5);
    const commentCol = new TextColumnBuilder(cap, 30);
    let r = 0;
    for (; index < end && r + MAX_LINES_PER_ORDER <= cap; index++) {
      const okey = orderKey(index);
      const day = START_DAY + orderdate.nextInt(0, MAX_ORDER_DAY_OFFSET);
      const lines = lineCount.nextInt(1, MAX_LINES_PER_ORDER);
      for (let l = 1; l <= lines; l++, r++) {
        okeyCol[r] = okey;
        lineCol[r] = l;
        const qty = quantity.nextInt(1, 50);
        qtyCol[r] = qty * 100;
        discCol[r] = discount.nextInt(0, 10);
        taxCol[r] = tax.nextInt(0, 8);
        instructCol.appendBytes(instructions.memberBytes[shipinstruct.pick(instructions)] as Uint8Array);
        modeCol.appendBytes(modes.memberBytes[shipmode.pick(modes)] as Uint8Array);
        appendComment(commentCol, pool, comment, commentBounds);
        const pk = partkey.nextInt(1, parts);
        partCol[r] = pk;
        suppCol[r] = partSupplier(pk, suppNumber.nextInt(0, 3), suppliers);
        priceCol[r] = retailPriceCents(pk) * qty;
        const ship = day + shipdate.nextInt(1, 121);
        const receipt = ship + receiptdate.nextInt(1, 30);
        shipCol[r] = ship;
        commitCol[r] = day + commitdate.nextInt(30, 90);
        receiptCol[r] = receipt;
        flagCol.appendByte(receipt <= CURRENT_DAY ? (flags.memberBytes[returnflag.pick(flags)] as Uint8Array)[0] as number : N);
        statusCol.appendByte(ship <= CURRENT_DAY ? F : O);
      }
      orderdate.rowFinished();
      lineCount.rowFinished();
      quantity.rowFinished();
      discount.rowFinished();
      tax.rowFinished();
      shipinstruct.rowFinished();
      shipmode.rowFinished();
      partkey.rowFinished();
      suppNumber.rowFinished();
      shipdate.rowFinished();
      commitdate.rowFinished();
      receiptdate.rowFinished();
      returnflag.rowFinished();
      comment.rowFinished();
    }
    yield new Batch(
      [
        int32Column(okeyCol, r),
        int32Column(partCol, r),
        int32Column(suppCol, r),
        int32Column(lineCol, r),
        decimalColumn(qtyCol, r),
        decimalColumn(priceCol, r),
        decimalColumn(discCol, r),
        decimalColumn(taxCol, r),
        flagCol.finish(),
        statusCol.finish(),
        dateColumn(shipCol, r),
        dateColumn(commitCol, r),
        dateColumn(receiptCol, r),
        instructCol.finish(),
        modeCol.finish(),
        commentCol.finish(),
      ],
      r,
    );
  }
}
