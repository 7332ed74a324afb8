export type { BinderCatalog, CatalogRelation } from './catalog.ts';
export { QueryBinder, type BoundQuery } from './bind-query.ts';
export { bindInsert } from './bind-insert.ts';
export { bindTableDml, type BoundTableDml } from './bind-table-dml.ts';
