/**
 * Cutting one row group's requested column chunks out of a Parquet file into a
 * small self-contained Parquet file that the synchronous WebAssembly decoder
 * (`readParquet`) reads.
 *
 *   source:  PAR1 | rg0: c0 c1 c2 … | rg1: c0 c1 c2 … | footer | len | PAR1
 *   extract: PAR1 | rg1: c2 | rg2: c2 | footer' (schema: root + c2; offsets shifted) | len | PAR1
 *
 * Why not parquet-wasm's async reader: a decoder panic inside its async tasks
 * escapes as an uncaught exception and the read promise never settles (a hang
 * on a corrupt file). Synchronous calls throw where we can catch them, and the
 * extract holds only the wanted columns, so projection costs nothing extra.
 */
import type { ObjectStore } from '../object-store/object-store.ts';
import { corrupt } from './parquet-footer.ts';
import { type ThriftStruct, type ThriftValue, decodeThrift, encodeThrift } from './thrift-compact.ts';
import { acquireScratch } from './scratch-buffers.ts';

/**
 * DECIMAL on INT32/INT64 loses its annotation in the extract: the decoder then
 * hands over the plain integers (4/8 bytes a value) instead of widening every
 * value to Decimal128 (16 bytes), and column-conversion.ts turns the unscaled
 * integers straight into Loch's Float64 scaled integers. Types come from the
 * original footer (parquet-schema.ts), never from the extract.
 */
function plainIntegerDecimal(element: ThriftStruct): ThriftStruct {
  const physical = element.field_1; // 1 = INT32, 2 = INT64
  const isDecimal = element.field_6 === 5 || (element.field_10 as ThriftStruct | undefined)?.field_5 !== undefined;
  if (!isDecimal || (physical !== 1 && physical !== 2)) return element;
  const { field_6: _converted, field_7: _scale, field_8: _precision, field_10: _logical, ...rest } = element;
  return rest;
}

/** The raw (field-numbered) FileMetaData of a file, decoded once per file. */
export function decodeRawFooter(path: string, footer: Uint8Array): ThriftStruct {
  try {
    return decodeThrift(footer).value;
  } catch (e) {
    throw corrupt(path, `its footer cannot be decoded (${e instanceof Error ? e.message : String(e)})`, e);
  }
}

const MAGIC = Uint8Array.of(0x50, 0x41, 0x52, 0x31);

function num(v: ThriftValue | undefined): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0;
}

/**
 * Builds the extract for row groups `groups` (consecutive small ones are decoded
 * together: each decoder call costs about a millisecond) and leaf columns
 * `leaves` (schema order indexes), fetching each column chunk with one range
 * read (straight into the extract when the store offers `readRangesInto`).
 * The extract is a view on a pooled scratch buffer (scratch-buffers.ts): the
 * caller hands it to `releaseScratch` once decoded and keeps no view on it.
 */
export async function extractRowGroups(store: ObjectStore, path: string, raw: ThriftStruct, groups: readonly number[], leaves: readonly number[]): Promise<Uint8Array> {
  const schema = raw.field_2 as ThriftStruct[];
  const allGroups = raw.field_4 as ThriftStruct[];
  const byteRanges: { offset: number; length: number }[] = [];
  let pos = 4;
  let numRows = 0n;
  const newGroups: ThriftStruct[] = groups.map((group) => {
    const rg = allGroups[group]!;
    const chunks = rg.field_1 as ThriftStruct[];
    const newChunks = leaves.map((leaf) => {
      const md = chunks[leaf]!.field_3 as ThriftStruct;
      const data = num(md.field_9);
      const dict = num(md.field_11);
      const hasDict = dict > 0 && dict < data;
      const start = hasDict ? dict : data;
      const length = num(md.field_7);
      byteRanges.push({ offset: start, length });
      const shift = pos - start;
      pos += length;
      const out: ThriftStruct = {
        field_1: md.field_1!, // physical type
        field_2: md.field_2!, // encodings
        field_3: md.field_3!, // path in schema
        field_4: md.field_4!, // codec
        field_5: md.field_5!, // num values
        field_6: md.field_6!, // total uncompressed size
        field_7: md.field_7!, // total compressed size
        field_9: BigInt(data + shift),
      };
      if (hasDict) out.field_11 = BigInt(dict + shift);
      return { field_2: BigInt(start + shift), field_3: out };
    });
    const rows = typeof rg.field_3 === 'bigint' ? rg.field_3 : BigInt(num(rg.field_3));
    numRows += rows;
    return { field_1: newChunks, field_2: rg.field_2 ?? 0n, field_3: rows };
  });
  const root = schema[0]!;
  const meta: ThriftStruct = {
    field_1: raw.field_1 ?? 1,
    field_2: [{ ...root, field_5: leaves.length }, ...leaves.map((leaf) => plainIntegerDecimal(schema[leaf + 1]!))],
    field_3: numRows,
    field_4: newGroups,
  };
  if (raw.field_6 !== undefined) meta.field_6 = raw.field_6; // created_by: the decoder works around known writer bugs by it
  const footer = encodeThrift(meta);

  const out = acquireScratch(pos + footer.length + 8);
  out.set(MAGIC, 0);
  if (store.readRangesInto) {
    await store.readRangesInto(path, byteRanges, out, 4);
  } else {
    const bodies = await Promise.all(byteRanges.map((r) => store.getRange(path, r.offset, r.length)));
    let body = 4;
    for (const b of bodies) { out.set(b, body); body += b.length; }
  }
  out.set(footer, pos);
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(pos + footer.length, footer.length, true);
  out.set(MAGIC, pos + footer.length + 4);
  return out;
}
