/**
 * The streaming scan of CSV / delimited files: one byte window per file
 * (chunk-reader.ts), the tokenizer finds fields, builders parse only the
 * requested columns straight from the bytes. Memory per scan: the window plus
 * one batch of output.
 */
import { Batch, LochError, SqlState, type ScanRequest, type SourceColumn, typeName } from '../core/index.ts';
import { ChunkReader } from './chunk-reader.ts';
import { type ColumnBuilder, FIELD_QUOTED, createColumnBuilder } from './column-builder.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { bytesToString } from './parse-bytes.ts';

/** Rows per batch when the request does not say. */
export const DEFAULT_BATCH_ROWS = 8192;

/** Parsing options after validation (bytes, not strings). */
export interface CsvFormat {
  readonly header: boolean;
  readonly delimiter: number;
  /** -1 when quoting is disabled. */
  readonly quote: number;
  readonly nullBytes: Uint8Array;
}

/** True when field k of the tokenizer's record is the NULL marker (quoted fields never are). */
function isNullField(tok: CsvTokenizer, buf: Uint8Array, k: number, nullBytes: Uint8Array): boolean {
  if ((tok.fieldFlags[k]! & FIELD_QUOTED) !== 0) return false;
  const start = tok.fieldStart[k]!;
  const n = tok.fieldEnd[k]! - start;
  if (n !== nullBytes.length) return false;
  for (let i = 0; i < n; i++) if (buf[start + i] !== nullBytes[i]) return false;
  return true;
}

/** Field count of the record, ignoring one trailing empty field (TPC-H .tbl lines end with the delimiter). */
export function effectiveFieldCount(tok: CsvTokenizer, expected: number): number {
  const n = tok.fieldCount;
  if (n === expected + 1 && tok.fieldFlags[n - 1] === 0 && tok.fieldStart[n - 1] === tok.fieldEnd[n - 1]) return expected;
  return n;
}

function where(file: string, line: number, column?: string): string {
  return column === undefined ? `(file "${file}", line ${line})` : `(file "${file}", line ${line}, column "${column}")`;
}

/** Scans `files` as CSV with the given schema, yielding batches of the requested columns. */
export async function* scanCsvFiles(
  files: readonly string[], columns: readonly SourceColumn[], format: CsvFormat, request: ScanRequest,
): AsyncGenerator<Batch> {
  const batchRows = Math.max(1, request.batchSize ?? DEFAULT_BATCH_ROWS);
  const limit = request.limit ?? Infinity;
  if (limit <= 0) return;
  const ncols = columns.length;
  // one builder per distinct requested source column
  const slotOf = new Int32Array(ncols).fill(-1);
  const builders: ColumnBuilder[] = [];
  const builderColumn: number[] = [];
  for (const c of request.columns) {
    const col = columns[c];
    if (!col) throw new LochError(SqlState.internalError, `scan requested column ${c} of a ${ncols}-column file table`);
    if (slotOf[c] === -1) {
      slotOf[c] = builders.length;
      builders.push(createColumnBuilder(col.type, batchRows, col.name));
      builderColumn.push(c);
    }
  }
  const outSlots = request.columns.map((c) => slotOf[c]!);
  const nbuilders = builders.length;
  let rows = 0;
  let emitted = 0;
  const tok = new CsvTokenizer(format.delimiter, format.quote);
  const nullBytes = format.nullBytes;
  const flush = (): Batch => {
    const data = builders.map((b) => b.finish());
    const batch = new Batch(outSlots.map((s) => data[s]!), rows);
    for (const b of builders) b.reset(batchRows);
    emitted += rows;
    rows = 0;
    return batch;
  };

  for (const file of files) {
    const reader = await ChunkReader.open(file);
    let line = 1;
    let headerPending = format.header;
    try {
      for (;;) {
        while (reader.pos < reader.len) {
          const buf = reader.buf;
          const next = tok.next(buf, reader.pos, reader.len, reader.eof);
          if (next === -1) break;
          if (next === -2) throw new LochError('22P04', `${tok.problem} ${where(file, line)}`);
          const recordLine = line;
          line += tok.newlines;
          reader.pos = next;
          if (tok.isBlankRecord()) continue;
          if (headerPending) { headerPending = false; continue; }
          const nfields = effectiveFieldCount(tok, ncols);
          if (nfields !== ncols) {
            const message = nfields < ncols
              ? `missing data for column "${columns[nfields]!.name}" ${where(file, recordLine)}`
              : `extra data after last expected column ${where(file, recordLine)}`;
            throw new LochError('22P04', message);
          }
          for (let s = 0; s < nbuilders; s++) {
            const k = builderColumn[s]!;
            const b = builders[s]!;
            if (isNullField(tok, buf, k, nullBytes)) { b.appendNull(); continue; }
            const start = tok.fieldStart[k]!;
            const end = tok.fieldEnd[k]!;
            let ok: boolean;
            try {
              ok = b.append(buf, start, end, tok.fieldFlags[k]!, format.quote);
            } catch (e) {
              if (e instanceof LochError) {
                throw new LochError(e.sqlState, `${e.message} ${where(file, recordLine, columns[k]!.name)}`, { cause: e });
              }
              throw e;
            }
            if (!ok) {
              // an empty quoted field in a non-text column reads as NULL (common in quote-everything exports)
              if (end === start) { b.appendNull(); continue; }
              throw new LochError(SqlState.invalidTextRepresentation,
                `invalid input syntax for type ${typeName(b.type)}: "${bytesToString(buf, start, end)}" ${where(file, recordLine, columns[k]!.name)}`);
            }
          }
          rows++;
          if (rows === batchRows || emitted + rows >= limit) {
            yield flush();
            if (emitted >= limit) return;
          }
        }
        if (reader.eof) break;
        if (request.signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
        await reader.fill();
      }
    } finally {
      await reader.close();
    }
  }
  if (rows > 0) yield flush();
}
