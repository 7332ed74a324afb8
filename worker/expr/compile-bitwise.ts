/**
 * Bitwise operators on integers (planner/functions/bitwise-operators.ts resolves them):
 * bitwise_and / bitwise_or / bitwise_xor / bitwise_not, shift_left / shift_right.
 *
 * smallint and integer run on Int32 lanes (results narrowed back to 16 bits for
 * smallint, as PostgreSQL's int2 operators truncate); bigint AND/OR/XOR/NOT work on
 * the two 32-bit halves of each value, so only the bigint shifts need BigInt.
 * Shift counts are taken modulo the type's width (what PostgreSQL's C shifts do on
 * common hardware and what DataFusion's wrapping shifts do).
 */
import type * as arrow from 'apache-arrow';
import type { Batch, DataType } from '../../core/index.ts';
import { andValidity, makeColumn, selectionOf, validityOf } from '../kernels/vector.ts';
import type { Node } from './node.ts';

type Evaluate = (batch: Batch) => arrow.Data;
type IntOp = (x: number, y: number) => number;

const INT_OPS: Record<string, IntOp> = {
  bitwise_and: (x, y) => x & y,
  bitwise_or: (x, y) => x | y,
  bitwise_xor: (x, y) => x ^ y,
  shift_left: (x, y) => x << y,
  shift_right: (x, y) => x >> y,
};

/** The two 32-bit halves of a BigInt64Array (little-endian: low word first). */
function words(values: BigInt64Array): Int32Array {
  return new Int32Array(values.buffer, values.byteOffset, values.length * 2);
}

/** Compiles a bitwise function, or returns null when `fn` is not one. */
export function compileBitwise(fn: string, args: readonly Node[], type: DataType): Evaluate | null {
  if (fn === 'bitwise_not') return compileNot(args[0]!, type);
  const op = INT_OPS[fn];
  if (op === undefined || args.length !== 2) return null;
  const a = args[0]!, b = args[1]!;
  if (type.kind === 'int64') {
    if (fn === 'shift_left' || fn === 'shift_right') return compileInt64Shift(fn === 'shift_left', a, b, type);
    return compileInt64Logic(op, a, b, type);
  }
  const small = type.kind === 'int16';
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch), db = b.evaluate(batch);
    const x = da.values as Int16Array | Int32Array, y = db.values as Int16Array | Int32Array;
    const out = small ? new Int16Array(n) : new Int32Array(n);
    for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = op(x[i]!, y[i]!); }
    return makeColumn(type, n, out, andValidity(n, validityOf(da), validityOf(db)));
  };
}

function compileNot(a: Node, type: DataType): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch);
    let out: Int16Array | Int32Array | BigInt64Array;
    if (type.kind === 'int64') {
      out = new BigInt64Array(n);
      const x = words(da.values as BigInt64Array), o = words(out);
      for (let k = 0; k < sel.length; k++) { const i = sel[k]! << 1; o[i] = ~x[i]!; o[i + 1] = ~x[i + 1]!; }
    } else {
      const x = da.values as Int16Array | Int32Array;
      const o = type.kind === 'int16' ? new Int16Array(n) : new Int32Array(n);
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; o[i] = ~x[i]!; }
      out = o;
    }
    return makeColumn(type, n, out, validityOf(da));
  };
}

function compileInt64Logic(op: IntOp, a: Node, b: Node, type: DataType): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch), db = b.evaluate(batch);
    const out = new BigInt64Array(n);
    const x = words(da.values as BigInt64Array), y = words(db.values as BigInt64Array), o = words(out);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]! << 1;
      o[i] = op(x[i]!, y[i]!);
      o[i + 1] = op(x[i + 1]!, y[i + 1]!);
    }
    return makeColumn(type, n, out, andValidity(n, validityOf(da), validityOf(db)));
  };
}

function compileInt64Shift(left: boolean, a: Node, b: Node, type: DataType): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch), db = b.evaluate(batch);
    const x = da.values as BigInt64Array, y = db.values as Int32Array;
    const out = new BigInt64Array(n);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const s = BigInt(y[i]! & 63);
      out[i] = left ? BigInt.asIntN(64, x[i]! << s) : x[i]! >> s;
    }
    return makeColumn(type, n, out, andValidity(n, validityOf(da), validityOf(db)));
  };
}
