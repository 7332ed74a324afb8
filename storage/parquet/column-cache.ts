/**
 * A process-wide cache of decoded Parquet columns (what Databricks' disk cache
 * and Spark's CACHE TABLE give their users): the Parquet reader asks it before
 * range-reading and decoding a column chunk, and stores what it decoded.
 *
 *   key:   file identity  (store + absolute location, size, modification time,
 *                          a hash of the footer bytes)
 *          + decode unit  (the row groups decoded together) + leaf column + batch size
 *   value: the decoded arrow.Data batches of that column chunk, in Loch's layout
 *
 * A rewritten file changes its size, modification time or footer, so its key
 * changes and the old entries are never served (they age out); Delta data files
 * are immutable and uniquely named, so a file key also pins a table version.
 * Eviction is least-recently-used by bytes, under a limit that defaults to 25% of
 * the V8 heap limit (`LOCH_COLUMN_CACHE_BYTES` or `configureColumnCache` change it;
 * 0 turns the cache off).
 *
 * In a worker process the index lives in the main thread and is shared by its task
 * threads (column-cache-port.ts): a thread asks it for the columns of a file before
 * decoding and gets them as views on SharedArrayBuffers (shared-column.ts, no copy);
 * what it decodes it copies once into shared memory and hands to the index. So a task
 * finds what any task of the same worker decoded, whichever thread it lands on, and the
 * decoded data is held once per worker, not once per thread. The worker clears its index
 * on CLEAR CACHE (a new cache epoch in the tasks' settings).
 */
import nodePath from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type * as arrow from 'apache-arrow';
import type { ObjectStore } from '../object-store/object-store.ts';
import { type SharedColumn, fromSharedColumn, shareable, sharedColumnBytes, toSharedColumn } from './shared-column.ts';
import { releaseSharedBuffer, sizeClass, takeSharedBuffer, trimFreeSharedBuffers } from './shared-memory-pool.ts';

/** Counters of the column cache since the process started (or the last reset). */
export interface ColumnCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
}

/** What identifies one version of one Parquet file. */
export interface CachedFileIdentity {
  readonly store: ObjectStore;
  readonly path: string;
  readonly size: number;
  readonly lastModified: number | undefined;
  readonly fingerprint: number | undefined;
}

interface Entry {
  readonly location: string;
  readonly bytes: number;
  /** The batches as this thread's arrow.Data (decoded here, or rebuilt from `shared` on first use). */
  data?: readonly arrow.Data[];
  /** The batches in shared memory (decoded by a task thread, or shared for one on first request). */
  shared?: SharedColumn;
  /** `data` views `shared` (this thread scanned it): its buffer is never reused. */
  viewed?: boolean;
  /** The query (job) that last stored or read it, in a worker's shared index (admission below). */
  job?: string;
}

const DEFAULT_FRACTION = 0.25;

function defaultLimit(): number {
  const env = process.env.LOCH_COLUMN_CACHE_BYTES;
  if (env !== undefined && env.trim() !== '' && Number.isFinite(Number(env))) return Math.max(0, Number(env));
  return Math.floor(getHeapStatistics().heap_size_limit * DEFAULT_FRACTION);
}

// A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
const entries = new Map<string, Entry>();
let maxBytes = defaultLimit();
let bytes = 0;
/** Bytes admitted to the shared index whose columns are still being decoded (reserveSharedColumn). */
let reserved = 0;
let hits = 0, misses = 0, evictions = 0;

/**
 * Where a task thread's cache lives when it is not this thread's own index: the worker
 * process's main thread, asked over a port (column-cache-port.ts). Undefined: the local index.
 */
export interface RemoteColumnCache {
  readonly maxBytes: number;
  /**
   * The cached columns of `keys` and, for each miss with a size bound (`bounds[i]` > 0), whether
   * the cache has room for it: a grant to decode it straight into shared memory.
   */
  get(keys: readonly string[], bounds?: readonly number[]): Promise<ColumnLookup>;
  /** Copies `data` (shareable) into shared memory of `size` bytes (a size class) and hands it to the cache. */
  put(key: string, location: string, data: readonly arrow.Data[], size: number): void;
  /** Hands a column decoded into a grant's buffer to the cache (no copy). */
  putDecoded(key: string, location: string, column: SharedColumn): void;
  /** Gives back a grant that was not used (or whose column did not fit its buffer). */
  dropGrant(grant: DecodeGrant): void;
}

/** Room in a worker's cache granted to a miss before it is decoded: decode into `buffer` (`size` bytes, released by an evicted entry, or new). */
export interface DecodeGrant {
  readonly size: number;
  readonly buffer: SharedArrayBuffer;
}

/** The answer to one lookup: per key its cached column, or (a miss) a grant to decode it into shared memory. */
export interface ColumnLookup {
  readonly columns: readonly (SharedColumn | undefined)[];
  readonly grants: readonly (DecodeGrant | undefined)[];
}

let remote: RemoteColumnCache | undefined;

/** Routes this thread's cache reads and writes to `cache` (a worker's task thread), or back to the local index. */
export function useRemoteColumnCache(cache: RemoteColumnCache | undefined): void {
  remote = cache;
}

/** Sets the cache's size limit in bytes (0 disables it); evicts down to the new limit. */
export function configureColumnCache(options: { readonly maxBytes: number }): void {
  maxBytes = Math.max(0, options.maxBytes);
  evictTo(maxBytes);
}

/** Removes every entry (CLEAR CACHE); returns how many there were. */
export function clearColumnCache(): number {
  const n = entries.size;
  for (const e of entries.values()) release(e);
  entries.clear();
  bytes = 0;
  return n;
}

/**
 * Removes the entries of files whose location (absolute path, or `s3://bucket/key`)
 * is `location` or lies under it (UNCACHE TABLE); returns how many were removed.
 */
export function uncacheColumns(locations: readonly string[]): number {
  const exact = new Set(locations.map(normalizeLocation));
  const prefixes = [...exact].map((l) => (l.endsWith('/') ? l : `${l}/`));
  let removed = 0;
  for (const [key, e] of entries) {
    if (exact.has(e.location) || prefixes.some((p) => e.location.startsWith(p))) {
      release(e);
      entries.delete(key);
      bytes -= e.bytes;
      removed++;
    }
  }
  return removed;
}

/** Current size, limit and hit/miss counters. */
export function columnCacheStats(): ColumnCacheStats {
  return { entries: entries.size, bytes, maxBytes, hits, misses, evictions };
}

/** Zeroes the hit/miss/eviction counters (benchmarks measure one query at a time). */
export function resetColumnCacheCounters(): void {
  hits = 0;
  misses = 0;
  evictions = 0;
}

/** A file's location as UNCACHE matches it: local paths absolute, remote ones as URLs. */
function normalizeLocation(location: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location) ? location : nodePath.resolve(location);
}

/** Where `path` of `store` is, independent of which store object reads it. */
function fileLocation(store: ObjectStore, path: string): string {
  const s = store as { root?: unknown; bucket?: unknown; prefix?: unknown };
  if (typeof s.root === 'string') return nodePath.resolve(s.root, path);
  if (typeof s.bucket === 'string') return `s3://${s.bucket}/${typeof s.prefix === 'string' ? s.prefix : ''}${path}`;
  return `${store.constructor.name}:${path}`;
}

/**
 * The cache key prefix of one file version, or null when the file cannot be
 * identified safely (no modification time or footer hash): such files are not cached.
 */
export function cachedFileKey(file: CachedFileIdentity): { key: string; location: string } | null {
  if ((remote?.maxBytes ?? maxBytes) <= 0 || file.lastModified === undefined || file.fingerprint === undefined) return null;
  const location = fileLocation(file.store, file.path);
  return { key: `${location}\u0000${file.size}\u0000${file.lastModified}\u0000${file.fingerprint}`, location };
}

/** The key of one column of one decode unit of a file (the batch size fixes the decoded layout). */
export function columnKey(fileKey: string, rowGroups: readonly number[], leaf: number, batchSize: number): string {
  return `${fileKey}\u0000${rowGroups.join(',')}\u0000${leaf}\u0000${batchSize}`;
}

/**
 * The cached batches of the columns `keys` (undefined: a miss), `types[i]` being the Arrow
 * type of column i. From the local index, or in a worker's task thread from the process's
 * shared cache (views on shared memory, no copy).
 */
export async function getCachedColumns(keys: readonly string[], types: readonly arrow.DataType[]): Promise<(readonly arrow.Data[] | undefined)[]> {
  return (await lookUpColumns(keys, types)).found;
}

/**
 * `getCachedColumns`, and for misses whose decoded size has a bound (`bounds[i]` > 0, from
 * decodedSizeBound) in a worker's task thread, a grant of shared memory to decode them into when
 * the worker's cache will keep them (each used grant goes back with `putDecodedColumn`, each
 * unused one with `dropDecodeGrant`).
 */
export async function lookUpColumns(keys: readonly string[], types: readonly arrow.DataType[], bounds?: readonly number[]): Promise<{
  found: (readonly arrow.Data[] | undefined)[]; grants: readonly (DecodeGrant | undefined)[];
}> {
  if (remote === undefined) return { found: keys.map((k, i) => localData(k, types[i]!)), grants: [] };
  const { columns, grants } = await remote.get(keys, bounds);
  return { found: columns.map((c, i) => (c === undefined ? undefined : fromSharedColumn(c, types[i]!))), grants };
}

/** Hands the cache a column decoded into a grant's buffer (shared-column.ts sharedColumnIn). */
export function putDecodedColumn(key: string, location: string, column: SharedColumn): void {
  remote?.putDecoded(key, location, column);
}

/** Gives back a grant that was not used. */
export function dropDecodeGrant(grant: DecodeGrant): void {
  remote?.dropGrant(grant);
}

function localData(key: string, type: arrow.DataType): readonly arrow.Data[] | undefined {
  const e = touch(key);
  if (e === undefined) return undefined;
  if (e.data === undefined) {
    e.data = fromSharedColumn(e.shared!, type);
    e.viewed = true;
  }
  return e.data;
}

/** The entry of `key`, counted as a hit (and made most recently used) or a miss. */
function touch(key: string): Entry | undefined {
  const e = entries.get(key);
  if (e === undefined) {
    misses++;
    return undefined;
  }
  hits++;
  entries.delete(key);
  entries.set(key, e);
  return e;
}

/** Stores a decoded column (callers must never mutate `data` afterwards), evicting the least recently used. */
export function putCachedColumn(key: string, location: string, data: readonly arrow.Data[]): void {
  if (remote !== undefined) {
    // Shared memory is only worth its copy when the worker's cache can keep it.
    const size = shareable(data) ? sizeClass(sharedColumnBytes(data)) : Infinity;
    if (size <= remote.maxBytes) remote.put(key, location, data, size);
    return;
  }
  store(key, { location, data, bytes: dataListBytes(data) });
}

/**
 * Serves a task thread's request from this (the worker's main) thread's index: the shared
 * form of each key's entry (built once for an entry decoded here), or undefined (a miss).
 */
export function getSharedColumns(keys: readonly string[], job?: string): (SharedColumn | undefined)[] {
  return keys.map((k) => {
    const e = touch(k);
    if (e === undefined) return undefined;
    if (job !== undefined) e.job = job;
    if (e.shared === undefined && e.data !== undefined && shareable(e.data)) e.shared = toSharedColumn(e.data);
    return e.shared;
  });
}

/**
 * Whether a column of `size` bytes that query `job` decoded may enter the worker's shared index
 * (asked before the task thread copies it into shared memory). It may while there is room, or
 * when the least recently used entry belongs to an earlier query. Once the cache holds only this
 * query's columns, a scan larger than the cache would evict its own earlier columns to store later
 * ones and read none of them back (each miss paying a copy into fresh shared memory): the cache
 * keeps what it holds instead, so a repeated scan finds that part (SF 10 lineitem on a worker with
 * a 1 GiB cache). A later query replaces the entries it does not read.
 */
export function admitsSharedColumn(size: number, job: string | undefined): boolean {
  if (size > maxBytes) return false;
  const over = bytes + reserved + size - maxBytes;
  if (job === undefined || over <= 0) return true;
  // Room made by evicting the least recently used entries, as long as they are earlier queries'.
  let older = 0;
  for (const e of entries.values()) {
    if (e.job === job) return false;
    older += e.bytes;
    if (older >= over) return true;
  }
  return false;
}

/**
 * `admitsSharedColumn`, and if admitted the room is held for the column until it is stored
 * (`putSharedColumn` with `reservedBytes`) or given up (`unreserveSharedColumn`): a scan asks
 * for all its misses at once, before any of them is stored.
 */
export function reserveSharedColumn(size: number, job: string | undefined): boolean {
  if (!admitsSharedColumn(size, job)) return false;
  reserved += size;
  return true;
}

/** Gives up room held by `reserveSharedColumn`. */
export function unreserveSharedColumn(size: number): void {
  reserved = Math.max(0, reserved - size);
}

/** A released shared buffer of `size` bytes for a task thread's next copy, or undefined. */
export function allocSharedBuffer(size: number): SharedArrayBuffer | undefined {
  return takeSharedBuffer(size);
}

/** Stores a column a task thread of query `job` decoded into shared memory (`reservedBytes`: room it held). */
export function putSharedColumn(key: string, location: string, column: SharedColumn, job?: string, reservedBytes = 0): void {
  unreserveSharedColumn(reservedBytes);
  store(key, { location, shared: column, bytes: column.bytes, ...(job !== undefined ? { job } : {}) });
}

function store(key: string, entry: Entry): void {
  if (entry.bytes > maxBytes) return;
  const old = entries.get(key);
  if (old) {
    release(old);
    entries.delete(key);
    bytes -= old.bytes;
  }
  evictTo(maxBytes - entry.bytes);
  trimFreeSharedBuffers(maxBytes - bytes - entry.bytes); // free buffers count against the limit too
  entries.set(key, entry);
  bytes += entry.bytes;
}

function evictTo(limit: number): void {
  for (const [key, e] of entries) {
    if (bytes <= limit) return;
    release(e);
    entries.delete(key);
    bytes -= e.bytes;
    evictions++;
  }
}

/** An entry leaves the cache: its shared buffer can be reused once no task may read it. */
function release(e: Entry): void {
  if (e.shared !== undefined && e.viewed !== true) releaseSharedBuffer(e.shared.buffer);
}

function dataListBytes(data: readonly arrow.Data[]): number {
  let n = 0;
  for (const d of data) n += dataBytes(d);
  return n;
}

/** Bytes held by an arrow.Data's buffers (children and dictionary included). */
function dataBytes(d: arrow.Data): number {
  let n = (d.values?.byteLength ?? 0) + (d.valueOffsets?.byteLength ?? 0) + (d.nullBitmap?.byteLength ?? 0) + (d.typeIds?.byteLength ?? 0);
  for (const c of d.children) n += dataBytes(c);
  if (d.dictionary) for (const c of d.dictionary.data) n += dataBytes(c);
  return n;
}

/** FNV-1a over bytes: a cheap fingerprint of a file's footer (statistics, offsets, sizes). */
export function footerFingerprint(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
