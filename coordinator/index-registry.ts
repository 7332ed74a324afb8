/**
 * CREATE INDEX / DROP INDEX as no-ops: Databricks (and Delta) have no secondary
 * indexes, so Loch keeps only each index's name and table, per session, to give
 * PostgreSQL's errors for a duplicate name (42P07), a missing table (42P01) and a
 * missing index (42704). Dropping a table drops its indexes.
 */
import { LochError, SqlState } from '../core/index.ts';

export class IndexRegistry {
  /** index name → table name (both as the last name part, lower-cased by the parser). */
  private readonly indexes = new Map<string, string>();

  /** Records an index; `name` null (PostgreSQL picks one) records nothing. Returns false when IF NOT EXISTS skipped it. */
  create(name: string | null, table: string, ifNotExists: boolean): boolean {
    if (name === null) return true;
    if (this.indexes.has(name)) {
      if (ifNotExists) return false;
      throw new LochError(SqlState.duplicateTable, `relation "${name}" already exists`);
    }
    this.indexes.set(name, table);
    return true;
  }

  /** Forgets indexes; a missing one fails with 42704 unless IF EXISTS. */
  drop(names: readonly (readonly string[])[], ifExists: boolean): void {
    for (const n of names) {
      const key = n[n.length - 1]!;
      if (!this.indexes.has(key) && !ifExists) throw new LochError(SqlState.undefinedObject, `index "${key}" does not exist`);
    }
    for (const n of names) this.indexes.delete(n[n.length - 1]!);
  }

  /** Drops the indexes of a dropped table. */
  dropTable(table: string): void {
    for (const [index, t] of this.indexes) if (t === table) this.indexes.delete(index);
  }
}
