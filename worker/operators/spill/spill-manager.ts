/**
 * The spill directory of one query execution (or one distributed task).
 *
 * The directory is created lazily, on the first spill, under the system temp
 * folder (or `root`), so queries that never spill touch no disk. `close()`
 * removes it with everything in it; executors call it when the result stream
 * ends, fails or is cancelled. Counters feed EXPLAIN ANALYZE and tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates spill file paths in a per-execution temp directory and removes them all at the end. */
export class SpillManager {
  private readonly root: string;
  private dir: string | null = null;
  private nextFile = 0;
  private closed = false;
  /** Bytes written to spill files so far. */
  bytesSpilled = 0;
  /** Spill files created so far. */
  filesCreated = 0;

  constructor(root: string = tmpdir()) { this.root = root; }

  /** The directory, or null before the first spill file (and after close). */
  get directory(): string | null { return this.dir; }

  /** A fresh file path in the spill directory (creating the directory on first use). */
  newFilePath(label: string): string {
    if (this.closed) throw new Error('spill manager used after close');
    if (this.dir === null) this.dir = mkdtempSync(join(this.root, 'loch-spill-'));
    this.filesCreated++;
    return join(this.dir, `${label}-${this.nextFile++}.arrows`);
  }

  /** Removes the spill directory and every file in it; safe to call twice. */
  close(): void {
    this.closed = true;
    if (this.dir !== null) {
      rmSync(this.dir, { recursive: true, force: true });
      this.dir = null;
    }
  }
}
