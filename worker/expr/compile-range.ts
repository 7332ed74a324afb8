/**
 * Two conjuncts bounding one integer-valued column by constants from below and above
 * (`l_shipdate >= date '1994-01-01' AND l_shipdate < date '1995-01-01'`, `BETWEEN`) run as one
 * range pass: one read of the column and one selection instead of two. Applies to int16, int32,
 * date and narrow-decimal columns (integers in their number lanes, so strict bounds become
 * inclusive ones); floats (NaN ordering) and int64 lanes keep the separate comparisons.
 */
import { type Batch, type DataType, isNarrowDecimal } from '../../core/index.ts';
import type { Expr } from '../../planner/index.ts';
import { selectRangeNumbers } from '../kernels/compare.ts';
import { filterValid, validityOf } from '../kernels/vector.ts';
import type { Node } from './node.ts';

/** One side of a range: column `id` compared with a constant. */
interface Bound {
  readonly column: Expr & { kind: 'column' };
  /** Inclusive integer bound. */
  readonly value: number;
  readonly lower: boolean;
}

const FLIP: Record<string, string> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

function integerLanes(t: DataType): boolean {
  return t.kind === 'int16' || t.kind === 'int32' || t.kind === 'date' || isNarrowDecimal(t);
}

/** The bound `expr` puts on a column, or null when it is not `column op constant` on integer lanes. */
function boundOf(expr: Expr): Bound | null {
  if (expr.kind !== 'call' || expr.args.length !== 2) return null;
  let [a, b] = expr.args as [Expr, Expr];
  let op = expr.fn;
  if (FLIP[op] === undefined) return null;
  if (a.kind === 'literal' && b.kind === 'column') { [a, b] = [b, a]; op = FLIP[op]!; }
  if (a.kind !== 'column' || b.kind !== 'literal' || typeof b.value !== 'number' || !Number.isFinite(b.value)) return null;
  if (!integerLanes(a.type) || a.type.kind !== b.type.kind) return null;
  if (a.type.kind === 'decimal' && (b.type.kind !== 'decimal' || b.type.scale !== a.type.scale)) return null;
  const c = b.value;
  switch (op) {
    case 'gt': return { column: a, value: Math.floor(c) + 1, lower: true };
    case 'ge': return { column: a, value: Math.ceil(c), lower: true };
    case 'lt': return { column: a, value: Math.ceil(c) - 1, lower: false };
    default: return { column: a, value: Math.floor(c), lower: false };
  }
}

/** A fused range: conjuncts `first` and `second` of the AND become `select`. */
export interface RangePair {
  readonly first: number;
  readonly second: number;
  select(batch: Batch, sel: Int32Array): Int32Array;
}

/**
 * Pairs of conjuncts (by position) that bound the same column from below and above, each
 * conjunct in at most one pair; `columnNode` compiles the column.
 */
export function rangePairs(conjuncts: readonly Expr[], columnNode: (e: Expr) => Node): RangePair[] {
  const bounds = conjuncts.map(boundOf);
  const used = new Set<number>();
  const pairs: RangePair[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const x = bounds[i];
    if (!x || used.has(i)) continue;
    for (let j = i + 1; j < bounds.length; j++) {
      const y = bounds[j];
      if (!y || used.has(j) || y.column.id !== x.column.id || y.lower === x.lower) continue;
      used.add(i);
      used.add(j);
      const lo = x.lower ? x.value : y.value, hi = x.lower ? y.value : x.value;
      const node = columnNode(x.column);
      pairs.push({
        first: i,
        second: j,
        select(batch, sel) {
          const data = node.evaluate(batch);
          const rows = filterValid(sel, validityOf(data));
          return selectRangeNumbers(data.values as ArrayLike<number>, lo, hi, rows, rows.length === batch.numRows);
        },
      });
      break;
    }
  }
  return pairs;
}
