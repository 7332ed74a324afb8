/**
 * PostgreSQL's bitwise operators on integers (smallint, integer, bigint):
 *
 *   a & b   bitwise_and      a | b   bitwise_or      a # b   bitwise_xor
 *   a << n  shift_left       a >> n  shift_right     ~a      bitwise_not
 *
 * `&`, `|`, `#` take both operands to their common integer type; the shifts keep the
 * left operand's type and take an integer count (PostgreSQL's int4 right operand).
 * `>>` is arithmetic (sign-propagating), as in PostgreSQL. `^` stays power
 * (PostgreSQL), not DataFusion's/Spark's XOR.
 */
import { LochError, SqlState, T, isInteger } from '../../core/index.ts';
import { type Expr, call } from '../expr.ts';
import { castExpr, isUnknownLiteral, unifyTypes } from './casts.ts';

const BINARY: Record<string, string> = { '&': 'bitwise_and', '|': 'bitwise_or', '#': 'bitwise_xor', '<<': 'shift_left', '>>': 'shift_right' };

/** Registry names of the bitwise kernels (worker/expr/compile-bitwise.ts). */
export const BITWISE_FUNCTIONS: ReadonlySet<string> = new Set([...Object.values(BINARY), 'bitwise_not']);

/** Unknown literals (NULL, '12') in a bitwise operator become integers. */
function integerOperand(e: Expr): Expr {
  return isUnknownLiteral(e) ? castExpr(e, e.type.kind === 'null' ? T.int32 : T.int64, false) : e;
}

/** Resolves `&`, `|`, `#`, `<<`, `>>` on integers; undefined for other operators or operand types. */
export function resolveBitwiseOperator(op: string, args: readonly Expr[]): Expr | undefined {
  const fn = BINARY[op];
  if (fn === undefined || args.length !== 2) return undefined;
  let a = args[0]!, b = args[1]!;
  if (isUnknownLiteral(a) && !isUnknownLiteral(b) && isInteger(b.type) && fn !== 'shift_left' && fn !== 'shift_right') a = castExpr(a, b.type, false);
  else a = integerOperand(a);
  if (isUnknownLiteral(b) && isInteger(a.type) && fn !== 'shift_left' && fn !== 'shift_right') b = castExpr(b, a.type, false);
  else b = integerOperand(b);
  if (!isInteger(a.type) || !isInteger(b.type)) return undefined;
  if (fn === 'shift_left' || fn === 'shift_right') return call(fn, [a, castExpr(b, T.int32, false)], a.type);
  const t = unifyTypes(a.type, b.type);
  if (t === undefined) throw new LochError(SqlState.internalError, `no common integer type for ${op}`);
  return call(fn, [castExpr(a, t, false), castExpr(b, t, false)], t);
}

/** Resolves unary `~` (bitwise NOT) on an integer; undefined otherwise. */
export function resolveBitwiseNot(op: string, x: Expr): Expr | undefined {
  if (op !== '~') return undefined;
  const a = integerOperand(x);
  return isInteger(a.type) ? call('bitwise_not', [a], a.type) : undefined;
}
