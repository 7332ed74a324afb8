/**
 * A Blob look-alike over one object of an ObjectStore, so parquet-wasm's async
 * reader (`ParquetFile.fromFile`) fetches exactly the byte ranges it plans —
 * the footer, then the column chunks of the row groups and columns asked for —
 * through `ObjectStore.getRange`. parquet-wasm only calls `size`, `slice` and
 * `arrayBuffer`, dynamically, so the same reader runs over local files and S3.
 */
import type { ObjectStore } from '../object-store/object-store.ts';

/** Counts bytes fetched, for scan metrics. */
export interface ByteCounter {
  bytesRead: number;
}

interface BlobSlice {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** `{ size, slice(start, end).arrayBuffer() }` over `store`'s object at `path`. */
export function objectStoreBlob(store: ObjectStore, path: string, size: number, counter: ByteCounter): Blob {
  const blob = {
    size,
    type: '',
    slice(start = 0, end = size): BlobSlice {
      const from = Math.max(0, Math.min(size, start < 0 ? size + start : start));
      const to = Math.max(from, Math.min(size, end < 0 ? size + end : end));
      return {
        async arrayBuffer(): Promise<ArrayBuffer> {
          const bytes = await store.getRange(path, from, to - from);
          counter.bytesRead += bytes.byteLength;
          if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
          return bytes.slice().buffer as ArrayBuffer;
        },
      };
    },
  };
  return blob as unknown as Blob;
}
