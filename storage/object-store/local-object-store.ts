/**
 * `LocalObjectStore`: an `ObjectStore` over a directory of the local file system.
 *
 * `put` writes `<path>.tmp-<random>` and renames it over the target, so a crash
 * never leaves a half-written object; `putIfAbsent` uses an exclusive create
 * (`wx`), which is what Delta commits need for their optimistic concurrency.
 */
import { open, readdir, rename, rm, stat, mkdir, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import { LochError, SqlState } from '../../core/index.ts';
import type { ByteRange, ObjectMeta, ObjectStore } from './object-store.ts';

/** Local directory store; `root` is an absolute or cwd-relative directory. */
export class LocalObjectStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  /** The file system path of a key (absolute keys are taken as they are). */
  resolve(path: string): string {
    return nodePath.isAbsolute(path) ? path : nodePath.join(this.root, path);
  }

  async head(path: string): Promise<ObjectMeta> {
    const full = this.resolve(path);
    try {
      const s = await stat(full);
      if (!s.isFile()) throw new LochError(SqlState.ioError, `"${full}" is not a file`);
      return { path, size: s.size, lastModified: s.mtimeMs };
    } catch (e) {
      throw ioError(e, full);
    }
  }

  async getRange(path: string, offset: number, length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    await this.readRangesInto(path, [{ offset, length }], out, 0);
    return out;
  }

  /** Reads the ranges back to back into `target` with one open file handle. */
  async readRangesInto(path: string, ranges: readonly ByteRange[], target: Uint8Array, targetOffset: number): Promise<void> {
    const full = this.resolve(path);
    let handle;
    try {
      handle = await open(full, 'r');
    } catch (e) {
      throw ioError(e, full);
    }
    try {
      let at = targetOffset;
      for (const { offset, length } of ranges) {
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(target, at + done, length - done, offset + done);
          if (bytesRead === 0) {
            throw new LochError(SqlState.dataCorrupted,
              `file "${full}" is truncated: wanted bytes ${offset}..${offset + length} but it ends at ${offset + done}`);
          }
          done += bytesRead;
        }
        at += length;
      }
    } finally {
      await handle.close();
    }
  }

  async list(prefix: string): Promise<ObjectMeta[]> {
    // List the deepest directory the prefix names, then filter by the full prefix.
    const slash = prefix.lastIndexOf('/');
    const dirKey = slash >= 0 ? prefix.slice(0, slash) : '';
    const out: ObjectMeta[] = [];
    await this.walk(dirKey, prefix, out);
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return out;
  }

  private async walk(dirKey: string, prefix: string, out: ObjectMeta[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(this.resolve(dirKey === '' ? '.' : dirKey), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return;
      throw ioError(e, this.resolve(dirKey));
    }
    for (const entry of entries) {
      const key = dirKey === '' ? entry.name : `${dirKey}/${entry.name}`;
      if (entry.isDirectory()) {
        if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await this.walk(key, prefix, out);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        // A file removed between readdir and stat (VACUUM or a writer's temp file) is simply not listed.
        const s = await stat(this.resolve(key)).catch((e: NodeJS.ErrnoException) => { if (e.code === 'ENOENT') return null; throw ioError(e, this.resolve(key)); });
        if (s) out.push({ path: key, size: s.size, lastModified: s.mtimeMs });
      }
    }
  }

  async put(path: string, bytes: Uint8Array): Promise<void> {
    const full = this.resolve(path);
    const tmp = `${full}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      await mkdir(nodePath.dirname(full), { recursive: true });
      await writeFile(tmp, bytes);
      await rename(tmp, full);
    } catch (e) {
      await rm(tmp, { force: true });
      throw ioError(e, full);
    }
  }

  async putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean> {
    const full = this.resolve(path);
    try {
      await mkdir(nodePath.dirname(full), { recursive: true });
      await writeFile(full, bytes, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw ioError(e, full);
    }
  }

  async delete(path: string): Promise<void> {
    try {
      await rm(this.resolve(path), { force: true });
    } catch (e) {
      throw ioError(e, this.resolve(path));
    }
  }
}

/** Maps a Node file system error to LochError 58030 naming the path. */
export function ioError(e: unknown, path: string): LochError {
  if (e instanceof LochError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const what = code === 'ENOENT' ? 'does not exist' : `cannot be accessed (${code ?? String(e)})`;
  return new LochError(SqlState.ioError, `file "${path}" ${what}`, { cause: e });
}
