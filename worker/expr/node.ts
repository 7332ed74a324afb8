/**
 * The compiled form of one expression node: a closure specialised at compile time
 * for its types and for constant operands, so no per-row dispatch remains.
 *
 * `evaluate(batch)` returns a column of physical length batch.numRows, valid at the
 * batch's selected rows. Children are evaluated with a narrowed selection where
 * semantics need it (AND/OR right operands, CASE branches, COALESCE tails).
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, type LiteralValue, columnFromValues, isNarrowDecimal } from '../../core/index.ts';
import { allocNumbers, int64ToNumbers, makeColumn, makeTextColumn } from '../kernels/vector.ts';

/** One compiled expression node. */
export interface Node {
  readonly type: DataType;
  /** Set when the node is a constant (a literal, or folded at compile time). */
  readonly constant: { readonly value: LiteralValue } | null;
  evaluate(batch: Batch): arrow.Data;
}

/** A node that produces the same value for every row; the broadcast column is cached per length. */
export function constantNode(value: LiteralValue, type: DataType): Node {
  let cached: arrow.Data | null = null;
  return {
    type,
    constant: { value },
    evaluate(batch: Batch): arrow.Data {
      const n = batch.numRows;
      if (cached === null || cached.length !== n) cached = broadcast(value, type, n);
      return cached;
    },
  };
}

const encoder = new TextEncoder();

/** A column of n copies of one value, filled without per-row work where the layout allows. */
function broadcast(value: LiteralValue, type: DataType, n: number): arrow.Data {
  if (value === null) return columnFromValues(type, new Array<LiteralValue>(n).fill(null));
  if (type.kind === 'text') {
    const bytes = encoder.encode(value as string);
    const len = bytes.length;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) offsets[i] = i * len;
    const data = new Uint8Array(n * len);
    for (let i = 0; i < n; i++) data.set(bytes, i * len);
    return makeTextColumn(n, offsets, data, null);
  }
  if (typeof value === 'number' && hasNumberLanes(type) && !isInt64Like(type)) {
    return makeColumn(type, n, allocNumbers(type, n).fill(value), null);
  }
  if (typeof value === 'bigint' && isInt64Like(type)) return makeColumn(type, n, new BigInt64Array(n).fill(value), null);
  return columnFromValues(type, new Array<LiteralValue>(n).fill(value));
}

/** A node reading input column `index`. */
export function columnNode(index: number, type: DataType): Node {
  return { type, constant: null, evaluate: (batch) => batch.column(index) };
}

/** True for types whose values can be processed as JS numbers (int64-likes only when within ±2^53). */
export function hasNumberLanes(t: DataType): boolean {
  switch (t.kind) {
    case 'int16': case 'int32': case 'int64': case 'float32': case 'float64': case 'date':
    case 'timestamp': case 'timestamptz': case 'time':
      return true;
    case 'decimal': return isNarrowDecimal(t);
    default: return false;
  }
}

/** Types stored in a BigInt64Array (int64, timestamps). */
export function isInt64Like(t: DataType): boolean {
  return t.kind === 'int64' || t.kind === 'timestamp' || t.kind === 'timestamptz' || t.kind === 'time';
}

/** The column's values as numbers at the selected rows, or null when an int64 value exceeds ±2^53. */
export function numberLanes(data: arrow.Data, type: DataType, sel: Int32Array): ArrayLike<number> | null {
  if (isInt64Like(type)) return int64ToNumbers(data.values as BigInt64Array, sel, data.length);
  return data.values as ArrayLike<number>;
}

/** A constant as a number (for scalar kernels), or null when it has no exact number form. */
export function constantNumber(value: LiteralValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}
