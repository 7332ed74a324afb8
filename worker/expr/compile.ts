/**
 * Compiles bound expressions (planner/expr.ts) into closures over batches.
 *
 *   compileExpr      → evaluate(batch): a column valid at the batch's selected rows
 *   compilePredicate → select(batch):   the selected rows where the predicate is TRUE
 *
 * Boolean operators compile to both forms: AND narrows the selection before its
 * right operand, OR evaluates its right operand only on rows not already TRUE, and
 * comparisons run select kernels directly, so filters never build boolean columns.
 * Subtrees without column references are folded to constants at compile time.
 */
import type * as arrow from 'apache-arrow';
import { Batch, type DataType, LochError, type LiteralValue, SqlState, T, readValue } from '../../core/index.ts';
import type { ColumnId, Expr } from '../../planner/index.ts';
import { andColumns, isBoolColumn, isNullColumn, notColumn, orColumns, selectByValidity, selectFalse, selectNotFalse, selectNotTrue, selectTrue } from '../kernels/boolean.ts';
import { type CompareOp, flipCompare } from '../kernels/compare.ts';
import { mergeColumns, type MergePiece } from '../kernels/merge.ts';
import { selectionMinus, selectionOf } from '../kernels/vector.ts';
import type { ArithOp } from '../kernels/arithmetic.ts';
import { compileArith, compileNegate } from './compile-arith.ts';
import { compileCast } from './compile-cast.ts';
import { type CompiledBoolean, compileCompare, compileDistinct } from './compile-compare.ts';
import { compileFunction, isVolatileFunction } from './compile-functions.ts';
import { compileInList } from './compile-in-list.ts';
import { compareWidenedWithConstant } from './compile-widening.ts';
import { compileLikeExpr } from './compile-like.ts';
import { adaptiveConjunction } from './conjunct-order.ts';
import { type Node, columnNode, constantNode } from './node.ts';
import { countArithUse, countUse, sharedNode, trackArith } from './shared-nodes.ts';

/** ColumnId → index of the column in the input batch. */
export type Layout = ReadonlyMap<ColumnId, number>;

const COMPARE_OPS: Record<string, CompareOp> = { eq: 'eq', ne: 'ne', lt: 'lt', le: 'le', gt: 'gt', ge: 'ge' };
const ARITH_OPS: Record<string, ArithOp> = { add: 'add', subtract: 'subtract', multiply: 'multiply', divide: 'divide', modulo: 'modulo' };

const ONE_ROW = new Batch([], 1, null);

/** Evaluates a node that has no column references to a single value. */
function foldNode(node: Node): LiteralValue {
  return readValue(node.evaluate(ONE_ROW), node.type, 0);
}

/** True when `expr` reads no columns and calls nothing volatile (so it can be folded once). */
export function isConstantExpr(expr: Expr): boolean {
  switch (expr.kind) {
    case 'literal': return true;
    case 'column': case 'subquery': return false;
    case 'call': return !isVolatileFunction(expr.fn) && expr.args.every(isConstantExpr);
    case 'cast': return isConstantExpr(expr.input);
    case 'case': return expr.whens.every((w) => isConstantExpr(w.when) && isConstantExpr(w.then)) && (expr.otherwise === null || isConstantExpr(expr.otherwise));
    case 'in_list': return isConstantExpr(expr.input) && expr.list.every(isConstantExpr);
  }
}

const ERROR_FREE_CALLS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'and', 'or', 'not', 'is_null', 'is_not_null']);

/** True when evaluating `expr` can never raise an error (comparisons and IN lists of columns and constants). */
export function isErrorFree(expr: Expr): boolean {
  switch (expr.kind) {
    case 'column': case 'literal': return true;
    // constant subtrees are folded when compiled: an error there is raised whatever the order
    case 'cast': return isConstantExpr(expr);
    case 'in_list': return isErrorFree(expr.input) && expr.list.every(isErrorFree);
    case 'call': return (ERROR_FREE_CALLS.has(expr.fn) && expr.args.every(isErrorFree)) || isConstantExpr(expr);
    default: return false;
  }
}

/** Compiles a boolean-valued expression into both forms. */
function compileBooleanExpr(expr: Expr, layout: Layout): CompiledBoolean | null {
  if (expr.kind !== 'call') return null;
  const cmp = COMPARE_OPS[expr.fn];
  if (cmp && expr.args.length === 2) {
    const narrowed = compareWidenedWithConstant(cmp, expr.args[0]!, expr.args[1]!, layout, compileNode)
      ?? compareWidenedWithConstant(flipCompare(cmp), expr.args[1]!, expr.args[0]!, layout, compileNode);
    if (narrowed) return narrowed;
    return compileCompare(cmp, compileNode(expr.args[0]!, layout), compileNode(expr.args[1]!, layout));
  }
  if (expr.fn === 'is_distinct_from' || expr.fn === 'is_not_distinct_from') {
    return compileDistinct(expr.fn === 'is_not_distinct_from', compileNode(expr.args[0]!, layout), compileNode(expr.args[1]!, layout));
  }
  if ((expr.fn === 'is_null' || expr.fn === 'is_not_null') && expr.args.length === 1) {
    const inner = compileNode(expr.args[0]!, layout);
    const wantNull = expr.fn === 'is_null';
    return {
      select: (batch, sel) => selectByValidity(inner.evaluate(batch.withSelection(sel)), sel, wantNull),
      evaluate: (batch) => isNullColumn(inner.evaluate(batch), batch.numRows, !wantNull),
    };
  }
  if (expr.fn === 'not' && expr.args.length === 1) {
    const inner = compileBoolean(expr.args[0]!, layout);
    return {
      // NOT x is TRUE exactly where x is FALSE (not where it is NULL)
      select: (batch, sel) => selectFalse(inner.evaluate(batch.withSelection(sel)), sel),
      evaluate: (batch) => notColumn(inner.evaluate(batch), batch.numRows),
    };
  }
  if (expr.fn === 'like' || expr.fn === 'not_like' || expr.fn === 'ilike' || expr.fn === 'not_ilike') {
    return compileLikeExpr(expr.fn, compileNode(expr.args[0]!, layout), compileNode(expr.args[1]!, layout));
  }
  if (expr.fn === 'and' || expr.fn === 'or') {
    const isAnd = expr.fn === 'and';
    // ((a AND b) AND c) as one list, so any conjunct may run first
    const args = isAnd ? conjunctsOf(expr) : expr.args;
    const parts = args.map((a) => compileBoolean(a, layout));
    const adaptive = isAnd && parts.length > 1 && args.every(isErrorFree) ? adaptiveConjunction(args, parts, (e) => compileNode(e, layout)) : null;
    return {
      select(batch, sel) {
        if (adaptive !== null) return adaptive(batch, sel);
        if (isAnd) {
          let rows = sel;
          for (const p of parts) { if (rows.length === 0) break; rows = p.select(batch, rows); }
          return rows;
        }
        let remaining = sel;
        let result: Int32Array | null = null;
        for (const p of parts) {
          if (remaining.length === 0) break;
          const hits = p.select(batch, remaining);
          result = result === null ? hits : unionSorted(result, hits);
          remaining = selectionMinus(remaining, hits);
        }
        return result ?? new Int32Array(0);
      },
      evaluate(batch) {
        const n = batch.numRows;
        let acc = parts[0]!.evaluate(batch);
        for (let p = 1; p < parts.length; p++) {
          const sel = selectionOf(batch.selection, n);
          // the right side only matters where the left side has not decided the result
          const rest = isAnd ? selectNotFalse(acc, sel) : selectNotTrue(acc, sel);
          const right = parts[p]!.evaluate(batch.withSelection(rest));
          acc = isAnd ? andColumns(acc, right, n) : orColumns(acc, right, n);
        }
        return acc;
      },
    };
  }
  return null;
}

function conjunctsOf(expr: Expr): Expr[] {
  if (expr.kind !== 'call' || expr.fn !== 'and') return [expr];
  return expr.args.flatMap(conjunctsOf);
}

function unionSorted(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Int32Array(a.length + b.length);
  let i = 0, j = 0, m = 0;
  while (i < a.length && j < b.length) out[m++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[m++] = a[i++]!;
  while (j < b.length) out[m++] = b[j++]!;
  return out.subarray(0, m);
}

/** Any boolean expression in select form (falls back to evaluating a boolean column). */
function compileBoolean(expr: Expr, layout: Layout): CompiledBoolean {
  const special = compileBooleanExpr(expr, layout);
  if (special) return special;
  if (expr.kind === 'in_list') {
    const c = compileInList(compileNode(expr.input, layout), expr.list.map((e) => compileNode(e, layout)), expr.negated);
    return { select: (batch, sel) => c.select(batch, sel), evaluate: (batch) => c.evaluate(batch) };
  }
  const node = compileNode(expr, layout);
  if (node.type.kind !== 'boolean' && node.type.kind !== 'null') {
    throw new LochError(SqlState.datatypeMismatch, `argument of WHERE must be type boolean, not type ${node.type.kind}`);
  }
  const constant = node.constant;
  if (constant) {
    const always = constant.value === true;
    return { select: (_batch, sel) => (always ? sel : new Int32Array(0)), evaluate: (batch) => node.evaluate(batch) };
  }
  return {
    select: (batch, sel) => selectTrue(node.evaluate(batch.withSelection(sel)), sel),
    evaluate: (batch) => node.evaluate(batch),
  };
}

/** Compiles any expression to a Node. */
export function compileNode(expr: Expr, layout: Layout): Node {
  switch (expr.kind) {
    case 'column': {
      const index = layout.get(expr.id);
      if (index === undefined) {
        throw new LochError(SqlState.internalError, `column ${expr.name} (#${expr.id}) is not in the operator's input`);
      }
      return columnNode(index, expr.type);
    }
    case 'literal': return constantNode(expr.value, expr.type);
    case 'subquery':
      throw new LochError(SqlState.internalError, 'subquery expressions must be decorrelated before execution');
    default: break;
  }
  const shared = sharedNode(expr, layout, () => {
    const node = compileComposite(expr, layout);
    if (node.constant === null && isConstantExpr(expr)) {
      // a failing constant (1/0 in a CASE arm never taken) raises only if it is evaluated
      try { return constantNode(foldNode(node), node.type); } catch { return node; }
    }
    return node;
  });
  countUse(shared);
  return shared;
}

function node(type: DataType, evaluate: (batch: Batch) => arrow.Data): Node {
  return { type, constant: null, evaluate };
}

function compileComposite(expr: Expr, layout: Layout): Node {
  switch (expr.kind) {
    case 'cast': return node(expr.type, compileCast(compileNode(expr.input, layout), expr.type));
    case 'case': return compileCase(expr.whens, expr.otherwise, expr.type, layout);
    case 'in_list': {
      const c = compileInList(compileNode(expr.input, layout), expr.list.map((e) => compileNode(e, layout)), expr.negated);
      return node(T.boolean, c.evaluate);
    }
    case 'call': break;
    default: throw new LochError(SqlState.internalError, `cannot compile expression ${expr.kind}`);
  }
  const bool = compileBooleanExpr(expr, layout);
  if (bool) return node(T.boolean, bool.evaluate);
  const args = expr.args.map((a) => compileNode(a, layout));
  const arith = ARITH_OPS[expr.fn];
  const temporal = args.some((a) => a.type.kind === 'interval' || a.type.kind === 'timestamp' || a.type.kind === 'timestamptz')
    || expr.type.kind === 'timestamp' || expr.type.kind === 'timestamptz' || expr.type.kind === 'interval';
  if (arith && args.length === 2 && !temporal) {
    // arithmetic reads its operands inside its own evaluate and returns a fresh column: operands may be scratch
    const uses = { uses: 0, arithUses: 0 };
    countArithUse(args[0]!);
    countArithUse(args[1]!);
    const n = node(expr.type, compileArith(arith, args[0]!, args[1]!, expr.type, uses));
    trackArith(n, uses);
    return n;
  }
  switch (expr.fn) {
    case 'negate': if (!temporal) { countArithUse(args[0]!); return node(expr.type, compileNegate(args[0]!, expr.type)); } break;
    case 'is_true': return node(T.boolean, (b) => isBoolColumn(args[0]!.evaluate(b), b.numRows, true, false));
    case 'is_not_true': return node(T.boolean, (b) => isBoolColumn(args[0]!.evaluate(b), b.numRows, true, true));
    case 'is_false': return node(T.boolean, (b) => isBoolColumn(args[0]!.evaluate(b), b.numRows, false, false));
    case 'is_not_false': return node(T.boolean, (b) => isBoolColumn(args[0]!.evaluate(b), b.numRows, false, true));
    default: break;
  }
  return node(expr.type, compileFunction(expr.fn, args, expr.type));
}

function compileCase(whens: readonly { when: Expr; then: Expr }[], otherwise: Expr | null, type: DataType, layout: Layout): Node {
  const conds = whens.map((w) => compileBoolean(w.when, layout));
  const thens = whens.map((w) => compileNode(w.then, layout));
  const other = otherwise ? compileNode(otherwise, layout) : null;
  return node(type, (batch) => {
    const n = batch.numRows;
    let remaining = selectionOf(batch.selection, n);
    const pieces: MergePiece[] = [];
    for (let w = 0; w < conds.length && remaining.length > 0; w++) {
      const hits = conds[w]!.select(batch, remaining);
      if (hits.length > 0) {
        pieces.push({ rows: hits, data: thens[w]!.evaluate(batch.withSelection(hits)) });
        remaining = selectionMinus(remaining, hits);
      }
    }
    if (remaining.length > 0) pieces.push({ rows: remaining, data: other ? other.evaluate(batch.withSelection(remaining)) : null });
    return mergeColumns(type, n, pieces);
  });
}

/** A compiled scalar expression. */
export interface CompiledExpr {
  readonly type: DataType;
  evaluate(batch: Batch): arrow.Data;
}

/** A compiled predicate: `select` returns the selected physical rows where it is TRUE. */
export interface CompiledPredicate {
  select(batch: Batch): Int32Array;
}

/**
 * Compiles `expr` against an input whose columns are placed by `layout` (ColumnId → batch column index).
 * `transient`: the caller reads each result before the next `evaluate` and keeps no reference to it
 * (an aggregate's sum argument), so the result may live in a buffer reused across batches.
 */
export function compileExpr(expr: Expr, layout: ReadonlyMap<ColumnId, number>, transient = false): CompiledExpr {
  const n = compileNode(expr, layout);
  if (transient) countArithUse(n);
  return { type: n.type, evaluate: (batch) => n.evaluate(batch) };
}

/** Compiles a WHERE/ON/HAVING predicate (NULL counts as false). */
export function compilePredicate(expr: Expr, layout: ReadonlyMap<ColumnId, number>): CompiledPredicate {
  const b = compileBoolean(expr, layout);
  return { select: (batch) => b.select(batch, selectionOf(batch.selection, batch.numRows)) };
}

/** Evaluates an expression without column references (the planner's ConstantEvaluator). */
export function evaluateConstant(expr: Expr): LiteralValue {
  const n = compileNode(expr, new Map());
  return n.constant ? n.constant.value : foldNode(n);
}
