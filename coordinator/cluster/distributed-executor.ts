/**
 * `DistributedExecutor`: the PlanExecutor of a cluster. A physical plan is planned into
 * stages (planStages), run as one job of the ClusterScheduler, and its result streamed from
 * the workers that hold the final stage's partition-0 files. The constant evaluator and the
 * row functions (DML) run in this process and are injected by the composition root, since
 * the coordinator cannot import worker code.
 *
 *   execute(plan) ─► planStages ─► scheduler.submit(job) ─► … ─► job succeeded ─► FetchShufflePartition × tasks
 *                                                                                   └► batches ─► RemoveJobData (in the background)
 *   signal aborted ─► scheduler.cancel(job): CancelTasks to every running task, 57014
 */
import { randomUUID } from 'node:crypto';
import { type Batch, LochError, SqlState } from '../../core/index.ts';
import { planStages, stagePlanToProto, type ConstantEvaluator, type DistributionOptions, type PhysicalPlan, type QueryStage } from '../../planner/index.ts';
import type { ExecutionHandle, PlanExecutor } from '../sql-engine.ts';
import type { RowFunctionsFactory } from '../table-dml.ts';
import type { ClusterScheduler } from './cluster-scheduler.ts';
import { JobMetrics } from './job-metrics.ts';
import { currentQuery } from './query-context.ts';
import { readResult, resultLocations } from './result-reader.ts';
import type { WorkerClients } from './worker-clients.ts';

/** Times a job is run again when its result files were lost before they were read. */
const MAX_RESULT_RETRIES = 2;

/** Options of DistributedExecutor. */
export interface DistributedExecutorOptions {
  readonly scheduler: ClusterScheduler;
  readonly clients: WorkerClients;
  /** Host:port of a worker by id (membership), for fetching results. */
  readonly workerAddress: (workerId: string) => string | undefined;
  readonly evaluateConstant: ConstantEvaluator;
  readonly rowFunctions: RowFunctionsFactory;
  readonly distribution?: Partial<DistributionOptions>;
  /**
   * Task slots of the cluster now: scans are split into about this many tasks
   * (DistributionOptions.parallelism) unless `distribution` sets it.
   */
  readonly parallelism?: () => number;
  /**
   * Runs plans that cannot be shipped to workers (a scan whose source has no descriptor, e.g.
   * generate_series or a MERGE's in-memory target) in this process. Without it such plans
   * fail with 0A000 naming the table.
   */
  readonly localFallback?: PlanExecutor;
}

/** Runs plans as distributed jobs. */
export class DistributedExecutor implements PlanExecutor {
  readonly evaluateConstant: ConstantEvaluator;
  readonly rowFunctions: RowFunctionsFactory;
  private readonly options: DistributedExecutorOptions;
  private jobCounter = 0;
  private readonly metricsListeners = new Set<(jobId: string, metrics: JobMetrics) => void>();

  constructor(options: DistributedExecutorOptions) {
    this.options = options;
    this.evaluateConstant = options.evaluateConstant;
    this.rowFunctions = options.rowFunctions;
  }

  execute(plan: PhysicalPlan, options: { signal?: AbortSignal }): ExecutionHandle {
    const jobId = this.nextJobId();
    const queryId = currentQuery()?.queryId;
    let stages: readonly QueryStage[] = [];
    let metrics: JobMetrics | undefined;
    let local: ExecutionHandle | undefined;
    const { scheduler, clients, localFallback } = this.options;
    const signal = options.signal;
    const distribution = this.distribution();
    const workerAddress = this.options.workerAddress;
    const metricsListeners = this.metricsListeners;
    const batches = (async function* (): AsyncGenerator<Batch> {
      signal?.throwIfAborted();
      stages = await planStages(plan, distribution);
      // Encode every stage once up front: a plan that cannot travel fails (or runs locally) before any task starts.
      try {
        for (const stage of stages) stagePlanToProto(jobId, stage, 0);
      } catch (e) {
        if (localFallback === undefined || !(e instanceof LochError) || e.sqlState !== SqlState.featureNotSupported) throw e;
        local = localFallback.execute(plan, options);
        yield* local.batches;
        return;
      }
      // A worker holding result files can die after the job succeeded but before they are read: the job
      // then runs again (fresh id), as long as nothing of its result has reached the consumer yet.
      for (let attempt = 0; ; attempt++) {
        const id = attempt === 0 ? jobId : `${jobId}-retry${attempt}`;
        const submitted = scheduler.submit(id, stages, queryId);
        metrics = submitted.metrics;
        const onAbort = (): void => scheduler.cancel(id);
        signal?.addEventListener('abort', onAbort, { once: true });
        const read = { rows: 0, bytes: 0 };
        let yielded = false;
        try {
          if (signal?.aborted) onAbort();
          const outcome = await submitted.done;
          try {
            for await (const b of readResult(clients, resultLocations(id, outcome.outputs, workerAddress), signal, read)) {
              yielded = true;
              yield b;
            }
          } finally {
            submitted.metrics.resultRows = read.rows;
            submitted.metrics.resultBytes = read.bytes;
          }
          return;
        } catch (e) {
          const resultLost = !yielded && attempt < MAX_RESULT_RETRIES && !signal?.aborted && e instanceof LochError && e.sqlState === SqlState.ioError;
          if (!resultLost) throw e;
        } finally {
          signal?.removeEventListener('abort', onAbort);
          // Ends a job the consumer abandoned, then removes its files (a no-op once released). The
          // removal is not awaited: its RemoveJobData round trips to every worker took 5-25 ms at the
          // end of every query, after the client had its result (ClusterScheduler.drain waits at shutdown).
          scheduler.cancel(id);
          scheduler.releaseInBackground(id);
          if (metrics !== undefined) for (const l of metricsListeners) l(id, metrics);
        }
      }
    })();
    return {
      batches,
      explainAnalyze: () => local?.explainAnalyze() ?? (metrics === undefined ? `Distributed job ${jobId}: not run` : metrics.render(stages)),
    };
  }

  /** The stages `execute` would run `plan` as, with this cluster's distribution settings (plain EXPLAIN). */
  planStages(plan: PhysicalPlan): Promise<QueryStage[]> {
    return planStages(plan, this.distribution());
  }

  /** The distribution options now: the configured ones, with the cluster's task slots as parallelism unless set. */
  private distribution(): Partial<DistributionOptions> | undefined {
    const parallelism = this.options.parallelism?.();
    return parallelism !== undefined && this.options.distribution?.parallelism === undefined
      ? { ...this.options.distribution, parallelism } : this.options.distribution;
  }

  /** CLEAR CACHE reaches the workers through the next tasks' settings. */
  clearCaches(): void {
    this.options.scheduler.clearWorkerCaches();
  }

  /** Hears every job's final metrics (tasks, retries, bytes shuffled…), e.g. for a benchmark; returns an unsubscribe. */
  onJobMetrics(listener: (jobId: string, metrics: JobMetrics) => void): () => void {
    this.metricsListeners.add(listener);
    return () => { this.metricsListeners.delete(listener); };
  }

  /** `<queryId>-<n>` inside a client query (so ids line up with CancelQuery and logs), else a fresh id. */
  private nextJobId(): string {
    const queryId = currentQuery()?.queryId;
    return queryId === undefined ? `job-${randomUUID()}` : `${queryId}-${this.jobCounter++}`;
  }
}
