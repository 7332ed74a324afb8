/**
 * Listing `_delta_log/` and classifying its files (PROTOCOL.md "Delta Log Entries").
 *
 *   00000000000000000007.json                              commit 7
 *   00000000000000000010.checkpoint.parquet                classic checkpoint
 *   00000000000000000010.checkpoint.0000000001.0000000002.parquet   multi-part (part 1 of 2)
 *   00000000000000000010.checkpoint.<uuid>.json|parquet     V2 (UUID-named) checkpoint
 *   00000000000000000004.00000000000000000006.compacted.json        log compaction of 4..6
 *   _last_checkpoint                                       a hint only
 *
 * Everything else (.crc files, temp files, _sidecars/, _commits/) is ignored here.
 */
import type { ObjectMeta } from '../object-store/object-store.ts';
import { type DeltaLocation, readText, tableKey } from './delta-location.ts';

/** A complete checkpoint: every part present. */
export interface CheckpointFiles {
  readonly version: number;
  readonly kind: 'classic' | 'multi-part' | 'v2';
  /** Store keys, in part order. */
  readonly keys: readonly string[];
}

/** A log compaction file covering commits `from`..`to` inclusive. */
export interface CompactionFile {
  readonly from: number;
  readonly to: number;
  readonly key: string;
}

/** The classified contents of `_delta_log/`. */
export interface LogListing {
  /** Commit files by version. */
  readonly commits: ReadonlyMap<number, ObjectMeta>;
  /** Complete checkpoints, oldest first. */
  readonly checkpoints: readonly CheckpointFiles[];
  readonly compactions: readonly CompactionFile[];
  /** The version `_last_checkpoint` names, when it is readable (a hint, never trusted alone). */
  readonly lastCheckpointHint: number | undefined;
}

const COMMIT = /^(\d{20})\.json$/;
const CLASSIC = /^(\d{20})\.checkpoint\.parquet$/;
const MULTI = /^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$/;
const V2 = /^(\d{20})\.checkpoint\.([0-9a-fA-F-]{36})\.(json|parquet)$/;
const COMPACTED = /^(\d{20})\.(\d{20})\.compacted\.json$/;

/** The key of the log folder of a table. */
export function logKey(loc: DeltaLocation, name = ''): string {
  return tableKey(loc, `_delta_log/${name}`);
}

/** Lists and classifies the log; incomplete multi-part checkpoints are dropped. */
export async function listLog(loc: DeltaLocation): Promise<LogListing> {
  const prefix = logKey(loc);
  const objects = await loc.store.list(prefix);
  const commits = new Map<number, ObjectMeta>();
  const checkpoints: CheckpointFiles[] = [];
  const compactions: CompactionFile[] = [];
  const parts = new Map<string, { version: number; count: number; keys: Map<number, string> }>();
  let hasHint = false;
  for (const o of objects) {
    const name = o.path.slice(prefix.length);
    if (name.includes('/')) continue;
    let m: RegExpExecArray | null;
    if ((m = COMMIT.exec(name))) commits.set(Number(m[1]), o);
    else if ((m = CLASSIC.exec(name))) checkpoints.push({ version: Number(m[1]), kind: 'classic', keys: [o.path] });
    else if ((m = V2.exec(name))) checkpoints.push({ version: Number(m[1]), kind: 'v2', keys: [o.path] });
    else if ((m = MULTI.exec(name))) {
      const id = `${m[1]}/${Number(m[3])}`;
      let group = parts.get(id);
      if (!group) parts.set(id, group = { version: Number(m[1]), count: Number(m[3]), keys: new Map() });
      group.keys.set(Number(m[2]), o.path);
    } else if ((m = COMPACTED.exec(name))) compactions.push({ from: Number(m[1]), to: Number(m[2]), key: o.path });
    else if (name === '_last_checkpoint') hasHint = true;
  }
  for (const g of parts.values()) {
    if (g.keys.size !== g.count) continue; // a writer died mid-checkpoint: unusable
    const keys: string[] = [];
    for (let p = 1; p <= g.count; p++) keys.push(g.keys.get(p)!);
    checkpoints.push({ version: g.version, kind: 'multi-part', keys });
  }
  checkpoints.sort((a, b) => a.version - b.version);
  return { commits, checkpoints, compactions, lastCheckpointHint: hasHint ? await readHint(loc) : undefined };
}

/** `_last_checkpoint`'s version, or undefined when empty, unreadable or malformed. */
async function readHint(loc: DeltaLocation): Promise<number | undefined> {
  try {
    const parsed = JSON.parse(await readText(loc.store, logKey(loc, '_last_checkpoint'))) as { version?: unknown };
    return typeof parsed.version === 'number' && Number.isInteger(parsed.version) ? parsed.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The newest complete checkpoint at or below `version`. The listing decides:
 * `_last_checkpoint` may be missing, empty or stale (pointing at an older or a
 * vanished checkpoint), so it is never taken on its own word.
 */
export function chooseCheckpoint(listing: LogListing, version: number): CheckpointFiles | undefined {
  let best: CheckpointFiles | undefined;
  for (const c of listing.checkpoints) {
    if (c.version > version) break;
    // At one version prefer a V2 checkpoint, then multi-part, then classic (all are complete).
    if (!best || c.version > best.version || rank(c) > rank(best)) best = c;
  }
  return best;
}

function rank(c: CheckpointFiles): number {
  return c.kind === 'v2' ? 2 : c.kind === 'multi-part' ? 1 : 0;
}

/** The newest version the log can reconstruct (newest commit, or newest checkpoint if newer). */
export function latestVersion(listing: LogListing): number | undefined {
  let latest: number | undefined;
  for (const v of listing.commits.keys()) if (latest === undefined || v > latest) latest = v;
  for (const c of listing.checkpoints) if (latest === undefined || c.version > latest) latest = c.version;
  for (const c of listing.compactions) if (latest === undefined || c.to > latest) latest = c.to;
  return latest;
}
