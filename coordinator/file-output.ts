/**
 * Writing query results to plain files: DataFusion's `COPY … TO 'path'` and
 * INSERT into a parquet/csv/json file table (a folder of files, as DataFusion's
 * listing tables: each INSERT adds one new file).
 *
 * A path that ends in `/` or has no extension names a folder: the rows go to a
 * new file inside it. Otherwise the path is the file. The format is the
 * statement's (`STORED AS`), else the path's extension, else Parquet.
 */
import { randomBytes } from 'node:crypto';
import * as nodePath from 'node:path';
import { type Batch, type BatchField, LochError, SqlState } from '../core/index.ts';
import { writeCsvFile, writeJsonLinesFile, writeParquetFile } from '../storage/index.ts';

const EXTENSIONS: Record<string, string> = { '.parquet': 'parquet', '.csv': 'csv', '.json': 'json', '.ndjson': 'json', '.jsonl': 'json' };
const FILE_FORMATS = new Set(['parquet', 'csv', 'json']);

/** True when `path` names a folder to write new files into rather than one file. */
export function isFolderPath(path: string): boolean {
  return path.endsWith('/') || nodePath.extname(path) === '';
}

/** The file format of a COPY target: `STORED AS`, the extension, or Parquet. */
export function copyFormat(path: string, stored: string | null): string {
  const format = (stored ?? EXTENSIONS[nodePath.extname(path).toLowerCase()] ?? 'parquet').toLowerCase();
  if (format === 'ndjson') return 'json';
  if (!FILE_FORMATS.has(format)) throw new LochError(SqlState.featureNotSupported, `COPY TO format "${format}" is not supported (use parquet, csv or json)`);
  return format;
}

/**
 * Writes `batches` as `format` to `path` (a file, or a new file inside the folder `path`);
 * returns the number of rows written. Options: csv `header` (default true), `delimiter`.
 */
export async function writeRows(
  path: string, format: string, options: Readonly<Record<string, string>>, fields: readonly BatchField[], batches: AsyncIterable<Batch>,
): Promise<number> {
  const file = isFolderPath(path) ? nodePath.join(path, `part-${randomBytes(8).toString('hex')}.${format}`) : path;
  switch (format) {
    case 'csv': {
      const header = options.header === undefined || !/^(false|0|no|off)$/i.test(options.header);
      return writeCsvFile(file, fields, batches, { header, ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}) });
    }
    case 'json':
      return writeJsonLinesFile(file, fields, batches);
    case 'parquet': {
      let rows = 0;
      await writeParquetFile(file, fields, counted(batches, (n) => { rows += n; }));
      return rows;
    }
    default:
      throw new LochError(SqlState.featureNotSupported, `writing ${format} files is not supported (use parquet, csv or json)`);
  }
}

async function* counted(batches: AsyncIterable<Batch>, add: (n: number) => void): AsyncIterable<Batch> {
  for await (const b of batches) {
    add(b.length);
    yield b;
  }
}
