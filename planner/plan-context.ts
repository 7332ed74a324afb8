/**
 * Per-query planning state shared by the binder and the optimizer: the column
 * id counter, and services the planner may use but must not import (the
 * composition root injects them; see DESIGN.md's import rule).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LiteralValue } from '../core/index.ts';
import type { ColumnId, Expr } from './expr.ts';

/** Evaluates an expression with no column references to a single value (worker kernels, injected). */
export type ConstantEvaluator = (expr: Expr) => LiteralValue;

/** What every function of one statement must read alike: its start instant and the session's zone. */
interface StatementSettings {
  readonly clockMs: number;
  readonly timeZone: string;
}

// Binding awaits (catalog lookups), so statements of concurrent sessions interleave in one process:
// the settings live in the statement's async context, never in a module variable another session overwrites.
const statementScope = new AsyncLocalStorage<StatementSettings>();

/**
 * The instant the statement being planned began planning: now(), current_timestamp, current_date, … of one
 * statement must agree (PostgreSQL fixes them per transaction), and binding awaits between their calls, so
 * they read this instead of the clock. Every statement creates its PlanContext when planning starts.
 */
export function statementClock(): number {
  return statementScope.getStore()?.clockMs ?? Date.now();
}

/**
 * The session's time zone (PostgreSQL's `timezone` setting) for the statement being planned: timestamptz
 * casts, date_trunc and extract read wall-clock time in it. Set when the statement's PlanContext is created,
 * like statementClock(). 'UTC' when the session has none.
 */
export function sessionTimeZone(): string {
  return statementScope.getStore()?.timeZone ?? 'UTC';
}

export class PlanContext {
  private nextColumnId = 1;
  private nextCteId = 1;
  readonly evaluateConstant: ConstantEvaluator | undefined;

  constructor(options: { evaluateConstant?: ConstantEvaluator; timeZone?: string } = {}) {
    this.evaluateConstant = options.evaluateConstant;
    // the rest of this async context (the statement's planning) sees these settings; other sessions' do not
    statementScope.enterWith({ clockMs: Date.now(), timeZone: options.timeZone || 'UTC' });
  }

  newColumnId(): ColumnId {
    return this.nextColumnId++;
  }

  newCteId(): number {
    return this.nextCteId++;
  }
}
