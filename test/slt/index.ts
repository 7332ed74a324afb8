/** test/slt: the sqllogictest runner (FORMAT.md of ../shared/corpus/slt). */
export { SLT_USAGE, type SltCliContext, expandSltPaths, fileLine, sltMain } from './slt-cli.ts';
export { LOCH_ENGINE_NAMES, type SltFailure, type SltFileResult, type SltProgress, type SltRunOptions, defaultCwd, runSltFile } from './slt-runner.ts';
export { SltChildRunner } from './slt-child-pool.ts';
export { conditionsAllow, parseSlt, parseSltLines } from './slt-parser.ts';
export type { SltRecord } from './slt-record.ts';
export { compareResult, hashLine, hashValues, sortRows } from './slt-compare.ts';
export { type SltDialect, dialectOf, formatFixed3, renderValue } from './slt-values.ts';
