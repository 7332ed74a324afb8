/**
 * Binds FROM items (tables, views, CTE references, derived tables, table
 * functions, joins) into logical plans and registers their columns in scope.
 */
import { LochError, SqlState, closestName, typesEqual, type LiteralValue } from '../../core/index.ts';
import { call, type ColumnId, type Expr } from '../expr.ts';
import { resolveOperator } from '../functions/index.ts';
import { outputColumns, type JoinType, type LogicalPlan, type PlanColumn } from '../logical/logical-plan.ts';
import type { Alias, FromItem } from '../sql/ast.ts';
import { T } from '../../core/index.ts';
import { bindExpr, toBoolean } from './bind-expr.ts';
import type { QueryBinder } from './bind-query.ts';
import type { Scope, ScopeRelation } from './scope.ts';
import { seriesTableFunction, type SeriesArgument } from './series-table-functions.ts';
import { decorrelateLateral } from './lateral-join.ts';
import { unnestTableFunction } from './unnest-table-function.ts';
import { jsonTableFunction } from './json-table-functions.ts';
import { lateralUnnest } from './bind-unnest.ts';
import { columnsOf, containsSubquery } from '../optimizer/expr-utils.ts';

export interface BoundFrom {
  readonly plan: LogicalPlan;
  readonly relations: readonly ScopeRelation[];
  /** LATERAL: the correlated predicates pulled out of the item, for the join that takes it in (lateral-join.ts). */
  readonly lateralPredicates?: readonly Expr[];
  /** LATERAL over a global aggregate: join LEFT, then `finish` the join (lateral-join.ts). */
  readonly lateralOuter?: { finish(join: LogicalPlan): LogicalPlan };
  /** unnest over earlier items' columns (bind-unnest.ts): the plan is this applied to the items before it, not a join. */
  readonly lateralApply?: (left: LogicalPlan, outer?: boolean) => LogicalPlan;
}

/** Renames columns by a table alias's column list, e.g. `AS t(a, b)`. */
function applyAlias(columns: readonly PlanColumn[], alias: Alias | null, qualifier: string | null, location: number): PlanColumn[] {
  if (alias && alias.columns.length > columns.length) {
    throw new LochError(SqlState.syntaxError, `table "${alias.name}" has ${columns.length} columns available but ${alias.columns.length} columns specified`, { position: location + 1 });
  }
  return columns.map((c, i) => ({ ...c, name: alias?.columns[i] ?? c.name, qualifier: qualifier ?? undefined }));
}

export async function bindFromItem(binder: QueryBinder, item: FromItem, scope: Scope, lateralScope: Scope): Promise<BoundFrom> {
  switch (item.kind) {
    case 'table':
      return bindTableRef(binder, item, scope);
    case 'subquery': {
      // A plain derived table sees the outer query levels and this level's CTEs, not this level's FROM items.
      const derivedScope = item.lateral ? lateralScope : binder.childScope(scope.parent ?? null, [], scope);
      const bound = await binder.bindQuery(item.query, derivedScope);
      // Outer columns it reads are outer references of this level too (it skips this level's scope).
      if (!item.lateral) for (const id of derivedScope.outerRefs) scope.outerRefs.add(id);
      const qualifier = item.alias?.name ?? null;
      const columns = applyAlias(bound.columns, item.alias, qualifier, item.location);
      const plan = renameOutput(bound.plan, bound.columns, columns);
      if (item.lateral) {
        const l = decorrelateLateral(plan, columns, lateralScope, scope, binder.ctx);
        return {
          plan: l.plan, relations: [{ qualifier, columns: l.outer ? l.outer.columns : columns }],
          ...(l.lateralPredicates ? { lateralPredicates: l.lateralPredicates } : {}), ...(l.outer ? { lateralOuter: l.outer } : {}),
        };
      }
      return { plan, relations: [{ qualifier, columns }] };
    }
    case 'function': {
      if (item.name === 'unnest') {
        // Implicitly LATERAL (PostgreSQL): arguments over earlier FROM items make it an Unnest over them.
        const bound: Expr[] = [];
        for (const a of item.args) bound.push(await bindExpr(a, binder.exprContext(lateralScope, null, 'functions in FROM')));
        if (item.ordinality || bound.some((e) => columnsOf(e).size > 0 || containsSubquery(e))) {
          const qualifier = item.alias?.name ?? item.name;
          const u = lateralUnnest(bound, item.ordinality === true, item.alias, qualifier, item.location, binder.ctx);
          return { plan: { kind: 'single_row' }, relations: [{ qualifier, columns: u.columns }], lateralApply: u.apply };
        }
      }
      const args: LiteralValue[] = [];
      const typed: SeriesArgument[] = [];
      for (const a of item.args) {
        const e = await bindExpr(a, binder.constantContext(scope));
        // Constant expressions (`range(1, 1 + 2)`) are evaluated now; anything else must be a literal.
        const evaluate = binder.ctx.evaluateConstant;
        if (e.kind !== 'literal' && !evaluate) throw new LochError(SqlState.featureNotSupported, `arguments of ${item.name}() must be constants`, { position: item.location + 1 });
        let value: LiteralValue;
        try {
          value = e.kind === 'literal' ? e.value : evaluate!(e);
        } catch (err) {
          // e.g. a subquery: not a constant this early
          if (err instanceof LochError && err.sqlState !== SqlState.internalError) throw err;
          throw new LochError(SqlState.featureNotSupported, `arguments of ${item.name}() must be constants`, { position: item.location + 1 });
        }
        args.push(value);
        typed.push({ value, type: e.type });
      }
      const scanner = seriesTableFunction(item.name, typed) ?? unnestTableFunction(item.name, typed) ?? jsonTableFunction(item.name, typed) ?? await binder.catalog.tableFunction(item.name, args);
      if (!scanner) throw new LochError(SqlState.undefinedFunction, `function ${item.name}() does not exist`, { position: item.location + 1 });
      const qualifier = item.alias?.name ?? item.name;
      return binder.scanOf(`${item.name}(…)`, scanner, item.alias, qualifier, item.location);
    }
    case 'join':
      return bindJoin(binder, item, scope, lateralScope);
  }
}

async function bindTableRef(binder: QueryBinder, item: Extract<FromItem, { kind: 'table' }>, scope: Scope): Promise<BoundFrom> {
  const qualifier = item.alias?.name ?? item.name[item.name.length - 1]!;
  if (item.name.length === 1) {
    const cte = scope.lookupCte(item.name[0]!);
    if (cte) {
      const ref = await binder.referenceCte(cte, item.location);
      const columns = applyAlias(ref.columns, item.alias, qualifier, item.location);
      return { plan: { ...ref, columns }, relations: [{ qualifier, columns }] };
    }
  }
  const relation = await binder.catalog.lookupRelation(item.name);
  if (!relation) {
    const suggestion = closestName(item.name.join('.'), binder.catalog.relationNames());
    throw new LochError(SqlState.undefinedTable, `relation "${item.name.join('.')}" does not exist`, {
      position: item.location + 1,
      hint: suggestion ? `Perhaps you meant "${suggestion}".` : undefined,
    });
  }
  if (relation.kind === 'view') {
    const bound = await binder.bindQuery(relation.query, null);
    const columns = applyAlias(bound.columns, item.alias, qualifier, item.location);
    return { plan: renameOutput(bound.plan, bound.columns, columns), relations: [{ qualifier, columns }] };
  }
  return binder.scanOf(relation.name, relation.scanner, item.alias, qualifier, item.location);
}

/** Gives a subplan's output the scope's column list (same ids, new names): a no-op unless names differ. */
function renameOutput(plan: LogicalPlan, before: readonly PlanColumn[], after: readonly PlanColumn[]): LogicalPlan {
  if (before.every((c, i) => c.name === after[i]!.name)) return plan;
  return {
    kind: 'project',
    input: plan,
    exprs: before.map((c) => ({ kind: 'column', id: c.id, name: c.name, type: c.type }) satisfies Expr),
    columns: after,
  };
}

async function bindJoin(binder: QueryBinder, item: Extract<FromItem, { kind: 'join' }>, scope: Scope, lateralScope: Scope): Promise<BoundFrom> {
  const left = await bindFromItem(binder, item.left, scope, lateralScope);
  // LATERAL items on the right may see the left side's columns.
  const rightLateral = binder.childScope(lateralScope, left.relations);
  let right = await bindFromItem(binder, item.right, scope, rightLateral);
  const relations = [...left.relations, ...right.relations];
  const joinScope = binder.childScope(scope.parent, relations, scope);

  let usingNames = [...item.using];
  if (item.natural) {
    const leftNames = new Set(left.relations.flatMap((r) => r.columns.map((c) => c.name)));
    usingNames = [...new Set(right.relations.flatMap((r) => r.columns.map((c) => c.name)).filter((n) => leftNames.has(n)))];
  }
  let condition: Expr | null = null;
  const hiddenRight = new Set<ColumnId>();
  if (usingNames.length > 0) {
    const conjuncts: Expr[] = [];
    for (const name of usingNames) {
      const l = findUnique(left.relations, name, 'left');
      const r = findUnique(right.relations, name, 'right');
      conjuncts.push(resolveOperator('=', [
        { kind: 'column', id: l.id, name: l.name, type: l.type },
        { kind: 'column', id: r.id, name: r.name, type: r.type },
      ]));
      hiddenRight.add(r.id);
    }
    condition = conjuncts.reduce((a, b) => call('and', [a, b], T.boolean));
  } else if (item.on) {
    condition = toBoolean(await bindExpr(item.on, binder.exprContext(joinScope, null, 'JOIN conditions')), 'JOIN/ON');
  }
  if (item.joinKind === 'semi' || item.joinKind === 'anti' || item.joinKind === 'right_semi' || item.joinKind === 'right_anti') {
    return semiAntiJoin(item, left, right, condition);
  }
  let joinType: JoinType = item.joinKind;
  // A LATERAL aggregate's ON condition reads its restored values: it filters after the LEFT join (inner joins only).
  let afterJoin: Expr | null = null;
  if (right.lateralOuter && condition && !(condition.kind === 'literal' && condition.value === true)) {
    if (joinType !== 'inner' && joinType !== 'cross' && joinType !== 'left') throw new LochError(SqlState.featureNotSupported, 'a RIGHT/FULL JOIN LATERAL over an aggregate with an ON condition other than true is not supported yet');
    afterJoin = condition;
    condition = null;
  }
  if (right.lateralPredicates) {
    // LATERAL: the right side's correlated predicates join it to the left side.
    condition = [right.lateralOuter ? null : condition, ...right.lateralPredicates].filter((c): c is Expr => c !== null).reduce((a, b) => call('and', [a, b], T.boolean));
    if (joinType === 'cross') joinType = 'inner';
    if (right.lateralOuter) joinType = 'left';
  }
  let plan: LogicalPlan = { kind: 'join', joinType, left: left.plan, right: right.plan, condition };
  if (right.lateralApply) {
    const always = !condition || (condition.kind === 'literal' && condition.value === true);
    // LEFT JOIN LATERAL unnest(…) ON true keeps rows without elements (NULL elements): an outer Unnest.
    if (joinType === 'left' && always) plan = right.lateralApply(left.plan, true);
    else if (joinType !== 'inner' && joinType !== 'cross') throw new LochError(SqlState.featureNotSupported, `${joinType.toUpperCase()} JOIN LATERAL unnest(…) is only supported with ON true`);
    else plan = right.lateralApply(left.plan);
    if (!always && joinType !== 'left') plan = { kind: 'filter', input: plan, predicate: condition! };
  }
  if (right.lateralOuter) plan = right.lateralOuter.finish(plan);
  if (afterJoin && item.joinKind === 'left') {
    // LEFT JOIN LATERAL (aggregate) ON cond: the aggregate gives one row per left row, so the
    // LEFT join's NULL-extension is its columns nulled where cond is not true.
    const nulled = nullRightWhereFalse(binder, plan, right.relations, afterJoin);
    plan = nulled.plan;
    right = { ...right, relations: nulled.relations };
  } else if (afterJoin) plan = { kind: 'filter', input: plan, predicate: afterJoin };
  // PostgreSQL: the USING column of a RIGHT join is the right side's, of a FULL join COALESCE(left, right).
  const hiddenLeft = new Set<ColumnId>();
  const merged: PlanColumn[] = [];
  if (usingNames.length > 0 && (joinType === 'right' || joinType === 'full')) {
    const mergedExprs: Expr[] = [];
    for (const name of usingNames) {
      const l = findUnique(left.relations, name, 'left');
      const r = findUnique(right.relations, name, 'right');
      hiddenLeft.add(l.id);
      if (joinType === 'right') { hiddenRight.delete(r.id); continue; }
      const type = l.type;
      const col = (c: PlanColumn): Expr => (typesEqual(c.type, type) ? { kind: 'column', id: c.id, name: c.name, type: c.type } : { kind: 'cast', input: { kind: 'column', id: c.id, name: c.name, type: c.type }, type });
      mergedExprs.push({ kind: 'call', fn: 'coalesce', args: [col(l), col(r)], type });
      merged.push({ id: binder.ctx.newColumnId(), name, type, nullable: l.nullable && r.nullable });
    }
    if (merged.length > 0) {
      const passThrough = [...left.relations, ...right.relations].flatMap((rel) => rel.columns);
      plan = {
        kind: 'project', input: plan,
        exprs: [...passThrough.map((c): Expr => ({ kind: 'column', id: c.id, name: c.name, type: c.type })), ...mergedExprs],
        columns: [...passThrough, ...merged],
      };
    }
  }
  const leftRelations = hiddenLeft.size > 0 ? left.relations.map((r) => ({ ...r, hidden: new Set([...(r.hidden ?? []), ...hiddenLeft]) })) : left.relations;
  const rightRelations = hiddenRight.size > 0 ? right.relations.map((r) => ({ ...r, hidden: new Set([...(r.hidden ?? []), ...hiddenRight]) })) : right.relations;
  const usingRelation: ScopeRelation[] = merged.length > 0 ? [{ qualifier: null, columns: merged }] : [];
  if (item.alias) {
    const columns = [...usingRelation, ...leftRelations, ...rightRelations].flatMap((r) => r.columns.filter((c) => !r.hidden?.has(c.id)));
    return { plan, relations: [{ qualifier: item.alias.name, columns: applyAlias(columns, item.alias, item.alias.name, -1) }] };
  }
  return { plan, relations: [...usingRelation, ...leftRelations, ...rightRelations] };
}

/** Projects `plan` with the columns of `relations` replaced by `CASE WHEN cond THEN col END` (new ids; relations renumbered). */
function nullRightWhereFalse(binder: QueryBinder, plan: LogicalPlan, relations: readonly ScopeRelation[], cond: Expr): { plan: LogicalPlan; relations: ScopeRelation[] } {
  const replaced = new Map<ColumnId, PlanColumn>();
  for (const r of relations) for (const c of r.columns) replaced.set(c.id, { ...c, id: binder.ctx.newColumnId(), nullable: true });
  const inputs = outputColumns(plan);
  const exprs: Expr[] = inputs.map((c): Expr => {
    const ref: Expr = { kind: 'column', id: c.id, name: c.name, type: c.type };
    return replaced.has(c.id) ? { kind: 'case', whens: [{ when: cond, then: ref }], otherwise: null, type: c.type } : ref;
  });
  const columns = inputs.map((c) => replaced.get(c.id) ?? c);
  const renumbered = relations.map((r) => ({
    ...r, columns: r.columns.map((c) => replaced.get(c.id)!),
    ...(r.hidden ? { hidden: new Set([...r.hidden].map((id) => replaced.get(id)?.id ?? id)) } : {}),
  }));
  return { plan: { kind: 'project', input: plan, exprs, columns }, relations: renumbered };
}

/**
 * `[LEFT] SEMI|ANTI JOIN` (Spark, DataFusion): the rows of the left side that have (semi)
 * or have no (anti) match; `RIGHT SEMI|ANTI JOIN` the same for the right side. Only the
 * kept side's columns stay visible.
 */
function semiAntiJoin(item: Extract<FromItem, { kind: 'join' }>, left: BoundFrom, right: BoundFrom, condition: Expr | null): BoundFrom {
  const kind = item.joinKind.toUpperCase().replace('_', ' ');
  if (right.lateralApply || right.lateralOuter || right.lateralPredicates || left.lateralApply || left.lateralOuter || left.lateralPredicates) {
    throw new LochError(SqlState.featureNotSupported, `${kind} JOIN LATERAL is not supported yet`);
  }
  const keepRight = item.joinKind === 'right_semi' || item.joinKind === 'right_anti';
  const [kept, other] = keepRight ? [right, left] : [left, right];
  const joinType: JoinType = item.joinKind === 'semi' || item.joinKind === 'right_semi' ? 'semi' : 'anti';
  const plan: LogicalPlan = { kind: 'join', joinType, left: kept.plan, right: other.plan, condition: condition ?? { kind: 'literal', value: true, type: T.boolean } };
  if (item.alias) {
    const columns = kept.relations.flatMap((r) => r.columns.filter((c) => !r.hidden?.has(c.id)));
    return { plan, relations: [{ qualifier: item.alias.name, columns: applyAlias(columns, item.alias, item.alias.name, -1) }] };
  }
  return { plan, relations: kept.relations };
}

function findUnique(relations: readonly ScopeRelation[], name: string, side: string): PlanColumn {
  const matches = relations.flatMap((r) => r.columns.filter((c) => c.name === name));
  if (matches.length === 0) throw new LochError(SqlState.undefinedColumn, `column "${name}" specified in USING clause does not exist in ${side} table`);
  if (matches.length > 1) throw new LochError(SqlState.ambiguousColumn, `common column name "${name}" appears more than once in ${side} table`);
  return matches[0]!;
}
