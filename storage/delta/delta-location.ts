/**
 * Where a Delta table lives: an ObjectStore and the table's root key in it.
 * Every log and data path is resolved here, so the rest of storage/delta never
 * joins strings or decodes URIs itself.
 */
import { fileURLToPath } from 'node:url';
import * as nodePath from 'node:path';
import { LochError, SqlState } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import { LocalObjectStore } from '../object-store/local-object-store.ts';
import { isRemoteUrl, resolveStore } from '../object-store/store-registry.ts';

/** A table root inside a store; `root` is '' or a key prefix without a trailing '/'. */
export interface DeltaLocation {
  readonly store: ObjectStore;
  readonly root: string;
  /** How the table is named in messages (the location the user gave). */
  readonly display: string;
}

/** A table at a local directory or file:// URI, or at `location` (a key prefix) inside `store`. */
export function deltaLocation(location: string, store?: ObjectStore): DeltaLocation {
  if (store) return { store, root: location.replace(/^\/+|\/+$/g, ''), display: location };
  if (isRemoteUrl(location)) {
    // s3://bucket/path: the store configured for the scheme (store-registry.ts).
    const { store: remote, key } = resolveStore(location);
    return { store: remote, root: key, display: location };
  }
  const dir = location.startsWith('file:') ? fileURLToPath(location) : location;
  return { store: new LocalObjectStore(nodePath.resolve(dir)), root: '', display: location };
}

/** The store key of a path relative to the table root. */
export function tableKey(loc: DeltaLocation, relative: string): string {
  return loc.root === '' ? relative : `${loc.root}/${relative}`;
}

/**
 * The store key of an `add`/`remove`/`cdc` path: relative paths are URI-encoded
 * relative to the table root and decoded exactly once (PROTOCOL.md "Add File and
 * Remove File"); absolute file:// URIs are allowed for local stores.
 */
export function dataFileKey(loc: DeltaLocation, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    if (path.startsWith('file:')) return fileURLToPath(path);
    throw new LochError(SqlState.featureNotSupported, `Delta table "${loc.display}" references data file "${path}" in another store; only paths relative to the table are supported`);
  }
  return tableKey(loc, decodePath(path));
}

/** Decodes a URI-encoded log path once (a lone '%' is kept: some writers do not encode it). */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Reads a whole object. */
export async function readObject(store: ObjectStore, key: string): Promise<Uint8Array> {
  const { size } = await store.head(key);
  return size === 0 ? new Uint8Array(0) : store.getRange(key, 0, size);
}

const utf8 = new TextDecoder();

/** Reads a whole object as UTF-8 text. */
export async function readText(store: ObjectStore, key: string): Promise<string> {
  return utf8.decode(await readObject(store, key));
}
