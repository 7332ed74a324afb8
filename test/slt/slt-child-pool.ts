/**
 * Runs files in a child process with a watchdog. A statement that blocks the
 * event loop cannot be interrupted in-process, so the parent watches the
 * child's per-record heartbeat; when one record makes no progress for the hang
 * limit, the child is killed, the record fails as a timeout and the file stops
 * (its later records are not run). The next file gets a new child.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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
  /** The child's TMPDIR (its engines' temporary warehouses): removed when the child ends, even if killed. */
  private childTmp: string | undefined;
  private readonly hangMs: number;

  /** `hangMs`: how long one record may run before the child is killed. */
  constructor(hangMs: number) {
    this.hangMs = hangMs;
  }

  /** Runs one file; never rejects (a crash or hang becomes a failure of the file). */
  run(request: ChildRequest): Promise<SltFileResult> {
    const child = this.child ?? (this.child = this.spawn());
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
        this.ended();
        finish(partial('crash', `runner process exited (${signal ?? code}) during this record; file stopped`));
      };
      const watchdog = setInterval(() => {
        // before the first heartbeat the child may still be loading modules and creating the engine
        if (Date.now() - lastAt <= (last === undefined ? this.hangMs + STARTUP_MS : this.hangMs)) return;
        child.off('exit', onExit);
        child.kill('SIGKILL');
        this.ended();
        finish(partial('timeout', `no progress for ${Math.round(this.hangMs / 1000)} s: process killed, later records of the file not run`, 'hang'));
      }, 250);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(request);
    });
  }

  private spawn(): ChildProcess {
    this.childTmp = mkdtempSync(path.join(tmpdir(), 'loch-slt-'));
    return fork(CHILD, [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: ['--max-old-space-size=3072'],
      env: { ...process.env, TMPDIR: this.childTmp },
    });
  }

  private ended(): void {
    this.child = undefined;
    if (this.childTmp !== undefined) rmSync(this.childTmp, { recursive: true, force: true });
    this.childTmp = undefined;
  }

  /** Ends the idle child process (it exits once disconnected) and removes its temporary folder. */
  close(): void {
    const child = this.child;
    const tmp = this.childTmp;
    if (!child) return;
    this.child = undefined;
    this.childTmp = undefined;
    child.disconnect();
    // between files the child is idle (each engine removed its warehouse when closed): safe to remove now
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  }
}
