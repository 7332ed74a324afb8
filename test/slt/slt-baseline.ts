/**
 * Summarises `--report` files of corpus runs into the baseline text of
 * test/known-failures/slt-baseline.txt: pass counts per suite and per file,
 * and the failure reasons grouped and counted (what to build first).
 *
 *   node test/slt/slt-baseline.ts <report.jsonl…> > test/known-failures/slt-baseline.txt
 *   (npm run slt:known-failures writes it, with the per-record lists, from the same reports)
 *
 * A failure whose table does not exist because its CREATE failed earlier in the
 * file is counted under the CREATE's reason ("cascade"), so one missing
 * feature is not scattered over thousands of `relation … does not exist`.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { conditionsAllow, parseSlt } from './slt-parser.ts';
import { SLT_SUITES, type SltSuite, corpusPath } from './slt-exclusions.ts';
import { type SltReport, readReports } from './slt-report.ts';
import { LOCH_ENGINE_NAMES, type SltFailure } from './slt-runner.ts';
import { SuiteTally, pct, suiteLine } from './slt-summary.ts';

/** A failure message with literals and numbers masked, so like failures group together. */
export function failureReason(f: Pick<SltFailure, 'category' | 'message' | 'sql'>): string {
  if (f.category === 'wrong result') {
    if (/^expected \d+ line\(s\), got \d+ row/.test(f.message) || f.message.startsWith('expected no rows')) return 'wrong result: wrong number of rows';
    return 'wrong result: different values';
  }
  if (f.category === 'column count') return 'wrong result: wrong number of columns';
  if (f.category === 'timeout') return f.message.startsWith('no progress') ? 'timeout: statement hung (file stopped)' : 'timeout: slower than the record time bound';
  if (f.category !== 'error') return `${f.category}${f.category === 'expected error' ? ': succeeded' : `: ${mask(f.message)}`}`;
  const message = mask(f.message.split('\n')[0]!).replace(/at or near "([^"]*)"/, (_, t: string) => `at or near "${t.toLowerCase()}"`);
  if (message.startsWith('syntax error')) {
    const hint = SYNTAX_HINTS.find(([re]) => re.test(f.sql));
    if (hint) return `${message} — ${hint[1]}`;
  }
  return message
    .replace(/^function (\w+)\(.*\) does not exist$/, 'function $1(…) does not exist')
    .replace(/^operator does not exist: .*$/, 'operator does not exist: …');
}

/** What a statement that fails to parse is trying to use (the parser's message alone rarely says). */
const SYNTAX_HINTS: readonly (readonly [RegExp, string])[] = [
  [/create\s+external\s+table/i, 'CREATE EXTERNAL TABLE … STORED AS (DataFusion)'],
  [/\bunsigned\b/i, 'INT/BIGINT UNSIGNED types'],
  [/^\s*create\s+(?:or\s+replace\s+)?table\s+[\w."]+\s*\([^]*\)\s*as\s+(values|select|\()/i, 'CREATE TABLE t(columns) AS VALUES/SELECT (DataFusion)'],
  [/^\s*create\s+(?:or\s+replace\s+)?table\s+[\w."]+\s+as\s+values/i, 'CREATE TABLE t AS VALUES'],
  [/\bnulls\s+(first|last)\b/i, 'NULLS FIRST/LAST'],
  [/\[/, 'array literals / subscripts'],
  [/\bqualify\b/i, 'QUALIFY'],
  [/^\s*copy\b/i, 'COPY'],
];

function mask(message: string): string {
  return message.replace(/'[^']*'/g, "'…'").replace(/\b\d+(\.\d+)?\b/g, 'N').slice(0, 140);
}

const MISSING = /^(?:relation|table|view) "([^"]+)" does not exist/;
const CREATES = /^\s*create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?(?:external\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?("?)([\w.]+)\1/i;

/**
 * Groups failures by reason, attributing missing-table errors to the failed CREATE of that table.
 * With `separateExcluded`, engine-specific failures are counted under `(engine-specific: rule)`
 * (a table they failed to create still passes their reason on to its cascade).
 */
export function groupFailures(failures: readonly SltFailure[], separateExcluded = false): Map<string, number> {
  const counts = new Map<string, number>();
  const rootByFileTable = new Map<string, string>();
  for (const f of failures) {
    let root = failureReason(f);
    let cascade = false;
    const missing = MISSING.exec(f.message);
    if (f.category === 'error' && missing) {
      const earlier = rootByFileTable.get(`${f.file}\0${missing[1]!.toLowerCase()}`);
      if (earlier !== undefined) { root = earlier; cascade = true; }
    }
    // a CREATE that failed (itself perhaps because of another missing table) passes its root cause on
    const create = CREATES.exec(f.sql);
    if (create) rootByFileTable.set(`${f.file}\0${create[2]!.toLowerCase()}`, root);
    const reason = separateExcluded && f.excluded !== undefined ? `(engine-specific: ${f.excluded})` : cascade ? `(cascade: table not created) ${root}` : root;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return counts;
}

function top(counts: Map<string, number>, n: number): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([r, c]) => `${String(c).padStart(7)}  ${r}`);
}

/** Records of a file that would run (conditions allow them; includes and halt not followed). */
function runnableRecords(file: string): number | string {
  if (!existsSync(file)) return '?';
  return parseSlt(readFileSync(file, 'utf8')).filter((r) => (r.kind === 'statement' || r.kind === 'query') && conditionsAllow(r.conditions, LOCH_ENGINE_NAMES)).length;
}

/** Builds the baseline text from parsed reports (slt-report.ts), suites in corpus order. */
export function baselineText(report: SltReport): string {
  const out: string[] = [];
  const tally = new SuiteTally();
  const mismatches = new Map<SltSuite, number>();
  for (const r of report.files) {
    tally.add(r);
    const suite = corpusPath(r.file).suite;
    mismatches.set(suite, (mismatches.get(suite) ?? 0) + r.errorTextMismatches);
  }
  const suites = SLT_SUITES.filter((s) => tally.suites.has(s));
  const suiteRows = suites.map((s) => {
    const c = tally.suites.get(s)!;
    return `${suiteLine(s, c)}; ${c.files} files, ${c.skipped} skipped, ${mismatches.get(s) ?? 0} error records passed with a different message`;
  });
  const kept = report.failures.filter((f) => f.excluded === undefined);
  out.push('## Per suite (records; skipped = skipif/onlyif, set datafusion.*, EXPLAIN; engine-specific = test/known-failures/slt-exclusions.txt)', ...suiteRows, '');
  out.push(`## Top failure reasons, all suites (${kept.length} failed records not engine-specific; "(cascade …)" = the table's CREATE failed for that reason)`, ...top(groupFailures(report.failures, true), 40), '');
  for (const s of suites) {
    const failures = report.failures.filter((f) => corpusPath(f.topFile).suite === s);
    const n = failures.filter((f) => f.excluded === undefined).length;
    out.push(`## Top failure reasons: ${s} (${n} failed records not engine-specific)`, ...top(groupFailures(failures, true), 25), '');
  }
  out.push('## Per file: pass rate, passed/ran, pass rate without engine-specific records, file', ...fileRows(report), '');
  return out.join('\n');
}

/** One row per file: rate, passed/ran, rate without engine-specific records, path, notes. */
function fileRows(report: SltReport): string[] {
  const order = (f: { file: string }): string => corpusPath(f.file).relative;
  return [...report.files].sort((a, b) => (order(a) < order(b) ? -1 : 1)).map((r) => {
    const ran = r.passed + r.failed;
    const keptRan = ran - (r.excludedRan ?? 0);
    const keptPassed = r.passed - (r.excludedPassed ?? 0);
    const note = r.stoppedBy === 'max-records' ? `sampled, ${runnableRecords(r.file)} runnable in file` : r.stoppedBy === 'hang' ? 'stopped: a record hung' : '';
    return `${pct(r.passed, ran).padStart(7)}  ${String(r.passed).padStart(5)}/${String(ran).padEnd(5)} ${pct(keptPassed, keptRan).padStart(7)}  ${order(r)}${r.skipped ? ` (${r.skipped} skipped)` : ''}${note ? ` [${note}]` : ''}`;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reports = process.argv.slice(2);
  if (reports.length === 0) {
    process.stderr.write('usage: node test/slt/slt-baseline.ts <report.jsonl…>  (npm run slt:known-failures also rewrites the baseline)\n');
    process.exit(2);
  }
  process.stdout.write(baselineText(readReports(reports)));
}
