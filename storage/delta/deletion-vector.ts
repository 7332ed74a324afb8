/**
 * Loading a deletion vector (PROTOCOL.md "Deletion Vectors") and turning it into
 * a selection vector for the rows of one batch.
 *
 *   storageType 'i': pathOrInlineDv = Z85(magic | bitmap)                    (sizeInBytes bytes)
 *   storageType 'u': pathOrInlineDv = <prefix><20 chars Z85 UUID> → <prefix>/deletion_vector_<uuid>.bin
 *   storageType 'p': pathOrInlineDv = absolute path of the file
 *   DV file at `offset`: u32 size (big-endian) | magic 1681511377 (LE) | bitmap | u32 CRC
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { DeletionVectorDescriptor } from './delta-actions.ts';
import { type DeltaLocation, dataFileKey, tableKey } from './delta-location.ts';
import { decodeRoaringBitmapArray } from './roaring-bitmap.ts';
import { uuidText, z85Decode } from './z85.ts';

const MAGIC = 1681511377;

/** The sorted physical row indexes a deletion vector deletes. */
export async function loadDeletionVector(loc: DeltaLocation, dv: DeletionVectorDescriptor): Promise<Float64Array> {
  const where = `${dv.storageType}:${dv.pathOrInlineDv}`;
  let bytes: Uint8Array;
  if (dv.storageType === 'i') {
    bytes = z85Decode(dv.pathOrInlineDv).subarray(0, dv.sizeInBytes || undefined);
  } else if (dv.storageType === 'u' || dv.storageType === 'p') {
    const key = dv.storageType === 'u' ? deletionVectorFileKey(loc, dv.pathOrInlineDv) : dataFileKey(loc, dv.pathOrInlineDv);
    const offset = dv.offset ?? 1;
    const head = await loc.store.getRange(key, offset, 4);
    const size = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, false);
    bytes = await loc.store.getRange(key, offset + 4, size);
  } else {
    throw new LochError(SqlState.featureNotSupported, `deletion vector storage type "${dv.storageType}" is not supported`);
  }
  if (bytes.byteLength < 4 || new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) !== MAGIC) {
    throw new LochError(SqlState.dataCorrupted, `deletion vector ${where} is corrupt: it does not start with the magic number ${MAGIC}`);
  }
  const rows = decodeRoaringBitmapArray(bytes, 4, where);
  if (dv.cardinality && rows.length !== dv.cardinality) {
    throw new LochError(SqlState.dataCorrupted, `deletion vector ${where} is corrupt: it holds ${rows.length} rows but its descriptor says ${dv.cardinality}`);
  }
  return rows;
}

/** The store key of a 'u' deletion vector file. */
export function deletionVectorFileKey(loc: DeltaLocation, pathOrInlineDv: string): string {
  if (pathOrInlineDv.length < 20) throw new LochError(SqlState.dataCorrupted, `deletion vector path "${pathOrInlineDv}" is too short`);
  const prefix = pathOrInlineDv.slice(0, -20);
  const uuid = uuidText(z85Decode(pathOrInlineDv.slice(-20)));
  const name = `deletion_vector_${uuid}.bin`;
  return tableKey(loc, prefix === '' ? name : `${prefix}/${name}`);
}

/**
 * The selection for physical rows [start, start+length) of a file, leaving out
 * `deleted` (sorted), or null when nothing in the range is deleted.
 */
export function selectionWithout(deleted: Float64Array, start: number, length: number): Int32Array | null {
  let lo = lowerBound(deleted, start);
  const hi = lowerBound(deleted, start + length);
  if (lo === hi) return null;
  const out = new Int32Array(length - (hi - lo));
  let next = lo < hi ? deleted[lo]! - start : length;
  let o = 0;
  for (let i = 0; i < length; i++) {
    if (i === next) {
      lo++;
      next = lo < hi ? deleted[lo]! - start : length;
      continue;
    }
    out[o++] = i;
  }
  return out;
}

/** The selection for physical rows [start, start+length) of a file keeping only `kept` (sorted). */
export function selectionOf(kept: Float64Array, start: number, length: number): Int32Array {
  const lo = lowerBound(kept, start);
  const hi = lowerBound(kept, start + length);
  const out = new Int32Array(hi - lo);
  for (let i = lo; i < hi; i++) out[i - lo] = kept[i]! - start;
  return out;
}

/** Sorted `a` minus sorted `b`. */
export function sortedDifference(a: Float64Array, b: Float64Array): Float64Array {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (j >= b.length || b[j] !== a[i]) out.push(a[i]!);
  }
  return Float64Array.from(out);
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
