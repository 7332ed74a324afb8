/**
 * `npm run slt:full`: the whole corpus, SQLite unsampled (about half an hour on
 * two cores), one report per suite in tmp/slt/<suite>.jsonl for
 * `npm run slt:known-failures`. Arguments name the suites to run (default all).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sltMain } from './slt-cli.ts';
import { SLT_SUITES } from './slt-exclusions.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const corpus = path.resolve(repo, '../shared/corpus/slt');
const out = path.join(repo, 'tmp/slt');
const suites = process.argv.length > 2 ? process.argv.slice(2) : [...SLT_SUITES];
for (const s of suites) {
  if (!(SLT_SUITES as readonly string[]).includes(s)) {
    process.stderr.write(`slt:full: unknown suite ${s} (${SLT_SUITES.join(', ')})\n`);
    process.exit(2);
  }
}
mkdirSync(out, { recursive: true });
const io = { stdout: (t: string) => { process.stdout.write(t); }, stderr: (t: string) => { process.stderr.write(t); } };
for (const s of suites) {
  await sltMain(['--report', path.join(out, `${s}.jsonl`), path.join(corpus, s)], io);
}
process.stdout.write(`reports in ${path.relative(repo, out)}/; regenerate the lists, baseline and docs: npm run slt:known-failures\n`);
