/**
 * When each commit happened: `commitInfo.inCommitTimestamp` when the table has
 * in-commit timestamps (PROTOCOL.md "In-Commit Timestamps"), else the commit
 * file's modification time. Used by timestamp time travel, DESCRIBE HISTORY and
 * the change data feed's `_commit_timestamp`.
 */
import type { DeltaAction } from './delta-actions.ts';
import type { DeltaLocation } from './delta-location.ts';
import type { LogListing } from './delta-log-listing.ts';
import { readJsonActions } from './delta-log-files.ts';

/** Version → commit timestamp (ms since the epoch) for every commit file in the listing. */
export async function commitTimestamps(loc: DeltaLocation, listing: LogListing): Promise<Map<number, number>> {
  const entries = [...listing.commits.entries()];
  const times = await Promise.all(entries.map(async ([, meta]) => {
    const actions = await readJsonActions(loc.store, meta.path);
    return commitTimestampOf(actions, meta.lastModified);
  }));
  return new Map(entries.map(([v], i) => [v, times[i]!]));
}

/** The timestamp of one commit from its actions, falling back to the file time. */
export function commitTimestampOf(actions: readonly DeltaAction[], fileTime: number): number {
  for (const a of actions) {
    if (a.kind !== 'commitInfo') continue;
    const ict = a.commitInfo.inCommitTimestamp;
    if (typeof ict === 'number') return ict;
  }
  return Math.floor(fileTime);
}
