/**
 * Engine-specific records of the corpus (test/known-failures/slt-exclusions.txt):
 * the rules, their parser and the matcher the runner asks for every record it
 * runs. An excluded record still runs; it is counted apart so pass rates can be
 * given with and without records that test another engine's own functions,
 * types or output formats.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The corpus suites, named by the corpus folder of their files. */
export const SLT_SUITES = ['sqlite', 'datafusion', 'duckdb'] as const;

/** A corpus suite, or `other` for files outside the corpus (Loch's own). */
export type SltSuite = (typeof SLT_SUITES)[number] | 'other';

/** One exclusion rule. */
export interface SltExclusionRule {
  readonly id: string;
  readonly suite: SltSuite;
  readonly reason: string;
  /** Matches the record's SQL (function calls and the `sql` pattern combined). */
  readonly pattern: RegExp;
  /** Matches the corpus-relative path (`duckdb/test/…`), when the rule names files. */
  readonly files?: RegExp;
}

/** The default rules file. */
export const EXCLUSIONS_FILE = fileURLToPath(new URL('../known-failures/slt-exclusions.txt', import.meta.url));

/** The suite of a file and its path from the suite folder on (`duckdb/test/sql/…`), from its path. */
export function corpusPath(file: string): { suite: SltSuite; relative: string } {
  const parts = file.split(/[\\/]/);
  const i = parts.findIndex((p) => (SLT_SUITES as readonly string[]).includes(p));
  if (i < 0) return { suite: 'other', relative: parts.join('/') };
  return { suite: parts[i] as SltSuite, relative: parts.slice(i).join('/') };
}

/** A glob (`*` within a folder, `**` across folders, `?` one character) as an anchored regex. */
export function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Parses the rules text; throws naming the line of a malformed rule. */
export function parseExclusions(text: string): SltExclusionRule[] {
  const rules: SltExclusionRule[] = [];
  let cur: Map<string, string> | undefined;
  let curLine = 0;
  let lastKey = '';
  const flush = (): void => {
    if (!cur) return;
    const get = (k: string): string | undefined => cur!.get(k);
    const id = get('rule')!;
    const suite = get('suite');
    const reason = get('reason');
    if (!suite || !(SLT_SUITES as readonly string[]).includes(suite)) throw new Error(`slt-exclusions line ${curLine}: rule ${id} needs a suite (${SLT_SUITES.join(', ')})`);
    if (!reason) throw new Error(`slt-exclusions line ${curLine}: rule ${id} needs a reason`);
    const alternatives: string[] = [];
    const fns = get('functions');
    if (fns) {
      const names = fns.split(',').map((s) => s.trim()).filter(Boolean);
      for (const n of names) if (!/^\w+$/.test(n)) throw new Error(`slt-exclusions line ${curLine}: rule ${id}: "${n}" is not a function name`);
      alternatives.push(`(?<![\\w.$"])(?:${names.join('|')})\\s*\\(`);
    }
    const sql = get('sql');
    if (sql) alternatives.push(`(?:${sql})`);
    if (alternatives.length === 0) throw new Error(`slt-exclusions line ${curLine}: rule ${id} needs functions or sql`);
    const files = get('files');
    rules.push({
      id, suite: suite as SltSuite, reason, pattern: new RegExp(alternatives.join('|'), 'im'),
      ...(files ? { files: globRegex(files) } : {}),
    });
    cur = undefined;
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      // continuation of the previous key's value
      if (!cur || !lastKey) throw new Error(`slt-exclusions line ${n + 1}: indented line outside a rule`);
      cur.set(lastKey, `${cur.get(lastKey)} ${line.trim()}`);
      continue;
    }
    const m = /^(\w+)\s+(.*)$/.exec(line.trimEnd());
    if (!m) throw new Error(`slt-exclusions line ${n + 1}: expected "key value"`);
    const [, key, value] = m as unknown as [string, string, string];
    if (key === 'rule') { flush(); cur = new Map(); curLine = n + 1; }
    else if (!cur) throw new Error(`slt-exclusions line ${n + 1}: "${key}" before the first rule`);
    else if (!['suite', 'functions', 'sql', 'files', 'reason'].includes(key)) throw new Error(`slt-exclusions line ${n + 1}: unknown key "${key}"`);
    cur.set(key, value);
    lastKey = key;
  }
  flush();
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) throw new Error(`slt-exclusions: rule ${r.id} is defined twice`);
    seen.add(r.id);
  }
  return rules;
}

let defaultRules: SltExclusionRule[] | undefined;

/** The rules of test/known-failures/slt-exclusions.txt (read once). */
export function loadExclusions(): readonly SltExclusionRule[] {
  return defaultRules ??= parseExclusions(readFileSync(EXCLUSIONS_FILE, 'utf8'));
}

/** The rule that excludes a record of `file` with this SQL, if any. */
export function exclusionOf(rules: readonly SltExclusionRule[], file: string, sql: string): SltExclusionRule | undefined {
  const { suite, relative } = corpusPath(file);
  if (suite === 'other') return undefined;
  for (const r of rules) {
    if (r.suite !== suite) continue;
    if (r.files && !r.files.test(relative)) continue;
    if (r.pattern.test(sql)) return r;
  }
  return undefined;
}
