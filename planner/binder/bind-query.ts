/**
 * Binds queries (SELECT, set operations, VALUES, WITH) into logical plans.
 *
 * One SELECT level becomes, bottom up:
 *   FROM (scans, joins) → Filter(WHERE) → Aggregate(GROUP BY + aggregates)
 *   → Filter(HAVING) → Project(select list + hidden ORDER BY keys)
 *   → Distinct → Sort → Limit → Project(drop hidden keys)
 */
import { LochError, SqlState, T, isInteger, typesEqual, type TableScanner } from '../../core/index.ts';
import type { ColumnId, Expr } from '../expr.ts';
import { castExpr, commonSupertype, commonSupertypeOfExprs } from '../functions/index.ts';
import type { LogicalPlan, PlanColumn, SortKey } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import type { Alias, AstExpr, OrderByItem, Query, SelectItem, SelectQuery, SetOperationQuery, ValuesQuery } from '../sql/ast.ts';
import { AggregateCollector, bindExpr, constantInteger, toBoolean, type BoundSubquery, type ExprBindContext } from './bind-expr.ts';
import { bindFromItem, type BoundFrom } from './bind-from.ts';
import { WindowCollector, applyWindows, qualifyWithAliases } from './bind-window.ts';
import { UnnestCollector, applyUnnest } from './bind-unnest.ts';
import type { BinderCatalog } from './catalog.ts';
import { exprKey } from './expr-key.ts';
import { Scope, type CteBinding, type ScopeRelation } from './scope.ts';
import { outputName } from './output-name.ts';
import { regroupSubquery } from './grouped-subquery.ts';
import { isOrderByAllAt } from '../sql/group-by-all.ts';

export interface BoundQuery {
  readonly plan: LogicalPlan;
  readonly columns: readonly PlanColumn[];
}

/** Binds the queries of one statement; holds the catalog and id counter. */
export class QueryBinder {
  readonly catalog: BinderCatalog;
  readonly ctx: PlanContext;
  private readonly estimates = new Map<TableScanner, number | undefined>();

  constructor(catalog: BinderCatalog, ctx: PlanContext) {
    this.catalog = catalog;
    this.ctx = ctx;
  }

  childScope(parent: Scope | null, relations: readonly ScopeRelation[], cteSource?: Scope): Scope {
    const s = new Scope(parent);
    for (const r of relations) s.addRelation(r);
    if (cteSource) for (const [k, v] of cteSource.ctes) s.ctes.set(k, v);
    return s;
  }

  exprContext(scope: Scope, aggregates: AggregateCollector | null, clause: string): ExprBindContext {
    return {
      scope, plan: this.ctx, aggregates, clause,
      bindSubquery: (query, outer) => this.bindSubquery(query, outer),
    };
  }

  constantContext(scope: Scope): ExprBindContext {
    return this.exprContext(new Scope(scope.parent), null, 'this context');
  }

  private async bindSubquery(query: Query, outer: Scope): Promise<BoundSubquery> {
    const scope = new Scope(outer);
    const bound = await this.bindQueryIn(query, scope);
    return { plan: bound.plan, columns: bound.columns, outerRefs: [...scope.outerRefs] };
  }

  /** Binds a query in a fresh scope whose parent is `parent` (null for a top-level query). */
  bindQuery(query: Query, parent: Scope | null): Promise<BoundQuery> {
    return this.bindQueryIn(query, new Scope(parent));
  }

  private async bindQueryIn(query: Query, scope: Scope): Promise<BoundQuery> {
    const ctes: CteBinding[] = [];
    if (query.with) {
      // WITH RECURSIVE whose queries never read themselves is an ordinary WITH (PostgreSQL, DuckDB)
      if (query.with.recursive && query.with.ctes.some((c) => readsTable(c.query, c.name))) {
        throw new LochError(SqlState.featureNotSupported, 'WITH RECURSIVE is not supported yet');
      }
      for (const cte of query.with.ctes) {
        if (scope.ctes.has(cte.name) && ctes.some((c) => c.name === cte.name)) {
          throw new LochError(SqlState.duplicateTable, `WITH query name "${cte.name}" specified more than once`, { position: cte.location + 1 });
        }
        const cteScope = new Scope(scope.parent);
        for (const [k, v] of scope.ctes) cteScope.ctes.set(k, v);
        const binding: CteBinding = { name: cte.name, query: cte.query, columnNames: cte.columnNames, cteId: this.ctx.newCteId(), bound: null, refCount: 0, scope: cteScope };
        scope.ctes.set(cte.name, binding);
        ctes.push(binding);
      }
    }
    let bound: BoundQuery;
    switch (query.kind) {
      case 'select': bound = await this.bindSelect(query, scope); break;
      case 'set_operation': bound = await this.bindSetOperation(query, scope); break;
      case 'values': bound = await this.bindValues(query, scope); break;
    }
    let plan = bound.plan;
    for (const cte of ctes.reverse()) {
      if (cte.refCount > 0 && cte.bound) plan = { kind: 'cte_anchor', cteId: cte.cteId, name: cte.name, definition: cte.bound.plan, input: plan };
    }
    return { plan, columns: bound.columns };
  }

  /** A reference to a CTE: binds its body on first use; every reference gets fresh column ids. */
  async referenceCte(cte: CteBinding, location: number): Promise<Extract<LogicalPlan, { kind: 'cte_ref' }>> {
    if (!cte.bound) {
      // The body sees the CTEs defined before it (`WITH a AS (…), b AS (SELECT … FROM a)`).
      const bodyScope = new Scope(cte.scope.parent);
      for (const [k, v] of cte.scope.ctes) bodyScope.ctes.set(k, v);
      const body = await this.bindQueryIn(cte.query, bodyScope);
      if (cte.columnNames.length > body.columns.length) {
        throw new LochError(SqlState.syntaxError, `WITH query "${cte.name}" has ${body.columns.length} columns available but ${cte.columnNames.length} columns specified`, { position: location + 1 });
      }
      cte.bound = { plan: body.plan, columns: body.columns.map((c, i) => ({ ...c, name: cte.columnNames[i] ?? c.name })) };
    }
    cte.refCount++;
    const columns = cte.bound.columns.map((c) => ({ ...c, id: this.ctx.newColumnId(), qualifier: cte.name }));
    return { kind: 'cte_ref', cteId: cte.cteId, name: cte.name, columns };
  }

  /** A scan of all of a table's columns (projection pruning narrows it later). */
  async scanOf(tableName: string, scanner: TableScanner, alias: Alias | null, qualifier: string, location: number): Promise<BoundFrom> {
    if (alias && alias.columns.length > scanner.columns.length) {
      throw new LochError(SqlState.syntaxError, `table "${alias.name}" has ${scanner.columns.length} columns available but ${alias.columns.length} columns specified`, { position: location + 1 });
    }
    if (!this.estimates.has(scanner)) this.estimates.set(scanner, (await scanner.statistics()).rowCount);
    const columns = scanner.columns.map((c, i) => ({
      id: this.ctx.newColumnId(), name: alias?.columns[i] ?? c.name, type: c.type, nullable: c.nullable, qualifier, sourceIndex: i,
    }));
    const rowEstimate = this.estimates.get(scanner);
    const plan: LogicalPlan = { kind: 'scan', tableName, source: scanner, columns, pushedPredicates: [], ...(rowEstimate !== undefined ? { rowEstimate } : {}) };
    return { plan, relations: [{ qualifier, columns }] };
  }

  private async bindFrom(query: SelectQuery, scope: Scope): Promise<LogicalPlan> {
    let plan: LogicalPlan | null = null;
    for (const item of query.from) {
      const bound = await bindFromItem(this, item, scope, scope);
      if (item.kind === 'join') rejectDuplicateQualifiers(bound.relations);
      for (const r of bound.relations) {
        if (r.qualifier && scope.relations.some((x) => x.qualifier === r.qualifier) && item.kind !== 'join') {
          throw new LochError(SqlState.duplicateTable, `table name "${r.qualifier}" specified more than once`);
        }
        scope.addRelation(r);
      }
      // LATERAL items bring the predicates that join them to the items before (lateral-join.ts).
      const lateral = bound.lateralPredicates && bound.lateralPredicates.length > 0 ? bound.lateralPredicates.reduce((a, b): Expr => ({ kind: 'call', fn: 'and', args: [a, b], type: T.boolean })) : null;
      if (bound.lateralApply) { plan = bound.lateralApply(plan ?? { kind: 'single_row' }); continue; }
      plan = plan ? { kind: 'join', joinType: bound.lateralOuter ? 'left' : lateral ? 'inner' : 'cross', left: plan, right: bound.plan, condition: lateral } : bound.plan;
      if (bound.lateralOuter) plan = bound.lateralOuter.finish(plan);
    }
    return plan ?? { kind: 'single_row' };
  }

  private async bindSelect(query: SelectQuery, scope: Scope): Promise<BoundQuery> {
    let plan = await this.bindFrom(query, scope);
    if (query.where) {
      const predicate = await bindExpr(query.where, this.exprContext(scope, null, 'WHERE'));
      plan = { kind: 'filter', input: plan, predicate: toBoolean(predicate, 'WHERE') };
    }
    const aggregates = new AggregateCollector();
    const windows = new WindowCollector(query.windows ?? []);
    const unnests = new UnnestCollector();
    const selectCtx: ExprBindContext = { ...this.exprContext(scope, aggregates, 'this context'), windows, unnests };

    // Select list (stars expanded).
    const outputs: { expr: Expr; name: string }[] = [];
    const lateral: SelectItem[] = []; // earlier select-list items, their aliases expanded
    for (const t of query.targets) {
      if (t.kind === 'star') {
        const rels = t.qualifier ? scope.relations.filter((r) => r.qualifier === t.qualifier) : scope.relations;
        if (t.qualifier && rels.length === 0) throw new LochError(SqlState.undefinedTable, `missing FROM-clause entry for table "${t.qualifier}"`, { position: t.location + 1 });
        if (!t.qualifier && rels.length === 0) throw new LochError(SqlState.syntaxError, 'SELECT * with no tables specified is not valid', { position: t.location + 1 });
        const excluded = new Set(t.exclude ?? []);
        if (t.exclude && excluded.size < t.exclude.length) throw new LochError(SqlState.duplicateColumn, 'EXCLUDE or EXCEPT contains duplicate column names', { position: t.location + 1 });
        for (const name of excluded) {
          if (!rels.some((r) => r.columns.some((c) => c.name === name && !r.hidden?.has(c.id)))) {
            throw new LochError(SqlState.undefinedColumn, `column "${name}" named in EXCLUDE/EXCEPT does not exist`, { position: t.location + 1 });
          }
        }
        for (const r of rels) {
          for (const c of r.columns) {
            if (r.hidden?.has(c.id) || excluded.has(c.name)) continue;
            const replaced = t.replace?.find((x) => x.name === c.name);
            outputs.push({ expr: replaced ? await bindExpr(replaced.expr, selectCtx) : { kind: 'column', id: c.id, name: c.name, type: c.type }, name: c.name });
          }
        }
      } else {
        // Databricks' lateral column aliases (SELECT 1 AS a, a * 2): a bare name no FROM column has may name an earlier alias
        const expr = lateral.length > 0 ? qualifyWithAliases(t.expr, lateral, scope) : t.expr;
        lateral.push({ ...t, expr });
        outputs.push({ expr: await bindExpr(expr, selectCtx), name: t.alias ?? outputName(t.expr) });
      }
    }

    if (outputs.length === 0 && query.targets.some((t) => t.kind === 'star' && t.exclude)) {
      throw new LochError(SqlState.syntaxError, 'SELECT list is empty after EXCLUDE/EXCEPT removed every column of *');
    }

    // GROUP BY: expressions, output ordinals, or output aliases.
    const groupExprs: Expr[] = [];
    for (const g of query.groupBy) {
      if (g.kind === 'boolean' && g.location < 0) continue; // GROUP BY ()
      groupExprs.push(await this.bindGroupItem(g, scope, outputs, query));
    }
    // HAVING may name select-list aliases (`HAVING m < 0` for `min(x) AS m`: Spark, MySQL, DataFusion) when no input column has the name
    const having = query.having ? toBoolean(await bindExpr(qualifyWithAliases(query.having, query.targets, scope), this.exprContext(scope, aggregates, 'HAVING')), 'HAVING') : null;

    // ORDER BY keys: output references or new hidden expressions.
    const orderKeys: { outputIndex: number; item: OrderByItem }[] = [];
    for (const item of orderByAll(query.orderBy, outputs.length)) {
      const idx = this.matchOutput(item.expr, outputs);
      if (idx !== null) { orderKeys.push({ outputIndex: idx, item }); continue; }
      const e = await bindExpr(item.expr, { ...this.exprContext(scope, aggregates, 'ORDER BY'), windows });
      // an expression of the select list, even one it aliases (SELECT DISTINCT t AS a … ORDER BY t)
      const existing = outputs.findIndex((o) => exprKey(o.expr) === exprKey(e));
      if (existing >= 0) { orderKeys.push({ outputIndex: existing, item }); continue; }
      if (query.distinct !== false) {
        throw new LochError('42P10', 'for SELECT DISTINCT, ORDER BY expressions must appear in select list', { position: item.expr.location + 1 });
      }
      outputs.push({ expr: e, name: '?order?' });
      orderKeys.push({ outputIndex: outputs.length - 1, item });
    }
    const visibleCount = outputs.length - orderKeys.filter((k) => outputs[k.outputIndex]!.name === '?order?').length;

    // QUALIFY (Databricks): bound like the select list (its aliases included), applied above the windows.
    const qualify = query.qualify
      ? toBoolean(await bindExpr(qualifyWithAliases(query.qualify, query.targets, scope), { ...this.exprContext(scope, aggregates, 'QUALIFY'), windows }), 'QUALIFY')
      : null;
    const isAggregate = groupExprs.length > 0 || aggregates.calls.length > 0 || having !== null;
    let projected = outputs.map((o) => o.expr);
    if (isAggregate) {
      const groupColumns: PlanColumn[] = groupExprs.map((e) => ({
        id: this.ctx.newColumnId(), name: e.kind === 'column' ? e.name : 'group', type: e.type, nullable: true,
      }));
      plan = { kind: 'aggregate', input: plan, groupBy: groupExprs, aggregates: aggregates.calls, columns: [...groupColumns, ...aggregates.columns] };
      const inputIds = new Set(scope.allColumns().map((c) => c.id));
      const rewrite = groupRewriter(groupExprs, groupColumns, inputIds);
      if (having) plan = { kind: 'filter', input: plan, predicate: rewrite(having) };
      plan = applyWindows(plan, windows, rewrite, this.ctx, qualify);
      plan = applyUnnest(plan, unnests, rewrite);
      projected = projected.map(rewrite);
    } else {
      plan = applyWindows(plan, windows, (e) => e, this.ctx, qualify);
      plan = applyUnnest(plan, unnests, (e) => e);
    }

    const columns: PlanColumn[] = projected.map((e, i) => ({
      id: e.kind === 'column' && !outputs.slice(0, i).some((o, j) => projected[j]!.kind === 'column' && (projected[j] as { id: number }).id === e.id) ? e.id : this.ctx.newColumnId(),
      name: outputs[i]!.name, type: e.type, nullable: true,
    }));
    plan = { kind: 'project', input: plan, exprs: projected, columns };

    if (query.distinct === true) plan = { kind: 'distinct', input: plan };
    else if (Array.isArray(query.distinct)) throw new LochError(SqlState.featureNotSupported, 'DISTINCT ON is not supported yet');

    if (orderKeys.length > 0) {
      const keys: SortKey[] = orderKeys.map(({ outputIndex, item }) => sortKey(columns[outputIndex]!, item));
      plan = { kind: 'sort', input: plan, keys };
    }
    plan = await this.bindLimit(query, plan, scope);
    const visible = columns.slice(0, visibleCount);
    if (visibleCount < columns.length) {
      plan = { kind: 'project', input: plan, exprs: visible.map((c) => ({ kind: 'column', id: c.id, name: c.name, type: c.type })), columns: visible };
    }
    return { plan, columns: visible };
  }

  private async bindGroupItem(g: AstExpr, scope: Scope, outputs: readonly { expr: Expr; name: string }[], query: SelectQuery): Promise<Expr> {
    if (g.kind === 'integer') {
      const o = outputs[g.value - 1];
      if (!o) throw new LochError('42P10', `GROUP BY position ${g.value} is not in select list`, { position: g.location + 1 });
      return o.expr;
    }
    const ctx = this.exprContext(scope, null, 'GROUP BY');
    if (g.kind === 'column' && g.parts.length === 1) {
      try {
        return await bindExpr(g, ctx);
      } catch (e) {
        const alias = outputs.find((o, i) => o.name === g.parts[0] && query.targets[i]?.kind === 'expr');
        if (e instanceof LochError && e.sqlState === SqlState.undefinedColumn && alias) return alias.expr;
        throw e;
      }
    }
    return bindExpr(g, ctx);
  }

  /** ORDER BY 2 / ORDER BY alias → the output column's index; null when it is an expression. */
  private matchOutput(e: AstExpr, outputs: readonly { name: string }[]): number | null {
    rejectNonIntegerConstant(e, 'ORDER BY');
    if (e.kind === 'integer') {
      if (e.value < 1 || e.value > outputs.length) throw new LochError('42P10', `ORDER BY position ${e.value} is not in select list`, { position: e.location + 1 });
      return e.value - 1;
    }
    if (e.kind === 'column' && e.parts.length === 1) {
      const idx = outputs.findIndex((o) => o.name === e.parts[0]);
      return idx >= 0 ? idx : null;
    }
    return null;
  }

  /**
   * A LIMIT/OFFSET expression of constants evaluated now (`LIMIT 1+1`, `LIMIT abs(-4) + 4 / -2`,
   * `OFFSET CASE … END`; DataFusion and DuckDB fold them, PostgreSQL evaluates them once too).
   */
  private foldLimit(e: Expr): Expr {
    if (e.kind === 'literal' || !isInteger(e.type) || !readsNoRows(e) || this.ctx.evaluateConstant === undefined) return e;
    return { kind: 'literal', value: this.ctx.evaluateConstant(e), type: e.type };
  }

  private async bindLimit(query: Query, plan: LogicalPlan, scope: Scope): Promise<LogicalPlan> {
    if (!query.limit && !query.offset) return plan;
    const ctx = this.exprContext(new Scope(scope.parent), null, 'LIMIT');
    const limit = query.limit ? constantInteger(this.foldLimit(await bindExpr(query.limit, ctx)), 'LIMIT') : null;
    const offset = query.offset ? constantInteger(this.foldLimit(await bindExpr(query.offset, ctx)), 'OFFSET') ?? 0 : 0;
    if ((limit !== null && limit < 0) || offset < 0) throw new LochError('2201W', 'LIMIT and OFFSET must not be negative');
    return { kind: 'limit', input: plan, limit, offset };
  }

  private async bindSetOperation(query: SetOperationQuery, scope: Scope): Promise<BoundQuery> {
    const left = await this.bindQuery(query.left, scope);
    const right = await this.bindQuery(query.right, scope);
    if (left.columns.length !== right.columns.length) {
      throw new LochError(SqlState.syntaxError, `each ${query.op.toUpperCase()} query must have the same number of columns`);
    }
    const types = left.columns.map((c, i) => commonSupertype([c.type, right.columns[i]!.type], query.op.toUpperCase()));
    const columns: PlanColumn[] = left.columns.map((c, i) => ({ id: this.ctx.newColumnId(), name: c.name, type: types[i]!.kind === 'null' ? T.text : types[i]!, nullable: true }));
    let plan: LogicalPlan = {
      kind: 'set_operation', op: query.op, all: query.all,
      left: this.castTo(left, columns), right: this.castTo(right, columns), columns,
    };
    plan = await this.orderAndLimitOverOutput(query, plan, columns, scope);
    return { plan, columns };
  }

  private async bindValues(query: ValuesQuery, scope: Scope): Promise<BoundQuery> {
    const ctx = this.exprContext(scope, null, 'VALUES');
    const rows: Expr[][] = [];
    for (const r of query.rows) {
      const row: Expr[] = [];
      for (const e of r) row.push(await bindExpr(e, ctx));
      if (rows.length > 0 && row.length !== rows[0]!.length) throw new LochError(SqlState.syntaxError, 'VALUES lists must all be the same length');
      rows.push(row);
    }
    const width = rows[0]?.length ?? 0;
    const columns: PlanColumn[] = [];
    for (let c = 0; c < width; c++) {
      const t = commonSupertypeOfExprs(rows.map((r) => r[c]!), 'VALUES');
      columns.push({ id: this.ctx.newColumnId(), name: `column${c + 1}`, type: t.kind === 'null' ? T.text : t, nullable: true });
    }
    let plan: LogicalPlan = { kind: 'values', columns, rows: rows.map((r) => r.map((e, c) => castExpr(e, columns[c]!.type, false))) };
    plan = await this.orderAndLimitOverOutput(query, plan, columns, scope);
    return { plan, columns };
  }

  /** ORDER BY / LIMIT of a set operation or VALUES: keys may only name output columns. */
  private async orderAndLimitOverOutput(query: Query, plan: LogicalPlan, columns: readonly PlanColumn[], scope: Scope): Promise<LogicalPlan> {
    if (query.orderBy.length > 0) {
      const outScope = new Scope(scope.parent);
      outScope.addRelation({ qualifier: null, columns });
      const keys: SortKey[] = [];
      for (const item of query.orderBy) {
        const idx = this.matchOutput(item.expr, columns);
        if (idx !== null) { keys.push(sortKey(columns[idx]!, item)); continue; }
        const e = await bindExpr(item.expr, this.exprContext(outScope, null, 'ORDER BY'));
        keys.push({ expr: e, ascending: item.direction !== 'desc', nullsFirst: item.nulls === 'default' ? item.direction === 'desc' : item.nulls === 'first' });
      }
      plan = { kind: 'sort', input: plan, keys };
    }
    return this.bindLimit(query, plan, scope);
  }

  private castTo(bound: BoundQuery, target: readonly PlanColumn[]): LogicalPlan {
    if (bound.columns.every((c, i) => typesEqual(c.type, target[i]!.type))) return bound.plan;
    return {
      kind: 'project', input: bound.plan,
      exprs: bound.columns.map((c, i) => castExpr({ kind: 'column', id: c.id, name: c.name, type: c.type }, target[i]!.type, false)),
      columns: bound.columns.map((c, i) => ({ ...c, id: this.ctx.newColumnId(), type: target[i]!.type })),
    };
  }
}

/** True when `name` (unqualified) appears as a table reference anywhere inside `node` (an AST subtree). */
function readsTable(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((x) => readsTable(x, name));
  if (node === null || typeof node !== 'object') return false;
  const o = node as { kind?: unknown; name?: unknown };
  if (o.kind === 'table' && Array.isArray(o.name) && o.name.length === 1 && o.name[0] === name) return true;
  return Object.values(node).some((x) => readsTable(x, name));
}

/**
 * PostgreSQL: a bare constant in ORDER BY is a position, so it must be an
 * integer (42601). GROUP BY 'a' stays allowed: Spark and DataFusion accept it.
 */
function rejectNonIntegerConstant(e: AstExpr, clause: string): void {
  if (e.kind === 'numeric' || e.kind === 'string') {
    throw new LochError(SqlState.syntaxError, `non-integer constant in ${clause}`, e.location >= 0 ? { position: e.location + 1 } : {});
  }
}

function sortKey(column: PlanColumn, item: OrderByItem): SortKey {
  const ascending = item.direction !== 'desc';
  return {
    expr: { kind: 'column', id: column.id, name: column.name, type: column.type },
    ascending,
    // PostgreSQL: NULLs sort as larger than any value (last ascending, first descending).
    nullsFirst: item.nulls === 'default' ? !ascending : item.nulls === 'first',
  };
}

/**
 * Replaces GROUP BY expressions with references to the Aggregate's group
 * columns; any input column left afterwards is an ungrouped reference (42803).
 */
function groupRewriter(groupExprs: readonly Expr[], groupColumns: readonly PlanColumn[], inputIds: ReadonlySet<ColumnId>): (e: Expr) => Expr {
  const byKey = new Map(groupExprs.map((g, i) => [exprKey(g), groupColumns[i]!]));
  const groupOf = new Map<ColumnId, PlanColumn>();
  groupExprs.forEach((g, i) => { if (g.kind === 'column') groupOf.set(g.id, groupColumns[i]!); });
  const visit = (e: Expr): Expr => {
    const g = byKey.get(exprKey(e));
    if (g) return { kind: 'column', id: g.id, name: g.name, type: g.type };
    switch (e.kind) {
      case 'column':
        if (inputIds.has(e.id)) {
          throw new LochError(SqlState.groupingError, `column "${e.name}" must appear in the GROUP BY clause or be used in an aggregate function`);
        }
        return e;
      case 'call': return { ...e, args: e.args.map(visit) };
      case 'cast': return { ...e, input: visit(e.input) };
      case 'case': return { ...e, whens: e.whens.map((w) => ({ when: visit(w.when), then: visit(w.then) })), otherwise: e.otherwise ? visit(e.otherwise) : null };
      case 'in_list': return { ...e, input: visit(e.input), list: e.list.map(visit) };
      case 'subquery': {
        const input = e.input ? visit(e.input) : null;
        return regroupSubquery({ ...e, input }, groupOf, inputIds);
      }
      default: return e;
    }
  };
  return visit;
}

/** `t1 JOIN t1 USING (v1)`: one name for two relations of a join is PostgreSQL's 42712, as between FROM items. */
function rejectDuplicateQualifiers(relations: readonly { readonly qualifier: string | null }[]): void {
  const seen = new Set<string>();
  for (const r of relations) {
    if (!r.qualifier) continue;
    if (seen.has(r.qualifier)) throw new LochError(SqlState.duplicateTable, `table name "${r.qualifier}" specified more than once`);
    seen.add(r.qualifier);
  }
}

/** True for an expression of literals only (no columns, subqueries or parameters). */
function readsNoRows(e: Expr): boolean {
  switch (e.kind) {
    case 'literal': return true;
    case 'call': return e.args.every(readsNoRows);
    case 'cast': return readsNoRows(e.input);
    case 'case': return e.whens.every((w) => readsNoRows(w.when) && readsNoRows(w.then)) && (e.otherwise === null || readsNoRows(e.otherwise));
    default: return false;
  }
}

/** `ORDER BY ALL` (planner/sql/group-by-all.ts): every output column, in order, with the item's direction. */
function orderByAll(items: readonly OrderByItem[], outputs: number): readonly OrderByItem[] {
  const all = items.length === 1 && items[0]!.expr.kind === 'integer' && items[0]!.expr.value === 0 && isOrderByAllAt(items[0]!.expr.location);
  if (!all) return items;
  return Array.from({ length: outputs }, (_v, i): OrderByItem => ({ ...items[0]!, expr: { kind: 'integer', value: i + 1, location: -1 } }));
}
