/**
 * The decoded-column cache of a worker process, shared by its task threads without locks:
 * the index stays in the main thread (column-cache.ts); each task gets a MessagePort to it.
 *
 *   task thread                                   worker main thread
 *   scan of a file ── get [keys] ──────────────►  index lookup (hits made most recently used)
 *                  ◄── [SharedColumn | null] ───  SharedArrayBuffers pass by reference
 *   decoded a miss ── alloc size ──────────────►  admitted? (column-cache.ts admitsSharedColumn) and
 *                  ◄── admit, buffer? ──────────  a released buffer (shared-memory-pool.ts), if any
 *                  ── put key, SharedColumn ───►  stored, least recently used evicted
 *                     (only when admitted: a refused column is never copied)
 *
 * One round trip per scanned file, not per column chunk. Nothing here is required for
 * correctness: an unanswered request (a closed port) resolves as misses.
 */
import type { MessagePort } from 'node:worker_threads';
import { type RemoteColumnCache, admitsSharedColumn, allocSharedBuffer, columnCacheStats, getSharedColumns, putSharedColumn, useRemoteColumnCache } from './column-cache.ts';
import { portClosed, portOpened } from './shared-memory-pool.ts';
import { type SharedColumn, toSharedColumn } from './shared-column.ts';

type Request =
  | { readonly op: 'get'; readonly id: number; readonly keys: readonly string[] }
  | { readonly op: 'alloc'; readonly id: number; readonly size: number }
  | { readonly op: 'put'; readonly key: string; readonly location: string; readonly column: SharedColumn };

interface Reply {
  readonly id: number;
  readonly columns?: readonly (SharedColumn | null)[];
  /** Answer to 'alloc': false when the cache would not keep the column (do not copy it). */
  readonly admit?: boolean;
  readonly buffer?: SharedArrayBuffer;
}

/** A request left unanswered this long resolves as misses (the scan decodes instead). */
const REPLY_TIMEOUT_MS = 10_000;

/** The size limit of this process's cache, which task threads are told (0: they cache nothing). */
export function sharedColumnCacheLimit(): number {
  return columnCacheStats().maxBytes;
}

/**
 * Main thread: answers the cache requests of one task thread arriving on `port` until it closes.
 * `job`: the query the task belongs to (what it reads and stores is marked with it, for admission).
 */
export function serveColumnCache(port: MessagePort, job?: string): void {
  // While the port is open its thread may hold views on what it was given: evicted buffers wait for it.
  const id = portOpened();
  port.once('close', () => portClosed(id));
  port.on('message', (m: Request) => {
    if (m.op === 'put') {
      putSharedColumn(m.key, m.location, m.column, job);
      return;
    }
    if (m.op === 'get') {
      port.postMessage({ id: m.id, columns: getSharedColumns(m.keys, job).map((c) => c ?? null) } satisfies Reply);
      return;
    }
    const admit = admitsSharedColumn(m.size, job);
    const buffer = admit ? allocSharedBuffer(m.size) : undefined;
    port.postMessage({ id: m.id, admit, ...(buffer ? { buffer } : {}) } satisfies Reply);
  });
}

/**
 * Task thread: routes this thread's column cache to the worker's, over `port`, until the
 * returned function is called (the task ended; it resolves once the columns decoded here are
 * handed over). `maxBytes` is the worker cache's limit.
 */
export function connectColumnCache(port: MessagePort, maxBytes: number): () => Promise<void> {
  let nextId = 0;
  // Each request's answer; undefined when it never comes (the port closed, or no answer in time).
  const pending = new Map<number, { resolve: (reply: Reply | undefined) => void; timer: NodeJS.Timeout }>();
  const settle = (id: number, reply: Reply | undefined): void => {
    const p = pending.get(id);
    if (p === undefined) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(reply);
  };
  const ask = (request: Request & { readonly id: number }): Promise<Reply | undefined> => new Promise((resolve) => {
    const timer = setTimeout(() => settle(request.id, undefined), REPLY_TIMEOUT_MS);
    pending.set(request.id, { resolve, timer });
    port.postMessage(request);
  });
  port.on('message', (m: Reply) => settle(m.id, m));
  port.on('close', () => { for (const id of [...pending.keys()]) settle(id, undefined); });
  const cache: RemoteColumnCache = {
    maxBytes,
    get: async (keys) => {
      if (keys.length === 0) return [];
      const reply = await ask({ op: 'get', id: nextId++, keys });
      return reply?.columns === undefined ? new Array<undefined>(keys.length) : reply.columns.map((c) => c ?? undefined);
    },
    put: (key, location, data, size) => {
      // Not awaited by the scan, which goes on with its own copy (`data` is never mutated) while a
      // released buffer is looked for; the task waits for these before it ends (disconnect).
      const done = ask({ op: 'alloc', id: nextId++, size }).then((reply) => {
        if (reply === undefined || reply.admit === false) return; // no answer, or the cache would not keep it
        const request: Request = { op: 'put', key, location, column: toSharedColumn(data, reply.buffer ?? new SharedArrayBuffer(size)) };
        port.postMessage(request);
      }).catch(() => {}).finally(() => puts.delete(done));
      puts.add(done);
    },
  };
  const puts = new Set<Promise<void>>();
  useRemoteColumnCache(cache);
  return async () => {
    useRemoteColumnCache(undefined);
    await Promise.all([...puts]);
    for (const id of [...pending.keys()]) settle(id, undefined);
    port.close();
  };
}
