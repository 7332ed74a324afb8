/** worker/operators: runnable physical operators (one per file) and their shared pieces. */
export * from './physical-operator.ts';
export { buildOperator } from './build-operator.ts';
export { MemoryTableScanner } from './memory-scanner.ts';
export { GroupTable } from './group-table.ts';
