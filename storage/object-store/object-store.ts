/**
 * `ObjectStore`: the byte-level storage Loch reads tables from and writes them to.
 *
 * Deliberately small (the shape of S3 / GCS / a local directory): whole-object
 * puts, ranged gets, listing by prefix and a conditional create. Readers plan
 * byte ranges from file footers and fetch only those, so the same Parquet
 * reader runs over a local directory today and S3 later (issue 3).
 *
 * Paths are '/'-separated keys relative to the store's root.
 */

/** What `head` reports about one object. */
export interface ObjectMeta {
  readonly path: string;
  readonly size: number;
  /** Last modification time in milliseconds since the epoch. */
  readonly lastModified: number;
}

/** Byte storage with range reads; implemented by `LocalObjectStore` (and S3 later). */
export interface ObjectStore {
  /** Size and modification time; LochError 58030 when the object does not exist. */
  head(path: string): Promise<ObjectMeta>;
  /** `length` bytes starting at `offset`; LochError XX001 when the object is shorter. */
  getRange(path: string, offset: number, length: number): Promise<Uint8Array>;
  /** Every object whose key starts with `prefix`, sorted by path. */
  list(prefix: string): Promise<ObjectMeta[]>;
  /** Creates or replaces an object atomically (readers never see a partial object). */
  put(path: string, bytes: Uint8Array): Promise<void>;
  /** Creates the object only if it does not exist; false when it already existed. */
  putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean>;
  /** Removes an object; removing a missing object is not an error. */
  delete(path: string): Promise<void>;
  /**
   * Optional fast path: reads `ranges` of one object back to back into `target`
   * from `targetOffset` on, without intermediate buffers (local files). Readers
   * fall back to `getRange` when a store does not have it.
   */
  readRangesInto?(path: string, ranges: readonly ByteRange[], target: Uint8Array, targetOffset: number): Promise<void>;
}

/** A byte range of an object. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}
