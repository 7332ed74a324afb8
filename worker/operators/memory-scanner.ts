/**
 * An in-memory TableScanner over Arrow columns, for tests and small tables.
 * It serves `batchSize`-row slices (tests force batch sizes of 1–3 to reach
 * the operators' batch-boundary paths) and ignores predicates, which the
 * contract allows.
 */
import type * as arrow from 'apache-arrow';
import { Batch, type ScanRequest, type SourceColumn, type SourceStatistics, type TableScanner, columnFromValues, type LiteralValue } from '../../core/index.ts';
import { identity, take } from '../kernels/take.ts';

/** A TableScanner over columns held in memory. */
export class MemoryTableScanner implements TableScanner {
  readonly columns: readonly SourceColumn[];
  private readonly data: readonly arrow.Data[];
  private readonly numRows: number;
  /** Batch size used when the request does not give one. */
  private readonly defaultBatchSize: number;

  constructor(columns: readonly SourceColumn[], data: readonly arrow.Data[], defaultBatchSize = 1024) {
    this.columns = columns;
    this.data = data;
    this.numRows = data[0]?.length ?? 0;
    this.defaultBatchSize = defaultBatchSize;
  }

  /** Builds a scanner from row-major JS values (core/literal.ts representation). */
  static fromRows(columns: readonly SourceColumn[], rows: readonly (readonly LiteralValue[])[], defaultBatchSize = 1024): MemoryTableScanner {
    const data = columns.map((c, i) => columnFromValues(c.type, rows.map((r) => r[i] ?? null)));
    return new MemoryTableScanner(columns, data, defaultBatchSize);
  }

  async statistics(): Promise<SourceStatistics> {
    return { rowCount: this.numRows };
  }

  async *scan(request: ScanRequest): AsyncGenerator<Batch> {
    const size = Math.max(1, request.batchSize ?? this.defaultBatchSize);
    const end = Math.min(this.numRows, request.limit ?? this.numRows);
    for (let start = 0; start < end; start += size) {
      request.signal?.throwIfAborted();
      const n = Math.min(size, end - start);
      const idx = identity(n);
      for (let i = 0; i < n; i++) idx[i] = start + i;
      yield new Batch(request.columns.map((c) => take(this.data[c]!, idx)), n, null);
    }
  }
}
