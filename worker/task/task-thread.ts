/**
 * The entry of a task-pool thread (piscina `filename`): decodes one TaskDefinition and runs it
 * whole in this thread (run-task.ts). A thread keeps its channels to peer workers between
 * tasks. Cancellation is cooperative first (a reason posted on the task's `cancel` port aborts
 * its signal, and the thread stays warm); a task that does not stop within the pool's grace
 * period (a tight loop never yields) has its thread terminated by piscina.
 */
import type { MessagePort } from 'node:worker_threads';
import type { TableScanner, TableSourceDescriptor } from '../../core/index.ts';
import { openDescribedTable } from '../../connectors/index.ts';
import { decodeMessage, type loch } from '../../proto/index.ts';
import { configureS3, connectColumnCache, s3DefaultsFromEnv } from '../../storage/index.ts';
import { ShuffleClientPool } from '../shuffle/index.ts';
import { runTaskStatus } from './run-task.ts';
import { SourceCache } from './source-cache.ts';

// Each thread has its own object-store registry: s3:// tables use the store LOCH_S3_* configures
// (the thread sees the worker process's environment).
const s3 = s3DefaultsFromEnv(process.env);
if (s3) await configureS3(s3);

/** The worker a thread's tasks run for (sent with every task: it is small). */
export interface TaskThreadEnvironment {
  readonly workerId: string;
  readonly workerAddress: string;
  readonly shuffleRoot: string;
  readonly maxBytesInFlight?: number;
  readonly maxRequestsInFlight?: number;
}

/** One message to a thread: an encoded proto TaskDefinition and where it runs, or a warm-up ping. */
export type TaskThreadMessage =
  | {
    readonly definition: Uint8Array;
    readonly env: TaskThreadEnvironment;
    /** A reason posted here aborts the task (cooperative cancel; the pool terminates the thread if that is too slow). */
    readonly cancel?: MessagePort;
    /** The worker process's decoded-column cache (served by its main thread) and its size limit. */
    readonly cache?: { readonly port: MessagePort; readonly maxBytes: number };
  }
  | { readonly warmUp: Int32Array<SharedArrayBuffer>; readonly threads: number };

let clients: ShuffleClientPool | undefined;

/**
 * Tables opened by this thread's tasks: a Delta table at a pinned version is opened once (the log
 * replayed once, not once per task), a local Parquet table once while its files are unchanged
 * (its footers read once).
 */
const sources = new SourceCache(openDescribedTable);
const openSource = (d: TableSourceDescriptor): Promise<TableScanner> => sources.get(d);

/** Runs one task; resolves with its final TaskStatus (plain proto shape), never rejects for task errors. */
export default async function runTaskInThread(message: TaskThreadMessage): Promise<loch.v1.TaskStatus.$Properties | null> {
  if ('warmUp' in message) {
    // Answered once this module (the whole engine) has loaded. Each warm-up waits until all
    // `threads` have arrived, so no thread takes two and every thread is proven loaded.
    const arrived = Atomics.add(message.warmUp, 0, 1) + 1;
    Atomics.notify(message.warmUp, 0);
    const deadline = Date.now() + 120_000;
    for (let seen = arrived; seen < message.threads && Date.now() < deadline; seen = Atomics.load(message.warmUp, 0)) {
      Atomics.wait(message.warmUp, 0, seen, 1000);
    }
    return null;
  }
  clients ??= new ShuffleClientPool();
  const definition = decodeMessage('TaskDefinition', message.definition);
  // A plain object (runTaskStatus copies the task identity out of the decoded message) crosses
  // the thread boundary by structured clone.
  const controller = new AbortController();
  message.cancel?.once('message', (reason: unknown) => controller.abort(typeof reason === 'string' ? reason : 'task cancelled'));
  const disconnect = message.cache === undefined ? undefined : connectColumnCache(message.cache.port, message.cache.maxBytes);
  try {
    return await runTaskStatus(definition, { ...message.env, clients, openSource }, controller.signal);
  } finally {
    await disconnect?.();
    message.cancel?.close();
  }
}
