/**
 * PostgreSQL's default names for select-list columns without an alias:
 * a column's own name, a function's name, a cast's type name, `case`,
 * otherwise `?column?`.
 */
import type { AstExpr } from '../sql/ast.ts';

export function outputName(e: AstExpr): string {
  switch (e.kind) {
    case 'column': return e.parts[e.parts.length - 1]!;
    case 'func': return e.name.split('.').pop()!;
    case 'typecast': return e.expr.kind === 'column' || e.expr.kind === 'func' ? outputName(e.expr) : typeDisplayName(e.type.names);
    case 'case': return 'case';
    case 'coalesce': case 'greatest': case 'least': case 'nullif': return e.kind;
    case 'subquery': return e.subqueryKind === 'exists' ? 'exists' : '?column?';
    case 'current': return e.what;
    default: return '?column?';
  }
}

function typeDisplayName(names: readonly string[]): string {
  const n = names[names.length - 1] ?? '?column?';
  const aliases: Record<string, string> = { int4: 'int4', integer: 'int4', int8: 'int8', bigint: 'int8', numeric: 'numeric', date: 'date', text: 'text' };
  return aliases[n] ?? n;
}
