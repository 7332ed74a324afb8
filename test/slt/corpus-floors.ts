/**
 * The corpus files CI runs (test/slt/slt-corpus.test.ts) with the number of
 * records each passed when the baseline was recorded
 * (test/known-failures/slt-baseline.txt): a pass count below its floor is a
 * regression. Paths are relative to ../shared/corpus/slt; `maxRecords` samples
 * the large SQLite files. Raise a floor when the engine passes more.
 */
export interface CorpusFloor {
  readonly file: string;
  readonly minPassed: number;
  readonly maxRecords?: number;
}

const SQLITE: readonly CorpusFloor[] = [
  { file: 'sqlite/test/select1.test', minPassed: 60, maxRecords: 60 },
  { file: 'sqlite/test/random/expr/slt_good_0.test', minPassed: 600, maxRecords: 600 },
  { file: 'sqlite/test/random/aggregates/slt_good_0.test', minPassed: 150, maxRecords: 150 },
  { file: 'sqlite/test/random/groupby/slt_good_0.test', minPassed: 150, maxRecords: 150 },
  { file: 'sqlite/test/random/select/slt_good_0.test', minPassed: 150, maxRecords: 150 },
];

/** DataFusion and DuckDB files that passed at least 80% of their records, quickly (files whose
 * passes were mostly expected errors are left out: engine work can rightly change those). */
const FLOORS: readonly (readonly [string, number])[] = [
  ['datafusion/datafusion/sqllogictest/test_files/misc.slt', 5], // of 5
  ['duckdb/test/sql/aggregate/aggregates/test_count.test', 6], // of 6
  ['duckdb/test/sql/aggregate/aggregates/test_group_on_expression.test', 11], // of 11
  ['duckdb/test/sql/aggregate/group/test_group_by_error.test', 5], // of 5
  ['duckdb/test/sql/aggregate/group/test_group_by_multi_column.test', 3], // of 3
  ['duckdb/test/sql/aggregate/grouping_sets/issue_3730.test', 4], // of 5
  ['duckdb/test/sql/aggregate/having/test_scalar_having.test', 16], // of 16
  ['duckdb/test/sql/cast/decimal_cast.test', 7], // of 7
  ['duckdb/test/sql/cast/dot_function_missing_error.test', 3], // of 3
  ['duckdb/test/sql/cast/signed_cast_repro.test', 4], // of 5
  ['duckdb/test/sql/cast/test_exponent_in_cast.test', 8], // of 10
  ['duckdb/test/sql/cte/test_bug_922.test', 1], // of 1
  ['duckdb/test/sql/cte/test_moderate_union_all.test', 2], // of 2
  ['duckdb/test/sql/filter/test_constant_comparisons.test', 22], // of 23
  ['duckdb/test/sql/function/date/date_trunc_4202.test', 6], // of 6
  ['duckdb/test/sql/function/date/test_extract_edge_cases.test', 66], // of 66
  ['duckdb/test/sql/function/generic/case_short_circuit.test', 3], // of 3
  ['duckdb/test/sql/function/generic/test_null_if.test', 11], // of 11
  ['duckdb/test/sql/function/numeric/abs.test', 1], // of 1
  ['duckdb/test/sql/function/numeric/test_unary.test', 18], // of 20
  ['duckdb/test/sql/function/operator/test_arithmetic_sqllogic.test', 14], // of 14
  ['duckdb/test/sql/function/operator/test_comparison.test', 11], // of 12
  ['duckdb/test/sql/function/string/like_unicode.test', 10], // of 10
  ['duckdb/test/sql/function/string/test_ascii.test', 16], // of 16
  ['duckdb/test/sql/function/string/test_concat_function.test', 10], // of 10
  ['duckdb/test/sql/function/string/test_ilike_constant_pattern.test', 24], // of 28
  ['duckdb/test/sql/function/string/test_ilike_escape_constant_pattern.test', 33], // of 37
  ['duckdb/test/sql/function/string/test_issue_1812.test', 9], // of 9
  ['duckdb/test/sql/function/string/test_like_escape.test', 21], // of 22
  ['duckdb/test/sql/function/string/test_pad.test', 19], // of 22
  ['duckdb/test/sql/function/string/test_replace.test', 14], // of 14
  ['duckdb/test/sql/function/string/test_reverse.test', 9], // of 9
  ['duckdb/test/sql/function/string/test_starts_with_function.test', 12], // of 12
  ['duckdb/test/sql/function/string/test_starts_with_function_utf8.test', 11], // of 11
  ['duckdb/test/sql/function/string/test_trim.test', 23], // of 23
  ['duckdb/test/sql/function/timestamp/test_extract.test', 17], // of 19
  ['duckdb/test/sql/insert/insert_rollback.test', 5], // of 6
  ['duckdb/test/sql/insert/test_insert_invalid.test', 8], // of 10
  ['duckdb/test/sql/join/inner/test_eq_ineq_join.test', 29], // of 29
  ['duckdb/test/sql/join/inner/test_inner_join_filter_pushdown.test', 16], // of 16
  ['duckdb/test/sql/join/inner/test_using_chain.test', 19], // of 19
  ['duckdb/test/sql/join/inner/test_varchar_join.test', 5], // of 5
  ['duckdb/test/sql/join/left_outer/left_join_issue_23805.test', 5], // of 5
  ['duckdb/test/sql/join/left_outer/test_left_join_filter_pushdown.test', 10], // of 10
  ['duckdb/test/sql/join/semianti/test_simple_anti_join.test', 11], // of 11
  ['duckdb/test/sql/order/negative_offset.test', 6], // of 6
  ['duckdb/test/sql/projection/test_complex_expressions.test', 37], // of 37
  ['duckdb/test/sql/projection/test_table_star.test', 14], // of 14
  ['duckdb/test/sql/select/test_select_empty_table.test', 2], // of 2
  ['duckdb/test/sql/select/test_select_locking.test', 5], // of 5
  ['duckdb/test/sql/select/test_select_qualified_view.test', 4], // of 5
  ['duckdb/test/sql/setops/setops_pushdown.test', 9], // of 9
  ['duckdb/test/sql/setops/test_setops.test', 18], // of 19
  ['duckdb/test/sql/setops/test_union_except_empty.test', 4], // of 4
  ['duckdb/test/sql/setops/value_union.test', 10], // of 10
  ['duckdb/test/sql/subquery/exists/test_correlated_exists_with_derived_table.test', 5], // of 5
  ['duckdb/test/sql/subquery/scalar/coalesce_subquery.test', 1], // of 1
  ['duckdb/test/sql/subquery/table/test_aliasing.test', 4], // of 4
  ['duckdb/test/sql/subquery/table/test_table_subquery.test', 8], // of 8
  ['duckdb/test/sql/topn/test_top_n_nulls_first.test', 6], // of 6
  ['duckdb/test/sql/types/date/test_date.test', 19], // of 20
  ['duckdb/test/sql/types/date/test_incorrect_dates.test', 13], // of 13
  ['duckdb/test/sql/types/decimal/decimal_decimal_overflow_cast.test', 21], // of 21
  ['duckdb/test/sql/types/decimal/decimal_exponent.test', 42], // of 42
  ['duckdb/test/sql/types/decimal/test_decimal_2411.test', 5], // of 5
  ['duckdb/test/sql/types/timestamp/test_timestamp_2411.test', 5], // of 5
  ['duckdb/test/sql/window/test_window_binding.test', 6], // of 7
];

/** Every file of the CI subset with its floor. */
export const CORPUS_FLOORS: readonly CorpusFloor[] = [...SQLITE, ...FLOORS.map(([file, minPassed]) => ({ file, minPassed }))];
