/**
 * Test helper: builds logical plans by hand over fake tables that carry a
 * schema and a row count (no data: the optimizer never reads rows).
 */
import { decimal, T, type DataType } from '../../../core/index.ts';
import type { LiteralValue } from '../../../core/index.ts';
import type { Batch } from '../../../core/index.ts';
import type { ScanRequest, SourceColumn, SourceStatistics, TableScanner } from '../../../core/index.ts';
import type { AggregateCall, ColumnRef, Expr } from '../../expr.ts';
import {
  outputColumns, type JoinType, type LogicalPlan, type PlanColumn, type Scan,
} from '../../logical/logical-plan.ts';
import { PlanContext } from '../../plan-context.ts';

/** A table with a schema and a row count; scanning it is an error. */
export class FakeTable implements TableScanner {
  readonly columns: readonly SourceColumn[];
  readonly rowCount: number;
  constructor(columns: readonly SourceColumn[], rowCount: number) {
    this.columns = columns;
    this.rowCount = rowCount;
  }
  async statistics(): Promise<SourceStatistics> { return { rowCount: this.rowCount }; }
  // eslint-disable-next-line require-yield
  async *scan(_request: ScanRequest): AsyncIterable<Batch> { throw new Error('FakeTable cannot be scanned'); }
}

const TYPES: Record<string, DataType> = {
  int: T.int32, bigint: T.int64, text: T.text, date: T.date, bool: T.boolean, money: decimal(15, 2), double: T.float64,
};

/** Builds plans with fresh column ids from one PlanContext. */
export class PlanBuilder {
  readonly ctx: PlanContext;
  constructor(ctx: PlanContext = new PlanContext()) { this.ctx = ctx; }

  /** `scan('orders', ['o_orderkey:bigint', 'o_custkey:bigint'], 1_500_000)`; type defaults to int. */
  scan(table: string, cols: readonly string[], rows?: number): Scan {
    const source = new FakeTable(cols.map((c) => {
      const [name, type] = c.split(':');
      return { name: name!, type: TYPES[type ?? 'int']!, nullable: true };
    }), rows ?? 1000);
    return this.scanOf(table, source, rows);
  }

  /** Another scan of the same table (fresh ids), e.g. `lineitem l2`. */
  scanOf(table: string, source: TableScanner, rows?: number): Scan {
    return {
      kind: 'scan', tableName: table, source, pushedPredicates: [],
      columns: source.columns.map((c, i) => ({ id: this.ctx.newColumnId(), name: c.name, type: c.type, nullable: c.nullable, sourceIndex: i })),
      ...(rows !== undefined ? { rowEstimate: rows } : {}),
    };
  }

  filter(input: LogicalPlan, predicate: Expr): LogicalPlan { return { kind: 'filter', input, predicate }; }

  join(joinType: JoinType, left: LogicalPlan, right: LogicalPlan, condition: Expr | null = null): LogicalPlan {
    return { kind: 'join', joinType, left, right, condition };
  }

  /** Projection with fresh output ids; `[name, expr]` pairs. */
  project(input: LogicalPlan, items: readonly (readonly [string, Expr])[]): LogicalPlan {
    return {
      kind: 'project', input, exprs: items.map((i) => i[1]),
      columns: items.map(([name, e]) => ({ id: this.ctx.newColumnId(), name, type: e.type, nullable: true })),
    };
  }

  aggregate(input: LogicalPlan, groupBy: readonly Expr[], aggs: readonly (readonly [string, AggregateCall])[]): LogicalPlan {
    const columns: PlanColumn[] = [
      ...groupBy.map((g) => ({ id: this.ctx.newColumnId(), name: g.kind === 'column' ? g.name : 'key', type: g.type, nullable: true })),
      ...aggs.map(([name, a]) => ({ id: this.ctx.newColumnId(), name, type: a.type, nullable: true })),
    ];
    return { kind: 'aggregate', input, groupBy, aggregates: aggs.map((a) => a[1]), columns };
  }
}

/** Reference to the output column called `name` of `plan`. */
export function c(plan: LogicalPlan, name: string): ColumnRef {
  const col = outputColumns(plan).find((x) => x.name === name);
  if (!col) throw new Error(`no column ${name} in ${outputColumns(plan).map((x) => x.name).join(',')}`);
  return { kind: 'column', id: col.id, name: col.name, type: col.type };
}

export function lit(value: LiteralValue, type: DataType = typeof value === 'string' ? T.text : T.int32): Expr {
  return { kind: 'literal', value, type };
}
export const TRUE = lit(true, T.boolean);
export const FALSE = lit(false, T.boolean);

function bool(fn: string, ...args: Expr[]): Expr { return { kind: 'call', fn, args, type: T.boolean }; }
export const eq = (a: Expr, b: Expr): Expr => bool('eq', a, b);
export const neq = (a: Expr, b: Expr): Expr => bool('ne', a, b);
export const lt = (a: Expr, b: Expr): Expr => bool('lt', a, b);
export const gt = (a: Expr, b: Expr): Expr => bool('gt', a, b);
export const gte = (a: Expr, b: Expr): Expr => bool('ge', a, b);
export const like = (a: Expr, b: Expr): Expr => bool('like', a, b);
export const and = (...args: Expr[]): Expr => args.reduce((x, y) => bool('and', x, y));
export const or = (...args: Expr[]): Expr => args.reduce((x, y) => bool('or', x, y));
export const not = (a: Expr): Expr => bool('not', a);
export const isNull = (a: Expr): Expr => bool('is_null', a);
export const add = (a: Expr, b: Expr): Expr => ({ kind: 'call', fn: 'add', args: [a, b], type: a.type });
export const mul = (a: Expr, b: Expr): Expr => ({ kind: 'call', fn: 'multiply', args: [a, b], type: a.type });

export function agg(fn: string, args: readonly Expr[], type: DataType = args[0]?.type ?? T.int64): AggregateCall {
  return { fn, args, distinct: false, filter: null, type };
}

/** A tiny constant evaluator for tests: integer arithmetic and comparisons on literals (registry names). */
export function testEvaluator(e: Expr): LiteralValue {
  if (e.kind === 'literal') return e.value;
  if (e.kind !== 'call') throw new Error('unsupported');
  const v = e.args.map(testEvaluator);
  if (v.some((x) => x === null)) return null;
  const [a, b] = v as [number, number];
  switch (e.fn) {
    case 'add': return a + b;
    case 'subtract': return a - b;
    case 'multiply': return a * b;
    case 'divide': if (b === 0) throw new Error('division by zero'); return Math.trunc(a / b);
    case 'eq': return a === b;
    case 'lt': return a < b;
    case 'gt': return a > b;
    case 'random': return Math.random();
    default: throw new Error(`unsupported ${e.fn}`);
  }
}

/** A subquery expression; `outer` are the outer columns it reads. */
export function subquery(kind: 'scalar' | 'exists' | 'in', plan: LogicalPlan, outer: readonly ColumnRef[], input: Expr | null = null): Expr {
  const type = kind === 'scalar' ? outputColumns(plan)[0]!.type : T.boolean;
  return { kind: 'subquery', subqueryKind: kind, plan, input, negated: false, outerRefs: outer.map((o) => o.id), type };
}
