/**
 * Streams a file through one reusable byte window, so memory stays bounded by
 * the chunk size (plus the longest record) however big the file is.
 *
 *   buf: [ consumed | pos … unconsumed … len | free ]
 *   fill(): moves [pos, len) to the front, then reads into the free space,
 *           doubling the window only when one record is larger than it.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { LochError, SqlState } from '../core/index.ts';

/** Default window: 1 MiB. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

export class ChunkReader {
  readonly path: string;
  buf: Uint8Array;
  /** Start of unconsumed bytes. */
  pos = 0;
  /** End of valid bytes. */
  len = 0;
  /** True once the file is exhausted (buf[pos, len) is the rest). */
  eof = false;
  private readonly handle: FileHandle;

  private constructor(path: string, handle: FileHandle, chunkBytes: number) {
    this.path = path;
    this.handle = handle;
    this.buf = new Uint8Array(chunkBytes);
  }

  static async open(path: string, chunkBytes = DEFAULT_CHUNK_BYTES): Promise<ChunkReader> {
    try {
      return new ChunkReader(path, await open(path, 'r'), chunkBytes);
    } catch (e) {
      throw fileError(path, e);
    }
  }

  /** Reads more bytes after compacting; returns false when nothing more could be read. */
  async fill(): Promise<boolean> {
    if (this.eof) return false;
    if (this.pos > 0) {
      this.buf.copyWithin(0, this.pos, this.len);
      this.len -= this.pos;
      this.pos = 0;
    }
    if (this.len === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    let bytesRead: number;
    try {
      ({ bytesRead } = await this.handle.read(this.buf, this.len, this.buf.length - this.len, null));
    } catch (e) {
      throw fileError(this.path, e);
    }
    if (bytesRead === 0) {
      this.eof = true;
      return false;
    }
    this.len += bytesRead;
    return true;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** A LochError for a file that cannot be opened or read (58P01 when missing, else 58030). */
export function fileError(path: string, e: unknown): LochError {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOENT') return new LochError('58P01', `could not open file "${path}": No such file or directory`, { cause: e });
  const message = e instanceof Error ? e.message : String(e);
  return new LochError(SqlState.ioError, `could not read file "${path}": ${message}`, { cause: e });
}
