/**
 * Reading and validating a Parquet footer (FileMetaData) through an ObjectStore.
 *
 *   file: PAR1 | column chunks … | FileMetaData (thrift) | u32 footer length | PAR1
 *
 * One range read fetches the last FOOTER_GUESS bytes, which holds the whole
 * footer of most files; a second read fetches the rest when it does not.
 * Thrift decoding is hyparquet's (plain JS, dependency free). Every defect
 * found here is a LochError XX001 naming the file, so a corrupt file never
 * reaches the WebAssembly decoder's footer parser.
 */
import { parquetMetadata } from 'hyparquet';
import type { FileMetaData, ParquetParsers } from 'hyparquet';
import { LochError, SqlState } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import type { ThriftStruct } from './thrift-compact.ts';
import { decodeRawFooter } from './row-group-file.ts';
import { footerFingerprint } from './column-cache.ts';

/** A Parquet file's location, size and decoded footer. */
export interface ParquetFooter {
  readonly path: string;
  readonly size: number;
  readonly metadata: FileMetaData;
  /** The same footer as raw Thrift fields, for cutting row-group extracts (row-group-file.ts). */
  readonly raw: ThriftStruct;
  /** Modification time (ms) when the footer was read: with `size` and `fingerprint`, the column cache's file key. */
  readonly lastModified?: number;
  /** A hash of the footer bytes (column-cache.ts), so a rewritten file never hits stale cache entries. */
  readonly fingerprint?: number;
}

const FOOTER_GUESS = 64 * 1024;
const MAGIC = 0x31524150; // "PAR1" little-endian

/** A timestamp statistic before unit conversion (see `statistics-pruning.ts`). */
export interface RawTimestamp {
  readonly unit: 'ms' | 'us' | 'ns';
  readonly value: bigint;
}

/**
 * Statistics parsers: keep dates as day numbers and timestamps with their unit,
 * close to Loch's literal representation (core/literal.ts).
 */
const PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (v: bigint): RawTimestamp => ({ unit: 'ms', value: v }),
  timestampFromMicroseconds: (v: bigint): RawTimestamp => ({ unit: 'us', value: v }),
  timestampFromNanoseconds: (v: bigint): RawTimestamp => ({ unit: 'ns', value: v }),
};

/** Reads and validates the footer of the Parquet file at `path`. */
export async function readParquetFooter(store: ObjectStore, path: string): Promise<ParquetFooter> {
  const { size, lastModified } = await store.head(path);
  if (size < 12) throw corrupt(path, `it is ${size} bytes long, too short for Parquet`);
  const tailLength = Math.min(size, FOOTER_GUESS);
  let tail = await store.getRange(path, size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  if (view.getUint32(tail.byteLength - 4, true) !== MAGIC) {
    throw corrupt(path, 'it does not end with the Parquet magic "PAR1" (truncated or not Parquet)');
  }
  const footerLength = view.getUint32(tail.byteLength - 8, true);
  if (footerLength + 12 > size) throw corrupt(path, `its footer length ${footerLength} exceeds the file size ${size}`);
  if (footerLength + 8 > tail.byteLength) {
    tail = await store.getRange(path, size - footerLength - 8, footerLength + 8);
  }
  const head = await store.getRange(path, 0, 4);
  if (new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true) !== MAGIC) {
    throw corrupt(path, 'it does not start with the Parquet magic "PAR1"');
  }
  let metadata: FileMetaData;
  const footerBytes = tail.subarray(tail.byteLength - footerLength - 8, tail.byteLength - 8);
  const raw = decodeRawFooter(path, footerBytes);
  try {
    metadata = parquetMetadata(tail.subarray(tail.byteLength - footerLength - 8), { parsers: PARSERS, geoparquet: false });
  } catch (e) {
    throw corrupt(path, `its footer cannot be decoded (${e instanceof Error ? e.message : String(e)})`, e);
  }
  validate(path, size, metadata);
  return { path, size, metadata, raw, lastModified, fingerprint: footerFingerprint(footerBytes) };
}

/** Checks the invariants the decoder relies on: chunk ranges inside the file, one chunk per leaf. */
function validate(path: string, size: number, metadata: FileMetaData): void {
  if (!Array.isArray(metadata.schema) || metadata.schema.length === 0 || !Array.isArray(metadata.row_groups)) {
    throw corrupt(path, 'its footer has no schema');
  }
  const leaves = metadata.schema.filter((e) => e.type !== undefined).length;
  const dataEnd = size - metadata.metadata_length - 8;
  for (const [g, rg] of metadata.row_groups.entries()) {
    if (rg.columns.length !== leaves) throw corrupt(path, `row group ${g} has ${rg.columns.length} column chunks, the schema has ${leaves} columns`);
    for (const chunk of rg.columns) {
      const md = chunk.meta_data;
      if (!md) throw corrupt(path, `row group ${g} has a column chunk without metadata`);
      const start = chunkStart(md);
      const end = start + Number(md.total_compressed_size);
      if (!(start >= 4 && end <= dataEnd)) {
        throw corrupt(path, `column "${md.path_in_schema.join('.')}" of row group ${g} points outside the file`);
      }
    }
  }
}

/** Byte offset where a column chunk starts (its dictionary page, if any). */
export function chunkStart(md: { dictionary_page_offset?: bigint; data_page_offset: bigint }): number {
  const data = Number(md.data_page_offset);
  const dict = md.dictionary_page_offset === undefined ? 0 : Number(md.dictionary_page_offset);
  // Some writers store 0 for "no dictionary page".
  return dict > 0 && dict < data ? dict : data;
}

/** LochError XX001 naming the file. */
export function corrupt(path: string, why: string, cause?: unknown): LochError {
  return new LochError(SqlState.dataCorrupted, `Parquet file "${path}" is corrupt: ${why}`, cause === undefined ? {} : { cause });
}
