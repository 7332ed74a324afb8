/**
 * The gRPC WorkerService of a worker process (proto/loch/v1/worker.proto):
 *
 *   LaunchTasks            each task takes a free slot of the TaskPool or is returned as rejected;
 *                          answers at once. When a task ends, its TaskStatus goes to the
 *                          coordinator named by its settings['loch.coordinator'] (StatusReporter).
 *   CancelTasks            aborts running attempts; each ends with a `killed` failure report.
 *   FetchShufflePartition  } worker/shuffle ShuffleService
 *   RemoveJobData          }
 */
import * as grpc from '@grpc/grpc-js';
import type { loch } from '../../proto/index.ts';
import { clearColumnCache } from '../../storage/index.ts';
import type { ShuffleService } from '../shuffle/shuffle-service.ts';
import { TASK_SETTINGS } from '../task/task-settings.ts';
import { type TaskPool, taskKey } from '../task/task-pool.ts';
import type { TaskThreadEnvironment } from '../task/task-thread.ts';
import type { StatusReporter } from './status-reporter.ts';
import type { WorkerLog } from './worker-log.ts';

/** What the service runs on. */
export interface WorkerServiceOptions {
  readonly pool: TaskPool;
  readonly reporter: StatusReporter;
  readonly shuffle: ShuffleService;
  /** Where tasks run (worker id, address, shuffle root): fixed once the server is bound. */
  readonly environment: () => TaskThreadEnvironment;
  /** The coordinator to report to when a task's settings name none. */
  readonly defaultCoordinator?: string;
  readonly log: WorkerLog;
}

/** The WorkerService implementation: task launch and cancel on a TaskPool, plus the shuffle service. */
export class WorkerTaskService {
  private readonly options: WorkerServiceOptions;
  /** Reports still being delivered (stop waits for them briefly). */
  private readonly reports = new Set<Promise<boolean>>();
  /** The coordinator's cache epoch of the last task launched here. */
  private cacheEpoch: string | undefined;

  constructor(options: WorkerServiceOptions) {
    this.options = options;
  }

  /**
   * Starts `definitions` on free slots; returns the identities of those refused (no free slot,
   * attempt already running). Each started task reports its status when it ends.
   */
  launch(definitions: readonly loch.v1.TaskDefinition.$Properties[]): loch.v1.TaskIdentity.$Properties[] {
    const { pool, log } = this.options;
    const env = this.options.environment();
    const rejected: loch.v1.TaskIdentity.$Properties[] = [];
    for (const d of definitions) {
      this.clearCacheOnNewEpoch(d.settings?.[TASK_SETTINGS.cacheEpoch]);
      const running = pool.tryRun(d, env);
      const t = d.task ?? {};
      const ids = { jobId: t.jobId, stageId: t.stageId, partition: t.partition, taskId: t.taskId, taskAttempt: t.taskAttempt };
      if (running === null) {
        rejected.push(t);
        log('info', 'task_rejected', ids);
        continue;
      }
      log('info', 'task_started', ids);
      const coordinator = d.settings?.[TASK_SETTINGS.coordinator] || this.options.defaultCoordinator || '';
      void running.status.then((status) => {
        log('info', 'task_finished', { ...ids, succeeded: status.succeeded != null, elapsedMs: status.metrics?.elapsedMs });
        const report = this.options.reporter.report(coordinator, status);
        this.reports.add(report);
        void report.finally(() => this.reports.delete(report));
      });
    }
    return rejected;
  }

  /**
   * CLEAR CACHE / UNCACHE TABLE on the coordinator reach the worker as a new cache epoch in the
   * next tasks' settings: the process's decoded-column cache (its task threads share it) is dropped.
   */
  private clearCacheOnNewEpoch(epoch: string | undefined): void {
    if (epoch === undefined || epoch === this.cacheEpoch) return;
    if (this.cacheEpoch !== undefined) clearColumnCache();
    this.cacheEpoch = epoch;
  }

  /** Cancels the running attempts among `tasks`; returns how many were running. */
  cancel(tasks: readonly loch.v1.TaskIdentity.$Properties[], reason: string): number {
    let cancelled = 0;
    for (const t of tasks) if (this.options.pool.cancel(taskKey(t), reason || 'cancelled by the coordinator')) cancelled++;
    return cancelled;
  }

  /** Waits (at most `timeoutMs`) for reports in flight. */
  async drainReports(timeoutMs: number): Promise<void> {
    if (this.reports.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.reports]), new Promise((r) => { timer = setTimeout(r, timeoutMs); })]);
    clearTimeout(timer);
  }

  /** The full WorkerService handlers for `grpc.Server.addService`. */
  handlers(): grpc.UntypedServiceImplementation {
    return {
      ...this.options.shuffle.handlers(),
      launchTasks: (
        call: grpc.ServerUnaryCall<loch.v1.LaunchTasksRequest, loch.v1.LaunchTasksResponse.$Properties>,
        callback: grpc.sendUnaryData<loch.v1.LaunchTasksResponse.$Properties>,
      ) => {
        try {
          callback(null, { rejected: this.launch(call.request.tasks ?? []) });
        } catch (e) {
          callback({ code: grpc.status.INTERNAL, details: e instanceof Error ? e.message : String(e) });
        }
      },
      cancelTasks: (
        call: grpc.ServerUnaryCall<loch.v1.CancelTasksRequest, loch.v1.CancelTasksResponse.$Properties>,
        callback: grpc.sendUnaryData<loch.v1.CancelTasksResponse.$Properties>,
      ) => {
        callback(null, { cancelled: this.cancel(call.request.tasks ?? [], call.request.reason ?? '') });
      },
    };
  }
}
