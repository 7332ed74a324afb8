/**
 * A decoded column chunk (its arrow.Data batches, flat Loch layouts only) packed into one
 * SharedArrayBuffer, so every task thread of a worker process can read it without a copy:
 *
 *   SharedColumn { buffer: SAB, layout: Float64Array (8 numbers per batch), values: typed-array name }
 *        batch i: length, nullCount, values byte offset/length, value offsets byte offset/length,
 *                 null bitmap byte offset/length (-1: absent)
 *
 * Each batch's buffers are copied unchanged (offset-0 Data, 8-byte aligned), so the views
 * rebuilt in another thread have exactly the layout the decoder produced. A SharedColumn
 * crosses threads by postMessage: the SharedArrayBuffer by reference, the layout by copy.
 */
import * as arrow from 'apache-arrow';

/** One column chunk in shared memory (plain data: it survives structured clone). */
export interface SharedColumn {
  readonly buffer: SharedArrayBuffer;
  readonly layout: Float64Array;
  /** Name of the values' typed-array class (Float64Array, Int32Array, …). */
  readonly values: string;
  /** Bytes of the shared buffer. */
  readonly bytes: number;
}

const FIELDS = 8;

type ViewCtor = (new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView) & { readonly BYTES_PER_ELEMENT: number };

const VIEWS: Readonly<Record<string, ViewCtor>> = {
  Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
} as unknown as Record<string, ViewCtor>;

const align8 = (n: number): number => (n + 7) & ~7;

/** True when `data` can be shared: flat columns (no children, no dictionary) with typed-array values. */
export function shareable(data: readonly arrow.Data[]): boolean {
  if (data.length === 0) return false;
  const name = data[0]!.values?.constructor.name;
  if (name === undefined || VIEWS[name] === undefined) return false;
  return data.every((d) => d.children.length === 0 && d.dictionary === undefined && d.offset === 0 && d.values?.constructor.name === name);
}

/** Bytes `toSharedColumn` needs for `data`. */
export function sharedColumnBytes(data: readonly arrow.Data[]): number {
  let size = 8;
  for (const d of data) size += align8(d.values.byteLength) + align8(d.valueOffsets?.byteLength ?? 0) + align8(d.nullCount > 0 ? d.nullBitmap?.byteLength ?? 0 : 0);
  return size;
}

/**
 * Copies `data` (which must be `shareable`) into one SharedArrayBuffer: `into` (a reused buffer
 * of at least `sharedColumnBytes(data)` bytes, whose old contents nobody reads any more) or a new one.
 */
export function toSharedColumn(data: readonly arrow.Data[], into?: SharedArrayBuffer): SharedColumn {
  const size = sharedColumnBytes(data);
  if (into !== undefined && into.byteLength < size) throw new Error(`shared buffer of ${into.byteLength} bytes for a column of ${size}`);
  const buffer = into ?? new SharedArrayBuffer(size);
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const layout = layoutOf(data, (view) => {
    bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
    const placed = at;
    at += align8(view.byteLength);
    return placed;
  });
  return { buffer, layout, values: data[0]!.values.constructor.name, bytes: buffer.byteLength };
}

/**
 * `data` (which must be `shareable`) as the SharedColumn it already is: every buffer a view on
 * `buffer` (decoded into it: decoded-column-arena.ts), no copy; undefined when one is not.
 */
export function sharedColumnIn(data: readonly arrow.Data[], buffer: SharedArrayBuffer): SharedColumn | undefined {
  if (!shareable(data)) return undefined;
  let inside = true;
  const layout = layoutOf(data, (view) => {
    inside &&= view.buffer === buffer;
    return view.byteOffset;
  });
  return inside ? { buffer, layout, values: data[0]!.values.constructor.name, bytes: buffer.byteLength } : undefined;
}

/** The layout of `data`'s batches, `place` giving the byte offset of each buffer in the shared memory. */
function layoutOf(data: readonly arrow.Data[], place: (view: ArrayBufferView) => number): Float64Array {
  const layout = new Float64Array(data.length * FIELDS);
  const put = (view: ArrayBufferView | undefined, slot: number): void => {
    if (view === undefined || view === null) {
      layout[slot] = -1;
      layout[slot + 1] = 0;
      return;
    }
    layout[slot] = place(view);
    layout[slot + 1] = view.byteLength;
  };
  data.forEach((d, i) => {
    const s = i * FIELDS;
    layout[s] = d.length;
    layout[s + 1] = d.nullCount;
    put(d.values, s + 2);
    put(d.valueOffsets, s + 4);
    put(d.nullCount > 0 ? d.nullBitmap : undefined, s + 6);
  });
  return layout;
}

/** The batches of `column` as arrow.Data of `type`, viewing the shared memory (no copy). */
export function fromSharedColumn(column: SharedColumn, type: arrow.DataType): arrow.Data[] {
  const View = VIEWS[column.values];
  if (View === undefined) throw new Error(`shared column of unknown values type ${column.values}`);
  const { buffer, layout } = column;
  const out: arrow.Data[] = [];
  for (let s = 0; s < layout.length; s += FIELDS) {
    const length = layout[s]!;
    const nullCount = layout[s + 1]!;
    const data = new View(buffer, layout[s + 2]!, layout[s + 3]! / View.BYTES_PER_ELEMENT);
    const valueOffsets = layout[s + 4]! < 0 ? undefined : new Int32Array(buffer, layout[s + 4]!, layout[s + 5]! / 4);
    const nullBitmap = layout[s + 6]! < 0 ? undefined : new Uint8Array(buffer, layout[s + 6]!, layout[s + 7]!);
    out.push(arrow.makeData({ type, length, nullCount, nullBitmap, data, valueOffsets } as unknown as Parameters<typeof arrow.makeData>[0]) as arrow.Data);
  }
  return out;
}
