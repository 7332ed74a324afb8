/**
 * Binds window function calls (`f(…) OVER (…)`, `OVER w`, `WINDOW w AS (…)`).
 *
 * Each call becomes a column reference; the WindowCollector remembers the call
 * with its bound PARTITION BY / ORDER BY / frame. After the query level's
 * Aggregate (and HAVING), `applyWindows` stacks one Window node per distinct
 * (PARTITION BY, ORDER BY) in order of first use, so window functions see
 * grouped rows and may take aggregates as arguments (`sum(sum(x)) OVER ()`).
 * Errors follow PostgreSQL: 42P20 for misplaced or nested windows, 42704 for
 * an unknown window name, 42809 for OVER on a plain function.
 */
import { LochError, SqlState, T, type DataType } from '../../core/index.ts';
import type { ColumnId, Expr } from '../expr.ts';
import { castExpr, commonSupertype, isUnknownLiteral, resolveAggregate, resolveFunction } from '../functions/index.ts';
import { outputColumns, type LogicalPlan, type PlanColumn, type SortKey } from '../logical/logical-plan.ts';
import type { PlanContext } from '../plan-context.ts';
import {
  DEFAULT_FRAME, WINDOW_ONLY_FUNCTIONS, mapWindowCall, type FrameBound, type WindowFrame, type WindowFunctionCall,
} from '../logical/window-function.ts';
import { collectColumns } from '../optimizer/expr-utils.ts';
import type { AstExpr, FrameBoundSpec, NamedWindow, OrderByItem, SelectItem, WindowSpec } from '../sql/ast.ts';
import type { Scope } from './scope.ts';
import { bindExpr, type ExprBindContext } from './bind-expr.ts';
import { exprKey } from './expr-key.ts';

const IGNORE_NULLS_FUNCTIONS = new Set(['lag', 'lead', 'first_value', 'last_value', 'nth_value']);

/** PostgreSQL's windowing_error. */
const WINDOWING_ERROR = '42P20';

type FuncAst = Extract<AstExpr, { kind: 'func' }>;

interface BoundWindow {
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortKey[];
  readonly key: string;
}

interface CollectedCall {
  readonly window: BoundWindow;
  readonly call: WindowFunctionCall;
  readonly column: PlanColumn;
}

function windowError(message: string, location: number): LochError {
  return new LochError(WINDOWING_ERROR, message, location >= 0 ? { position: location + 1 } : {});
}

/** Collects the window function calls of one SELECT level. */
export class WindowCollector {
  readonly calls: CollectedCall[] = [];
  private readonly named: ReadonlyMap<string, WindowSpec>;
  private readonly ids = new Set<ColumnId>();

  constructor(named: readonly NamedWindow[]) {
    const m = new Map<string, WindowSpec>();
    for (const w of named) {
      if (m.has(w.name)) throw windowError(`window "${w.name}" is already defined`, w.spec.location ?? -1);
      m.set(w.name, w.spec);
    }
    this.named = m;
  }

  /** True when some expression reads a window function's result. */
  referencedIn(exprs: readonly Expr[]): boolean {
    if (this.ids.size === 0) return false;
    const seen = new Set<ColumnId>();
    for (const e of exprs) collectColumns(e, seen);
    for (const id of seen) if (this.ids.has(id)) return true;
    return false;
  }

  /** Binds `ast` (which has OVER) and returns a reference to its result column. */
  async bind(ast: FuncAst, ctx: ExprBindContext): Promise<Expr> {
    const spec = this.resolveSpec(ast.over!, ast.location);
    // Arguments and window clauses may hold aggregates but no window function.
    const inner: ExprBindContext = { ...ctx, windows: null, clause: 'window function arguments' };
    const bindAll = async (list: readonly AstExpr[]): Promise<Expr[]> => {
      const out: Expr[] = [];
      for (const a of list) out.push(await bindNested(a, inner));
      return out;
    };
    const args = await bindAll(ast.args);
    const partitionBy = await bindAll(spec.partitionBy);
    const orderBy: SortKey[] = [];
    for (const item of spec.orderBy) orderBy.push(sortKeyOf(await bindNested(item.expr, inner), item));
    const frame = await this.bindFrame(spec, orderBy, inner);
    const filter = ast.filter ? await bindNested(ast.filter, { ...inner, aggregates: null, clause: 'FILTER' }) : null;
    const resolved = resolveWindowFunction(ast, args, frame, filter);
    if (ast.ignoreNulls && !IGNORE_NULLS_FUNCTIONS.has(resolved.fn)) {
      throw new LochError(SqlState.featureNotSupported, `IGNORE NULLS is not supported for ${ast.name}()`, { position: ast.location + 1 });
    }
    const key = JSON.stringify([partitionBy.map(exprKey), orderBy.map((k) => [exprKey(k.expr), k.ascending, k.nullsFirst])]);
    const column: PlanColumn = { id: ctx.plan.newColumnId(), name: ast.name, type: resolved.type, nullable: true };
    this.ids.add(column.id);
    this.calls.push({ window: { partitionBy, orderBy, key }, call: ast.ignoreNulls ? { ...resolved, ignoreNulls: true } : resolved, column });
    return { kind: 'column', id: column.id, name: column.name, type: column.type };
  }

  /** Resolves `OVER w` / `OVER (w …)` against the WINDOW clause (PostgreSQL's copy rules). */
  private resolveSpec(spec: WindowSpec, location: number, depth = 0): WindowSpec {
    if (!spec.refName) return spec;
    const base = this.named.get(spec.refName);
    if (!base) throw new LochError(SqlState.undefinedObject, `window "${spec.refName}" does not exist`, { position: (spec.location ?? location) + 1 });
    if (depth > 32) throw windowError(`window "${spec.refName}" refers to itself`, location);
    const resolved = this.resolveSpec(base, location, depth + 1);
    if (spec.reference) return resolved;
    if (spec.partitionBy.length > 0) throw windowError(`cannot override PARTITION BY clause of window "${spec.refName}"`, location);
    if (spec.orderBy.length > 0 && resolved.orderBy.length > 0) throw windowError(`cannot override ORDER BY clause of window "${spec.refName}"`, location);
    if (resolved.frame) throw windowError(`cannot copy window "${spec.refName}" because it has a frame clause`, location);
    return {
      refName: null, partitionBy: resolved.partitionBy, orderBy: spec.orderBy.length > 0 ? spec.orderBy : resolved.orderBy,
      frame: spec.frame ?? null, location: spec.location ?? -1,
    };
  }

  private async bindFrame(spec: WindowSpec, orderBy: readonly SortKey[], ctx: ExprBindContext): Promise<WindowFrame> {
    const f = spec.frame;
    if (!f) return DEFAULT_FRAME;
    const location = spec.location ?? -1;
    if (f.start.kind === 'unbounded_following') throw windowError('frame start cannot be UNBOUNDED FOLLOWING', location);
    if (f.end.kind === 'unbounded_preceding') throw windowError('frame end cannot be UNBOUNDED PRECEDING', location);
    if (f.mode === 'groups' && orderBy.length === 0) throw windowError('GROUPS mode requires an ORDER BY clause', location);
    const hasOffset = f.start.offset !== null || f.end.offset !== null;
    if (f.mode === 'range' && hasOffset && orderBy.length !== 1) {
      throw windowError('RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column', location);
    }
    const bound = async (b: FrameBoundSpec): Promise<FrameBound> => {
      if (!b.offset) return { kind: b.kind, offset: null };
      const e = await bindExpr(b.offset, { ...ctx, aggregates: null, clause: f.mode.toUpperCase() });
      if (collectColumns(e, new Set()).size > 0) {
        throw new LochError('42P10', `argument of ${f.mode.toUpperCase()} must not contain variables`, { position: b.offset.location + 1 });
      }
      const offset = castOffset(e, f.mode, orderBy[0]?.expr.type ?? null, b.offset.location);
      // Constant offsets are checked here, as PostgreSQL does before running (22004 / 22013).
      if (offset.kind === 'literal' || (offset.kind === 'cast' && offset.input.kind === 'literal')) {
        const which = b === f.start ? 'starting' : 'ending';
        const v = offset.kind === 'literal' ? offset.value : (offset.input as { value: unknown }).value;
        const position = { position: b.offset.location + 1 };
        if (v === null) throw new LochError('22004', `frame ${which} offset must not be null`, position);
        if ((typeof v === 'number' || typeof v === 'bigint') && v < 0) throw new LochError('22013', `frame ${which} offset must not be negative`, position);
      }
      return { kind: b.kind, offset };
    };
    return { mode: f.mode, start: await bound(f.start), end: await bound(f.end), exclude: f.exclude };
  }
}

/** Binds an expression where window functions are not allowed because one is being bound (nesting). */
async function bindNested(ast: AstExpr, ctx: ExprBindContext): Promise<Expr> {
  try {
    return await bindExpr(ast, ctx);
  } catch (e) {
    if (e instanceof LochError && e.sqlState === WINDOWING_ERROR && e.message === 'window functions are not allowed in window function arguments') {
      throw new LochError(WINDOWING_ERROR, 'window function calls cannot be nested', e.position !== undefined ? { position: e.position } : {});
    }
    throw e;
  }
}

/** Offsets: ROWS/GROUPS take a bigint count; RANGE takes the ORDER BY key's type (an interval for dates and timestamps). */
function castOffset(e: Expr, mode: WindowFrame['mode'], keyType: DataType | null, location: number): Expr {
  try {
    if (mode !== 'range') return castExpr(e, T.int64, false);
    if (keyType === null) throw new LochError(WINDOWING_ERROR, 'RANGE with offset requires an ORDER BY column');
    switch (keyType.kind) {
      case 'int16': case 'int32': case 'int64': {
        // Offsets compare with the key as numbers: an integer offset takes the key's type, a fractional one float64
        // (a narrow decimal constant is a scaled integer, which integer keys must not see).
        const integral = isUnknownLiteral(e) || e.type.kind === 'int16' || e.type.kind === 'int32' || e.type.kind === 'int64';
        return castExpr(e, integral ? keyType : T.float64, false);
      }
      case 'float32': case 'float64': case 'decimal':
        // Same layout as the key: decimals scaled by the key's scale, floats as they are.
        return castExpr(e, keyType, false);
      case 'date': case 'timestamp': case 'timestamptz': case 'time':
        return castExpr(e, T.interval, false);
      default:
        throw new LochError(SqlState.featureNotSupported, `RANGE with offset PRECEDING/FOLLOWING is not supported for column type ${keyType.kind}`);
    }
  } catch (err) {
    if (err instanceof LochError && err.position === undefined && location >= 0) throw new LochError(err.sqlState, err.message, { position: location + 1 });
    throw err;
  }
}

function sortKeyOf(expr: Expr, item: OrderByItem): SortKey {
  const ascending = item.direction !== 'desc';
  return { expr, ascending, nullsFirst: item.nulls === 'default' ? !ascending : item.nulls === 'first' };
}

function noSuchFunction(ast: FuncAst, args: readonly Expr[]): LochError {
  return new LochError(SqlState.undefinedFunction, `function ${ast.name}(${args.map((a) => a.type.kind).join(', ')}) does not exist`, {
    position: ast.location + 1, hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
  });
}

/** Types a window function call and casts its arguments (PostgreSQL's signatures). */
function resolveWindowFunction(ast: FuncAst, args: Expr[], frame: WindowFrame, filter: Expr | null): WindowFunctionCall {
  const position = { position: ast.location + 1 };
  if (ast.orderBy.length > 0) throw new LochError(SqlState.featureNotSupported, 'aggregate ORDER BY is not implemented for window functions', position);
  const fn = ast.name;
  if (WINDOW_ONLY_FUNCTIONS.has(fn)) {
    if (ast.star) throw noSuchFunction(ast, args);
    if (ast.distinct) throw new LochError(SqlState.featureNotSupported, 'DISTINCT is not implemented for window functions', position);
    if (filter) throw new LochError(SqlState.featureNotSupported, 'FILTER is not implemented for non-aggregate window functions', position);
    const int = (e: Expr): Expr => {
      // PostgreSQL's signatures take integer: no implicit cast from numeric or float.
      if (!isUnknownLiteral(e) && e.type.kind !== 'int16' && e.type.kind !== 'int32' && e.type.kind !== 'int64') throw noSuchFunction(ast, args);
      return castExpr(e, e.type.kind === 'int64' ? T.int64 : T.int32, false);
    };
    const value = (e: Expr): Expr => (isUnknownLiteral(e) ? castExpr(e, T.text, false) : e);
    const make = (a: Expr[], type: DataType): WindowFunctionCall => ({ fn, args: a, filter: null, frame, type });
    const arity = (min: number, max: number): void => { if (args.length < min || args.length > max) throw noSuchFunction(ast, args); };
    try {
      switch (fn) {
        case 'row_number': case 'rank': case 'dense_rank': arity(0, 0); return make([], T.int64);
        case 'percent_rank': case 'cume_dist': arity(0, 0); return make([], T.float64);
        case 'ntile': arity(1, 1); return make([int(args[0]!)], T.int32);
        case 'first_value': case 'last_value': { arity(1, 1); const v = value(args[0]!); return make([v], v.type); }
        case 'nth_value': { arity(2, 2); const v = value(args[0]!); return make([v, int(args[1]!)], v.type); }
        case 'lag': case 'lead': {
          arity(1, 3);
          const v = value(args[0]!);
          const offset = args[1] ? int(args[1]) : { kind: 'literal', value: 1, type: T.int32 } satisfies Expr;
          if (args.length < 3) return make([v, offset], v.type);
          const both = isUnknownLiteral(args[0]!) && isUnknownLiteral(args[2]!);
          const type = both ? T.text : commonSupertype([args[0]!.type, args[2]!.type].filter((t) => t.kind !== 'null'), fn);
          const t = type.kind === 'null' ? T.text : type;
          return make([castExpr(args[0]!, t, false), offset, castExpr(args[2]!, t, false)], t);
        }
      }
    } catch (e) {
      if (e instanceof LochError && e.position === undefined) throw new LochError(e.sqlState, e.message, position);
      throw e;
    }
  }
  let aggregate;
  try {
    aggregate = resolveAggregate(ast.star ? 'count_star' : fn, args, false);
  } catch (e) {
    if (e instanceof LochError && e.position === undefined) throw new LochError(e.sqlState, e.message, position);
    throw e;
  }
  if (aggregate) {
    // DISTINCT over a window: an extension (DataFusion, DuckDB) for single-argument aggregates.
    if (ast.distinct && (aggregate.args[0]?.kind === 'literal' || aggregate.args.slice(1).some((a) => a.kind !== 'literal'))) throw new LochError(SqlState.featureNotSupported, 'DISTINCT is not implemented for window functions', position);
    return { fn: aggregate.fn, args: aggregate.args, filter, frame, type: aggregate.type, ...(ast.distinct ? { distinct: true } : {}) };
  }
  // A plain function with OVER: say so when it exists, else the usual "does not exist".
  try { resolveFunction(fn, args); } catch { throw noSuchFunction(ast, args); }
  throw new LochError('42809', `OVER specified, but ${fn} is not a window function nor an aggregate function`, position);
}

/**
 * Stacks the collected window functions over `plan` (after GROUP BY / HAVING):
 * one Window node per distinct PARTITION BY / ORDER BY, expressions rewritten
 * by `rewrite` (grouped queries map input columns to group columns).
 * Computed arguments and keys go into a Project below, so the windows read
 * plain columns (hash partitioning by columns; subqueries decorrelate there).
 * The last window written ends up outermost: without ORDER BY the output
 * follows its order (what DataFusion's plans give for most queries).
 */
export function applyWindows(plan: LogicalPlan, windows: WindowCollector, rewrite: (e: Expr) => Expr, ctx: PlanContext, qualify: Expr | null = null): LogicalPlan {
  if (qualify !== null && windows.calls.length === 0) {
    throw windowError('QUALIFY requires a window function in the select list or the QUALIFY clause', -1);
  }
  const withWindows = stackWindows(plan, windows, rewrite, ctx);
  return qualify === null ? withWindows : { kind: 'filter', input: withWindows, predicate: rewrite(qualify) };
}

/**
 * QUALIFY may name select-list aliases (`QUALIFY rn = 1`): a bare name that no
 * FROM column has is replaced by the aliased expression.
 */
export function qualifyWithAliases(cond: AstExpr, targets: readonly SelectItem[], scope: Scope): AstExpr {
  const aliases = new Map<string, AstExpr>();
  for (const t of targets) if (t.kind === 'expr' && t.alias) aliases.set(t.alias, t.expr);
  if (aliases.size === 0) return cond;
  const columns = new Set(scope.allColumns().map((c) => c.name));
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const o = node as { kind?: string; parts?: readonly string[] };
    if (o.kind === 'subquery') return node;
    if (o.kind === 'column' && o.parts?.length === 1 && aliases.has(o.parts[0]!) && !columns.has(o.parts[0]!)) return aliases.get(o.parts[0]!);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = visit(v);
    return out;
  };
  return visit(cond) as AstExpr;
}

function stackWindows(plan: LogicalPlan, windows: WindowCollector, rewrite: (e: Expr) => Expr, ctx: PlanContext): LogicalPlan {
  if (windows.calls.length === 0) return plan;
  const order: string[] = [];
  const groups = new Map<string, CollectedCall[]>();
  for (const c of windows.calls) {
    let g = groups.get(c.window.key);
    if (!g) { g = []; groups.set(c.window.key, g); order.push(c.window.key); }
    g.push(c);
  }
  const computed: { expr: Expr; column: PlanColumn }[] = [];
  const byKey = new Map<string, Expr>();
  const hoist = (e: Expr): Expr => {
    const r = rewrite(e);
    if (r.kind === 'column' || r.kind === 'literal') return r;
    const key = exprKey(r);
    let ref = byKey.get(key);
    if (!ref) {
      const column: PlanColumn = { id: ctx.newColumnId(), name: 'window_input', type: r.type, nullable: true };
      computed.push({ expr: r, column });
      ref = { kind: 'column', id: column.id, name: column.name, type: column.type };
      byKey.set(key, ref);
    }
    return ref;
  };
  const nodes = order.map((key) => {
    const calls = groups.get(key)!;
    const w = calls[0]!.window;
    return {
      partitionBy: w.partitionBy.map(hoist),
      orderBy: w.orderBy.map((k) => ({ ...k, expr: hoist(k.expr) })),
      functions: calls.map((c) => ({
        ...mapWindowCall(c.call, rewrite),
        args: c.call.args.map(hoist), filter: c.call.filter ? hoist(c.call.filter) : null,
      })),
      columns: calls.map((c) => c.column),
    };
  });
  let out = plan;
  if (computed.length > 0) {
    const passThrough = outputColumns(plan);
    out = {
      kind: 'project', input: plan,
      exprs: [...passThrough.map((c): Expr => ({ kind: 'column', id: c.id, name: c.name, type: c.type })), ...computed.map((c) => c.expr)],
      columns: [...passThrough, ...computed.map((c) => c.column)],
    };
  }
  for (const node of nodes) out = { kind: 'window', input: out, ...node };
  return out;
}
