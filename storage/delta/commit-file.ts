/**
 * Writing log files so they appear whole or not at all, and a commit never
 * replaces another writer's commit (PROTOCOL.md "Creation of New Log Entries").
 *
 * On local disk the bytes go to a temporary file first and are then hard-linked
 * to the commit name: link(2) is atomic and fails with EEXIST when the name is
 * taken, so a concurrent reader (or a writer that lost the race and reads the
 * winner) never sees a half-written commit, and a process killed mid-write leaves
 * only a temporary file. Temporary files live in `<table>/_loch_tmp/`, outside
 * `_delta_log/`: a concurrent log listing must never meet a file that vanishes
 * between its readdir and its stat. Checkpoints and `_last_checkpoint` are renamed
 * into place the same way. Other stores use `putIfAbsent` (S3 If-None-Match: *) and `put`.
 */
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ObjectStore } from '../object-store/object-store.ts';
import type { DeltaAction } from './delta-actions.ts';
import type { DeltaLocation } from './delta-location.ts';
import { logKey } from './delta-log-listing.ts';
import { readJsonActions } from './delta-log-files.ts';
import { LocalObjectStore, ioError } from '../object-store/local-object-store.ts';

/** Creates log file `key` with `bytes` unless it exists; false when another writer got there first. */
export async function putCommitIfAbsent(store: ObjectStore, key: string, bytes: Uint8Array): Promise<boolean> {
  if (!(store instanceof LocalObjectStore)) return store.putIfAbsent(key, bytes);
  const full = store.resolve(key);
  const tmp = await tempFile(full, bytes);
  try {
    await link(tmp, full).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      await mkdir(nodePath.dirname(full), { recursive: true }); // _delta_log/ went away after _loch_tmp/ was made
      await link(tmp, full);
    });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw ioError(e, full);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Creates or replaces log file `key` atomically (checkpoints, `_last_checkpoint`). */
export async function putLogFile(store: ObjectStore, key: string, bytes: Uint8Array): Promise<void> {
  if (!(store instanceof LocalObjectStore)) return store.put(key, bytes);
  const full = store.resolve(key);
  const tmp = await tempFile(full, bytes);
  try {
    await rename(tmp, full).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      await mkdir(nodePath.dirname(full), { recursive: true });
      await rename(tmp, full);
    });
  } catch (e) {
    await rm(tmp, { force: true });
    throw ioError(e, full);
  }
}

/** Writes `bytes` to a fresh file in `<table>/_loch_tmp/` (the log file's `_delta_log/` parent is the table). */
async function tempFile(full: string, bytes: Uint8Array): Promise<string> {
  const logDir = nodePath.dirname(full);
  const tmpDir = nodePath.join(nodePath.dirname(logDir), '_loch_tmp');
  const tmp = nodePath.join(tmpDir, `${nodePath.basename(full)}.${randomBytes(6).toString('hex')}`);
  try {
    // Both folders exist after the table's first commit: create them only when the write says so.
    await writeFile(tmp, bytes, { flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      await mkdir(logDir, { recursive: true });
      await mkdir(tmpDir, { recursive: true });
      await writeFile(tmp, bytes, { flag: 'wx' });
    });
    return tmp;
  } catch (e) {
    await rm(tmp, { force: true });
    throw ioError(e, full);
  }
}

/** `00000000000000000042.json`. */
export function commitName(version: number): string {
  return `${String(version).padStart(20, '0')}.json`;
}

/** Reads the winning commit; a file seen before its bytes are complete (stores without atomic create) is re-read. */
export async function readWinner(loc: DeltaLocation, version: number): Promise<DeltaAction[]> {
  for (let i = 0; ; i++) {
    try {
      return await readJsonActions(loc.store, logKey(loc, commitName(version)));
    } catch (e) {
      if (i >= 20) throw e;
      await new Promise((r) => setTimeout(r, 5 * (i + 1)));
    }
  }
}
