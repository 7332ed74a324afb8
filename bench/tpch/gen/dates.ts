/**
 * TPC-H dates as day numbers (days since 1970-01-01, the `date` layout).
 *
 * dbgen's calendar starts on 1992-01-01 (STARTDATE) and spans 2557 days; order
 * dates leave room for shipping (121 days) and receipt (30 days) after them.
 * "Today" for return flags and line status is 1995-06-17 (CURRENTDATE).
 */

/** 1992-01-01 as a day number. */
export const START_DAY = 8035;
/** 1995-06-17, dbgen's CURRENTDATE, as a day number. */
export const CURRENT_DAY = 9298;
/** Number of days in dbgen's calendar (1992-01-01 .. 1998-12-31). */
export const TOTAL_DAYS = 2557;
/** Latest l_shipdate offset after its order date. */
export const MAX_SHIP_DELAY = 121;
/** Latest l_receiptdate offset after its ship date. */
export const MAX_RECEIPT_DELAY = 30;
/** Largest o_orderdate offset from START_DAY. */
export const MAX_ORDER_DAY_OFFSET = TOTAL_DAYS - (MAX_SHIP_DELAY + MAX_RECEIPT_DELAY) - 1;
