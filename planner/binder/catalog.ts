/**
 * What the binder needs from a catalog: tables (as scanners), views (as
 * query text already parsed) and table functions such as read_parquet. The
 * coordinator's session catalog implements it; later the Unity-style catalog.
 */
import type { LiteralValue, TableScanner } from '../../core/index.ts';
import type { Query } from '../sql/ast.ts';

export type CatalogRelation =
  | { readonly kind: 'table'; readonly name: string; readonly scanner: TableScanner }
  | { readonly kind: 'view'; readonly name: string; readonly query: Query };

export interface BinderCatalog {
  /** Resolves a (possibly qualified) relation name, or null when there is none. */
  lookupRelation(name: readonly string[]): Promise<CatalogRelation | null>;
  /** A table-valued function in FROM, e.g. `read_parquet('data/*.parquet')`; null if unknown. */
  tableFunction(name: string, args: readonly LiteralValue[]): Promise<TableScanner | null>;
  /** Names for "did you mean" hints. */
  relationNames(): readonly string[];
}
