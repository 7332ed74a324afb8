/**
 * What a scan asks of a file or table reader. Defined in core so that
 * storage/ and connectors/ can implement it without seeing planner expressions.
 */
import type { Batch } from './batch.ts';
import type { DataType } from './data-type.ts';
import type { LiteralValue } from './literal.ts';

/** One column of a source's full schema. */
export interface SourceColumn {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

/**
 * A conjunct a reader may use to skip files and row groups by statistics, or
 * to filter during decode. Readers may ignore it: the plan re-applies every
 * predicate unless the scan says it applied it exactly.
 */
export type ScanPredicate =
  | { readonly kind: 'compare'; readonly column: number; readonly op: '=' | '<>' | '<' | '<=' | '>' | '>='; readonly value: LiteralValue }
  | { readonly kind: 'in'; readonly column: number; readonly values: readonly LiteralValue[] }
  | { readonly kind: 'is_null'; readonly column: number; readonly negated: boolean };

export interface ScanRequest {
  /** Indexes into the source schema, in output order. */
  readonly columns: readonly number[];
  readonly predicates: readonly ScanPredicate[];
  /** Rows per batch the reader should aim for. */
  readonly batchSize?: number;
  /** Stop after this many rows (a hint; operators still enforce limits). */
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

/** Statistics a source can report cheaply (from file footers or a table log). */
export interface SourceStatistics {
  readonly rowCount?: number;
  readonly sizeBytes?: number;
}

/** A readable table: files of one format, an in-memory table, or (later) Delta. */
export interface TableScanner {
  readonly columns: readonly SourceColumn[];
  statistics(): Promise<SourceStatistics>;
  scan(request: ScanRequest): AsyncIterable<Batch>;
}
