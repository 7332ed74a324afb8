/**
 * Parses sqllogictest text into records, following ../shared/corpus/slt/FORMAT.md:
 * blank lines end records, `#` lines are comments in the header and SQL part,
 * `skipif`/`onlyif` lines guard the record after them.
 */
import type { ExpectedError, SltCondition, SltRecord, SortMode } from './slt-record.ts';

const SORT_MODES: ReadonlySet<string> = new Set(['nosort', 'rowsort', 'valuesort']);
const RECORD_START = /^(statement|query|skipif|onlyif|hash-threshold|halt|include|#)/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** The text after the first `words` words of `line` (raw, for regexes that hold spaces). */
function restAfterWords(line: string, words: number): string {
  const m = new RegExp(`^\\s*(?:\\S+\\s+){${words}}(.*)$`).exec(line);
  return m ? m[1]!.trim() : '';
}

/**
 * Splits text into lines and parses every record. Never throws: a header it
 * does not know becomes an `unknown` record.
 */
export function parseSlt(text: string): SltRecord[] {
  const lines = text.split(/\r?\n/);
  return parseSltLines(lines);
}

/** Parses records from already split lines (indexes in records refer to `lines`). */
export function parseSltLines(lines: readonly string[]): SltRecord[] {
  const records: SltRecord[] = [];
  const n = lines.length;
  let i = 0;
  while (i < n) {
    if (isBlank(lines[i]!)) { i++; continue; }
    const conditions: SltCondition[] = [];
    while (i < n && !isBlank(lines[i]!)) {
      const line = lines[i]!;
      if (line.startsWith('#')) { i++; continue; }
      const cond = /^(skipif|onlyif)\s+(\S+)/.exec(line);
      if (cond) { conditions.push({ kind: cond[1] as 'skipif' | 'onlyif', engine: cond[2]! }); i++; continue; }
      break;
    }
    if (i >= n || isBlank(lines[i]!)) continue; // only comments and conditions: nothing to run
    const headerIndex = i;
    const header = lines[i]!;
    const words = header.trim().split(/\s+/);
    const base = { line: headerIndex + 1, conditions, headerIndex };
    i++;
    // body: SQL lines up to `----` or a blank line
    const sqlLines: string[] = [];
    let separatorIndex = -1;
    while (i < n && !isBlank(lines[i]!)) {
      const line = lines[i]!;
      if (line === '----' || line.trimEnd() === '----') { separatorIndex = i; i++; break; }
      if (!line.startsWith('#')) sqlLines.push(line);
      i++;
    }
    const expected: string[] = [];
    if (separatorIndex >= 0) {
      while (i < n) {
        const line = lines[i]!;
        if (line === '') break;
        if (isBlank(line)) {
          // A whitespace-only line inside a result (a row of empty strings) continues it
          // when more result lines follow; otherwise it ends the record as a blank line.
          const next = lines[i + 1];
          if (next === undefined || isBlank(next) || RECORD_START.test(next)) break;
        }
        expected.push(line);
        i++;
      }
    }
    const endIndex = i - 1;
    const sql = sqlLines.join('\n');
    const kind = words[0]!;
    const at = { ...base, endIndex };
    switch (kind) {
      case 'statement': {
        const mode = words[1] ?? 'ok';
        if (mode === 'error') {
          records.push({ ...at, kind: 'statement', expect: 'error', error: expectedError(restAfterWords(header, 2), expected), sql });
        } else if (mode === 'count') {
          records.push({ ...at, kind: 'statement', expect: 'count', count: Number(words[2]), sql });
        } else if (mode === 'ok') {
          records.push({ ...at, kind: 'statement', expect: 'ok', sql });
        } else {
          records.push({ ...at, kind: 'unknown', header });
        }
        break;
      }
      case 'query': {
        if (words[1] === 'error') {
          records.push({ ...at, kind: 'query', types: '', sortMode: 'nosort', sql, expected: [], separatorIndex, error: expectedError(restAfterWords(header, 2), expected) });
          break;
        }
        let sortMode: SortMode = 'nosort';
        let label: string | undefined;
        for (const w of words.slice(2)) {
          if (SORT_MODES.has(w)) sortMode = w as SortMode;
          else if (label === undefined) label = w;
        }
        records.push({ ...at, kind: 'query', types: words[1] ?? '', sortMode, ...(label !== undefined ? { label } : {}), sql, expected, separatorIndex });
        break;
      }
      case 'hash-threshold':
        records.push({ ...at, kind: 'hash-threshold', threshold: Number(words[1] ?? 0) });
        break;
      case 'halt':
        records.push({ ...at, kind: 'halt' });
        break;
      case 'include':
        records.push({ ...at, kind: 'include', path: restAfterWords(header, 1) });
        break;
      default:
        records.push({ ...at, kind: 'unknown', header });
    }
  }
  return records;
}

function expectedError(regex: string, messageLines: readonly string[]): ExpectedError {
  const message = messageLines.join('\n').trim();
  return { ...(regex !== '' ? { regex } : {}), ...(message !== '' ? { message } : {}) };
}

/** True when the record should run for a runner answering to `engines` (FORMAT.md §5). */
export function conditionsAllow(conditions: readonly SltCondition[], engines: ReadonlySet<string>): boolean {
  for (const c of conditions) {
    if (c.kind === 'skipif' && engines.has(c.engine)) return false;
    if (c.kind === 'onlyif' && !engines.has(c.engine)) return false;
  }
  return true;
}
