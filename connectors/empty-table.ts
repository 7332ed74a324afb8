/**
 * A file table with declared columns over a folder that has no files yet
 * (DataFusion: `CREATE EXTERNAL TABLE t (x INT) STORED AS PARQUET LOCATION 'dir/'`,
 * filled later by INSERT): it scans no rows.
 */
import type { Batch, ScanRequest, SourceColumn, SourceStatistics, TableScanner } from '../core/index.ts';

/** A TableScanner with `columns` and no rows. */
export class EmptyFileTable implements TableScanner {
  readonly columns: readonly SourceColumn[];
  constructor(columns: readonly SourceColumn[]) {
    this.columns = columns;
  }
  statistics(): Promise<SourceStatistics> {
    return Promise.resolve({ rowCount: 0, sizeBytes: 0 });
  }
  // eslint-disable-next-line require-yield -- no rows
  async *scan(_request: ScanRequest): AsyncIterable<Batch> {}
}
