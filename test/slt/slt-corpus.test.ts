import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import { CORPUS_FLOORS } from './corpus-floors.ts';
import { runSltFile } from './slt-runner.ts';

const CORPUS = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/corpus/slt');

describe.skipIf(!existsSync(CORPUS))('sqllogictest corpus subset (no regressions)', () => {
  it('passes at least the recorded number of records of each chosen file', async () => {
    const regressions: string[] = [];
    let passed = 0;
    for (const floor of CORPUS_FLOORS) {
      const r = await runSltFile(path.join(CORPUS, floor.file), {
        createEngine: () => createLocalEngine(),
        ...(floor.maxRecords !== undefined ? { maxRecords: floor.maxRecords } : {}),
      });
      passed += r.passed;
      if (r.passed < floor.minPassed) {
        const first = r.failures[0];
        regressions.push(`${floor.file}: ${r.passed} passed, floor ${floor.minPassed}${first ? ` (e.g. line ${first.line}: ${first.category}: ${first.message})` : ''}`);
      }
    }
    expect(regressions).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(CORPUS_FLOORS.reduce((n, f) => n + f.minPassed, 0));
  }, 180_000);
});
