/**
 * `writeCsvFile` / `writeJsonLinesFile`: stream Loch batches into a CSV or
 * newline-delimited JSON file (COPY … TO, INSERT into a csv/json file table).
 * Values are written in the text forms Loch's own readers parse back
 * (connectors/csv-table.ts, json-lines-table.ts): numbers and dates as
 * PostgreSQL prints them, booleans as true/false, NULL as an empty CSV field
 * or JSON null. Like `writeParquetFile`, the file appears atomically.
 */
import { open, rename, rm, mkdir } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import { type Batch, type BatchField, type DataType, formatValue, quoteJsonString, readValue } from '../core/index.ts';
import { ioError } from './object-store/local-object-store.ts';

/** Options of `writeCsvFile`. */
export interface CsvWriteOptions {
  /** Write a header line of column names (default true). */
  readonly header?: boolean;
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
}

/** Writes `batches` as CSV to `path`; returns the number of rows written. */
export async function writeCsvFile(path: string, fields: readonly BatchField[], batches: Iterable<Batch> | AsyncIterable<Batch>, options: CsvWriteOptions = {}): Promise<number> {
  const delimiter = options.delimiter ?? ',';
  const quote = (s: string): string => (s.includes(delimiter) || /["\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
  const head = options.header === false ? '' : `${fields.map((f) => quote(f.name)).join(delimiter)}\n`;
  return writeLines(path, head, fields, batches, (cells) => cells.map((v, c) => (v === null ? '' : quote(textOf(v, fields[c]!.type)))).join(delimiter));
}

/** Writes `batches` as newline-delimited JSON objects (one per row) to `path`; returns the number of rows written. */
export function writeJsonLinesFile(path: string, fields: readonly BatchField[], batches: Iterable<Batch> | AsyncIterable<Batch>): Promise<number> {
  const keys = fields.map((f) => quoteJsonString(f.name));
  return writeLines(path, '', fields, batches, (cells) => `{${cells.map((v, c) => `${keys[c]}:${jsonOf(v, fields[c]!.type)}`).join(',')}}`);
}

function textOf(v: NonNullable<ReturnType<typeof readValue>>, type: DataType): string {
  return type.kind === 'boolean' ? String(v) : formatValue(v, type);
}

function jsonOf(v: ReturnType<typeof readValue>, type: DataType): string {
  if (v === null) return 'null';
  switch (type.kind) {
    case 'boolean': return String(v);
    case 'int16': case 'int32': case 'int64': return String(v);
    case 'float32': case 'float64': return Number.isFinite(v as number) ? String(v) : quoteJsonString(String(v));
    case 'decimal': return formatValue(v, type);
    default: return quoteJsonString(formatValue(v, type));
  }
}

/** Renders each row with `line` and writes head + lines to `path` through a temporary file. */
async function writeLines(
  path: string, head: string, fields: readonly BatchField[], batches: Iterable<Batch> | AsyncIterable<Batch>,
  line: (cells: ReturnType<typeof readValue>[]) => string,
): Promise<number> {
  const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  await mkdir(nodePath.dirname(nodePath.resolve(path)), { recursive: true });
  let handle;
  try {
    handle = await open(tmp, 'wx');
  } catch (e) {
    throw ioError(e, path);
  }
  let rows = 0;
  try {
    if (head) await handle.write(head);
    for await (const batch of batches) {
      const columns = batch.columns;
      const out: string[] = new Array(batch.length);
      const cells: ReturnType<typeof readValue>[] = new Array(fields.length);
      for (let i = 0; i < batch.length; i++) {
        const row = batch.selection ? batch.selection[i]! : i;
        for (let c = 0; c < fields.length; c++) cells[c] = readValue(columns[c]!, fields[c]!.type, row);
        out[i] = line(cells);
      }
      if (out.length > 0) await handle.write(`${out.join('\n')}\n`);
      rows += batch.length;
    }
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (e) {
    await handle?.close().catch(() => {});
    await rm(tmp, { force: true });
    throw ioError(e, path);
  }
  return rows;
}
