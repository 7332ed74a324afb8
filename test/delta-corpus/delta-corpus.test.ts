/**
 * Runs every case of the shared Delta corpus (../shared/corpus/delta) and fails on
 * any case that fails without being listed in test/known-failures/delta-corpus.txt,
 * and on a listed case that now passes (so the list stays honest).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS, caseFolders, runCorpus } from './run-corpus.ts';
import { runCase } from './corpus-case.ts';

const KNOWN = new URL('../known-failures/delta-corpus.txt', import.meta.url);

function knownFailures(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(fileURLToPath(KNOWN), 'utf8').split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const space = t.indexOf(' ');
    out.set(space < 0 ? t : t.slice(0, space), space < 0 ? '' : t.slice(space + 1));
  }
  return out;
}

describe('Delta corpus', () => {
  it('has the 26 shared cases', () => {
    expect(caseFolders(DEFAULT_CORPUS).length).toBe(26);
  });

  it('every case passes unless listed as a known failure with a reason', async () => {
    const lines: string[] = [];
    const results = await runCorpus([DEFAULT_CORPUS], (l) => lines.push(l));
    const known = knownFailures();
    for (const [name, reason] of known) expect(reason, `known failure ${name} needs a reason`).not.toBe('');
    const unexpected = results.filter((r) => !r.passed && !known.has(r.name)).map((r) => `${r.name}: ${r.reason}`);
    const nowPassing = results.filter((r) => r.passed && known.has(r.name)).map((r) => r.name);
    expect(unexpected).toEqual([]);
    expect(nowPassing).toEqual([]);
    expect(lines[lines.length - 1]).toMatch(/^\d+ passed, \d+ failed$/);
  }, 300_000);
});

describe('the runner itself', () => {
  /** A case built from drs-python-checkpoint's table (x = 1,2,3 twice) with the given expectations. */
  function fakeCase(files: Record<string, string>): string {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'loch-corpus-')), 'fake-case');
    cpSync(path.join(DEFAULT_CORPUS, 'drs-python-checkpoint', 'table'), path.join(dir, 'table'), { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, 'expected', rel)), { recursive: true });
      writeFileSync(path.join(dir, 'expected', rel), text);
    }
    return dir;
  }
  const table = (rows: string[]) => ['+---+', '| x |', '+---+', ...rows.map((r) => `| ${r} |`), '+---+'].join('\n');

  it('passes matching rows in any order', async () => {
    expect(await runCase(fakeCase({ 'latest/rows.txt': table(['3', '1', '2', '1', '2', '3']), 'v0/rows.txt': table(['2', '3', '1']) })))
      .toMatchObject({ passed: true, reason: 'checked latest (v1), v0' });
  });

  it('fails a wrong value, a missing row, a wrong column and an error case that reads', async () => {
    expect(await runCase(fakeCase({ 'latest/rows.txt': table(['1', '1', '2', '2', '3', '4']) }))).toMatchObject({ passed: false, reason: expect.stringContaining('row mismatch') });
    expect(await runCase(fakeCase({ 'latest/rows.txt': table(['1', '1', '2', '2', '3']) }))).toMatchObject({ passed: false, reason: expect.stringContaining('expected 5 rows, got 6') });
    expect(await runCase(fakeCase({ 'v0/rows.txt': table(['1', '2', '']) }))).toMatchObject({ passed: false });
    expect(await runCase(fakeCase({ 'latest/rows.txt': table(['1']).replace('| x |', '| y |') }))).toMatchObject({ passed: false, reason: expect.stringContaining('columns missing from the scan: y') });
    expect(await runCase(fakeCase({ 'error.json': '{}' }))).toMatchObject({ passed: false, reason: 'expected an error, but the table was read' });
  });
});
