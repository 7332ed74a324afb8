/**
 * End to end: spawns the real `bin/loch.js` (which loads the real local
 * engine) and checks what a user sees: stdout, stderr and the exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const LOCH = fileURLToPath(new URL('../../bin/loch.js', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'loch-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const peopleCsv = path.join(work, 'people.csv');
writeFileSync(peopleCsv, 'id,name,score\n1,ann,1.5\n2,"b, ""bob""",\n3,cy,-2\n');
const createPeople = `CREATE OR REPLACE TABLE people USING csv LOCATION '${peopleCsv}';`;

interface Run { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/** Runs `loch …` with `input` on stdin (a pipe, so the shell sees no terminal). */
function loch(args: readonly string[], input = '', node = process.execPath): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [LOCH, ...args], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('loch sql (one-shot and -f)', () => {
  it('prints a psql-style table', async () => {
    const r = await loch(['sql', "SELECT 1 AS a, 'xyz' AS bb"]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(' a | bb  \n---+-----\n 1 | xyz\n(1 row)\n\n');
    expect(r.code).toBe(0);
  });

  it('runs several statements; csv prints only the query result on stdout, status on stderr', async () => {
    const r = await loch(['sql', '--format', 'csv', `${createPeople} SELECT id, name, score FROM people ORDER BY id`]);
    expect(r.stdout).toBe('id,name,score\n1,ann,1.5\n2,"b, ""bob""",\n3,cy,-2\n');
    expect(r.stderr).toBe('CREATE TABLE\n');
    expect(r.code).toBe(0);
  });

  it('reads statements from a file with -f and prints json lines', async () => {
    const file = path.join(work, 'q.sql');
    writeFileSync(file, `${createPeople}\n-- a comment\nSELECT name, score > 0 AS positive FROM people WHERE id <> 2 ORDER BY id;\n`);
    const r = await loch(['sql', '-f', file, '--format', 'json']);
    expect(r.stdout).toBe('{"name":"ann","positive":true}\n{"name":"cy","positive":false}\n');
    expect(r.code).toBe(0);
  });

  it('prints ERROR and SQLSTATE to stderr and exits 1 when a statement fails, after earlier results', async () => {
    const r = await loch(['sql', '--format', 'csv', 'SELECT 7 AS n; SELECT * FROM no_such_table; SELECT 8 AS n']);
    expect(r.stdout).toBe('n\n7\n');
    expect(r.stderr).toMatch(/^ERROR: {2}.*no_such_table.*\n(HINT: .*\n)?SQLSTATE: 42P01\n$/);
    expect(r.code).toBe(1);
  });

  it('rejects bad usage with exit code 2', async () => {
    const r = await loch(['sql', '--format', 'xml', 'SELECT 1']);
    expect(r.stderr).toContain('unknown format "xml"');
    expect(r.code).toBe(2);
  });
});

describe('loch sql shell', () => {
  it('runs multi-line statements from stdin, reports errors and carries on until \\q', async () => {
    const input = [
      createPeople,
      'SELECT count(*) AS n',
      '  FROM people;',
      'SELECT nope FROM people;',
      "SELECT 'still here' AS status; SELECT 2 AS two;",
      '\\q',
      'SELECT 3 AS never;',
    ].join('\n');
    const r = await loch(['sql'], input);
    expect(r.stdout).toBe([
      'CREATE TABLE',
      ' n ', '---', ' 3', '(1 row)', '',
      '   status   ', '------------', ' still here', '(1 row)', '',
      ' two ', '-----', '   2', '(1 row)', '', '',
    ].join('\n'));
    expect(r.stderr).toMatch(/^ERROR: {2}.*"nope".*\n(HINT: .*\n)?SQLSTATE: 42703\n$/);
    expect(r.code).toBe(1); // a script (stdin not a terminal) with a failed statement
  });

  it('runs an --init file quietly before the shell', async () => {
    const init = path.join(work, 'init.sql');
    writeFileSync(init, createPeople);
    const r = await loch(['sql', '--init', init, '--format', 'csv'], 'SELECT max(id) AS m FROM people;\n');
    expect(r.stdout).toBe('m\n3\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

const systemNode = '/usr/bin/node';
const systemMajor = Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout?.trim() || 0);

describe('bin/loch.js on an older Node', () => {
  it.skipIf(!(systemMajor >= 20 && systemMajor < 24))('re-executes itself with the packaged Node 24', async () => {
    const r = await loch(['sql', '--format', 'csv', 'SELECT 41 + 1 AS answer'], '', systemNode);
    expect(r.stdout).toBe('answer\n42\n');
    expect(r.code).toBe(0);
  });
});

describe('loch bench', () => {
  it('checks its arguments before generating anything', async () => {
    const missing = await loch(['bench', 'tpch', 'gen', '--out', path.join(work, 'x')]);
    expect(missing.stderr).toContain('--sf (a positive number) and --out are required');
    expect(missing.code).toBe(2);
    const wrong = await loch(['bench', 'nope']);
    expect(wrong.stderr).toContain('usage: loch bench tpch gen --sf N --out DIR');
    expect(wrong.code).toBe(2);
  });
});

describe('loch demo (what npm start runs)', () => {
  it('creates the sample dataset once, registers the tables and prints TPC-H Q1', async () => {
    const dataDir = path.join(work, 'demo-data');
    const first = await loch(['demo', '--data-dir', dataDir]);
    expect(first.stderr).toContain('Creating the sample dataset');
    expect(first.stdout).toContain('(4 rows)');
    // Q1 at SF 0.01: the A/F group of DuckDB's answer
    expect(first.stdout).toMatch(/ A +\| F +\| +380456\.00 \| +532348211\.65 \|.*\| +14876\n/);
    expect(first.stdout).toContain('npx loch sql --init');
    expect(first.code).toBe(0);
    const second = await loch(['demo', '--data-dir', dataDir]);
    expect(second.stderr).not.toContain('Creating the sample dataset');
    expect(second.code).toBe(0);
    const shell = await loch(['sql', '--init', path.join(dataDir, 'sample', 'tables.sql'), '--format', 'csv'], 'SELECT count(*) AS n FROM orders;\n');
    expect(shell.stdout).toBe('n\n15000\n');
  }, 300_000); // generates a dataset: allow for a loaded machine
});
