/**
 * PRIMARY KEY / UNIQUE enforcement on session temporary tables (Delta tables
 * keep them informational, as Databricks does). A write to such a table commits,
 * then one query looks for a key value held by two rows (NULLs never collide, as
 * in PostgreSQL); if it finds one, the table is restored to the version before
 * the write and the statement fails with 23505. A temporary table belongs to one
 * session, so no other writer can slip in between.
 */
import { LochError } from '../core/index.ts';
import { deltaLocation, loadSnapshot, restore } from '../storage/index.ts';
import type { TableEntry } from './session-catalog.ts';

/** Counts the rows a SQL query returns (the engine runs it in the session). */
export type RowCounter = (sql: string) => Promise<number>;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `write` on `table`, then enforces its unique keys (a no-op for tables without any). */
export async function withUniqueKeys<T>(table: TableEntry | null, countRows: RowCounter, write: () => Promise<T>): Promise<T> {
  const keys = table?.uniqueKeys ?? [];
  if (!table || keys.length === 0 || table.format !== 'delta') return write();
  const before = (await loadSnapshot(deltaLocation(table.location))).version;
  const result = await write();
  for (const key of keys) {
    const cols = key.map(quote).join(', ');
    const notNull = key.map((k) => `${quote(k)} IS NOT NULL`).join(' AND ');
    const duplicates = await countRows(`SELECT ${cols} FROM ${quote(table.name)} WHERE ${notNull} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 1`);
    if (duplicates > 0) {
      await restore(table.location, { version: before });
      throw new LochError('23505', `duplicate key value violates unique constraint "${table.name}_${key.join('_')}_key"`, {
        detail: `Key (${key.join(', ')}) is not unique in "${table.name}".`,
      });
    }
  }
  return result;
}
