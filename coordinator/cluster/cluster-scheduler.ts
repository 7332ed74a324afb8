/**
 * The scheduler at work on a cluster: one SchedulerEventLoop for every job of this
 * coordinator, fed by membership (workers joined / lost) and by the ClusterService (task
 * status reports), with actions that talk gRPC to workers.
 *
 *   membership ──joined/lost──►┐
 *   ClusterService.UpdateTaskStatus ──eventFromTaskStatus──► SchedulerEventLoop ──► launchTask: resolve shuffle reads,
 *   submit / cancel ──────────►┘                                  │                 StagePlan → WorkerService.LaunchTasks
 *                                                                 │ killTask ─────► WorkerService.CancelTasks
 *                                                                 └ job end ──────► the submitter's promise
 *
 * A launch that fails at the RPC level comes back as a task failure with reason worker_lost
 * (retried, not counted); after `maxLaunchFailures` failed launches in a row, or at once when
 * the connection is refused (the process is gone), the worker is declared lost to the scheduler
 * (its outputs recomputed) until it registers again. Tasks a
 * worker rejects go back to the scheduler at once, and that worker gets no tasks for a moment
 * (so they land elsewhere instead of bouncing). `release(jobId)` removes the job's shuffle files
 * from every worker that ran one of its tasks.
 */
import { LochError, SqlState } from '../../core/index.ts';
import { coalescibleInputs, resolveShuffleReads, scanLocalityKeys, stagePlanToProto, type QueryStage, type ShuffleLocation } from '../../planner/index.ts';
import type { loch } from '../../proto/index.ts';
import {
  SchedulerEventLoop, eventFromTaskStatus, killedFailure, taskIdentityFromWire, taskIdentityToWire, workerLostFailure,
  type ExecutionGraphOptions, type JobError, type MapOutput, type StageSummary, type TaskIdentity, type TaskLaunch,
} from '../scheduler/index.ts';
import { JobMetrics } from './job-metrics.ts';
import { type ClusterMembership, workerAddress } from './membership.ts';
import { type WorkerClients, isConnectionRefused } from './worker-clients.ts';

/** Options of ClusterScheduler. */
export interface ClusterSchedulerOptions {
  readonly membership: ClusterMembership;
  readonly clients: WorkerClients;
  /** This coordinator's ClusterService address (host:port), given to tasks as `loch.coordinator`. */
  readonly coordinatorAddress: () => string;
  /** Settings every task gets (batch size, memory budget, …). */
  readonly taskSettings?: Readonly<Record<string, string>>;
  readonly graph?: ExecutionGraphOptions;
  /** Failed launches in a row after which a worker is declared lost (default 3). */
  readonly maxLaunchFailures?: number;
  /**
   * A job that has had no worker at all for this long fails with the retryable 53000
   * (default 60 000 ms): queries submitted while the cluster starts wait for its workers,
   * but a cluster whose workers all died does not hang its clients forever.
   */
  readonly noWorkersTimeoutMs?: number;
  readonly log?: (event: Record<string, unknown>) => void;
}

/** How long a worker that rejected tasks gets none (ms). */
const REJECTION_PAUSE_MS = 300;

/** The settings key naming the coordinator's ClusterService address in TaskDefinition.settings. */
export const COORDINATOR_SETTING = 'loch.coordinator';
/** Task setting carrying the cache epoch: workers drop their decoded-column caches when it changes. */
export const CACHE_EPOCH_SETTING = 'loch.cache_epoch';

/** How a job ended well: the final stage's outputs (one per partition). */
export interface JobOutcome {
  readonly outputs: readonly MapOutput[];
}

interface JobRecord {
  readonly jobId: string;
  readonly queryId: string | undefined;
  readonly metrics: JobMetrics;
  /** Address of every worker that ran (or was sent) a task of the job. */
  readonly workers: Set<string>;
  readonly pendingCancels: Promise<unknown>[];
  readonly resolve: (outcome: JobOutcome) => void;
  readonly reject: (error: LochError) => void;
  ended: boolean;
  /** Set when the coordinator ends the job for its own reason (leadership lost, shutdown). */
  overrideError?: JobError;
}

/** Task launches for one worker waiting to be sent together. */
interface PendingLaunches {
  readonly address: string;
  readonly tasks: TaskIdentity[];
  readonly definitions: loch.v1.TaskDefinition.$Properties[];
}

/** Progress of a running job, for GetClusterStatus and progress events. */
export interface RunningJob {
  readonly jobId: string;
  readonly queryId: string | undefined;
  readonly startedMs: number;
  readonly stages: readonly StageSummary[];
}

/** Schedules jobs' tasks on the cluster's workers. */
export class ClusterScheduler {
  private readonly options: ClusterSchedulerOptions;
  private readonly loop: SchedulerEventLoop<QueryStage>;
  private readonly jobs = new Map<string, JobRecord>();
  /** Addresses of workers ever seen (a lost worker's address still names its files). */
  private readonly addresses = new Map<string, string>();
  private readonly launchFailures = new Map<string, number>();
  private readonly log: (event: Record<string, unknown>) => void;
  private unsubscribe: (() => void) | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Starts at this coordinator's start time so a restarted coordinator never reuses an epoch. */
  private cacheEpoch = Date.now();
  private watchdog: NodeJS.Timeout | undefined;
  /** Since when the membership has been empty (undefined while it has workers). */
  private emptySince: number | undefined = Date.now();
  private readonly pendingLaunches = new Map<string, PendingLaunches>();
  private flushQueued = false;
  /** Releases started by releaseInBackground and not yet done. */
  private readonly releasing = new Set<Promise<void>>();

  constructor(options: ClusterSchedulerOptions) {
    this.options = options;
    this.log = options.log ?? (() => {});
    this.loop = new SchedulerEventLoop<QueryStage>({
      launchTask: (launch) => this.launchTask(launch),
      killTask: (task, workerId, reason) => this.killTask(task, workerId, reason),
      jobSucceeded: (jobId, outputs, summary) => this.jobEnded(jobId, summary, { outputs }),
      jobFailed: (jobId, error, summary) => this.jobEnded(jobId, summary, undefined, error),
    }, options.graph);
  }

  /** CLEAR CACHE: every later task tells its worker thread to drop its decoded-column cache first. */
  clearWorkerCaches(): void {
    this.cacheEpoch++;
  }

  /** Subscribes to membership (workers' slots become available to the loop). */
  start(): void {
    if (this.unsubscribe !== undefined) return;
    this.unsubscribe = this.options.membership.subscribe({
      joined: (w) => {
        this.emptySince = undefined;
        this.addresses.set(w.workerId, workerAddress(w));
        this.launchFailures.delete(w.workerId);
        this.post({ kind: 'worker_joined', workerId: w.workerId, slots: w.taskSlots });
      },
      lost: (workerId, reason) => {
        this.log({ event: 'worker_lost', workerId, reason });
        this.post({ kind: 'worker_lost', workerId });
        if (this.options.membership.workers().length === 0) this.emptySince ??= Date.now();
      },
    });
    const timeout = this.options.noWorkersTimeoutMs ?? 60_000;
    this.watchdog = setInterval(() => this.checkWorkers(timeout), Math.min(1000, timeout / 4));
    this.watchdog.unref();
  }

  /** Fails jobs that have waited `timeoutMs` without any worker in the cluster. */
  private checkWorkers(timeoutMs: number): void {
    if (this.emptySince === undefined) return;
    const now = Date.now();
    for (const job of this.jobs.values()) {
      if (job.ended || now - Math.max(this.emptySince, job.metrics.startedMs) < timeoutMs) continue;
      this.cancel(job.jobId, {
        sqlState: '53000', retryable: true,
        message: `job ${job.jobId} waited ${Math.round((now - Math.max(this.emptySince, job.metrics.startedMs)) / 1000)} s with no worker in the cluster`,
      });
    }
  }

  /** Runs a job; resolves when its final stage succeeded, rejects with the job's error (LochError). */
  submit(jobId: string, stages: readonly QueryStage[], queryId?: string): { done: Promise<JobOutcome>; metrics: JobMetrics } {
    if (this.jobs.has(jobId)) throw new LochError(SqlState.internalError, `job ${jobId} is already running`);
    const metrics = new JobMetrics(jobId, stages.map((s) => s.stageId));
    let resolve!: (o: JobOutcome) => void;
    let reject!: (e: LochError) => void;
    const done = new Promise<JobOutcome>((res, rej) => { resolve = res; reject = rej; });
    // A job nobody awaits any more (the consumer stopped early) must not be an unhandled rejection.
    done.catch(() => {});
    this.jobs.set(jobId, { jobId, queryId, metrics, workers: new Set(), pendingCancels: [], resolve, reject, ended: false });
    this.log({ event: 'job_submitted', jobId, queryId, stages: stages.length });
    this.post({ kind: 'job_submitted', jobId, stages: stages.map((s) => {
      const coalesceInputs = coalescibleInputs(s.plan);
      const localityKeys = scanLocalityKeys(s.plan, s.partitions);
      return {
        stageId: s.stageId, partitions: s.partitions, inputStageIds: s.inputStageIds, plan: s,
        ...(coalesceInputs !== undefined ? { coalesceInputs } : {}), ...(localityKeys !== undefined ? { localityKeys } : {}),
      };
    }) });
    return { done, metrics };
  }

  /** Cancels a running job: every running task is killed; its promise rejects with 57014 (or `error`). */
  cancel(jobId: string, error?: JobError): void {
    const job = this.jobs.get(jobId);
    if (job === undefined || job.ended) return;
    if (error !== undefined) job.overrideError = error;
    this.post({ kind: 'cancel_job', jobId });
  }

  /** Ends every running job with `error` (leadership lost, shutdown). */
  failAll(error: JobError): void {
    for (const jobId of [...this.jobs.keys()]) this.cancel(jobId, error);
  }

  /** A worker's report (ClusterService.UpdateTaskStatus). Malformed reports throw 'XX000'. */
  taskStatus(status: loch.v1.TaskStatus.$Properties): void {
    const event = eventFromTaskStatus(status);
    if (event.kind === 'task_succeeded') {
      const task = event.report.task;
      const m = status.metrics;
      this.jobs.get(task.jobId)?.metrics.taskSucceeded(task.stageId, {
        inputRows: Number(m?.input?.rows ?? 0), shuffleReadRows: Number(m?.shuffleRead?.rows ?? 0),
        shuffleReadBytes: Number(m?.shuffleRead?.bytes ?? 0), elapsedMs: Number(m?.elapsedMs ?? 0),
      });
      this.launchFailures.delete(event.report.workerId);
    }
    this.post(event);
  }

  /** Removes a finished job's shuffle files from every worker that ran its tasks (after cancels were sent). */
  async release(jobId: string, job = this.jobs.get(jobId)): Promise<void> {
    if (job === undefined) return;
    this.jobs.delete(jobId);
    await Promise.allSettled(job.pendingCancels);
    await Promise.allSettled([...job.workers].map(async (address) => {
      try {
        await this.options.clients.removeJobData(address, jobId);
      } catch (e) {
        this.log({ event: 'remove_job_data_failed', jobId, address, message: e instanceof Error ? e.message : String(e) });
      }
    }));
  }

  /** `release` without waiting for it: the job's files go while the next query runs. */
  releaseInBackground(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job === undefined) return;
    const p = this.release(jobId, job).finally(() => { this.releasing.delete(p); });
    this.releasing.add(p);
  }

  /** Waits (at most `timeoutMs`) for the background releases in flight, e.g. before the worker channels close. */
  async drain(timeoutMs = 2000): Promise<void> {
    if (this.releasing.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.releasing]), new Promise((r) => { timer = setTimeout(r, timeoutMs); })]);
    clearTimeout(timer);
  }

  /** Running jobs with the progress of their stages. */
  runningJobs(): RunningJob[] {
    const out: RunningJob[] = [];
    for (const jobId of this.loop.jobIds()) {
      const job = this.jobs.get(jobId);
      const graph = this.loop.job(jobId);
      if (graph === undefined) continue;
      out.push({ jobId, queryId: job?.queryId, startedMs: job?.metrics.startedMs ?? Date.now(), stages: graph.summary() });
    }
    return out;
  }

  /** Free slots of a worker as the scheduler counts them. */
  freeSlots(workerId: string): number | undefined {
    return this.loop.workerFreeSlots(workerId);
  }

  /** Stops listening to membership and clears timers; running jobs are failed with `error`. */
  close(error: JobError = { sqlState: '57P01', message: 'the coordinator is shutting down', retryable: true }): void {
    this.failAll(error);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.watchdog);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private post(event: Parameters<SchedulerEventLoop<QueryStage>['post']>[0]): void {
    try {
      this.loop.post(event);
    } catch (e) {
      this.log({ event: 'scheduler_error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
  }

  private launchTask(launch: TaskLaunch<QueryStage>): void {
    const { task, workerId } = launch;
    const job = this.jobs.get(task.jobId);
    const address = this.addresses.get(workerId);
    if (address === undefined || job === undefined) {
      // Cannot happen: the loop only binds slots of joined workers for submitted jobs.
      this.post({ kind: 'task_failed', report: { task, workerId, failure: workerLostFailure(workerId) } });
      return;
    }
    let definition: loch.v1.TaskDefinition.$Properties;
    try {
      definition = this.taskDefinition(launch);
    } catch (e) {
      const error = e instanceof LochError ? e : new LochError(SqlState.internalError, e instanceof Error ? e.message : String(e));
      this.post({ kind: 'task_failed', report: { task, workerId, failure: {
        retryable: false, countToFailures: true, reason: { kind: 'execution_error', sqlState: error.sqlState, message: error.message },
      } } });
      return;
    }
    job.workers.add(address);
    job.metrics.launched(task.stageId);
    this.log({ event: 'task_launch', jobId: task.jobId, stageId: task.stageId, partition: task.partition, taskId: task.taskId, workerId });
    // Launches bound in one pass of the event loop go to each worker in one LaunchTasks call.
    let batch = this.pendingLaunches.get(workerId);
    if (batch === undefined) {
      batch = { address, tasks: [], definitions: [] };
      this.pendingLaunches.set(workerId, batch);
    }
    batch.tasks.push(task);
    batch.definitions.push(definition);
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flushLaunches());
    }
  }

  /** Sends the launches collected since the last flush, one LaunchTasks call per worker. */
  private flushLaunches(): void {
    this.flushQueued = false;
    const batches = [...this.pendingLaunches];
    this.pendingLaunches.clear();
    for (const [workerId, batch] of batches) this.sendLaunches(workerId, batch);
  }

  private sendLaunches(workerId: string, batch: PendingLaunches): void {
    this.options.clients.launchTasks(batch.address, { workerId, tasks: batch.definitions }).then(
      (response) => {
        this.launchFailures.delete(workerId);
        const rejected = response.rejected ?? [];
        if (rejected.length === 0) return;
        // The worker had no room after all: pause it (no slots) for a moment so the tasks go to
        // other workers instead of bouncing off this one, then give its slots back.
        const info = this.options.membership.worker(workerId);
        if (info !== undefined) {
          this.post({ kind: 'worker_joined', workerId, slots: 0 });
          this.later(REJECTION_PAUSE_MS, () => {
            const now = this.options.membership.worker(workerId);
            if (now !== undefined) this.post({ kind: 'worker_joined', workerId, slots: now.taskSlots });
          });
        }
        for (const r of rejected) {
          this.post({ kind: 'task_failed', report: { task: taskIdentityFromWire(r), workerId, failure: killedFailure(`worker ${workerId} rejected the task`) } });
        }
      },
      (e: unknown) => {
        const failures = (this.launchFailures.get(workerId) ?? 0) + 1;
        this.launchFailures.set(workerId, failures);
        const message = e instanceof Error ? e.message : String(e);
        for (const task of batch.tasks) {
          this.log({ event: 'task_launch_failed', jobId: task.jobId, taskId: task.taskId, workerId, message });
          this.post({ kind: 'task_failed', report: { task, workerId, failure: workerLostFailure(workerId) } });
        }
        // A refused connection means the worker process is gone (killed, crashed): lose it at once, so the
        // locality-first binding stops offering it the splits it scanned until its lease runs out.
        if (failures >= (this.options.maxLaunchFailures ?? 3) || isConnectionRefused(e)) {
          this.launchFailures.delete(workerId);
          this.log({ event: 'worker_unreachable', workerId, launchFailures: failures, message });
          this.post({ kind: 'worker_lost', workerId });
        }
      },
    );
  }

  /** The task's stage plan with its shuffle reads resolved, and its settings. */
  private taskDefinition(launch: TaskLaunch<QueryStage>): loch.v1.TaskDefinition.$Properties {
    const { task } = launch;
    const stage = launch.plan;
    const byStage = new Map(launch.inputs.map((i) => [i.stageId, i.outputs]));
    const locations = (stageId: number): ShuffleLocation[] => {
      const outputs = byStage.get(stageId);
      if (outputs === undefined) throw new LochError(SqlState.internalError, `stage ${stage.stageId} of job ${task.jobId} reads stage ${stageId}, which is not among its inputs`);
      const out: ShuffleLocation[] = [];
      for (const m of outputs) {
        const address = this.addresses.get(m.workerId) ?? '';
        for (const f of m.partitions) {
          out.push({
            jobId: task.jobId, mapStageId: m.stageId, mapStageAttempt: m.stageAttempt, mapPartition: m.mapPartition, mapTaskAttempt: m.taskAttempt,
            outputPartition: f.outputPartition, workerId: m.workerId, workerAddress: address, path: f.path, rows: f.rows, bytes: f.bytes,
          });
        }
      }
      return out;
    };
    const plan = resolveShuffleReads(stage.plan, stage.partitions, locations, task.partition, launch.partitions);
    if (plan.kind !== 'shuffle_write') throw new LochError(SqlState.internalError, `stage ${stage.stageId} lost its ShuffleWriteExec root`);
    return {
      task: taskIdentityToWire(task),
      stage: stagePlanToProto(task.jobId, { ...stage, plan }, task.stageAttempt),
      settings: { ...this.options.taskSettings, [COORDINATOR_SETTING]: this.options.coordinatorAddress(), [CACHE_EPOCH_SETTING]: String(this.cacheEpoch) },
    };
  }

  private killTask(task: TaskIdentity, workerId: string, reason: string): void {
    const address = this.addresses.get(workerId);
    if (address === undefined) return;
    // A kill must not overtake the launch of the same task still waiting to be sent.
    if (this.pendingLaunches.has(workerId)) this.flushLaunches();
    this.log({ event: 'task_kill', jobId: task.jobId, stageId: task.stageId, taskId: task.taskId, workerId, reason });
    const sent = this.options.clients.cancelTasks(address, { tasks: [taskIdentityToWire(task)], reason }).catch((e: unknown) => {
      this.log({ event: 'task_kill_failed', jobId: task.jobId, taskId: task.taskId, workerId, message: e instanceof Error ? e.message : String(e) });
    });
    this.jobs.get(task.jobId)?.pendingCancels.push(sent);
  }

  private jobEnded(jobId: string, summary: readonly StageSummary[], outcome: JobOutcome | undefined, error?: JobError): void {
    const job = this.jobs.get(jobId);
    if (job === undefined || job.ended) return;
    job.ended = true;
    job.metrics.finish(summary);
    if (outcome !== undefined && job.overrideError === undefined) {
      this.log({ event: 'job_succeeded', jobId });
      job.resolve(outcome);
      return;
    }
    const e = job.overrideError ?? error ?? { sqlState: SqlState.internalError, message: `job ${jobId} failed`, retryable: false };
    this.log({ event: 'job_failed', jobId, sqlState: e.sqlState, message: e.message });
    job.reject(jobErrorToLochError(e));
    // Failed jobs' files are removed at once; a successful job's after its result was read.
    void this.release(jobId, job);
  }
}

/** A job's failure as a LochError that remembers whether resubmitting may succeed. */
export class JobFailedError extends LochError {
  readonly retryable: boolean;

  constructor(e: JobError) {
    const where = e.stageId !== undefined ? `stage ${e.stageId}${e.partition !== undefined ? ` partition ${e.partition}` : ''}` : undefined;
    super(e.sqlState, e.message, {
      ...(where !== undefined ? { detail: `raised by ${where}` } : {}),
      ...(e.retryable ? { hint: 'the query may succeed if resubmitted' } : {}),
    });
    this.retryable = e.retryable;
  }
}

/** A job error as the LochError the SqlEngine throws. */
export function jobErrorToLochError(e: JobError): JobFailedError {
  return new JobFailedError(e);
}

/** Whether an error a query raised may pass on resubmission (leader change, shutdown, lost workers). */
export function isRetryableError(e: unknown): boolean {
  if (e instanceof JobFailedError) return e.retryable;
  const state = e instanceof LochError ? e.sqlState : '';
  return state === '57P01' || state === '57P03' || state === '40001' || state.startsWith('08');
}
