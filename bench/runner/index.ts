/** bench/runner: runs TPC-H on Loch and DuckDB side by side and compares results. */
export { compareTextRows, valuesMatch, type TextRows } from './compare-results.ts';
export { runTpchComparison, tpchQueryText, median, TPCH_TABLES, type QueryReport } from './tpch-benchmark.ts';
