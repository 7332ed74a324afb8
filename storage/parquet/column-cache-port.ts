/**
 * The decoded-column cache of a worker process, shared by its task threads without locks:
 * the index stays in the main thread (column-cache.ts); each task gets a MessagePort to it.
 *
 *   task thread                                   worker main thread
 *   scan of a file ── get [keys, size bounds] ─►  index lookup (hits made most recently used)
 *                  ◄── [SharedColumn | grant] ──  SharedArrayBuffers pass by reference; a miss with
 *                                                 a size bound is admitted or not (reserveSharedColumn),
 *                                                 with a released buffer (shared-memory-pool.ts) if any
 *   decoded a granted miss into its buffer ─────  (decoded-column-arena.ts: no copy)
 *                  ── put key, SharedColumn ───►  stored, least recently used evicted
 *   decoded another miss (text: no bound)
 *                  ── alloc size ──────────────►  admitted? and a released buffer, if any
 *                  ◄── admit, buffer? ──────────
 *                  ── put key, SharedColumn ───►  (copied into it only when admitted)
 *   unused grant   ── drop size, buffer ───────►  room given back, buffer released
 *
 * One round trip per scanned file, not per column chunk. Room admitted and not yet stored is held
 * for the port (given back when it closes). Nothing here is required for correctness: an
 * unanswered request (a closed port) resolves as misses.
 */
import type { MessagePort } from 'node:worker_threads';
import {
  type DecodeGrant, type RemoteColumnCache, allocSharedBuffer, columnCacheStats, getSharedColumns, putSharedColumn,
  reserveSharedColumn, unreserveSharedColumn, useRemoteColumnCache,
} from './column-cache.ts';
import { portClosed, portOpened, releaseSharedBuffer } from './shared-memory-pool.ts';
import { type SharedColumn, toSharedColumn } from './shared-column.ts';

type Request =
  | { readonly op: 'get'; readonly id: number; readonly keys: readonly string[]; readonly bounds?: readonly number[] }
  | { readonly op: 'alloc'; readonly id: number; readonly size: number }
  | { readonly op: 'put'; readonly key: string; readonly location: string; readonly column: SharedColumn; readonly reserved: number }
  | { readonly op: 'drop'; readonly size: number; readonly buffer: SharedArrayBuffer };

interface Reply {
  readonly id: number;
  readonly columns?: readonly (SharedColumn | null)[];
  /** Per key of a 'get': a released buffer or true (room granted: decode into new memory), false (a hit, or no room). */
  readonly grants?: readonly (SharedArrayBuffer | boolean)[];
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
  let held = 0; // room reserved for this task's columns and not yet stored or given back
  port.once('close', () => {
    unreserveSharedColumn(held);
    held = 0;
    portClosed(id);
  });
  const reserve = (size: number): SharedArrayBuffer | boolean => {
    if (!reserveSharedColumn(size, job)) return false;
    held += size;
    return allocSharedBuffer(size) ?? true;
  };
  port.on('message', (m: Request) => {
    if (m.op === 'put') {
      held -= m.reserved;
      putSharedColumn(m.key, m.location, m.column, job, m.reserved);
      return;
    }
    if (m.op === 'drop') {
      held -= m.size;
      unreserveSharedColumn(m.size);
      releaseSharedBuffer(m.buffer); // this task may view part of it: it waits for the port to close
      return;
    }
    if (m.op === 'get') {
      const columns = getSharedColumns(m.keys, job);
      const grants = m.bounds === undefined ? undefined : columns.map((c, i) => c === undefined && (m.bounds![i] ?? 0) > 0 && reserve(m.bounds![i]!));
      port.postMessage({ id: m.id, columns: columns.map((c) => c ?? null), ...(grants ? { grants } : {}) } satisfies Reply);
      return;
    }
    const granted = reserve(m.size);
    port.postMessage({ id: m.id, admit: granted !== false, ...(typeof granted === 'object' ? { buffer: granted } : {}) } satisfies Reply);
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
    get: async (keys, bounds) => {
      if (keys.length === 0) return { columns: [], grants: [] };
      const reply = await ask({ op: 'get', id: nextId++, keys, ...(bounds ? { bounds } : {}) });
      if (reply?.columns === undefined) return { columns: new Array<undefined>(keys.length), grants: [] };
      const grants = (reply.grants ?? []).map((g, i): DecodeGrant | undefined => {
        if (g === false) return undefined;
        const size = bounds![i]!;
        return { size, buffer: g === true ? new SharedArrayBuffer(size) : g };
      });
      return { columns: reply.columns.map((c) => c ?? undefined), grants };
    },
    putDecoded: (key, location, column) => {
      port.postMessage({ op: 'put', key, location, column, reserved: column.bytes } satisfies Request);
    },
    dropGrant: (grant) => {
      port.postMessage({ op: 'drop', size: grant.size, buffer: grant.buffer } satisfies Request);
    },
    put: (key, location, data, size) => {
      // Not awaited by the scan, which goes on with its own copy (`data` is never mutated) while a
      // released buffer is looked for; the task waits for these before it ends (disconnect).
      const done = ask({ op: 'alloc', id: nextId++, size }).then((reply) => {
        if (reply === undefined || reply.admit === false) return; // no answer, or the cache would not keep it
        const request: Request = { op: 'put', key, location, column: toSharedColumn(data, reply.buffer ?? new SharedArrayBuffer(size)), reserved: size };
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
