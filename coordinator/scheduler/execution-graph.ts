/**
 * ExecutionGraph: the stage DAG of one job as a pure state machine (after Ballista's
 * scheduler/src/state/execution_graph.rs and Spark's DAGScheduler). No I/O, no timers: one
 * event loop (event-loop.ts) calls these methods in order and carries out the effects they
 * queue (`drainEffects`): kill a task, report the job's end.
 *
 * Each stage moves through:
 *
 *                inputs complete            first task bound         every partition has an output
 *  Unresolved ──────────────────► Resolved ─────────────────► Running ─────────────────────────────► Successful
 *   ▲  ▲  ▲                        │  ▲                         │  │                                    │  │
 *   │  │  └──── an input lost ─────┘  │                         │  └──► Failed: non-retryable error,    │  │
 *   │  │                              │                         │       retries or rollbacks exhausted  │  │
 *   │  └─── an input lost: running tasks killed, attempt+1 ─────┘                                       │  │
 *   │                                 └──── own outputs lost, inputs intact, still needed: attempt+1 ───┘  │
 *   └──────────────────────────────────────── own outputs lost and an input lost too: attempt+1 ───────────┘
 *
 * "Still needed": the final stage, or a stage with a consumer that is not Successful; outputs
 * nobody will read again are not recomputed.
 *
 * Only missing partitions run again: a stage keeps the outputs of partitions that finished on
 * workers still alive, across rollbacks (tasks are deterministic). A report is accepted only
 * from the task currently bound to that partition in the stage's current attempt; anything
 * else (an older task or stage attempt, a killed task, a finished job) is stale and ignored.
 *
 * Retries: a retryable failure that counts is retried up to `maxTaskRetries` (4) times per
 * partition, then the job fails; a non-retryable one (an SQLSTATE of class 22, 42, …) fails the
 * job at once with its SQLSTATE. Fetch failures and lost workers never count; a stage that keeps
 * hitting fetch failures fails the job after `maxStageRollbacks` rollbacks.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type {
  ExecutorSlot, GraphEffect, JobError, MapLocation, MapOutput, ReportOutcome, StageDefinition, StageState, TaskFailedReport,
  TaskIdentity, TaskLaunch, TaskSucceededReport,
} from './scheduler-types.ts';
import { DEFAULT_COALESCE_TARGET_BYTES, coalescePartitions, reducePartitionBytes } from './coalesce-partitions.ts';
import { buildStages, firstPending, isComplete, type BoundTask, type StageRuntime } from './stage-runtime.ts';
import { fetchFailure } from './task-failure.ts';

export type { BoundTask } from './stage-runtime.ts';

/** A job runs until its final stage succeeds, a failure ends it, or it is cancelled. */
export type JobState = 'running' | 'successful' | 'failed' | 'cancelled';

/** Limits of the retry and rollback policy. */
export interface ExecutionGraphOptions {
  /** Retries of one partition after failures that count (default 4: the 5th such failure fails the job). */
  readonly maxTaskRetries?: number;
  /** Fetch-failure rollbacks of one stage before the job fails (default 4). */
  readonly maxStageRollbacks?: number;
  /**
   * Adjacent reduce partitions of a stage that allows it (StageDefinition.coalesceInputs) run as
   * one task while their map outputs total at most this many bytes (default 8 MiB; 0: never).
   */
  readonly coalesceTargetBytes?: number;
}

/** Progress of one stage, for EXPLAIN ANALYZE, `loch status` and the progress bar. */
export interface StageSummary {
  readonly stageId: number;
  readonly stageAttempt: number;
  readonly state: StageState;
  readonly partitions: number;
  readonly partitionsDone: number;
  readonly tasksRunning: number;
  /** Failures that counted towards the retry limit, over all partitions. */
  readonly taskFailures: number;
  /** Tasks launched over all attempts (partitions + retries + recomputations). */
  readonly tasksLaunched: number;
  /** Rows and bytes in the stage's current outputs (shuffle bytes written, for a map stage). */
  readonly outputRows: number;
  readonly outputBytes: number;
}

/** The execution graph of one job. */
export class ExecutionGraph<P> {
  readonly jobId: string;
  private readonly byId: ReadonlyMap<number, StageRuntime<P>>;
  /** Inputs before consumers; tasks are offered in this order. */
  private readonly order: StageRuntime<P>[];
  private readonly finalStage: StageRuntime<P>;
  private readonly maxTaskRetries: number;
  private readonly maxStageRollbacks: number;
  private readonly coalesceTargetBytes: number;
  private readonly lostWorkers = new Set<string>();
  private nextTaskId = 0;
  private jobState: JobState = 'running';
  private jobError: JobError | undefined;
  private effects: GraphEffect[] = [];

  /** `stages` must form a DAG with exactly one final stage (one no other stage reads). */
  constructor(jobId: string, stages: readonly StageDefinition<P>[], options: ExecutionGraphOptions = {}) {
    this.jobId = jobId;
    this.maxTaskRetries = options.maxTaskRetries ?? 4;
    this.maxStageRollbacks = options.maxStageRollbacks ?? 4;
    this.coalesceTargetBytes = options.coalesceTargetBytes ?? DEFAULT_COALESCE_TARGET_BYTES;
    const { byId, order, finalStage } = buildStages(jobId, stages);
    this.byId = byId;
    this.order = order;
    this.finalStage = finalStage;
    this.revalidate();
  }

  get state(): JobState { return this.jobState; }

  /** Why the job failed or was cancelled. */
  get error(): JobError | undefined { return this.jobError; }

  stageState(stageId: number): StageState { return this.stage(stageId).state; }

  stageAttempt(stageId: number): number { return this.stage(stageId).attempt; }

  /** Effects queued since the last call, in order. */
  drainEffects(): GraphEffect[] {
    const out = this.effects;
    this.effects = [];
    return out;
  }

  /** Tasks currently bound to workers. */
  runningTasks(): BoundTask[] {
    const out: BoundTask[] = [];
    for (const s of this.order) for (const r of s.running) if (r !== undefined) out.push(r);
    return out;
  }

  /** Progress of every stage, inputs first. */
  summary(): StageSummary[] {
    return this.order.map((s) => {
      let outputRows = 0;
      let outputBytes = 0;
      for (const o of s.outputs) for (const f of o?.partitions ?? []) { outputRows += f.rows; outputBytes += f.bytes; }
      return {
        stageId: s.def.stageId, stageAttempt: s.attempt, state: s.state, partitions: s.def.partitions,
        partitionsDone: s.outputs.filter((o) => o !== undefined).length,
        tasksRunning: s.running.filter((r) => r !== undefined).length,
        taskFailures: s.failures.reduce((a, b) => a + b, 0),
        tasksLaunched: s.nextTaskAttempt.reduce((a, b) => a + b, 0),
        outputRows, outputBytes,
      };
    });
  }

  /**
   * Binds the next runnable task to `slot`, or returns null when none can run now. `accept`:
   * only tasks whose locality key it accepts (or that have none), for locality-first offers.
   */
  popNextTask(slot: ExecutorSlot, accept?: (localityKey: string) => boolean): TaskLaunch<P> | null {
    if (this.jobState !== 'running' || this.lostWorkers.has(slot.workerId)) return null;
    for (const s of this.order) {
      if (s.state !== 'resolved' && s.state !== 'running') continue;
      const partition = firstPending(s, accept);
      if (partition < 0) continue;
      const task: TaskIdentity = {
        jobId: this.jobId, stageId: s.def.stageId, stageAttempt: s.attempt, partition,
        taskId: this.nextTaskId++, taskAttempt: s.nextTaskAttempt[partition]!++,
      };
      s.running[partition] = { task, workerId: slot.workerId };
      s.state = 'running';
      // Copies: the launch is read later (plan resolution, gRPC) while outputs may be lost meanwhile.
      const inputs = s.inputs.map((i) => ({ stageId: i.def.stageId, outputs: i.outputs.slice() as MapOutput[] }));
      const reads = s.reads?.[partition];
      const localityKey = s.def.localityKeys?.[partition];
      return {
        task, workerId: slot.workerId, plan: s.def.plan, inputs,
        ...(reads !== undefined && reads.length > 1 ? { partitions: reads } : {}), ...(localityKey !== undefined ? { localityKey } : {}),
      };
    }
    return null;
  }

  /** A task succeeded with these output partitions. */
  taskFinished(report: TaskSucceededReport): ReportOutcome {
    const s = this.currentStage(report.task, report.workerId);
    if (s === undefined) return 'ignored';
    const { partition, stageAttempt, taskId, taskAttempt } = report.task;
    s.running[partition] = undefined;
    const output: MapOutput = {
      stageId: s.def.stageId, stageAttempt, mapPartition: partition, taskId, taskAttempt,
      workerId: report.workerId, partitions: report.partitions,
    };
    s.outputs[partition] = output;
    // Partitions this task read for others: done, with nothing of their own (lost with the worker).
    for (const m of s.reads?.[partition] ?? []) {
      if (m !== partition) s.outputs[m] = { ...output, mapPartition: m, partitions: [] };
    }
    if (isComplete(s)) this.completeStage(s);
    if (this.jobState === 'running') this.revalidate();
    return 'accepted';
  }

  /** A task failed; what happens depends on the failure's type (see the doc comment above). */
  taskFailed(report: TaskFailedReport): ReportOutcome {
    const s = this.currentStage(report.task, report.workerId);
    if (s === undefined) return 'ignored';
    const { partition } = report.task;
    const { failure } = report;
    const reason = failure.reason;
    s.running[partition] = undefined;
    if (reason.kind === 'fetch_failure') {
      this.onFetchFailure(s, partition, reason.location, reason.message);
      return 'accepted';
    }
    const [sqlState, message] =
      reason.kind === 'execution_error' ? [reason.sqlState, reason.message]
      : reason.kind === 'worker_lost' ? [SqlState.ioError, `worker ${reason.workerId} was lost`]
      : [SqlState.queryCanceled, `task was killed: ${reason.reason}`];
    if (!failure.retryable) {
      this.fail(s, partition, { sqlState, message, retryable: false, stageId: s.def.stageId, partition });
    } else if (failure.countToFailures && ++s.failures[partition]! > this.maxTaskRetries) {
      this.fail(s, partition, {
        sqlState, retryable: false, stageId: s.def.stageId, partition,
        message: `partition ${partition} of stage ${s.def.stageId} of job ${this.jobId} failed ${s.failures[partition]} times; last error: ${message}`,
      });
    }
    // Otherwise the partition is pending again and the next popNextTask relaunches it.
    return 'accepted';
  }

  /** A reducer could not fetch `location`: shorthand for taskFailed with a fetch failure. */
  fetchFailed(task: TaskIdentity, workerId: string, location: MapLocation, message = 'shuffle fetch failed'): ReportOutcome {
    return this.taskFailed({ task, workerId, failure: fetchFailure(location, message) });
  }

  /**
   * A worker is gone: its running tasks become pending again (not counted as failures) and
   * its map outputs are lost, so the stages that made them recompute the missing partitions
   * (when still needed) and the stages reading them roll back to Unresolved.
   */
  executorLost(workerId: string): void {
    if (this.lostWorkers.has(workerId)) return;
    this.lostWorkers.add(workerId);
    if (this.jobState !== 'running') return;
    for (const s of this.order) {
      for (let p = 0; p < s.def.partitions; p++) {
        if (s.running[p]?.workerId === workerId) s.running[p] = undefined;
        if (s.outputs[p]?.workerId === workerId) s.outputs[p] = undefined;
      }
    }
    this.revalidate();
  }

  /** Cancels the job: every running task is killed. False when the job had already ended. */
  cancel(): boolean {
    if (this.jobState !== 'running') return false;
    this.jobState = 'cancelled';
    this.jobError = { sqlState: SqlState.queryCanceled, message: 'canceling statement due to user request', retryable: false };
    this.killAll('job cancelled');
    this.effects.push({ kind: 'job_failed', error: this.jobError });
    return true;
  }

  private stage(stageId: number): StageRuntime<P> {
    const s = this.byId.get(stageId);
    if (s === undefined) throw new LochError(SqlState.internalError, `job ${this.jobId} has no stage ${stageId}`);
    return s;
  }

  /** The stage of a report if it names the task currently bound to its partition; undefined when stale. */
  private currentStage(task: TaskIdentity, workerId: string): StageRuntime<P> | undefined {
    if (this.jobState !== 'running' || task.jobId !== this.jobId) return undefined;
    const s = this.byId.get(task.stageId);
    if (s === undefined || task.stageAttempt !== s.attempt) return undefined;
    const r = s.running[task.partition];
    if (r === undefined || r.workerId !== workerId || r.task.taskId !== task.taskId || r.task.taskAttempt !== task.taskAttempt) return undefined;
    return s;
  }

  private onFetchFailure(reader: StageRuntime<P>, partition: number, loc: MapLocation, message: string): void {
    const mapStage = this.byId.get(loc.mapStageId);
    if (mapStage === undefined || !reader.inputs.includes(mapStage)) {
      this.fail(reader, partition, {
        sqlState: SqlState.internalError, retryable: false, stageId: reader.def.stageId, partition,
        message: `stage ${reader.def.stageId} of job ${this.jobId} reported a fetch failure from stage ${loc.mapStageId}, which it does not read`,
      });
      return;
    }
    const out = mapStage.outputs[loc.mapPartition];
    // Only the output the reducer was given is lost; a newer one (already recomputed) stays.
    if (out !== undefined && out.workerId === loc.workerId && out.taskAttempt === loc.mapTaskAttempt) {
      mapStage.outputs[loc.mapPartition] = undefined;
    }
    if (++reader.fetchRollbacks > this.maxStageRollbacks) {
      this.fail(reader, partition, {
        sqlState: SqlState.ioError, retryable: true, stageId: reader.def.stageId, partition,
        message: `stage ${reader.def.stageId} of job ${this.jobId} failed to fetch shuffle data ${reader.fetchRollbacks} times; last error: ${message}`,
      });
      return;
    }
    this.revalidate();
  }

  private completeStage(s: StageRuntime<P>): void {
    s.state = 'successful';
    this.effects.push({ kind: 'stage_completed', stageId: s.def.stageId, stageAttempt: s.attempt });
    if (s === this.finalStage) {
      this.jobState = 'successful';
      this.effects.push({ kind: 'job_succeeded', outputs: s.outputs.slice() as MapOutput[] });
    }
  }

  /**
   * Brings every stage's state in line with which outputs exist, to a fixed point: resolves
   * stages whose inputs are complete, rolls back stages whose inputs lost outputs, and
   * reopens successful stages that lost outputs a consumer still needs.
   */
  private revalidate(): void {
    for (let changed = true; changed && this.jobState === 'running';) {
      changed = false;
      for (const s of this.order) {
        const inputsComplete = s.inputs.every(isComplete);
        if (s.state === 'successful') {
          if (!isComplete(s) && this.needed(s)) {
            s.attempt++;
            s.state = inputsComplete ? 'resolved' : 'unresolved';
            changed = true;
          }
        } else if (s.state === 'running' || s.state === 'resolved') {
          if (!inputsComplete) {
            if (s.state === 'running') {
              this.killStage(s, `stage ${s.def.stageId} rolled back: an input lost shuffle output`);
              s.attempt++;
            }
            s.state = 'unresolved';
            changed = true;
          }
        } else if (s.state === 'unresolved' && inputsComplete) {
          s.state = 'resolved';
          this.planCoalescing(s);
          if (isComplete(s)) this.completeStage(s);
          changed = true;
        }
      }
    }
  }

  /**
   * Decides once, when the stage is first resolved, which adjacent partitions share a task
   * (from its partition-wise inputs' map output sizes); later attempts keep the same groups, so
   * outputs kept across a rollback still line up with them.
   */
  private planCoalescing(s: StageRuntime<P>): void {
    const inputIds = s.def.coalesceInputs;
    if (s.reads !== undefined || inputIds === undefined || inputIds.length === 0 || this.coalesceTargetBytes <= 0 || s.def.partitions < 2) return;
    const outputs = s.inputs.filter((i) => inputIds.includes(i.def.stageId)).flatMap((i) => i.outputs);
    const groups = coalescePartitions(reducePartitionBytes(s.def.partitions, outputs), this.coalesceTargetBytes);
    if (groups.length === s.def.partitions) return;
    const reads: (readonly number[])[] = new Array<readonly number[]>(s.def.partitions).fill([]);
    for (const g of groups) reads[g[0]!] = g;
    s.reads = reads;
  }

  /** A stage's outputs are needed while the job runs and it is the final stage or a consumer is not done. */
  private needed(s: StageRuntime<P>): boolean {
    return s === this.finalStage || s.consumers.some((c) => c.state !== 'successful');
  }

  private fail(s: StageRuntime<P>, partition: number, error: JobError): void {
    s.state = 'failed';
    this.jobState = 'failed';
    this.jobError = error;
    this.killAll(`job failed: stage ${s.def.stageId} partition ${partition}`);
    this.effects.push({ kind: 'job_failed', error });
  }

  private killAll(reason: string): void {
    for (const s of this.order) this.killStage(s, reason);
  }

  private killStage(s: StageRuntime<P>, reason: string): void {
    for (let p = 0; p < s.def.partitions; p++) {
      const r = s.running[p];
      if (r === undefined) continue;
      s.running[p] = undefined;
      this.effects.push({ kind: 'kill_task', task: r.task, workerId: r.workerId, reason });
    }
  }
}
