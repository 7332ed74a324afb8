/**
 * Turning an error into a typed task failure. The rule lives here, in one place, so the
 * worker that raises and the scheduler that reacts agree: an error whose SQLSTATE says the
 * data or the query is wrong fails identically on every retry, so it is not retryable and
 * the job fails at once with that SQLSTATE; anything else (I/O, out of memory, internal) may
 * pass on another attempt or another worker.
 */
import { toLochError } from '../../core/index.ts';
import type { MapLocation, TaskFailure } from './scheduler-types.ts';

/**
 * SQLSTATE classes whose errors do not go away on retry: 21 cardinality violation,
 * 22 data exception (22012 division by zero, 22P02 bad cast, 22003 overflow), 23 integrity
 * constraint violation, 42 syntax error or access rule violation, 0A feature not supported.
 */
const DETERMINISTIC_CLASSES: ReadonlySet<string> = new Set(['21', '22', '23', '42', '0A']);

/** True when an error with this SQLSTATE would fail the same way on every attempt. */
export function isDeterministicSqlState(sqlState: string): boolean {
  return DETERMINISTIC_CLASSES.has(sqlState.slice(0, 2));
}

/** The typed failure for an error a task raised (deterministic errors are not retryable). */
export function taskFailureFromError(error: unknown): TaskFailure {
  const e = toLochError(error);
  return {
    retryable: !isDeterministicSqlState(e.sqlState),
    countToFailures: true,
    reason: { kind: 'execution_error', sqlState: e.sqlState, message: e.message },
  };
}

/** A reducer could not read `location`: retried by re-running the lost map task, not counted. */
export function fetchFailure(location: MapLocation, message: string): TaskFailure {
  return { retryable: true, countToFailures: false, reason: { kind: 'fetch_failure', location, message } };
}

/** The task's worker went away: rescheduled elsewhere, not counted. */
export function workerLostFailure(workerId: string): TaskFailure {
  return { retryable: true, countToFailures: false, reason: { kind: 'worker_lost', workerId } };
}

/**
 * The task was killed. When the coordinator asked for it the report is stale and ignored;
 * otherwise (the worker shut down) the task is rescheduled, not counted.
 */
export function killedFailure(reason: string): TaskFailure {
  return { retryable: true, countToFailures: false, reason: { kind: 'killed', reason } };
}
