/**
 * The newest snapshot of each table this process has read, kept in memory so that a
 * stream of small commits (one per single-row INSERT) does not list `_delta_log/` and
 * replay it from the last checkpoint every time (issue 6).
 *
 *   cached (version v, meta of v.json, replayer) ─► head v.json: same size and mtime?
 *       no  ─► forget the entry (table dropped/recreated, log rewritten): full replay
 *       yes ─► head v+1.json, v+2.json, … : read and apply each one present
 *              the first missing one ─► the entry is the newest version
 *
 * A stale snapshot is never served: another process's commit is seen by the head of
 * the next version (log cleanup deletes old commits first, so v.json existing unchanged
 * means nothing newer was cleaned away). Only the newest version is cached; older
 * versions (time travel) replay from the log as before.
 */
import type { ObjectMeta, ObjectStore } from '../object-store/object-store.ts';
import { LocalObjectStore } from '../object-store/local-object-store.ts';
import type { DeltaLocation } from './delta-location.ts';
import { logKey } from './delta-log-listing.ts';
import { parseJsonActions } from './delta-log-files.ts';
import type { LogReplayer } from './delta-log-replay.ts';
import { checkReadProtocol } from './delta-protocol-check.ts';

/** A snapshot as the cache hands it out (delta-snapshot.ts's DeltaSnapshot without the import cycle). */
export interface CachedSnapshotParts {
  readonly replayer: LogReplayer;
  readonly version: number;
  /** `head` of the commit file of `version`. */
  readonly commit: ObjectMeta;
  /** Newest checkpoint known to exist (replay start, or one this process wrote). */
  readonly checkpointVersion: number | undefined;
}

interface Entry {
  replayer: LogReplayer;
  version: number;
  commit: ObjectMeta;
  checkpointVersion: number | undefined;
  /** The state at `version`, built once per version (snapshots are immutable). */
  state: ReturnType<LogReplayer['state']> | undefined;
}

const MAX_TABLES = 64;
const entries = new Map<string, Entry>();
const storeIds = new WeakMap<ObjectStore, number>();
let nextStoreId = 0;

/** One key per table: local stores by directory (a new store object per statement), others by identity. */
function cacheKey(loc: DeltaLocation): string {
  if (loc.store instanceof LocalObjectStore) return `file:${loc.store.root}\u0000${loc.root}`;
  let id = storeIds.get(loc.store);
  if (id === undefined) storeIds.set(loc.store, id = nextStoreId++);
  return `store:${id}\u0000${loc.root}`;
}

/** `00000000000000000042.json` (commit-file.ts has the same; importing it would make a cycle). */
function commitKey(loc: DeltaLocation, version: number): string {
  return logKey(loc, `${String(version).padStart(20, '0')}.json`);
}

/** True when a `head` error means the object does not exist. */
function isMissing(e: unknown): boolean {
  const cause = (e as { cause?: { code?: unknown } }).cause;
  if (cause?.code === 'ENOENT') return true;
  return e instanceof Error && /does not exist|not found|NoSuchKey|404/i.test(e.message);
}

async function headOrMissing(store: ObjectStore, key: string): Promise<ObjectMeta | undefined> {
  try {
    return await store.head(key);
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/** Remembers the replayed newest version of a table (its replayer is owned by the cache from now on). */
export function rememberSnapshot(loc: DeltaLocation, parts: CachedSnapshotParts): void {
  const key = cacheKey(loc);
  entries.delete(key);
  entries.set(key, { ...parts, state: undefined });
  if (entries.size > MAX_TABLES) entries.delete(entries.keys().next().value!);
}

/** Forgets a table (DROP, or a log this process rewrote outside commits). */
export function forgetSnapshot(loc: DeltaLocation): void {
  entries.delete(cacheKey(loc));
}

/** Notes a checkpoint this process wrote at `version`. */
export function noteCheckpoint(loc: DeltaLocation, version: number): void {
  const e = entries.get(cacheKey(loc));
  if (e && version <= e.version && (e.checkpointVersion === undefined || version > e.checkpointVersion)) e.checkpointVersion = version;
}

/**
 * The newest state of a cached table, brought up to date with the commits written since
 * (by anyone); undefined when the table is not cached or the cache cannot vouch for it.
 */
export async function newestCachedState(loc: DeltaLocation): Promise<{ state: ReturnType<LogReplayer['state']>; checkpointVersion: number | undefined } | undefined> {
  const key = cacheKey(loc);
  const e = entries.get(key);
  if (!e) return undefined;
  try {
    const now = await headOrMissing(loc.store, commitKey(loc, e.version));
    if (!now || now.size !== e.commit.size || now.lastModified !== e.commit.lastModified) {
      entries.delete(key);
      return undefined;
    }
    for (;;) {
      const v = e.version + 1;
      const k = commitKey(loc, v);
      const meta = await headOrMissing(loc.store, k);
      if (!meta) break;
      const bytes = meta.size === 0 ? new Uint8Array(0) : await loc.store.getRange(k, 0, meta.size);
      const actions = parseJsonActions(new TextDecoder().decode(bytes), k);
      if (entries.get(key) !== e || e.version !== v - 1) return undefined; // a concurrent refresh moved it: let the caller replay
      applyCommit(e, actions, v, meta);
    }
  } catch {
    entries.delete(key);
    return undefined;
  }
  if (!e.state) {
    e.state = e.replayer.state(e.version, loc.display);
    checkReadProtocol(e.state.protocol, loc.display, e.version);
  }
  return { state: e.state, checkpointVersion: e.checkpointVersion };
}

/** Moves entry `e` to `version` by that commit's actions (its snapshot state is rebuilt on next use). */
function applyCommit(e: Entry, actions: Parameters<LogReplayer['apply']>[0], version: number, commit: ObjectMeta): void {
  e.replayer.apply(actions);
  e.version = version;
  e.commit = commit;
  e.state = undefined;
}

/**
 * Advances a cached table by a commit this process just wrote at `version` with `text`
 * (saves reading it back); nothing happens unless the entry is at `version - 1`.
 */
export async function advanceSnapshot(loc: DeltaLocation, version: number, text: string): Promise<void> {
  const key = cacheKey(loc);
  const e = entries.get(key);
  if (!e || e.version !== version - 1) return;
  const k = commitKey(loc, version);
  try {
    const meta = await loc.store.head(k);
    const actions = parseJsonActions(text, k);
    if (entries.get(key) !== e || e.version !== version - 1) return;
    applyCommit(e, actions, version, meta);
  } catch {
    entries.delete(key);
  }
}
