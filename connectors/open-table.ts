/**
 * `openTable`: the one place a table's format, location and options become a TableScanner
 * (the coordinator's catalog and every worker use it, so both read a table the same way).
 *
 * Every scanner it returns carries a `descriptor` (core/scan.ts TableSourceDescriptor): the
 * plain data a worker needs to open the same table again when a plan travels as protobuf.
 *
 *   delta          version pinned in the descriptor (VERSION AS OF, TIMESTAMP AS OF or the
 *                  newest version when opened), so every task of a query reads one snapshot
 *   delta_changes  the change feed between two versions (options from / to)
 *   parquet/csv/json  files matching a path or glob; csv/json keep their columns so a
 *                  worker does not sniff the files again
 *
 * Local locations are made absolute: a worker process may run in another directory.
 */
import { readdir, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { LochError, SqlState, type SourceColumn, type TableScanner, type TableSourceDescriptor } from '../core/index.ts';
import { expandGlob, openChangeFeed, openDeltaTable, openParquetTable } from '../storage/index.ts';
import { openCsvTable } from './csv-table.ts';
import { openJsonLinesTable } from './json-lines-table.ts';
import { EmptyFileTable } from './empty-table.ts';

/** The signature of `openTable` (coordinator SessionCatalog's TableOpener has the same shape). */
export type OpenTable = (
  format: string, location: string, options: Readonly<Record<string, string>>, columns?: readonly SourceColumn[],
) => Promise<TableScanner>;

/** Options that select a Delta snapshot rather than describe how to read it. */
const SNAPSHOT_OPTIONS = new Set(['version', 'timestamp']);

/** True for `s3://…`, `file://…` and other URLs (left as they are). */
function isUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

/** `location` as every process sees it: absolute for local paths. */
function absoluteLocation(location: string): string {
  return isUrl(location) ? location : nodePath.resolve(location);
}

/** Sets the scanner's descriptor (scanners are built by storage/connectors, which know no catalog). */
function described<S extends TableScanner>(scanner: S, descriptor: TableSourceDescriptor): S {
  Object.defineProperty(scanner, 'descriptor', { value: descriptor, enumerable: true, configurable: true, writable: false });
  return scanner;
}

function parseVersion(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new LochError(SqlState.invalidParameterValue, `${what} needs a non-negative integer, not "${text}"`);
  return Number(text);
}

/**
 * Opens a table of `format` at `location`. Options: delta `version` / `timestamp` (time
 * travel); delta_changes `from` / `to`; csv `header`, `delimiter`, `quote`, `nullstring`.
 * `columns` fixes the schema of csv/json files (no sniffing).
 */
export async function openTable(
  format: string, location: string, options: Readonly<Record<string, string>>, columns?: readonly SourceColumn[],
): Promise<TableScanner> {
  const where = absoluteLocation(location);
  const describe = (scanner: TableScanner, extra: Partial<TableSourceDescriptor> = {}): TableSourceDescriptor => ({
    name: location, format, location: where, options: { ...options }, columns: scanner.columns, ...extra,
  });
  if (format === 'delta') {
    const version = options.version !== undefined ? parseVersion(options.version, 'VERSION AS OF') : undefined;
    const scanner = await openDeltaTable(where, version !== undefined ? { version } : options.timestamp !== undefined ? { timestamp: options.timestamp } : {});
    const rest = Object.fromEntries(Object.entries(options).filter(([k]) => !SNAPSHOT_OPTIONS.has(k)));
    // Pinned: a task opening the descriptor reads exactly the snapshot the plan was made on.
    return described(scanner, describe(scanner, { version: scanner.version, options: { ...rest, version: String(scanner.version) } }));
  }
  if (format === 'delta_changes') {
    if (options.from === undefined) throw new LochError(SqlState.invalidParameterValue, `the change feed of "${location}" needs a starting version (option from)`);
    const from = parseVersion(options.from, 'table_changes');
    const to = options.to !== undefined ? parseVersion(options.to, 'table_changes') : undefined;
    const scanner = await openChangeFeed(where, from, to);
    return described(scanner, describe(scanner));
  }
  if (columns && columns.length > 0 && (await hasNoFiles(where))) return described(new EmptyFileTable(columns), describe(new EmptyFileTable(columns)));
  const paths = (format === 'csv' || format === 'json') && (await textFolderFiles(where, format)) || await expandGlob(where);
  if (paths.length === 0) throw new LochError(SqlState.ioError, `no files match "${location}"`);
  switch (format) {
    case 'parquet': {
      const scanner = await openParquetTable(paths);
      return described(scanner, describe(scanner));
    }
    case 'csv': {
      const header = options.header === undefined ? undefined : !['false', '0', 'no', 'off'].includes(options.header.toLowerCase());
      const scanner = await openCsvTable(paths, {
        ...(header !== undefined ? { header } : {}),
        ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
        ...(options.quote !== undefined ? { quote: options.quote } : {}),
        ...(options.nullstring !== undefined ? { nullString: options.nullstring } : {}),
        ...(columns ? { columns } : {}),
      });
      return described(scanner, describe(scanner));
    }
    case 'json': {
      const scanner = await openJsonLinesTable(paths, columns ? { columns } : {});
      return described(scanner, describe(scanner));
    }
    default:
      throw new LochError(SqlState.featureNotSupported, `table format "${format}" is not supported (use delta, parquet, csv or json)`);
  }
}

/**
 * True when a local `location` does not exist yet or is a folder without files: a table
 * with declared columns over it is empty until INSERT or COPY writes files there.
 */
async function hasNoFiles(location: string): Promise<boolean> {
  if (isUrl(location) || /[*?[{]/.test(location)) return false;
  try {
    const s = await stat(location);
    if (!s.isDirectory()) return false;
    return !(await readdir(location, { recursive: true, withFileTypes: true })).some((e) => e.isFile() && !e.name.startsWith('.'));
  } catch {
    return true;
  }
}

/** The `.csv` / `.json` files below a local folder, sorted; null when `location` is not a folder. */
async function textFolderFiles(location: string, format: string): Promise<string[] | null> {
  if (isUrl(location) || /[*?[{]/.test(location)) return null;
  try {
    if (!(await stat(location)).isDirectory()) return null;
  } catch {
    return null;
  }
  const extensions = format === 'csv' ? ['.csv'] : ['.json', '.ndjson', '.jsonl'];
  const files = (await readdir(location, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && extensions.includes(nodePath.extname(e.name).toLowerCase()))
    .map((e) => nodePath.join(e.parentPath, e.name));
  if (files.length === 0) throw new LochError(SqlState.ioError, `directory "${location}" contains no ${extensions.join(' or ')} files`);
  return files.sort();
}

/** Opens the table a descriptor names (a worker reopening a scan's source). */
export function openDescribedTable(d: TableSourceDescriptor): Promise<TableScanner> {
  const options = d.version !== undefined ? { ...d.options, version: String(d.version) } : d.options;
  return openTable(d.format, d.location, options, d.columns.length > 0 ? d.columns : undefined);
}
