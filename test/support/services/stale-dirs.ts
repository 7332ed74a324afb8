/**
 * Temp dirs of test services are named `<kind><owner pid>-…`; a service whose
 * owner was killed before `stop()` leaves its dir behind, and the next start of
 * that kind removes every such dir whose owner process is gone.
 */
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';

/** Removes `<kind><pid>-*` dirs in the temp dir whose process `<pid>` no longer runs. */
export async function removeStaleTempDirs(kind: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(tmpdir());
  } catch {
    return;
  }
  await Promise.all(names.map(async (name) => {
    if (!name.startsWith(kind)) return;
    const owner = /^(\d+)-/.exec(name.slice(kind.length))?.[1];
    if (owner === undefined || processAlive(Number(owner))) return;
    await rm(nodePath.join(tmpdir(), name), { recursive: true, force: true });
  }));
}

/** Whether a process with this pid exists (EPERM: it exists but is not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
