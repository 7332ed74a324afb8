/**
 * dbgen's generated string fields: comments cut from the text pool, random
 * alphanumeric addresses, phone numbers, and "Tag#000000042" names.
 */
import type { TextColumnBuilder } from './columns.ts';
import type { RandomStream } from './rng.ts';
import { TEXT_POOL_SIZE } from './text-pool.ts';

/** Length bounds of a variable string with average length `avg` (dbgen V_STR_LOW/HGH: 0.4x .. 1.6x). */
export interface LengthBounds {
  readonly min: number;
  readonly max: number;
}

/** dbgen truncates avg * 0.4 and avg * 1.6 computed in doubles. */
export function lengthBounds(avg: number): LengthBounds {
  return { min: Math.trunc(avg * 0.4), max: Math.trunc(avg * 1.6) };
}

/** Average lengths of dbgen's comment and address columns (the TPC-H spec's column sizes). */
export const AVERAGE_LENGTH = {
  nationComment: 72,
  regionComment: 72,
  partComment: 14,
  partsuppComment: 124,
  supplierAddress: 25,
  supplierComment: 63,
  customerAddress: 25,
  customerComment: 73,
  orderComment: 49,
  lineitemComment: 27,
} as const;

/**
 * Appends a comment (dbgen `dbg_text`): draws an offset into the pool, then a
 * length in [min, max], and copies that slice. Returns its length.
 */
export function appendComment(out: TextColumnBuilder, pool: Uint8Array, stream: RandomStream, bounds: LengthBounds): number {
  const offset = stream.nextInt(0, TEXT_POOL_SIZE - bounds.max);
  const length = stream.nextInt(bounds.min, bounds.max);
  out.appendSlice(pool, offset, length);
  return length;
}

const ALPHA_NUMERIC = Uint8Array.from('0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ,', (c) => c.charCodeAt(0));

/**
 * Appends a random alphanumeric string (dbgen `a_rnd`, used for addresses):
 * a length in [min, max], then one draw per five characters, six bits each.
 */
export function appendRandomAlphaNumeric(out: TextColumnBuilder, stream: RandomStream, bounds: LengthBounds): void {
  const length = stream.nextInt(bounds.min, bounds.max);
  out.reserve(length);
  let bits = 0;
  for (let i = 0; i < length; i++) {
    if (i % 5 === 0) bits = stream.nextAlphaBits();
    out.put(ALPHA_NUMERIC[bits & 63] as number);
    bits >>= 6;
  }
  out.endValue();
}

const DASH = 45;

function putDigits(out: TextColumnBuilder, v: number, width: number): void {
  let div = 1;
  for (let i = 1; i < width; i++) div *= 10;
  for (; div >= 1; div /= 10) out.put(48 + (Math.floor(v / div) % 10));
}

/**
 * Appends a phone number "CC-AAA-EEE-NNNN" (dbgen `gen_phone`): the country
 * code is 10 + nation key; area code, exchange and number are three draws.
 */
export function appendPhone(out: TextColumnBuilder, stream: RandomStream, nationKey: number): void {
  const area = stream.nextInt(100, 999);
  const exchange = stream.nextInt(100, 999);
  const number = stream.nextInt(1000, 9999);
  out.reserve(15);
  putDigits(out, 10 + (nationKey % 90), 2);
  out.put(DASH);
  putDigits(out, area, 3);
  out.put(DASH);
  putDigits(out, exchange, 3);
  out.put(DASH);
  putDigits(out, number, 4);
  out.endValue();
}

/** ASCII bytes of a string literal. */
export function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Appends `prefix` followed by `n` zero-padded to `width` digits, e.g. "Customer#000000001". */
export function appendTagged(out: TextColumnBuilder, prefix: Uint8Array, n: number, width: number): void {
  out.putPadded(prefix, n, width);
  out.endValue();
}
