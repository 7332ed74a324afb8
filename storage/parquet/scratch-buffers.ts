/**
 * Reused byte buffers for the one-column Parquet extracts (row-group-file.ts).
 *
 * An extract lives from its range read until `readParquet` has copied it into
 * WebAssembly memory, so nothing keeps it: a fresh allocation per column chunk
 * only costs page faults (on the shared development machine a first touch of a
 * 4 KiB page costs ~10-20 µs, which made fresh memory the largest part of a cold
 * decode). A buffer is taken exclusively (`acquire`) and given back (`release`)
 * once decoded, so two scans interleaving in one thread never share one.
 * The pool is per thread (module state) and bounded.
 */

/** Buffers smaller than this are rounded up, so a few sizes cover all extracts. */
const MIN_BYTES = 1 << 20;
/** The most bytes kept for reuse by one thread. */
const MAX_POOLED_BYTES = 64 << 20;
/** The most buffers kept for reuse by one thread. */
const MAX_POOLED = 4;

const free: ArrayBuffer[] = [];
let pooledBytes = 0;

/** A zero-offset view of `size` bytes on a buffer nobody else holds until `releaseScratch`. */
export function acquireScratch(size: number): Uint8Array {
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    const b = free[i]!;
    if (b.byteLength >= size && (best < 0 || b.byteLength < free[best]!.byteLength)) best = i;
  }
  if (best >= 0) {
    const b = free[best]!;
    free.splice(best, 1);
    pooledBytes -= b.byteLength;
    return new Uint8Array(b, 0, size);
  }
  let capacity = MIN_BYTES;
  while (capacity < size) capacity *= 2;
  return new Uint8Array(new ArrayBuffer(capacity), 0, size);
}

/**
 * Gives back a view from `acquireScratch`; the caller must not use it (or any view
 * on its buffer) afterwards. Buffers beyond the pool's bounds are left to the GC,
 * the smallest first.
 */
export function releaseScratch(view: Uint8Array): void {
  const b = view.buffer as ArrayBuffer;
  if (b.byteLength > MAX_POOLED_BYTES || free.includes(b)) return;
  free.push(b);
  pooledBytes += b.byteLength;
  free.sort((x, y) => y.byteLength - x.byteLength);
  while (free.length > MAX_POOLED || pooledBytes > MAX_POOLED_BYTES) pooledBytes -= free.pop()!.byteLength;
}

/** Bytes currently pooled (tests). */
export function pooledScratchBytes(): number {
  return pooledBytes;
}
