/**
 * Three-valued boolean logic on whole bitmaps, a byte (8 rows) at a time.
 *
 * For each operand: T = value & valid (known true), F = ~value & valid (known false).
 *   AND: T = Ta & Tb, F = Fa | Fb        OR: T = Ta | Tb, F = Fa & Fb
 *   result value = T, result valid = T | F (UNKNOWN where neither).
 * Rows outside the selection may come out as anything, which the batch contract allows.
 */
import type * as arrow from 'apache-arrow';
import { T } from '../../core/index.ts';
import { makeColumn, scratchIndexes, takeScratch, validityOf } from './vector.ts';

function bits(data: arrow.Data): Uint8Array {
  return data.values as Uint8Array;
}

function combine(a: arrow.Data, b: arrow.Data, n: number, isAnd: boolean): arrow.Data {
  const ad = bits(a), bd = bits(b);
  const av = validityOf(a), bv = validityOf(b);
  const bytes = (n + 7) >> 3;
  const value = new Uint8Array(bytes);
  if (av === null && bv === null) {
    if (isAnd) for (let i = 0; i < bytes; i++) value[i] = ad[i]! & bd[i]!;
    else for (let i = 0; i < bytes; i++) value[i] = ad[i]! | bd[i]!;
    return makeColumn(T.boolean, n, value, null);
  }
  const valid = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    const va = av === null ? 255 : av[i]!, vb = bv === null ? 255 : bv[i]!;
    const ta = ad[i]! & va, fa = ~ad[i]! & va, tb = bd[i]! & vb, fb = ~bd[i]! & vb;
    const t = isAnd ? ta & tb : ta | tb;
    const f = isAnd ? fa | fb : fa & fb;
    value[i] = t;
    valid[i] = (t | f) & 255;
  }
  return makeColumn(T.boolean, n, value, valid);
}

/** Three-valued AND of two boolean columns. */
export function andColumns(a: arrow.Data, b: arrow.Data, n: number): arrow.Data {
  return combine(a, b, n, true);
}

/** Three-valued OR of two boolean columns. */
export function orColumns(a: arrow.Data, b: arrow.Data, n: number): arrow.Data {
  return combine(a, b, n, false);
}

/** NOT (NULL stays NULL). */
export function notColumn(a: arrow.Data, n: number): arrow.Data {
  const ad = bits(a);
  const bytes = (n + 7) >> 3;
  const value = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) value[i] = ~ad[i]! & 255;
  return makeColumn(T.boolean, n, value, validityOf(a));
}

/** IS NULL / IS NOT NULL: never NULL itself. */
export function isNullColumn(a: arrow.Data, n: number, negated: boolean): arrow.Data {
  const v = validityOf(a);
  const bytes = (n + 7) >> 3;
  const value = new Uint8Array(bytes);
  if (v === null) { if (negated) value.fill(255); }
  else if (negated) value.set(v.subarray(0, bytes));
  else for (let i = 0; i < bytes; i++) value[i] = ~v[i]! & 255;
  return makeColumn(T.boolean, n, value, null);
}

/** IS TRUE / IS FALSE / IS NOT TRUE / IS NOT FALSE (never NULL). */
export function isBoolColumn(a: arrow.Data, n: number, want: boolean, negated: boolean): arrow.Data {
  const ad = bits(a);
  const v = validityOf(a);
  const bytes = (n + 7) >> 3;
  const value = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    const valid = v === null ? 255 : v[i]!;
    const hit = (want ? ad[i]! : ~ad[i]!) & valid;
    value[i] = (negated ? ~hit : hit) & 255;
  }
  return makeColumn(T.boolean, n, value, null);
}

/** Rows of `sel` where a boolean column is TRUE (NULL counts as false). */
export function selectTrue(a: arrow.Data, sel: Int32Array): Int32Array {
  const ad = bits(a);
  const v = validityOf(a);
  const out = scratchIndexes(sel.length);
  let m = 0;
  if (v === null) {
    for (let k = 0; k < sel.length; k++) { const i = sel[k]!; if ((ad[i >> 3]! & (1 << (i & 7))) !== 0) out[m++] = i; }
  } else {
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      if ((ad[i >> 3]! & v[i >> 3]! & (1 << (i & 7))) !== 0) out[m++] = i;
    }
  }
  return takeScratch(m);
}

/** Rows of `sel` where a boolean column is not FALSE (TRUE or NULL). */
export function selectNotFalse(a: arrow.Data, sel: Int32Array): Int32Array {
  const ad = bits(a);
  const v = validityOf(a);
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const bit = 1 << (i & 7);
    if ((ad[i >> 3]! & bit) !== 0 || (v !== null && (v[i >> 3]! & bit) === 0)) out[m++] = i;
  }
  return takeScratch(m);
}

/** Rows of `sel` where a boolean column is not TRUE (FALSE or NULL). */
export function selectNotTrue(a: arrow.Data, sel: Int32Array): Int32Array {
  const ad = bits(a);
  const v = validityOf(a);
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const bit = 1 << (i & 7);
    if ((ad[i >> 3]! & bit) === 0 || (v !== null && (v[i >> 3]! & bit) === 0)) out[m++] = i;
  }
  return takeScratch(m);
}

/** Rows of `sel` where a boolean column is FALSE (not NULL). */
export function selectFalse(a: arrow.Data, sel: Int32Array): Int32Array {
  const ad = bits(a);
  const v = validityOf(a);
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    const bit = 1 << (i & 7);
    if ((ad[i >> 3]! & bit) === 0 && (v === null || (v[i >> 3]! & bit) !== 0)) out[m++] = i;
  }
  return takeScratch(m);
}

/** Rows of `sel` where a column is NULL (wantNull) or not NULL, from its validity bits. */
export function selectByValidity(a: arrow.Data, sel: Int32Array, wantNull: boolean): Int32Array {
  const v = validityOf(a);
  if (v === null) return wantNull ? new Int32Array(0) : sel;
  const out = scratchIndexes(sel.length);
  let m = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k]!;
    if (((v[i >> 3]! & (1 << (i & 7))) === 0) === wantNull) out[m++] = i;
  }
  return takeScratch(m);
}
