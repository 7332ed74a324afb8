/**
 * The worker's task slots: a piscina pool of `threads` threads (default: one per core), each
 * running one task at a time, whole (task-thread.ts). The pool never queues: `tryRun` refuses
 * a task when every slot is taken, so the coordinator can place it elsewhere.
 *
 *   tryRun(bytes) ─► slot free? ─no─► null (LaunchTasks reports it rejected)
 *                        │yes
 *                        ▼
 *                  piscina.run({ definition, env }, { signal }) ─► TaskStatus (succeeded | failed)
 *   cancel(key)  ─► abort ─► piscina terminates the thread at once ─► TaskStatus failed: killed
 *
 * Each thread's heap is capped (resourceLimits): a task that runs out of memory kills only its
 * thread and reports a retryable error (SQLSTATE 53200).
 */
import { availableParallelism, totalmem } from 'node:os';
import { Piscina } from 'piscina';
import { encodeMessage, type loch } from '../../proto/index.ts';
import { killedFailure, abortReason } from './task-failure.ts';
import type { TaskThreadEnvironment, TaskThreadMessage } from './task-thread.ts';

/** Options of a TaskPool. */
export interface TaskPoolOptions {
  /** Task slots = threads (default: os.availableParallelism()). */
  readonly threads?: number;
  /** Heap cap of each thread in MiB (default: the machine's memory shared by the threads, 512..8192). */
  readonly threadMemoryMb?: number;
  /** Errors of a thread outside any task (it is replaced); default: ignored. */
  readonly onThreadError?: (error: unknown) => void;
}

/** A task running on the pool. */
export interface RunningTask {
  readonly key: string;
  readonly task: loch.v1.TaskIdentity.$Properties;
  /** Resolves with the task's final status once it ends (never rejects). */
  readonly status: Promise<loch.v1.TaskStatus.$Properties>;
}

/** `job/task id/attempt`: the key of one task attempt (task ids are unique within a job). */
export function taskKey(t: loch.v1.TaskIdentity.$Properties): string {
  return `${t.jobId ?? ''}/${t.taskId ?? 0}/${t.taskAttempt ?? 0}`;
}

function defaultThreadMemoryMb(threads: number): number {
  const share = Math.floor(totalmem() / (1 << 20) / (threads + 1));
  return Math.min(8192, Math.max(512, share));
}

/** Task slots backed by piscina threads. */
export class TaskPool {
  readonly threads: number;
  private readonly piscina: Piscina<TaskThreadMessage, loch.v1.TaskStatus.$Properties | null>;
  private readonly running = new Map<string, { readonly task: loch.v1.TaskIdentity.$Properties; readonly controller: AbortController }>();

  constructor(options: TaskPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
    this.piscina = new Piscina({
      filename: new URL('./task-thread.ts', import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      // Threads keep gRPC channels to peers between tasks: their event loops must keep turning
      // (piscina's default Atomics.wait would block them while idle).
      atomics: 'disabled',
      resourceLimits: { maxOldGenerationSizeMb: options.threadMemoryMb ?? defaultThreadMemoryMb(this.threads) },
    });
    // Without a listener an 'error' event would throw and take the whole worker process down.
    const onThreadError = options.onThreadError ?? (() => {});
    this.piscina.on('error', onThreadError);
  }

  /**
   * Resolves once every thread has loaded the engine (a cold thread takes seconds): a worker
   * registers only after this, so its first tasks do not wait for module loading.
   */
  async warmUp(): Promise<void> {
    const barrier = new Int32Array(new SharedArrayBuffer(4));
    await Promise.all(Array.from({ length: this.threads }, () => this.piscina.run({ warmUp: barrier, threads: this.threads })));
  }

  /** Slots not running a task. */
  get freeSlots(): number {
    return this.threads - this.running.size;
  }

  /** Identities of the running tasks (heartbeats report them). */
  runningTasks(): loch.v1.TaskIdentity.$Properties[] {
    return [...this.running.values()].map((r) => r.task);
  }

  /** Starts `definition` when a slot is free; null when every slot is busy or the attempt already runs. */
  tryRun(definition: loch.v1.TaskDefinition.$Properties, env: TaskThreadEnvironment): RunningTask | null {
    const task = definition.task ?? {};
    const key = taskKey(task);
    if (this.running.size >= this.threads || this.running.has(key)) return null;
    const controller = new AbortController();
    this.running.set(key, { task, controller });
    const bytes = encodeMessage('TaskDefinition', definition);
    const started = performance.now();
    const status = this.piscina.run({ definition: bytes, env }, { signal: controller.signal }).then(
      (s): loch.v1.TaskStatus.$Properties => s ?? { task, workerId: env.workerId, failed: { retryable: true, countToFailures: true, executionError: { sqlstate: 'XX000', message: 'task thread returned no status' } } },
      (e: unknown): loch.v1.TaskStatus.$Properties => {
        const metrics = { elapsedMs: Math.round(performance.now() - started) };
        if (controller.signal.aborted) return { task, workerId: env.workerId, failed: killedFailure(abortReason(controller.signal)), metrics };
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        const message = e instanceof Error ? e.message : String(e);
        return {
          task, workerId: env.workerId, metrics,
          failed: {
            retryable: true, countToFailures: true,
            executionError: oom
              ? { sqlstate: '53200', message: `task ran out of memory in its thread: ${message}`, hint: 'raise the worker thread memory or the number of partitions' }
              : { sqlstate: 'XX000', message: `task thread failed: ${message}` },
          },
        };
      },
    ).finally(() => { this.running.delete(key); });
    return { key, task, status };
  }

  /** Cancels a running task attempt; false when it is not running here. */
  cancel(key: string, reason: string): boolean {
    const r = this.running.get(key);
    if (r === undefined) return false;
    r.controller.abort(reason);
    return true;
  }

  /** Cancels every running task and stops the threads. */
  async close(): Promise<void> {
    for (const r of this.running.values()) r.controller.abort('worker stopping');
    await this.piscina.close({ force: true });
  }
}
