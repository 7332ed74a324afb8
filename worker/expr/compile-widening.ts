/**
 * Comparisons of a widened column with a constant, run on the column's own lanes.
 *
 * The planner casts the narrower side up (PostgreSQL's rules), so filters such as
 *   l_shipdate < date '1994-01-01' + interval '1' year   →  CAST(l_shipdate AS timestamp) < ts
 *   c_acctbal > (select avg(c_acctbal) …)                →  CAST(c_acctbal AS numeric(38,16)) > wide
 * would convert every row. With the column's values x and a widening factor F
 * (µs per day, or 10^Δscale) the test is exact on x itself:
 *   x·F < c ⇔ x < ⌈c/F⌉    x·F ≤ c ⇔ x ≤ ⌊c/F⌋    x·F > c ⇔ x > ⌊c/F⌋    x·F ≥ c ⇔ x ≥ ⌈c/F⌉
 *   x·F = c ⇔ F | c ∧ x = c/F
 */
import { type DataType, isInteger, isNarrowDecimal } from '../../core/index.ts';
import type { ColumnId, Expr } from '../../planner/index.ts';
import { type CompareOp } from '../kernels/compare.ts';
import { type CompiledBoolean, compileCompare } from './compile-compare.ts';
import { type Node, constantNode } from './node.ts';

const MICROS_PER_DAY = 86_400_000_000n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The widening factor of a cast whose input values are integers in number lanes, or null. */
function wideningFactor(from: DataType, to: DataType): bigint | null {
  if (from.kind === 'date' && (to.kind === 'timestamp' || to.kind === 'timestamptz')) return MICROS_PER_DAY;
  if (to.kind !== 'decimal') return null;
  const fromScale = from.kind === 'decimal' && isNarrowDecimal(from) ? from.scale : isInteger(from) ? 0 : -1;
  if (fromScale < 0 || to.scale < fromScale) return null;
  return 10n ** BigInt(to.scale - fromScale);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** Compiles `CAST(x) op constant` on x's lanes, or returns null when the shape does not apply. */
export function compareWidenedWithConstant(
  op: CompareOp, a: Expr, b: Expr, layout: ReadonlyMap<ColumnId, number>,
  compileNode: (e: Expr, layout: ReadonlyMap<ColumnId, number>) => Node,
): CompiledBoolean | null {
  if (a.kind !== 'cast' || b.kind === 'column') return null;
  const from = a.input.type, to = a.type;
  // int2/int4 widened to int8 or float8: the constant compares with the int lanes exactly as a double
  if ((from.kind === 'int16' || from.kind === 'int32') && (to.kind === 'int64' || to.kind === 'float64')) {
    const v = compileNode(b, layout).constant?.value;
    if ((typeof v !== 'number' && typeof v !== 'bigint') || Number.isNaN(v)) return null;
    const c = Number(v);
    if (typeof v === 'bigint' && BigInt(c) !== v) return null;
    return compileCompare(op, compileNode(a.input, layout), constantNode(c, from));
  }
  const factor = wideningFactor(from, to);
  if (factor === null) return null;
  const constant = compileNode(b, layout).constant;
  if (constant === null || (typeof constant.value !== 'bigint' && typeof constant.value !== 'number')) return null;
  if (typeof constant.value === 'number' && !Number.isInteger(constant.value)) return null;
  const c = BigInt(constant.value);
  const floor = floorDiv(c, factor);
  const exact = floor * factor === c;
  const ceil = exact ? floor : floor + 1n;
  if (floor > MAX_SAFE || ceil < -MAX_SAFE) return null;
  const x = compileNode(a.input, layout);
  const inputType = a.input.type;
  const k = (v: bigint): Node => constantNode(inputType.kind === 'int64' ? v : Number(v), inputType);
  switch (op) {
    case 'lt': return compileCompare('lt', x, k(ceil));
    case 'ge': return compileCompare('ge', x, k(ceil));
    case 'le': return compileCompare('le', x, k(floor));
    case 'gt': return compileCompare('gt', x, k(floor));
    case 'eq': case 'ne': return exact ? compileCompare(op, x, k(floor)) : null;
  }
}
