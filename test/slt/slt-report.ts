/**
 * Reading the runner's `--report` files (JSON lines: a `file` line, then that
 * file's `failure` lines and its passing engine-specific `excluded` lines).
 */
import { readFileSync } from 'node:fs';
import { corpusPath } from './slt-exclusions.ts';
import type { SltExcludedRecord, SltFailure } from './slt-runner.ts';

/** A report's `file` line. */
export interface ReportFile {
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errorTextMismatches: number;
  readonly stoppedBy: string | null;
  /** Line of the last top-level record that ran (where a sampled file stopped). */
  readonly lastLine?: number | null;
  readonly seconds?: number;
  readonly excludedRan?: number;
  readonly excludedPassed?: number;
}

/** A report's failures carry the top-level file they ran under (includes have their own `file`). */
export interface ReportFailure extends SltFailure {
  readonly topFile: string;
}

/** One or more report files, parsed. */
export interface SltReport {
  readonly files: ReportFile[];
  readonly failures: ReportFailure[];
  /** Engine-specific records that passed (their failures are in `failures` with `excluded` set). */
  readonly excludedPassed: SltExcludedRecord[];
}

/** Parses report files, in order; a file that ran in several reports counts from the last one (a rerun). */
export function readReports(paths: readonly string[]): SltReport {
  const byFile = new Map<string, SltReport>();
  for (const p of paths) {
    let cur: SltReport | undefined;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const o = JSON.parse(line) as { type: string };
      if (o.type === 'file') {
        const f = o as unknown as ReportFile;
        cur = { files: [f], failures: [], excludedPassed: [] };
        byFile.set(corpusPath(f.file).relative, cur);
      } else if (!cur) {
        throw new Error(`${p}: a ${o.type} line before the first file line`);
      } else if (o.type === 'failure') {
        cur.failures.push({ ...(o as unknown as SltFailure), topFile: cur.files[0]!.file });
      } else if (o.type === 'excluded') {
        cur.excludedPassed.push(o as unknown as SltExcludedRecord);
      }
    }
  }
  const report: SltReport = { files: [], failures: [], excludedPassed: [] };
  for (const r of byFile.values()) {
    report.files.push(...r.files);
    report.failures.push(...r.failures);
    report.excludedPassed.push(...r.excludedPassed);
  }
  return report;
}

/** The key of a record in the known-failures lists: `<corpus path>:<line>` (e.g. `duckdb/test/sql/x.test:12`). */
export function recordKey(file: string, line: number): string {
  return `${corpusPath(file).relative}:${line}`;
}

/** A failure message on one line, bounded (the lists must stay diffable). */
export function oneLine(message: string, max = 160): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
