/** coordinator/scheduler/: the stage-DAG state machine of a job and the event loop that drives it (issue 4). */
export {
  ExecutionGraph, type ExecutionGraphOptions, type BoundTask, type JobState, type StageSummary,
} from './execution-graph.ts';
export { DEFAULT_COALESCE_TARGET_BYTES, coalescePartitions, reducePartitionBytes } from './coalesce-partitions.ts';
export { SchedulerEventLoop, type SchedulerActions, type SchedulerEvent } from './event-loop.ts';
export {
  isDeterministicSqlState, taskFailureFromError, fetchFailure, workerLostFailure, killedFailure,
} from './task-failure.ts';
export type {
  StageState, StageDefinition, TaskIdentity, ExecutorSlot, ShufflePartitionLocation, MapOutput, MapLocation, TaskFailureReason,
  TaskFailure, TaskSucceededReport, TaskFailedReport, StageInput, TaskLaunch, JobError, GraphEffect, ReportOutcome,
} from './scheduler-types.ts';
export {
  taskIdentityToWire, taskIdentityFromWire, taskFailureToWire, taskFailureFromWire, eventFromTaskStatus, shuffleReadPartitions,
  jobErrorToWire,
} from './wire.ts';
