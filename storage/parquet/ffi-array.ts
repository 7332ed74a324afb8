/**
 * Reading Arrow C Data Interface `ArrowArray` structs straight out of WebAssembly
 * memory (wasm32 layout), so decoded columns can be copied into Loch's layout in
 * one step. (arrow-js-ffi's own array views ignore `offset` and size Decimal128
 * views by value count, so we read the structs ourselves and use it only for schemas.)
 *
 *   struct ArrowArray {            // byte offset (wasm32)
 *     int64 length;                //  0
 *     int64 null_count;            //  8
 *     int64 offset;                // 16
 *     int64 n_buffers;             // 24
 *     int64 n_children;            // 32
 *     const void** buffers;        // 40
 *     ArrowArray** children;       // 44
 *     ArrowArray* dictionary;      // 48
 *     void (*release)(ArrowArray*);// 52
 *     void* private_data;          // 56
 *   }
 */

/** One array: its counts and buffer addresses inside `memory`. */
export interface FfiArray {
  readonly memory: ArrayBuffer;
  readonly length: number;
  readonly nullCount: number;
  readonly offset: number;
  /** Buffer addresses (0 = absent), e.g. [validity, values] or [validity, offsets, bytes]. */
  readonly buffers: readonly number[];
  readonly children: readonly number[];
}

/** Decodes the ArrowArray struct at `ptr`. */
export function readFfiArray(memory: ArrayBuffer, ptr: number): FfiArray {
  const view = new DataView(memory);
  const i64 = (at: number) => Number(view.getBigInt64(ptr + at, true));
  const nBuffers = i64(24), nChildren = i64(32);
  const buffersPtr = view.getUint32(ptr + 40, true), childrenPtr = view.getUint32(ptr + 44, true);
  const buffers: number[] = [];
  for (let i = 0; i < nBuffers; i++) buffers.push(view.getUint32(buffersPtr + 4 * i, true));
  const children: number[] = [];
  for (let i = 0; i < nChildren; i++) children.push(view.getUint32(childrenPtr + 4 * i, true));
  return { memory, length: i64(0), nullCount: i64(8), offset: i64(16), buffers, children };
}
