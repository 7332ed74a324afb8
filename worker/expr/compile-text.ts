/**
 * Text kernels of the function library working on UTF-8 bytes: ||, substring with
 * constant bounds (ASCII batches), length/octet_length, upper/lower (ASCII batches).
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType } from '../../core/index.ts';
import { STRING_FUNCTIONS } from '../kernels/scalar-values.ts';
import { andValidity, copyBytes, isAscii, makeColumn, makeTextColumn, selectionOf, validityOf } from '../kernels/vector.ts';
import type { Node } from './node.ts';
import { rowwise } from './rowwise.ts';

type Evaluate = (batch: Batch) => arrow.Data;

/** text || text on bytes. */
export function compileTextConcat(a: Node, b: Node): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const da = a.evaluate(batch), db = b.evaluate(batch);
    const validity = andValidity(n, validityOf(da), validityOf(db));
    const ao = da.valueOffsets as Int32Array, ab = da.values as Uint8Array;
    const bo = db.valueOffsets as Int32Array, bb = db.values as Uint8Array;
    const offsets = new Int32Array(n + 1);
    const lengths = new Int32Array(n);
    for (let k = 0; k < sel.length; k++) { const i = sel[k]!; lengths[i] = ao[i + 1]! - ao[i]! + bo[i + 1]! - bo[i]!; }
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + lengths[i]!;
    const bytes = new Uint8Array(offsets[n]!);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const o = offsets[i]!;
      copyBytes(bytes, o, ab, ao[i]!, ao[i + 1]!);
      copyBytes(bytes, o + ao[i + 1]! - ao[i]!, bb, bo[i]!, bo[i + 1]!);
    }
    return makeTextColumn(n, offsets, bytes, validity);
  };
}

/** substring with constant bounds: byte slicing when the batch's text is ASCII. */
export function compileSubstring(args: readonly Node[], type: DataType): Evaluate {
  const slow = rowwise(args, type, (v) => STRING_FUNCTIONS.substring!(v, [], type), true);
  const start = args[1]!.constant?.value, count = args.length > 2 ? args[2]!.constant?.value : undefined;
  if (typeof start !== 'number' || (args.length > 2 && typeof count !== 'number') || (typeof count === 'number' && count < 0)) return slow;
  return (batch) => {
    const n = batch.numRows;
    const data = args[0]!.evaluate(batch);
    const bytes = data.values as Uint8Array;
    if (!isAscii(bytes)) return slow(batch);
    const sel = selectionOf(batch.selection, n);
    const off = data.valueOffsets as Int32Array;
    const offsets = new Int32Array(n + 1);
    const starts = new Int32Array(n);
    const from = Math.max(start, 1) - 1;
    const endChar = typeof count === 'number' ? start + count - 1 : Infinity; // exclusive, 0-based
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const len = off[i + 1]! - off[i]!;
      const to = Math.min(endChar, len);
      starts[i] = off[i]! + from;
      offsets[i + 1] = to > from ? to - from : 0; // temporarily the length
    }
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + offsets[i + 1]!;
    const out = new Uint8Array(offsets[n]!);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const len = offsets[i + 1]! - offsets[i]!;
      if (len > 0) copyBytes(out, offsets[i]!, bytes, starts[i]!, starts[i]! + len);
    }
    return makeTextColumn(n, offsets, out, validityOf(data));
  };
}

/** length / octet_length on bytes: characters are the bytes that do not continue a UTF-8 sequence. */
export function compileLength(arg: Node, type: DataType, octets: boolean): Evaluate {
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = arg.evaluate(batch);
    const off = data.valueOffsets as Int32Array, bytes = data.values as Uint8Array;
    const out = new Int32Array(n);
    if (octets || isAscii(bytes)) {
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = off[i + 1]! - off[i]!; }
    } else {
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k]!;
        let c = 0;
        for (let j = off[i]!, e = off[i + 1]!; j < e; j++) if ((bytes[j]! & 0xc0) !== 0x80) c++;
        out[i] = c;
      }
    }
    return makeColumn(type, n, out, validityOf(data));
  };
}

/** upper / lower: ASCII batches map bytes; others take the Unicode-aware row-wise path. */
export function compileCaseFold(arg: Node, type: DataType, upper: boolean, slow: Evaluate): Evaluate {
  const from = upper ? 0x61 : 0x41, to = upper ? 0x7a : 0x5a, delta = upper ? -32 : 32;
  return (batch) => {
    const data = arg.evaluate(batch);
    const bytes = data.values as Uint8Array;
    if (!isAscii(bytes)) return slow(batch);
    const out = new Uint8Array(bytes.length);
    for (let j = 0; j < bytes.length; j++) { const b = bytes[j]!; out[j] = b >= from && b <= to ? b + delta : b; }
    return makeTextColumn(batch.numRows, data.valueOffsets as Int32Array, out, validityOf(data));
  };
}

