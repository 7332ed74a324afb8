/**
 * A reducer could not read a map output. The task reports it as proto TaskFailure.fetch_failure
 * (retryable, not counted against the task): the scheduler rolls the map stage back and
 * re-runs only the map task named by `fetchFailure.location` (Spark's FetchFailedException).
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { loch } from '../../proto/index.ts';
import { type MapOutputLocation, describeLocation, toPartitionLocationProto } from './shuffle-layout.ts';

/** Which map output was lost, and why. */
export interface FetchFailureDetail {
  readonly location: MapOutputLocation;
  readonly message: string;
}

/** The typed fetch failure a shuffle read raises (SQLSTATE 58030 io_error). */
export class ShuffleFetchError extends LochError {
  readonly fetchFailure: FetchFailureDetail;

  constructor(location: MapOutputLocation, reason: string, cause?: unknown) {
    super(SqlState.ioError, `could not fetch ${describeLocation(location)}: ${reason}`, {
      cause,
      detail: `fetch failure: ${describeLocation(location)}`,
    });
    this.name = 'ShuffleFetchError';
    this.fetchFailure = { location, message: reason };
  }
}

/** True for a shuffle fetch failure (the scheduler's cue to roll the map stage back). */
export function isShuffleFetchError(e: unknown): e is ShuffleFetchError {
  return e instanceof ShuffleFetchError;
}

/** The task failure report for a fetch failure: retryable, not counted against the task (proto TaskFailure). */
export function fetchFailureReport(e: ShuffleFetchError): loch.v1.TaskFailure.$Properties {
  return {
    retryable: true,
    countToFailures: false,
    fetchFailure: { location: toPartitionLocationProto(e.fetchFailure.location), message: e.fetchFailure.message },
  };
}
