/**
 * Sorting, hashing and comparing rendered query results (FORMAT.md §3-4):
 * rowsort/valuesort, `N values hashing to <md5>`, the value-per-line and
 * row-per-line layouts, `<slt:ignore>`, and the numeric/boolean leniency the
 * DataFusion and DuckDB files need.
 */
import { createHash } from 'node:crypto';
import type { SortMode } from './slt-record.ts';

const HASH_LINE = /^(\d+) values hashing to ([0-9a-f]{32})$/;
const IGNORE = '<slt:ignore>';

/** Byte-wise (strcmp) order of strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares rows column by column as strings. */
export function compareRows(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareStrings(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Applies a sort mode to rendered rows; valuesort returns one-value rows. */
export function sortRows(rows: readonly (readonly string[])[], mode: SortMode): string[][] {
  if (mode === 'valuesort') return rows.flat().sort(compareStrings).map((v) => [v]);
  const copy = rows.map((r) => [...r]);
  if (mode === 'rowsort') copy.sort(compareRows);
  return copy;
}

/** MD5 of the values, each followed by one newline (after sorting). */
export function hashValues(values: readonly string[]): string {
  const h = createHash('md5');
  for (const v of values) h.update(`${v}\n`);
  return h.digest('hex');
}

/** The one-line hashed form of a result: `<count> values hashing to <md5>`. */
export function hashLine(values: readonly string[]): string {
  return `${values.length} values hashing to ${hashValues(values)}`;
}

/** Collapses whitespace runs (tabs included) and trims. */
function normalize(line: string): string {
  return line.trim().split(/\s+/).join(' ');
}

const TRUE_WORDS = new Set(['true', 't', '1']);
const FALSE_WORDS = new Set(['false', 'f', '0']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(Infinity|inf|NaN)$/;

/** Lenient equality of one expected and one actual value: numbers within a tolerance, boolean spellings. */
export function valuesMatch(expected: string, actual: string, lenient: boolean): boolean {
  if (expected === actual) return true;
  if (expected.includes(IGNORE)) return ignorePattern(expected).test(actual);
  if (!lenient) return false;
  if (NUMBER.test(expected) && NUMBER.test(actual)) {
    const a = Number(expected.replace(/inf$/, 'Infinity')), b = Number(actual.replace(/inf$/, 'Infinity'));
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    if (a === b) return true;
    // the same float32: DataFusion computes REAL (FLOAT) columns in f32 where Loch's answer is the f64 one
    if (Math.fround(a) === Math.fround(b)) return true;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (sameTimestamp(expected, actual) || sameInterval(expected, actual)) return true;
  const e = expected.toLowerCase(), x = actual.toLowerCase();
  if ((x === 'true' || x === 'false') && (TRUE_WORDS.has(e) || FALSE_WORDS.has(e))) return TRUE_WORDS.has(e) === (x === 'true');
  return false;
}

const TIMESTAMP = /^(\d{4,}-\d\d-\d\d)(?:T(\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?)?$/;

/**
 * The expected text read as a value of the result's type (what DuckDB's runner does): a
 * timestamp without zone equals the UTC timestamptz Loch gives (PostgreSQL's to_timestamp
 * returns timestamptz; sessions run in UTC), `.500` equals `.5`, and a date equals the
 * midnight timestamp of date + interval, and two zoned timestamps (Z, ±hh:mm) the same instant.
 */
function sameTimestamp(expected: string, actual: string): boolean {
  const a = TIMESTAMP.exec(expected), b = TIMESTAMP.exec(actual);
  if (!a || !b) return false;
  const time = (m: RegExpExecArray): string => m[2] ?? '00:00:00';
  const frac = (m: RegExpExecArray): string => (m[3] ?? '').replace(/0+$/, '');
  const zone = (m: RegExpExecArray): string => (m[4] === undefined || m[4] === 'Z' || m[4] === '+00:00' ? 'UTC' : m[4]);
  // two zoned timestamps are the same value when they are the same instant: DataFusion prints a column's
  // own zone, Loch's timestamptz has none (it prints the session's)
  if (a[4] !== undefined && b[4] !== undefined && a[2] !== undefined && b[2] !== undefined) {
    return frac(a) === frac(b) && instantSeconds(a) === instantSeconds(b);
  }
  if (a[1] !== b[1]) return false;
  return time(a) === time(b) && frac(a) === frac(b) && zone(a) === zone(b) && (a[2] !== undefined || b[4] === undefined);
}

/** Whole seconds since the epoch of a TIMESTAMP match with a time and a zone. */
function instantSeconds(m: RegExpExecArray): number {
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = m[2]!.split(':').map(Number) as [number, number, number];
  const z = m[4]!;
  const offsetMinutes = z === 'Z' ? 0 : (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(4, 6)));
  const day = new Date(0);
  day.setUTCFullYear(y, mo - 1, d);
  return Math.floor(day.getTime() / 86_400_000) * 86_400 + h * 3600 + mi * 60 + s - offsetMinutes * 60;
}

const INTERVAL_PART = /^(-?\d+(?:\.\d+)?) (years?|mons?|days?|hours?|mins?|secs?)$/;
const PART_MICROS: Record<string, number> = { hour: 3_600_000_000, min: 60_000_000, sec: 1_000_000 };

/** Arrow's interval text (`8499 days 0 hours 0 mins 0.000000000 secs`) as months, days and microseconds. */
function arrowInterval(text: string): [number, number, number] | null {
  const words = text.split(' ');
  if (words.length % 2 !== 0 || words.length === 0) return null;
  let months = 0, days = 0, micros = 0;
  for (let i = 0; i < words.length; i += 2) {
    const m = INTERVAL_PART.exec(`${words[i]} ${words[i + 1]}`);
    if (!m) return null;
    const n = Number(m[1]), unit = m[2]!.replace(/s$/, '');
    if (unit === 'year') months += 12 * n;
    else if (unit === 'mon') months += n;
    else if (unit === 'day') days += n;
    else micros += Math.round(n * PART_MICROS[unit]!);
  }
  return [months, days, micros];
}

/** A DataFusion Duration prints every part (`0 hours 0 mins 0.000000000 secs`), Loch's interval only the non-zero ones. */
function sameInterval(expected: string, actual: string): boolean {
  const a = arrowInterval(expected), b = arrowInterval(actual);
  return a !== null && b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

function ignorePattern(expected: string): RegExp {
  const parts = expected.split(IGNORE).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's');
}

/** One expected line against one rendered row (joined with single spaces). */
function lineMatches(expected: string, row: readonly string[], lenient: boolean): boolean {
  const want = normalize(expected);
  const got = normalize(row.join(' '));
  if (want === got) return true;
  if (want.includes(IGNORE)) return ignorePattern(want).test(got);
  if (!lenient) return false;
  const a = want.split(' '), b = got.split(' ');
  if (a.length === b.length && a.every((v, i) => valuesMatch(v, b[i]!, true))) return true;
  // an interval value spans several words (`0 days 0 hours 0 mins 6 secs` against Loch's `6 secs`):
  // group the expected words into values and compare them with the row's own values
  const grouped = groupIntervalWords(a);
  return grouped.length !== a.length && grouped.length === row.length && grouped.every((v, i) => valuesMatch(v, normalize(row[i]!), true));
}

const INTERVAL_WORD = /^(years?|mons?|days?|hours?|mins?|secs?)$/;

/** Words with each run of `<number> <interval unit>` pairs joined into one value. */
function groupIntervalWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (NUMBER.test(words[i]!) && INTERVAL_WORD.test(words[i + 1] ?? '')) {
      let j = i;
      while (NUMBER.test(words[j] ?? '') && INTERVAL_WORD.test(words[j + 1] ?? '')) j += 2;
      out.push(words.slice(i, j).join(' '));
      i = j - 1;
    } else {
      out.push(words[i]!);
    }
  }
  return out;
}

/** Outcome of comparing a result with the expected block. */
export interface CompareOutcome {
  readonly ok: boolean;
  /** Why not, for the report: first differing line, counts, or hash. */
  readonly detail?: string;
}

/**
 * Compares rendered rows (unsorted, in engine order) with the expected lines of
 * a query record: a hash line, one value per line, or one row per line.
 */
export function compareResult(expected: readonly string[], rows: readonly (readonly string[])[], sortMode: SortMode, lenient: boolean): CompareOutcome {
  const sorted = sortRows(rows, sortMode);
  const values = sorted.flat();
  if (expected.length === 1) {
    const m = HASH_LINE.exec(expected[0]!.trim());
    if (m) {
      const got = hashLine(values);
      return got === expected[0]!.trim() ? { ok: true } : { ok: false, detail: `expected ${expected[0]!.trim()}, got ${got}` };
    }
  }
  // one row of empty texts (an empty bytea) prints as an empty line, which the file cannot show
  if (expected.length === 0 && rows.length === 1 && values.every((v) => v === '')) return { ok: true };
  if (expected.length === 0) return values.length === 0 ? { ok: true } : { ok: false, detail: `expected no rows, got ${rows.length} row(s), first: ${rows[0]!.join(' ')}` };
  // value per line
  if (expected.length === values.length) {
    const width = rows[0]?.length ?? 1;
    let want = expected;
    if (sortMode === 'rowsort' && width > 1) {
      const chunks: string[][] = [];
      for (let i = 0; i < expected.length; i += width) chunks.push(expected.slice(i, i + width).map((v) => v.trim()));
      want = chunks.sort(compareRows).flat();
    } else if (sortMode !== 'nosort') {
      want = expected.map((v) => v.trim()).sort(compareStrings);
    }
    const same = (v: string, k: number): boolean => valuesMatch(normalize(v), normalize(values[k]!), lenient);
    if (want.every(same)) return { ok: true };
    if (expected.length !== rows.length || width === 1) {
      const i = want.findIndex((v, k) => !same(v, k));
      return { ok: false, detail: `value ${i + 1}: expected "${want[i]}", got "${values[i]}"` };
    }
  }
  // row per line
  if (expected.length === sorted.length && sortMode !== 'valuesort') {
    let want = expected;
    let got = sorted;
    if (sortMode === 'rowsort') {
      want = [...expected].map(normalize).sort(compareStrings);
      got = [...sorted].sort((a, b) => compareStrings(normalize(a.join(' ')), normalize(b.join(' '))));
    }
    const i = want.findIndex((line, k) => !lineMatches(line, got[k]!, lenient));
    if (i < 0) return { ok: true };
    return { ok: false, detail: `row ${i + 1}: expected "${normalize(want[i]!)}", got "${normalize(got[i]!.join(' '))}"` };
  }
  return { ok: false, detail: `expected ${expected.length} line(s), got ${sorted.length} row(s) of ${sorted[0]?.length ?? 0} value(s)${sorted[0] ? `, first: ${sorted[0].join(' ')}` : ''}` };
}
