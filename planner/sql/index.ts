export type * from './ast.ts';
export { initParser, parseSql, type ParsedStatement } from './parse.ts';
export { splitStatements } from './split-statements.ts';
export { TIME_TRAVEL_FUNCTION } from './time-travel-rewrite.ts';
