/**
 * Summarises `--report` files of corpus runs into the baseline text of
 * test/known-failures/slt-baseline.txt: pass counts per suite and per file,
 * and the failure reasons grouped and counted (what to build first).
 *
 *   node test/slt/slt-baseline.ts <corpus dir> <report.jsonl…> > test/known-failures/slt-baseline.txt
 *
 * A failure whose table does not exist because its CREATE failed earlier in the
 * file is counted under the CREATE's reason ("cascade"), so one missing
 * feature is not scattered over thousands of `relation … does not exist`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { conditionsAllow, parseSlt } from './slt-parser.ts';
import { LOCH_ENGINE_NAMES, type SltFailure } from './slt-runner.ts';

interface FileLine {
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errorTextMismatches: number;
  readonly stoppedBy: string | null;
}

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

/** Groups failures by reason, attributing missing-table errors to the failed CREATE of that table. */
export function groupFailures(failures: readonly SltFailure[]): Map<string, number> {
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
    const reason = cascade ? `(cascade: table not created) ${root}` : root;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return counts;
}

function top(counts: Map<string, number>, n: number): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([r, c]) => `${String(c).padStart(7)}  ${r}`);
}

/** Records of a file that would run (conditions allow them; includes and halt not followed). */
function runnableRecords(file: string): number {
  return parseSlt(readFileSync(file, 'utf8')).filter((r) => (r.kind === 'statement' || r.kind === 'query') && conditionsAllow(r.conditions, LOCH_ENGINE_NAMES)).length;
}

function pct(passed: number, ran: number): string {
  return ran === 0 ? '-' : `${((100 * passed) / ran).toFixed(1)}%`;
}

/** Builds the baseline text from report files (one per suite, named <suite>.jsonl). */
export function baselineText(corpus: string, reports: readonly string[]): string {
  const out: string[] = [];
  const suiteRows: string[] = [];
  const fileRows: string[] = [];
  const perSuite: string[] = [];
  const all: SltFailure[] = [];
  for (const report of reports) {
    const suite = path.basename(report, '.jsonl');
    const files: FileLine[] = [];
    const failures: SltFailure[] = [];
    for (const line of readFileSync(report, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const o = JSON.parse(line) as ({ type: 'file' } & FileLine) | ({ type: 'failure' } & SltFailure);
      // the file line precedes its failures; group included files' failures under the including file
      if (o.type === 'file') files.push(o); else failures.push({ ...o, file: files.at(-1)?.file ?? o.file });
    }
    all.push(...failures);
    let p = 0, f = 0, s = 0, mism = 0, sampled = 0;
    for (const r of files) {
      p += r.passed; f += r.failed; s += r.skipped; mism += r.errorTextMismatches;
      const rel = path.relative(corpus, r.file);
      const note = r.stoppedBy === 'max-records' ? ` sampled, ${runnableRecords(r.file)} runnable in file` : r.stoppedBy === 'hang' ? ' stopped: a record hung' : '';
      if (r.stoppedBy === 'max-records') sampled++;
      fileRows.push(`${pct(r.passed, r.passed + r.failed).padStart(7)}  ${String(r.passed).padStart(5)}/${String(r.passed + r.failed).padEnd(5)} ${rel}${r.skipped ? ` (${r.skipped} skipped)` : ''}${note ? ` [${note.trim()}]` : ''}`);
    }
    suiteRows.push(`${suite.padEnd(11)} ${String(files.length).padStart(5)} files  ${String(p).padStart(6)} passed  ${String(f).padStart(6)} failed  ${pct(p, p + f).padStart(6)}  ${String(s).padStart(6)} skipped  ${mism} error records passed with a different message${sampled ? `; ${sampled} file(s) sampled` : ''}`);
    perSuite.push(`## Top failure reasons: ${suite} (${f} failed records)`, ...top(groupFailures(failures), 25), '');
  }
  out.push('## Per suite (records; skipped = skipif/onlyif, set datafusion.*, EXPLAIN)', ...suiteRows, '');
  out.push(`## Top failure reasons, all suites (${all.length} failed records; "(cascade …)" = the table's CREATE failed for that reason)`, ...top(groupFailures(all), 40), '');
  out.push(...perSuite);
  out.push('## Per file: pass rate, passed/ran, file', ...fileRows, '');
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [corpus, ...reports] = process.argv.slice(2);
  if (!corpus || reports.length === 0) {
    process.stderr.write('usage: node test/slt/slt-baseline.ts <corpus dir> <suite.jsonl…>\n');
    process.exit(2);
  }
  process.stdout.write(baselineText(path.resolve(corpus), reports));
}
