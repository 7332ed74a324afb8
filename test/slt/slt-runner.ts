/**
 * Runs sqllogictest files against Loch: one fresh engine per file, records in
 * order, conditions applied (Loch answers to `postgresql` and `loch`),
 * `include` followed, `halt` honoured, each record bounded in time.
 */
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { QueryEngine } from '../../coordinator/index.ts';
import { compareResult, hashLine, sortRows } from './slt-compare.ts';
import { type ExecOutcome, affectedRows, executeBounded } from './slt-execute.ts';
import { type SltExclusionRule, exclusionOf, loadExclusions } from './slt-exclusions.ts';
import { conditionsAllow, parseSltLines } from './slt-parser.ts';
import type { ExpectedError, QueryRecord, SltRecord, StatementRecord } from './slt-record.ts';
import { type SltDialect, dialectOf, renderValue } from './slt-values.ts';

/** The engine names Loch answers to in `skipif`/`onlyif`. */
export const LOCH_ENGINE_NAMES: ReadonlySet<string> = new Set(['postgresql', 'loch']);

/** How to run files. */
export interface SltRunOptions {
  /** A fresh, isolated engine (one per file); closed by the runner. */
  readonly createEngine: () => Promise<QueryEngine>;
  /** The folder relative data paths resolve against (default: the DataFusion sqllogictest folder for its files, else unchanged). */
  readonly cwd?: string;
  /** Time bound of one record, in ms (default 10 s). */
  readonly recordTimeoutMs?: number;
  /** Stop a file after this many executed records (sampling very large files). */
  readonly maxRecords?: number;
  /** Rewrite the expected output of query records from the actual results. */
  readonly complete?: boolean;
  readonly engines?: ReadonlySet<string>;
  /** Engine-specific record rules (default: test/known-failures/slt-exclusions.txt). */
  readonly exclusions?: readonly SltExclusionRule[];
  /** Called before each executed record (the child-process watchdog's heartbeat). */
  readonly onRecord?: (progress: SltProgress) => void;
}

/** Where a file run is: the record about to run and the counts so far. */
export interface SltProgress {
  readonly file: string;
  readonly line: number;
  readonly sql: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** One failing record. */
export interface SltFailure {
  readonly file: string;
  readonly line: number;
  readonly sql: string;
  /** A short category: `error`, `timeout`, `wrong result`, `expected error`, `column count`, `statement count`, `unknown record`, `label mismatch`. */
  readonly category: string;
  /** The engine's error message or the first difference. */
  readonly message: string;
  readonly sqlState?: string;
  /** The exclusion rule that marks the record engine-specific (slt-exclusions.ts), if any. */
  readonly excluded?: string;
}

/** A record an exclusion rule marks engine-specific, and whether it passed. */
export interface SltExcludedRecord {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly passed: boolean;
}

/** The outcome of one file. */
export interface SltFileResult {
  readonly file: string;
  passed: number;
  failed: number;
  /** Records not run: conditions, engine-specific settings and EXPLAIN. */
  skipped: number;
  /** Error records whose error text did not match the expected regex or message (still passed). */
  errorTextMismatches: number;
  /** Line of the last record of the top-level file that ran (where a sampled run stopped). */
  lastLine?: number;
  /** The file stopped early: `halt`, or `maxRecords`. */
  stoppedBy?: 'halt' | 'max-records' | 'hang';
  readonly failures: SltFailure[];
  /** Records that ran and are engine-specific (counted in passed/failed too). */
  excluded?: SltExcludedRecord[];
  /** `--complete`: the rewritten text of the file, when it changed. */
  completed?: string;
}

interface FileState {
  readonly result: SltFileResult;
  readonly engine: QueryEngine;
  readonly dialect: SltDialect;
  readonly options: SltRunOptions;
  readonly engines: ReadonlySet<string>;
  readonly labels: Map<string, string>;
  readonly exclusions: readonly SltExclusionRule[];
  hashThreshold: number;
  /** `--complete`: replacement lines for [headerIndex, endIndex] ranges of the top-level file. */
  readonly edits: { start: number; end: number; lines: string[] }[];
  /** DataFusion files write to `test_files/scratch/…` (COPY, INSERT into file tables): a fresh folder per file, as upstream clears it. */
  readonly scratch: string | null;
}

const SCRATCH = /(['"])test_files\/scratch\//g;

/** The record's SQL with `test_files/scratch/` pointed at the file's own scratch folder (the corpus is read-only). */
function sqlToRun(state: FileState, sql: string): string {
  return state.scratch === null ? sql : sql.replace(SCRATCH, (_, q: string) => `${q}${state.scratch}/`);
}

// DataFusion's own settings are skipped, but for the session time zone (Loch's `timezone`)
const DATAFUSION_SETTING = /^\s*(set|reset)\s+datafusion\.(?!execution\.time_zone\b)/i;
const EXPLAIN = /^\s*explain\b/i;

/** The DataFusion files' working folder (`…/datafusion/sqllogictest`) for a file below it. */
export function defaultCwd(file: string): string | undefined {
  const m = /^(.*[\\/]datafusion[\\/]sqllogictest)[\\/]/.exec(file);
  return m ? m[1] : undefined;
}

/** Runs one file in a fresh engine. `file` is absolute or relative to the process's working folder. */
export async function runSltFile(file: string, options: SltRunOptions): Promise<SltFileResult> {
  const abs = path.resolve(file);
  const text = readFileSync(abs, 'utf8');
  const lines = text.split(/\r?\n/);
  const dialect = dialectOf(abs);
  const result: SltFileResult = { file, passed: 0, failed: 0, skipped: 0, errorTextMismatches: 0, failures: [], excluded: [] };
  const cwd = options.cwd ?? defaultCwd(abs);
  const previousCwd = process.cwd();
  const engine = await options.createEngine();
  const state: FileState = {
    result, engine, dialect, options, engines: options.engines ?? LOCH_ENGINE_NAMES, labels: new Map(),
    exclusions: options.exclusions ?? loadExclusions(),
    hashThreshold: dialect === 'classic' ? 8 : 0, edits: [],
    scratch: dialect === 'datafusion' ? mkdtempSync(path.join(tmpdir(), 'loch-slt-scratch-')) : null,
  };
  try {
    if (cwd) process.chdir(cwd);
    await runRecords(state, parseSltLines(lines), abs, true);
  } finally {
    if (cwd) process.chdir(previousCwd);
    await Promise.race([engine.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (state.scratch !== null) rmSync(state.scratch, { recursive: true, force: true });
  }
  if (options.complete && state.edits.length > 0) {
    const out = [...lines];
    for (const e of [...state.edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.end - e.start + 1, ...e.lines);
    const completed = out.join('\n');
    if (completed !== text) result.completed = completed;
  }
  return result;
}

/** Runs records in order; returns false when the file must stop (halt, max records). */
async function runRecords(state: FileState, records: readonly SltRecord[], file: string, topLevel: boolean): Promise<boolean> {
  const { result, options } = state;
  for (const record of records) {
    if (!conditionsAllow(record.conditions, state.engines)) {
      if (record.kind === 'statement' || record.kind === 'query') result.skipped++;
      continue;
    }
    switch (record.kind) {
      case 'halt':
        result.stoppedBy = 'halt';
        return false;
      case 'hash-threshold':
        state.hashThreshold = record.threshold;
        continue;
      case 'include': {
        const pattern = path.resolve(path.dirname(file), record.path);
        const files = pattern.includes('*') ? globSync(pattern).sort() : [pattern];
        if (files.length === 0) fail(state, file, record.line, `include ${record.path}`, 'unknown record', `no file matches ${record.path}`);
        for (const f of files) {
          let text: string;
          try { text = readFileSync(f, 'utf8'); } catch (e) { fail(state, file, record.line, `include ${record.path}`, 'unknown record', (e as Error).message); continue; }
          if (!(await runRecords(state, parseSltLines(text.split(/\r?\n/)), f, false))) return false;
        }
        continue;
      }
      case 'unknown':
        fail(state, file, record.line, record.header, 'unknown record', `unknown record "${record.header}"`);
        continue;
      case 'statement':
      case 'query':
        if (state.dialect === 'datafusion' && (DATAFUSION_SETTING.test(record.sql) || EXPLAIN.test(record.sql))) { result.skipped++; continue; }
        if (options.maxRecords !== undefined && result.passed + result.failed >= options.maxRecords) {
          result.stoppedBy = 'max-records';
          return false;
        }
        options.onRecord?.({ file, line: record.line, sql: record.sql, passed: result.passed, failed: result.failed, skipped: result.skipped });
        if (topLevel) result.lastLine = record.line;
        const rule = exclusionOf(state.exclusions, file, record.sql);
        const failuresBefore = result.failures.length;
        if (record.kind === 'statement') await runStatement(state, record, file);
        else await runQuery(state, record, file, topLevel);
        if (rule) markExcluded(result, file, record.line, rule.id, failuresBefore);
    }
  }
  return true;
}

/** Records that the record just run is engine-specific and flags its failure. */
function markExcluded(result: SltFileResult, file: string, line: number, rule: string, failuresBefore: number): void {
  const failed = result.failures.length > failuresBefore;
  if (failed) result.failures[failuresBefore] = { ...result.failures[failuresBefore]!, excluded: rule };
  (result.excluded ??= []).push({ file, line, rule, passed: !failed });
}

function fail(state: FileState, file: string, line: number, sql: string, category: string, message: string, sqlState?: string): void {
  state.result.failed++;
  state.result.failures.push({ file, line, sql, category, message, ...(sqlState !== undefined ? { sqlState } : {}) });
}

function failOutcome(state: FileState, file: string, record: SltRecord & { sql: string }, outcome: ExecOutcome & { ok: false }): void {
  fail(state, file, record.line, record.sql, outcome.timedOut ? 'timeout' : 'error', outcome.message, outcome.sqlState);
}

/** An error record passes when an error occurred; a different error text is only counted. */
function checkExpectedError(state: FileState, file: string, record: StatementRecord | QueryRecord, outcome: ExecOutcome, expected: ExpectedError): void {
  if (outcome.ok) { fail(state, file, record.line, record.sql, 'expected error', 'succeeded, but an error was expected'); return; }
  if (outcome.timedOut) { failOutcome(state, file, record, outcome); return; }
  state.result.passed++;
  if (!errorTextMatches(outcome.message, expected)) state.result.errorTextMismatches++;
}

function errorTextMatches(message: string, expected: ExpectedError): boolean {
  if (expected.regex !== undefined) {
    try { if (!new RegExp(expected.regex).test(message)) return false; } catch { return false; }
  }
  if (expected.message !== undefined && !message.includes(expected.message)) return false;
  return true;
}

async function runStatement(state: FileState, record: StatementRecord, file: string): Promise<void> {
  const outcome = await executeBounded(state.engine, sqlToRun(state, record.sql), state.options.recordTimeoutMs ?? 10_000);
  if (record.expect === 'error') { checkExpectedError(state, file, record, outcome, record.error ?? {}); return; }
  if (!outcome.ok) { failOutcome(state, file, record, outcome); return; }
  if (record.expect === 'count') {
    // DataFusion reports every DDL statement, CREATE TABLE … AS included, as 0 rows (FORMAT.md); Loch's tag is PostgreSQL's `SELECT n`
    const n = state.dialect === 'datafusion' && /^\s*create\b/i.test(record.sql) ? 0 : affectedRows(outcome);
    if (n !== record.count) { fail(state, file, record.line, record.sql, 'statement count', `expected ${record.count} rows affected, got ${n ?? 'no count'}`); return; }
  }
  state.result.passed++;
}

/** The engine session's time zone (DataFusion prints a zoned timestamp in it), undefined when it cannot say. */
async function sessionTimeZone(state: FileState): Promise<string | undefined> {
  const shown = await executeBounded(state.engine, 'SHOW timezone', 10_000);
  return shown.ok && shown.kind === 'rows' && typeof shown.rows[0]?.[0] === 'string' ? shown.rows[0][0] : undefined;
}

async function runQuery(state: FileState, record: QueryRecord, file: string, topLevel: boolean): Promise<void> {
  const outcome = await executeBounded(state.engine, sqlToRun(state, record.sql), state.options.recordTimeoutMs ?? 10_000);
  if (record.error) { checkExpectedError(state, file, record, outcome, record.error); return; }
  if (!outcome.ok) { failOutcome(state, file, record, outcome); return; }
  const types = record.types;
  let rows: string[][];
  let columns: number;
  if (outcome.kind === 'rows') {
    const timeZone = state.dialect === 'datafusion' && outcome.fields.some((f) => f.type.kind === 'timestamptz') ? await sessionTimeZone(state) : undefined;
    rows = outcome.rows.map((row) => row.map((v, c) => renderValue(v, outcome.fields[c]!.type, types[c] ?? '?', state.dialect, timeZone)));
    columns = outcome.fields.length;
  } else {
    // DataFusion and DuckDB return DML's affected-row count as a one-value result, and their files query it
    const count = affectedRows(outcome);
    if (state.dialect === 'classic' || count === undefined || !/^\s*(insert|update|delete)\b/i.test(record.sql)) {
      fail(state, file, record.line, record.sql, 'wrong result', `returned no rows (${outcome.tag || 'no result'})`);
      return;
    }
    rows = [[String(count)]];
    columns = 1;
  }
  if (columns !== types.length) {
    if (state.options.complete && topLevel) complete(state, record, rows);
    fail(state, file, record.line, record.sql, 'column count', `expected ${types.length} column(s), got ${columns}`);
    return;
  }
  const cmp = compareResult(record.expected, rows, record.sortMode, state.dialect !== 'classic');
  if (!cmp.ok) {
    // --complete rewrites only records that differ, so <slt:ignore> and hand-chosen layouts survive
    if (state.options.complete && topLevel) complete(state, record, rows);
    fail(state, file, record.line, record.sql, 'wrong result', cmp.detail ?? 'different result');
    return;
  }
  if (record.label !== undefined) {
    const hash = hashLine(sortRows(rows, record.sortMode).flat());
    const seen = state.labels.get(record.label);
    if (seen !== undefined && seen !== hash) { fail(state, file, record.line, record.sql, 'label mismatch', `${record.label}: ${hash}, earlier ${seen}`); return; }
    state.labels.set(record.label, hash);
  }
  state.result.passed++;
}

/** Records the actual result as the record's expected block (row per line, hashed above the threshold). */
function complete(state: FileState, record: QueryRecord, rows: string[][]): void {
  const sorted = sortRows(rows, record.sortMode);
  const values = sorted.flat();
  const body = state.hashThreshold > 0 && values.length > state.hashThreshold
    ? [hashLine(values)]
    : state.dialect === 'classic' ? values : sorted.map((r) => r.join(' '));
  const sqlEnd = record.separatorIndex >= 0 ? record.separatorIndex - 1 : record.endIndex;
  // keep header and SQL lines as written; replace separator and results
  state.edits.push({ start: sqlEnd + 1, end: record.endIndex, lines: body.length > 0 || record.separatorIndex >= 0 ? ['----', ...body] : [] });
}
