/**
 * Binds scalar expressions: resolves names through the scope, types every node
 * with the function registry (PostgreSQL's operator and cast rules live in
 * planner/functions), turns aggregates into references to Aggregate outputs
 * and subqueries into SubqueryExpr nodes for decorrelation.
 */
import { LochError, SqlState, T, decimal, type DataType, type LiteralValue } from '../../core/index.ts';
import { call, lit, type AggregateCall, type ColumnId, type Expr } from '../expr.ts';
import {
  castExpr, commonSupertype, commonSupertypeOfExprs, isAggregateName, isPercentileName, parseTypeName, resolveAggregate, resolveFunction, resolveOperator,
  resolveOrderedAggregate, tryCastExpr, numberAsTimestampUnits, withTemporalPrecision, type AggregateOrderKey,
} from '../functions/index.ts';
import { negativeNumericScale, roundToNegativeScale } from '../functions/index.ts';
import type { PlanColumn, LogicalPlan } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import type { AstExpr, Query, TypeName } from '../sql/ast.ts';
import type { Scope } from './scope.ts';
import type { WindowCollector } from './bind-window.ts';
import type { UnnestCollector } from './bind-unnest.ts';
import { WINDOW_ONLY_FUNCTIONS } from '../logical/window-function.ts';
import { bindColumnFieldPath, bindNestedExpr } from './bind-nested.ts';
import { bindQuantified, isQuantified } from './bind-quantified.ts';

/** Collects the aggregate calls of one query level and hands out their output columns. */
export class AggregateCollector {
  readonly calls: AggregateCall[] = [];
  readonly columns: PlanColumn[] = [];
  private readonly byKey = new Map<string, number>();

  add(aggregate: AggregateCall, name: string, key: string, ctx: PlanContext): PlanColumn {
    const existing = this.byKey.get(key);
    if (existing !== undefined) return this.columns[existing]!;
    const column: PlanColumn = { id: ctx.newColumnId(), name, type: aggregate.type, nullable: true };
    this.byKey.set(key, this.calls.length);
    this.calls.push(aggregate);
    this.columns.push(column);
    return column;
  }
}

export interface BoundSubquery {
  readonly plan: LogicalPlan;
  readonly columns: readonly PlanColumn[];
  readonly outerRefs: readonly ColumnId[];
}

export interface ExprBindContext {
  readonly scope: Scope;
  readonly plan: PlanContext;
  /** Present where aggregates are allowed (select list, HAVING, ORDER BY). */
  readonly aggregates: AggregateCollector | null;
  /** Why aggregates are not allowed here, for the error message. */
  readonly clause: string;
  /** Present where window functions are allowed (select list, ORDER BY); bind-window.ts. */
  readonly windows?: WindowCollector | null;
  /** Present where set-returning unnest(…) is allowed (the select list); bind-unnest.ts. */
  readonly unnests?: UnnestCollector | null;
  bindSubquery(query: Query, scope: Scope): Promise<BoundSubquery>;
}

function withPosition<T>(location: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof LochError && e.position === undefined && location >= 0) {
      throw new LochError(e.sqlState, e.message, { position: location + 1, hint: e.hint, detail: e.detail });
    }
    throw e;
  }
}

export function toBoolean(e: Expr, what: string): Expr {
  if (e.type.kind === 'boolean') return e;
  if (e.kind === 'literal' && (e.type.kind === 'text' || e.type.kind === 'null')) return castExpr(e, T.boolean, false);
  throw new LochError(SqlState.datatypeMismatch, `argument of ${what} must be type boolean, not type ${typeNameOf(e.type)}`);
}

function typeNameOf(t: DataType): string {
  return t.kind === 'decimal' ? 'numeric' : t.kind === 'int32' ? 'integer' : t.kind === 'int64' ? 'bigint' : t.kind;
}

/** Parses a numeric constant's text into the narrowest exact type (PostgreSQL: numeric). */
export function numericLiteral(text: string): Expr {
  if (/[eE]/.test(text)) return lit(Number(text), T.float64);
  const [intPart = '', fracPart = ''] = text.split('.');
  // a folded negative constant (`-1.5`) carries its sign: it is not a digit
  const digits = (intPart.replace(/^[-+]/, '').replace(/^0+/, '') + fracPart).replace(/^0+/, '') || '0';
  const scale = fracPart.length;
  const precision = Math.max(digits.length, scale, 1);
  const scaledText = (intPart + fracPart).replace(/^0+(?=\d)/, '') || '0';
  if (scale === 0) {
    const big = BigInt(scaledText);
    if (big >= -(2n ** 63n) && big < 2n ** 63n) return lit(big, T.int64);
  }
  if (precision <= 15) return lit(Number(scaledText), decimal(Math.max(precision, 1), scale));
  if (precision > 38) throw new LochError(SqlState.numericValueOutOfRange, `numeric constant ${text} has more than 38 digits`);
  return lit(BigInt(scaledText), decimal(38, scale));
}

const INTERVAL_FIELD_BITS: readonly [number, keyof typeof INTERVAL_UNIT][] = [
  [1 << 12, 'second'], [1 << 11, 'minute'], [1 << 10, 'hour'], [1 << 3, 'day'], [1 << 1, 'month'], [1 << 2, 'year'],
];
const INTERVAL_UNIT = { second: 1e6, minute: 60e6, hour: 3600e6, day: 0, month: 0, year: 0 } as const;

/** `interval '3' month`: PostgreSQL passes the unit as a typmod bit mask. */
function intervalWithUnit(text: string, typmods: readonly number[]): Expr | null {
  const mask = typmods[0];
  if (mask === undefined || !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(text)) return null;
  const n = Number(text);
  const field = INTERVAL_FIELD_BITS.find(([bit]) => (mask & bit) !== 0)?.[1];
  if (!field) return null;
  const v = field === 'year' ? { months: 12 * n, days: 0, micros: 0 }
    : field === 'month' ? { months: n, days: 0, micros: 0 }
      : field === 'day' ? { months: 0, days: n, micros: 0 }
        : { months: 0, days: 0, micros: n * INTERVAL_UNIT[field] };
  return lit(v, T.interval);
}

export function bindType(t: TypeName): DataType {
  return parseTypeName(t.names, t.typmods);
}

/** Binds one expression. */
export async function bindExpr(ast: AstExpr, ctx: ExprBindContext): Promise<Expr> {
  const location = ast.location;
  switch (ast.kind) {
    case 'column':
      return withPosition(location, () => {
        let c;
        try {
          c = ctx.scope.resolve(ast.parts, location);
        } catch (e) {
          // `s.a`: a struct column's field (bind-nested.ts)
          const field = ast.parts.length > 1 ? bindColumnFieldPath(ast.parts, location, ctx) : undefined;
          if (field) return field;
          throw e;
        }
        return { kind: 'column', id: c.id, name: c.name, type: c.type } satisfies Expr;
      });
    case 'array': case 'row': case 'subscript': case 'field': case 'array_op':
      return bindNestedExpr(ast, ctx, bindExpr);
    case 'integer':
      return lit(ast.value, T.int32);
    case 'numeric':
      return numericLiteral(ast.text);
    case 'string':
      return lit(ast.value, T.text);
    case 'boolean':
      return lit(ast.value, T.boolean);
    case 'null':
      return lit(null, T.null);
    case 'param':
      throw new LochError(SqlState.featureNotSupported, `parameter $${ast.index} is not supported here`, { position: location + 1 });
    case 'typecast': {
      const type = bindType(ast.type);
      if (type.kind === 'interval' && ast.expr.kind === 'string') {
        const v = intervalWithUnit(ast.expr.value, ast.type.typmods);
        if (v) return v;
      }
      // ARRAY[]::int[]: an empty array takes its type from the cast
      if (ast.expr.kind === 'array' && ast.expr.elements.length === 0 && type.kind === 'array') return lit([], type);
      const bound = await bindExpr(ast.expr, ctx);
      // numeric(p, -s) rounds to 10^s first (numeric-typmod.ts)
      const negativeScale = negativeNumericScale(ast.type.names, ast.type.typmods);
      const inner = negativeScale === null ? bound : withPosition(location, () => roundToNegativeScale(bound, negativeScale));
      // timestamp(p) / time(p) round to p fractional digits; a number cast to timestamp(3|6|9) counts ms/µs/ns (datetime-functions.ts)
      const units = ast.try ? undefined : numberAsTimestampUnits(inner, type, ast.type.typmods);
      if (units) return units;
      return withPosition(location, () => withTemporalPrecision(ast.try ? tryCastExpr(inner, type) : castExpr(inner, type, true), ast.type.typmods));
    }
    case 'op': {
      const args = ast.left ? [await bindExpr(ast.left, ctx), await bindExpr(ast.right, ctx)] : [await bindExpr(ast.right, ctx)];
      return withPosition(location, () => resolveOperator(ast.op, args));
    }
    case 'and':
    case 'or': {
      const args: Expr[] = [];
      for (const a of ast.args) {
        const b = await bindExpr(a, ctx);
        args.push(withPosition(a.location, () => toBoolean(b, ast.kind.toUpperCase())));
      }
      return args.slice(1).reduce((acc, e) => call(ast.kind, [acc, e], T.boolean), args[0]!);
    }
    case 'not': {
      const b = await bindExpr(ast.arg, ctx);
      return call('not', [withPosition(location, () => toBoolean(b, 'NOT'))], T.boolean);
    }
    case 'func':
      return bindFunction(ast, ctx);
    case 'case':
      return bindCase(ast, ctx);
    case 'between': {
      const x = await bindExpr(ast.expr, ctx);
      const low = await bindExpr(ast.low, ctx);
      const high = await bindExpr(ast.high, ctx);
      return withPosition(location, () => {
        const range = (lo: Expr, hi: Expr) => call('and', [resolveOperator('>=', [x, lo]), resolveOperator('<=', [x, hi])], T.boolean);
        const e = ast.symmetric ? call('or', [range(low, high), range(high, low)], T.boolean) : range(low, high);
        return ast.negated ? call('not', [e], T.boolean) : e;
      });
    }
    case 'in_list': {
      const x = await bindExpr(ast.expr, ctx);
      const items: Expr[] = [];
      for (const i of ast.list) items.push(await bindExpr(i, ctx));
      return withPosition(location, () => {
        const type = commonSupertypeOfExprs([x, ...items], 'IN');
        return { kind: 'in_list', input: castExpr(x, type, false), list: items.map((i) => castExpr(i, type, false)), negated: ast.negated, type: T.boolean } satisfies Expr;
      });
    }
    case 'like': {
      const x = await bindExpr(ast.expr, ctx);
      const p = await bindExpr(ast.pattern, ctx);
      const op = `${ast.negated ? '!' : ''}~~${ast.caseInsensitive ? '*' : ''}`;
      return withPosition(location, () => resolveOperator(op, [x, p]));
    }
    case 'is_null': {
      const x = await bindExpr(ast.expr, ctx);
      return call(ast.negated ? 'is_not_null' : 'is_null', [x], T.boolean);
    }
    case 'is_bool': {
      const inner = await bindExpr(ast.expr, ctx);
      const b = withPosition(location, () => toBoolean(inner, 'IS TRUE'));
      const test = ast.test === null
        ? call('is_null', [b], T.boolean)
        : { kind: 'case', whens: [{ when: ast.test ? b : call('not', [b], T.boolean), then: lit(true, T.boolean) }], otherwise: lit(false, T.boolean), type: T.boolean } satisfies Expr;
      return ast.negated ? call('not', [test], T.boolean) : test;
    }
    case 'distinct_from': {
      const a = await bindExpr(ast.left, ctx);
      const b = await bindExpr(ast.right, ctx);
      return withPosition(location, () => {
        const aNull = call('is_null', [a], T.boolean);
        const bNull = call('is_null', [b], T.boolean);
        const distinct: Expr = {
          kind: 'case',
          whens: [
            { when: call('and', [aNull, bNull], T.boolean), then: lit(false, T.boolean) },
            { when: call('or', [aNull, bNull], T.boolean), then: lit(true, T.boolean) },
          ],
          otherwise: resolveOperator('<>', [a, b]),
          type: T.boolean,
        };
        return ast.negated ? call('not', [distinct], T.boolean) : distinct;
      });
    }
    case 'coalesce':
    case 'greatest':
    case 'least': {
      const args: Expr[] = [];
      for (const a of ast.args) args.push(await bindExpr(a, ctx));
      return withPosition(location, () => resolveFunction(ast.kind, args));
    }
    case 'nullif': {
      const args = [await bindExpr(ast.left, ctx), await bindExpr(ast.right, ctx)];
      return withPosition(location, () => resolveFunction('nullif', args));
    }
    case 'subquery':
      return bindSubqueryExpr(ast, ctx);
    case 'current':
      return withPosition(location, () => resolveFunction(ast.what, []));
  }
}

async function bindCase(ast: Extract<AstExpr, { kind: 'case' }>, ctx: ExprBindContext): Promise<Expr> {
  const operand = ast.operand ? await bindExpr(ast.operand, ctx) : null;
  const whens: { when: Expr; then: Expr }[] = [];
  for (const w of ast.whens) {
    const whenValue = await bindExpr(w.when, ctx);
    const when = operand ? withPosition(w.when.location, () => resolveOperator('=', [operand, whenValue])) : withPosition(w.when.location, () => toBoolean(whenValue, 'CASE/WHEN'));
    whens.push({ when, then: await bindExpr(w.then, ctx) });
  }
  const otherwise = ast.otherwise ? await bindExpr(ast.otherwise, ctx) : null;
  return withPosition(ast.location, () => {
    const type = commonSupertypeOfExprs([...whens.map((w) => w.then), ...(otherwise ? [otherwise] : [])], 'CASE');
    const resultType = type.kind === 'null' ? T.text : type;
    return {
      kind: 'case',
      whens: whens.map((w) => ({ when: w.when, then: castExpr(w.then, resultType, false) })),
      otherwise: otherwise ? castExpr(otherwise, resultType, false) : null,
      type: resultType,
    } satisfies Expr;
  });
}

/** Aggregates whose result depends on the order of their input. */
const ORDER_SENSITIVE_AGGREGATES = new Set(['string_agg', 'array_agg', 'json_agg', 'jsonb_agg', 'first', 'last', 'first_value', 'last_value', 'nth_value', 'any_value']);

async function bindFunction(original: Extract<AstExpr, { kind: 'func' }>, ctx: ExprBindContext): Promise<Expr> {
  const ast = original.over ? countArguments(original) : countArguments(percentileOrderBy(aggregateNullTreatment(original)));
  if (ast.over) {
    if (!ctx.windows) throw new LochError('42P20', `window functions are not allowed in ${ctx.clause}`, { position: ast.location + 1 });
    return ctx.windows.bind(ast, ctx);
  }
  if (ast.name === 'unnest') {
    if (!ctx.unnests) throw new LochError(SqlState.featureNotSupported, `set-returning functions are not allowed in ${ctx.clause}`, { position: ast.location + 1 });
    const srfArgs: Expr[] = [];
    for (const a of ast.args) srfArgs.push(await bindExpr(a, { ...ctx, unnests: null }));
    return ctx.unnests.add(srfArgs, ast.location, ctx.plan);
  }
  if (WINDOW_ONLY_FUNCTIONS.has(ast.name) && !isAggregateName(ast.name)) {
    throw new LochError('42809', `window function ${ast.name} requires an OVER clause`, { position: ast.location + 1 });
  }
  const args: Expr[] = [];
  for (const a of ast.args) args.push(await bindExpr(a, ctx));
  // ORDER BY inside the call / WITHIN GROUP: string_agg and array_agg honour it (encoded in the call's
  // arguments, planner/functions/aggregates.ts); count/sum/min/max… ignore it, as the order cannot change them.
  const order: AggregateOrderKey[] = [];
  if (ast.orderBy.length > 0 && (ast.withinGroup || ORDER_SENSITIVE_AGGREGATES.has(ast.name.toLowerCase()))) {
    for (const o of ast.orderBy) {
      const descending = o.direction === 'desc';
      order.push({ expr: await bindExpr(o.expr, ctx), descending, nullsFirst: o.nulls === 'default' ? descending : o.nulls === 'first' });
    }
  }
  const aggregate = withPosition(ast.location, () => (ast.withinGroup || order.length > 0
    ? resolveOrderedAggregate(ast.name, args, ast.distinct, order, ast.withinGroup === true)
    : resolveAggregate(ast.star ? starAggregate(ast.name) : ast.name, args, ast.distinct)));
  if (aggregate) {
    if (!ctx.aggregates) {
      throw new LochError(SqlState.groupingError, `aggregate functions are not allowed in ${ctx.clause}`, { position: ast.location + 1 });
    }
    if (ctx.windows?.referencedIn(args)) {
      throw new LochError(SqlState.groupingError, 'aggregate function calls cannot contain window function calls', { position: ast.location + 1 });
    }
    if (containsAggregateRef(args, ctx.aggregates)) {
      throw new LochError(SqlState.groupingError, 'aggregate function calls cannot be nested', { position: ast.location + 1 });
    }
    const filter = ast.filter ? toBoolean(await bindExpr(ast.filter, { ...ctx, aggregates: null, clause: 'FILTER' }), 'FILTER') : null;
    const callNode: AggregateCall = { fn: aggregate.fn, args: aggregate.args, distinct: ast.distinct, filter, type: aggregate.type };
    const key = JSON.stringify([aggregate.fn, ast.distinct, aggregate.args.map(exprKeyShallow), filter ? exprKeyShallow(filter) : null]);
    const column = ctx.aggregates.add(callNode, ast.name, key, ctx.plan);
    return { kind: 'column', id: column.id, name: column.name, type: column.type };
  }
  if (ast.star || ast.distinct || ast.filter) {
    throw new LochError(SqlState.undefinedFunction, `${ast.name}(${ast.star ? '*' : '…'}) is not an aggregate function`, { position: ast.location + 1 });
  }
  return withPosition(ast.location, () => resolveFunction(ast.name, args));
}

/**
 * `count()` (DataFusion, DuckDB) is count(*); `count(a, b)` (Spark, DataFusion, MySQL) counts the rows
 * where every argument is non-NULL: count(*) FILTER (WHERE a IS NOT NULL AND b IS NOT NULL).
 */
function countArguments(ast: Extract<AstExpr, { kind: 'func' }>): Extract<AstExpr, { kind: 'func' }> {
  if (ast.name.toLowerCase() !== 'count' || ast.star || ast.args.length === 1) return ast;
  if (ast.args.length === 0) return { ...ast, star: true };
  if (ast.distinct) throw new LochError(SqlState.featureNotSupported, 'count(DISTINCT …) with more than one argument is not supported', { position: ast.location + 1 });
  const notNull: AstExpr[] = ast.args.map((a) => ({ kind: 'is_null', expr: a, negated: true, location: ast.location }));
  const all: AstExpr = { kind: 'and', args: ast.filter ? [ast.filter, ...notNull] : notNull, location: ast.location };
  return { ...ast, args: [], star: true, filter: all };
}

/**
 * DuckDB's / DataFusion's `quantile_cont(0.75 ORDER BY x DESC)` and `quantile_cont(x, 0.75 ORDER BY x DESC)`:
 * a percentile with the ORDER BY inside the call is the same as WITHIN GROUP (ORDER BY x DESC).
 */
function percentileOrderBy(ast: Extract<AstExpr, { kind: 'func' }>): Extract<AstExpr, { kind: 'func' }> {
  if (ast.withinGroup || ast.orderBy.length !== 1 || (ast.args.length !== 1 && ast.args.length !== 2) || !isPercentileName(ast.name)) return ast;
  return { ...ast, args: [ast.args[ast.args.length - 1]!], withinGroup: true };
}

/** Aggregates that take IGNORE NULLS / RESPECT NULLS (the others reject the clause, as DataFusion does). */
const NULL_TREATMENT_AGGREGATES = new Set(['array_agg', 'first_value', 'last_value', 'nth_value', 'first', 'last', 'any_value']);

/**
 * IGNORE NULLS of an aggregate call (`array_agg(x) IGNORE NULLS`, `first_value(x ORDER BY y IGNORE NULLS)`,
 * Spark's `first(x, true)`, `any_value(x)`): the rows whose value is NULL are skipped, which is the
 * same as `FILTER (WHERE x IS NOT NULL)` (ANDed with the call's own FILTER).
 */
function aggregateNullTreatment(ast: Extract<AstExpr, { kind: 'func' }>): Extract<AstExpr, { kind: 'func' }> {
  const name = ast.name.toLowerCase();
  if ((ast.ignoreNulls || ast.respectNulls) && !NULL_TREATMENT_AGGREGATES.has(name)) {
    throw new LochError(SqlState.syntaxError, `${ast.ignoreNulls ? 'IGNORE' : 'RESPECT'} NULLS is not permitted for ${name}`, { position: ast.location + 1 });
  }
  let ignoreNulls = ast.ignoreNulls === true || (name === 'any_value' && ast.args.length === 1);
  let args = ast.args;
  if ((name === 'first' || name === 'last') && args.length === 2 && args[1]!.kind === 'boolean') {
    ignoreNulls = args[1]!.value;
    args = [args[0]!];
  }
  if (!ignoreNulls || args.length === 0) return args === ast.args ? ast : { ...ast, args };
  const notNull: AstExpr = { kind: 'is_null', expr: args[0]!, negated: true, location: ast.location };
  const filter: AstExpr = ast.filter ? { kind: 'and', args: [ast.filter, notNull], location: ast.location } : notNull;
  return { ...ast, args, filter, ignoreNulls: false };
}

/** `count(*)`; any other `f(*)` is PostgreSQL's 42809. */
function starAggregate(name: string): string {
  if (name.toLowerCase() === 'count') return 'count_star';
  throw new LochError('42809', `${name}(*) must be used to call a parameterless aggregate function`);
}

function exprKeyShallow(e: Expr): string {
  return JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

function containsAggregateRef(args: readonly Expr[], aggregates: AggregateCollector): boolean {
  const ids = new Set(aggregates.columns.map((c) => c.id));
  const visit = (e: Expr): boolean => {
    switch (e.kind) {
      case 'column': return ids.has(e.id);
      case 'call': return e.args.some(visit);
      case 'cast': return visit(e.input);
      case 'case': return e.whens.some((w) => visit(w.when) || visit(w.then)) || (e.otherwise ? visit(e.otherwise) : false);
      case 'in_list': return visit(e.input) || e.list.some(visit);
      default: return false;
    }
  };
  return args.some(visit);
}

async function bindSubqueryExpr(ast: Extract<AstExpr, { kind: 'subquery' }>, ctx: ExprBindContext): Promise<Expr> {
  const bound = await ctx.bindSubquery(ast.query, ctx.scope);
  const position = { position: ast.location + 1 };
  if (ast.subqueryKind === 'exists') {
    return { kind: 'subquery', subqueryKind: 'exists', plan: bound.plan, input: null, negated: false, outerRefs: bound.outerRefs, type: T.boolean };
  }
  if (isQuantified(ast, bound.columns.length)) return bindQuantified(ast, bound, ctx, bindExpr);
  if (bound.columns.length !== 1) {
    throw new LochError(SqlState.syntaxError, bound.columns.length > 1 ? 'subquery must return only one column' : 'subquery has no columns', position);
  }
  const column = bound.columns[0]!;
  if (ast.subqueryKind === 'scalar') {
    return { kind: 'subquery', subqueryKind: 'scalar', plan: bound.plan, input: null, negated: false, outerRefs: bound.outerRefs, type: column.type };
  }
  if (ast.subqueryKind !== 'in') {
    throw new LochError(SqlState.featureNotSupported, `${ast.op} ${ast.subqueryKind.toUpperCase()} (subquery) is not supported yet`, position);
  }
  const left = await bindExpr(ast.expr!, ctx);
  return withPosition(ast.location, () => {
    const type = commonSupertype([left.type, column.type], 'IN');
    let plan = bound.plan;
    if (column.type.kind !== type.kind || JSON.stringify(column.type) !== JSON.stringify(type)) {
      const casted: PlanColumn = { ...column, id: ctx.plan.newColumnId(), type };
      plan = { kind: 'project', input: plan, exprs: [castExpr({ kind: 'column', id: column.id, name: column.name, type: column.type }, type, false)], columns: [casted] };
    }
    return { kind: 'subquery', subqueryKind: 'in', plan, input: castExpr(left, type, false), negated: false, outerRefs: bound.outerRefs, type: T.boolean } satisfies Expr;
  });
}

/** Evaluates a LIMIT/OFFSET expression, which must be a constant. */
export function constantInteger(e: Expr, what: string): number | null {
  if (e.kind === 'literal') {
    const v: LiteralValue = e.value;
    if (v === null) return null;
    if (typeof v === 'number' && Number.isInteger(v) && e.type.kind !== 'decimal') return v;
    if (typeof v === 'bigint') return Number(v);
  }
  throw new LochError(SqlState.invalidParameterValue, `argument of ${what} must be an integer constant`);
}
