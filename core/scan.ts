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
  /** Read only these pieces (one task's share, from `TableScanner.splits`); all data when absent. */
  readonly splits?: readonly ScanSplit[];
}

/**
 * A piece of a table a task can read on its own: a whole file, some Parquet
 * row groups of a file, or a byte range. The distributed planner bin-packs
 * pieces into scan partitions by `sizeBytes` (mirrors proto ScanSplit).
 */
export interface ScanSplit {
  /** Relative to the table location (Delta add path) or absolute for plain files. */
  readonly path: string;
  readonly fileSizeBytes: number;
  /** Bytes this piece reads (row groups' compressed size, or the file size); the bin-packing weight. */
  readonly sizeBytes: number;
  /** Parquet row groups to read; absent means the whole file (or the byte range). */
  readonly rowGroups?: readonly number[];
  readonly offset?: number;
  /** Bytes from `offset`; absent means to the end of the file. */
  readonly length?: number;
  readonly rowCount?: number;
  /** Hive/Delta partition values as strings. */
  readonly partitionValues?: Readonly<Record<string, string>>;
}

/**
 * Where a table's rows come from, as plain data: what a worker needs to open
 * the same table again (scanners themselves are not serializable). Mirrors
 * proto TableSource.
 */
export interface TableSourceDescriptor {
  /** Catalog name, or display name for files (`read_parquet('…')`). */
  readonly name: string;
  /** `delta`, `parquet`, `csv`, `json`, … */
  readonly format: string;
  /** Table root (Delta) or file/glob location. */
  readonly location: string;
  /** Delta version the plan was made against. */
  readonly version?: number;
  readonly options: Readonly<Record<string, string>>;
  readonly columns: readonly SourceColumn[];
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
  /** The finest independently readable pieces (files or row groups); absent when the source cannot split. */
  splits?(): Promise<readonly ScanSplit[]>;
  /** How to reopen this table elsewhere (set by whoever opened it from a catalog entry). */
  readonly descriptor?: TableSourceDescriptor;
}
