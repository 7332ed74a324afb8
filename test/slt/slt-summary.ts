/**
 * Pass rates per suite, with and without the engine-specific records of
 * slt-exclusions.ts: what the runner prints before its final line, and what the
 * baseline and the docs page show.
 */
import { type SltSuite, corpusPath } from './slt-exclusions.ts';

/** Record counts of one suite. */
export interface SuiteCounts {
  files: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Engine-specific records that ran (counted in passed/failed too), and how many of them passed. */
  excludedRan: number;
  excludedPassed: number;
  /** Files stopped by --max-records. */
  sampled: number;
}

/** What a file result (or a report's file line) contributes. */
export interface FileCounts {
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly excludedRan?: number;
  readonly excludedPassed?: number;
  readonly stoppedBy?: string | null;
}

/** Percentage with one decimal, or `-` of nothing. */
export function pct(passed: number, ran: number): string {
  if (ran === 0) return '-';
  const p = (100 * passed) / ran;
  // 99.97% must not print as 100.0% while records fail
  return `${p.toFixed(passed < ran && p >= 99.95 ? 2 : 1)}%`;
}

/** Sums file results per suite (sqlite, datafusion, duckdb, other). */
export class SuiteTally {
  readonly suites = new Map<SltSuite, SuiteCounts>();

  /** Adds one file's counts to its suite. */
  add(r: FileCounts): void {
    const suite = corpusPath(r.file).suite;
    let c = this.suites.get(suite);
    if (!c) this.suites.set(suite, c = { files: 0, passed: 0, failed: 0, skipped: 0, excludedRan: 0, excludedPassed: 0, sampled: 0 });
    c.files++;
    c.passed += r.passed;
    c.failed += r.failed;
    c.skipped += r.skipped;
    c.excludedRan += r.excludedRan ?? 0;
    c.excludedPassed += r.excludedPassed ?? 0;
    if (r.stoppedBy === 'max-records') c.sampled++;
  }

  /** One line per corpus suite (Loch's own files get none): passed/ran and rate, then the same without engine-specific records. */
  lines(): string[] {
    const order: SltSuite[] = ['sqlite', 'datafusion', 'duckdb'];
    return order.filter((s) => this.suites.has(s)).map((s) => suiteLine(s, this.suites.get(s)!));
  }
}

/** `duckdb: 1489/2174 records passed (68.5%); without 212 engine-specific records: 1480/1962 (75.4%)`. */
export function suiteLine(suite: SltSuite, c: SuiteCounts): string {
  const ran = c.passed + c.failed;
  const keptRan = ran - c.excludedRan;
  const keptPassed = c.passed - c.excludedPassed;
  const sampled = c.sampled > 0 ? ` [${c.sampled} of ${c.files} files sampled]` : '';
  return `${suite}: ${c.passed}/${ran} records passed (${pct(c.passed, ran)}); without ${c.excludedRan} engine-specific records: ${keptPassed}/${keptRan} (${pct(keptPassed, keptRan)})${sampled}`;
}
