/**
 * `x [NOT] IN (v1, v2, …)` with SQL's NULL rules: TRUE on a match, else NULL when
 * x or any list item is NULL, else FALSE. Constant lists over numbers use a Set
 * of numbers; text lists compare UTF-8 bytes in one pass (a Set of strings past 16 items);
 * lists with expressions fall back to comparing row by row.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, readValue } from '../../core/index.ts';
import { selectTrue } from '../kernels/boolean.ts';
import { selectTextInList } from '../kernels/compare.ts';
import { booleanFromSelection, filterValid, selectionMinus, selectionOf, setInvalid, validityOf, allValid } from '../kernels/vector.ts';
import { compareValues } from './compile-compare.ts';
import { type Node, constantNumber, hasNumberLanes, numberLanes } from './node.ts';

/** A compiled IN list (boolean column with SQL's NULL rules). */
export interface CompiledInList {
  evaluate(batch: Batch): arrow.Data;
  /** The rows of `sel` where it is TRUE (a WHERE clause), without building the boolean column. */
  select(batch: Batch, sel: Int32Array): Int32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Compiles an IN list (the planner cast every item to the input's type). */
export function compileInList(input: Node, list: readonly Node[], negated: boolean): CompiledInList {
  const type = input.type;
  const allConstant = list.every((n) => n.constant !== null);
  const listHasNull = allConstant && list.some((n) => n.constant!.value === null);
  const values = allConstant ? list.map((n) => n.constant!.value).filter((v) => v !== null) : [];
  // rows of `rows` (valid input) that match some item
  let matchRows: (batch: Batch, data: arrow.Data, rows: Int32Array) => Int32Array;
  if (allConstant && hasNumberLanes(type) && values.every((v) => constantNumber(v) !== null)) {
    const set = new Set(values.map((v) => constantNumber(v)!));
    matchRows = (_batch, data, rows) => {
      const lanes = numberLanes(data, type, rows);
      const out = new Int32Array(rows.length);
      let m = 0;
      if (lanes === null) {
        for (let k = 0; k < rows.length; k++) { const i = rows[k]!; if (set.has(Number(readValue(data, type, i)))) out[m++] = i; }
      } else {
        for (let k = 0; k < rows.length; k++) { const i = rows[k]!; if (set.has(lanes[i]!)) out[m++] = i; }
      }
      return out.subarray(0, m);
    };
  } else if (allConstant && type.kind === 'text' && values.length <= 16) {
    const encoded = values.map((v) => encoder.encode(v as string));
    matchRows = (_batch, data, rows) => selectTextInList(data.valueOffsets as Int32Array, data.values as Uint8Array, encoded, rows);
  } else if (allConstant && type.kind === 'text') {
    const set = new Set(values as string[]);
    matchRows = (_batch, data, rows) => {
      const offsets = data.valueOffsets as Int32Array, bytes = data.values as Uint8Array;
      const out = new Int32Array(rows.length);
      let m = 0;
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        if (set.has(decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!)))) out[m++] = i;
      }
      return out.subarray(0, m);
    };
  } else {
    matchRows = (batch, data, rows) => {
      const sub = batch.withSelection(rows);
      const items = list.map((n) => n.evaluate(sub));
      const out = new Int32Array(rows.length);
      let m = 0;
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        const x = readValue(data, type, i);
        for (let j = 0; j < items.length; j++) {
          const y = readValue(items[j]!, list[j]!.type, i);
          if (y !== null && compareValues(x, y, type) === 0) { out[m++] = i; break; }
        }
      }
      return out.subarray(0, m);
    };
  }
  const itemsMayBeNull = !allConstant;
  return {
    select(batch, sel) {
      const sub = batch.selection === sel ? batch : batch.withSelection(sel);
      const data = input.evaluate(sub);
      const rows = filterValid(sel, validityOf(data));
      if (!negated) return matchRows(sub, data, rows);
      // NOT IN is TRUE where nothing matched, unless a list item is NULL there
      if (listHasNull) return new Int32Array(0);
      if (itemsMayBeNull) return selectTrue(this.evaluate(sub), sel);
      return selectionMinus(rows, matchRows(sub, data, rows));
    },
    evaluate(batch) {
      const n = batch.numRows;
      const sel = selectionOf(batch.selection, n);
      const data = input.evaluate(batch);
      const inputValidity = validityOf(data);
      const rows = filterValid(sel, inputValidity);
      const hits = matchRows(batch, data, rows);
      // NULL where the input is NULL, or where nothing matched and the list has a NULL
      let validity: Uint8Array | null = inputValidity;
      if (listHasNull || itemsMayBeNull) {
        validity = allValid(n);
        if (inputValidity) validity.set(inputValidity.subarray(0, validity.length));
        const misses = selectionMinus(rows, hits);
        if (listHasNull) for (let k = 0; k < misses.length; k++) setInvalid(validity, misses[k]!);
        else if (itemsMayBeNull) {
          const sub = batch.withSelection(misses);
          const items = list.map((x) => x.evaluate(sub));
          for (let k = 0; k < misses.length; k++) {
            const i = misses[k]!;
            if (items.some((d, j) => readValue(d, list[j]!.type, i) === null)) setInvalid(validity, i);
          }
        }
      }
      if (!negated) return booleanFromSelection(n, hits, validity);
      return booleanFromSelection(n, selectionMinus(rows, hits), validity);
    },
  };
}
