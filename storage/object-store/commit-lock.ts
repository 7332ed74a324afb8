/**
 * `CommitLock`: mutual exclusion per object path across processes, for stores
 * whose puts cannot be made conditional (S3 servers without `If-None-Match: *`).
 * `putIfAbsent` then becomes check-then-put while holding the lock of the key.
 */

/** A named, cross-process lock; `withLock` runs `fn` while holding `name`. */
export interface CommitLock {
  /**
   * Acquires the lock called `name` (waiting while another holder has it, up to the
   * lock's acquire timeout), runs `fn`, and releases the lock however `fn` ends.
   * `fn` receives a check it calls right before its final write: it throws if the
   * lock was lost meanwhile (lease expired), so a stale holder does not write.
   */
  withLock<T>(name: string, fn: (assertHeld: () => Promise<void>) => Promise<T>): Promise<T>;
  /** Releases the lock's connections; held locks are released first. */
  close(): Promise<void>;
}
