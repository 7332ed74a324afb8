/**
 * Per-query planning state shared by the binder and the optimizer: the column
 * id counter, and services the planner may use but must not import (the
 * composition root injects them; see DESIGN.md's import rule).
 */
import type { LiteralValue } from '../core/index.ts';
import type { ColumnId, Expr } from './expr.ts';

/** Evaluates an expression with no column references to a single value (worker kernels, injected). */
export type ConstantEvaluator = (expr: Expr) => LiteralValue;

export class PlanContext {
  private nextColumnId = 1;
  private nextCteId = 1;
  readonly evaluateConstant: ConstantEvaluator | undefined;

  constructor(options: { evaluateConstant?: ConstantEvaluator } = {}) {
    this.evaluateConstant = options.evaluateConstant;
  }

  newColumnId(): ColumnId {
    return this.nextColumnId++;
  }

  newCteId(): number {
    return this.nextCteId++;
  }
}
