/**
 * Structured log lines of a worker process: one JSON object per event on stderr (stdout is
 * kept for the `worker_started` line a parent process reads). Quiet by default: only
 * warnings and errors unless `verbose`.
 */

/** A log sink: event name, level and fields (job/stage/task ids where they apply). */
export type WorkerLog = (level: 'info' | 'warn' | 'error', event: string, fields?: Readonly<Record<string, unknown>>) => void;

/** Writes JSON lines to stderr; `info` events only when verbose. */
export function stderrLog(verbose = false): WorkerLog {
  return (level, event, fields = {}) => {
    if (level === 'info' && !verbose) return;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  };
}

/** A log that drops everything. */
export const silentLog: WorkerLog = () => {};
