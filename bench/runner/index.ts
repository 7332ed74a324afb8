/** bench/runner: runs TPC-H on Loch and DuckDB side by side and compares results. */
export { compareTextRows, valuesMatch, type TextRows } from './compare-results.ts';
export { runTpchComparison, tpchQueryText, median, TPCH_TABLES, type QueryReport } from './tpch-benchmark.ts';
export { tpchCommand, TPCH_USAGE } from './tpch-command.ts';
export { createLochBenchEngine, createDuckDbBenchEngine } from './bench-engines.ts';
export type { BenchEngine, BenchTables, LochEngineOptions, TextResult } from './bench-engines.ts';
export { prepareTpchData, TPCH_TABLE_NAMES } from './tpch-data.ts';
export { runTpch, type TpchRunOptions, type EngineRun } from './tpch-run.ts';
export { summarize, formatReport, describeMachine } from './tpch-report.ts';
export type { TpchReport, EngineReport, QueryFigures, MachineDescription } from './tpch-report.ts';
export { tpchChartSvg } from './svg-chart.ts';
