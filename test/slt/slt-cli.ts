/**
 * The command line of the sqllogictest runner, shared by `node test/slt/run-slt.ts`
 * (npm run slt) and `loch slt`:
 *
 *   slt [--cwd DIR] [--timeout SEC] [--max-records N] [--complete] [-v] [--report FILE] <files or folders…>
 *
 * Prints `passed|failed|skipped <file> (<passed>/<run> records)` per file, a
 * pass-rate line per suite with and without engine-specific records
 * (slt-exclusions.ts), and ends with exactly one line `N passed, N failed`
 * counting all records.
 */
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SltChildRunner } from './slt-child-pool.ts';
import type { SltFileResult } from './slt-runner.ts';
import { SuiteTally } from './slt-summary.ts';

export const SLT_USAGE = `usage: slt [options] <files or folders…>
  --cwd DIR          folder that relative data paths in the files resolve against
                     (default: a DataFusion file's datafusion/sqllogictest folder)
  --timeout SEC      time bound of one record (default 10); a record that blocks for
                     twice that ends its file (a watchdog kills the run)
  --max-records N    stop each file after N executed records (sampling)
  --complete         rewrite the expected output of query records (for Loch's own files)
  -v, --verbose      print every failing record
  --report FILE      write failures and per-file counts as JSON lines (a failure of an
                     engine-specific record carries "excluded": rule; such records
                     that pass are "excluded" lines)
Folders are searched for .slt and .test files (.slt.part files are only included).
`;

/** Where the command writes. Files run in a child process (slt-child.ts), each in a fresh embedded engine. */
export interface SltCliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Test files under the given files and folders, folders expanded recursively and sorted. */
export function expandSltPaths(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    if (!statSync(p).isDirectory()) { out.push(p); return; }
    for (const name of readdirSync(p).sort()) {
      const child = path.join(p, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (name.endsWith('.slt') || name.endsWith('.test')) out.push(child);
    }
  };
  for (const input of inputs) walk(input);
  return out;
}

/** The per-file line. */
export function fileLine(r: SltFileResult): string {
  const ran = r.passed + r.failed;
  const status = ran === 0 ? 'skipped' : r.failed === 0 ? 'passed' : 'failed';
  const notes = [r.stoppedBy === 'max-records' ? 'sampled' : r.stoppedBy === 'hang' ? 'stopped: a record hung' : '', r.skipped > 0 ? `${r.skipped} skipped` : ''].filter(Boolean);
  return `${status} ${r.file} (${r.passed}/${ran} records)${notes.length ? ` [${notes.join(', ')}]` : ''}`;
}

/** Runs the command; returns the exit code (0 when no record failed). */
export async function sltMain(args: readonly string[], ctx: SltCliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        cwd: { type: 'string' },
        timeout: { type: 'string', default: '10' },
        'max-records': { type: 'string' },
        complete: { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    ctx.stderr(`slt: ${(e as Error).message}\n${SLT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { ctx.stdout(SLT_USAGE); return 0; }
  if (positionals.length === 0) { ctx.stderr(`slt: no files or folders given\n${SLT_USAGE}`); return 2; }
  const timeout = Number(values.timeout);
  const maxRecords = values['max-records'] !== undefined ? Number(values['max-records']) : undefined;
  if (!(timeout > 0) || (maxRecords !== undefined && !(maxRecords > 0))) { ctx.stderr(`slt: --timeout and --max-records need positive numbers\n`); return 2; }
  let files: string[];
  try { files = expandSltPaths(positionals); } catch (e) { ctx.stderr(`slt: ${(e as Error).message}\n`); return 2; }
  const cwd = values.cwd !== undefined ? path.resolve(values.cwd) : undefined;
  if (values.report) writeFileSync(values.report, '');
  let passed = 0, failed = 0;
  const tally = new SuiteTally();
  const runner = new SltChildRunner(Math.max(2 * timeout, timeout + 2) * 1000);
  try {
    for (const file of files) {
      const started = performance.now();
      const r = await runner.run({
        file: path.resolve(file), recordTimeoutMs: timeout * 1000, complete: values.complete,
        ...(cwd !== undefined ? { cwd } : {}), ...(maxRecords !== undefined ? { maxRecords } : {}),
      });
      (r as { file: string }).file = file;
      passed += r.passed;
      failed += r.failed;
      const excluded = r.excluded ?? [];
      const excludedPassed = excluded.filter((e) => e.passed).length;
      tally.add({ ...r, excludedRan: excluded.length, excludedPassed });
      ctx.stdout(`${fileLine(r)}\n`);
      if (values.verbose) {
        for (const f of r.failures) ctx.stdout(`  ${f.file}:${f.line}: ${f.category}: ${f.message}\n    ${f.sql.split('\n').join('\n    ')}\n`);
      }
      if (r.completed !== undefined) { writeFileSync(file, r.completed); ctx.stdout(`  rewrote ${file}\n`); }
      if (values.report) {
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        const lines = [JSON.stringify({ type: 'file', file, passed: r.passed, failed: r.failed, skipped: r.skipped, errorTextMismatches: r.errorTextMismatches, stoppedBy: r.stoppedBy ?? null, lastLine: r.lastLine ?? null, seconds, excludedRan: excluded.length, excludedPassed })];
        for (const f of r.failures) lines.push(JSON.stringify({ type: 'failure', ...f }));
        for (const e of excluded) if (e.passed) lines.push(JSON.stringify({ type: 'excluded', ...e }));
        appendFileSync(values.report, `${lines.join('\n')}\n`);
      }
    }
  } finally {
    runner.close();
  }
  for (const line of tally.lines()) ctx.stdout(`${line}\n`);
  ctx.stdout(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
