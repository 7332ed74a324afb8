/**
 * Test support: hand-built logical plans over in-memory tables, run through
 * createPhysicalPlan + executePhysicalPlan, results as JS rows.
 */
import { Batch, type DataType, type LiteralValue, T, readValue, toArrowType } from '../../../core/index.ts';
import {
  type AggregateCall, type Expr, type JoinType, type LogicalPlan, type PlanColumn, type Scan, createPhysicalPlan, outputColumns,
} from '../../../planner/index.ts';
import { executePhysicalPlan } from '../../execute/index.ts';
import { concatBatches } from '../../kernels/take.ts';
import { MemoryTableScanner } from '../memory-scanner.ts';

let nextId = 1000;
/** A fresh column id. */
export function newId(): number { return nextId++; }

export type Row = LiteralValue[];

/** A Scan over an in-memory table that serves `batchSize`-row batches. */
export function table(name: string, cols: readonly [string, DataType][], rows: readonly Row[], batchSize = 3): Scan & { scanner: MemoryTableScanner } {
  const scanner = MemoryTableScanner.fromRows(cols.map(([n, type]) => ({ name: n, type, nullable: true })), rows, batchSize);
  return {
    kind: 'scan', tableName: name, source: scanner, pushedPredicates: [], scanner,
    columns: cols.map(([n, type], i) => ({ id: newId(), name: n, type, nullable: true, sourceIndex: i })),
  };
}

export function ref(c: PlanColumn): Expr {
  return { kind: 'column', id: c.id, name: c.name, type: c.type };
}

export function col(plan: LogicalPlan, name: string): Expr {
  const c = outputColumns(plan).find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return ref(c);
}

export function lit(value: LiteralValue, type: DataType): Expr {
  return { kind: 'literal', value, type };
}

export function fn(name: string, args: readonly Expr[], type: DataType = T.boolean): Expr {
  return { kind: 'call', fn: name, args, type };
}

export const eq = (a: Expr, b: Expr): Expr => fn('eq', [a, b]);
export const lt = (a: Expr, b: Expr): Expr => fn('lt', [a, b]);
export const le = (a: Expr, b: Expr): Expr => fn('le', [a, b]);
export const gt = (a: Expr, b: Expr): Expr => fn('gt', [a, b]);
export const ge = (a: Expr, b: Expr): Expr => fn('ge', [a, b]);
export const and = (...xs: Expr[]): Expr => xs.reduce((a, b) => fn('and', [a, b]));

export function aggCall(name: string, args: readonly Expr[], type: DataType, opts: { distinct?: boolean; filter?: Expr } = {}): AggregateCall {
  return { fn: name, args, distinct: opts.distinct ?? false, filter: opts.filter ?? null, type };
}

export function aggregate(input: LogicalPlan, groupBy: readonly Expr[], aggs: readonly AggregateCall[]): LogicalPlan {
  return {
    kind: 'aggregate', input, groupBy, aggregates: aggs,
    columns: [
      ...groupBy.map((g, i) => ({ id: newId(), name: `g${i}`, type: g.type, nullable: true })),
      ...aggs.map((a, i) => ({ id: newId(), name: `a${i}`, type: a.type, nullable: true })),
    ],
  };
}

/** A join; a mark join's column is nullable (IN semantics) unless `existsMark`. */
export function join(joinType: JoinType, left: LogicalPlan, right: LogicalPlan, condition: Expr | null, existsMark = false): LogicalPlan {
  return {
    kind: 'join', joinType, left, right, condition,
    ...(joinType === 'mark' ? { markColumn: { id: newId(), name: 'mark', type: T.boolean, nullable: !existsMark } } : {}),
  };
}

/** Runs a logical plan and returns its rows as JS values. */
export async function run(plan: LogicalPlan, options: { batchSize?: number; signal?: AbortSignal } = {}): Promise<Row[]> {
  const physical = createPhysicalPlan(plan);
  const exec = executePhysicalPlan(physical, options);
  const parts: Batch[] = [];
  for await (const b of exec.batches) parts.push(b);
  const types = physical.columns.map((c) => c.type);
  const all = concatBatches(parts, types.map(toArrowType));
  const out: Row[] = [];
  for (let r = 0; r < all.numRows; r++) out.push(types.map((t, c) => readValue(all.column(c), t, r)));
  return out;
}

/** Stable text for comparing row multisets regardless of order. */
export function sortedKeys(rows: readonly Row[]): string[] {
  return rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).sort();
}

/** A deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
