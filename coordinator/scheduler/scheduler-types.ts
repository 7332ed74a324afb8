/**
 * The vocabulary of the scheduler: stages kept abstract (an id, a partition count, the
 * stages it reads, an opaque plan), task identities spelled out in full, map outputs,
 * typed task failures and the effects the execution graph asks its event loop to carry out.
 * Plain data mirroring proto/loch/v1 (identity.proto, failure.proto) so the gRPC layer maps
 * them one to one, without this folder depending on proto/ or the physical plan.
 */

/** One stage of a job. `plan` is opaque here: the coordinator gives each task its stage's plan. */
export interface StageDefinition<P> {
  readonly stageId: number;
  /** Number of tasks (one per partition). */
  readonly partitions: number;
  /** Stages whose shuffle output this stage reads. */
  readonly inputStageIds: readonly number[];
  readonly plan: P;
  /**
   * Per partition, what its task scans (files and row groups), when it scans split data: the
   * scheduler offers such a task first to the worker that last ran a task with the same key,
   * whose decoded-column cache holds that data (Spark's preferred locations). Absent: no preference.
   */
  readonly localityKeys?: readonly (string | undefined)[];
  /**
   * Input stages this stage reads partition-wise (hash or round-robin exchanges), when nothing
   * else in its tasks depends on their partition number (no scan splits): its tasks may then
   * be coalesced at run time, one task reading several adjacent reduce partitions whose map
   * outputs are small (Spark AQE's coalescing of shuffle partitions). Absent: one task per partition.
   */
  readonly coalesceInputs?: readonly number[];
}

/** Where a stage is in its life (see the diagram in execution-graph.ts). */
export type StageState = 'unresolved' | 'resolved' | 'running' | 'successful' | 'failed';

/** One attempt of one task (proto TaskIdentity). */
export interface TaskIdentity {
  readonly jobId: string;
  readonly stageId: number;
  /** Bumped each time the stage rolls back; reports from older stage attempts are stale. */
  readonly stageAttempt: number;
  readonly partition: number;
  /** Unique within the job across stages and attempts. */
  readonly taskId: number;
  /** 0 for the first launch of this partition, then 1, 2, … on every relaunch. */
  readonly taskAttempt: number;
}

/** A free task slot on a worker, offered to the graph. */
export interface ExecutorSlot {
  readonly workerId: string;
}

/** One shuffle file a map task wrote: the rows of one output (reduce) partition. */
export interface ShufflePartitionLocation {
  readonly outputPartition: number;
  /** Path on the worker's local disk. */
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/** Everything one successful task produced, on one worker (proto: its PartitionLocations). */
export interface MapOutput {
  readonly stageId: number;
  readonly stageAttempt: number;
  /** The map task's own partition within its stage. */
  readonly mapPartition: number;
  readonly taskId: number;
  readonly taskAttempt: number;
  readonly workerId: string;
  /** Non-empty output partitions only. */
  readonly partitions: readonly ShufflePartitionLocation[];
}

/** The map output a reducer failed to fetch (proto FetchFailure.location). */
export interface MapLocation {
  readonly mapStageId: number;
  readonly mapPartition: number;
  readonly mapTaskAttempt: number;
  readonly workerId: string;
}

/** Why a task failed (proto TaskFailure.reason). */
export type TaskFailureReason =
  | { readonly kind: 'execution_error'; readonly sqlState: string; readonly message: string }
  | { readonly kind: 'fetch_failure'; readonly location: MapLocation; readonly message: string }
  | { readonly kind: 'worker_lost'; readonly workerId: string }
  | { readonly kind: 'killed'; readonly reason: string };

/** A typed task failure: the scheduler decides from the flags and the reason kind, never from text. */
export interface TaskFailure {
  readonly retryable: boolean;
  /** Whether this failure counts towards the partition's retry limit. */
  readonly countToFailures: boolean;
  readonly reason: TaskFailureReason;
}

/** A worker's report that a task succeeded. */
export interface TaskSucceededReport {
  readonly task: TaskIdentity;
  readonly workerId: string;
  readonly partitions: readonly ShufflePartitionLocation[];
}

/** A worker's report that a task failed. */
export interface TaskFailedReport {
  readonly task: TaskIdentity;
  readonly workerId: string;
  readonly failure: TaskFailure;
}

/** Input of a task: every map output of one input stage (a reducer reads its partition of each). */
export interface StageInput {
  readonly stageId: number;
  readonly outputs: readonly MapOutput[];
}

/** A task bound to a worker slot by `popNextTask`, ready to launch. */
export interface TaskLaunch<P> {
  readonly task: TaskIdentity;
  readonly workerId: string;
  readonly plan: P;
  readonly inputs: readonly StageInput[];
  /**
   * The reduce partitions this task reads, its own first, when it was coalesced with adjacent
   * ones (see StageDefinition.coalesceInputs); absent: only `task.partition`.
   */
  readonly partitions?: readonly number[];
  /** The partition's locality key (StageDefinition.localityKeys), when it has one. */
  readonly localityKey?: string;
}

/** Why a job failed, as the client sees it (proto JobError). */
export interface JobError {
  readonly sqlState: string;
  readonly message: string;
  /** True when resubmitting may succeed. */
  readonly retryable: boolean;
  readonly stageId?: number;
  readonly partition?: number;
}

/** What the graph asks its event loop to do after an event. */
export type GraphEffect =
  | { readonly kind: 'kill_task'; readonly task: TaskIdentity; readonly workerId: string; readonly reason: string }
  | { readonly kind: 'stage_completed'; readonly stageId: number; readonly stageAttempt: number }
  | { readonly kind: 'job_succeeded'; readonly outputs: readonly MapOutput[] }
  | { readonly kind: 'job_failed'; readonly error: JobError };

/** Whether a report changed the graph or was dropped (stale attempt, finished job, unknown task). */
export type ReportOutcome = 'accepted' | 'ignored';
