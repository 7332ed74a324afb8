import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import { compareKeys, listText, parseKnownFailures } from './known-failures.ts';
import { sltMain } from './slt-cli.ts';
import { corpusPath, exclusionOf, globRegex, loadExclusions, parseExclusions } from './slt-exclusions.ts';
import { compareWithKnown } from './slt-regressions.ts';
import { readReports } from './slt-report.ts';
import { runSltFile } from './slt-runner.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'loch-slt-excl-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('exclusion rules', () => {
  it('parses blocks with continuation lines, function lists, sql patterns and file globs', () => {
    const rules = parseExclusions([
      '# comment', '',
      'rule   a', 'suite  duckdb', 'functions foo, bar_baz', 'reason only DuckDB', '       has these', '',
      'rule   b', 'suite  datafusion', 'sql    \\bLEFT\\s+SEMI\\b', 'files  datafusion/**/joins*.slt', 'reason DataFusion join syntax',
    ].join('\n'));
    expect(rules.map((r) => [r.id, r.suite, r.reason])).toEqual([['a', 'duckdb', 'only DuckDB has these'], ['b', 'datafusion', 'DataFusion join syntax']]);
    const duck = '/x/corpus/slt/duckdb/test/sql/t.test';
    expect(exclusionOf(rules, duck, 'SELECT FOO (1)')?.id).toBe('a');
    expect(exclusionOf(rules, duck, 'SELECT bar_baz(1), x')?.id).toBe('a');
    // a name inside a longer identifier, a qualified name or a column named foo is no call
    expect(exclusionOf(rules, duck, 'SELECT my_foo(1), s.foo(2), foo FROM t')).toBeUndefined();
    // rules apply to their suite only, and to the files their glob names
    expect(exclusionOf(rules, '/c/sqlite/test/t.test', 'SELECT foo(1)')).toBeUndefined();
    const df = '/c/datafusion/datafusion/sqllogictest/test_files/joins_extra.slt';
    expect(exclusionOf(rules, df, 'select * from a left semi join b on x')?.id).toBe('b');
    expect(exclusionOf(rules, '/c/datafusion/datafusion/sqllogictest/test_files/misc.slt', 'select * from a left semi join b on x')).toBeUndefined();
  });

  it('rejects malformed rules, naming the line', () => {
    expect(() => parseExclusions('rule x\nsuite duckdb\nreason r\n')).toThrow(/line 1: rule x needs functions or sql/);
    expect(() => parseExclusions('rule x\nsuite mysql\nsql a\nreason r\n')).toThrow(/needs a suite/);
    expect(() => parseExclusions('rule x\nsuite duckdb\nsql a\n')).toThrow(/needs a reason/);
    expect(() => parseExclusions('rule x\nsuite duckdb\nsql a\nreason r\nwhy not\n')).toThrow(/line 5: unknown key "why"/);
    expect(() => parseExclusions('rule x\nsuite duckdb\nfunctions a b\nreason r\n')).toThrow(/"a b" is not a function name/);
  });

  it('the rules of test/known-failures/slt-exclusions.txt load and exclude only engine-specific calls', () => {
    const rules = loadExclusions();
    expect(rules.length).toBeGreaterThan(5);
    const df = '/c/datafusion/datafusion/sqllogictest/test_files/a.slt';
    const duck = '/c/duckdb/test/sql/a.test';
    expect(exclusionOf(rules, df, "select arrow_typeof(1)")?.id).toBe('datafusion-arrow-types');
    expect(exclusionOf(rules, duck, "SELECT damerau_levenshtein('a', 'b')")?.id).toBe('duckdb-string-similarity');
    // functions PostgreSQL or Spark also have are not engine-specific
    for (const sql of ["select nvl(a, 1)", "select to_date('2020-01-01')", "select date_bin(interval '1 hour', ts)", "select try_cast('1' as int)", "select regexp_extract('a', 'a', 0)", "select date_add(d, 1)"]) {
      expect(exclusionOf(rules, df, sql)).toBeUndefined();
      expect(exclusionOf(rules, duck, sql)).toBeUndefined();
    }
    expect(exclusionOf(rules, duck, "SELECT 7 // 2")?.id).toBe('duckdb-integer-division-operator');
    expect(exclusionOf(rules, duck, "SELECT 'http://x' AS u")).toBeUndefined();
  });

  it('knows the suite and corpus path of a file, and globs', () => {
    expect(corpusPath('/w/shared/corpus/slt/datafusion/datafusion/sqllogictest/test_files/a.slt')).toEqual({ suite: 'datafusion', relative: 'datafusion/datafusion/sqllogictest/test_files/a.slt' });
    expect(corpusPath('test/slt/files/basic.slt').suite).toBe('other');
    expect(globRegex('duckdb/**/x*.test').test('duckdb/test/sql/xy.test')).toBe(true);
    expect(globRegex('duckdb/*/x*.test').test('duckdb/test/sql/xy.test')).toBe(false);
  });
});

describe('excluded records in runs, reports and the known-failures lists', () => {
  const dir = path.join(tmp, 'duckdb', 'test');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'e.test');
  writeFileSync(file, [
    'statement ok', 'CREATE TABLE t(a INTEGER)', '', // line 1
    'query I', 'SELECT foo_only(a) FROM t', '----', '', // line 4: fails (no such function), excluded
    'query I', 'SELECT 41 + 1', '----', '42', '', // line 8: passes, excluded by the sql pattern
    'query I', 'SELECT 2', '----', '3', '', // line 13: fails, not excluded
  ].join('\n'));
  const rules = parseExclusions('rule foo\nsuite duckdb\nfunctions foo_only\nsql 41 \\+ 1\nreason test rule\n');

  it('runs excluded records, flags their failures and lists them', async () => {
    const r = await runSltFile(file, { createEngine: () => createLocalEngine(), exclusions: rules });
    expect({ passed: r.passed, failed: r.failed }).toEqual({ passed: 2, failed: 2 });
    expect(r.failures.map((f) => [f.line, f.excluded])).toEqual([[4, 'foo'], [13, undefined]]);
    expect(r.excluded).toEqual([{ file, line: 4, rule: 'foo', passed: false }, { file, line: 8, rule: 'foo', passed: true }]);
    expect(r.lastLine).toBe(13);
    // against a list: line 13 is a regression until listed; a listed line that passed is reported fixed
    expect(compareWithKnown([r], () => new Map()).regressions).toEqual(['duckdb/test/e.test:13  wrong result: ' + r.failures[1]!.message]);
    const known = new Map([['duckdb/test/e.test:13', 'x'], ['duckdb/test/e.test:8', 'y']]);
    expect(compareWithKnown([r], () => known)).toEqual({ regressions: [], slow: [], fixed: ['duckdb/test/e.test:8'] });
  });

  it('the CLI prints per-suite rates with and without engine-specific records before the final line', async () => {
    // the default rules do not match this file: every record counts on both lines
    let out = '';
    const report = path.join(tmp, 'r.jsonl');
    const code = await sltMain(['--report', report, file], { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual(['duckdb: 2/4 records passed (50.0%); without 0 engine-specific records: 2/4 (50.0%)', '2 passed, 2 failed']);
    const parsed = readReports([report]);
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0]).toMatchObject({ passed: 2, failed: 2, excludedRan: 0, excludedPassed: 0, lastLine: 13 });
    expect(parsed.failures.map((f) => f.line)).toEqual([4, 13]);
  });

  it('a later report of the same file replaces the earlier one', () => {
    const a = path.join(tmp, 'a.jsonl'), b = path.join(tmp, 'b.jsonl');
    const fileLine = (failed: number): string => JSON.stringify({ type: 'file', file, passed: 1, failed, skipped: 0, errorTextMismatches: 0, stoppedBy: null });
    const failure = (line: number): string => JSON.stringify({ type: 'failure', file, line, sql: 's', category: 'error', message: 'm' });
    writeFileSync(a, [fileLine(2), failure(4), failure(13)].join('\n'));
    writeFileSync(b, [fileLine(1), failure(13)].join('\n'));
    const r = readReports([a, b]);
    expect(r.files.map((f) => f.failed)).toEqual([1]);
    expect(r.failures.map((f) => f.line)).toEqual([13]);
    expect(readFileSync(a, 'utf8')).toContain('"line":4');
  });

  it('lists sort by path then line number, and parse back', () => {
    const entries = new Map([['b/x.test:10', 'error: e'], ['b/x.test:9', 'error: d'], ['a/y.test:100', 'wrong result: w']]);
    const text = listText(['title'], entries);
    expect(text).toBe('# title\na/y.test:100  wrong result: w\nb/x.test:9  error: d\nb/x.test:10  error: e\n');
    expect(parseKnownFailures(text)).toEqual(entries);
    expect(['b:1', 'a:10', 'a:9'].sort(compareKeys)).toEqual(['a:9', 'a:10', 'b:1']);
  });
});
