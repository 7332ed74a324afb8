export type { BinderCatalog, CatalogRelation } from './catalog.ts';
export { QueryBinder, type BoundQuery } from './bind-query.ts';
export { bindInsert } from './bind-insert.ts';
export { bindTableDml, type BoundTableDml } from './bind-table-dml.ts';
export { bindDmlAsMerge, dmlNeedsQuery } from './bind-dml-join.ts';
export { bindMerge, MERGE_FILE_COLUMN, MERGE_POSITION_COLUMN, type BoundMerge, type BoundMergeClause } from './bind-merge.ts';
export { applyGeneratedColumns, type GeneratedColumn } from './generated-columns.ts';
export { bindColumnDefaults } from './column-defaults.ts';
