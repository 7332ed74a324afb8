/**
 * Printing query results the way PostgreSQL shows them: every value through
 * core's `formatValue` (PostgreSQL text output), in one of three layouts:
 *
 *   table  psql's aligned format: centred header, numbers right-aligned,
 *          `(N rows)` footer. Needs every row before printing (widths).
 *   csv    RFC 4180: header row, then rows; NULL is the empty field and an
 *          empty string is `""`, as in `COPY … TO STDOUT CSV HEADER`.
 *   json   one JSON object per row (JSON lines); numbers stay numbers.
 */
import { type Batch, type BatchField, type DataType, formatValue, isNumeric, readValue } from '../core/index.ts';

export type OutputFormat = 'table' | 'csv' | 'json';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json'];

/** Receives the text of one result incrementally. */
export type Write = (text: string) => void;

/** Text of one cell, or null for NULL. */
function cellText(batch: Batch, column: number, type: DataType, row: number): string | null {
  const value = readValue(batch.columns[column]!, type, row);
  return value === null ? null : formatValue(value, type);
}

/** Streams one `rows` result in `format`; returns the number of rows printed. */
export async function printRows(fields: readonly BatchField[], batches: AsyncIterable<Batch>, format: OutputFormat, write: Write): Promise<number> {
  switch (format) {
    case 'table': return printTable(fields, batches, write);
    case 'csv': return printCsv(fields, batches, write);
    case 'json': return printJson(fields, batches, write);
  }
}

/** Physical row indexes of a batch's logical rows. */
function rowIndexes(batch: Batch): ArrayLike<number> | number {
  return batch.selection ?? batch.numRows;
}

function forEachRow(batch: Batch, f: (row: number) => void): void {
  const rows = rowIndexes(batch);
  if (typeof rows === 'number') for (let i = 0; i < rows; i++) f(i);
  else for (let i = 0; i < rows.length; i++) f(rows[i]!);
}

async function printTable(fields: readonly BatchField[], batches: AsyncIterable<Batch>, write: Write): Promise<number> {
  const rows: (string | null)[][] = [];
  for await (const batch of batches) {
    forEachRow(batch, (r) => rows.push(fields.map((f, c) => cellText(batch, c, f.type, r))));
  }
  write(formatTable(fields.map((f) => f.name), fields.map((f) => isNumeric(f.type)), rows));
  return rows.length;
}

/**
 * psql's aligned layout of `rows` (NULL prints as nothing), ending with the
 * row count and a blank line. A value spanning several lines continues on the
 * next output lines, with `+` where the cell's trailing space would be.
 */
export function formatTable(names: readonly string[], rightAligned: readonly boolean[], rows: readonly (readonly (string | null)[])[]): string {
  const widths = names.map((n) => displayWidth(n));
  const split = rows.map((row) => row.map((v) => (v ?? '').split('\n')));
  for (const row of split) {
    for (let c = 0; c < row.length; c++) {
      for (const part of row[c]!) widths[c] = Math.max(widths[c]!, displayWidth(part));
    }
  }
  const last = names.length - 1;
  const header = names.map((n, c) => {
    const space = widths[c]! - displayWidth(n);
    const left = Math.floor(space / 2);
    return ` ${' '.repeat(left)}${n}${' '.repeat(space - left)} `;
  }).join('|');
  const lines = [header, widths.map((w) => '-'.repeat(w + 2)).join('+')];
  for (const row of split) {
    const height = Math.max(1, ...row.map((parts) => parts.length));
    for (let k = 0; k < height; k++) {
      lines.push(row.map((parts, c) => {
        const text = parts[k] ?? '';
        const more = k + 1 < parts.length;
        const pad = ' '.repeat(widths[c]! - displayWidth(text));
        const trail = more ? '+' : c === last ? '' : ' ';
        return rightAligned[c] ? ` ${pad}${text}${trail}` : ` ${text}${c === last && !more ? '' : pad}${trail}`;
      }).join('|'));
    }
  }
  lines.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return `${lines.join('\n')}\n\n`;
}

/** Columns a string occupies (code points; wide characters are not special-cased). */
function displayWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const CSV_NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: quoted when it holds a quote, comma or newline, or is the empty string. */
export function csvField(text: string | null): string {
  if (text === null) return '';
  if (text === '' || CSV_NEEDS_QUOTES.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

async function printCsv(fields: readonly BatchField[], batches: AsyncIterable<Batch>, write: Write): Promise<number> {
  write(`${fields.map((f) => csvField(f.name)).join(',')}\n`);
  let count = 0;
  for await (const batch of batches) {
    const out: string[] = [];
    forEachRow(batch, (r) => {
      out.push(fields.map((f, c) => csvField(cellText(batch, c, f.type, r))).join(','));
    });
    count += out.length;
    if (out.length > 0) write(`${out.join('\n')}\n`);
  }
  return count;
}

/** A JSON value for one cell: booleans and numbers native, everything else PostgreSQL text. */
function jsonValue(batch: Batch, column: number, type: DataType, row: number): string {
  const value = readValue(batch.columns[column]!, type, row);
  if (value === null) return 'null';
  switch (type.kind) {
    case 'boolean': return value ? 'true' : 'false';
    case 'int16': case 'int32': case 'int64': case 'decimal':
      return formatValue(value, type); // exact digits are valid JSON numbers
    case 'float32': case 'float64':
      return Number.isFinite(value) ? formatValue(value, type) : JSON.stringify(formatValue(value, type));
    default:
      return JSON.stringify(formatValue(value, type));
  }
}

async function printJson(fields: readonly BatchField[], batches: AsyncIterable<Batch>, write: Write): Promise<number> {
  const keys = fields.map((f) => `${JSON.stringify(f.name)}:`);
  let count = 0;
  for await (const batch of batches) {
    const out: string[] = [];
    forEachRow(batch, (r) => {
      out.push(`{${fields.map((f, c) => keys[c] + jsonValue(batch, c, f.type, r)).join(',')}}`);
    });
    count += out.length;
    if (out.length > 0) write(`${out.join('\n')}\n`);
  }
  return count;
}
