/**
 * The Delta corpus runner: `node test/delta-corpus/run-corpus.ts [case folders…]`
 * (default: every case of ../shared/corpus/delta relative to the repository).
 * Prints `passed|failed <case> <reason>` per case and ends with `N passed, N failed`;
 * exits 1 when any case failed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CaseResult, runCase } from './corpus-case.ts';

/** The shared corpus folder, resolved relative to the repository root. */
export const DEFAULT_CORPUS = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/corpus/delta');

/** Case folders under `root` (folders holding case.json or table/). */
export function caseFolders(root: string): string[] {
  return readdirSync(root)
    .map((d) => path.join(root, d))
    .filter((d) => statSync(d).isDirectory() && (existsSync(path.join(d, 'case.json')) || existsSync(path.join(d, 'table'))))
    .sort();
}

/** Runs the given case folders (or every case of a corpus folder given instead). */
export async function runCorpus(folders: readonly string[], print: (line: string) => void = (l) => console.log(l)): Promise<CaseResult[]> {
  const cases = folders.flatMap((f) => (existsSync(path.join(f, 'table')) ? [f] : caseFolders(f)));
  const results: CaseResult[] = [];
  for (const dir of cases) {
    const r = await runCase(dir);
    results.push(r);
    print(`${r.passed ? 'passed' : 'failed'} ${r.name} ${r.reason}`);
  }
  const passed = results.filter((r) => r.passed).length;
  print(`${passed} passed, ${results.length - passed} failed`);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).map((a) => path.resolve(a));
  const results = await runCorpus(args.length > 0 ? args : [DEFAULT_CORPUS]);
  process.exitCode = results.every((r) => r.passed) ? 0 : 1;
}
