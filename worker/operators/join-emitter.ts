/**
 * Join-type semantics over candidate pairs, shared by the hash join and the
 * nested-loop join. The join finds candidate (probe row, build row) pairs; the
 * emitter evaluates the residual condition on them and decides what to output:
 *
 *   inner / cross        matching pairs
 *   left / full          + probe rows without a match, right side NULL
 *   right / full         + build rows never matched (finishBuild), left side NULL
 *   semi / anti          probe rows with / without a match (a selection, no copy)
 *   anti_null_aware      NOT IN: also drops probe rows with an "unknown" pair
 *   mark                 probe rows + boolean: TRUE matched, NULL unknown, FALSE
 *
 * "Unknown" pairs only exist for IN / NOT IN (null-aware) joins: pairs that
 * satisfy the correlation conditions but whose IN equality is NULL (the hash
 * join passes them flagged; the nested-loop join evaluates the IN equality
 * three-valued). The residual itself is a filter: NULL counts as no match.
 */
import * as arrow from 'apache-arrow';
import { Batch } from '../../core/index.ts';
import type { JoinType } from '../../planner/index.ts';
import type { CompiledExpr, CompiledPredicate } from '../expr/index.ts';
import { nullData, take, validityOf } from '../kernels/take.ts';

/** What is evaluated on candidate pairs. */
export interface Residual {
  /** Must be TRUE for a pair to count (NULL = FALSE). */
  readonly predicate: CompiledPredicate | null;
  /** The IN equality of a null-aware nested-loop join: TRUE matches, NULL is unknown. */
  readonly nullAware: CompiledExpr | null;
}

/** Per-probe-batch match state: 1 = matched, 2 = unknown (only when not matched). */
export type ProbeState = Uint8Array;

/** Applies residual and join type to candidate pairs; tracks matched build rows. */
export class JoinEmitter {
  readonly joinType: JoinType;
  private readonly leftTypes: readonly arrow.DataType[];
  private readonly rightTypes: readonly arrow.DataType[];
  private readonly residual: Residual;
  private readonly build: Batch;
  private readonly buildMatched: Uint8Array | null;

  constructor(joinType: JoinType, leftTypes: readonly arrow.DataType[], rightTypes: readonly arrow.DataType[], residual: Residual, build: Batch) {
    this.joinType = joinType;
    this.leftTypes = leftTypes;
    this.rightTypes = rightTypes;
    this.residual = residual;
    this.build = build;
    this.buildMatched = joinType === 'right' || joinType === 'full' ? new Uint8Array(build.numRows) : null;
  }

  /** True when pairs are filtered by a residual condition. */
  get hasResidual(): boolean {
    return this.residual.predicate !== null || this.residual.nullAware !== null;
  }

  /** True when pairs only matter for their match flags (no pair output). */
  private get flagsOnly(): boolean {
    const t = this.joinType;
    return t === 'semi' || t === 'anti' || t === 'anti_null_aware' || t === 'mark';
  }

  private pairBatch(probe: Batch, probeRows: Int32Array, buildRows: Int32Array, n: number): Batch {
    const cols: arrow.Data[] = [];
    for (const c of probe.columns) cols.push(take(c, probeRows, n));
    for (const c of this.build.columns) cols.push(take(c, buildRows, n));
    return new Batch(cols, n, null);
  }

  /**
   * Processes candidate pairs of one probe batch. `unknown` pairs (NULL key
   * comparisons) can only make a probe row unknown. Returns the pair rows to
   * output, if this join type outputs pairs.
   */
  pairs(probe: Batch, probeRows: Int32Array, buildRows: Int32Array, n: number, state: ProbeState, unknown = false): Batch | null {
    if (n === 0) return null;
    const r = this.residual;
    if (this.flagsOnly && r.predicate === null && r.nullAware === null) {
      const flag = unknown ? 2 : 1;
      for (let i = 0; i < n; i++) { const p = probeRows[i]!; if (state[p] !== 1) state[p] = flag; }
      return null;
    }
    const pairs = this.pairBatch(probe, probeRows, buildRows, n);
    const sel: Int32Array | null = r.predicate ? r.predicate.select(pairs) : null;
    const m = sel ? sel.length : n;
    if (r.nullAware) {
      const v = r.nullAware.evaluate(sel ? pairs.withSelection(sel) : pairs);
      const valid = validityOf(v);
      const bits = v.values as Uint8Array;
      for (let k = 0; k < m; k++) {
        const i = sel ? sel[k]! : k;
        const isNull = v.typeId === arrow.Type.Null || (valid !== null && ((valid[i >> 3]! >> (i & 7)) & 1) === 0);
        const isTrue = !isNull && ((bits[i >> 3]! >> (i & 7)) & 1) === 1;
        if (!isNull && !isTrue) continue;
        const p = probeRows[i]!;
        if (isTrue && !unknown) state[p] = 1;
        else if (state[p] !== 1) state[p] = 2;
      }
      return null;
    }
    if (unknown) {
      for (let k = 0; k < m; k++) { const p = probeRows[sel ? sel[k]! : k]!; if (state[p] !== 1) state[p] = 2; }
      return null;
    }
    for (let k = 0; k < m; k++) state[probeRows[sel ? sel[k]! : k]!] = 1;
    if (this.flagsOnly) return null;
    if (this.buildMatched) for (let k = 0; k < m; k++) this.buildMatched[buildRows[sel ? sel[k]! : k]!] = 1;
    if (m === 0) return null;
    return sel && sel.length < n ? pairs.withSelection(sel) : pairs;
  }

  /** Output owed for one probe batch once all its pairs are processed. */
  finishProbe(probe: Batch, state: ProbeState): Batch | null {
    const rows = probe.selection;
    const count = probe.length;
    const pick = (want: (s: number) => boolean): Int32Array => {
      const out = new Int32Array(count);
      let n = 0;
      for (let i = 0; i < count; i++) { const p = rows ? rows[i]! : i; if (want(state[p]!)) out[n++] = p; }
      return out.subarray(0, n);
    };
    switch (this.joinType) {
      case 'semi': return probe.withSelection(pick((s) => s === 1));
      case 'anti': return probe.withSelection(pick((s) => s !== 1));
      case 'anti_null_aware': return probe.withSelection(pick((s) => s === 0));
      case 'mark': {
        const bits = new Uint8Array((probe.numRows + 7) >> 3);
        const valid = new Uint8Array((probe.numRows + 7) >> 3);
        let nulls = 0;
        for (let p = 0; p < probe.numRows; p++) {
          const s = state[p]!;
          if (s === 2) { nulls++; continue; }
          valid[p >> 3]! |= 1 << (p & 7);
          if (s === 1) bits[p >> 3]! |= 1 << (p & 7);
        }
        const mark = arrow.makeData({ type: new arrow.Bool(), length: probe.numRows, data: bits, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null });
        return probe.withColumns([...probe.columns, mark]);
      }
      case 'left': case 'full': {
        const unmatched = pick((s) => s !== 1);
        if (unmatched.length === 0) return null;
        const n = unmatched.length;
        return new Batch([...probe.columns.map((c) => take(c, unmatched)), ...this.rightTypes.map((t) => nullData(t, n))], n, null);
      }
      default:
        return null;
    }
  }

  /** Build rows never matched, for right and full joins (after the last probe batch). */
  finishBuild(): Batch | null {
    if (!this.buildMatched) return null;
    const n0 = this.build.numRows;
    const rows = new Int32Array(n0);
    let n = 0;
    for (let b = 0; b < n0; b++) if (this.buildMatched[b] === 0) rows[n++] = b;
    if (n === 0) return null;
    const sel = rows.subarray(0, n);
    return new Batch([...this.leftTypes.map((t) => nullData(t, n)), ...this.build.columns.map((c) => take(c, sel))], n, null);
  }
}
