/**
 * One case of the Delta corpus (layout: ../shared/corpus/delta/MANIFEST.md):
 * open the table at the newest version and at every version `expected/` names,
 * read all rows and compare with the expected rows; check the change data feed
 * where `expected/cdf/` exists; expect a clear error where `expected/error.json` exists.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isLochError, type SourceColumn, type TableScanner } from '../../core/index.ts';
import { describeDetail, openChangeFeed, openDeltaTable, openParquetTable } from '../../storage/index.ts';
import { type RowTable, canonical, collectRows, compareTables, parseCell } from './row-table.ts';
import { parsePrettyTable } from './text-values.ts';
import { readExpectedFlat } from './expected-flat.ts';

/** The outcome of one case. */
export interface CaseResult {
  readonly name: string;
  readonly passed: boolean;
  /** Why it failed, or what was checked when it passed. */
  readonly reason: string;
}

/** Runs the case in `dir` (a folder with table/, expected/, case.json). */
export async function runCase(dir: string): Promise<CaseResult> {
  const name = path.basename(dir);
  const table = path.join(dir, 'table');
  const expectedDir = path.join(dir, 'expected');
  try {
    if (existsSync(path.join(expectedDir, 'error.json'))) return await expectError(name, table);
    const checks: string[] = [];
    const latest = await openDeltaTable(table);
    const targets = readdirSync(expectedDir).filter((d) => statSync(path.join(expectedDir, d)).isDirectory()).sort();
    for (const target of targets) {
      const folder = path.join(expectedDir, target);
      let scanner: TableScanner & { unsupportedColumns?: readonly { name: string; reason: string }[] };
      let what: string;
      if (target === 'latest') { scanner = latest; what = `latest (v${latest.version})`; }
      else if (/^v\d+$/.test(target)) { scanner = await openDeltaTable(table, { version: Number(target.slice(1)) }); what = target; }
      else if (target === 'cdf') {
        const failure = await checkChangeFeed(table, folder);
        if (failure) return { name, passed: false, reason: `cdf: ${failure}` };
        checks.push('cdf');
        continue;
      } else continue;
      const failure = await checkScan(scanner, folder) ?? await checkVersionMetadata(table, scanner, folder);
      if (failure) return { name, passed: false, reason: `${what}: ${failure}` };
      checks.push(what);
    }
    if (checks.length === 0) return { name, passed: false, reason: 'no expected rows found' };
    return { name, passed: true, reason: `checked ${checks.join(', ')}` };
  } catch (e) {
    return { name, passed: false, reason: `error: ${describeError(e)}` };
  }
}

async function expectError(name: string, table: string): Promise<CaseResult> {
  try {
    const t = await openDeltaTable(table);
    await collectRows(t.columns, t.scan({ columns: t.columns.map((_, i) => i), predicates: [] }));
  } catch (e) {
    if (isLochError(e) && e.message.length > 0) return { name, passed: true, reason: `failed as expected: ${e.sqlState} ${e.message}` };
    return { name, passed: false, reason: `failed, but not with a clear LochError: ${describeError(e)}` };
  }
  return { name, passed: false, reason: 'expected an error, but the table was read' };
}

/** Compares a full scan with every expectation in `folder` (parquet files together; each txt alone). */
async function checkScan(scanner: TableScanner & { unsupportedColumns?: readonly { name: string; reason: string }[] }, folder: string): Promise<string | undefined> {
  const files = readdirSync(folder).sort();
  const actual = await collectRows(scanner.columns, scanner.scan({ columns: scanner.columns.map((_, i) => i), predicates: [] }));
  const unsupported = scanner.unsupportedColumns ?? [];
  const explain = (reason: string): string => {
    const hit = unsupported.filter((u) => reason.includes(u.name));
    return hit.length > 0 ? `${reason} (${hit.map((u) => u.reason).join('; ')})` : reason;
  };
  const parquet = files.filter((f) => f.endsWith('.parquet')).map((f) => path.join(folder, f));
  if (parquet.length > 0) {
    let expected: RowTable;
    try {
      const t = await openParquetTable(parquet);
      expected = await collectRows(t.columns, t.scan({ columns: t.columns.map((_, i) => i), predicates: [] }));
    } catch (e) {
      if (!(isLochError(e) && e.sqlState === '0A000' && unsupported.length > 0)) return `cannot read the expected rows (${describeError(e)})`;
      // Nested expected columns (issue 6): check the flat ones, then report what is missing.
      const flat = await readExpectedFlat(parquet, scanner.columns);
      const failure = compareTables(flat, actual, false);
      if (failure) return `flat columns: ${failure}`;
      return `needs nested types (issue 6): ${unsupported.map((u) => `${u.name} ${deltaTypeOf(u.reason)}`).join(', ')} cannot be read; the ${flat.columns.length} flat columns (${flat.rows.length} rows) match`;
    }
    const failure = compareTables(expected, actual, unsupported.length === 0);
    if (failure) return explain(failure);
  }
  for (const txt of files.filter((f) => f.endsWith('.txt'))) {
    const failure = compareText(readFileSync(path.join(folder, txt), 'utf8'), txt, scanner.columns, actual);
    if (failure) return explain(`${txt}: ${failure}`);
  }
  return undefined;
}

/** DAT's table_version_metadata.json: version, properties and protocol versions of the snapshot. */
async function checkVersionMetadata(table: string, scanner: TableScanner, folder: string): Promise<string | undefined> {
  const file = path.join(folder, 'table_version_metadata.json');
  if (!existsSync(file)) return undefined;
  const want = JSON.parse(readFileSync(file, 'utf8')) as { version: number; properties: Record<string, string>; min_reader_version: number; min_writer_version: number };
  const version = (scanner as { version?: number }).version;
  const detail = await describeDetail(table, version === undefined ? {} : { version });
  const got = { version: detail.version, properties: detail.properties, min_reader_version: detail.minReaderVersion, min_writer_version: detail.minWriterVersion };
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : `table_version_metadata.json: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
}

/** Compares an Arrow pretty-printed expectation (a projection) with scanned rows. */
function compareText(text: string, where: string, columns: readonly SourceColumn[], actual: RowTable): string | undefined {
  const table = parsePrettyTable(text, where);
  const types = table.columns.map((c) => columns.find((x) => x.name === c)?.type);
  const missing = table.columns.filter((_, k) => !types[k]);
  if (missing.length > 0) return `columns missing from the scan: ${missing.join(', ')}`;
  const expected: RowTable = {
    columns: table.columns,
    rows: table.rows.map((r) => r.map((cell, k) => canonical(parseCell(cell, types[k]!), types[k]!))),
  };
  return compareTables(expected, actual, false);
}

async function checkChangeFeed(table: string, folder: string): Promise<string | undefined> {
  const feed = await openChangeFeed(table, 0);
  const actual = await collectRows(feed.columns, feed.scan({ columns: feed.columns.map((_, i) => i), predicates: [] }));
  for (const txt of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
    const failure = compareText(readFileSync(path.join(folder, txt), 'utf8'), txt, feed.columns, actual);
    if (failure) return `${txt}: ${failure}`;
  }
  return undefined;
}

/** "column "x" has Delta type map<int,int>, which …" → "map<int,int>". */
function deltaTypeOf(reason: string): string {
  return /has Delta type (\S+),/.exec(reason)?.[1] ?? '';
}

function describeError(e: unknown): string {
  if (isLochError(e)) return `${e.sqlState} ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
