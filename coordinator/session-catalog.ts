/**
 * The embedded catalog of one engine: tables over files registered with
 * `CREATE TABLE … USING fmt LOCATION …`, views, and the file-reading table
 * functions (read_parquet, read_csv, read_json). The Unity-style catalog with
 * grants replaces it in the catalog issue; it implements the same BinderCatalog.
 */
import { LochError, SqlState, type LiteralValue, type SourceColumn, type TableScanner } from '../core/index.ts';
import { TIME_TRAVEL_FUNCTION, type BinderCatalog, type CatalogRelation, type Query } from '../planner/index.ts';

/** Opens files of a format as a table; injected by the composition root (connectors live outside coordinator). */
export type TableOpener = (format: string, location: string, options: Readonly<Record<string, string>>, columns?: readonly SourceColumn[]) => Promise<TableScanner>;

interface FileTable {
  readonly kind: 'table';
  readonly name: string;
  readonly format: string;
  readonly location: string;
  readonly scanner: TableScanner;
}

interface View {
  readonly kind: 'view';
  readonly name: string;
  readonly query: Query;
}

const TABLE_FUNCTIONS: Record<string, string> = { read_parquet: 'parquet', read_csv: 'csv', read_csv_auto: 'csv', read_json: 'json', read_ndjson: 'json' };

export class SessionCatalog implements BinderCatalog {
  private readonly relations = new Map<string, FileTable | View>();
  private readonly openTable: TableOpener;

  constructor(openTable: TableOpener) {
    this.openTable = openTable;
  }

  private static key(name: readonly string[]): string {
    return name[name.length - 1]!;
  }

  async lookupRelation(name: readonly string[]): Promise<CatalogRelation | null> {
    const r = this.relations.get(SessionCatalog.key(name));
    if (!r) return null;
    return r.kind === 'table' ? { kind: 'table', name: r.name, scanner: r.scanner } : r;
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
    const table = this.deltaTable(name!.split('.'), 'time travel');
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
  deltaTable(name: readonly string[], feature: string): { name: string; location: string } {
    const key = SessionCatalog.key(name);
    const r = this.relations.get(key);
    if (!r) throw new LochError(SqlState.undefinedTable, `relation "${name.join('.')}" does not exist`);
    if (r.kind !== 'table' || r.format.toLowerCase() !== 'delta') {
      throw new LochError(SqlState.featureNotSupported, `${feature} needs a Delta table; "${key}" is ${r.kind === 'view' ? 'a view' : `a ${r.format} table`}`);
    }
    return { name: key, location: r.location };
  }

  relationNames(): readonly string[] {
    return [...this.relations.keys()];
  }

  async createFileTable(name: readonly string[], format: string, location: string, options: Readonly<Record<string, string>>, columns: readonly SourceColumn[], flags: { ifNotExists: boolean; orReplace: boolean }): Promise<void> {
    const key = SessionCatalog.key(name);
    if (this.relations.has(key) && !flags.orReplace) {
      if (flags.ifNotExists) return;
      throw new LochError(SqlState.duplicateTable, `relation "${key}" already exists`);
    }
    const scanner = await this.openTable(format.toLowerCase(), location, options, columns.length > 0 ? columns : undefined);
    this.relations.set(key, { kind: 'table', name: key, format, location, scanner });
  }

  createView(name: readonly string[], query: Query, orReplace: boolean): void {
    const key = SessionCatalog.key(name);
    const existing = this.relations.get(key);
    if (existing && !(orReplace && existing.kind === 'view')) throw new LochError(SqlState.duplicateTable, `relation "${key}" already exists`);
    this.relations.set(key, { kind: 'view', name: key, query });
  }

  drop(kind: 'table' | 'view', name: readonly string[], ifExists: boolean): void {
    const key = SessionCatalog.key(name);
    const r = this.relations.get(key);
    if (!r || r.kind !== kind) {
      if (ifExists) return;
      throw new LochError(SqlState.undefinedTable, `${kind} "${key}" does not exist`);
    }
    this.relations.delete(key);
  }

  describe(name: readonly string[]): readonly SourceColumn[] | null {
    const r = this.relations.get(SessionCatalog.key(name));
    return r?.kind === 'table' ? r.scanner.columns : null;
  }

  listTables(): { name: string; kind: string; format: string; location: string }[] {
    return [...this.relations.values()].map((r) => ({ name: r.name, kind: r.kind, format: r.kind === 'table' ? r.format : '', location: r.kind === 'table' ? r.location : '' }));
  }
}
