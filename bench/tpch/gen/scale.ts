/**
 * Row counts and key ranges of a TPC-H scale factor, as dbgen derives them.
 *
 * dbgen keeps an integer `scale` and per-table base counts. For SF >= 1 the
 * scale is the SF truncated to an integer; for SF < 1 the scale is 1 and each
 * base count is multiplied by trunc(1000 * SF) / 1000 (at least one row). So
 * SF 0.01 has 2000 parts, 100 suppliers, 1500 customers and 15000 orders, and
 * draws clerks from 1..1000 like SF 1.
 */
import { LochError } from '../../../core/index.ts';

/** Counts and ranges that the generators need. */
export interface TpchScale {
  readonly sf: number;
  /** dbgen's integer scale. */
  readonly scale: number;
  readonly parts: number;
  readonly suppliers: number;
  readonly customers: number;
  readonly orders: number;
  /** Upper bound of o_clerk numbers. */
  readonly clerks: number;
}

const PART_BASE = 200_000;
const SUPPLIER_BASE = 10_000;
const CUSTOMER_BASE = 150_000;
const ORDER_BASE = 1_500_000;
/** Above this SF dbgen switches o_custkey and l_partkey to a 64-bit generator (not reproduced). */
const MAX_SUPPORTED_SF = 300;

/** The counts of scale factor `sf` (validated: 0 < sf <= 300, so keys fit int32). */
export function tpchScale(sf: number): TpchScale {
  if (!Number.isFinite(sf) || sf <= 0 || sf > MAX_SUPPORTED_SF) {
    throw new LochError('22023', `TPC-H scale factor ${sf} is out of range (0 < SF <= ${MAX_SUPPORTED_SF})`);
  }
  if (sf < 1) {
    const milli = Math.trunc(1000 * sf);
    const scaled = (base: number) => Math.max(1, Math.floor((milli * base) / 1000));
    return {
      sf,
      scale: 1,
      parts: scaled(PART_BASE),
      suppliers: scaled(SUPPLIER_BASE),
      customers: scaled(CUSTOMER_BASE),
      orders: scaled(ORDER_BASE),
      clerks: 1000,
    };
  }
  const scale = Math.trunc(sf);
  return {
    sf,
    scale,
    parts: PART_BASE * scale,
    suppliers: SUPPLIER_BASE * scale,
    customers: CUSTOMER_BASE * scale,
    orders: ORDER_BASE * scale,
    clerks: Math.max(scale * 1000, 1000),
  };
}
