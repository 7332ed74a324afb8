/**
 * `CREATE TABLE t (a INT, b VARCHAR) AS VALUES …` (DataFusion) and
 * `CREATE TABLE t (a, b) AS SELECT …` (PostgreSQL): the column list names (and
 * optionally types) the query's output columns. Rewritten on the AST as
 *
 *   SELECT CAST(__c1 AS INT) AS a, CAST(__c2 AS VARCHAR) AS b FROM (query) AS __ctas(__c1, __c2)
 *
 * so CREATE TABLE … AS needs no further support downstream.
 */
import type { AstExpr, Query, SelectItem, TypeName } from './ast.ts';

/** One column of a CTAS column list: its name and, when given, its type. */
export interface CtasColumn {
  readonly name: string;
  readonly type: TypeName | null;
}

/** Wraps `query` so its output columns get `columns`' names and (where given) types. */
export function applyCtasColumns(query: Query, columns: readonly CtasColumn[]): Query {
  if (columns.length === 0) return query;
  const inner = columns.map((_c, i) => `__c${i + 1}`);
  const targets: SelectItem[] = columns.map((c, i) => {
    const ref: AstExpr = { kind: 'column', parts: ['__ctas', inner[i]!], location: -1 };
    return { kind: 'expr', expr: c.type ? { kind: 'typecast', expr: ref, type: c.type, location: -1 } : ref, alias: c.name };
  });
  return {
    kind: 'select', distinct: false, targets,
    from: [{ kind: 'subquery', query, alias: { name: '__ctas', columns: inner }, lateral: false, location: -1 }],
    where: null, groupBy: [], having: null, with: null, orderBy: [], limit: null, offset: null,
  };
}
