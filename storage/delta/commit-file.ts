/**
 * Writing a commit file so that it appears whole or not at all, and never
 * replaces another writer's commit (PROTOCOL.md "Creation of New Log Entries").
 *
 * On local disk the bytes go to a hidden temporary file in _delta_log first and
 * are then hard-linked to the commit name: link(2) fails with EEXIST when the
 * name is taken and is atomic, so a concurrent reader (or a writer that lost the
 * race and reads the winner) never sees a half-written commit, and a process
 * killed mid-write leaves only an ignored temporary file. Other stores use their
 * own `putIfAbsent` (S3 If-None-Match: *).
 */
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ObjectStore } from '../object-store/object-store.ts';
import { LocalObjectStore, ioError } from '../object-store/local-object-store.ts';

/** Creates `key` with `bytes` unless it exists; false when another writer got there first. */
export async function putCommitIfAbsent(store: ObjectStore, key: string, bytes: Uint8Array): Promise<boolean> {
  if (!(store instanceof LocalObjectStore)) return store.putIfAbsent(key, bytes);
  const full = store.resolve(key);
  const tmp = nodePath.join(nodePath.dirname(full), `.${nodePath.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(nodePath.dirname(full), { recursive: true });
    await writeFile(tmp, bytes);
    await link(tmp, full);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw ioError(e, full);
  } finally {
    await rm(tmp, { force: true });
  }
}
