/**
 * UnnestExec: `unnest(array, …)` per input row, columnar.
 *
 * For each batch the array expressions are evaluated to Arrow List columns; their
 * offsets give each row's element count (the longest array when zipped; 0 for a
 * NULL array). One pass builds a take-index repeating each input row once per
 * element and, per array, an index into the List's child values (-1 past the end
 * of a shorter array, which `take` turns into NULL). The passed-through columns
 * and the element columns are then gathered with `take`. No row objects.
 */
import * as arrow from 'apache-arrow';
import { Batch } from '../../core/index.ts';
import type { UnnestExec } from '../../planner/index.ts';
import { compileExpr } from '../expr/index.ts';
import { take, validityOf } from '../kernels/take.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf, stream } from './physical-operator.ts';

/** Output rows per emitted batch, at most (an input row's elements are never split across batches unless it alone exceeds it). */
const OUTPUT_ROWS = 1 << 16;

/** One evaluated array column: offsets, validity and child values (null when the column is all NULL). */
interface ListColumn {
  readonly offsets: Int32Array | null;
  readonly validity: Uint8Array | null;
  readonly values: arrow.Data | null;
}

function listColumn(data: arrow.Data): ListColumn {
  if (data.typeId !== arrow.Type.List) return { offsets: null, validity: null, values: null };
  return { offsets: data.valueOffsets as Int32Array, validity: validityOf(data), values: data.children[0]! };
}

/** Element count of physical row `r` of `l` (0 when NULL). */
function lengthAt(l: ListColumn, r: number): number {
  if (l.offsets === null) return 0;
  if (l.validity !== null && ((l.validity[r >> 3]! >> (r & 7)) & 1) === 0) return 0;
  return l.offsets[r + 1]! - l.offsets[r]!;
}

/** Runs UnnestExec. */
export class UnnestOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: UnnestExec;
  private readonly input: PhysicalOperator;

  constructor(plan: UnnestExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const layout = layoutOf(this.plan.input.columns);
    const arrays = this.plan.arrays.map((e) => compileExpr(e, layout));
    const nullElements = arrays.map(() => arrow.makeData({ type: new arrow.Null(), length: 0, nullCount: 0 } as never));
    // The output's leading columns are the input columns passed through (projection pruning may have dropped some).
    const passThrough = this.plan.columns.slice(0, this.plan.columns.length - arrays.length - (this.plan.ordinality ? 1 : 0)).map((c) => layout.get(c.id)!);
    const outer = this.plan.outer === true;
    for await (const batch of stream(this.input, ctx)) {
      const lists = arrays.map((a) => listColumn(a.evaluate(batch)));
      const sel = batch.selection;
      const n = batch.length;
      let start = 0;
      while (start < n) {
        // Rows [start, end) produce at most OUTPUT_ROWS rows (at least one input row per chunk).
        let total = 0;
        let end = start;
        while (end < n) {
          const r = sel !== null ? sel[end]! : end;
          let len = outer ? 1 : 0;
          for (let k = 0; k < lists.length; k++) { const l = lengthAt(lists[k]!, r); if (l > len) len = l; }
          if (total > 0 && total + len > OUTPUT_ROWS) break;
          total += len;
          end++;
        }
        if (total > 0) yield this.chunk(batch, passThrough, lists, start, end, total, nullElements);
        start = end;
      }
    }
  }

  private chunk(batch: Batch, passThrough: readonly number[], lists: readonly ListColumn[], start: number, end: number, total: number, nullElements: readonly arrow.Data[]): Batch {
    const sel = batch.selection;
    const rows = new Int32Array(total);
    const elements = lists.map(() => new Int32Array(total));
    const ordinal = this.plan.ordinality ? new BigInt64Array(total) : null;
    // Ordinals are small: write the low 32-bit words (little-endian) rather than BigInts.
    const ordinalWords = ordinal !== null ? new Int32Array(ordinal.buffer) : null;
    const outer = this.plan.outer === true;
    // Outer: a row without elements yields one row whose ordinality is NULL.
    let ordinalValidity: Uint8Array | null = null;
    let ordinalNulls = 0;
    let o = 0;
    for (let i = start; i < end; i++) {
      const r = sel !== null ? sel[i]! : i;
      let len = 0;
      for (let k = 0; k < lists.length; k++) { const l = lengthAt(lists[k]!, r); if (l > len) len = l; }
      if (len === 0 && outer) {
        for (let k = 0; k < lists.length; k++) elements[k]![o] = -1;
        rows[o] = r;
        if (ordinal !== null) {
          if (ordinalValidity === null) { ordinalValidity = new Uint8Array((total + 7) >> 3).fill(0xff); }
          ordinalValidity[o >> 3]! &= ~(1 << (o & 7));
          ordinalNulls++;
        }
        o++;
        continue;
      }
      for (let k = 0; k < lists.length; k++) {
        const l = lists[k]!;
        const have = lengthAt(l, r);
        const base = have > 0 ? l.offsets![r]! : 0;
        const out = elements[k]!;
        for (let j = 0; j < len; j++) out[o + j] = j < have ? base + j : -1;
      }
      for (let j = 0; j < len; j++) rows[o + j] = r;
      if (ordinalWords !== null) for (let j = 0; j < len; j++) ordinalWords[(o + j) * 2] = j + 1;
      o += len;
    }
    const columns: arrow.Data[] = passThrough.map((c) => take(batch.columns[c]!, rows));
    lists.forEach((l, k) => columns.push(take(l.values ?? nullElements[k]!, elements[k]!)));
    if (ordinal !== null) columns.push(arrow.makeData({ type: new arrow.Int64(), length: total, nullCount: ordinalNulls, nullBitmap: ordinalNulls > 0 ? ordinalValidity : null, data: ordinal }));
    return new Batch(columns, total, null);
  }
}
