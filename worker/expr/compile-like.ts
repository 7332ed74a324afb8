/**
 * [NOT] LIKE / ILIKE. A constant pattern compiles once to a byte matcher
 * (kernels/like.ts); a per-row pattern is recompiled only when it changes.
 * ILIKE lowercases ASCII bytes in place of decoding; batches with non-ASCII
 * text take the decode → toLowerCase path.
 */
import type * as arrow from 'apache-arrow';
import { T, columnFromValues, readValue } from '../../core/index.ts';
import { type ByteMatcher, compileLike, selectLike } from '../kernels/like.ts';
import { andValidity, booleanFromSelection, filterValid, makeTextColumn, selectionOf, validityOf } from '../kernels/vector.ts';
import type { CompiledBoolean, Selector } from './compile-compare.ts';
import type { Node } from './node.ts';

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** The column with its text lowercased (ASCII fast path). */
function lowerColumn(data: arrow.Data): arrow.Data {
  const bytes = data.values as Uint8Array;
  if (!hasNonAscii(bytes)) {
    const lowered = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) { const b = bytes[i]!; lowered[i] = b >= 0x41 && b <= 0x5a ? b + 32 : b; }
    return makeTextColumn(data.length, data.valueOffsets as Int32Array, lowered, validityOf(data));
  }
  const values = Array.from({ length: data.length }, (_, i) => {
    const v = readValue(data, T.text, i);
    return v === null ? null : (v as string).toLowerCase();
  });
  return columnFromValues(T.text, values);
}

/** Compiles `input [NOT] [I]LIKE pattern`. */
export function compileLikeExpr(fn: 'like' | 'not_like' | 'ilike' | 'not_ilike', input: Node, pattern: Node): CompiledBoolean {
  const negate = fn === 'not_like' || fn === 'not_ilike';
  const insensitive = fn === 'ilike' || fn === 'not_ilike';
  let core: (batch: Parameters<Selector>[0], sel: Int32Array) => { trues: Int32Array; validity: Uint8Array | null };
  const pc = pattern.constant;
  if (pc) {
    const matcher: ByteMatcher | null = pc.value === null ? null : compileLike(insensitive ? (pc.value as string).toLowerCase() : (pc.value as string));
    core = (batch, sel) => {
      if (matcher === null) return { trues: new Int32Array(0), validity: new Uint8Array((batch.numRows + 7) >> 3) };
      let data = input.evaluate(batch.withSelection(sel));
      const validity = validityOf(data);
      if (insensitive) data = lowerColumn(data);
      const rows = filterValid(sel, validity);
      return { trues: selectLike(matcher, data.valueOffsets as Int32Array, data.values as Uint8Array, rows, negate), validity };
    };
  } else {
    core = (batch, sel) => {
      const sub = batch.withSelection(sel);
      let data = input.evaluate(sub);
      const pdata = pattern.evaluate(sub);
      const validity = andValidity(batch.numRows, validityOf(data), validityOf(pdata));
      if (insensitive) data = lowerColumn(data);
      const rows = filterValid(sel, validity);
      const offsets = data.valueOffsets as Int32Array, bytes = data.values as Uint8Array;
      const out = new Int32Array(rows.length);
      let m = 0, lastPattern: string | null = null, matcher: ByteMatcher | null = null;
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        let p = readValue(pdata, T.text, i) as string;
        if (insensitive) p = p.toLowerCase();
        if (p !== lastPattern) { matcher = compileLike(p); lastPattern = p; }
        if (matcher!(bytes, offsets[i]!, offsets[i + 1]!) !== negate) out[m++] = i;
      }
      return { trues: out.subarray(0, m), validity };
    };
  }
  return {
    select: (batch, sel) => core(batch, sel).trues,
    evaluate(batch) {
      const r = core(batch, selectionOf(batch.selection, batch.numRows));
      return booleanFromSelection(batch.numRows, r.trues, r.validity);
    },
  };
}
