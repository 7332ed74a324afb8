/**
 * The scheduler's one event loop. Every input — a job submitted, a worker joining with its
 * task slots, a task report, a worker lost, a cancel — is an event in a single FIFO queue,
 * handled one at a time to completion, so execution graphs never see interleaved updates.
 * After each event the loop carries out the graphs' effects and binds free slots to runnable
 * tasks. The actions it calls (launch, kill, report the job's end) must not block: the gRPC
 * layer answers later by posting more events (a failed launch comes back as a task_failed
 * event with a worker_lost failure).
 *
 *   gRPC handlers, membership ──post(event)──► [ queue ] ──► handle ──► ExecutionGraph
 *                                                                          │ effects
 *   launchTask / killTask / jobSucceeded / jobFailed ◄──── SchedulerActions ◄┘
 *
 * Slots: a task holds its worker slot from launch until that worker reports it (succeeded,
 * failed or killed), whether or not the graph still cares about the report.
 */
import { ExecutionGraph, type ExecutionGraphOptions, type StageSummary } from './execution-graph.ts';
import type {
  JobError, MapOutput, StageDefinition, TaskFailedReport, TaskIdentity, TaskLaunch, TaskSucceededReport,
} from './scheduler-types.ts';

/** Everything that can happen to the scheduler, as one queue's items. */
export type SchedulerEvent<P> =
  | { readonly kind: 'job_submitted'; readonly jobId: string; readonly stages: readonly StageDefinition<P>[] }
  /** Worker ids are unique per process start: a restarted worker joins under a new id. */
  | { readonly kind: 'worker_joined'; readonly workerId: string; readonly slots: number }
  | { readonly kind: 'worker_lost'; readonly workerId: string }
  | { readonly kind: 'task_succeeded'; readonly report: TaskSucceededReport }
  | { readonly kind: 'task_failed'; readonly report: TaskFailedReport }
  | { readonly kind: 'cancel_job'; readonly jobId: string };

/** What the loop asks the outside world to do; implementations return at once. */
export interface SchedulerActions<P> {
  launchTask(launch: TaskLaunch<P>): void;
  killTask(task: TaskIdentity, workerId: string, reason: string): void;
  /** `summary`: every stage's counters as the job ended (metrics, EXPLAIN ANALYZE). */
  jobSucceeded(jobId: string, outputs: readonly MapOutput[], summary: readonly StageSummary[]): void;
  jobFailed(jobId: string, error: JobError, summary: readonly StageSummary[]): void;
  stageCompleted?(jobId: string, stageId: number, stageAttempt: number): void;
}

interface WorkerSlots {
  slots: number;
  /** `jobId/taskId` of the tasks holding a slot. */
  readonly bound: Set<string>;
}

/** Drives every running job's ExecutionGraph from one queue of events. */
export class SchedulerEventLoop<P> {
  private readonly actions: SchedulerActions<P>;
  private readonly graphOptions: ExecutionGraphOptions;
  private readonly queue: SchedulerEvent<P>[] = [];
  private head = 0;
  private draining = false;
  /** Running jobs in submission order (first come, first served for slots). */
  private readonly jobs = new Map<string, ExecutionGraph<P>>();
  private readonly workers = new Map<string, WorkerSlots>();
  /** Where the next round of slot offers starts, so single-task stages do not all land on one worker. */
  private nextFirstWorker = 0;
  /** Locality key → the worker last given a task with it (its column cache holds that data). */
  private readonly lastWorkerOf = new Map<string, string>();

  constructor(actions: SchedulerActions<P>, graphOptions: ExecutionGraphOptions = {}) {
    this.actions = actions;
    this.graphOptions = graphOptions;
  }

  /**
   * Queues an event and, unless the loop is already handling one (an action posting from
   * inside the loop), handles the queue to the end before returning. An exception from one
   * event (a bug, a throwing action) does not stop the others: the queue is still drained,
   * then the first exception is rethrown to the poster.
   */
  post(event: SchedulerEvent<P>): void {
    this.queue.push(event);
    if (this.draining) return;
    this.draining = true;
    let failed = false;
    let firstError: unknown;
    try {
      while (this.head < this.queue.length) {
        const next = this.queue[this.head++]!;
        try {
          this.handle(next);
        } catch (e) {
          if (!failed) { failed = true; firstError = e; }
        }
      }
    } finally {
      this.queue.length = 0;
      this.head = 0;
      this.draining = false;
    }
    if (failed) throw firstError;
  }

  /** The graph of a running job (undefined once it has ended). */
  job(jobId: string): ExecutionGraph<P> | undefined {
    return this.jobs.get(jobId);
  }

  /** Ids of the running jobs, in submission order. */
  jobIds(): string[] {
    return [...this.jobs.keys()];
  }

  /** Free task slots of one worker (undefined when it is not known). */
  workerFreeSlots(workerId: string): number | undefined {
    const w = this.workers.get(workerId);
    return w === undefined ? undefined : Math.max(0, w.slots - w.bound.size);
  }

  /** Free task slots over all workers. */
  freeSlots(): number {
    let free = 0;
    for (const w of this.workers.values()) free += Math.max(0, w.slots - w.bound.size);
    return free;
  }

  private handle(event: SchedulerEvent<P>): void {
    switch (event.kind) {
      case 'job_submitted': {
        if (this.jobs.has(event.jobId)) {
          this.actions.jobFailed(event.jobId, { sqlState: 'XX000', message: `job ${event.jobId} is already running`, retryable: false }, []);
          return;
        }
        let graph: ExecutionGraph<P>;
        try {
          graph = new ExecutionGraph(event.jobId, event.stages, this.graphOptions);
        } catch (e) {
          this.actions.jobFailed(event.jobId, { sqlState: 'XX000', message: e instanceof Error ? e.message : String(e), retryable: false }, []);
          return;
        }
        this.jobs.set(event.jobId, graph);
        this.applyEffects(graph);
        break;
      }
      case 'worker_joined': {
        const w = this.workers.get(event.workerId);
        if (w === undefined) this.workers.set(event.workerId, { slots: event.slots, bound: new Set() });
        else w.slots = event.slots;
        break;
      }
      case 'worker_lost':
        this.workers.delete(event.workerId);
        for (const graph of [...this.jobs.values()]) {
          graph.executorLost(event.workerId);
          this.applyEffects(graph);
        }
        break;
      case 'task_succeeded':
      case 'task_failed': {
        const { task, workerId } = event.report;
        this.workers.get(workerId)?.bound.delete(slotKey(task));
        const graph = this.jobs.get(task.jobId);
        if (graph === undefined) break;
        if (event.kind === 'task_succeeded') graph.taskFinished(event.report);
        else graph.taskFailed(event.report);
        this.applyEffects(graph);
        break;
      }
      case 'cancel_job': {
        const graph = this.jobs.get(event.jobId);
        if (graph === undefined) return;
        graph.cancel();
        this.applyEffects(graph);
        break;
      }
    }
    this.offerSlots();
  }

  private applyEffects(graph: ExecutionGraph<P>): void {
    for (const e of graph.drainEffects()) {
      switch (e.kind) {
        case 'kill_task': this.actions.killTask(e.task, e.workerId, e.reason); break;
        case 'stage_completed': this.actions.stageCompleted?.(graph.jobId, e.stageId, e.stageAttempt); break;
        case 'job_succeeded': this.jobs.delete(graph.jobId); this.actions.jobSucceeded(graph.jobId, e.outputs, graph.summary()); break;
        case 'job_failed': this.jobs.delete(graph.jobId); this.actions.jobFailed(graph.jobId, e.error, graph.summary()); break;
      }
    }
  }

  /**
   * Binds free slots to runnable tasks, one slot per worker per round so tasks spread over
   * workers; the worker offered first moves on after every launch (coalesced stages often run
   * one task, which would otherwise always go to the same worker). Locality first: while any
   * worker can take a task whose data it scanned last (or that no live worker scanned), only
   * such tasks are bound; then the rest go to whichever worker has a free slot (no waiting
   * for the preferred one: an idle slot costs more than a cache miss).
   */
  private offerSlots(): void {
    const workers = [...this.workers];
    const n = workers.length;
    for (const localOnly of [true, false]) {
      for (let progress = true; progress;) {
        progress = false;
        const first = this.nextFirstWorker % Math.max(1, n);
        for (let i = 0; i < n; i++) {
          const [workerId, w] = workers[(first + i) % n]!;
          if (w.bound.size >= w.slots) continue;
          const launch = this.nextTask(workerId, localOnly);
          if (launch === null) continue;
          w.bound.add(slotKey(launch.task));
          if (launch.localityKey !== undefined) this.remember(launch.localityKey, workerId);
          this.actions.launchTask(launch);
          this.nextFirstWorker = (first + i + 1) % n;
          progress = true;
        }
      }
    }
  }

  private nextTask(workerId: string, localOnly: boolean): TaskLaunch<P> | null {
    const accept = localOnly ? (key: string): boolean => {
      const last = this.lastWorkerOf.get(key);
      return last === undefined || last === workerId || !this.workers.has(last);
    } : undefined;
    for (const graph of this.jobs.values()) {
      const launch = graph.popNextTask({ workerId }, accept);
      if (launch !== null) return launch;
    }
    return null;
  }

  private remember(localityKey: string, workerId: string): void {
    if (this.lastWorkerOf.size >= MAX_LOCALITY_KEYS) this.lastWorkerOf.clear(); // bounded; preferences rebuild as tasks run
    this.lastWorkerOf.delete(localityKey);
    this.lastWorkerOf.set(localityKey, workerId);
  }
}

/** Locality keys remembered at most (a key is a few hundred bytes). */
const MAX_LOCALITY_KEYS = 100_000;

function slotKey(task: TaskIdentity): string {
  return `${task.jobId}/${task.taskId}`;
}
