/** connectors/: data outside lakehouse tables. Other folders import only this file. */
export { openCsvTable, type CsvTableOptions } from './csv-table.ts';
export { openJsonLinesTable, type JsonLinesTableOptions } from './json-lines-table.ts';
export { openTable, openDescribedTable, type OpenTable } from './open-table.ts';
