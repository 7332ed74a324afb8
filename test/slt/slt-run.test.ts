import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import { sltMain } from './slt-cli.ts';
import { runSltFile } from './slt-runner.ts';

const FILES = fileURLToPath(new URL('./files/', import.meta.url));
const BASIC = path.join(FILES, 'basic.slt');
const tmp = mkdtempSync(path.join(tmpdir(), 'loch-slt-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string[] }> {
  let out = '';
  const code = await sltMain(args, { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
  return { code, out: out.trimEnd().split('\n') };
}

describe('sqllogictest runner end to end', () => {
  it('passes every record of test/slt/files/basic.slt, skipping the guarded ones and stopping at halt', async () => {
    const r = await runSltFile(BASIC, { createEngine: () => createLocalEngine() });
    expect(r.failures).toEqual([]);
    expect({ passed: r.passed, failed: r.failed, skipped: r.skipped, stoppedBy: r.stoppedBy }).toEqual({ passed: 17, failed: 0, skipped: 2, stoppedBy: 'halt' });
  });

  it('counts failing records, prints one line per file and exactly one final line', async () => {
    const bad = path.join(tmp, 'bad.slt');
    writeFileSync(bad, [
      'statement ok', 'CREATE TABLE t(a INTEGER)', '',
      'statement count 2', 'INSERT INTO t VALUES (1), (2)', '',
      'statement count 5', 'INSERT INTO t VALUES (3)', '', // wrong count
      'query I rowsort', 'SELECT a FROM t', '----', '1', '2', '4', '', // wrong result
      'query II', 'SELECT a FROM t', '----', '1', '', // column count
      'statement error', 'SELECT 1', '', // succeeds, error expected
      'statement ok', 'SELECT * FROM missing', '', // error
      'query I', 'SELECT 1', '----', '1', '',
    ].join('\n'));
    const { code, out } = await cli(['-v', bad, BASIC]);
    expect(code).toBe(1);
    expect(out.filter((l) => /^(passed|failed|skipped) /.test(l))).toEqual([
      `failed ${bad} (3/8 records)`,
      `passed ${BASIC} (17/17 records) [2 skipped]`,
    ]);
    expect(out.at(-1)).toBe('20 passed, 5 failed');
    expect(out.filter((l) => /^\d+ passed, \d+ failed$/.test(l))).toHaveLength(1);
    const details = out.join('\n');
    expect(details).toContain('statement count: expected 5 rows affected, got 1');
    expect(details).toContain('wrong result');
    expect(details).toContain('column count: expected 2 column(s), got 1');
    expect(details).toContain('expected error: succeeded');
    expect(details).toContain('relation "missing" does not exist');
  });

  it('--complete rewrites only the results that differ, and the file passes afterwards', async () => {
    const copy = path.join(tmp, 'complete.slt');
    copyFileSync(path.join(FILES, 'setup.slt.part'), path.join(tmp, 'setup.slt.part'));
    const original = readFileSync(BASIC, 'utf8');
    const broken = original.replace('SELECT count(*) FROM t1\n----\n4', 'SELECT count(*) FROM t1\n----\n99').replace('SELECT 7\n----\n7', 'SELECT 7');
    expect(broken).not.toBe(original);
    writeFileSync(copy, broken);
    expect((await cli([copy])).code).toBe(1);
    const completed = await cli(['--complete', copy]);
    expect(completed.out).toContain(`  rewrote ${copy}`);
    expect(readFileSync(copy, 'utf8')).toBe(original);
    expect((await cli([copy])).out.at(-1)).toBe('17 passed, 0 failed');
  });

  it('runs as `loch slt` (the real command)', async () => {
    const loch = fileURLToPath(new URL('../../bin/loch.js', import.meta.url));
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [loch, 'slt', FILES], (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }));
    });
    expect(code).toBe(0);
    expect(stdout).toBe(`passed ${path.join(FILES, 'basic.slt')} (17/17 records) [2 skipped]\n17 passed, 0 failed\n`);
  });

  it('resolves relative data paths against --cwd', async () => {
    writeFileSync(path.join(tmp, 'data.csv'), 'a,b\n1,x\n2,y\n');
    const file = path.join(tmp, 'csv.slt');
    writeFileSync(file, "query IT rowsort\nSELECT a, b FROM read_csv('data.csv')\n----\n1 x\n2 y\n");
    const elsewhere = await cli([file]);
    const inside = await cli(['--cwd', tmp, file]);
    expect(inside.out.at(-1)).toBe('1 passed, 0 failed');
    expect(elsewhere.out.at(-1)).toBe('0 passed, 1 failed');
  });

  it('points a DataFusion file\'s test_files/scratch/ paths at a fresh folder of its own (the corpus is read-only); its CREATE … AS counts 0 rows', async () => {
    const folder = path.join(tmp, 'datafusion', 'sqllogictest', 'test_files');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'scratch_use.slt');
    writeFileSync(file, [
      'query I', "COPY (VALUES (1), (2)) TO 'test_files/scratch/x/t.csv' STORED AS CSV", '----', '2', '',
      'statement ok', "CREATE EXTERNAL TABLE t (a INT) STORED AS CSV LOCATION 'test_files/scratch/x/t.csv' OPTIONS ('format.has_header' 'true')", '',
      'query I', 'SELECT sum(a) FROM t', '----', '3', '',
      // DataFusion counts DDL, CREATE TABLE … AS included, as 0 rows
      'statement count 0', 'CREATE TABLE c AS VALUES (1), (2)', '',
    ].join('\n'));
    const r = await runSltFile(file, { createEngine: () => createLocalEngine() });
    expect(r.failures).toEqual([]);
    expect(r.passed).toBe(4);
    expect(readdirSync(folder)).toEqual(['scratch_use.slt']);
  });

  it('fails a record that blocks past its time bound and goes on with the next file', async () => {
    const values = Array.from({ length: 400 }, (_, i) => `(${i})`).join(',');
    const hang = path.join(tmp, 'hang.slt');
    writeFileSync(hang, `query I\nSELECT count(*) FROM (VALUES ${values}) a(x), (VALUES ${values}) b(y), (VALUES ${values}) c(z), (VALUES ${values}) d(w) WHERE x + y + z + w = -1\n----\n0\n\nquery I\nSELECT 1\n----\n1\n`);
    const ok = path.join(tmp, 'ok.slt');
    writeFileSync(ok, 'query I\nSELECT 1\n----\n1\n');
    const childDirs = (): string[] => readdirSync(tmpdir()).filter((d) => d.startsWith('loch-slt-'));
    const before = new Set(childDirs());
    const started = performance.now();
    const { out } = await cli(['--timeout', '1', hang, ok]);
    // the query needs 400^4 rows: only the time bound ends it. The bound on the wall time is loose
    // because two child processes start on a machine that may be loaded (CI ran this at load 20).
    expect(performance.now() - started).toBeLessThan(120_000);
    // the killed child's temporary warehouse is removed with its TMPDIR
    expect(childDirs().filter((d) => !before.has(d))).toEqual([]);
    expect(out).toEqual([`failed ${hang} (0/1 records) [stopped: a record hung]`, `passed ${ok} (1/1 records)`, '1 passed, 1 failed']);
  }, 180_000);
});
