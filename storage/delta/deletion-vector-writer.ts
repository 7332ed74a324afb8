/**
 * Writing deletion vectors (PROTOCOL.md "Deletion Vectors", "Deletion Vector File
 * Storage Format"): one file per DV at the table root,
 *
 *   deletion_vector_<uuid>.bin:  u8 version=1 | u32 BE dataSize | magic (LE) + bitmap | u32 BE CRC-32(data)
 *
 * described by storageType 'u', pathOrInlineDv = Z85(uuid) (20 characters), offset 1.
 */
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { DeletionVectorDescriptor } from './delta-actions.ts';
import { type DeltaLocation } from './delta-location.ts';
import { deletionVectorFileKey } from './deletion-vector.ts';
import { encodeRoaringBitmapArray } from './roaring-bitmap-writer.ts';
import { z85Encode } from './z85.ts';

const MAGIC = 1681511377;

/** The serialized DV (magic + portable bitmap) of sorted distinct row indexes. */
export function serializeDeletionVector(rows: Float64Array): Uint8Array {
  const bitmap = encodeRoaringBitmapArray(rows);
  const out = new Uint8Array(4 + bitmap.length);
  new DataView(out.buffer).setUint32(0, MAGIC, true);
  out.set(bitmap, 4);
  return out;
}

/** Writes a DV file for `rows` (sorted, distinct) and returns its descriptor. */
export async function writeDeletionVector(loc: DeltaLocation, rows: Float64Array): Promise<DeletionVectorDescriptor> {
  const data = serializeDeletionVector(rows);
  const file = new Uint8Array(1 + 4 + data.length + 4);
  const view = new DataView(file.buffer);
  file[0] = 1;
  view.setUint32(1, data.length, false);
  file.set(data, 5);
  view.setUint32(5 + data.length, crc32(data), false);
  const uuid = randomUUID().replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(uuid.slice(2 * i, 2 * i + 2), 16);
  const pathOrInlineDv = z85Encode(bytes);
  await loc.store.put(deletionVectorFileKey(loc, pathOrInlineDv), file);
  return { storageType: 'u', pathOrInlineDv, offset: 1, sizeInBytes: data.length, cardinality: rows.length };
}
