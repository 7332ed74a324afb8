/**
 * The records of a sqllogictest file (../shared/corpus/slt/FORMAT.md), as the
 * parser produces them and the runner consumes them.
 */

/** `skipif <engine>` / `onlyif <engine>` lines before a record. */
export interface SltCondition {
  readonly kind: 'skipif' | 'onlyif';
  readonly engine: string;
}

/** Sort modes of a query record (FORMAT.md §3). */
export type SortMode = 'nosort' | 'rowsort' | 'valuesort';

/** What every record carries: where it is and which conditions guard it. */
interface RecordBase {
  /** 1-based line of the record's header in its file. */
  readonly line: number;
  readonly conditions: readonly SltCondition[];
  /** 0-based index of the header line and of the record's last line (for `--complete`). */
  readonly headerIndex: number;
  readonly endIndex: number;
}

/** What a statement or query expects when it should fail. */
export interface ExpectedError {
  /** Regular expression from the header (DataFusion), if any. */
  readonly regex?: string;
  /** Message lines after `----` (DataFusion multi-line form, DuckDB substring), if any. */
  readonly message?: string;
}

/** `statement ok | error [regex] | count N`. */
export interface StatementRecord extends RecordBase {
  readonly kind: 'statement';
  readonly expect: 'ok' | 'error' | 'count';
  readonly count?: number;
  readonly error?: ExpectedError;
  readonly sql: string;
}

/** `query <types> [sort] [label]` or `query error [regex]`. */
export interface QueryRecord extends RecordBase {
  readonly kind: 'query';
  /** Type characters, one per column (empty for `query error`). */
  readonly types: string;
  readonly sortMode: SortMode;
  readonly label?: string;
  readonly sql: string;
  /** Lines after `----` (empty when the query must return no rows). */
  readonly expected: readonly string[];
  /** 0-based index of the `----` line, or -1 when there is none. */
  readonly separatorIndex: number;
  /** Set for `query error …`: the query must fail. */
  readonly error?: ExpectedError;
}

/** `hash-threshold N`. */
export interface HashThresholdRecord extends RecordBase {
  readonly kind: 'hash-threshold';
  readonly threshold: number;
}

/** `halt`: stop the file (subject to its conditions). */
export interface HaltRecord extends RecordBase {
  readonly kind: 'halt';
}

/** `include <path>` (relative to the including file, may hold `*`). */
export interface IncludeRecord extends RecordBase {
  readonly kind: 'include';
  readonly path: string;
}

/** A header the runner does not know: counted as a failure so it is noticed. */
export interface UnknownRecord extends RecordBase {
  readonly kind: 'unknown';
  readonly header: string;
}

/** One record of a file. */
export type SltRecord = StatementRecord | QueryRecord | HashThresholdRecord | HaltRecord | IncludeRecord | UnknownRecord;
