/**
 * Runs every case of the shared Delta corpus (../shared/corpus/delta) and fails on
 * any case that fails without being listed in test/known-failures/delta-corpus.txt,
 * and on a listed case that now passes (so the list stays honest).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS, caseFolders, runCorpus } from './run-corpus.ts';

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
