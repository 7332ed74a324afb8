/**
 * Runs the corpus the way CI does (slt-corpus.test.ts) and compares it with
 * the known-failures lists: every DataFusion and DuckDB file in full, every
 * SQLite file sampled, in at most two child processes. A failing record that
 * is neither listed (test/known-failures/slt/<suite>.txt) nor engine-specific
 * is a regression; listed records that now pass are reported as fixed.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { expandSltPaths } from './slt-cli.ts';
import { SltChildRunner } from './slt-child-pool.ts';
import { SLT_SUITES, type SltSuite, corpusPath } from './slt-exclusions.ts';
import { readKnownFailures } from './known-failures.ts';
import { oneLine, recordKey } from './slt-report.ts';
import type { SltFileResult } from './slt-runner.ts';
import { SuiteTally } from './slt-summary.ts';

/** How CI runs the corpus. */
export interface CorpusRunOptions {
  /** The corpus folder (../shared/corpus/slt). */
  readonly corpus: string;
  /** Records run per SQLite file (the SQLite corpus is ~1.2 M lines; undefined = all). */
  readonly sqliteMaxRecords?: number;
  /** Child processes running files side by side (1 or 2). */
  readonly parallel?: number;
  /** Time bound of one record, in s. */
  readonly recordTimeoutSec?: number;
  /** Called after each file (progress). */
  readonly onFile?: (r: SltFileResult) => void;
}

/** What the run found. */
export interface CorpusRunOutcome {
  readonly results: SltFileResult[];
  /** Failing records not listed and not engine-specific: `key  category: message`. */
  readonly regressions: string[];
  /** Unlisted records that exceeded their time bound, and unlisted failures after one in the same file (reported, not failed: CI load varies). */
  readonly slow: string[];
  /** Listed records that passed. */
  readonly fixed: string[];
  /** The per-suite rate lines (with and without engine-specific records). */
  readonly summary: string[];
  readonly seconds: number;
}

/** Runs the corpus and compares it with the lists. */
export async function runCorpusAgainstKnownFailures(o: CorpusRunOptions): Promise<CorpusRunOutcome> {
  const started = performance.now();
  const files = expandSltPaths(SLT_SUITES.map((s) => path.join(o.corpus, s)));
  const timeout = o.recordTimeoutSec ?? 20;
  // the largest full files first (DataFusion's aggregate.slt takes the longest), so both children end together
  const size = (f: string): number => (corpusPath(f).suite === 'sqlite' ? 0 : statSync(f).size);
  const queue = [...files].sort((a, b) => size(b) - size(a));
  const results: SltFileResult[] = [];
  const worker = async (): Promise<void> => {
    const runner = new SltChildRunner(2 * timeout * 1000);
    try {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        const sqlite = corpusPath(file).suite === 'sqlite';
        const r = await runner.run({
          file, recordTimeoutMs: timeout * 1000, complete: false,
          ...(sqlite && o.sqliteMaxRecords !== undefined ? { maxRecords: o.sqliteMaxRecords } : {}),
        });
        results.push(r);
        o.onFile?.(r);
      }
    } finally {
      runner.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, o.parallel ?? 2)) }, worker));
  results.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { ...compareWithKnown(results), summary: summaryOf(results), seconds: (performance.now() - started) / 1000, results };
}

function summaryOf(results: readonly SltFileResult[]): string[] {
  const tally = new SuiteTally();
  for (const r of results) {
    const ex = r.excluded ?? [];
    tally.add({ ...r, excludedRan: ex.length, excludedPassed: ex.filter((e) => e.passed).length });
  }
  return tally.lines();
}

/** Regressions, slow records and fixed records of file results against the lists. */
export function compareWithKnown(results: readonly SltFileResult[], known: (suite: SltSuite) => Map<string, string> = (s) => readKnownFailures(s)): { regressions: string[]; slow: string[]; fixed: string[] } {
  const lists = new Map<SltSuite, Map<string, string>>();
  const listOf = (s: SltSuite): Map<string, string> => {
    let l = lists.get(s);
    if (!l) lists.set(s, l = s === 'other' ? new Map() : known(s));
    return l;
  };
  const regressions: string[] = [], slow: string[] = [], fixed: string[] = [];
  for (const r of results) {
    const { suite, relative } = corpusPath(r.file);
    const list = listOf(suite);
    const failing = new Set<string>();
    // after an unlisted timeout, the file's later failures may be its consequence (a table not
    // created in time): reported with the slow records, since CI machine load varies
    let afterTimeout = false;
    for (const f of r.failures) {
      const key = recordKey(f.file, f.line);
      failing.add(key);
      if (f.excluded !== undefined || list.has(key)) continue;
      const line = `${key}  ${f.category}: ${oneLine(f.message)}`;
      if (f.category === 'timeout') { slow.push(line); afterTimeout = true; }
      else if (afterTimeout) slow.push(`${line} (after a timeout)`);
      else regressions.push(line);
    }
    // listed records of this file (its includes are listed under their own paths) that ran and passed
    if (r.stoppedBy === 'hang' || r.failures.some((f) => f.category === 'crash')) continue;
    const ranTo = r.stoppedBy === 'max-records' ? r.lastLine ?? 0 : Infinity;
    for (const key of list.keys()) {
      const i = key.lastIndexOf(':');
      if (key.slice(0, i) !== relative || Number(key.slice(i + 1)) > ranTo || failing.has(key)) continue;
      fixed.push(key);
    }
  }
  return { regressions, slow, fixed };
}
