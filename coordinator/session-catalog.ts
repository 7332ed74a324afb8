/**
 * The embedded catalog: tables (Delta tables, managed or at a LOCATION, and
 * tables over Parquet/CSV/JSON files), views, and the file-reading table
 * functions (read_parquet, read_csv, read_json). Definitions persist in a
 * metastore file under the data directory so tables outlive the process; the
 * Unity-style catalog with grants replaces this in the catalog issue and
 * implements the same BinderCatalog.
 *
 * Delta tables are reopened on every lookup so each statement reads the newest
 * committed version; file tables keep their opened scanner.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LochError, SqlState, type LiteralValue, type SourceColumn, type TableScanner } from '../core/index.ts';
import { TIME_TRAVEL_FUNCTION, initParser, parseSql, type BinderCatalog, type CatalogRelation, type Query } from '../planner/index.ts';

/** Opens files of a format as a table; injected by the composition root (connectors live outside coordinator). */
export type TableOpener = (format: string, location: string, options: Readonly<Record<string, string>>, columns?: readonly SourceColumn[]) => Promise<TableScanner>;

/** A table's definition as the metastore keeps it. */
export interface TableEntry {
  readonly kind: 'table';
  readonly name: string;
  /** `delta`, `parquet`, `csv` or `json`. */
  readonly format: string;
  readonly location: string;
  readonly options: Readonly<Record<string, string>>;
  /** Declared columns (file tables); Delta tables take theirs from the log. */
  readonly columns?: readonly SourceColumn[];
  /** True when Loch chose the location (dropping the table deletes its data). */
  readonly managed: boolean;
  /** A session's temporary table: never persisted; the engine drops it when the session ends. */
  readonly temporary?: boolean;
  /** PRIMARY KEY / UNIQUE column sets the engine enforces (temporary tables only). */
  readonly uniqueKeys?: readonly (readonly string[])[];
}

interface ViewEntry {
  readonly kind: 'view';
  readonly name: string;
  /** The view's CREATE VIEW statement, re-parsed on use. */
  readonly sql: string;
}

type Entry = TableEntry | ViewEntry;

const PATH_TABLE_FORMATS = new Set(['delta', 'parquet', 'csv', 'json']);

/**
 * Spark's path tables: `delta.\`/data/t\``, `parquet.\`s3://b/f.parquet\`` name a table by
 * its location instead of registering it (the parser turns backticks into double quotes).
 * Only a quoted second part that looks like a path qualifies, so a schema called `delta`
 * with ordinary table names keeps working.
 */
function pathTable(name: readonly string[]): TableEntry | null {
  if (name.length !== 2 || !PATH_TABLE_FORMATS.has(name[0]!.toLowerCase())) return null;
  const location = name[1]!;
  if (!location.includes('/')) return null;
  return { kind: 'table', name: `${name[0]!.toLowerCase()}.\`${location}\``, format: name[0]!.toLowerCase(), location, options: {}, managed: false };
}

const TABLE_FUNCTIONS: Record<string, string> = { read_parquet: 'parquet', read_csv: 'csv', read_csv_auto: 'csv', read_json: 'json', read_ndjson: 'json' };

export interface SessionCatalogOptions {
  /** Where definitions persist (`<dataDir>/catalog.json`); in memory only when absent. */
  readonly metastorePath?: string;
  /** Root of managed tables (`<warehouse>/<name>`). */
  readonly warehouseDir: string;
}

export class SessionCatalog implements BinderCatalog {
  private readonly entries = new Map<string, Entry>();
  private readonly scanners = new Map<string, TableScanner>();
  /** Schemas made with CREATE SCHEMA (the default schema is implicit). */
  private readonly schemas = new Set<string>();
  private readonly openTable: TableOpener;
  private readonly metastorePath: string | undefined;
  readonly warehouseDir: string;

  constructor(openTable: TableOpener, options: SessionCatalogOptions) {
    this.openTable = openTable;
    this.metastorePath = options.metastorePath;
    this.warehouseDir = options.warehouseDir;
    if (this.metastorePath && existsSync(this.metastorePath)) {
      const saved = JSON.parse(readFileSync(this.metastorePath, 'utf8')) as { entries?: Entry[]; schemas?: string[] };
      for (const e of saved.entries ?? []) this.entries.set(e.name, e);
      for (const s of saved.schemas ?? []) this.schemas.add(s);
    }
  }

  /**
   * The entry key of a relation name: its last part, or `schema.name` when the part before
   * it is a schema made with CREATE SCHEMA (other qualifiers, e.g. `public.`, are ignored).
   */
  private key(name: readonly string[]): string {
    const last = name[name.length - 1]!;
    const schema = name.length >= 2 ? name[name.length - 2]! : null;
    return schema !== null && this.schemas.has(schema) ? `${schema}.${last}` : last;
  }

  /** CREATE SCHEMA: later names qualified by it are its own (`s.t` is not `t`). */
  createSchema(name: string, ifNotExists: boolean): void {
    if (this.schemas.has(name)) {
      if (ifNotExists) return;
      throw new LochError(SqlState.duplicateSchema, `schema "${name}" already exists`);
    }
    this.schemas.add(name);
    this.persist();
  }

  /** DROP SCHEMA: refuses a schema that still has relations unless CASCADE; returns the tables dropped with it. */
  dropSchema(name: string, ifExists: boolean, cascade: boolean): TableEntry[] {
    if (!this.schemas.has(name)) {
      if (ifExists) return [];
      throw new LochError(SqlState.invalidSchemaName, `schema "${name}" does not exist`);
    }
    const inside = [...this.entries.keys()].filter((k) => k.startsWith(`${name}.`));
    if (inside.length > 0 && !cascade) {
      throw new LochError(SqlState.dependentObjectsStillExist, `cannot drop schema ${name} because other objects depend on it: ${inside.join(', ')}`, { hint: 'Use DROP ... CASCADE to drop the dependent objects too.' });
    }
    const dropped: TableEntry[] = [];
    for (const k of inside) {
      const e = this.entries.get(k)!;
      if (e.kind === 'table') dropped.push(e);
      this.entries.delete(k);
      this.scanners.delete(k);
    }
    this.schemas.delete(name);
    this.persist();
    return dropped;
  }

  /** Forgets a file table's opened scanner (its files changed: INSERT added one). */
  refresh(name: readonly string[]): void {
    this.scanners.delete(this.key(name));
  }

  /** Writes the metastore atomically (temp file + rename), so a crash never leaves it half written. */
  private persist(): void {
    if (!this.metastorePath) return;
    mkdirSync(dirname(this.metastorePath), { recursive: true });
    const tmp = `${this.metastorePath}.tmp-${process.pid}`;
    const entries = [...this.entries.values()].filter((e) => !(e.kind === 'table' && e.temporary));
    writeFileSync(tmp, JSON.stringify({ version: 1, entries, ...(this.schemas.size > 0 ? { schemas: [...this.schemas] } : {}) }, null, 2));
    renameSync(tmp, this.metastorePath);
  }

  async lookupRelation(name: readonly string[]): Promise<CatalogRelation | null> {
    const e = pathTable(name) ?? this.entries.get(this.key(name));
    if (!e) return null;
    if (e.kind === 'view') return { kind: 'view', name: e.name, query: await viewQuery(e) };
    return { kind: 'table', name: e.name, scanner: await this.scannerOf(e) };
  }

  private async scannerOf(e: TableEntry): Promise<TableScanner> {
    if (e.format === 'delta') return this.openTable('delta', e.location, e.options);
    let s = this.scanners.get(e.name);
    if (!s) {
      s = await this.openTable(e.format, e.location, e.options, e.columns && e.columns.length > 0 ? e.columns : undefined);
      this.scanners.set(e.name, s);
    }
    return s;
  }

  async tableFunction(name: string, args: readonly LiteralValue[]): Promise<TableScanner | null> {
    if (name === TIME_TRAVEL_FUNCTION) return this.timeTravel(args);
    if (name === 'table_changes') return this.tableChanges(args);
    const format = TABLE_FUNCTIONS[name];
    if (!format) return null;
    const location = args[0];
    if (typeof location !== 'string') throw new LochError(SqlState.invalidParameterValue, `${name}() needs a path or glob as its first argument`);
    const options: Record<string, string> = {};
    if (format === 'csv' && typeof args[1] === 'string') options.delimiter = args[1];
    return this.openTable(format, location, options);
  }

  /** `t VERSION AS OF n` / `t TIMESTAMP AS OF 'ts'` (rewritten by the parser into a table function call). */
  private async timeTravel(args: readonly LiteralValue[]): Promise<TableScanner> {
    const [name, kind, value] = args.map(String);
    // The parser passes the name's parts as a JSON array (a path table's location may hold dots).
    const parts = name!.startsWith('[') ? (JSON.parse(name!) as string[]) : name!.split('.');
    const table = this.deltaTable(parts, 'time travel');
    return this.openTable('delta', table.location, kind === 'version' ? { version: value! } : { timestamp: value! });
  }

  /** `table_changes('t', fromVersion[, toVersion])`: the change data feed of a Delta table. */
  private async tableChanges(args: readonly LiteralValue[]): Promise<TableScanner> {
    const [name, from, to] = args;
    if (typeof name !== 'string' || from === undefined || from === null) {
      throw new LochError(SqlState.invalidParameterValue, "table_changes needs a table name and a starting version: table_changes('t', 0[, 5])");
    }
    const table = this.deltaTable(name.split('.'), 'table_changes');
    return this.openTable('delta_changes', table.location, { from: String(from), ...(to !== undefined && to !== null ? { to: String(to) } : {}) });
  }

  /** The registered Delta table called `name`, or a clear error naming what is wrong. */
  deltaTable(name: readonly string[], feature: string): TableEntry {
    const key = this.key(name);
    const e = pathTable(name) ?? this.entries.get(key);
    if (!e) throw new LochError(SqlState.undefinedTable, `relation "${name.join('.')}" does not exist`);
    if (e.kind !== 'table' || e.format !== 'delta') {
      throw new LochError(SqlState.featureNotSupported, `${feature} needs a Delta table; "${key}" is ${e.kind === 'view' ? 'a view' : `a ${e.format} table`}`);
    }
    return e;
  }

  relationNames(): readonly string[] {
    return [...this.entries.keys()];
  }

  /** Whether `name` exists; throws 42P07 when it does and neither IF NOT EXISTS nor OR REPLACE allows it. */
  checkCreatable(name: readonly string[], flags: { ifNotExists: boolean; orReplace: boolean }): 'create' | 'skip' | 'replace' {
    const key = this.key(name);
    if (!this.entries.has(key)) return 'create';
    if (flags.ifNotExists) return 'skip';
    if (flags.orReplace) return 'replace';
    throw new LochError(SqlState.duplicateTable, `relation "${key}" already exists`);
  }

  /** Where a new managed table called `name` keeps its data. */
  managedLocation(name: readonly string[]): string {
    return join(this.warehouseDir, this.key(name));
  }

  /** Registers a table (opening it first, so a bad location fails the CREATE). */
  async registerTable(entry: Omit<TableEntry, 'kind' | 'name'> & { name: readonly string[] }): Promise<void> {
    const e: TableEntry = { ...entry, kind: 'table', name: this.key(entry.name) };
    this.scanners.delete(e.name);
    await this.scannerOf(e);
    this.entries.set(e.name, e);
    this.persist();
  }

  createView(name: readonly string[], sql: string, orReplace: boolean): void {
    const key = this.key(name);
    const existing = this.entries.get(key);
    if (existing && !(orReplace && existing.kind === 'view')) throw new LochError(SqlState.duplicateTable, `relation "${key}" already exists`);
    this.entries.set(key, { kind: 'view', name: key, sql });
    this.persist();
  }

  /** Removes a definition; returns the table entry so the engine can delete a managed table's data. */
  drop(kind: 'table' | 'view', name: readonly string[], ifExists: boolean): TableEntry | null {
    const key = this.key(name);
    const e = this.entries.get(key);
    if (!e || e.kind !== kind) {
      if (ifExists) return null;
      throw new LochError(SqlState.undefinedTable, `${kind} "${key}" does not exist`);
    }
    this.entries.delete(key);
    this.scanners.delete(key);
    this.persist();
    return e.kind === 'table' ? e : null;
  }

  /** The session's temporary tables (dropped by the engine when the session ends). */
  temporaryTables(): TableEntry[] {
    return [...this.entries.values()].filter((e): e is TableEntry => e.kind === 'table' && !!e.temporary);
  }

  table(name: readonly string[]): TableEntry | null {
    const e = pathTable(name) ?? this.entries.get(this.key(name));
    return e?.kind === 'table' ? e : null;
  }

  async describe(name: readonly string[]): Promise<readonly SourceColumn[] | null> {
    const e = this.table(name);
    return e ? (await this.scannerOf(e)).columns : null;
  }

  listTables(): { name: string; kind: string; format: string; location: string }[] {
    return [...this.entries.values()].map((e) => ({ name: e.name, kind: e.kind, format: e.kind === 'table' ? e.format : '', location: e.kind === 'table' ? e.location : '' }));
  }
}

async function viewQuery(e: ViewEntry): Promise<Query> {
  await initParser();
  const [parsed] = parseSql(e.sql);
  if (parsed?.statement.kind !== 'create_view') throw new LochError(SqlState.internalError, `view "${e.name}" has a broken definition`);
  return parsed.statement.query;
}
