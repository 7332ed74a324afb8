/**
 * Constant sources: ValuesExec (rows of expressions, evaluated once against a
 * one-row batch with no columns), SingleRowExec (one row, no columns) and
 * EmptyExec (no rows).
 */
import { Batch, typesEqual } from '../../core/index.ts';
import type { EmptyExec, Expr, SingleRowExec, ValuesExec } from '../../planner/index.ts';
import { compileExpr } from '../expr/index.ts';
import { concatData } from '../kernels/take.ts';
import type { ExecutionContext, PhysicalOperator } from './physical-operator.ts';

const NO_COLUMNS = new Map<number, number>();

/** Runs ValuesExec. */
export class ValuesOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[] = [];
  private readonly plan: ValuesExec;

  constructor(plan: ValuesExec) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
  }

  async *execute(_ctx: ExecutionContext): AsyncGenerator<Batch> {
    const rows = this.plan.rows;
    if (rows.length === 0) return;
    const one = new Batch([], 1, null);
    const columns = this.plan.columns.map((column, c) => concatData(rows.map((r) => {
      // Every row must produce the column's type (a NULL literal may be typed unknown).
      const e: Expr = typesEqual(r[c]!.type, column.type) ? r[c]! : { kind: 'cast', input: r[c]!, type: column.type };
      return compileExpr(e, NO_COLUMNS).evaluate(one);
    })));
    yield new Batch(columns, rows.length, null);
  }
}

/** Runs SingleRowExec. */
export class SingleRowOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[] = [];

  constructor(plan: SingleRowExec) { this.nodeId = plan.nodeId; }

  async *execute(_ctx: ExecutionContext): AsyncGenerator<Batch> {
    yield new Batch([], 1, null);
  }
}

/** Runs EmptyExec. */
export class EmptyOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[] = [];

  constructor(plan: EmptyExec) { this.nodeId = plan.nodeId; }

  async *execute(_ctx: ExecutionContext): AsyncGenerator<Batch> {}
}
