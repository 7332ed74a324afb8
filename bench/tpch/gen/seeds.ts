/**
 * Starting seeds and per-row draw budgets of dbgen's random streams.
 *
 * These are the constants of the TPC-H reference generator (dbgen 2.17.3): the
 * i-th stream starts at the seed below and consumes `perRow` draws per row of
 * its table (orders/lineitem streams per *order*, part/partsupp streams per
 * *part*). Reproducing dbgen's rows requires exactly these numbers.
 */
import { RandomStream } from './rng.ts';

/** Seed and draw budget of one stream. */
export interface StreamSpec {
  readonly seed: number;
  readonly perRow: number;
}

const spec = (seed: number, perRow: number): StreamSpec => ({ seed, perRow });

/** Maximum lineitems per order; line streams budget this many draws per order. */
export const MAX_LINES_PER_ORDER = 7;
/** Suppliers per part; partsupp streams budget this many draws per part. */
export const SUPPLIERS_PER_PART = 4;

/** Streams of the part table. */
export const PART_STREAMS = {
  mfgr: spec(1, 1),
  brand: spec(46831694, 1),
  type: spec(1841581359, 1),
  size: spec(1193163244, 1),
  container: spec(727633698, 1),
  comment: spec(804159733, 2),
  name: spec(709314158, 92),
} as const;

/** Streams of the partsupp rows generated with each part. */
export const PARTSUPP_STREAMS = {
  availqty: spec(1671059989, SUPPLIERS_PER_PART),
  supplycost: spec(1051288424, SUPPLIERS_PER_PART),
  comment: spec(1961692154, SUPPLIERS_PER_PART * 2),
} as const;

/** Streams of the orders table. */
export const ORDER_STREAMS = {
  clerk: spec(1171034773, 1),
  comment: spec(276090261, 2),
  orderdate: spec(1066728069, 1),
  priority: spec(591449447, 1),
  custkey: spec(851767375, 1),
  lineCount: spec(1434868289, 1),
} as const;

/** Streams of the lineitems generated with each order. */
export const LINEITEM_STREAMS = {
  quantity: spec(209208115, MAX_LINES_PER_ORDER),
  discount: spec(554590007, MAX_LINES_PER_ORDER),
  tax: spec(721958466, MAX_LINES_PER_ORDER),
  shipinstruct: spec(1371272478, MAX_LINES_PER_ORDER),
  shipmode: spec(675466456, MAX_LINES_PER_ORDER),
  partkey: spec(1808217256, MAX_LINES_PER_ORDER),
  suppNumber: spec(2095021727, MAX_LINES_PER_ORDER),
  shipdate: spec(1769349045, MAX_LINES_PER_ORDER),
  commitdate: spec(904914315, MAX_LINES_PER_ORDER),
  receiptdate: spec(373135028, MAX_LINES_PER_ORDER),
  returnflag: spec(717419739, MAX_LINES_PER_ORDER),
  comment: spec(1095462486, MAX_LINES_PER_ORDER * 2),
} as const;

/** Streams of the customer table. */
export const CUSTOMER_STREAMS = {
  address: spec(881155353, 9),
  nation: spec(1489529863, 1),
  phone: spec(1521138112, 3),
  acctbal: spec(298370230, 1),
  mktsegment: spec(1140279430, 1),
  comment: spec(1335826707, 2),
} as const;

/** Streams of the supplier table, including the "Customer Complaints" (BBB) comment edits. */
export const SUPPLIER_STREAMS = {
  address: spec(706178559, 9),
  nation: spec(110356601, 1),
  phone: spec(884434366, 3),
  acctbal: spec(962338209, 1),
  comment: spec(1341315363, 2),
  bbbJunk: spec(263032577, 1),
  bbbType: spec(753643799, 1),
  bbbComment: spec(202794285, 1),
  bbbOffset: spec(715851524, 1),
} as const;

/** Stream of the nation comments. */
export const NATION_COMMENT_STREAM = spec(606179079, 2);
/** Stream of the region comments. */
export const REGION_COMMENT_STREAM = spec(1500869201, 2);
/** Stream that generates the shared text pool (used once, from its start). */
export const TEXT_POOL_STREAM = spec(933588178, 1);

/** Fresh streams for a group of specs, advanced to start at 1-based row `firstRow`. */
export function openStreams<K extends string>(specs: Readonly<Record<K, StreamSpec>>, firstRow: number): Record<K, RandomStream> {
  const out = {} as Record<K, RandomStream>;
  for (const key of Object.keys(specs) as K[]) {
    const s = specs[key];
    const stream = new RandomStream(s.seed, s.perRow);
    if (firstRow > 1) stream.advanceRows(firstRow - 1);
    out[key] = stream;
  }
  return out;
}
