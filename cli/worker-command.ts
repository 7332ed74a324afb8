/**
 * `loch worker`: one worker process of a cluster (the same entry `loch up` spawns).
 *
 *   loch worker --coordinator host:port | --etcd URL [--host H] [--port P] [--slots N] [--shuffle-dir D]
 *
 * Runs worker/server/worker-main.ts in this process (its options are passed through).
 */
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import type { CommandContext } from './sql-command.ts';

const WORKER_MAIN = fileURLToPath(new URL('../worker/server/worker-main.ts', import.meta.url));

/** Runs `loch worker …` as a child on the same Node binary (its own heap cap), forwarding signals. */
export async function workerCommand(args: readonly string[], _ctx: CommandContext): Promise<number> {
  const memory = process.env.LOCH_WORKER_MEMORY_MB ?? '4096';
  const child = spawn(process.execPath, [`--max-old-space-size=${memory}`, WORKER_MAIN, ...args], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => (): void => { child.kill(signal); };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
