/**
 * Runs files in a child process with a watchdog. A statement that blocks the
 * event loop cannot be interrupted in-process, so the parent watches the
 * child's per-record heartbeat; when one record makes no progress for the hang
 * limit, the child is killed, the record fails as a timeout and the file stops
 * (its later records are not run). The next file gets a new child.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { SltFileResult, SltProgress } from './slt-runner.ts';

/** What the parent asks the child to run. */
export interface ChildRequest {
  readonly file: string;
  readonly cwd?: string;
  readonly recordTimeoutMs: number;
  readonly maxRecords?: number;
  readonly complete: boolean;
}

/** What the child reports. */
export type ChildMessage =
  | { readonly type: 'record'; readonly progress: SltProgress }
  | { readonly type: 'done'; readonly result: SltFileResult }
  | { readonly type: 'crash'; readonly message: string };

const CHILD = new URL('./slt-child.ts', import.meta.url);
const STARTUP_MS = 120_000;

/** One reusable child process that runs files sequentially. */
export class SltChildRunner {
  private child: ChildProcess | undefined;
  private readonly hangMs: number;

  /** `hangMs`: how long one record may run before the child is killed. */
  constructor(hangMs: number) {
    this.hangMs = hangMs;
  }

  /** Runs one file; never rejects (a crash or hang becomes a failure of the file). */
  run(request: ChildRequest): Promise<SltFileResult> {
    const child = this.child ?? (this.child = fork(CHILD, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=3072'] }));
    return new Promise((resolve) => {
      let last: SltProgress | undefined;
      let lastAt = Date.now();
      const finish = (result: SltFileResult): void => {
        clearInterval(watchdog);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(result);
      };
      const partial = (category: string, message: string, stoppedBy?: 'hang'): SltFileResult => ({
        file: request.file,
        passed: last?.passed ?? 0,
        failed: (last?.failed ?? 0) + 1,
        skipped: last?.skipped ?? 0,
        errorTextMismatches: 0,
        ...(stoppedBy ? { stoppedBy } : {}),
        failures: [{ file: last?.file ?? request.file, line: last?.line ?? 0, sql: last?.sql ?? '', category, message }],
      });
      const onMessage = (m: ChildMessage): void => {
        if (m.type === 'record') { last = m.progress; lastAt = Date.now(); }
        else if (m.type === 'done') finish(m.result);
        else finish(partial('crash', m.message));
      };
      const onExit = (code: number | null, signal: string | null): void => {
        this.child = undefined;
        finish(partial('crash', `runner process exited (${signal ?? code}) during this record; file stopped`));
      };
      const watchdog = setInterval(() => {
        // before the first heartbeat the child may still be loading modules and creating the engine
        if (Date.now() - lastAt <= (last === undefined ? this.hangMs + STARTUP_MS : this.hangMs)) return;
        child.off('exit', onExit);
        child.kill('SIGKILL');
        this.child = undefined;
        finish(partial('timeout', `no progress for ${Math.round(this.hangMs / 1000)} s: process killed, later records of the file not run`, 'hang'));
      }, 250);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(request);
    });
  }

  /** Ends the child process. */
  close(): void {
    this.child?.disconnect();
    this.child = undefined;
  }
}
