/**
 * The decoded-column cache of a worker process, shared by its task threads without locks:
 * the index stays in the main thread (column-cache.ts); each task gets a MessagePort to it.
 *
 *   task thread                                   worker main thread
 *   scan of a file ── get [keys] ──────────────►  index lookup (hits made most recently used)
 *                  ◄── [SharedColumn | null] ───  SharedArrayBuffers pass by reference
 *   decoded a miss ── put key, SharedColumn ───►  stored, least recently used evicted
 *
 * One round trip per scanned file, not per column chunk. Nothing here is required for
 * correctness: an unanswered request (a closed port) resolves as misses.
 */
import type { MessagePort } from 'node:worker_threads';
import { type RemoteColumnCache, columnCacheStats, getSharedColumns, putSharedColumn, useRemoteColumnCache } from './column-cache.ts';
import type { SharedColumn } from './shared-column.ts';

type Request =
  | { readonly op: 'get'; readonly id: number; readonly keys: readonly string[] }
  | { readonly op: 'put'; readonly key: string; readonly location: string; readonly column: SharedColumn };

interface Reply {
  readonly id: number;
  readonly columns: readonly (SharedColumn | null)[];
}

/** A request left unanswered this long resolves as misses (the scan decodes instead). */
const REPLY_TIMEOUT_MS = 10_000;

/** The size limit of this process's cache, which task threads are told (0: they cache nothing). */
export function sharedColumnCacheLimit(): number {
  return columnCacheStats().maxBytes;
}

/** Main thread: answers the cache requests of one task thread arriving on `port` until it closes. */
export function serveColumnCache(port: MessagePort): void {
  port.on('message', (m: Request) => {
    if (m.op === 'put') {
      putSharedColumn(m.key, m.location, m.column);
      return;
    }
    const reply: Reply = { id: m.id, columns: getSharedColumns(m.keys).map((c) => c ?? null) };
    port.postMessage(reply);
  });
}

/**
 * Task thread: routes this thread's column cache to the worker's, over `port`, until the
 * returned function is called (the task ended). `maxBytes` is the worker cache's limit.
 */
export function connectColumnCache(port: MessagePort, maxBytes: number): () => void {
  let nextId = 0;
  const pending = new Map<number, { resolve: (c: readonly (SharedColumn | undefined)[]) => void; timer: NodeJS.Timeout; n: number }>();
  const settle = (id: number, columns: readonly (SharedColumn | null)[] | undefined): void => {
    const p = pending.get(id);
    if (p === undefined) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(columns === undefined ? new Array<undefined>(p.n) : columns.map((c) => c ?? undefined));
  };
  port.on('message', (m: Reply) => settle(m.id, m.columns));
  port.on('close', () => { for (const id of [...pending.keys()]) settle(id, undefined); });
  const cache: RemoteColumnCache = {
    maxBytes,
    get: (keys) => new Promise((resolve) => {
      if (keys.length === 0) { resolve([]); return; }
      const id = nextId++;
      const timer = setTimeout(() => settle(id, undefined), REPLY_TIMEOUT_MS);
      pending.set(id, { resolve, timer, n: keys.length });
      const request: Request = { op: 'get', id, keys };
      port.postMessage(request);
    }),
    put: (key, location, column) => {
      const request: Request = { op: 'put', key, location, column };
      port.postMessage(request);
    },
  };
  useRemoteColumnCache(cache);
  return () => {
    useRemoteColumnCache(undefined);
    for (const id of [...pending.keys()]) settle(id, undefined);
    port.close();
  };
}
