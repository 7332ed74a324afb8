/**
 * `openJsonLinesTable`: newline-delimited JSON (one object per line) as a
 * `TableScanner`. Columns are top-level keys; the schema is explicit or
 * inferred from the union of keys in a sample (in first-seen order). Nested
 * objects and arrays are read as JSON text. Missing keys and `null` are NULL.
 *
 * Lines are parsed with JSON.parse (one string per line is unavoidable here);
 * values then go through the same byte parsers as CSV, so a JSON string
 * "1995-03-15" in a date column is parsed exactly like a CSV field.
 */
import { stat } from 'node:fs/promises';
import {
  Batch, LochError, SqlState, type ScanRequest, type SourceColumn, type SourceStatistics, type TableScanner, typeName,
} from '../core/index.ts';
import { ChunkReader } from './chunk-reader.ts';
import { type ColumnBuilder, createColumnBuilder, isTextBuilder } from './column-builder.ts';
import { DEFAULT_BATCH_ROWS } from './csv-scan.ts';
import { resolveFiles } from './file-glob.ts';
import { TypeSniffer } from './type-sniffer.ts';

export interface JsonLinesTableOptions {
  /** The schema; when absent it is inferred from the first file. */
  readonly columns?: readonly SourceColumn[];
  /** Lines of the first file sampled for inference (default 1000). */
  readonly sampleRows?: number;
}

const LF = 10;
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Opens JSON-lines files as one table (paths may be files, directories or glob patterns). */
export async function openJsonLinesTable(paths: readonly string[], options: JsonLinesTableOptions = {}): Promise<TableScanner> {
  const files = await resolveFiles(paths);
  const columns = options.columns ?? await inferJsonColumns(files[0]!, options.sampleRows ?? 1000);
  if (columns.length === 0) throw new LochError(SqlState.invalidParameterValue, `file "${files[0]}" has no JSON keys to read as columns`);
  return new JsonLinesTable(files, columns);
}

/** One parsed line: the object and its 1-based line number. */
interface JsonLine {
  readonly value: Record<string, unknown>;
  readonly line: number;
}

/** The objects of `file`, one per non-blank line, streamed through a bounded byte window. */
async function* readObjects(file: string): AsyncGenerator<JsonLine> {
  const reader = await ChunkReader.open(file);
  let line = 0;
  try {
    for (;;) {
      while (reader.pos < reader.len) {
        let nl = reader.buf.indexOf(LF, reader.pos);
        if (nl === -1 || nl >= reader.len) {
          if (!reader.eof) break;
          nl = reader.len;
        }
        line++;
        let end = nl;
        if (end > reader.pos && reader.buf[end - 1] === 13) end--;
        const text = decoder.decode(reader.buf.subarray(reader.pos, end));
        reader.pos = Math.min(nl + 1, reader.len);
        if (text.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          throw new LochError(SqlState.invalidTextRepresentation,
            `invalid input syntax for type json (file "${file}", line ${line}): ${(e as Error).message}`);
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new LochError(SqlState.invalidTextRepresentation, `JSON line is not an object (file "${file}", line ${line})`);
        }
        yield { value: value as Record<string, unknown>, line };
      }
      if (reader.eof) break;
      await reader.fill();
    }
  } finally {
    await reader.close();
  }
}

/** Infers columns from the keys and values of the first `sampleRows` objects. */
export async function inferJsonColumns(file: string, sampleRows: number): Promise<SourceColumn[]> {
  const sniffers = new Map<string, TypeSniffer>();
  let records = 0;
  for await (const { value: obj } of readObjects(file)) {
    for (const key of Object.keys(obj)) {
      let s = sniffers.get(key);
      if (!s) { s = new TypeSniffer(); sniffers.set(key, s); }
      const v = obj[key];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') {
        const bytes = encoder.encode(v);
        s.observeBytes(bytes, 0, bytes.length, false);
      } else {
        s.observeJson(v);
      }
    }
    if (++records >= sampleRows) break;
  }
  return [...sniffers].map(([name, s]) => ({ name, type: s.result(), nullable: true }));
}

class JsonLinesTable implements TableScanner {
  readonly columns: readonly SourceColumn[];
  private readonly files: readonly string[];

  constructor(files: readonly string[], columns: readonly SourceColumn[]) {
    this.files = files;
    this.columns = columns;
  }

  async statistics(): Promise<SourceStatistics> {
    let sizeBytes = 0;
    for (const f of this.files) sizeBytes += (await stat(f)).size;
    return { sizeBytes };
  }

  scan(request: ScanRequest): AsyncIterable<Batch> {
    return scanJsonLines(this.files, this.columns, request);
  }
}

let scratch = new Uint8Array(256);

/** Appends one JSON value to a builder of any type (false: not a value of that type). */
function appendJson(b: ColumnBuilder, v: unknown): boolean {
  if (v === null || v === undefined) { b.appendNull(); return true; }
  if (isTextBuilder(b)) {
    b.appendString(typeof v === 'string' ? v : JSON.stringify(v));
    return true;
  }
  if (typeof v === 'object') return false;
  const text = String(v);
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return b.append(scratch, 0, written, 0, -1);
}

async function* scanJsonLines(files: readonly string[], columns: readonly SourceColumn[], request: ScanRequest): AsyncGenerator<Batch> {
  const batchRows = Math.max(1, request.batchSize ?? DEFAULT_BATCH_ROWS);
  const limit = request.limit ?? Infinity;
  if (limit <= 0) return;
  const names = request.columns.map((c) => {
    const col = columns[c];
    if (!col) throw new LochError(SqlState.internalError, `scan requested column ${c} of a ${columns.length}-column file table`);
    return col.name;
  });
  const builders = request.columns.map((c) => createColumnBuilder(columns[c]!.type, batchRows, columns[c]!.name));
  let rows = 0;
  let emitted = 0;
  const flush = (): Batch => {
    const batch = new Batch(builders.map((b) => b.finish()), rows);
    for (const b of builders) b.reset(batchRows);
    emitted += rows;
    rows = 0;
    return batch;
  };
  for (const file of files) {
    for await (const { value: obj, line } of readObjects(file)) {
      for (let s = 0; s < builders.length; s++) {
        const v = obj[names[s]!];
        let ok: boolean;
        try {
          ok = appendJson(builders[s]!, v);
        } catch (e) {
          if (e instanceof LochError) throw new LochError(e.sqlState, `${e.message} (file "${file}", line ${line}, column "${names[s]}")`);
          throw e;
        }
        if (!ok) {
          throw new LochError(SqlState.invalidTextRepresentation,
            `invalid input syntax for type ${typeName(builders[s]!.type)}: ${JSON.stringify(v)} (file "${file}", line ${line}, column "${names[s]}")`);
        }
      }
      rows++;
      if (rows === batchRows || emitted + rows >= limit) {
        yield flush();
        if (emitted >= limit) return;
        if (request.signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
      }
    }
  }
  if (rows > 0) yield flush();
}
