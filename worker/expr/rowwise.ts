/**
 * The slow path: evaluates a function of LiteralValues row by row at the selected
 * rows. Used for rare functions and types (to_char, lpad, interval math, wide
 * decimals in odd places) where a dedicated kernel would not pay for itself.
 * Hot operators (comparisons, arithmetic, LIKE, casts between numbers, CASE) have
 * typed-array kernels instead.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, type LiteralValue, columnFromValues, readValue } from '../../core/index.ts';
import { selectionOf } from '../kernels/vector.ts';
import type { Node } from './node.ts';

/** A function of one row's argument values; `strict` functions return NULL on any NULL argument without being called. */
export function rowwise(args: readonly Node[], type: DataType, fn: (values: LiteralValue[]) => LiteralValue, strict: boolean): (batch: Batch) => arrow.Data {
  const m = args.length;
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const datas = args.map((a) => a.evaluate(batch));
    const out = new Array<LiteralValue>(n).fill(null);
    const values = new Array<LiteralValue>(m);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      let hasNull = false;
      for (let j = 0; j < m; j++) {
        const v = readValue(datas[j]!, args[j]!.type, i);
        values[j] = v;
        if (v === null) hasNull = true;
      }
      out[i] = strict && hasNull ? null : fn(values);
    }
    return columnFromValues(type, out);
  };
}
