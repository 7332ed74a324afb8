/**
 * `openCsvTable`: CSV and other delimited text files (RFC 4180 quoting, or
 * none at all for TPC-H `.tbl` files) as a `TableScanner`.
 *
 * The schema is the explicit `columns` when given, otherwise inferred from a
 * sample of the first file: names from the header row (or `column1`, …) and
 * types by type-sniffer.ts. NULL is an unquoted field equal to `nullString`
 * (default: the empty field), as in PostgreSQL's `COPY … CSV`.
 */
import { stat } from 'node:fs/promises';
import {
  type Batch, LochError, SqlState, type ScanRequest, type SourceColumn, type SourceStatistics, type TableScanner,
} from '../core/index.ts';
import { ChunkReader } from './chunk-reader.ts';
import { FIELD_QUOTED } from './column-builder.ts';
import { type CsvFormat, scanCsvFiles } from './csv-scan.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { resolveFiles } from './file-glob.ts';
import { bytesToString } from './parse-bytes.ts';
import { TypeSniffer } from './type-sniffer.ts';

export interface CsvTableOptions {
  /** The first line of every file names the columns (default true). */
  readonly header?: boolean;
  /** One ASCII character (default `,`). */
  readonly delimiter?: string;
  /** One ASCII character, or '' to disable quoting (default `"`). */
  readonly quote?: string;
  /** The unquoted text that stands for NULL (default: the empty field). */
  readonly nullString?: string;
  /** The schema; when absent it is inferred from the first file. */
  readonly columns?: readonly SourceColumn[];
  /** Records of the first file sampled for inference (default 1000). */
  readonly sampleRows?: number;
}

/** Opens delimited text files as one table (paths may be files, directories or glob patterns). */
export async function openCsvTable(paths: readonly string[], options: CsvTableOptions = {}): Promise<TableScanner> {
  const format = csvFormat(options);
  const files = await resolveFiles(paths);
  const columns = options.columns ?? await inferCsvColumns(files[0]!, format, options.sampleRows ?? 1000);
  if (columns.length === 0) throw new LochError(SqlState.invalidParameterValue, `file "${files[0]}" has no columns`);
  return new CsvTable(files, columns, format);
}

class CsvTable implements TableScanner {
  readonly columns: readonly SourceColumn[];
  private readonly files: readonly string[];
  private readonly format: CsvFormat;

  constructor(files: readonly string[], columns: readonly SourceColumn[], format: CsvFormat) {
    this.files = files;
    this.columns = columns;
    this.format = format;
  }

  async statistics(): Promise<SourceStatistics> {
    let sizeBytes = 0;
    for (const f of this.files) sizeBytes += (await stat(f)).size;
    return { sizeBytes };
  }

  scan(request: ScanRequest): AsyncIterable<Batch> {
    return scanCsvFiles(this.files, this.columns, this.format, request);
  }
}

function singleByte(name: string, value: string, allowEmpty: boolean): number {
  if (value.length === 0 && allowEmpty) return -1;
  if (value.length !== 1 || value.charCodeAt(0) > 127 || value === '\n' || value === '\r') {
    throw new LochError(SqlState.invalidParameterValue, `CSV option ${name} must be a single ASCII character other than a newline, got "${value}"`);
  }
  return value.charCodeAt(0);
}

/** Validates the options into the byte-level format the scan uses. */
export function csvFormat(options: CsvTableOptions): CsvFormat {
  const delimiter = singleByte('delimiter', options.delimiter ?? ',', false);
  const quote = singleByte('quote', options.quote ?? '"', true);
  if (delimiter === quote) throw new LochError(SqlState.invalidParameterValue, 'CSV delimiter and quote must be different');
  return { header: options.header ?? true, delimiter, quote, nullBytes: new TextEncoder().encode(options.nullString ?? '') };
}

/**
 * Infers the schema from the first `sampleRows` records of `file`. A last
 * column that is empty on every sampled line (a trailing delimiter) is dropped.
 */
export async function inferCsvColumns(file: string, format: CsvFormat, sampleRows: number): Promise<SourceColumn[]> {
  const reader = await ChunkReader.open(file);
  const tok = new CsvTokenizer(format.delimiter, format.quote);
  let names: string[] | null = null;
  let sniffers: TypeSniffer[] = [];
  let lastAlwaysEmpty = true;
  let records = 0;
  let line = 1;
  try {
    sampling: for (;;) {
      while (reader.pos < reader.len) {
        const buf = reader.buf;
        const next = tok.next(buf, reader.pos, reader.len, reader.eof);
        if (next === -1) break;
        if (next === -2) throw new LochError('22P04', `${tok.problem} (file "${file}", line ${line})`);
        line += tok.newlines;
        reader.pos = next;
        if (tok.isBlankRecord()) continue;
        const n = tok.fieldCount;
        if (names === null) {
          names = [];
          for (let k = 0; k < n; k++) {
            const given = format.header ? bytesToString(buf, tok.fieldStart[k]!, tok.fieldEnd[k]!).trim() : '';
            names.push(given === '' ? `column${k + 1}` : given);
          }
          sniffers = names.map(() => new TypeSniffer());
          if (format.header) {
            lastAlwaysEmpty = names[n - 1] === `column${n}`;
            continue;
          }
        }
        const last = n - 1;
        if (!(tok.fieldFlags[last] === 0 && tok.fieldStart[last] === tok.fieldEnd[last])) lastAlwaysEmpty = false;
        for (let k = 0; k < Math.min(n, sniffers.length); k++) {
          const start = tok.fieldStart[k]!;
          const end = tok.fieldEnd[k]!;
          if ((tok.fieldFlags[k]! & FIELD_QUOTED) === 0 && equalsBytes(buf, start, end, format.nullBytes)) continue;
          if (end === start) continue;
          sniffers[k]!.observeBytes(buf, start, end);
        }
        if (++records >= sampleRows) break sampling;
      }
      if (reader.eof) break;
      await reader.fill();
    }
  } finally {
    await reader.close();
  }
  if (names === null) throw new LochError(SqlState.invalidParameterValue, `cannot infer the columns of empty file "${file}"; declare them`);
  let count = names.length;
  if (count > 1 && records > 0 && lastAlwaysEmpty) count--;
  const columns: SourceColumn[] = [];
  for (let k = 0; k < count; k++) {
    // inferred columns are nullable: a later line may hold the NULL marker
    columns.push({ name: names[k]!, type: sniffers[k]!.result(), nullable: true });
  }
  return columns;
}

function equalsBytes(buf: Uint8Array, start: number, end: number, bytes: Uint8Array): boolean {
  if (end - start !== bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[start + i] !== bytes[i]) return false;
  return true;
}
