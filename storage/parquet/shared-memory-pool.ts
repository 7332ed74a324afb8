/**
 * Reuse of the SharedArrayBuffers of evicted column-cache entries (worker main thread).
 *
 * Why: fresh memory is expensive here — the first touch of each page of a new multi-MB buffer
 * costs a page fault (measured ~10 ms per MB on the 2-core benchmark machine, against ~0.4 ms to
 * copy a MB into memory already touched), and every decoded column the cache keeps is copied into
 * a new SharedArrayBuffer. After CLEAR CACHE, or under a cache smaller than the data, the released
 * buffers are handed back to the task threads for their next copies.
 *
 *   entry evicted ──► quarantined with the task ports open now (their threads may hold views on it)
 *   every one of those ports closed (their tasks ended) ──► free, by size class
 *   a thread about to copy a decoded column ──► 'alloc' ──► a free buffer of its size class, or none
 *
 * Buffers come in size classes (a sixteenth of a power of two, at least 64 KiB) so a released
 * buffer fits the same column's next decode; at most `maxFreeBytes` are kept free.
 */

const MIN_STEP = 64 * 1024;

/** The size a buffer for `bytes` bytes is allocated with (≤ 1/16 more, so buffers can be reused). */
export function sizeClass(bytes: number): number {
  if (bytes <= MIN_STEP) return MIN_STEP;
  const step = Math.max(MIN_STEP, 2 ** Math.floor(Math.log2(bytes)) / 16);
  return Math.ceil(bytes / step) * step;
}

const openPorts = new Set<number>();
let nextPort = 0;
const quarantine: { readonly buffer: SharedArrayBuffer; readonly waitFor: Set<number> }[] = [];
const free = new Map<number, SharedArrayBuffer[]>();
let freeBytes = 0;
let maxFreeBytes = 512 * 1024 * 1024;

/** Caps the bytes of free buffers kept (default 512 MiB; 0 keeps none). */
export function configureSharedMemoryPool(options: { readonly maxFreeBytes: number }): void {
  maxFreeBytes = Math.max(0, options.maxFreeBytes);
  if (maxFreeBytes === 0) {
    free.clear();
    freeBytes = 0;
  }
}

/** A task's port opened: buffers released from now on wait for it to close. */
export function portOpened(): number {
  const id = nextPort++;
  openPorts.add(id);
  return id;
}

/** A task's port closed: buffers that waited only for it become free. */
export function portClosed(id: number): void {
  if (!openPorts.delete(id)) return;
  for (let i = 0; i < quarantine.length;) {
    const q = quarantine[i]!;
    q.waitFor.delete(id);
    if (q.waitFor.size === 0) {
      quarantine.splice(i, 1);
      addFree(q.buffer);
    } else {
      i++;
    }
  }
}

/** An evicted entry's buffer: reusable once no task that could have read it is running. */
export function releaseSharedBuffer(buffer: SharedArrayBuffer): void {
  if (maxFreeBytes === 0 || buffer.byteLength !== sizeClass(buffer.byteLength)) return;
  if (openPorts.size === 0) addFree(buffer);
  else quarantine.push({ buffer, waitFor: new Set(openPorts) });
}

/** A free buffer of exactly `size` bytes (a size class), or undefined. */
export function takeSharedBuffer(size: number): SharedArrayBuffer | undefined {
  const list = free.get(size);
  const buffer = list?.pop();
  if (buffer !== undefined) freeBytes -= buffer.byteLength;
  return buffer;
}

/** Drops free buffers until at most `limit` bytes are kept free (the cache needs the memory). */
export function trimFreeSharedBuffers(limit: number): void {
  for (const [size, list] of free) {
    while (freeBytes > limit && list.length > 0) {
      list.pop();
      freeBytes -= size;
    }
    if (list.length === 0) free.delete(size);
    if (freeBytes <= limit) return;
  }
}

/** Free and quarantined bytes (tests, diagnostics). */
export function sharedMemoryPoolStats(): { readonly freeBytes: number; readonly quarantined: number } {
  return { freeBytes, quarantined: quarantine.length };
}

function addFree(buffer: SharedArrayBuffer): void {
  if (freeBytes + buffer.byteLength > maxFreeBytes) return;
  let list = free.get(buffer.byteLength);
  if (list === undefined) free.set(buffer.byteLength, list = []);
  list.push(buffer);
  freeBytes += buffer.byteLength;
}
