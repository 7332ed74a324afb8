/**
 * `loadSnapshot`: the state of a Delta table at its newest version, at version N,
 * or at a timestamp.
 *
 *   list _delta_log ─► newest complete checkpoint ≤ N ─► commits (or compactions) after it ─► replay ─► protocol check
 *
 * Commits after the checkpoint must be contiguous up to N; a log compaction file
 * `x.y.compacted.json` stands in for commits x..y when it lies wholly in the range.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { DeltaAction } from './delta-actions.ts';
import { type DeltaLocation, decodePath } from './delta-location.ts';
import { type LogListing, chooseCheckpoint, latestVersion, listLog, logKey } from './delta-log-listing.ts';
import { readCheckpointFile, readJsonActions, readParquetActions } from './delta-log-files.ts';
import { LogReplayer, type ReplayedState } from './delta-log-replay.ts';
import { checkReadProtocol } from './delta-protocol-check.ts';
import { commitTimestamps } from './commit-timestamps.ts';
import { newestCachedState, rememberSnapshot } from './snapshot-cache.ts';

/** Which version to load: newest (default), a version, or the newest at or before a timestamp. */
export interface SnapshotSelector {
  readonly version?: number;
  /** ISO-8601 timestamp or anything `Date.parse` accepts (without zone: UTC). */
  readonly timestamp?: string;
}

/** A table version: replayed state plus where it lives and what produced it. */
export interface DeltaSnapshot extends ReplayedState {
  readonly location: DeltaLocation;
  /** The checkpoint replay started from, if any. */
  readonly checkpointVersion: number | undefined;
}

/** Loads the snapshot selected by `selector` (LochError 42P01/22023/0A000 as appropriate). */
export async function loadSnapshot(loc: DeltaLocation, selector: SnapshotSelector = {}): Promise<DeltaSnapshot> {
  if (selector.timestamp === undefined) {
    // The newest version this process already replayed, checked against the log (snapshot-cache.ts).
    const cached = await newestCachedState(loc);
    if (cached && (selector.version === undefined || selector.version === cached.state.version)) {
      return { ...cached.state, location: loc, checkpointVersion: cached.checkpointVersion };
    }
  }
  const listing = await listLog(loc);
  const latest = latestVersion(listing);
  if (latest === undefined) {
    throw new LochError(SqlState.undefinedTable, `"${loc.display}" is not a Delta table: it has no _delta_log entries`);
  }
  let version = latest;
  if (selector.version !== undefined && selector.timestamp !== undefined) {
    throw new LochError(SqlState.invalidParameterValue, `Delta table "${loc.display}": give a version or a timestamp to travel to, not both`);
  }
  if (selector.version !== undefined) {
    if (!Number.isInteger(selector.version) || selector.version < 0 || selector.version > latest) {
      throw new LochError(SqlState.invalidParameterValue, `Delta table "${loc.display}" has no version ${selector.version}; its versions end at ${latest}`);
    }
    version = selector.version;
  } else if (selector.timestamp !== undefined) {
    version = await versionAtTimestamp(loc, listing, selector.timestamp);
  }
  return replayTo(loc, listing, version, version === latest);
}

/** Replays the log of `listing` up to `version`; `newest` caches the result when it is the newest commit. */
export async function replayTo(loc: DeltaLocation, listing: LogListing, version: number, newest = false): Promise<DeltaSnapshot> {
  const checkpoint = chooseCheckpoint(listing, version);
  const replayer = new LogReplayer();
  let next = 0;
  if (checkpoint) {
    for (const actions of await Promise.all(checkpoint.keys.map((k) => readCheckpointFile(loc.store, k)))) {
      replayer.apply(actions);
      await applySidecars(loc, replayer, actions);
    }
    next = checkpoint.version + 1;
  }
  // Commit files (or compactions) next..version, fetched in parallel, applied in order.
  const steps: Array<{ key: string; to: number }> = [];
  while (next <= version) {
    const compaction = listing.compactions
      .filter((c) => c.from === next && c.to <= version)
      .sort((a, b) => b.to - a.to)[0];
    if (compaction && !everyCommitPresent(listing, next, compaction.to)) {
      steps.push({ key: compaction.key, to: compaction.to });
      next = compaction.to + 1;
      continue;
    }
    const commit = listing.commits.get(next);
    if (!commit) {
      if (compaction) { steps.push({ key: compaction.key, to: compaction.to }); next = compaction.to + 1; continue; }
      throw new LochError(SqlState.dataCorrupted,
        `Delta table "${loc.display}" cannot be read at version ${version}: commit ${next} is missing from _delta_log and no checkpoint covers it`);
    }
    steps.push({ key: commit.path, to: next });
    next++;
  }
  const loaded = await Promise.all(steps.map((s) => readJsonActions(loc.store, s.key)));
  for (const actions of loaded) replayer.apply(actions);
  const state = replayer.state(version, loc.display);
  checkReadProtocol(state.protocol, loc.display, version);
  const commit = listing.commits.get(version);
  if (newest && commit) rememberSnapshot(loc, { replayer, version, commit, checkpointVersion: checkpoint?.version });
  return { ...state, location: loc, checkpointVersion: checkpoint?.version };
}

/** Compaction files are an optimization: use real commits when all are there (they carry commitInfo). */
function everyCommitPresent(listing: LogListing, from: number, to: number): boolean {
  for (let v = from; v <= to; v++) if (!listing.commits.has(v)) return false;
  return true;
}

/** V2 checkpoints (and classic-named ones written under v2Checkpoint) list sidecar files with the file actions. */
async function applySidecars(loc: DeltaLocation, replayer: LogReplayer, actions: readonly DeltaAction[]): Promise<void> {
  const sidecars = actions.filter((a) => a.kind === 'sidecar');
  const loaded = await Promise.all(sidecars.map((s) => readParquetActions(loc.store, sidecarKey(loc, s.sidecar.path))));
  for (const a of loaded) replayer.apply(a);
}

/**
 * Sidecars always live in _delta_log/_sidecars (PROTOCOL.md "Sidecar Files"); writers should
 * store the bare file name but may store a longer path or URI, so only its last segment counts.
 */
export function sidecarKey(loc: DeltaLocation, path: string): string {
  return logKey(loc, `_sidecars/${decodePath(path.slice(path.lastIndexOf('/') + 1))}`);
}

/** The newest version whose commit timestamp is at or before `timestamp`. */
async function versionAtTimestamp(loc: DeltaLocation, listing: LogListing, timestamp: string): Promise<number> {
  const target = parseTimestampMillis(timestamp, loc.display);
  const times = await commitTimestamps(loc, listing);
  let best: number | undefined;
  for (const [v, t] of times) if (t <= target && (best === undefined || v > best)) best = v;
  if (best === undefined) {
    const first = [...times.entries()].sort((a, b) => a[0] - b[0])[0];
    throw new LochError(SqlState.invalidParameterValue,
      `Delta table "${loc.display}" has no version at or before ${timestamp}${first ? `; its earliest available commit (version ${first[0]}) is at ${new Date(first[1]).toISOString()}` : ''}`);
  }
  return best;
}

function parseTimestampMillis(text: string, table: string): number {
  const s = text.trim();
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`;
  const ms = Date.parse(/^\d{4}-\d\d-\d\d$/.test(s) ? `${s}T00:00:00Z` : withZone);
  if (Number.isNaN(ms)) throw new LochError(SqlState.invalidDatetimeFormat, `"${text}" is not a timestamp to travel Delta table "${table}" to`);
  return ms;
}
