/**
 * The worker's task slots: a piscina pool of `threads` threads (default: one per core), each
 * running one task at a time, whole (task-thread.ts). The pool never queues: `tryRun` refuses
 * a task when every slot is taken, so the coordinator can place it elsewhere.
 *
 *   tryRun(bytes) ─► slot free? ─no─► null (LaunchTasks reports it rejected)
 *                        │yes
 *                        ▼
 *                  piscina.run({ definition, env }, { signal }) ─► TaskStatus (succeeded | failed)
 *   cancel(key)  ─► reason posted to the thread: the task's AbortSignal fires ─► TaskStatus failed: killed
 *                   still running after cancelGraceMs (a tight loop never yields)? ─► piscina
 *                   terminates the thread ─► TaskStatus failed: killed
 *
 * Each thread's heap is capped (resourceLimits): a task that runs out of memory kills only its
 * thread and reports a retryable error (SQLSTATE 53200). Decoded Parquet columns are cached
 * once per process, in this (the main) thread's index over shared memory: each task gets a
 * port to it, so a scan finds what any thread decoded.
 */
import { availableParallelism, totalmem } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { encodeMessage, type loch } from '../../proto/index.ts';
import { serveColumnCache, sharedColumnCacheLimit } from '../../storage/index.ts';
import { killedFailure } from './task-failure.ts';
import type { TaskThreadEnvironment, TaskThreadMessage } from './task-thread.ts';

/** Options of a TaskPool. */
export interface TaskPoolOptions {
  /** Task slots = threads (default: os.availableParallelism()). */
  readonly threads?: number;
  /** Heap cap of each thread in MiB (default: the machine's memory shared by the threads, 512..8192). */
  readonly threadMemoryMb?: number;
  /** Errors of a thread outside any task (it is replaced); default: ignored. */
  readonly onThreadError?: (error: unknown) => void;
  /**
   * How long a cancelled task may take to stop by itself (its thread stays warm) before its
   * thread is terminated (default 300 ms; a replacement thread loads the engine again).
   */
  readonly cancelGraceMs?: number;
}

interface RunningEntry {
  readonly task: loch.v1.TaskIdentity.$Properties;
  /** Aborting it terminates the thread (piscina). */
  readonly terminate: AbortController;
  /** Posting a reason on it aborts the task's signal inside the thread. */
  readonly cancelPort: MessagePort;
  cancelReason?: string;
  terminateTimer?: NodeJS.Timeout;
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
  private readonly running = new Map<string, RunningEntry>();
  private readonly cancelGraceMs: number;

  constructor(options: TaskPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
    this.cancelGraceMs = options.cancelGraceMs ?? 300;
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

  /** Ids of the live threads (a terminated thread is replaced by one with a new id). */
  threadIds(): number[] {
    return this.piscina.threads.map((t) => t.threadId);
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
    const terminate = new AbortController();
    const channel = new MessageChannel();
    const entry: RunningEntry = { task, terminate, cancelPort: channel.port1 };
    this.running.set(key, entry);
    const bytes = encodeMessage('TaskDefinition', definition);
    const started = performance.now();
    const killed = (): loch.v1.TaskStatus.$Properties => ({
      task, workerId: env.workerId, failed: killedFailure(entry.cancelReason ?? 'task cancelled'),
      metrics: { elapsedMs: Math.round(performance.now() - started) },
    });
    // The task reaches this process's decoded-column cache over its own port (storage column-cache-port.ts).
    const cache = new MessageChannel();
    serveColumnCache(cache.port1, task.jobId ?? undefined);
    const message: TaskThreadMessage = { definition: bytes, env, cancel: channel.port2, cache: { port: cache.port2, maxBytes: sharedColumnCacheLimit() } };
    const transferList = [channel.port2, cache.port2] as never; // piscina derives the type from an older MessagePort signature
    const status = this.piscina.run(message, { signal: terminate.signal, transferList }).then(
      (s): loch.v1.TaskStatus.$Properties => {
        // Cancelled: the report says killed even if the task finished within the grace period.
        if (entry.cancelReason !== undefined) return s?.failed?.killed != null ? s : killed();
        return s ?? { task, workerId: env.workerId, failed: { retryable: true, countToFailures: true, executionError: { sqlstate: 'XX000', message: 'task thread returned no status' } } };
      },
      (e: unknown): loch.v1.TaskStatus.$Properties => {
        if (entry.cancelReason !== undefined) return killed();
        const metrics = { elapsedMs: Math.round(performance.now() - started) };
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        const text = e instanceof Error ? e.message : String(e);
        return {
          task, workerId: env.workerId, metrics,
          failed: {
            retryable: true, countToFailures: true,
            executionError: oom
              ? { sqlstate: '53200', message: `task ran out of memory in its thread: ${text}`, hint: 'raise the worker thread memory or the number of partitions' }
              : { sqlstate: 'XX000', message: `task thread failed: ${text}` },
          },
        };
      },
    ).finally(() => {
      clearTimeout(entry.terminateTimer);
      channel.port1.close();
      cache.port1.close();
      this.running.delete(key);
    });
    return { key, task, status };
  }

  /** Cancels a running task attempt; false when it is not running here. */
  cancel(key: string, reason: string): boolean {
    const r = this.running.get(key);
    if (r === undefined) return false;
    if (r.cancelReason !== undefined) return true;
    r.cancelReason = reason;
    r.cancelPort.postMessage(reason);
    r.terminateTimer = setTimeout(() => r.terminate.abort(reason), this.cancelGraceMs);
    return true;
  }

  /** Cancels every running task and stops the threads. */
  async close(): Promise<void> {
    for (const r of this.running.values()) {
      r.cancelReason ??= 'worker stopping';
      r.terminate.abort(r.cancelReason);
    }
    await this.piscina.close({ force: true });
  }
}
