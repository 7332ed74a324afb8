/**
 * A task's error as a typed failure (proto TaskFailure; STYLE.md after Ballista's FailedTask):
 *
 *   what went wrong                               reason           retryable  count_to_failures
 *   the task was cancelled (its signal aborted)   killed           yes        no
 *   a shuffle fetch failed (ShuffleFetchError)    fetch_failure    yes        no   (names the lost map output)
 *   LochError of SQLSTATE class 21/22/23/42/0A/44 execution_error  no         yes  (same data, same error: fail the job)
 *   anything else (I/O, internal, out of memory)  execution_error  yes        yes
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { loch } from '../../proto/index.ts';
import { fetchFailureReport, isShuffleFetchError } from '../shuffle/fetch-failure.ts';

/** SQLSTATE classes whose errors repeat on every attempt (data, syntax/semantics, unsupported, constraints). */
const DETERMINISTIC_CLASSES = new Set(['21', '22', '23', '42', '0A', '44']);

/** True when re-running the task cannot succeed: the error comes from the data or the plan. */
export function isDeterministicError(sqlState: string): boolean {
  return DETERMINISTIC_CLASSES.has(sqlState.slice(0, 2).toUpperCase());
}

/** The `killed` failure of a cancelled task. */
export function killedFailure(reason: string): loch.v1.TaskFailure.$Properties {
  return { retryable: true, countToFailures: false, killed: { reason } };
}

/** The typed failure for `error`, raised by a task whose signal is `signal`. */
export function taskFailureOf(error: unknown, signal?: AbortSignal): loch.v1.TaskFailure.$Properties {
  if (signal?.aborted) return killedFailure(abortReason(signal));
  if (isShuffleFetchError(error)) return fetchFailureReport(error);
  if (error instanceof LochError) {
    const deterministic = isDeterministicError(error.sqlState);
    return {
      retryable: !deterministic, countToFailures: true,
      executionError: { sqlstate: error.sqlState, message: error.message, detail: error.detail ?? '', hint: error.hint ?? '' },
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { retryable: true, countToFailures: true, executionError: { sqlstate: SqlState.internalError, message } };
}

/** Why `signal` was aborted, as text. */
export function abortReason(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  if (typeof r === 'string') return r;
  if (r instanceof Error && r.message) return r.message;
  return 'task cancelled';
}
