/**
 * Binding of array, row and map expressions (issue 6): `ARRAY[…]`, `ROW(…)`,
 * subscripts and slices, `(x).field`, `op ANY/ALL (array)`, and struct fields
 * reached through a column path (`t.s.a`, Spark's `s.a`). Types and calls come
 * from planner/functions/array-functions.ts.
 */
import { LochError } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import {
  noSuchField, resolveArrayComparison, resolveArrayConstructor, resolveFieldAccess, resolveSlice, resolveStructConstructor,
  resolveSubscript,
} from '../functions/index.ts';
import type { AstExpr, NestedAstExpr } from '../sql/ast.ts';
import type { ExprBindContext } from './bind-expr.ts';

type Bind = (ast: AstExpr, ctx: ExprBindContext) => Promise<Expr>;

function at<R>(location: number, f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (e instanceof LochError && e.position === undefined && location >= 0) {
      throw new LochError(e.sqlState, e.message, { position: location + 1, hint: e.hint, detail: e.detail });
    }
    throw e;
  }
}

/** Binds one nested-value expression (`bind` binds its operands). */
export async function bindNestedExpr(ast: NestedAstExpr, ctx: ExprBindContext, bind: Bind): Promise<Expr> {
  switch (ast.kind) {
    case 'array': {
      const elements: Expr[] = [];
      for (const e of ast.elements) elements.push(await bind(e, ctx));
      return at(ast.location, () => resolveArrayConstructor(elements));
    }
    case 'row': {
      const args: Expr[] = [];
      for (const e of ast.args) args.push(await bind(e, ctx));
      return at(ast.location, () => resolveStructConstructor(args));
    }
    case 'subscript': {
      const base = await bind(ast.expr, ctx);
      const index = ast.index ? await bind(ast.index, ctx) : null;
      if (ast.slice) {
        const upper = ast.upper ? await bind(ast.upper, ctx) : null;
        return at(ast.location, () => resolveSlice(base, index, upper));
      }
      return at(ast.location, () => resolveSubscript(base, index!));
    }
    case 'field': {
      const base = await bind(ast.expr, ctx);
      return at(ast.location, () => {
        const e = resolveFieldAccess(base, ast.name);
        if (!e) throw noSuchField(base, ast.name);
        return e;
      });
    }
    case 'array_op': {
      const left = await bind(ast.left, ctx);
      const right = await bind(ast.right, ctx);
      return at(ast.location, () => resolveArrayComparison(ast.op, left, right, ast.all));
    }
  }
}

/**
 * A column path whose tail names struct fields (`s.a`, `t.s.a.b`), tried after
 * the whole path failed as a column: the longest prefix that is a column, then
 * its fields. Undefined when no prefix is a struct column with those fields.
 */
export function bindColumnFieldPath(parts: readonly string[], location: number, ctx: ExprBindContext): Expr | undefined {
  for (let k = parts.length - 1; k >= 1; k--) {
    let base: Expr;
    try {
      const c = ctx.scope.resolve(parts.slice(0, k), location);
      base = { kind: 'column', id: c.id, name: c.name, type: c.type };
    } catch {
      continue;
    }
    let e: Expr | undefined = base;
    for (const name of parts.slice(k)) {
      e = e && resolveFieldAccess(e, name);
    }
    if (e) return e;
  }
  return undefined;
}
